"""/career/: the page for officials and prospective civil servants, one click from the
home page's card for them, in both languages, carrying only the source's text."""
from __future__ import annotations

import pytest

from tests.html import read


@pytest.mark.parametrize("home, card, link, title", [
    ("/", "職員・国家公務員を目指す方", "職員・国家公務員を目指す方へ", "職員・国家公務員を目指す方へ"),
    ("/en/", "Officials and people aiming to become national public employees", "For officials and prospective national public employees", "For officials and prospective national public employees"),
])
def test_the_career_page_is_one_click_from_the_home_pages_card(server, browser, home, card, link, title):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + home)
    box = page.locator(".grid.cards > ul > li", has_text=card)
    first = box.locator("a").first
    assert first.inner_text() == link  # the card's first link leads there
    first.click()
    page.wait_for_url(f"**{home}career/")
    assert page.locator("h1").inner_text().replace("\n", "").rstrip("#") == title
    page.close()


def test_the_career_page_tells_what_how_and_who_from_the_source(site):
    page = read(site / "career" / "index.html")
    for said in (
        "民間企業等が府省等の職員を従業員として雇用し、期間を定めてその業務に従事させるものです。",  # what
        "派遣対象者の人選は省内の公募により行っている。",  # how people are chosen
        "交流派遣（国→民）の経験者の約9割が満足",  # what it offers
        "毎日が刺激的でありつつも、成長の実感が得られることは間違いありません。",  # voices
    ):
        assert said in page.text, said
    ids = [hid for _level, hid, _text in page.headings]
    assert {"career-haken", "career-selection", "career-terms", "career-voices"} <= set(ids)
    assert len(page.ids) == len(set(page.ids))
    assert read(site / "en" / "career" / "index.html").lang == "en"
