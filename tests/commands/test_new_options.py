"""`./dev new --yes …` (`new_from_options`): the same readings as the dialogue, every bad
option reported in Chinese by its name, exit code 1 and nothing written."""

from __future__ import annotations

import dataclasses
import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from showcase.commands.new import NewOptions, check_options, new_from_options
from showcase.load.yamlfile import load_yaml
from showcase.paths import Layout
from showcase.validate import validate_repository

REPO = Path(__file__).resolve().parents[2]
TODAY = datetime.date(2026, 11, 25)
GOOD = NewOptions(
    college="textile",
    id="smart-yarn",
    name="智能纱线",
    fields="纺织服装",
    summary="用织物传感器监测康复训练动作的可穿戴护具，正在医院做小范围试用。",
    members=("张三:负责人",),
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


def run(repo: Path, **changed: object) -> tuple[int, str]:
    lines: list[str] = []
    code = new_from_options(repo, dataclasses.replace(GOOD, **changed), lines.append, TODAY)
    return code, "\n".join(lines)


def project(repo: Path, college: str = "textile") -> dict:
    target = repo / "projects" / college / "smart-yarn.yaml"
    document, problems = load_yaml(target, target.name)
    assert problems == [] and document is not None
    assert validate_repository(Layout(repo), [target], today=TODAY).problems == []
    return document.data


# (options changed from GOOD, field, value written): numbers, labels, parts and keys alike.
SPELLINGS = [
    ({}, "level", "nursery"),
    ({}, "stage", "seed"),
    ({}, "status", "active"),
    ({}, "started", "2026-11"),
    ({"stage": "初创期"}, "stage", "startup"),
    ({"stage": "startup"}, "stage", "startup"),
    ({"stage": "2"}, "stage", "startup"),
    ({"stage": "２"}, "stage", "startup"),
    ({"stage": " Startup "}, "stage", "startup"),
    ({"level": "众创"}, "level", "makerspace"),
    ({"level": "校外孵化加速器"}, "level", "incubator"),
    ({"status": "暂停"}, "status", "paused"),
    ({"college": "纺织"}, "college", "textile"),
    ({"college": "纺织科学与工程学院"}, "college", "textile"),
    ({"college": "纺织学院"}, "college", "textile"),
    ({"college": "材料学院"}, "college", "materials"),
    ({"college": "电气学院"}, "college", "electrical"),
    ({"college": "1"}, "college", "textile"),
    ({"college": "计算机", "id": "smart-yarn"}, "college", "computing"),
    ({"fields": "纺织服装,电子信息"}, "fields", ["textile-apparel", "electronic-information"]),
    ({"fields": "3、4 3"}, "fields", ["textile-apparel", "electronic-information"]),
    ({"fields": "biomedicine，软件"}, "fields", ["biomedicine", "software"]),
    ({"mentors": "闻思远, 2"}, "mentors", ["wen-siyuan", "jiang-muqing"]),
    ({"started": "2025-03"}, "started", "2025-03"),
    ({"started": "2025年3月"}, "started", "2025-03"),
    ({"started": "2025/3"}, "started", "2025-03"),
    ({"members": ("张三：负责人：纺织工程：2023级本科",)}, "team",
     [{"name": "张三", "role": "负责人", "major": "纺织工程", "grade": "2023级本科"}]),
    ({"members": ("张三:负责人", "李四:技术负责人")}, "team",
     [{"name": "张三", "role": "负责人"}, {"name": "李四", "role": "技术负责人"}]),
    ({"hidden_members": (":算法:计算机",)}, "team",
     [{"name": "张三", "role": "负责人"}, {"role": "算法", "major": "计算机", "public": False}]),
    ({"members": (), "hidden_members": (":负责人",)}, "team", [{"role": "负责人", "public": False}]),
]  # fmt: skip


@pytest.mark.parametrize(("changed", "field", "value"), SPELLINGS)
def test_options_are_read_like_answers(
    repo: Path, changed: dict, field: str, value: object
) -> None:
    code, text = run(repo, **changed)
    assert code == 0, text
    data = project(repo, value if field == "college" else "textile")
    assert data[field] == value
    assert "全部通过" in text


# (options changed from GOOD, what the report says: the option's name and the fix, and the
# id of the validator's rule that refuses the same value in a file)
REFUSALS = [
    ({"college": "物理"}, "--college：「物理」不是可选的学院", "project.unknown-college"),
    ({"college": "工程"}, "--college：「工程」可以指好几个学院", "project.unknown-college"),
    ({"college": ""}, "--college：请填写学院", "schema.required"),
    ({"id": ""}, "--id：请填写项目编号", "schema.required"),
    ({"id": "Smart_Yarn"}, "--id：「Smart_Yarn」不能用作项目编号", "schema.pattern"),
    ({"id": "smart-yarn-sensor"}, "--id：编号「smart-yarn-sensor」已被", "project.duplicate-id"),
    ({"name": ""}, "--name：请填写项目名称", "schema.required"),
    ({"name": "纱"}, "--name：太短", "schema.min-length"),
    ({"name": "经纬感知——可织造应变传感纱线"}, "--name：项目名称与", "project.duplicate-name"),
    ({"level": "9"}, "--level：没有序号 9", "schema.enum"),
    ({"stage": "天使轮"}, "--stage：「天使轮」不是可选的发展阶段", "schema.enum"),
    ({"status": "结束"}, "--status：「结束」不是可选的项目状态", "schema.enum"),
    ({"fields": ""}, "--fields：请填写行业领域", "schema.required"),
    ({"fields": "1,2,3,4,5,6"}, "--fields：行业领域请选择至少 1 个、最多 5 个", "schema.max-items"),
    ({"summary": "太短"}, "--summary：太短", "schema.min-length"),
    ({"summary": "联系电话 13812345678，欢迎合作洽谈"}, "--summary：发现手机号「138****5678」",
     "personal.phone"),
    ({"started": "2027-05"}, "--started：「2027-05」还没到", "date.future"),
    ({"started": "2025-00"}, "--started：「2025-00」不是真实存在的年月", "date.invalid"),
    ({"started": "三月"}, "--started：「三月」不是年月", "schema.pattern"),
    ({"mentors": "林小禾"}, "--mentors：「林小禾」不是可选的创业导师", "project.unknown-mentor"),
    ({"members": ("张三",)}, "--member 张三：「张三」的格式不对：写成 姓名:角色", "schema.required"),
    ({"members": (":负责人",)}, "--member :负责人：「:负责人」的格式不对", "schema.required"),
    ({"members": ("张三:负责人:a:b:c",)}, "的格式不对", "schema.unknown-field"),
    ({"members": ("张三:13812345678",)}, "--member 张三:138****5678：发现手机号「138****5678」",
     "personal.phone"),
    ({"hidden_members": ("",)}, "--hidden-member ：「」的格式不对：写成 :角色[:专业[:年级]]",
     "schema.required"),
    ({"hidden_members": (":",)}, "--hidden-member :：「:」的格式不对", "schema.required"),
    # a name typed out of habit for a member not to be named: refused, never read as a role
    ({"hidden_members": ("王五:负责人",)}, "--hidden-member 王五:负责人：「王五:负责人」：不公开姓名的成员不写姓名",
     "privacy.hidden-member-name"),
    ({"hidden_members": ("王五：负责人：计算机",)}, "不公开姓名的成员不写姓名",
     "privacy.hidden-member-name"),
    ({"hidden_members": ("算法",)}, "「算法」若是角色，在前面加一个冒号即可",
     "privacy.hidden-member-name"),
    ({"members": ()}, "--member：缺少团队成员：至少给出一个 --member 姓名:角色", "schema.required"),
]  # fmt: skip


@pytest.mark.parametrize(("changed", "reported", "rule"), REFUSALS)
def test_a_bad_option_is_named_and_nothing_is_written(
    repo: Path, changed: dict, reported: str, rule: str
) -> None:
    before = sorted(repo.rglob("*"))
    code, text = run(repo, **changed)
    assert code == 1
    assert reported in text
    assert "没有写入任何文件" in text
    assert "13812345678" not in text
    assert sorted(p for p in repo.rglob("*") if "build" not in p.parts) == before
    data, refusals = check_options(repo, dataclasses.replace(GOOD, **changed), TODAY)
    assert data is None and [refusal.rule for refusal in refusals] == [rule]


def test_every_bad_option_is_reported_at_once(repo: Path) -> None:
    code, text = run(repo, college="物理", stage="天使轮", started="明年", members=())
    assert code == 1
    for option in ("--college", "--stage", "--started", "--member"):
        assert option in text


def test_an_existing_file_is_never_overwritten(repo: Path) -> None:
    target = repo / "projects" / "computing" / "smart-yarn.yaml"
    target.write_text("id: smart-yarn\n", encoding="utf-8")
    code, text = run(repo, college="computing")
    assert code == 1
    assert "--id：编号「smart-yarn」已被 projects/computing/smart-yarn.yaml 使用" in text
    assert target.read_text(encoding="utf-8") == "id: smart-yarn\n"


def _invoke(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "invoke", "-r", str(REPO), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_the_task_documents_its_options() -> None:
    completed = _invoke("--help", "new")
    assert completed.returncode == 0
    for option in ("--college", "--level", "--member", "--hidden-member", "--started", "--yes"):
        assert option in completed.stdout


def test_the_task_passes_repeated_members_and_refuses_without_writing() -> None:
    """Through invoke's own parsing, against this repository: refused, so nothing is written."""
    completed = _invoke(
        "new", "--yes", "--college", "纺织", "--id", "task-wiring-check", "--stage", "天使轮",
        "--member", "张三", "--hidden-member", ":算法:计算机", "--hidden-member", "",
    )  # fmt: skip
    assert completed.returncode == 1
    assert "--stage：「天使轮」不是可选的发展阶段" in completed.stdout
    assert "--member 张三：" in completed.stdout
    assert "--hidden-member ：" in completed.stdout
    assert "--hidden-member :算法:计算机" not in completed.stdout
    assert not (REPO / "projects" / "textile" / "task-wiring-check.yaml").exists()
