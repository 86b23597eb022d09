"""Tables on a phone (390 px) and a desktop (1280 px), on every page that has one, in both
languages: a table either fits, or it scrolls sideways with a visible cue and can be
scrolled from the keyboard. Nothing is cut off without a cue."""
from __future__ import annotations

import pytest

from tests.conftest import wait_until

# For every table of the page: does it fit, and if not, how the reader is told.
TABLES = """() => {
  const shown = (el) => el && el.getClientRects().length > 0 && !el.closest('[hidden]');
  return [...document.querySelectorAll('.md-typeset table')].map((table) => {
    const box = table.closest('.kk-table') || table.closest('.md-typeset__scrollwrap');
    const cue = box.previousElementSibling;
    const cueShown = Boolean(cue && cue.classList.contains('kk-scroll-cue') && shown(cue));
    const rect = cue && cueShown ? cue.getBoundingClientRect() : null;
    return {
      id: box.id || table.querySelector('caption')?.textContent || '',
      scrolls: box.scrollWidth > box.clientWidth + 1,
      right: Math.round(table.getBoundingClientRect().right),
      boxRight: Math.round(box.getBoundingClientRect().right),
      cue: cueShown && rect.left >= 0 && rect.right <= innerWidth + 1,
      focusable: box.tabIndex === 0 && box.getAttribute('role') === 'region' && Boolean(box.getAttribute('aria-label')),
    };
  });
}"""


def table_pages(site) -> list[str]:
    return sorted(
        "/" + p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if "pagefind" not in p.parts and "<table" in p.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_no_table_is_cut_off_without_a_cue(site, server, browser, width):
    paths = table_pages(site)
    assert "/welfare/" in paths and "/en/welfare/" in paths and len(paths) >= 8
    page = browser.new_page(viewport={"width": width, "height": 844})
    scrolling = []
    for path in paths:
        page.goto(server + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(50)
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), f"{path}: the page itself scrolls sideways"
        for table in page.evaluate(TABLES):
            where = f"{path} {table['id']}"
            if table["scrolls"]:
                assert table["cue"], f"{where}: scrolls sideways with no cue"
                assert table["focusable"], f"{where}: cannot be scrolled from the keyboard"
                assert table["boxRight"] <= width, f"{where}: its box runs off the screen"
                scrolling.append(where)
            else:
                assert table["right"] <= width, f"{where}: cut off"
                assert not table["cue"], f"{where}: says it scrolls, but it fits"
    if width == 390:
        assert any(w.startswith("/welfare/") for w in scrolling)  # 福利厚生 is the wide one
    page.close()


def test_a_wide_table_scrolls_from_the_keyboard(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/welfare/")
    wait_until(page, "document.getElementById('welfare').tabIndex === 0")  # marked as scrolling
    # the column that is off-screen at first (交流派遣) …
    header = "[...document.querySelectorAll('#welfare th')].find((th) => th.textContent.includes('交流派遣')).getBoundingClientRect().x"
    assert page.evaluate(header) >= 390
    page.locator("#welfare").focus()
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    # … can be seen once the box has scrolled (scrolling may be smooth: wait for it to end)
    wait_until(page, f"{header} < 390", timeout=3000)
    page.close()
