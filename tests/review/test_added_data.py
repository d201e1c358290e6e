"""check-pr's personal-data scan: every added line of every text file, whatever its name or
.gitattributes say; binary files in college folders; the base branch's rules; clean logs."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from showcase.commands.check_pr import check_pr as run
from showcase.review.changes import added_lines
from showcase.review.summary import ProjectDiff, review_summary
from tests.review.test_check_pr import check, commit, git
from tests.validate.conftest import make_repository

PROJECT = "projects/textile/good-yarn.yaml"
SECRETS = ("13812345678", "13912345678", "13712345678", "13612345678", "2021123456")


@pytest.fixture
def pr_repo(tmp_path: Path) -> Path:
    """The fixture repository on `main` (with one note already holding a number), branch
    `change` checked out."""
    root = make_repository(tmp_path / "repo").root
    (root / "content/pages").mkdir(parents=True)
    (root / "docs").mkdir()  # text the validator does not read: only added lines count there
    (root / "docs/old.md").write_text("旧文件：13512345678\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "change")
    return root


def found(report: dict) -> list[tuple[str, int, str]]:
    return [(p["path"], p["line"], p["rule"]) for p in report["problems"]]


def test_every_text_file_is_scanned_whatever_its_name_or_attributes(
    pr_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(
        pr_repo,
        {
            ".gitattributes": "*.txt binary\n*.weird -diff\n*.md diff=nothing\n",
            "docs/old.md": "旧文件：13512345678\n新增：学号 2021123456\n",
            "content/pages/notes.txt": "第一行\n联系 138&#8209;1234&#8209;5678\n",
            "content/pages/data.weird": "a,b\n名单,１３９１２３４５６７８\n",
            "content/pages/split.md": "说明\n电话 137 1234\n5678 转分机\n",
            "content/pages/hidden.html": "<p>联系</p>\n<!-- 13612345678 -->\n",
            "content/pages/noext": "x\ny 13412345678\n",
        },
    )
    code, report, _ = check(pr_repo, capsys, author="centre")
    assert code == 1
    assert found(report) == [
        (".gitattributes", 0, "review.protected-path"),  # a maintainer's: a warning
        ("content/pages/data.weird", 2, "personal.phone"),
        ("content/pages/hidden.html", 2, "personal.phone"),
        ("content/pages/noext", 2, "personal.phone"),
        ("content/pages/notes.txt", 2, "personal.phone"),
        ("content/pages/split.md", 2, "personal.phone"),
        ("docs/old.md", 2, "personal.student-id"),
    ]


def test_yaml_escapes_are_decoded_on_added_lines(
    pr_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (pr_repo / PROJECT).read_text(encoding="utf-8")
    escaped = (
        '"负责人 \\u0031\\u0033\\u0038\\u0031\\u0032\\u0033\\u0034\\u0035\\u0036\\u0037\\u0038"'
    )
    commit(pr_repo, {PROJECT: text.replace("role: 负责人", f"role: {escaped}")})
    code, report, _ = check(pr_repo, capsys)
    assert code == 1
    phones = [p for p in report["problems"] if p["rule"] == "personal.phone"]
    assert {(p["line"], p["column"], p["field"]) for p in phones} == {
        (14, 16, "team[1].role（角色）")
    }


def test_the_base_branchs_mailbox_list_judges_the_pull_request(
    pr_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = (pr_repo / "content/site.yaml").read_text(encoding="utf-8")
    text = (pr_repo / PROJECT).read_text(encoding="utf-8")
    commit(
        pr_repo,
        {
            "content/site.yaml": site.replace("  - qq.com\n", ""),
            PROJECT: text.replace("role: 负责人", "role: 负责人 zhang@qq.com"),
        },
    )
    _, report, _ = check(pr_repo, capsys, author="centre")
    assert (PROJECT, 14, "personal.email") in found(report)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def write_bytes(repo: Path, files: dict[str, bytes]) -> None:
    for path, data in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(data)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "binary")


def test_a_file_in_a_college_folder_that_is_no_project_or_image_is_refused(
    pr_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_bytes(
        pr_repo,
        {
            "projects/textile/good-yarn/logo.png": png(),
            "projects/textile/good-yarn/photo.jpg": png(),  # a PNG named .jpg is still an image
            "projects/textile/good-yarn/roster.xlsx": b"PK\x03\x04\x00\x00binary roster",
            "projects/textile/roster.txt": "学号 2021123456\n".encode("utf-16"),
            "projects/textile/good-yarn/fake.png": b"\x89PNG\r\n\x1a\n\x00\x00not really",
            "projects/textile/good-yarn/latin1.txt": "caf\xe9 13812345678\n".encode("latin-1"),
            "projects/textile/readme.txt": "说明\n".encode(),
            "content/pages/figure.bin": b"\x00\x01\x02",
        },
    )
    code, report, markdown = check(pr_repo, capsys)
    assert code == 1
    refused = sorted(
        (p["path"], p["rule"]) for p in report["problems"] if p["path"].startswith("projects/")
    )
    assert refused == [
        ("projects/textile/good-yarn/fake.png", "logo.format"),
        ("projects/textile/good-yarn/latin1.txt", "file.unexpected"),
        ("projects/textile/good-yarn/roster.xlsx", "file.unexpected"),
        ("projects/textile/readme.txt", "file.unexpected"),
        ("projects/textile/roster.txt", "file.unexpected"),
    ]
    (problem,) = [p for p in report["problems"] if p["path"].endswith("roster.xlsx")]
    assert "无法检查" in problem["message"] and problem["line"] == 0
    assert "`projects/textile/good-yarn/roster.xlsx`" in markdown


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_no_log_or_summary_repeats_a_private_value(
    pr_repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    text = (pr_repo / PROJECT).read_text(encoding="utf-8")
    text = text.replace("role: 负责人", "role: 负责人 13812345678 学号 2021123456")
    text = text.replace("id: good-yarn", "id: 13912345678")  # echoed by the pattern rule
    text = text.replace("  website: https://yarn.example.com", "  website: 13712345678")
    commit(pr_repo, {PROJECT: text, "content/pages/x.md": "<!-- 13612345678 -->\n"})
    summary = tmp_path / "summary.md"
    assert run(pr_repo, "main", "centre", fmt, str(summary)) == 1
    out = capsys.readouterr()
    for secret in SECRETS:
        assert secret not in out.out and secret not in out.err
        assert secret not in summary.read_text(encoding="utf-8")
    assert "138****5678" in out.out


def test_added_lines_ignore_diff_drivers(pr_repo: Path) -> None:
    (pr_repo / ".gitattributes").write_text("*.md diff=boom\n", encoding="utf-8")
    git(pr_repo, "config", "diff.boom.command", "false")
    git(pr_repo, "config", "diff.boom.textconv", "false")
    commit(pr_repo, {"content/pages/y.md": "a\n13812345678\n"})
    assert added_lines(pr_repo, "main", "content/pages/y.md") == {1, 2}
    done = subprocess.run(["git", "diff", "main...HEAD"], cwd=pr_repo, capture_output=True)
    assert done.returncode != 0  # the driver really would have broken an ordinary diff


def test_the_review_summary_masks_numbers_in_the_values_it_shows() -> None:
    old = {"name": "好纱线", "summary": "旧简介"}
    new = {"name": "好纱线 13812345678", "summary": "新简介，学号 2021123456 的同学负责"}
    markdown = review_summary([ProjectDiff(PROJECT, old, new)], [], {"summary": "一句话简介"})
    assert "138\\*\\*\\*\\*5678" in markdown and "202\\*\\*\\*\\*456" in markdown
    assert not any(secret in markdown for secret in SECRETS)


def test_a_file_name_holding_personal_data_is_reported(
    pr_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(pr_repo, {"content/pages/名单-13812345678.md": "名单\n"})
    _, report, _ = check(pr_repo, capsys, author="centre")
    (problem,) = report["problems"]
    assert (problem["rule"], problem["line"], problem["field"]) == ("personal.phone", 0, "文件名")
    assert "138****5678" in problem["message"]


FIXTURE = {"tests/corpus.yaml": "cases:\n  - 138 1234 5678\n  - 学号 2021123456\n"}


def severities(report: dict) -> list[tuple[str, str, str]]:
    return [(p["path"], p["rule"], p["severity"]) for p in report["problems"]]


def test_a_maintainers_test_corpus_is_a_warning_to_review_not_a_failure(
    pr_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(pr_repo, FIXTURE)
    code, report, _ = check(pr_repo, capsys, author="centre")
    assert code == 0
    assert severities(report) == [
        ("tests/corpus.yaml", "review.protected-path", "warning"),
        ("tests/corpus.yaml", "personal.phone", "warning"),
        ("tests/corpus.yaml", "personal.student-id", "warning"),
    ]


@pytest.mark.parametrize("author", ["textile-club", "stranger"])
def test_anyone_elses_test_corpus_fails(
    pr_repo: Path, capsys: pytest.CaptureFixture[str], author: str
) -> None:
    commit(pr_repo, FIXTURE)
    code, report, _ = check(pr_repo, capsys, author=author)
    assert code == 1
    assert ("tests/corpus.yaml", "personal.phone", "error") in severities(report)


def test_a_maintainers_personal_data_in_the_data_still_fails(
    pr_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(pr_repo, {"content/pages/notes.md": "联系 138 1234 5678\n"})
    code, report, _ = check(pr_repo, capsys, author="centre")
    assert code == 1
    assert severities(report) == [("content/pages/notes.md", "personal.phone", "error")]


def test_a_case_file_is_scanned_with_the_fields_of_one_case(
    pr_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """content/cases/<id>.yaml holds one case: its fields are named by the case schema."""
    lead = '"联系 \\u0031\\u0033\\u0038\\u0031\\u0032\\u0033\\u0034\\u0035\\u0036\\u0037\\u0038"'
    commit(pr_repo, {"content/cases/2026-good-yarn.yaml": f"id: 2026-good-yarn\nlead: {lead}\n"})
    code, report, _ = check(pr_repo, capsys, author="centre")
    assert code == 1
    phones = [p for p in report["problems"] if p["rule"] == "personal.phone"]
    assert [(p["path"], p["line"], p["field"]) for p in phones] == [
        ("content/cases/2026-good-yarn.yaml", 2, "lead（导语）")
    ]
