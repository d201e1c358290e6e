"""What the search index holds: what people search for, nothing more.

A visitor finds a project by a word from its name, summary, fields, keywords or college;
nobody searches the showcase for a team member's name or an award title, and indexing
every page's full text made the index of 10,000 projects tens of megabytes that every
visitor's phone downloads. So the engine indexes each project page with one entry built
from the model (title: the name; text: summary, college, fields, keywords) and keeps the
page's own HTML out of the index entirely.

Pages that only list other pages would otherwise be hits for every word of what they list:
the home page and the directory held the summaries of many projects, so a phrase from one
project's summary found them first and showed a screen of unrelated text. So:

- project pages get their model entry, boosted (Material's ``search.boost``) so that a
  project outranks a guide or story that happens to use the same words;
- college pages get an entry from the model (name, nursery, association): their lists of
  project names are left to the projects' own entries;
- listing pages (directory, colleges, mentors, events, roadshows, cases) are indexed by
  their title only, ranked down, so "典型案例" or "创业导师" still finds them; the home page
  and the printable annual reports (copies of the case pages) are left out entirely.

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

import hashlib
import json
import re
from dataclasses import dataclass

from backrefs import bre

from showcase import jsontext
from showcase.engine import word_store
from showcase.model import College, Model, Project
from showcase.render import paths
from showcase.render.memo import RenderMemo
from showcase.render.roadshow.paths import ROADSHOWS
from showcase.render.text import attribute

PROJECT_BOOST = 2.0
"""A project page's weight against the site's other pages (Material's ``search.boost``).
Measured on the sample (title weight 2, see mkdocs.yml): a clause of a summary finds its
project first for 95 of 96 clauses with 2 (and with 3), for 88 with 1: stories, guides
and the open-data page using the same words came first."""
LISTING_BOOST = 0.5
"""A listing page found by its title ranks below pages with the words in their text."""
LISTINGS = (paths.DIRECTORY, paths.COLLEGES, paths.MENTORS, paths.EVENTS, ROADSHOWS, paths.CASES)


@dataclass(frozen=True)
class SearchEntry:
    """One search index entry, both fields HTML as Material renders them: `title` is
    escaped text (None: the page's own title), `text` escaped text in paragraphs;
    `boost` is Material's ``search.boost``."""

    title: str | None
    text: str
    boost: float = 1.0


def site_search_entries(
    model: Model, memo: RenderMemo | None = None
) -> dict[str, SearchEntry | None]:
    """Docs path → the one entry that page has in the search index, or None for a page
    left out of it. Pages not listed are indexed by Material from their HTML. With the
    build's render `memo`, a project's entry is the previous build's when its inputs are
    equal (`project_search_entries`)."""
    entries: dict[str, SearchEntry | None] = dict(project_search_entries(model, memo))
    entries.update(
        (paths.college_page(college.id), college_entry(college))
        for college in model.colleges.values()
    )
    entries.update((listing, SearchEntry(None, "", LISTING_BOOST)) for listing in LISTINGS)
    entries[paths.HOME] = None
    entries.update((paths.case_report(case.year), None) for case in model.cases.values())
    return entries


def project_search_entries(model: Model, memo: RenderMemo | None = None) -> dict[str, SearchEntry]:
    """The search entry of every project page, keyed by the page's docs path; with a
    `memo`, taken from the previous build when the project, its college's name and its
    fields' names are equal (escaping 10,000 summaries costs a warm build ~0.1 s)."""
    if memo is None:
        return {
            paths.project_page(project.id): project_entry(project, model)
            for project in model.projects.values()
        }
    names = memo.key(
        (
            tuple((college.id, college.name) for college in model.colleges.values()),
            tuple((field.id, field.name) for field in model.fields.values()),
        )
    )
    entries = {}
    for project in model.projects.values():
        key = hashlib.blake2b(memo.digest_of(project) + names, digest_size=16).digest()
        text = memo.reuse_keyed(
            SEARCH + project.id, key, lambda p=project: _entry_text(project_entry(p, model))
        )
        title, body = json.loads(text)
        entries[paths.project_page(project.id)] = SearchEntry(title, body, PROJECT_BOOST)
    return entries


SEARCH = "search:"
"""The prefix of a project's search entry in the render memo."""


def _entry_text(entry: SearchEntry) -> str:
    return jsontext.dumps([entry.title, entry.text])


def college_entry(college: College) -> SearchEntry:
    """A college is found by its name and by its nursery's and association's."""
    names = " · ".join(name for name in (college.nursery, college.association) if name)
    return SearchEntry(title=attribute(college.name), text=f"<p>{attribute(names)}</p>")


def project_entry(project: Project, model: Model) -> SearchEntry:
    college = model.colleges.get(project.college)
    facts = [
        college.name if college else project.college,
        *(model.fields[f].name if f in model.fields else f for f in project.fields),
        *project.keywords,
    ]
    text = f"<p>{attribute(project.summary)}</p>"
    text += f"<p>{attribute(' · '.join(f for f in facts if f))}</p>"
    return SearchEntry(title=attribute(project.name), text=text, boost=PROJECT_BOOST)


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
    # jieba (0.2 s to import) with its dictionary read from disk (`word_store`)
    return _WORD_BREAK + _WORD_BREAK.join(word_store.segment(match.group(0))) + _WORD_BREAK
