"""The FAQ finder as a reader uses it, in both languages: entries stay under their own
category while filtering, empty categories disappear, clearing gives the page back as it
was, and switching language keeps the view without landing on a hidden answer."""
from __future__ import annotations

import pytest

from tests.conftest import wait_until

FINDER = {
    "ja": {"path": "/faq/", "keywords": "キーワード", "word": "年休", "clear": "絞り込みを解除", "saiyou": "交流採用", "company": "民間企業等"},
    "en": {"path": "/en/faq/", "keywords": "Keywords", "word": "housing", "clear": "Clear the filters", "saiyou": "Exchange through recruitment", "company": "Companies and other organisations"},
}

# Every shown entry with the category of the heading it is shown under, and the headings shown.
LAYOUT = """() => {
  const shown = (el) => el.getClientRects().length > 0;
  const rows = [];
  let under = null;
  const headings = [];
  for (const el of document.querySelectorAll('.md-content h2, .md-content .kk-faq')) {
    if (!shown(el)) continue;
    if (el.tagName === 'H2') { under = el.id; headings.push(el.id); }
    else rows.push([el.querySelector('h3').id, el.dataset.category, under]);
  }
  return {rows, headings};
}"""
# The page's content as markup, without the marks of the theme's focus-visible polyfill.
ARTICLE = """() => {
  const copy = document.querySelector('.md-content article').cloneNode(true);
  copy.querySelectorAll('[data-focus-visible-added]').forEach((el) => {
    el.removeAttribute('data-focus-visible-added');
    el.classList.remove('focus-visible');
    if (!el.classList.length) el.removeAttribute('class');
  });
  return copy.innerHTML;
}"""


def settled(page):
    page.wait_for_load_state("load")
    wait_until(page, "(document.querySelector('.kk-finder__status')?.textContent || '') !== ''")


def check_layout(page, expect_some=True):
    layout = page.evaluate(LAYOUT)
    rows, headings = layout["rows"], layout["headings"]
    if expect_some:
        assert rows, "nothing shown"
    for entry, category, under in rows:
        assert under == f"faq-{category}", f"{entry} ({category}) shown under {under}"
    shown_categories = {f"faq-{c}" for _e, c, _u in rows}
    assert [h for h in headings if h.startswith("faq-")] == [h for h in ("faq-haken", "faq-saiyou", "faq-general") if h in shown_categories]
    return rows


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_entries_stay_under_their_category_and_clearing_restores_the_page(server, browser, lang):
    words = FINDER[lang]
    page = browser.new_page()
    page.goto(server + words["path"])
    page.wait_for_selector(".kk-finder:not([hidden])")
    before = page.evaluate(ARTICLE)
    everything = check_layout(page)
    assert {c for _e, c, _u in everything} == {"haken", "saiyou", "general"}

    # by category
    page.get_by_role("button", name=words["saiyou"], exact=True).click()
    rows = check_layout(page)
    assert {c for _e, c, _u in rows} == {"saiyou"}
    page.get_by_role("button", name=words["saiyou"], exact=True).click()
    # by audience: several categories stay, each under its own heading
    page.get_by_role("button", name=words["company"]).click()
    rows = check_layout(page)
    assert len({c for _e, c, _u in rows}) >= 2
    # by keyword, on top of the audience, then the keyword alone
    page.get_by_label(words["keywords"]).fill(words["word"])
    wait_until(page, "location.search.includes('q=')")
    page.get_by_role("button", name=words["company"]).click()
    wait_until(page, "!location.search.includes('audience')")
    rows = check_layout(page)
    assert len(rows) < len(everything)
    # the table of contents lists only what is shown
    toc = page.evaluate("[...document.querySelectorAll('.md-sidebar--secondary .md-nav__link[href^=\"#\"]')].filter(a => a.getClientRects().length).map(a => a.hash.slice(1))")
    assert {e for e, _c, _u in rows} <= set(toc)
    assert not {e for e, _c, _u in everything} - {e for e, _c, _u in rows} & set(toc)

    page.get_by_role("button", name=words["clear"]).click()
    assert page.evaluate(ARTICLE) == before  # the page exactly as it was
    assert page.evaluate("location.search") == ""
    assert page.evaluate("document.activeElement.id") == "kk-finder-q"
    page.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_category_with_nothing_left_is_hidden_heading_and_all(server, browser, lang):
    page = browser.new_page()
    page.goto(server + FINDER[lang]["path"] + "?category=haken")
    settled(page)
    layout = page.evaluate(LAYOUT)
    assert [h for h in layout["headings"] if h.startswith("faq-")] == ["faq-haken"]
    assert page.evaluate("document.getElementById('faq-saiyou').getClientRects().length") == 0
    page.close()


