"""Each scoring rule in one Chinese sentence: the 评估办法 page and the workbook say the same."""

from __future__ import annotations

from showcase.assessment.scoring import format_number
from showcase.assessment.sources import SOURCES
from showcase.assessment_plan import Indicator


def scoring_text(indicator: Indicator) -> str:
    """E.g. 达到 1 个得 5 分，每多 1 个加 2.5 分，最高 10 分."""
    scoring, weight = indicator.scoring, format_number(indicator.weight)
    unit = SOURCES[indicator.source].unit
    if not indicator.weight:
        return "只展示，不计分"
    if scoring.kind == "ratio":
        if scoring.per == "students":
            base = f"每 {format_number(scoring.unit)} 名学生"
        else:
            base = "平均每个在孵项目（团队）"
        said = (
            f"{base}达到 {format_number(scoring.full_at)} {unit}得满分 {weight} 分，不足按比例计分"
        )
    else:
        cap = weight if scoring.cap is None else format_number(scoring.cap)
        said = f"达到 {format_number(scoring.threshold)} {unit}得 {format_number(scoring.base)} 分"
        if scoring.increment:
            said += f"，每多 1 {unit}加 {format_number(scoring.increment)} 分"
        said += f"，最高 {cap} 分"
    if indicator.minimum:
        said += f"；不足 {indicator.minimum} {unit}时只展示、不计分"
    return said
