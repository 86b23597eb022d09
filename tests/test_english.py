"""The English edition: complete, structurally the same as the Japanese, glossary-true,
with Japanese script only inside lang="ja", and switchable page by page."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from hooks import english
from tests.conftest import ROOT, SITE_URL
from tests.html import read
from tests.langscan import japanese_outside_ja
from tests.test_validation import edit, failed_build

GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
FRONT = re.compile(r"\A---\n(.*?\n)---\n?", re.S)


def pairs():
    """(Japanese file, English file) for every file that has a counterpart."""
    for folder in ("content/faq", "content/testimonials", "content/sections", "data", "data/publications", "docs"):
        for path in sorted((ROOT / folder).glob("**/*" if folder == "docs" else "*")):
            if path.suffix in (".yml", ".md") and not english.is_english(path) and english.counterpart(path).exists():
                yield path, english.counterpart(path)


def texts(ja: Path, en: Path):
    """(field, Japanese text, English text) of a pair of files."""
    if ja.suffix == ".yml":
        a = yaml.safe_load(ja.read_text(encoding="utf-8"))
        b = yaml.safe_load(en.read_text(encoding="utf-8"))
        yield from ((".".join(map(str, loc)), x, y) for loc, x, y in english.text_pairs(a, english.merge(a, b)))
    else:
        a, b = ja.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
        yield "text", FRONT.sub("", a), FRONT.sub("", b)


def test_every_japanese_file_has_an_english_counterpart():
    missing = []
    for folder in ("content/faq", "content/testimonials", "content/sections", "data/publications", "docs"):
        for path in (ROOT / folder).glob("**/*" if folder == "docs" else "*"):
            if path.suffix in (".yml", ".md") and not english.is_english(path) and not english.counterpart(path).exists():
                missing.append(str(path.relative_to(ROOT)))
    assert not missing


def test_english_uses_the_glossary_every_time():
    misses = []
    for ja, en in pairs():
        for field, a, b in texts(ja, en):
            for miss in english.glossary_misses(GLOSSARY, a, b):
                misses.append(f"{en.relative_to(ROOT)}: {field}: {miss}")
    assert not misses, "\n".join(misses)


def test_the_glossary_gives_official_names_their_source():
    for term in GLOSSARY:
        assert term["ja"] and term["en"], term
    offices = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))["offices"]
    named = {t["ja"] for t in GLOSSARY}
    assert not [o["ministry"] for o in offices if o["ministry"] not in named]
    for name in ("人事院", "内閣官房内閣人事局", "内閣府官民人材交流センター"):
        term = next(t for t in GLOSSARY if t["ja"] == name)
        assert term.get("source"), name


def test_english_pages_hold_japanese_script_only_inside_lang_ja(site):
    found = {}
    for path in sorted((site / "en").rglob("*.html")):
        if bad := japanese_outside_ja(path):
            found[str(path.relative_to(site))] = bad[:3]
    assert not found


def test_the_scan_finds_japanese_outside_lang_ja(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html lang="en"><p>Fine <span lang="ja">日本語</span>, not 官民.</p><a title="戻る">x</a></html>', encoding="utf-8")
    assert japanese_outside_ja(page) == [", not 官民.", "<a title>: 戻る"]


PAGES = sorted(p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*.md") if not english.is_english(p))


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_built_page_pairs_have_the_same_structure(site, page):
    rel = page.with_suffix("")
    path = rel.parent / ("" if rel.name == "index" else rel.name) / "index.html"
    a, b = read(site / path), read(site / "en" / path)
    assert [h[1] for h in a.headings] == [h[1] for h in b.headings]  # same anchors, same order
    html_a, html_b = (site / path).read_text(encoding="utf-8"), (site / "en" / path).read_text(encoding="utf-8")
    article = lambda h: h[h.index('class="md-content"'):h.index("</article>")]  # noqa: E731
    for tag in ("<table", "<li", "<h2", "<h3"):
        assert article(html_a).count(tag) == article(html_b).count(tag), tag


def test_language_alternates_and_canonicals_are_absolute(site):
    for path in ("faq/index.html", "welfare/index.html", "index.html"):
        ja, en = (site / path).read_text(encoding="utf-8"), (site / "en" / path).read_text(encoding="utf-8")
        page = path.removesuffix("index.html")
        for html in (ja, en):
            assert f'<link rel=" alternate" href="{SITE_URL}{page}" hreflang="ja">' in html
            assert f'<link rel=" alternate" href="{SITE_URL}en/{page}" hreflang="en">' in html
            assert f'<link rel=" alternate" href="{SITE_URL}{page}" hreflang="x-default">' in html
        assert f'<link rel="canonical" href="{SITE_URL}{page}">' in ja
        assert f'<link rel="canonical" href="{SITE_URL}en/{page}">' in en


def test_english_pages_say_the_japanese_prevails_and_link_to_it(site):
    html = (site / "en" / "welfare" / "index.html").read_text(encoding="utf-8")
    note = re.search(r'<p class="kk-prevails".*?</p>', html, re.S).group(0)
    assert 'href="../../welfare/"' in note and "prevails" in note


def test_english_publication_views_give_english_page_references(site):
    pamphlet = read(site / "en" / "publications" / "pamphlet" / "index.html").text
    assert "page 3" in pamphlet and "back cover" in pamphlet
    assert not re.search(r"\d+ページ|裏表紙", pamphlet)


def test_a_missing_translation_fails_the_build_naming_the_file(project: Path):
    (project / "content" / "faq" / "haken-travel.en.yml").unlink()
    (project / "docs" / "policy.en.md").unlink()
    out = failed_build(project)
    assert "content/faq/haken-travel.yml: no English counterpart: add haken-travel.en.yml" in out
    assert "docs/policy.md: no English counterpart: add policy.en.md" in out


def test_an_english_file_without_an_original_fails_the_build(project: Path):
    (project / "content" / "faq" / "orphan.en.yml").write_text("question: Orphan?\n", encoding="utf-8")
    assert "content/faq/orphan.en.yml: English file without a Japanese original" in failed_build(project)


def test_an_untranslated_field_and_a_changed_heading_id_are_named(project: Path):
    en = project / "content" / "faq" / "haken-duties.en.yml"
    text = en.read_text(encoding="utf-8")
    en.write_text(re.sub(r"^question: .*\n", "", text, flags=re.M), encoding="utf-8")
    line = edit(project / "content" / "sections" / "tips-preparation.en.md", "{#tips-interview}", "{#tips-meeting}")
    out = failed_build(project)
    assert "content/faq/haken-duties.en.yml:1: question: is missing its English translation" in out
    assert f"content/sections/tips-preparation.en.md:{line}: body: headings:" in out  # the heading that differs


SWITCHES = [
    ("faq/", "saiyou-welfare-benefits"),
    ("flow/", None),
    ("haken-tips/", "tips-interview"),
    ("voices/", "pamphlet-story-ikaida"),
    ("standards/", "standards-contract-relations"),
]


@pytest.mark.parametrize("path, anchor", SWITCHES)
def test_switching_language_lands_on_the_same_page_and_section(server, browser, path, anchor):
    page = browser.new_page()
    page.goto(f"{server}/{path}" + (f"#{anchor}" if anchor else ""))
    if not anchor:  # no anchor in the address: the section scrolled to is kept
        anchor = page.evaluate(  # a section long enough to be the one being read
            """() => {
              const hs = [...document.querySelectorAll('.md-content h2[id], .md-content h3[id], .md-content h4[id]')];
              const top = (h) => h.getBoundingClientRect().top;
              return hs.slice(1, -1).find((h, i) => top(hs[i + 2]) - top(h) > 400).id;
            }"""
        )
        page.evaluate(f"window.scrollTo(0, document.getElementById('{anchor}').getBoundingClientRect().top + scrollY - 20)")
    page.locator(".md-header button[aria-label]").filter(has=page.locator("svg")).first.hover()
    page.locator("a[data-kk-alternate][hreflang=en]").first.click()
    page.wait_for_url(f"**/en/{path}**")
    assert page.evaluate("location.hash") == f"#{anchor}"
    assert page.get_attribute("html", "lang") == "en"
    top = page.locator(f"#{anchor}").bounding_box()["y"]
    assert 0 <= top < 300  # the section is on screen
    page.locator("p.kk-prevails a").click()  # and back to the Japanese, same place
    page.wait_for_url(f"**/{path}#{anchor}")
    assert page.get_attribute("html", "lang") == "ja"
    page.close()


def test_every_english_navigation_entry_opens_an_english_page(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/en/")
    links = page.evaluate("[...document.querySelectorAll('.md-nav--primary a.md-nav__link[href]')].map(a => a.href)")
    assert len(set(links)) >= 20
    for link in sorted(set(links)):
        page.goto(link)
        assert "/en/" in page.url
        assert page.get_attribute("html", "lang") == "en"
        assert not japanese_outside_ja_in(page), link
    page.close()


def japanese_outside_ja_in(page) -> list[str]:
    """Text of the rendered page in Japanese script outside lang="ja" (after scripts ran)."""
    return page.evaluate(
        """() => {
          const bad = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (/[\\u3040-\\u30ff\\u4e00-\\u9fff]/.test(node.textContent) && !node.parentElement.closest('[lang^="ja"]') && !node.parentElement.closest('script,style'))
              bad.push(node.textContent.trim().slice(0, 30));
          }
          return bad;
        }"""
    )
