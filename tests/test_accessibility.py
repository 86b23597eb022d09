"""Every built page in Chromium, both languages, loaded once each: axe-core (WCAG 2.2 A/AA,
JIS X 8341-3), no failed request (4xx, or blocked because it went to another host) and no
console error (a Content-Security-Policy violation among them). The pages are whatever the
build produced, not a fixed list. Also the search dialog and the FAQ finder in use."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def settle(page, timeout: float = 10.0) -> None:
    """Until nothing moves: no animation or transition running at three checks in a row,
    100 ms apart (Material starts the header's transition a frame after a scroll)."""
    import time

    deadline, still = time.monotonic() + timeout, 0
    while still < 3 and time.monotonic() < deadline:
        moving = page.evaluate("document.getAnimations().some(a => a.playState === 'running')")
        still = 0 if moving else still + 1
        page.wait_for_timeout(100)


def violations(page) -> list[str]:
    """axe's findings once the page is still: a colour measured mid-transition (the header's
    title fading in as the page scrolls) is not the colour a reader sees."""
    settle(page)
    result = Axe().run(page, options=WCAG)
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in result.response["violations"]]


def built_pages(site) -> list[str]:
    """Every HTML page of the build, as a path on the site ('', 'faq/', 'en/faq/', '404.html')."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        paths.append(rel.removesuffix("index.html"))
    return paths


@pytest.fixture(scope="module")
def visits(site, server, browser):
    """Each page loaded once, with every request to another host blocked: what failed, what
    the console said, and what axe-core found."""
    host = urlsplit(server).netloc
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).netloc == host else route.abort("blockedbyclient"))
    page = context.new_page()
    events: list[str] = []
    page.on("requestfailed", lambda r: events.append(f"failed request {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and events.append(f"{r.status} {r.url}"))
    page.on("console", lambda m: m.type == "error" and events.append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: events.append(f"script error: {e}"))
    results = {}
    for path in built_pages(site):
        events.clear()
        page.goto(f"{server}/{path}", wait_until="networkidle")
        results[path] = {"events": [e for e in events if not (path.endswith("404.html") and e.startswith("404 ") and e.endswith("/404.html"))], "axe": violations(page)}
    context.close()
    return results


def test_every_page_in_both_languages_was_visited(visits):
    paths = list(visits)
    assert "" in paths and "en/" in paths and "faq/" in paths and "en/faq/" in paths
    japanese = [p for p in paths if not p.startswith("en/")]  # each 404.html has its pair too
    assert sorted("en/" + p for p in japanese) == sorted(p for p in paths if p.startswith("en/"))


def test_no_page_has_wcag_violations(visits):
    found = {path: v["axe"] for path, v in visits.items() if v["axe"]}
    assert not found


def test_no_page_makes_a_failed_request_or_a_console_error(visits):
    found = {path: v["events"] for path, v in visits.items() if v["events"]}
    assert not found


def test_the_search_dialog_and_the_finder_in_use_have_no_wcag_violations_and_obey_the_csp(server, browser):
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(f"{server}/faq/")
    page.get_by_label("キーワード").fill("年休")
    expect(page.locator(".kk-finder__status")).to_contain_text("件")
    page.get_by_role("button", name="交流派遣").click()
    assert violations(page) == []
    page.goto(f"{server}/about/")
    page.keyboard.press("/")
    page.locator("pagefind-modal input").first.type("持ち株会")
    page.locator("pagefind-modal a[href*='#saiyou-welfare-benefits']").first.wait_for()
    assert violations(page) == []
    assert not errors  # Pagefind's script, styles and WebAssembly run under the site's CSP
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
