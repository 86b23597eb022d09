"""The 404 pages, as a reader who followed a broken link meets them: each language's in its
own words, with the way on (home, FAQ, contacts) and a search box that works with and
without JavaScript."""
from __future__ import annotations

import pytest

from tests.conftest import wait_until

from tests.test_accessibility import violations
from tests.test_english import japanese_outside_ja_in

NOT_FOUND = {
    "ja": {"path": "/no/such/page/", "title": "ページが見つかりません", "search": "サイト内を検索", "words": "年休", "home": "/", "faq": "/faq/", "contacts": "/contacts/"},
    "en": {"path": "/en/no/such/page/", "title": "Page not found", "search": "Search the site", "words": "annual leave", "home": "/en/", "faq": "/en/faq/", "contacts": "/en/contacts/"},
}


def test_each_language_has_its_own_404_page_in_the_build(site):
    assert (site / "404.html").exists() and (site / "en" / "404.html").exists()
    assert 'lang="ja"' in (site / "404.html").read_text(encoding="utf-8")[:200]
    assert 'lang="en"' in (site / "en" / "404.html").read_text(encoding="utf-8")[:200]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_missing_address_gets_a_404_page_in_its_language_with_the_way_on(server, browser, lang):
    words = NOT_FOUND[lang]
    page = browser.new_page()
    response = page.goto(server + words["path"])
    assert response.status == 404
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("h1").inner_text().strip() == words["title"]
    assert "404 - Not found" not in page.content()
    if lang == "en":
        assert not japanese_outside_ja_in(page)
    assert violations(page) == []
    links = page.evaluate("[...document.querySelectorAll('.md-content article a[href]')].map(a => new URL(a.href).pathname)")
    for key in ("home", "faq", "contacts"):
        assert words[key] in links, key
    for key in ("home", "faq", "contacts"):
        page.goto(server + words["path"])
        page.locator(f".md-content article a[href='{words[key]}']").first.click()
        page.wait_for_url(f"{server}{words[key]}")
        assert page.get_attribute("html", "lang") == lang
    page.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_404_search_box_opens_the_site_search_with_the_typed_words(server, browser, lang):
    words = NOT_FOUND[lang]
    page = browser.new_page()
    page.goto(server + words["path"])
    box = page.get_by_role("searchbox", name=words["search"], exact=True)
    box.fill(words["words"])
    box.press("Enter")
    results = page.locator("pagefind-modal a[href*='/faq/']")
    results.first.wait_for()
    assert page.evaluate("document.querySelector('pagefind-modal input').value") == words["words"]
    assert not page.locator("text=Pagefind Error").count()
    page.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_javascript_the_404_search_box_sends_the_words_to_the_faq_finder(server, browser, lang):
    words = NOT_FOUND[lang]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + words["path"])
    page.get_by_role("searchbox", name=words["search"], exact=True).fill(words["words"])
    page.locator("form[data-kk-site-search]").get_by_role("button", name="検索" if lang == "ja" else "Search", exact=True).click()
    page.wait_for_url(f"{server}{words['faq']}?q=*")
    context.close()
    page = browser.new_page()  # the finder then narrows the FAQ to those words
    page.goto(f"{server}{words['faq']}?q={words['words']}")
    wait_until(page, "document.querySelector('.kk-finder__status').textContent !== ''")
    assert page.evaluate("[...document.querySelectorAll('.kk-faq')].filter(e => e.getClientRects().length).length") >= 1
    page.close()


def test_404_pages_are_not_search_results(server, browser):
    page = browser.new_page()
    page.goto(server + "/no/such/page/")
    urls = page.evaluate("""async () => {
      const pf = await import('/pagefind/pagefind.js');
      const found = await pf.search('ページが見つかりません');
      return Promise.all(found.results.map(async (r) => (await r.data()).url));
    }""")
    assert not [u for u in urls if "404" in u]
    page.close()


@pytest.mark.parametrize("lang, other, home", [("ja", "en", "/en/"), ("en", "ja", "/")])
def test_the_language_switch_on_a_404_page_goes_to_the_other_home_page(server, browser, lang, other, home):
    page = browser.new_page()
    page.goto(server + NOT_FOUND[lang]["path"])
    page.locator(".md-header button[aria-label]").filter(has=page.locator("svg")).first.hover()
    page.locator(f".md-header a[data-kk-alternate][hreflang={other}]").first.click()
    page.wait_for_url(f"{server}{home}")
    assert page.get_attribute("html", "lang") == other
    page.close()


