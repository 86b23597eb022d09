"""Japanese typesetting outside the body text, measured as rendered in Chromium: on every
page, in both languages, at 1280 px and at 390 px with the navigation drawer open, every
line of every navigation and table-of-contents entry, drawer title, tab, page title and
heading starts where a line may start (never with 。、」）？ー or a small kana) and breaks
at a phrase boundary (BudouX, marked with <wbr>) or a space."""
from __future__ import annotations

import re

import pytest

from hooks.headings import NO_BREAK_BEFORE, phrase_break_chrome

TITLES = ", ".join([
    ".md-nav__link .md-ellipsis", ".md-nav__title", ".md-tabs__link", ".md-header__topic .md-ellipsis",
    ".md-footer__title .md-ellipsis", ".md-content h1", ".md-content h2", ".md-content h3",
    ".md-content h4", ".md-content h5", ".md-content h6",
])

# Where each line of each shown title starts: [title, character, may a line start there?]
MEASURE = """([selector, forbidden]) => {
  const bad = [];
  let measured = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length) continue;  // not laid out at this width
    const chars = [];
    let boundary = false;
    let phrase = 0;
    let phrases = 0;
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          for (let i = 0; i < child.data.length; i++) {
            const range = document.createRange();
            range.setStart(child, i);
            range.setEnd(child, i + 1);
            const rect = [...range.getClientRects()].find((r) => r.width > 0);
            const ch = child.data[i];
            chars.push({ ch, top: rect ? rect.top : null, boundary, phrase });
            boundary = /[\\s\\-\\u2010-\\u2014\\/]/.test(ch);
          }
        } else if (child.nodeName === 'WBR') {
          boundary = true;
        } else if (child.nodeType === Node.ELEMENT_NODE && !child.classList.contains('headerlink')) {
          const inPhrase = child.classList.contains('kk-phrase');
          if (inPhrase) { boundary = true; phrase = ++phrases; }
          walk(child);
          if (inPhrase) phrase = 0;
        }
      }
    };
    walk(el);
    measured++;
    const text = chars.map((c) => c.ch).join('').replace(/\\s+/g, ' ').trim();
    const shown = chars.filter((c) => c.top !== null && !/\\s/.test(c.ch));
    shown.forEach((c, i) => { c.lineStart = i === 0 || c.top > shown[i - 1].top + 3; });
    if (getComputedStyle(el).whiteSpace === 'nowrap' && shown.filter((c) => c.lineStart).length > 1)
      bad.push(`「${text}」: wraps, though it is set on one line (ending in …)`);
    for (const c of shown.slice(1)) {
      if (!c.lineStart) continue;
      if (forbidden.includes(c.ch)) bad.push(`「${text}」: a line starts with 「${c.ch}」`);
      else if (!c.boundary) {
        // only a phrase longer than a whole line may wrap inside itself
        const first = shown.find((f) => f.phrase === c.phrase);
        if (!c.phrase || !first.lineStart) bad.push(`「${text}」: breaks inside a phrase, before 「${c.ch}」`);
      }
    }
  }
  return { bad, measured };
}"""


def all_pages(site) -> list[str]:
    paths = ["/" + p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html") if "pagefind" not in p.parts]
    return sorted(p.replace("/./", "/") for p in paths) + ["/no/such/page/", "/en/no/such/page/"]


@pytest.mark.parametrize("width", [1280, 390])
def test_titles_around_the_body_break_lines_by_japanese_rules(site, server, browser, width):
    pages = all_pages(site)
    assert "/" in pages and "/en/" in pages and "/faq/" in pages and len(pages) >= 40
    page = browser.new_page(viewport={"width": width, "height": 844})
    problems, measured = [], 0
    for path in pages:
        page.goto(server + path)
        if width < 1220:  # the mobile drawer, open, with this page's table of contents in it
            page.locator("label.md-header__button[for='__drawer']").click()
            page.evaluate("document.getElementById('__toc') && (document.getElementById('__toc').checked = true)")
            page.wait_for_timeout(50)
        result = page.evaluate(MEASURE, [TITLES, NO_BREAK_BEFORE])
        measured += result["measured"]
        problems += [f"{path} @{width}: {p}" for p in result["bad"]]
    page.close()
    assert measured > 1000
    assert not problems, "\n".join(sorted(set(problems))[:40])


def test_the_drawer_and_table_of_contents_get_the_same_phrase_breaks_as_the_headings(site):
    """Built HTML: each table-of-contents entry carries exactly its heading's phrases."""
    html = (site / "faq" / "index.html").read_text(encoding="utf-8")
    toc = dict(re.findall(r'<a href="#([a-z0-9-]+)" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>\s*</a>', html, re.S))
    headings = {hid: re.sub(r"<a class=\"headerlink\".*?</a>", "", inner).strip() for hid, inner in re.findall(r'<h[1-6][^>]*id="([a-z0-9-]+)"[^>]*>(.*?)</h[1-6]>', html, re.S)}
    assert len(toc) >= 20
    for hid, entry in toc.items():
        assert "kk-phrase" in entry, hid
        assert entry == headings[hid], hid


def test_character_references_and_spaces_stay_whole():
    entry = '<a href="#gb-qa" class="md-nav__link">\n<span class="md-ellipsis">\n  人事担当者・職員向け Q&amp;A\n</span>'
    out = phrase_break_chrome(entry)
    assert "&amp;" in out and "&<wbr>" not in out and "<wbr>amp" not in out
    assert '<span class="md-ellipsis">\n  <span class="kk-phrase">人事' in out and out.endswith("</span>\n</span>")


def test_titles_set_on_one_line_get_no_breaks():
    header = '<div class="md-header__topic"><span class="md-ellipsis">福利厚生制度等の適用関係</span></div>'
    assert phrase_break_chrome(header) == header
