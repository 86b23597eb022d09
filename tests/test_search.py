"""Search, end to end in Debian's Chromium: Pagefind's indexes, the header search and
the FAQ finder, on the real site served from 127.0.0.1."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.searching import QUERIES, hit, top5


@pytest.fixture(scope="module")
def pages(server, browser):
    """One page per language: Pagefind picks the index by the page's <html lang>."""
    opened = {"ja": browser.new_page(), "en": browser.new_page()}
    opened["ja"].goto(server + "/")
    opened["en"].goto(server + "/en/")
    yield opened
    for page in opened.values():
        page.close()


@pytest.fixture(scope="module")
def page(pages):
    return pages["ja"]


@pytest.fixture(scope="module")
def english_page(pages):
    return pages["en"]


def test_enough_queries_are_checked():
    assert len(QUERIES["ja"]) >= 30 and len(QUERIES["en"]) >= 10


@pytest.mark.parametrize("lang, item", [(lang, i) for lang in ("ja", "en") for i in QUERIES[lang]], ids=lambda v: v["q"] if isinstance(v, dict) else v)
def test_query_finds_the_expected_entry_in_the_first_five(pages, lang, item):
    urls = top5(pages[lang], item["q"])
    assert hit(item["expect"], urls), urls[:8]


def test_english_pages_get_only_english_results(english_page):
    for item in QUERIES["en"] + QUERIES["ja"][:5]:
        assert all(u.startswith("/en/") for u in top5(english_page, item["q"]))


def test_japanese_pages_get_no_english_results(page):
    for item in QUERIES["ja"][:10]:
        assert not [u for u in top5(page, item["q"]) if u.startswith("/en/")]


def test_only_page_content_is_indexed(page):
    """Not the navigation, the footer, the header's search or the permalink marks."""
    content = page.evaluate("""async () => {
      const pf = await import('/pagefind/pagefind.js');
      const found = await pf.search('オンボーディング');
      const pages = await Promise.all(found.results.map((r) => r.data()));
      return pages.find((d) => d.url === '/onboarding/').content;
    }""")
    assert "採用後1か月程度" in content  # the page's own text is there
    for chrome in ("府省の人事担当者へ", "体験談・インタビュー", "Made with", "Material for MkDocs", "#"):
        assert chrome not in content


def test_the_header_search_opens_with_slash_and_lands_on_the_answer(server, browser):
    page = browser.new_page()
    page.goto(server + "/about/")
    page.keyboard.press("/")
    field = page.locator("pagefind-modal input").first
    field.wait_for(state="visible")
    assert page.evaluate("document.activeElement.tagName") == "INPUT"
    field.type("持ち株会")
    first = page.locator("pagefind-modal a[href*='#saiyou-welfare-benefits']").first
    first.wait_for()
    assert page.locator("pagefind-modal mark").count() > 0  # matches are highlighted
    first.click()
    page.wait_for_url("**/faq/**")
    assert "saiyou-welfare-benefits" in page.url
    page.close()


def test_s_also_opens_search(server, browser):
    page = browser.new_page()
    page.goto(server + "/flow/")
    page.keyboard.press("s")
    page.locator("pagefind-modal input").first.wait_for(state="visible")
    page.close()


def test_the_faq_finder_narrows_by_keyword_category_and_audience(server, browser):
    page = browser.new_page()
    page.goto(server + "/faq/")
    visible = "[...document.querySelectorAll('.kk-faq')].filter(e => !e.hidden).map(e => e.querySelector('h3').id)"
    assert len(page.evaluate(visible)) == 20

    page.get_by_role("button", name="交流採用").click()
    ids = page.evaluate(visible)
    assert ids and all(page.get_attribute(f"#{i}", "id") for i in ids)
    categories = page.evaluate("[...document.querySelectorAll('.kk-faq')].filter(e => !e.hidden).map(e => e.dataset.category)")
    assert set(categories) == {"saiyou"}
    assert "category=saiyou" in page.url  # the narrowed view can be shared

    page.get_by_role("button", name="交流採用").click()
    page.get_by_label("キーワード").fill("年休")
    expect(page.locator(".kk-finder__status")).to_contain_text("2件")
    assert page.evaluate(visible) == ["haken-annual-leave", "saiyou-company-training"]

    page.get_by_role("button", name="民間企業等").click()  # neither entry is for companies
    expect(page.locator(".kk-finder__status")).to_contain_text("該当する質問はありません")
    assert page.get_attribute(".kk-finder__status", "role") == "status"  # announced to screen readers
    page.close()


def test_a_shared_finder_link_restores_the_view(server, browser):
    page = browser.new_page()
    page.goto(server + "/faq/?q=%E6%8C%81%E3%81%A1%E6%A0%AA%E4%BC%9A")  # ?q=持ち株会
    expect(page.locator(".kk-finder__status")).to_contain_text("件")
    ids = page.evaluate("[...document.querySelectorAll('.kk-faq')].filter(e => !e.hidden).map(e => e.querySelector('h3').id)")
    assert ids == ["saiyou-welfare-benefits"]
    page.close()


def test_the_english_faq_finder_searches_the_english_entries(server, browser):
    page = browser.new_page()
    page.goto(server + "/en/faq/")
    page.get_by_label("Keywords").fill("housing allowance")
    expect(page.locator(".kk-finder__status")).to_contain_text("Questions found")
    ids = page.evaluate("[...document.querySelectorAll('.kk-faq')].filter(e => !e.hidden).map(e => e.querySelector('h3').id)")
    assert ids[0] == "saiyou-welfare-benefits"
    page.get_by_role("button", name="Exchange through dispatch").click()
    expect(page.locator(".kk-finder__status")).to_contain_text("No question")
    page.close()


REPEAT = re.compile(r'<div class="kk-repeat" data-pagefind-ignore="all">\s*<h\d[^>]*id="([^"]+)"[^>]*>(.*?)<a class="headerlink"', re.S)
GATHERING = ["career", "en/career", "publications/guidebook", "en/publications/pamphlet"]


def _own_page(site, anchor: str, english: bool) -> str | None:
    """The page that shows the item with this anchor and does not mark it a repeat."""
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if (rel == "en" or rel.startswith("en/")) != english:
            continue
        html = path.read_text(encoding="utf-8")
        if f'id="{anchor}"' in html and anchor not in dict(REPEAT.findall(html)):
            return "/" + (rel + "/" if rel != "." else "")
    return None


@pytest.mark.parametrize("where", GATHERING)
def test_an_item_repeated_on_another_page_is_found_on_its_own_page(site, pages, where):
    """The staff page and the publications' views repeat items whose own page is
    elsewhere: searching an item's title leads to its own page, not to every repeat."""
    repeats = [(anchor, " ".join(re.sub(r"<[^>]+>", "", title).split()))
               for anchor, title in REPEAT.findall((site / where / "index.html").read_text(encoding="utf-8"))]
    assert len(repeats) >= 3, where  # the page does repeat items (else this test checks nothing)
    here = "/" + where + "/"
    if where.endswith("career"):  # a gathering page holds little of its own: it stays out
        assert not any(u.split("#")[0] == here for u in top5(pages["en" if where.startswith("en/") else "ja"], repeats[0][1]))
    for anchor, title in repeats[:6]:
        urls = top5(pages["en" if where.startswith("en/") else "ja"], title)
        assert here + "#" + anchor not in urls, (title, urls[:8])  # not the repeat
        own = _own_page(site, anchor, where.startswith("en/"))
        assert own and any(u.split("#")[0] == own for u in urls), (title, own, urls[:8])  # its own page
