"""The built site in Debian's Chromium, as a visitor uses it."""
from __future__ import annotations


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
