"""お問い合わせ先: general contacts first, the head-office statement, the filter by name or
reading, tel:/mailto: links, phone numbers that never wrap, and the copy button."""
from __future__ import annotations

import shutil

import pytest

from hooks.content import load
from hooks.problems import ContentError
from tests.conftest import ROOT, wait_until
from tests.html import read
from tests.test_validation import edit


def test_general_contacts_come_first_then_the_statement_and_every_office(site):
    page = read(site / "contacts" / "index.html")
    ids = [hid for _level, hid, _text in page.headings]
    assert ids.index("general-contact") < ids.index("organisers") < ids.index("office-contacts")
    assert "地方支分部局等の窓口は掲載されていないため、地方の企業等の方も、この表の担当課にお問い合わせください" in page.text
    html = (site / "contacts" / "index.html").read_text(encoding="utf-8")
    assert html.count('<tr data-search="') == 35
    assert 'href="mailto:kanmin-kouryuu@jinji.go.jp"' in html
    assert '<a class="kk-tel" href="tel:+81352531111">03-5253-1111</a>' in html  # 厚生労働省
    en = (site / "en" / "contacts" / "index.html").read_text(encoding="utf-8")
    assert '<a class="kk-tel" href="tel:+81352531111">03-5253-1111</a> (<span class="kk-tel">+81 3-5253-1111</span>)' in en
    assert "no contact points at the Local Branch Bureaus and other local offices" in en


def visible_ministries(page):
    return [r.locator("th").inner_text() for r in page.locator("#offices tbody tr:visible").all()]


@pytest.mark.parametrize("query, expected", [
    ("こうせい", ["公正取引委員会", "厚生労働省"]),
    ("コウセイロウドウ", ["厚生労働省"]),
    ("厚生", ["厚生労働省"]),
    ("えねるぎー", ["資源エネルギー庁"]),
])
def test_the_filter_finds_a_ministry_by_its_kana_reading(server, browser, query, expected):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/contacts/")
    assert len(visible_ministries(page)) == 35
    page.get_by_label("府省等の名前で絞り込む").fill(query)
    assert visible_ministries(page) == expected
    assert page.locator(".kk-directory__status").inner_text() == f"{len(expected)}件の府省等があります"
    page.get_by_label("府省等の名前で絞り込む").fill("")
    assert len(visible_ministries(page)) == 35
    page.close()


def test_english_readers_filter_by_english_name_or_romaji(server, browser):
    page = browser.new_page()
    page.goto(server + "/en/contacts/")
    field = page.get_by_label("Filter ministries and agencies by name")
    field.fill("kosei")
    assert visible_ministries(page) == ["Japan Fair Trade Commission", "Ministry of Health, Labour and Welfare"]
    field.fill("health")
    assert visible_ministries(page) == ["Ministry of Health, Labour and Welfare"]
    field.fill("no such office")
    assert visible_ministries(page) == []
    assert "None of the ministries and agencies matches" in page.locator(".kk-directory__status").inner_text()
    page.close()


def test_phone_numbers_never_wrap_and_the_copy_button_copies(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    page.goto(server + "/contacts/")
    for tel in page.locator("#offices .kk-tel").all()[:35]:
        box = tel.evaluate("e => e.getClientRects().length")
        assert box == 1, tel.inner_text()  # one line box: not broken in the middle
    button = page.get_by_role("button", name="厚生労働省の連絡先をコピー")
    button.click()
    wait_until(page, "[...document.querySelectorAll('button')].some(b => b.textContent === 'コピーしました')")  # after the clipboard's promise
    assert page.evaluate("navigator.clipboard.readText()") == "厚生労働省 大臣官房人事課 03-5253-1111"
    context.close()


def test_an_office_without_a_reading_is_reported(tmp_path):
    for part in ("mkdocs.yml", "docs", "content", "data"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, tmp_path / part)
    line = edit(tmp_path / "data" / "directory.yml", "  厚生労働省: こうせいろうどうしょう\n", "")
    with pytest.raises(ContentError) as err:
        load(tmp_path, "ja")
    assert "data/directory.yml: readings: '厚生労働省' (data/contacts.yml) has no reading: add it" in str(err.value)
    assert line > 0
