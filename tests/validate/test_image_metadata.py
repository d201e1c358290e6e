"""Every hostile image sample is refused as a logo with `image.metadata`, named, never
quoted, with a command that fixes it; harmless metadata passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.commands.strip_images import strip_images
from showcase.paths import Layout
from showcase.validate import validate_repository
from tests.image_samples import HARMLESS, PERSONAL, PRIVATE, PRIVATE_ASCII, encoded, picture
from tests.validate.builders import _project_with_logo
from tests.validate.conftest import TODAY, make_repository

LOGO = "projects/textile/foo/logo.png"
SECRETS = (PRIVATE, PRIVATE_ASCII, "13800138000", "SN-0042-7788", "30.0", "120.0")


def problems(root: Path) -> list:
    return validate_repository(Layout(root), today=TODAY).problems


@pytest.mark.parametrize("sample", PERSONAL)
def test_a_logo_with_personal_metadata_is_refused_and_the_named_command_fixes_it(
    sample: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, label = PERSONAL[sample]
    root = tmp_path / "repo"
    make_repository(root)
    _project_with_logo(root, make())
    (found,) = problems(root)
    assert found.rule == "image.metadata" and found.path == "projects/textile/foo.yaml"
    assert label in found.message
    text = found.text()
    assert not any(secret in text for secret in SECRETS), text
    assert f"./dev strip-images {LOGO}" in found.hint

    assert strip_images(root, [LOGO]) == 0
    printed = capsys.readouterr()
    assert label in printed.out and not any(s in printed.out + printed.err for s in SECRETS)
    assert problems(root) == []


@pytest.mark.parametrize("sample", HARMLESS)
def test_a_logo_with_harmless_metadata_is_accepted(sample: str, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    make_repository(root)
    _project_with_logo(root, HARMLESS[sample]())
    assert problems(root) == []


def test_a_gif_with_a_comment_is_refused_for_its_format(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    make_repository(root)
    _project_with_logo(root, encoded(picture(), "GIF", comment=PRIVATE.encode()))
    (found,) = problems(root)
    assert found.rule == "logo.format" and "GIF" in found.message


def test_a_path_with_a_space_gets_a_command_that_still_works(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    make_repository(root)
    folder = _project_with_logo(root)
    (root / "projects/textile/foo.yaml").write_text(
        (root / "projects/textile/foo.yaml").read_text().replace("logo.png", "'my logo.png'"),
        encoding="utf-8",
    )
    (folder / "my logo.png").write_bytes(PERSONAL["PNG tEXt Author"][0]())
    (found,) = problems(root)
    assert "./dev strip-images --path 'projects/textile/foo/my logo.png'" in found.hint
