"""Telephone numbers, wherever a page shows one: kept on one line, linked as tel: on the
web, and on English pages given in the international form (+81 …) too."""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest


DOMESTIC = re.compile(r"(?<![\d+])0\d{1,4}-\d{1,4}-\d{4}(?!\d)")
INTERNATIONAL = re.compile(r"\+81 \d{1,4}-\d{1,4}-\d{4}(?!\d)")
VOID = {"br", "wbr", "img", "hr", "meta", "link", "input", "source"}


class Numbers(HTMLParser):
    """Every phone number in a page's text, with the element that holds it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.found, self.skip = [], [], 0  # found: (number, text node, tag, attrs)

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg"):
            self.skip += 1
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg") and self.skip:
            self.skip -= 1
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.skip or not self.stack:
            return
        tag, attrs = self.stack[-1]
        for pattern in (DOMESTIC, INTERNATIONAL):
            for match in pattern.finditer(data):
                self.found.append((match.group(0), data.strip(), tag, attrs))


def numbers(path):
    parser = Numbers()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


@pytest.fixture(scope="module")
def pages(site):
    return {str(p.relative_to(site)): numbers(p) for p in sorted(site.rglob("*.html"))}


def test_every_number_is_an_element_of_its_own_that_does_not_wrap(pages):
    seen, bad = 0, []
    for page, found in pages.items():
        for number, text, tag, attrs in found:
            seen += 1
            if "kk-tel" not in (attrs.get("class") or "").split() or text != number:
                bad.append(f"{page}: {number} in <{tag} class={attrs.get('class')!r}>: {text[:60]!r}")
    assert seen > 100  # the offices table (35) in both languages, the contacts, the publications
    assert not bad, "\n".join(bad[:20])


def test_a_number_links_to_its_international_form(pages):
    for page, found in pages.items():
        for number, _text, tag, attrs in found:
            if tag == "a":
                assert attrs["href"] == "tel:+81" + number.replace("-", "")[1:], (page, number)


def test_english_pages_give_every_number_in_its_international_form_too(pages):
    with_numbers = 0
    for page, found in pages.items():
        if not page.startswith("en/"):
            continue
        domestic = Counter("+81 " + n[1:] for n, *_ in found if DOMESTIC.fullmatch(n))
        international = Counter(n for n, *_ in found if INTERNATIONAL.fullmatch(n))
        with_numbers += bool(domestic)
        assert domestic == international, f"{page}: {domestic - international} lack the +81 form"
    assert with_numbers >= 4  # contacts, flow, the publications


def test_japanese_pages_show_the_number_as_printed(pages):
    for page, found in pages.items():
        if not page.startswith("en/"):
            assert not [n for n, *_ in found if n.startswith("+81")], page


def test_no_number_wraps_on_a_phone_screen(pages, server, browser):
    """At 390 px, in Chromium, every number on every page that has one is on one line."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    checked, wrapped = 0, []
    for path, found in pages.items():
        if not found:
            continue
        url = f"{server}/{path.removesuffix('index.html')}"
        page.goto(url)
        result = page.evaluate(
            """() => [...document.querySelectorAll('.kk-tel')].map(e => {
                 const rects = [...e.getClientRects()];
                 const lines = new Set(rects.map(r => Math.round(r.top)));
                 return [e.textContent, rects.length, lines.size, getComputedStyle(e).whiteSpace];
               })"""
        )
        for text, rects, lines, white_space in result:
            if rects:  # shown (not in a closed menu)
                checked += 1
                if lines != 1 or white_space != "nowrap":
                    wrapped.append(f"{path}: {text} on {lines} lines ({white_space})")
    context.close()
    assert checked > 100
    assert not wrapped, "\n".join(wrapped[:20])
