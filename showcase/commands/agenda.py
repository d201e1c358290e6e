"""``invoke agenda [--roadshow ID] [--out DIR]``: schedule, summarise, write the outputs.

The whole repository is validated first (scheduling is part of validation), so an
agenda that does not fit prints the same Chinese errors as ``invoke validate`` and exits
with 1. Outputs are written to a temporary folder beside DIR and swapped in only when
complete: DIR holds the last good outputs or nothing, never half of them.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from showcase.atomic import ForeignFolder, replaced_atomically
from showcase.commands.common import validated_model
from showcase.commands.gather import calendar_revisions, stamp_of
from showcase.engine.pdf import write_pdfs
from showcase.model import Model
from showcase.paths import Layout
from showcase.render.roadshow import paths
from showcase.render.roadshow.files import roadshow_files
from showcase.render.roadshow.timefmt import day_label
from showcase.roadshows import Agenda

REFUSAL = "数据有错误，未生成议程（原有输出保持不变）。请按上面的提示修改后重试。"


def agenda(root: Path, roadshow_id: str, out_dir: Path | None) -> int:
    """0 when every chosen agenda was written, 1 on bad data, 2 on a wrong command."""
    layout = Layout(root)
    model = validated_model(layout, REFUSAL)
    if model is None:
        return 1
    if roadshow_id and roadshow_id not in model.roadshows:
        known = "、".join(model.roadshows) or "（没有）"
        print(f"找不到路演 {roadshow_id}。content/roadshows/ 里有：{known}。", file=sys.stderr)
        return 2
    if not model.roadshows:
        print("content/roadshows/ 里没有路演文件，无需排程。")
        return 0
    chosen = {rid: a for rid, a in model.roadshows.items() if rid in (roadshow_id or rid)}
    for planned in chosen.values():
        print(summary(planned))
    target = (out_dir or layout.build_dir / "agenda").resolve()
    try:
        notice = _write(replace(model, roadshows=chosen), target, root)
    except ForeignFolder as refused:
        print(refused.message, file=sys.stderr)
        return 1
    print(f"议程文件已写入：{target}")
    if notice:
        print(notice, file=sys.stderr)
    return 0


def summary(agenda: Agenda) -> str:
    """A few Chinese lines: per room and day, how many projects and when it ends."""
    show = agenda.roadshow
    lines = [
        f"【{show.title}】{len(agenda.slots)} 个项目，{len(show.rooms)} 个路演室，"
        f"{len(show.days)} 天"
    ]
    for room in show.rooms:
        slots = agenda.slots_in(room.id)
        days = "；".join(
            f"{day_label(date)} {len(on_day)} 个，{on_day[-1].end[11:]} 结束"
            for date in agenda.dates
            if (on_day := [s for s in slots if s.day == date])
        )
        judges = len(agenda.judges_in(room.id))
        lines.append(f"  {room.name}：{days or '未安排项目'}（评委 {judges} 人）")
    return "\n".join(lines)


def _write(model: Model, target: Path, root: Path) -> str:
    with replaced_atomically(target, repository=root) as staging:
        printable = []
        revisions = calendar_revisions(Layout(root), model)
        for docs_path, data in roadshow_files(model, stamp_of(model), revisions).items():
            if not docs_path.startswith("roadshows/"):
                continue
            file = staging / docs_path.removeprefix("roadshows/")
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(data)
            if file.name == paths.PRINT or file.name.startswith("sheet-"):
                printable.append(file)
        notice = write_pdfs(sorted(printable))
    return notice
