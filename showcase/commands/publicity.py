"""``invoke publicity [--drafts] [--today YYYY-MM-DD] [--out DIR]``: WeChat articles,
Markdown versions and share images for the publicity office.

Writes one folder per case into ``build/publicity/`` (``build/publicity-preview/`` with
``--drafts``, so a preview is never mistaken for what may be posted)::

    build/publicity/2026-smart-yarn-sensor/article.html   inline styles only
    build/publicity/2026-smart-yarn-sensor/article.md
    build/publicity/2026-smart-yarn-sensor/share.png      1200×630 link preview
    build/publicity/2026-smart-yarn-sensor/cover-wide.png  900×383 WeChat cover (2.35:1)
    build/publicity/2026-smart-yarn-sensor/cover-square.png 500×500 WeChat cover (1:1)
    build/publicity/2026-smart-yarn-sensor/photo.jpg      the story's image, re-encoded clean

The output folder is replaced as a whole (only if this tool wrote it: see
`showcase.atomic.check_output_folder`), so a case that was withdrawn leaves no stale
article behind.
"""

from __future__ import annotations

import sys
from pathlib import Path

from showcase.atomic import ForeignFolder, replaced_atomically
from showcase.commands.build import REFUSAL
from showcase.commands.common import publication_date, validated_model
from showcase.commands.gather import case_logos
from showcase.fonts import MISSING_FONT_NOTICE, find_cjk_font
from showcase.images.publish import PublishedImages
from showcase.model import Model
from showcase.paths import Layout
from showcase.render.case_visibility import Publicity, preview_label, visible_cases
from showcase.render.share_image import SIZES, share_image
from showcase.render.wechat import wechat_article


def publicity(root: Path, drafts: bool, today: str, out: str) -> int:
    """Validate, choose the cases for the date, write their files; 0 on success."""
    layout = Layout(root)
    try:
        day, source = publication_date(today)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    model = validated_model(layout, REFUSAL)
    if model is None:
        return 1
    target = Path(out) if out else default_out(layout, drafts)
    try:
        written = write_publicity(model, Publicity(day, drafts), target, root)
    except ForeignFolder as refused:
        print(refused.message, file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"无法写入 {target}：{error}", file=sys.stderr)
        return 1
    kind = "预览（含草稿和待发布案例，不可直接发布）" if drafts else "可发布的案例"
    print(
        f"发布日期：{day.isoformat()}（来自{source}）。{kind}：{len(written)} 个，已写入 {target}"
    )
    for line in written:
        print(f"  - {line}")
    return 0


def default_out(layout: Layout, drafts: bool) -> Path:
    return layout.build_dir / ("publicity-preview" if drafts else "publicity")


def write_publicity(model: Model, publicity: Publicity, target: Path, root: Path) -> list[str]:
    """Write every shown case's files under `target` (images read below `root`).

    The folder is replaced as a whole, and only once everything is written; a folder this
    tool did not write raises `ForeignFolder` first. Returns one summary line per case.
    """
    font = find_cjk_font()
    if font is None:
        print(MISSING_FONT_NOTICE, file=sys.stderr)
    lines = []
    images = PublishedImages(Layout(root).published_images_dir)
    logos = case_logos(Layout(root), model)
    with replaced_atomically(target, repository=root) as staging:
        for case in visible_cases(model, publicity):
            folder = staging / case.id
            folder.mkdir(parents=True)
            article = wechat_article(case, model)
            (folder / "article.html").write_text(article.html, encoding="utf-8")
            (folder / "article.md").write_text(article.markdown, encoding="utf-8")
            for name, source in article.images.items():
                (folder / name).write_bytes(images.publish(root / source))
            if font is not None:  # the link preview and both WeChat cover sizes
                logo = logos.get(model.projects[case.project].logo)
                for name, size in SIZES.items():
                    (folder / name).write_bytes(share_image(case, model, font, size, logo))
            mark = preview_label(case, publicity)
            lines.append(f"{case.id}：{case.headline}" + (f"【{mark}】" if mark else ""))
    return lines
