"""Search as a visitor uses it: the sample site, Material's own search worker in Chromium.

Phrases come from the sample projects' summaries, chosen by rule (every fifth project in
id order, the first clause of six or more characters), not by hand. The positions of the
hits are written to ``test-artifacts/search-hits.txt`` for the record.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from showcase.engine.search_entries import segment_chinese
from showcase.model import Model
from showcase.paths import Layout, repository_root
from showcase.validate import validate_repository
from tests.browser.conftest import ServedSite, serve_model
from tests.browser.test_site_in_browser import REMEMBER_RESULTS, search

pytestmark = pytest.mark.browser

RESULT_LINKS = ".md-search-result__list > .md-search-result__item > a"
CLAUSE_BREAK = re.compile(r"[，。、；：,（）“”]")
HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The repository's own sample data, built and served."""
    root = tmp_path_factory.mktemp("search-sample")
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(repository_root() / folder, root / folder)
    result = validate_repository(Layout(root))
    assert result.model is not None, result.problems
    with serve_model(root, result.model) as served:
        yield served


def summary_phrases(model: Model, count: int = 10) -> list[tuple[str, str]]:
    """(project id, phrase) for `count` projects spread over the sample in id order."""
    ids = sorted(model.projects)
    step = len(ids) // count
    phrases = []
    for project_id in ids[::step][:count]:
        clauses = CLAUSE_BREAK.split(model.projects[project_id].summary)
        phrases.append((project_id, next(c.strip() for c in clauses if len(c.strip()) >= 6)))
    return phrases


def cut_clauses(model: Model, count: int = 30) -> list[tuple[str, str]]:
    """(project id, query) for `count` projects spread over the sample: the longest clause
    of the summary, its last word cut short as a visitor still typing leaves it (the first
    1, 2, … characters of it, in turn; the whole word when the turn reaches its length)."""
    ids = sorted(model.projects)
    queries = []
    for number in range(count):
        project_id = ids[number * len(ids) // count]
        clauses = CLAUSE_BREAK.split(model.projects[project_id].summary)
        words = segment_chinese(max(clauses, key=len).strip()).split("\u200b")
        last = words[-1]
        if HAN_WORD.fullmatch(last):
            words[-1] = last[: 1 + number % len(last)]
        queries.append((project_id, "".join(words)))
    return queries


WORKER_HITS = """async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const index = await (await fetch(new URL(`${config.base}/search/search_index.json`, location.href))).json();
  const worker = new Worker(config.search);
  const answer = () => new Promise(done =>
    worker.addEventListener("message", event => done(event.data), {once: true}));
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {}}});
  await answer();
  const hits = [];
  for (const query of queries) {
    worker.postMessage({type: 2, data: query});
    const items = (await answer()).data.items;
    hits.push({pages: items.map(group => group[0].location.split("#")[0]),
               terms: items.length ? Object.keys(items[0][0].terms) : []});
  }
  return hits;
}"""
"""Material's messages to its worker (setup 0, query 2; integrations/search/worker/message),
sent the way its search box sends them, so they pass through assets/search.js as a
visitor's do; per query, the pages of the result groups in the order the box lists them
and the query words the worker searched for (the first hit's ``terms``)."""


def worker_hits(page: Any, site: ServedSite, queries: list[str]) -> list[dict[str, list[str]]]:
    """What Material's search worker finds for each query, asked on a page of the site
    (thirty queries take a second, where typing each into the box takes two)."""
    page.goto(site.url)
    return page.evaluate(WORKER_HITS, queries)


def hit_pages(page: Any, site: ServedSite) -> list[str]:
    """The pages of the listed hits, best first, as site paths (``projects/x/``)."""
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    return [re.split(r"[?#]", href)[0].removeprefix(site.url) for href in hrefs]


def wait_for_results(page: Any, query: str, timeout: int = 15000) -> None:
    """Until the box holds `query` and the list shows results rendered after it was
    entered (`search` and `paste` count renders): the box changes at once, while the list
    may still hold the last query's hits for a moment under load."""
    page.wait_for_function(
        """(query) => {
             const box = document.querySelector("input.md-search__input");
             const meta = document.querySelector(".md-search-result__meta");
             const fresh = window.__rendersBefore === undefined
               || window.__resultRenders > window.__rendersBefore;
             return box.value === query && fresh && meta && /结果/.test(meta.textContent)
               && document.querySelector(".md-search-result__list").children.length > 0;
           }""",
        arg=query,
        timeout=timeout,
    )


def open_search(page: Any) -> Any:
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for='__search']").first.click()
    box.focus()
    return box


