"""A pull request is judged by the base branch's rules and maintainers, over its merged tree.

Every test builds a real git repository: `main` is the base, each pull request a branch
of it, and `check-pr` runs from the `main` checkout with the branch read as data, as CI
runs it. (That the pull request's *program* never runs is tested in test_trusted_program.py.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.review.pr_repo import (
    PROJECT,
    base_repository,
    commit_on,
    errors,
    git,
    judge,
    project_text,
    pull_request,
    rules,
)

SCHEMA = "schemas/project.schema.json"
MEMBER = "college maintainer"
MAKERSPACE = "makerspace maintainer"
AUTHORS = {MEMBER: "textile-club", MAKERSPACE: "centre"}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return base_repository(tmp_path / "repo")


def _schema(repo: Path) -> dict:
    return json.loads((repo / SCHEMA).read_text(encoding="utf-8"))


def _dump(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2)


def _loosened_enum(repo: Path) -> tuple[str, str, str]:
    schema = _schema(repo)
    schema["properties"]["level"]["enum"].append("unicorn")
    return _dump(schema), project_text(repo, "level: makerspace", "level: unicorn"), "schema.enum"


def _dropped_required(repo: Path) -> tuple[str, str, str]:
    schema = _schema(repo)
    schema["required"].remove("summary")
    text = project_text(repo)
    summary = next(line for line in text.splitlines() if line.startswith("summary:"))
    return _dump(schema), text.replace(summary + "\n", ""), "schema.required"


def _accept_anything(repo: Path) -> tuple[str, str, str]:
    return (
        "{}\n",
        project_text(repo, "status: active", "status: active\nhacked: true"),
        ("schema.unknown-field"),
    )


def _longer_summary(repo: Path) -> tuple[str, str, str]:
    schema = _schema(repo)
    schema["properties"]["summary"]["maxLength"] = 100000
    long = "很长的简介" * 200
    text = project_text(repo)
    summary = next(line for line in text.splitlines() if line.startswith("summary:"))
    return _dump(schema), text.replace(summary, f"summary: {long}"), "schema.max-length"


LOOSENINGS = {
    "enum widened": _loosened_enum,
    "required dropped": _dropped_required,
    "schema emptied": _accept_anything,
    "limit raised": _longer_summary,
}


@pytest.mark.parametrize("who", AUTHORS)
@pytest.mark.parametrize("loosen", LOOSENINGS)
def test_a_pull_request_loosening_a_schema_is_judged_by_the_base_schema_and_flagged(
    repo: Path, capsys: pytest.CaptureFixture[str], loosen: str, who: str
) -> None:
    schema, project, rule = LOOSENINGS[loosen](repo)
    head = pull_request(repo, {SCHEMA: schema, PROJECT: project})
    code, report, markdown = judge(repo, capsys, head, AUTHORS[who])
    assert code == 1
    assert (PROJECT, rule) in errors(report)
    flagged = [p for p in report["problems"] if p["rule"] == "review.protected-path"]
    assert [p["path"] for p in flagged] == [SCHEMA]
    assert flagged[0]["severity"] == ("warning" if who == MAKERSPACE else "error")
    assert "目标分支" in flagged[0]["message"]
    assert SCHEMA in markdown


def test_a_deleted_schema_folder_still_judges_with_the_base_schemas(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deleted = {f"schemas/{p.name}": None for p in (repo / "schemas").iterdir()}
    project = project_text(repo, "stage: startup", "stage: whatever")
    code, report, _ = judge(
        repo, capsys, pull_request(repo, {**deleted, PROJECT: project}), "centre"
    )
    assert code == 1
    assert (PROJECT, "schema.enum") in errors(report)
    assert "schema.broken" not in {rule for _, rule in rules(report)}


def test_uncommitted_edits_in_the_checkout_never_judge(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rules come from the base commit, not from whatever lies in the working tree."""
    schema, project, rule = _loosened_enum(repo)
    head = pull_request(repo, {PROJECT: project})
    (repo / SCHEMA).write_text(schema, encoding="utf-8")
    (repo / "content/colleges.yaml").write_text("colleges: []\n", encoding="utf-8")
    code, report, _ = judge(repo, capsys, head, "textile-club")
    assert code == 1
    assert errors(report) == {(PROJECT, rule)}


def _add_maintainer(repo: Path, registry: str, after: str, who: str) -> str:
    text = (repo / registry).read_text(encoding="utf-8")
    assert after in text
    indent = text.split(after)[0].rsplit("\n", 1)[-1]
    return text.replace(after, f"{after}\n{indent}{who}", 1)


