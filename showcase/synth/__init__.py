"""Synthetic showcase repositories for benchmarks and scale tests.

`write_repository` copies the real registries and schemas and writes any number of
plausible, valid projects spread over the registered colleges. The same seed always
gives byte-identical files, so benchmark runs are comparable. Every project is dumped
as text directly (see `showcase.yamltext`), which keeps 10,000 projects within a few seconds.

Example::

    write_repository(Path("."), Path("build/synthetic"), count=10_000, seed=7)
    # build/synthetic/{schemas,content,projects/<college>/<id>.yaml,mkdocs.yml}
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from showcase.atomic import ForeignFolder, replaced_atomically
from showcase.model import LEVELS, SEEKING, STAGES, STATUSES
from showcase.paths import (
    CONTENT,
    SCHEMA_HEADER,
    SCHEMAS,
    college_folder_path,
    project_file_path,
    project_folder_path,
    registry_path,
)
from showcase.synth import words
from showcase.synth.logo import write_logo
from showcase.yamltext import to_yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing: slower, same result
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

FIRST_MONTH = 2019 * 12
LAST_MONTH = 2026 * 12 + 9
"""Dates fall in 2019-01 … 2026-10: fixed, so the output does not drift with the clock."""

LOGO_EVERY = 250
"""One project in this many gets a generated logo."""

_LEVELS = tuple(LEVELS)
_LEVEL_WEIGHTS = (5, 4, 2)
_STAGES = tuple(STAGES)
_STATUSES = tuple(STATUSES)
_STATUS_WEIGHTS = (14, 2, 2, 2)
_SEEKING = tuple(SEEKING)


_SAMPLE_ONLY = shutil.ignore_patterns(
    "typical-cases.yaml", "cases", "stories", "roadshows", "calls"
)
"""Typical cases, stories, roadshows and calls name sample projects a synthetic repository
lacks."""


class SynthError(ValueError):
    """The output folder cannot be used; the message says why, in Chinese."""


def write_repository(src_root: Path, out: Path, count: int, seed: int) -> None:
    """Write a complete repository with `count` synthetic projects into `out`.

    `out` is replaced as a whole (see `showcase.atomic`): never the source repository or
    a folder holding files this tool did not write.
    """
    if count < 0:
        raise SynthError(f"项目数量不能为负数：{count}。")
    source, target = src_root.resolve(), out.resolve()
    if target == source or target in source.parents:
        raise SynthError(
            f"输出目录 {out} 包含源仓库，不能覆盖；请换一个目录，例如 build/synthetic。"
        )
    try:
        with replaced_atomically(target, repository=source) as staging:
            _write_into(src_root, staging, count, seed)
    except ForeignFolder as refused:
        raise SynthError(refused.message) from None


def _write_into(src_root: Path, out: Path, count: int, seed: int) -> None:
    for folder in (SCHEMAS, CONTENT):
        shutil.copytree(src_root / folder, out / folder, ignore=_SAMPLE_ONLY)
    if (src_root / "mkdocs.yml").is_file():
        shutil.copy2(src_root / "mkdocs.yml", out / "mkdocs.yml")
    if (src_root / "overrides").is_dir():
        shutil.copytree(src_root / "overrides", out / "overrides")
    registries = _Registries(out / CONTENT)
    rng = random.Random(seed)
    made_dirs: set[str] = set()
    for number in range(1, count + 1):
        college = registries.colleges[(number - 1) % len(registries.colleges)]
        project = _project(rng, registries, college, number)
        if college not in made_dirs:
            (out / college_folder_path(college)).mkdir(parents=True)
            made_dirs.add(college)
        if number % LOGO_EVERY == 0:
            project["logo"] = "logo.png"
            logo = out / project_folder_path(college, project["id"]) / "logo.png"
            write_logo(logo, project["name"], seed)
        (out / project_file_path(college, project["id"])).write_text(
            SCHEMA_HEADER + "\n" + to_yaml(project), encoding="utf-8"
        )


class _Registries:
    """The ids a synthetic project may refer to, read from the copied content/."""

    def __init__(self, content: Path):
        def read(name: str) -> Any:
            text = (content.parent / registry_path(name)).read_text(encoding="utf-8")
            return yaml.load(text, Loader=_Loader)

        self.colleges: list[str] = [c["id"] for c in read("colleges")["colleges"]]
        self.mentors: list[str] = [m["id"] for m in read("mentors")["mentors"]]
        self.fields: list[str] = [f["id"] for f in read("fields")["fields"]]
        self.email_domains: list[str] = list(read("site")["allowed_email_domains"])
        if not self.colleges or not self.fields:
            raise SynthError("content/ 中的学院名录或行业领域词表为空，无法生成项目。")


def _project(
    rng: random.Random, registries: _Registries, college: str, number: int
) -> dict[str, Any]:
    preferred, products, techs, major = words.TOPICS.get(college, words.GENERIC_TOPIC)
    product, tech = rng.choice(products), rng.choice(techs)
    fields = [f for f in preferred if f in registries.fields] or [rng.choice(registries.fields)]
    fields = rng.sample(fields, rng.randint(1, min(3, len(fields))))
    slug = f"{fields[0]}-{rng.choice(words.SLUG_WORDS)}-{number}"
    level = rng.choices(_LEVELS, _LEVEL_WEIGHTS)[0]
    moves = _milestones(rng, level)
    started = moves[0]["date"]
    project: dict[str, Any] = {
        "id": slug,
        "name": f"{rng.choice(words.BRANDS)}——{product}（{number}号）",  # unique, as real names are
        "college": college,
        "level": level,
        "stage": rng.choice(_STAGES),
        "status": rng.choices(_STATUSES, _STATUS_WEIGHTS)[0],
        "fields": fields,
        "summary": _summary(rng, product, tech),
        "keywords": rng.sample([product, tech, *words.CUSTOMERS[:4]], rng.randint(1, 4)),
        "started": started,
        "team": _team(rng, major, int(started[:4])),
    }
    if registries.mentors and rng.random() < 0.8:
        most = min(3, len(registries.mentors))
        project["mentors"] = rng.sample(registries.mentors, rng.randint(1, most))
    achievements = _achievements(rng, product, tech, _month_index(started))
    if achievements:
        project["achievements"] = achievements
    project["milestones"] = moves
    if project["status"] != "closed" and rng.random() < 0.7:
        project["seeking"] = sorted(rng.sample(_SEEKING, rng.randint(1, 3)), key=_SEEKING.index)
    if rng.random() < 0.2:
        project["links"] = {"website": f"https://{slug}.example.com/"}
    if registries.email_domains and rng.random() < 0.2:
        project["contact_email"] = f"team{number}@{rng.choice(registries.email_domains)}"
    return project


def _summary(rng: random.Random, product: str, tech: str) -> str:
    """One paragraph of 60–150 characters built from a few sentence parts."""
    customer, offer = rng.choice(words.CUSTOMERS), rng.choice(words.OFFERS)
    benefit = rng.choice(words.BENEFITS)
    text = f"团队基于{tech}研发{product}，面向{customer}{offer}，帮助用户{benefit}。"
    for progress in rng.sample(words.PROGRESS, len(words.PROGRESS)):
        if len(text) >= 60:
            break
        text += f"{progress}。"
    return text


def _team(rng: random.Random, major: str, start_year: int) -> list[dict[str, Any]]:
    members = []
    for index in range(rng.choices((1, 2, 3, 4, 5, 6), (1, 3, 4, 3, 2, 1))[0]):
        given = "".join(rng.sample(words.GIVEN_CHARS, rng.randint(1, 2)))
        member: dict[str, Any] = {
            "name": rng.choice(words.SURNAMES) + given,
            "role": "负责人" if index == 0 else rng.choice(words.ROLES),
            "major": major if index == 0 else rng.choice((major, *words.SIDE_MAJORS)),
            "grade": f"{start_year - rng.randint(0, 2)}级{rng.choice(words.DEGREES)}",
        }
        if index and rng.random() < 0.15:
            del member["name"]  # drawn all the same, so the rest of the stream stays put
            member["public"] = False
        members.append(member)
    return members


def _milestones(rng: random.Random, level: str) -> list[dict[str, str]]:
    """One move per level up to `level`, in order, ending no later than `LAST_MONTH`."""
    steps = _LEVELS.index(level) + 1
    gaps = [rng.randint(4, 18) for _ in range(steps - 1)]
    month = rng.randint(FIRST_MONTH, LAST_MONTH - sum(gaps))
    moves = []
    for step, reached in enumerate(_LEVELS[:steps]):
        moves.append(
            {
                "date": _month_text(month),
                "level": reached,
                "note": rng.choice(words.MILESTONE_NOTES[reached]),
            }
        )
        if step < len(gaps):
            month += gaps[step]
    return moves


def _achievements(
    rng: random.Random, product: str, tech: str, started: int
) -> list[dict[str, Any]]:
    found = []
    for month in sorted(rng.randint(started, LAST_MONTH) for _ in range(rng.randint(0, 4))):
        kind = rng.choice(("award", "patent", "funding", "contract", "paper", "other"))
        templates = {
            "award": words.AWARDS,
            "patent": words.PATENTS,
            "funding": words.FUNDING,
            "contract": words.CONTRACTS,
            "paper": words.PAPERS,
            "other": words.OTHERS,
        }
        item: dict[str, Any] = {
            "type": kind,
            "title": rng.choice(templates[kind]).format(product=product, tech=tech),
            "date": _month_text(month),
        }
        if kind in ("funding", "contract"):
            item["amount_cny"] = rng.randrange(20_000, 5_000_000, 10_000)
        if kind in words.ISSUERS:
            item["issuer"] = words.ISSUERS[kind]
        found.append(item)
    return found


def _month_index(text: str) -> int:
    return int(text[:4]) * 12 + int(text[5:7]) - 1


def _month_text(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"