def test_ten_phrases_from_ten_summaries_each_find_their_project_first(
    page: Any, sample_site: ServedSite, artifacts: Path
) -> None:
    phrases = summary_phrases(sample_site.model)
    assert len({project for project, _ in phrases}) == 10
    positions = []
    for project_id, phrase in phrases:
        page.goto(sample_site.url)  # a fresh page: no earlier query's hits to read by mistake
        search(page, phrase)
        wait_for_results(page, phrase)
        hits = hit_pages(page, sample_site)
        wanted = f"projects/{project_id}/"
        positions.append((hits.index(wanted) + 1 if wanted in hits else None, project_id, phrase))
    record = "\n".join(f"{rank}\t{project}\t{phrase}" for rank, project, phrase in positions)
    firsts = sum(rank == 1 for rank, _, _ in positions)
    (artifacts / "search-hits.txt").write_text(f"{firsts}/10 first\n{record}\n", encoding="utf-8")
    assert firsts == 10, record


def test_thirty_clauses_cut_short_each_find_their_project_first(
    page: Any, sample_site: ServedSite, artifacts: Path
) -> None:
    """A visitor still typing the last word (one character of it, two, …): the word stays
    what was typed, instead of shrinking to its first character in Material's worker."""
    queries = cut_clauses(sample_site.model)
    assert len({project for project, _ in queries}) == 30
    hits = worker_hits(page, sample_site, [query for _, query in queries])
    positions = []
    for (project_id, query), hit in zip(queries, hits, strict=True):
        found, wanted = hit["pages"], f"projects/{project_id}/"
        positions.append((found.index(wanted) + 1 if wanted in found else None, project_id, query))
    record = "\n".join(f"{rank}\t{project}\t{query}" for rank, project, query in positions)
    firsts = sum(rank == 1 for rank, _, _ in positions)
    (artifacts / "search-hits-cut.txt").write_text(
        f"{firsts}/30 first\n{record}\n", encoding="utf-8"
    )
    assert firsts == 30, record


def lost_characters(queries: list[str], hits: list[dict[str, list[str]]]) -> list[str]:
    """The Chinese characters of each query that are in none of the words searched for."""
    return [
        "".join(c for c in "".join(HAN_WORD.findall(query)) if c not in "".join(hit["terms"]))
        for query, hit in zip(queries, hits, strict=True)
    ]


def test_every_character_typed_reaches_the_search(page: Any, sample_site: ServedSite) -> None:
    """Material's worker drops the last character of a run of Chinese (its word loop stops
    one short), so "…湿法" searches for "湿": with assets/search.js nothing is dropped."""
    queries = [query for _, query in cut_clauses(sample_site.model)]
    assert not any(lost_characters(queries, worker_hits(page, sample_site, queries)))
    page.route("**/assets/search.js", lambda route: route.fulfill(body="", status=200))
    lost = lost_characters(queries, worker_hits(page, sample_site, queries))
    assert sum(map(bool, lost)) >= 20, f"the control: Material alone drops characters {lost}"


def test_words_are_whole_even_when_the_index_reached_the_worker_first(
    page: Any, sample_site: ServedSite
) -> None:
    """When Material hands the worker its index before assets/search.js runs, the script
    reads the index itself and still sends whole words (here: loaded by hand, late)."""
    page.route("**/assets/search.js", lambda route: route.fulfill(body="", status=200))
    page.goto(sample_site.url)
    search(page, "面料")
    wait_for_results(page, "面料")  # Material's worker has its index
    page.unroute("**/assets/search.js")
    page.evaluate(
        """() => new Promise(loaded => {
             const script = document.createElement("script");
             script.src = "assets/search.js?late";
             script.onload = loaded;
             document.body.appendChild(script);
           })"""
    )
    for _, query in cut_clauses(sample_site.model)[:5]:
        search(page, query)
        wait_for_results(page, query)  # this query's results, not the last one's
        first = page.locator(RESULT_LINKS).first.get_attribute("href")
        searched = parse_qs(urlsplit(first).query)["h"][0].split()
        assert lost_characters([query], [{"terms": searched}]) == [""], (query, searched)