SELF_APPOINTMENTS = {
    "makerspace list": ("content/site.yaml", "- centre", "- intruder", "intruder"),
    "college list": ("content/colleges.yaml", "- textile-club", "- intruder", "intruder"),
    "other college's list": (
        "content/colleges.yaml",
        "- textile-club",
        "- materials-club",
        "materials-club",
    ),
    "different case": ("content/site.yaml", "- centre", "- intruder", "INTRUDER"),
}


@pytest.mark.parametrize("variant", SELF_APPOINTMENTS)
def test_a_pull_request_making_its_author_a_maintainer_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str], variant: str
) -> None:
    registry, after, entry, author = SELF_APPOINTMENTS[variant]
    head = pull_request(
        repo,
        {
            registry: _add_maintainer(repo, registry, after, entry),
            PROJECT: project_text(repo, "name: 好纱线", "name: 好纱线二代"),
        },
    )
    code, report, _ = judge(repo, capsys, head, author)
    assert code == 1
    assert {(registry, "review.ownership"), (PROJECT, "review.ownership")} <= errors(report)


@pytest.mark.parametrize(
    "path", ["CODEOWNERS", ".github/workflows/ci.yml", ".gitlab-ci.yml", ".gitattributes"]
)
def test_review_rules_and_ci_files_are_refused_to_a_college_maintainer(
    repo: Path, capsys: pytest.CaptureFixture[str], path: str
) -> None:
    code, report, _ = judge(
        repo, capsys, pull_request(repo, {path: "* @textile-club\n"}), "textile-club"
    )
    assert code == 1
    assert errors(report) == {(path, "review.protected-path")}


AUTHORS_THAT_CANNOT_BE_TRUSTED = {
    "": "review.author-missing",
    "   ": "review.author-missing",
    "\t\n": "review.author-missing",
    "null": "review.author-unknown",
    "None": "review.author-unknown",
    "undefined": "review.author-unknown",
    "ghost": "review.author-unknown",
    "${{ github.event.pull_request.user.login }}": "review.author-unknown",
    "$CI_MERGE_REQUEST_AUTHOR": "review.author-unknown",
    "dependabot[bot]": "review.author-unknown",
    "textile-club\n": "review.author-unknown",
    " textile-club": "review.author-unknown",
    "textile club": "review.author-unknown",
    "tеxtile-club": "review.author-unknown",  # Cyrillic е
    "ｔextile-club": "review.author-unknown",  # full-width ｔ
    "textile-club\u200b": "review.author-unknown",
    "x" * 101: "review.author-unknown",
}


@pytest.mark.parametrize("author", AUTHORS_THAT_CANNOT_BE_TRUSTED)
def test_an_empty_or_malformed_author_fails_the_check(
    repo: Path, capsys: pytest.CaptureFixture[str], author: str
) -> None:
    head = pull_request(repo, {PROJECT: project_text(repo, "name: 好纱线", "name: 好纱线二代")})
    code, report, markdown = judge(repo, capsys, head, author)
    assert code == 1
    assert errors(report) == {("（合并请求）", AUTHORS_THAT_CANNOT_BE_TRUSTED[author])}
    assert "检查不通过" in report["problems"][0]["message"]
    assert "检查不通过" in markdown


CASES = """\
cases:
  - id: 2025-good-yarn
    project: good-yarn
    year: 2025
    category: tech-innovation
    headline: 一根好纱线
    lead: 纺织学院的团队用再生纤维纺出耐洗的功能纱线，两家服装厂已经试产。
    quote: 好纱线要经得起洗。
    status: draft
"""

ROADSHOW = """\
id: autumn
title: 秋季路演
venue: 众创空间路演厅
days:
  - date: {date}
    windows:
      - 09:00-12:00
rooms:
  - id: hall-a
    name: 路演厅 A
format:
  pitch_minutes: 8
  qa_minutes: 5
projects:
  - good-yarn
"""

CASE_FILE = "content/typical-cases.yaml"
ROADSHOW_FILE = "content/roadshows/autumn.yaml"


@pytest.fixture
def referenced(tmp_path: Path) -> Path:
    """A base where a typical case and a roadshow still to come name the project."""
    return base_repository(
        tmp_path / "repo",
        {CASE_FILE: CASES, ROADSHOW_FILE: ROADSHOW.format(date="2025-09-10")},
    )


def _closed(repo: Path) -> dict:
    return {
        PROJECT: project_text(repo, "status: active", "status: closed").replace(
            "seeking:\n  - investment\n", ""
        )
    }


