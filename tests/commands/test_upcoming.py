"""``invoke upcoming`` (明天将发布): the next scheduled build's changes, named with their cause.

On the sample repository: the case `2026-dyeing-wastewater-reuse` is approved for
2026-12-15, the talk `2026-maker-culture-talk` ends on 2026-12-03.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from showcase.commands.upcoming import as_markdown, compare, upcoming
from showcase.paths import repository_root
from showcase.render.case_visibility import Publicity
from tests.render.helpers import render
from tests.render.test_publicity import case, model_with_cases

ROOT = repository_root()
UTC = datetime.UTC
CASE_URL = "https://makerspace.example.edu.cn/cases/2026-dyeing-wastewater-reuse/"


def _report(capsys: pytest.CaptureFixture[str], **options: object) -> tuple[int, str, str]:
    code = upcoming(ROOT, **options)  # type: ignore[arg-type]
    out, err = capsys.readouterr()
    return code, out, err


def test_a_case_scheduled_for_the_day_is_named_with_its_page(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _report(capsys, date="2026-12-15")
    assert code == 0
    assert out.startswith("2026 年 12 月 15 日将发布（2026-12-15 的构建，与 2026-12-14 相比）：")
    assert "典型案例「让印染废水再用一次」到了发布日期（2026 年 12 月 15 日），上线" in out
    assert f"新增：让印染废水再用一次（{CASE_URL}）" in out
    assert "更新：典型案例（https://makerspace.example.edu.cn/cases/）" in out
    assert "feeds/cases.xml" in out


def test_the_json_report_lists_causes_pages_and_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _report(capsys, date="2026-12-15", fmt="json")
    report = json.loads(out)
    assert code == 0 and report["date"] == "2026-12-15"
    assert report["compared_with"] == "2026-12-14"
    assert [c["kind"] for c in report["causes"]] == ["case-published"]
    assert {"change": "added", "title": "让印染废水再用一次", "url": CASE_URL} in report["pages"]
    assert {"change": "added", "path": "cases/2026-dyeing-wastewater-reuse/share.png"} in report[
        "files"
    ]


def test_an_event_that_ended_moves_to_the_past(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _report(capsys, date="2026-12-04")
    assert code == 0
    assert (
        "活动「创客文化讲座：从作品到产品」（2026 年 12 月 3 日结束）从“即将举行”移到“往期活动”"
        in out
    )
    assert "更新：活动（https://makerspace.example.edu.cn/events/）" in out
    assert "case-published" not in out and "上线" not in out


def test_a_quiet_day_says_so_and_names_the_daily_pages_apart(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The forms and the dashboard of the year in progress change every day: not news."""
    code, out, _ = _report(capsys, date="2026-12-20")
    assert code == 0
    assert "- 网站内容没有变化。" in out
    assert "页面变化" not in out
    daily = next(line for line in out.splitlines() if "每天都会更新" in line)
    for page in ("推荐典型案例", "提交项目", "数据看板 · 2026—2027 学年"):
        assert page in daily


@pytest.mark.parametrize(
    ("now", "day"),
    [
        # 18:00 in Beijing on 14 December: tomorrow is the case's day
        (datetime.datetime(2026, 12, 14, 10, 0, tzinfo=UTC), "2026-12-15"),
        # 00:30 in Beijing on 15 December (still the 14th in UTC): tomorrow is the 16th
        (datetime.datetime(2026, 12, 14, 16, 30, tzinfo=UTC), "2026-12-16"),
    ],
)
def test_by_default_it_reports_tomorrow_in_beijing(
    capsys: pytest.CaptureFixture[str], now: datetime.datetime, day: str
) -> None:
    code, out, _ = _report(capsys, fmt="json", now=now)
    assert code == 0 and json.loads(out)["date"] == day
    _, text, _ = _report(capsys, now=now)
    assert text.startswith(f"明天将发布（{day} 的构建")


def test_the_summary_file_gets_the_markdown_report_appended(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    code, _, _ = _report(capsys, date="2026-12-15", summary=str(summary))
    text = summary.read_text(encoding="utf-8")
    assert code == 0 and text.startswith("earlier step\n### 2026 年 12 月 15 日将发布")
    assert f"- 新增：让印染废水再用一次（`{CASE_URL}`）" in text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"date": "2026-13-01"}, "--date 的日期「2026-13-01」无效：请写成 YYYY-MM-DD"),
        ({"date": "明天"}, "--date 的日期「明天」无效"),
        ({"fmt": "html"}, "不支持的输出格式：html。可选：text、markdown、json。"),
    ],
)
def test_bad_options_are_explained_in_chinese(
    capsys: pytest.CaptureFixture[str], options: dict[str, str], message: str
) -> None:
    code, out, err = _report(capsys, **options)
    assert code == 1 and out == "" and message in err


@pytest.mark.parametrize(
    "headline",
    [
        "[点我](javascript:alert(1))",
        "![x](https://evil.example/x.png)",
        "<img src=x onerror=alert(1)>",
        "**粗体** | 表格 `代码` # 标题",
    ],
)
def test_a_headline_stays_text_in_the_markdown_summary(headline: str) -> None:
    day = datetime.date(2026, 12, 15)
    model = model_with_cases(case("2026-scheduled", "approved", day.isoformat(), headline=headline))
    before = render(model, publicity=Publicity(day - datetime.timedelta(days=1)))
    after = render(model, publicity=Publicity(day))
    text = as_markdown(compare(model, before, after, day)).split("\n", 1)[1]  # after ###
    for mark in ("[", "]", "<", ">", "*", "|", "`代码", "#", "!"):
        if mark in headline:
            assert mark not in text.replace("\\" + mark, ""), mark


def test_an_unwritable_summary_file_is_named_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _report(capsys, date="2026-12-15", summary=str(tmp_path))  # a folder
    assert code == 1 and "2026 年 12 月 15 日将发布" in out
    assert f"无法写入摘要文件 {tmp_path}" in err