def test_the_wait_for_results_does_not_take_the_last_querys_hits(
    page: Any, sample_site: ServedSite
) -> None:
    """A box that shows a new query over the last query's list is not "results": the
    promise every other search test leans on."""
    page.goto(sample_site.url)
    search(page, "面料")
    wait_for_results(page, "面料")
    page.evaluate(REMEMBER_RESULTS, "纺织")
    page.locator("input.md-search__input").evaluate("box => { box.value = '纺织'; }")
    with pytest.raises(Exception, match="Timeout 2000ms exceeded"):
        wait_for_results(page, "纺织", timeout=2000)


def test_the_words_a_hit_lacks_are_not_listed(page: Any, sample_site: ServedSite) -> None:
    """Material writes "缺少: 湿法*" under a hit without every query word; hidden."""
    page.goto(sample_site.url)
    search(page, "湿法 面料")
    wait_for_results(page, "湿法 面料")
    missing = page.locator(".md-search-result__terms")
    assert missing.count() > 0 and not missing.first.is_visible()


def test_a_phrase_leads_to_its_project_page_in_two_taps(page: Any, sample_site: ServedSite) -> None:
    """Home → search → the first hit: the project page, not a listing's screen of text."""
    project_id, phrase = summary_phrases(sample_site.model)[0]
    page.goto(sample_site.url)
    search(page, phrase)  # tap 1 opens the search box (inside `search`), then typing
    wait_for_results(page, phrase)
    assert hit_pages(page, sample_site)[0] == f"projects/{project_id}/"
    page.locator(RESULT_LINKS).first.click()  # tap 2
    page.wait_for_url(re.compile(rf"/projects/{project_id}/"))
    assert page.locator("h1").inner_text() == sample_site.model.projects[project_id].name


def test_the_home_page_and_listings_are_never_shown_as_text(
    page: Any, sample_site: ServedSite
) -> None:
    """Words from the home page and the directory's summaries find projects, and a
    listing page, when found by its title, shows no text."""
    page.goto(sample_site.url)
    for query in ("纺织", "创业 项目", "典型案例"):
        search(page, query)
        wait_for_results(page, query)
        hits = hit_pages(page, sample_site)
        assert "" not in hits and "projects/" not in hits[:3], (query, hits)
    texts = page.eval_on_selector_all(
        RESULT_LINKS, "links => links.map(a => [a.href, a.innerText])"
    )
    listing = [text for href, text in texts if re.split(r"[?#]", href)[0].endswith("/cases/")]
    assert listing and "\n" not in listing[0].strip(), "a listing shows its title only"


def type_with_input_method(page: Any, pinyin: str, word: str) -> None:
    """Compose `pinyin`, then commit `word`, through Chromium's input method interface:
    composition events and input events only, no key events."""
    client = page.context.new_cdp_session(page)
    for end in range(1, len(pinyin) + 1):
        client.send(
            "Input.imeSetComposition",
            {"text": pinyin[:end], "selectionStart": end, "selectionEnd": end},
        )
    client.send("Input.insertText", {"text": word})


def paste(page: Any, text: str) -> None:
    """What pasting from the context menu does to the box: the value changes and one
    ``input`` event says so; no key is pressed."""
    page.evaluate(REMEMBER_RESULTS, text)
    page.locator("input.md-search__input").evaluate(
        """(box, text) => {
             box.value = text;
             box.dispatchEvent(new InputEvent("input", {
               bubbles: true, inputType: "insertFromPaste", data: text }));
           }""",
        text,
    )


@pytest.mark.parametrize(("pinyin", "word"), [("mianliao", "面料"), ("chuangan", "传感")])
def test_results_appear_when_an_input_method_commits_a_word(
    page: Any, sample_site: ServedSite, pinyin: str, word: str
) -> None:
    page.goto(sample_site.url)
    open_search(page)
    page.wait_for_timeout(300)
    page.evaluate(
        """() => {
             const box = document.querySelector("input.md-search__input");
             window.__seen = [];
             for (const type of ["compositionstart", "compositionend", "keydown", "keyup"])
               box.addEventListener(type, () => window.__seen.push(type));
           }"""
    )
    type_with_input_method(page, pinyin, word)
    wait_for_results(page, word)
    seen = page.evaluate("window.__seen")
    assert seen[0] == "compositionstart" and "compositionend" in seen
    assert "keydown" not in seen, "no key was pressed: the input method alone found it"
    assert page.locator(f"{RESULT_LINKS}[href*='projects/']").count() > 0


