"""What the search index holds for a project page: what people search for, nothing more.

A visitor finds a project by a word from its name, summary, fields, keywords or college;
nobody searches the showcase for a team member's name or an award title, and indexing
every page's full text made the index of 10,000 projects tens of megabytes that every
visitor's phone downloads. So the engine indexes each project page with one entry built
from the model (title: the name; text: summary, college, fields, keywords) and keeps the
page's own HTML out of the index entirely.

This is engine policy, not data: the model and the renderers do not change, and another
engine can make its own choice from the same model.

Material's search shows both fields of a result through ``innerHTML`` (its bundle appends
string children that way), exactly as its own indexer stores them: HTML-escaped text. So
both are escaped here with `showcase.render.text.attribute`; a project called
``<img src=x onerror=…>`` is found and shown as those characters. Example::

    >>> entries = project_search_entries(model)
    >>> entries["projects/aurora-01/index.md"]
    SearchEntry(title='经纬智能调温面料', text='<p>…summary…</p><p>纺织学院 · 纺织服装 · …</p>')

Before an entry goes into the index its Chinese is split into words (`segment_chinese`),
because the browser's search only matches whole terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backrefs import bre

from showcase.model import Model, Project
from showcase.render import paths
from showcase.render.text import attribute


@dataclass(frozen=True)
class SearchEntry:
    """One search index entry, both fields HTML as Material renders them: `title` is
    escaped text, `text` escaped text in paragraphs."""

    title: str
    text: str


def project_search_entries(model: Model) -> dict[str, SearchEntry]:
    """The search entry of every project page, keyed by the page's docs path."""
    return {
        paths.project_page(project.id): project_entry(project, model)
        for project in model.projects.values()
    }


def project_entry(project: Project, model: Model) -> SearchEntry:
    college = model.colleges.get(project.college)
    facts = [
        college.name if college else project.college,
        *(model.fields[f].name if f in model.fields else f for f in project.fields),
        *project.keywords,
    ]
    text = f"<p>{attribute(project.summary)}</p>"
    text += f"<p>{attribute(' · '.join(f for f in facts if f))}</p>"
    return SearchEntry(title=attribute(project.name), text=text)


_HAN = bre.compile_search(r"\p{script: Han}+", bre.UNICODE)
_WORD_BREAK = "\u200b"  # zero-width space: in the index's separator, invisible in results


def segment_chinese(text: str) -> str:
    """`text` with every run of Han characters split into words by jieba.

    Copied from Material's search plugin (MIT licence): its ``SearchIndex._segment_chinese``
    is a private method, so we do not call it. The browser splits the index into terms on
    Material's ``separator``, which contains U+200B, and matches whole terms, so our
    entries must carry exactly the tokens Material's indexer writes for every other page,
    or a query that finds a word on a college page would miss it on a project page. jieba
    runs in its default mode on its global dictionary, the one Material's ``jieba_dict``
    and ``jieba_dict_user`` options replace. The pattern is compiled once (Material
    compiles it per call). `tests/engine/test_segmentation.py` compares both on a corpus,
    so a Material upgrade that changes its segmentation fails our tests.
    """
    return _HAN.sub(_split_words, text).strip(_WORD_BREAK)


def _split_words(match: re.Match[str]) -> str:
    import jieba  # 0.2 s to import: only a build with search pays for it

    return _WORD_BREAK + _WORD_BREAK.join(jieba.cut(match.group(0))) + _WORD_BREAK
