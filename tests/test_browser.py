"""The built site in Debian's Chromium, as a visitor uses it."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "make test installs Debian's chromium"
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def test_a_company_finds_an_answer_from_the_home_page_without_leaving_the_site(server, browser):
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/")
    assert page.get_attribute("html", "lang") == "ja"
    page.get_by_role("link", name="よくある質問").first.click()
    page.wait_for_url("**/faq/")
    heading = page.locator("#application-period")
    assert "人事院の公募について応募の受付期間はありますか。" in heading.inner_text()
    # a colleague's link straight to one answer lands on it
    page.goto(server + "/faq/#retire-to-join")
    box = page.locator("#retire-to-join").bounding_box()
    assert box is not None and 0 <= box["y"] < 400
    outside = [u for u in requests if not u.startswith(server)]
    assert not outside


def test_keyboard_users_can_skip_to_the_content(server, browser):
    page = browser.new_page()
    page.goto(server + "/flow/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#flow-page"  # the first Tab reaches the skip link, which targets the page's title
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#flow-page"