def test_an_input_method_alone_finds_nothing_without_our_script(
    page: Any, sample_site: ServedSite
) -> None:
    """The control: with assets/search.js blocked, Material waits for a key that never
    comes, so the test above measures the script."""
    page.route("**/assets/search.js", lambda route: route.fulfill(body="", status=200))
    page.goto(sample_site.url)
    open_search(page)
    # Material re-runs the box's value once its worker is ready; on a loaded machine that
    # would find the word after all, so the control composes only into a ready search.
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta')"
        ".textContent.includes('正在初始化')"
    )
    type_with_input_method(page, "mianliao", "面料")
    page.wait_for_timeout(1500)
    assert page.locator(".md-search-result__list").evaluate("list => list.children.length") == 0


def test_results_appear_after_a_paste(page: Any, sample_site: ServedSite) -> None:
    page.goto(sample_site.url)
    open_search(page)
    project_id, phrase = summary_phrases(sample_site.model)[3]
    paste(page, phrase)
    wait_for_results(page, phrase)
    assert hit_pages(page, sample_site)[0] == f"projects/{project_id}/"
    paste(page, "面料")  # a second paste replaces the results
    wait_for_results(page, "面料")


def test_search_and_directory_lead_to_each_other(page: Any, sample_site: ServedSite) -> None:
    page.goto(sample_site.url)
    search(page, "面料")
    wait_for_results(page, "面料")
    to_directory = page.locator(".sc-search-directory a")
    assert to_directory.inner_text() == "在项目名录中筛选"
    assert to_directory.bounding_box()["height"] >= 44
    found = hit_pages(page, sample_site)
    to_directory.click()
    page.wait_for_url(re.compile(r"/projects/\?search="))
    page.locator("[data-testid=directory-cards] li").first.wait_for()
    found_projects = [path.split("/")[1] for path in found if path.startswith("projects/")]
    assert found_projects and len(found_projects) < len(sample_site.model.projects)
    assert directory_cards(page) == set(found_projects), "the directory lists what search found"
    line = page.locator("[data-testid=directory-found]")
    assert line.is_visible() and "搜索“面料”找到的项目" in line.inner_text()
    address = page.url
    page.locator("a[data-sc-search]").click()
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    assert page.evaluate("document.activeElement === document.querySelector('.md-search__input')")
    assert page.url == address, "opened in place, the filters are kept"


def directory_cards(page: Any) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "[data-testid=directory-cards] li", "cards => cards.map(c => c.dataset.project)"
        )
    )


def test_a_directory_view_from_search_narrows_with_filters_and_widens_again(
    page: Any, sample_site: ServedSite
) -> None:
    """The projects found stay the set the filters work on; 显示全部项目 drops them."""
    model = sample_site.model
    found = sorted(p.id for p in model.projects.values() if "面料" in p.summary)[:6]
    colleges = {model.projects[project].college for project in found}
    college = sorted(colleges)[0]
    page.goto(f"{sample_site.url}projects/?search=面料&found={','.join(found)}")
    page.locator("[data-testid=directory-cards] li").first.wait_for()
    assert directory_cards(page) == set(found)
    group = page.locator("details[data-group='college']")
    group.locator("summary").click()
    group.locator(f"input[value='{college}']").check()
    page.wait_for_url(re.compile(r"college="))
    narrowed = {p for p in found if model.projects[p].college == college}
    page.wait_for_function(
        "n => document.querySelectorAll('[data-testid=directory-cards] li').length === n",
        arg=len(narrowed),
    )
    assert directory_cards(page) == narrowed and "found=" in page.url
    show_all = page.locator("[data-testid=directory-found] button")
    assert show_all.bounding_box()["height"] >= 44
    show_all.click()
    page.wait_for_function("() => !location.search.includes('found=')")
    assert not page.locator("[data-testid=directory-found]").is_visible()
    wanted = {p.id for p in model.projects.values() if p.college == college}
    page.wait_for_function(
        "n => document.querySelectorAll('[data-testid=directory-cards] li').length === n",
        arg=min(len(wanted), 24),
    )
