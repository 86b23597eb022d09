"""The language switcher on every page of the site, in both directions: it lands on the
same page in the other language (a 404 page: on the other language's home page)."""
from __future__ import annotations

import pytest

from tests.test_faq_finder import switch


def counterparts(site, lang: str) -> list[tuple[str, str]]:
    """(address, its counterpart) for every built page of one language."""
    pairs = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if rel.startswith("pagefind") or (lang == "ja") == rel.startswith("en/"):
            continue
        other = rel.removeprefix("en/") if lang == "en" else "en/" + rel
        pairs.append((f"/{rel}", f"/{other}"))
    return pairs


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_switcher_works_on_every_page(site, server, browser, lang):
    other = "en" if lang == "ja" else "ja"
    pairs = counterparts(site, lang)
    assert len(pairs) >= 20
    page = browser.new_page()
    for address, counterpart in pairs:
        page.goto(server + address)
        switch(page, other)
        assert page.evaluate("location.pathname") == counterpart, address
    page.close()
