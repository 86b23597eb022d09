"""Search as people type: the query normalisation (docs/assets/search-query.js) and its
tables (hooks/search_tables.py), end to end in Chromium on the real site; the header
search from every page; the synonym files' validation."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import run_build, wait_until
from tests.searching import hit, top5

CASES = yaml.safe_load((Path(__file__).parent / "search_normalisation.yml").read_text(encoding="utf-8"))
JA_CLASSES = [c for c in CASES if c != "en"]


@pytest.fixture(scope="module")
def pages(server, browser):
    context = browser.new_context()
    opened = {"ja": context.new_page(), "en": context.new_page()}
    opened["ja"].goto(server + "/")
    opened["en"].goto(server + "/en/")
    yield opened
    context.close()


def test_enough_queries_of_each_class():
    assert sum(len(CASES[c]) for c in JA_CLASSES) >= 40 and len(CASES["en"]) >= 10
    assert all(len(CASES[c]) >= 5 for c in CASES)


@pytest.mark.parametrize("cls, item", [(c, i) for c in CASES for i in CASES[c]], ids=lambda v: v["q"] if isinstance(v, dict) else v)
def test_a_query_as_people_type_it_finds_the_passage(pages, cls, item):
    urls = top5(pages["en" if cls == "en" else "ja"], item["q"])
    assert hit(item["expect"], urls), urls[:8]


# The normaliser's rules, run in the browser on small tables of known content.
PLAN = """async ([query, table, lang]) => {
  const m = await import('/assets/search-query.js');
  return m.plan(query, { w: {}, v: {}, n: {}, s: {}, ...table }, lang || 'ja');
}"""

RULES = [
    # NFKC: full-width letters and digits, half-width katakana; lower case
    ("ＮＴＴ", {}, "ntt"),
    ("ｶﾞｲﾄﾞﾌﾞｯｸ", {}, "ガイドブック"),
    ("２０２５年", {}, "2025年"),
    # numbers in their usual written forms
    ("三百人", {}, "300人"),
    ("300人", {"n": {"300": ["三百"]}}, "三百人"),
    ("5千万円", {}, "5000万円"),
    ("5千万円", {}, "50000000円"),
    ("五千万円", {}, "5千万円"),
    ("5000万円", {"n": {"50000000": ["五千万"]}}, "五千万円"),
    ("1億2000万円", {}, "120000000円"),
    ("2300社", {}, "2,300社"),
    ("二千三百", {}, "2300"),
    # units written more than one way
    ("25パーセント", {}, "25%"),
    ("6ヶ月", {}, "6か月"),
    # spelling variants, to the spelling the index holds
    ("申し込み方法", {"v": {"申し込み": ["申込"]}}, "申込方法"),
    ("引き継ぎ", {"v": {"引き継ぎ": ["引継ぎ", "引継"]}}, "引継"),
    # synonyms
    ("月給の額", {"s": {"月給": ["給与"]}}, "給与の額"),
    ("staff accommodation", {"s": {"staff accommodation": ["company housing"]}}, "company housing"),
]


@pytest.mark.parametrize("query, table, form", RULES, ids=[f"{q}->{f}" for q, _t, f in RULES])
def test_each_rule_of_the_normalisation(pages, query, table, form):
    lang = "en" if query.isascii() and not any(c.isdigit() for c in query) else "ja"
    plan = pages["ja"].evaluate(PLAN, [query, table, lang])
    assert form in [f for forms in plan["words"] for f in forms] + plan["phrases"], plan


def test_words_are_sent_as_the_index_segments_them(pages):
    # the index holds 製造業 as 製|造|業 somewhere and whole elsewhere: both are searched
    plan = pages["ja"].evaluate(PLAN, ["製造業の割合", {"w": {"製造業": ["製 造 業", "製造業"], "割合": 0}}, "ja"])
    assert any(q.startswith("製 造 業 ") for q in plan["queries"]), plan["queries"]
    assert all(q.endswith(" 割合") or q.endswith(" の 割合") or "割合" in q.split() for q in plan["queries"])


def test_the_real_tables_are_built_from_the_index(site):
    import gzip
    import json

    for lang in ("ja", "en"):
        table = json.loads(gzip.decompress((site / "search-tables" / f"{lang}.json.gz").read_bytes()))
        assert set(table) == {"w", "v", "n", "s"} and table["s"]
    ja = json.loads(gzip.decompress((site / "search-tables" / "ja.json.gz").read_bytes()))
    assert ja["w"]["支分"] == 0 and "部局" in ja["w"]  # the words of the content, as the index holds them
    assert "取組" in ja["v"]["取り組み"]  # a variant to the spelling the content uses
    assert ja["s"]["有休"] == ["年次休暇"]  # data/synonyms.yml


# For the first results: does the page hold the whole query, and does each section
# shown (read from the page itself: a heading to the next heading) hold it?
HOLDERS = """async (q) => {
  const pf = await import('/assets/search/pagefind.js');
  const squash = (t) => t.normalize('NFKC').toLowerCase().replace(/\\s+/g, '');
  const sectionText = async (url) => {
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
    const body = doc.querySelector('[data-pagefind-body]') || doc.body;
    const id = decodeURIComponent(url.split('#')[1] || '');
    const start = id ? doc.getElementById(id) : body;
    const walker = doc.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let text = '', on = !id;
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n === start) { on = true; continue; }
      if (n.nodeType === 1 && /^H[1-6]$/.test(n.tagName) && on && (id || text)) break;
      if (on && n.nodeType === 3) text += n.textContent;
    }
    return text;
  };
  const found = await pf.search(q);
  const pages = await Promise.all(found.results.slice(0, 6).map((r) => r.data()));
  const rows = [];
  for (const d of pages) {
    const subs = await Promise.all(d.sub_results.slice(0, 3).map(async (s) => squash(await sectionText(s.url)).includes(q)));
    rows.push([squash(d.content).includes(q), subs]);
  }
  return rows;
}"""


@pytest.mark.parametrize("query", ["年次休暇", "派遣先企業", "人事面談", "超過勤務", "交流採用"])
def test_the_whole_query_ranks_above_its_parts(pages, query):
    """Pages, and sections within a page, holding the query as typed come first."""
    rows = pages["ja"].evaluate(HOLDERS, query)
    whole = [w for w, _subs in rows]
    assert whole and whole[0] and whole == sorted(whole, reverse=True), whole
    for _w, subs in rows:
        assert subs == sorted(subs, reverse=True), subs


def test_pagefind_ui_loads_only_when_search_is_opened(server, browser):
    page = browser.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server + "/faq/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "pagefind" in u or "search-tables" in u]
    page.keyboard.press("Tab")  # the skip link first, then on to the header's search
    for _ in range(12):
        if page.evaluate("!!document.activeElement.closest('.kk-search')"):
            break
        page.keyboard.press("Tab")
    wait_until(page, "!!customElements.get('pagefind-modal')")
    assert [u for u in requested if u.endswith("pagefind-component-ui.js")]
    assert page.evaluate("!!document.activeElement.closest('.kk-search')")  # focus kept on the search
    page.keyboard.press("Enter")
    page.locator("pagefind-modal input").first.wait_for(state="visible")
    page.close()


def _built_pages(site: Path) -> list[str]:
    return sorted("/" + p.parent.relative_to(site).as_posix().strip(".") + ("/" if p.parent != site else "")
                  for p in site.rglob("index.html") if "assets" not in p.parts and "pagefind" not in p.parts)


def test_the_header_search_works_from_every_page(site, server, browser):
    """Through the keyboard, as a person would: "/" then a query, on every built page."""
    pages = [p.replace("//", "/") for p in _built_pages(site)]
    assert "/" in pages and "/en/" in pages and len(pages) > 40
    context = browser.new_context()
    page = context.new_page()
    failed = []
    for path in pages:
        english = path.startswith("/en/")
        page.goto(server + path)
        page.keyboard.press("/")
        field = page.locator("pagefind-modal input").first
        field.wait_for(state="visible")
        field.type("exchange" if english else "交流採用")
        try:
            page.locator("pagefind-results a[href]").first.wait_for(timeout=5000)
        except Exception:
            pass
        text = page.locator("pagefind-modal").inner_text()
        if "Error" in text or not page.locator("pagefind-results a[href]").count():
            failed.append((path, text[:120]))
    context.close()
    assert not failed, failed


def test_a_synonym_whose_term_is_not_in_the_content_stops_the_build(project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "marker").write_text("previous build")
    for name, term in (("synonyms.yml", "給与"), ("synonyms.en.yml", "salary")):
        path = project / "data" / name
        path.write_text(path.read_text(encoding="utf-8").replace(f"term: {term}\n", "term: どこにもない語\n" if name == "synonyms.yml" else "term: nowhere-to-be-found\n", 1), encoding="utf-8")
    result = run_build(project, site)
    assert result.returncode != 0
    lines = {n: i for n in ("synonyms.yml", "synonyms.en.yml") for i, line in enumerate((project / "data" / n).read_text(encoding="utf-8").split("\n"), 1) if "term: どこにもない語" in line or "term: nowhere-to-be-found" in line}
    assert f"data/synonyms.yml:{lines['synonyms.yml']}: synonyms.0.term:" in result.stderr, result.stderr
    assert f"data/synonyms.en.yml:{lines['synonyms.en.yml']}: synonyms.0.term:" in result.stderr, result.stderr
    assert "appears nowhere in the content" in result.stderr and "Traceback" not in result.stderr
    assert (site / "marker").read_text() == "previous build"
