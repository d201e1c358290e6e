"""Charts drawn at build time as small inline SVG, each with its data table beside it.

Why hand-written rather than a charting library: the site's Content-Security-Policy
refuses ``style`` attributes, which matplotlib writes on every element (and pygal also
references a script on another host); colours must come from the palette (checked for
contrast, with a dark scheme) and text must be the reader's font. Here every mark carries
a class that ``dashboard.css`` colours from the palette, every label is a real ``<text>``
that inherits the page's font, and the SVG scales to its container through its
``viewBox``. Labels sit above their bars, so a long college name never collides with a
bar on a phone. Each chart has a ``<title>`` and ``<desc>`` for screen readers and a
plain table with the same numbers beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from showcase.render.text import attribute

WIDTH = 400
"""The viewBox width: about a phone's width, so text stays near its CSS size there."""
ROW = 40
LABEL_SIZE = 14
BAR_HEIGHT = 14
VALUE_ROOM = 92
"""Room right of the longest bar for its value (``1130 万元``)."""


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str
    """The value as the table and the bar's end say it, e.g. ``150 万元``."""
    tone: str = ""
    """A class suffix picking the bar's colour (``nursery``, ``advanced`` …)."""


def bar_chart(
    chart_id: str,
    title: str,
    bars: Sequence[Bar],
    headers: tuple[str, str],
    *,
    centred: bool = False,
) -> str:
    """A titled figure: horizontal bars (labels above them) and the same data as a table.

    `centred` draws a funnel: each bar centred under the one before.
    """
    if not bars:
        return ""
    top = max(bar.value for bar in bars) or 1.0
    span = WIDTH - (0 if centred else VALUE_ROOM)
    marks = []
    for index, bar in enumerate(bars):
        y = index * ROW
        length = max(1.0, span * bar.value / top) if bar.value else 0.0
        x = (WIDTH - length) / 2 if centred else 0.0
        tone = f" sc-chart__bar--{bar.tone}" if bar.tone else ""
        label = f"{bar.label}：{bar.shown}" if centred else bar.label
        anchor = ' text-anchor="middle"' if centred else ""
        label_x = WIDTH / 2 if centred else 0
        marks.append(
            f'<text class="sc-chart__label" x="{label_x:g}" y="{y + LABEL_SIZE:g}"'
            f' font-size="{LABEL_SIZE}"{anchor}>{attribute(label)}</text>'
            f'<rect class="sc-chart__bar{tone}" x="{x:.1f}" y="{y + 20:g}"'
            f' width="{length:.1f}" height="{BAR_HEIGHT}" rx="2"/>'
        )
        if not centred:
            marks.append(
                f'<text class="sc-chart__value" x="{length + 6:.1f}" y="{y + 31:g}"'
                f' font-size="13">{attribute(bar.shown)}</text>'
            )
    height = len(bars) * ROW
    summary = "；".join(f"{bar.label} {bar.shown}" for bar in bars)
    svg = (
        f'<svg class="sc-chart__svg" viewBox="0 0 {WIDTH} {height}" role="img"'
        f' aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{attribute(title)}</title>'
        f'<desc id="{chart_id}-desc">{attribute(summary)}</desc>{"".join(marks)}</svg>'
    )
    rows = "".join(
        f'<tr><th scope="row">{attribute(bar.label)}</th><td>{attribute(bar.shown)}</td></tr>'
        for bar in bars
    )
    table = (
        f'<div class="sc-scroll" tabindex="0" role="region" aria-label="{attribute(title)}（数据表）">'
        f'<table class="sc-chart__data"><caption>{attribute(title)}（数据表）</caption>'
        f'<thead><tr><th scope="col">{attribute(headers[0])}</th>'
        f'<th scope="col">{attribute(headers[1])}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
    return (
        f'<figure class="sc-chart" id="{chart_id}"><figcaption>{attribute(title)}</figcaption>'
        f'<div class="sc-chart__body"><div class="sc-chart__picture">{svg}</div>{table}</div>'
        "</figure>"
    )
