"""No command reads through a symlink: paths given on the command line, pages, the form."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.commands.from_issue import from_issue as run
from showcase.commands.gather import read_content_assets, read_content_pages
from showcase.paths import Layout
from showcase.validate import validate_repository
from tests.validate.conftest import TODAY
from tests.validate.input_builders import SECRET, outside_folder


@pytest.mark.parametrize(
    "given",
    ["projects/evil", "projects/evil/passwd.yaml", "projects/textile/evil.yaml", "projects"],
)
def test_a_path_given_through_a_link_is_refused_and_never_read(
    fixture_layout: Layout, given: str
) -> None:
    outside = outside_folder(fixture_layout.root)
    (fixture_layout.projects_dir / "evil").symlink_to(outside, target_is_directory=True)
    (fixture_layout.projects_dir / "textile/evil.yaml").symlink_to(outside / "passwd.yaml")
    result = validate_repository(fixture_layout, [Path(given)], today=TODAY)
    rules = {p.rule for p in result.problems}
    assert "file.symlink" in rules and rules <= {"file.symlink", "project.location"}
    assert all(SECRET not in p.text() and str(outside) not in p.text() for p in result.problems)


def test_hand_written_pages_and_their_images_skip_links(tmp_path: Path) -> None:
    outside = outside_folder(tmp_path / "repo")
    pages = tmp_path / "repo/content/pages"
    pages.mkdir(parents=True)
    (pages / "about.md").write_text("# 关于\n", encoding="utf-8")
    (pages / "secret.md").symlink_to(outside / "story.md")
    (pages / "photo.png").symlink_to(outside / "logo.png")
    (pages / "linked").symlink_to(outside, target_is_directory=True)
    layout = Layout(tmp_path / "repo")
    assert read_content_pages(layout) == {"about.md": "# 关于\n"}
    assert read_content_assets(layout) == {}


def test_from_issue_never_writes_through_a_linked_college_folder(
    fixture_layout: Layout, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = Path(__file__).parents[1] / "forms" / "new-project-issue.md"
    outside = outside_folder(fixture_layout.root)
    (fixture_layout.projects_dir / "textile").rename(tmp_path / "moved")
    (fixture_layout.projects_dir / "textile").symlink_to(outside, target_is_directory=True)
    assert run(fixture_layout.root, str(body), write=True) == 2
    assert "projects/textile 是符号链接" in capsys.readouterr().err
    assert not (outside / "bamboo-socks.yaml").exists()
