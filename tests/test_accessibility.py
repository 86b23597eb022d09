"""Accessibility (JIS X 8341-3 / WCAG 2.2 AA): axe-core, bundled with axe-playwright-python,
on each kind of page in both languages, and on the search dialog and the FAQ finder in use."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
PAGES = [
    "",  # home: cards
    "faq/",  # finder, chips, many headings
    "welfare/",  # the table with spanning cells
    "status/",  # numbers table
    "contacts/",  # 35 offices
    "voices/",  # testimonials
    "initiatives/",  # report with nested lists
    "publications/pamphlet/",  # a whole publication
    "planner/",  # the schedule planner: a date field, milestones, calendar links
    "precheck/",  # the questionnaire
    "career/",  # for officials and prospective civil servants
]


def violations(page) -> list[str]:
    result = Axe().run(page, options=WCAG)
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in result.response["violations"]]


@pytest.mark.parametrize("path", PAGES + [f"en/{p}" for p in PAGES])
def test_page_has_no_wcag_violations(server, browser, path):
    page = browser.new_page()
    page.goto(f"{server}/{path}")
    assert violations(page) == []
    page.close()


def test_the_search_dialog_and_the_finder_in_use_have_no_wcag_violations(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/faq/")
    page.get_by_label("キーワード").fill("年休")
    page.wait_for_function("document.querySelector('.kk-finder__status').textContent.includes('件')")
    page.get_by_role("button", name="交流派遣").click()
    assert violations(page) == []
    page.goto(f"{server}/about/")
    page.keyboard.press("/")
    page.locator("pagefind-modal input").first.type("持ち株会")
    page.locator("pagefind-modal a[href*='#saiyou-welfare-benefits']").first.wait_for()
    assert violations(page) == []
    page.close()


def test_the_tools_in_use_have_no_wcag_violations(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/planner/")
    page.get_by_label("開始予定日").fill("2026-06-01")  # some milestones are past
    page.get_by_label("開始予定日").dispatch_event("change")
    assert violations(page) == []
    page.goto(f"{server}/precheck/")
    page.locator('[data-question="licensing-post"] input[value="yes"]').check()
    page.locator('[data-question="contract-staff"] input[value="unknown"]').check()
    assert violations(page) == []
    page.goto(f"{server}/contacts/")
    page.get_by_label("府省等の名前で絞り込む").fill("こうせい")
    assert violations(page) == []
    page.close()