def _hidden(repo: Path) -> dict:
    text = project_text(repo)
    team = text[text.index("team:") : text.index("mentors:")]
    return {PROJECT: text.replace(team, "team:\n  - role: 负责人\n    public: false\n")}


def _renamed(repo: Path) -> dict:
    moved = project_text(repo, "id: good-yarn", "id: better-yarn")
    return {PROJECT: None, "projects/textile/better-yarn.yaml": moved}


def _deleted(repo: Path) -> dict:
    return {PROJECT: None}


CONSEQUENCES = {
    "closed": (
        _closed,
        {(CASE_FILE, "case.closed-project"), (ROADSHOW_FILE, "roadshow.closed-project")},
    ),
    "hidden": (_hidden, {(CASE_FILE, "case.non-public-project")}),
    "renamed": (
        _renamed,
        {(CASE_FILE, "case.unknown-project"), (ROADSHOW_FILE, "roadshow.unknown-reference")},
    ),
    "deleted": (
        _deleted,
        {(CASE_FILE, "case.unknown-project"), (ROADSHOW_FILE, "roadshow.unknown-reference")},
    ),
}


@pytest.mark.parametrize("change", CONSEQUENCES)
def test_a_change_that_breaks_another_file_fails_and_names_the_consequence(
    referenced: Path, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    edit, expected = CONSEQUENCES[change]
    code, report, markdown = judge(
        referenced, capsys, pull_request(referenced, edit(referenced)), "textile-club"
    )
    assert code == 1
    assert expected <= errors(report)
    own, consequences = markdown.split("本合并请求没有改动、但合并后会出错的文件")
    for path, _ in expected:
        assert f"`{path}:" in consequences
        assert f"`{path}:" not in own
    assert "projects/textile/" not in consequences


def test_a_change_is_judged_after_the_merge_with_what_the_base_gained_since(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pull request branched before the case existed; merging would still break it."""
    head = pull_request(repo, _closed(repo))
    commit_on(repo, "main", {CASE_FILE: CASES})
    code, report, _ = judge(repo, capsys, head, "textile-club")
    assert code == 1
    assert errors(report) == {(CASE_FILE, "case.closed-project")}


def test_a_roadshow_that_is_over_may_name_a_project_that_closed_since(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = base_repository(tmp_path / "repo", {ROADSHOW_FILE: ROADSHOW.format(date="2025-03-10")})
    code, report, _ = judge(repo, capsys, pull_request(repo, _closed(repo)), "textile-club")
    assert (code, errors(report)) == (0, set())


def _new_project(repo: Path) -> dict:
    text = project_text(repo, "id: good-yarn", "id: new-yarn").replace("好纱线", "新纱线")
    return {"projects/textile/new-yarn.yaml": text}


WELL_BEHAVED = {
    "field edited": (
        "textile-club",
        lambda r: {PROJECT: project_text(r, "stage: startup", "stage: growth")},
    ),
    "new project": ("textile-club", _new_project),
    "name in another case": (
        "Textile-Club",
        lambda r: {PROJECT: project_text(r, "name: 好纱线", "name: 好纱线二代")},
    ),
    "project deleted": ("textile-club", _deleted),
    "page by the makerspace": (
        "centre",
        lambda r: {"content/pages/note.md": "# 说明\n\n欢迎投稿。\n"},
    ),
    "registry by the makerspace": (
        "centre",
        lambda r: {
            "content/site.yaml": _add_maintainer(r, "content/site.yaml", "- centre", "- helper")
        },
    ),
}


@pytest.mark.parametrize("variant", WELL_BEHAVED)
def test_a_well_behaved_pull_request_by_its_maintainer_passes(
    repo: Path, capsys: pytest.CaptureFixture[str], variant: str, tmp_path: Path
) -> None:
    author, edit = WELL_BEHAVED[variant]
    summary = tmp_path / "summary.md"
    code, report, markdown = judge(repo, capsys, pull_request(repo, edit(repo)), author, summary)
    assert (code, report["problems"]) == (0, [])
    assert markdown.endswith("✅ 全部通过。\n")
    assert summary.read_text(encoding="utf-8") == markdown


def test_a_makerspace_maintainer_changing_the_checker_passes_with_a_warning(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = pull_request(
        repo, {"showcase/review/ownership.py": "print('new')\n", "dev": "#!/bin/sh\n"}
    )
    code, report, markdown = judge(repo, capsys, head, "centre")
    assert code == 0
    assert rules(report) == {
        ("dev", "review.protected-path"),
        ("showcase/review/ownership.py", "review.protected-path"),
    }
    assert {p["severity"] for p in report["problems"]} == {"warning"}
    assert "另一位维护人逐行审阅" in report["problems"][0]["hint"]
    assert "0 个错误，2 个警告" in markdown


def test_a_conflict_with_the_base_is_reported_and_the_head_is_judged(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = pull_request(repo, {PROJECT: project_text(repo, "stage: startup", "stage: growth")})
    commit_on(repo, "main", {PROJECT: project_text(repo, "stage: startup", "stage: seed")})
    code, report, _ = judge(repo, capsys, head, "textile-club")
    assert code == 1
    assert errors(report) == {(PROJECT, "review.merge-conflict")}


def test_symbolic_links_and_submodules_are_reported_never_followed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = repo.parent / "secret.txt"
    secret.write_text("机密内容 13812345678\n", encoding="utf-8")
    git(repo, "checkout", "-q", "-b", "links")
    for name, target in (("evil.yaml", str(secret)), ("up.yaml", "../../../secret.txt")):
        (repo / "projects/textile" / name).symlink_to(target)
    (repo / "content/pages").mkdir(parents=True)
    (repo / "content/pages/linked").symlink_to(repo.parent)
    git(repo, "add", "-A")
    commit = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{commit},projects/textile/sub")
    git(repo, "commit", "-q", "-m", "links")
    git(repo, "checkout", "-q", "main")
    code, report, markdown = judge(repo, capsys, "links", "textile-club")
    assert code == 1
    special = {path for path, rule in errors(report) if rule == "review.special-file"}
    assert special == {
        "projects/textile/evil.yaml",
        "projects/textile/up.yaml",
        "projects/textile/sub",
        "content/pages/linked",
    }
    assert "机密内容" not in json.dumps(report, ensure_ascii=False) + markdown


def test_the_pull_requests_gitattributes_cannot_hide_added_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = pull_request(
        repo,
        {
            ".gitattributes": "* -diff\n*.md binary\n",
            "content/pages/note.md": "# 说明\n\n联系 13812345678\n",
        },
    )
    code, report, _ = judge(repo, capsys, head, "centre")
    assert code == 1
    assert ("content/pages/note.md", "personal.phone") in errors(report)


def test_the_data_folder_and_its_worktree_are_removed_afterwards(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr("tempfile.tempdir", None)
    judge(repo, capsys, pull_request(repo, _new_project(repo)), "textile-club")
    assert list(scratch.iterdir()) == []
    assert git(repo, "worktree", "list", "--porcelain").count("worktree ") == 1


def test_nothing_changed_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, markdown = judge(repo, capsys, "main", "textile-club")
    assert (code, report["problems"]) == (0, [])
    assert "没有改动项目文件" in markdown


def test_an_unknown_head_is_a_clear_command_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from showcase.commands.check_pr import check_pr as run

    assert run(repo, "main", "textile-club", "text", "", head="no-such-pr") == 2
    assert "找不到提交 no-such-pr" in capsys.readouterr().err


def _crafted(repo: Path, names: list[str]) -> str:
    """A commit whose projects/textile/ also holds `names`, made with git mktree directly:
    git's own commands refuse such names, a hand-made tree object does not."""
    blob = git(repo, "hash-object", "-w", "--stdin", input_text="id: x\n").strip()

    def tree(spec: str, replace: dict[str, str], add: list[str] = ()) -> str:
        lines = []
        for line in git(repo, "ls-tree", "-z", spec).split("\0"):
            if not line:
                continue
            meta, name = line.split("\t", 1)
            mode, kind, oid = meta.split()
            lines.append(f"{mode} {kind} {replace.get(name, oid)}\t{name}")
        lines += [f"100644 blob {blob}\t{name}" for name in add]
        return git(repo, "mktree", "-z", input_text="\0".join(lines) + "\0").strip()

    textile = tree("main:projects/textile", {}, names)
    projects = tree("main:projects", {"textile": textile})
    root = tree("main", {"projects": projects})
    commit = git(repo, "commit-tree", root, "-p", "main", "-m", "crafted").strip()
    git(repo, "update-ref", "refs/heads/crafted", commit)
    return "crafted"


def test_hand_made_trees_with_unsafe_or_unwritable_names_are_reported_not_written(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "a" * 300 + ".yaml"
    head = _crafted(repo, ["..", ".git", ".GIT", long])
    code, report, _ = judge(repo, capsys, head, "textile-club")
    assert code == 1
    special = {path for path, rule in errors(report) if rule == "review.special-file"}
    assert {f"projects/textile/{name}" for name in ("..", ".git", ".GIT", long)} <= special
    assert not (repo / "projects/textile/.git").exists()