def switch(page, to: str):
    """The header's language switcher, as a mouse user reaches it."""
    page.locator(".md-header button[aria-label]").filter(has=page.locator("svg")).first.hover()
    page.locator(f".md-header a[data-kk-alternate][hreflang={to}]").first.click()
    wait_until(page, f"document.documentElement.lang === '{to}'")


def switch_by_keyboard(page, to: str):
    """The switcher reached from the keyboard (focus, Enter): the page does not move."""
    page.locator(f".md-header a[data-kk-alternate][hreflang={to}]").first.focus()
    page.keyboard.press("Enter")
    wait_until(page, f"document.documentElement.lang === '{to}'")


def hidden_or_missing(page, anchor: str) -> bool:
    return page.evaluate("(id) => { const el = document.getElementById(id); return !el || el.getClientRects().length === 0; }", anchor)


@pytest.mark.parametrize("start, other", [("/faq/", "/en/faq/"), ("/en/faq/", "/faq/")])
def test_switching_language_keeps_the_filter_and_never_lands_on_a_hidden_answer(server, browser, start, other):
    to = "en" if other.startswith("/en/") else "ja"
    back = "ja" if to == "en" else "en"
    page = browser.new_page()
    page.goto(f"{server}{start}?audience=company")
    settled(page)
    # scrolled down the narrowed list, reading an answer (its heading just passed under
    # the sticky header): the switch lands on that same answer
    shown = [e for e, _c, _u in page.evaluate(LAYOUT)["rows"]]
    reading = shown[len(shown) // 2]
    page.evaluate(
        f"""() => {{
          const line = document.querySelector('.md-header').getBoundingClientRect().bottom;
          const top = document.getElementById('{reading}').getBoundingClientRect().top + scrollY - line + 30;
          window.scrollTo({{ top, behavior: 'instant' }});  // the theme scrolls smoothly otherwise
        }}"""
    )
    wait_until(page, f"Math.abs(document.getElementById('{reading}').getBoundingClientRect().top - document.querySelector('.md-header').getBoundingClientRect().bottom + 30) < 2")
    switch_by_keyboard(page, to)
    assert page.evaluate("location.pathname + location.search") == f"{other}?audience=company"
    settled(page)
    assert page.evaluate("location.hash") == f"#{reading}"
    assert not hidden_or_missing(page, reading)
    assert 0 <= page.locator(f"#{reading}").bounding_box()["y"] < 400
    check_layout(page)
    switch(page, back)  # and back again, the view kept
    assert page.evaluate("location.pathname + location.search") == f"{start}?audience=company"
    settled(page)
    anchor = page.evaluate("location.hash").lstrip("#")
    assert not anchor or not hidden_or_missing(page, anchor)
    page.close()


@pytest.mark.parametrize("path", ["/faq/", "/en/faq/"])
def test_an_address_with_a_hidden_answer_keeps_the_filter_and_drops_the_anchor(server, browser, path):
    page = browser.new_page()
    page.goto(f"{server}{path}?audience=company#saiyou-welfare-benefits-housing")
    settled(page)
    assert hidden_or_missing(page, "saiyou-welfare-benefits-housing")
    assert page.evaluate("location.hash") == ""
    assert "audience=company" in page.url
    other = "ja" if path.startswith("/en/") else "en"
    switch(page, other)
    anchor = page.evaluate("location.hash").lstrip("#")
    assert "audience=company" in page.url
    settled(page)
    assert not anchor or not hidden_or_missing(page, anchor)
    page.close()
