"""How long does scheduling a large roadshow take?

Schedules ``--count`` synthetic projects (12 colleges, tracks by field) in ``--rooms``
rooms over ``--days`` days with a lunch break, six judges per room from different
colleges and a few pinned and unavailable teams, then renders its calendars, print
version, score sheets and frab JSON. Prints the best of ``--repeat`` runs for each.

    python benchmarks/bench_agenda.py --count 500 --rooms 6 --days 3
"""

from __future__ import annotations

import argparse
import sys

from timing import best_of

from showcase.model import College, Field, Model, Project, Site, TeamMember
from showcase.render.clock import build_stamp
from showcase.render.roadshow.files import roadshow_files
from showcase.roadshow.scheduler import schedule
from showcase.roadshows import roadshow_from_data

COLLEGES = [f"college-{n:02d}" for n in range(12)]
FIELDS = ["ai", "materials", "textile", "energy", "services", "culture"]


def synthetic_model(count: int) -> Model:
    projects = {
        f"p{n:05d}": Project(
            id=f"p{n:05d}",
            name=f"合成项目{n}",
            college=COLLEGES[n % len(COLLEGES)],
            level="makerspace",
            stage="startup",
            status="active",
            fields=(FIELDS[n % len(FIELDS)],),
            summary="合成的路演项目。",
            started="2024-09",
            team=(TeamMember("负责人", "负责人"),),
        )
        for n in range(count)
    }
    return Model(
        site=Site(
            "示例大学", "众创空间", "https://git.example.edu.cn/x", ("example.edu.cn",), ("admin",)
        ),
        colleges={c: College(c, c, c, c, ("admin",)) for c in COLLEGES},
        mentors={},
        fields={f: Field(f, f) for f in FIELDS},
        projects=projects,
    )


def roadshow_data(project_ids: list[str], rooms: int, days: int) -> dict[str, object]:
    room_ids = [f"room-{n}" for n in range(rooms)]
    return {
        "id": "bench",
        "title": "基准路演",
        "venue": "众创空间",
        "days": [
            {"date": f"2026-12-{10 + d:02d}", "windows": ["08:30-12:00", "13:00-18:30"]}
            for d in range(days)
        ],
        "rooms": [{"id": r, "name": r} for r in room_ids],
        "format": {
            "pitch_minutes": 7,
            "qa_minutes": 4,
            "changeover_minutes": 1,
            "max_block_minutes": 120,
            "break_minutes": 10,
        },
        "breaks": [{"title": "午餐", "time": "12:00-13:00"}],
        "projects": project_ids,
        "tracks": [{"id": f, "name": f, "fields": [f]} for f in FIELDS],
        "judges": [
            {
                "id": f"j-{r}-{k}",
                "name": f"评委{k}",
                "organisation": "示例大学",
                "room": r,
                "college": COLLEGES[(i * 6 + k) % len(COLLEGES)],
            }
            for i, r in enumerate(room_ids)
            for k in range(2)
        ],
        "pinned": [{"project": project_ids[0], "start": "2026-12-10 08:30"}],
        "unavailable": [
            {"project": p, "from": "2026-12-10 08:00", "to": "2026-12-10 12:00"}
            for p in project_ids[1:40]
        ],
        "criteria": [{"name": "创新性", "points": 50}, {"name": "市场", "points": 50}],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--rooms", type=int, default=6)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    model = synthetic_model(args.count)
    stamp = build_stamp(model, "")
    roadshow = roadshow_from_data(roadshow_data(sorted(model.projects), args.rooms, args.days))
    plan = schedule(roadshow, model.projects, model.mentors)
    if plan.agenda is None:
        print("排不下：" + "；".join(issue.message for issue in plan.issues), file=sys.stderr)
        return 1
    scheduling = best_of(args.repeat, lambda: schedule(roadshow, model.projects, model.mentors))
    model.roadshows = {roadshow.id: plan.agenda}
    rendering = best_of(args.repeat, lambda: roadshow_files(model, stamp))
    ends = {room.id: plan.agenda.slots_in(room.id)[-1].end for room in roadshow.rooms}
    print(
        f"排程：{args.count} 个项目、{args.rooms} 个路演室、{args.days} 天："
        f"{scheduling * 1000:.0f} 毫秒（{args.repeat} 次中最快）"
    )
    print(f"输出（日历、打印版、评分表、frab JSON）：{rendering * 1000:.0f} 毫秒")
    print("各路演室结束时间：" + "，".join(f"{r} {end}" for r, end in ends.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
