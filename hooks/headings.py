"""Headings: Japanese breaks between phrases, not inside words (BudouX); permalink
marks are left out of the search index.

Each phrase is a <span class="kk-phrase"> (an inline block, site.css), with <wbr> between
phrases: lines break between phrases, and a phrase longer than the whole line (in a
narrow sidebar) wraps inside itself by the ordinary rules, so that even then no line
starts with 。、」 or a small kana."""
from __future__ import annotations

import functools
import html
import re

import budoux

_parser = budoux.load_default_japanese_parser()
_HEADING = re.compile(r"(<h([1-6])([^>]*)>)(.*?)(</h\2>)", re.S)
_TAG = re.compile(r"(<[^>]+>)")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


# Characters a line must not start with (JIS X 4051 行頭禁則): never break before them.
NO_BREAK_BEFORE = "、。，．・：；？！ー）」』】〕〉》”’）］｝〟ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.)]}:;?!"


def phrases(text: str) -> list[str]:
    """The phrases of a plain (unescaped) Japanese text (BudouX), never starting with
    closing punctuation or a space; a text without Japanese is one phrase."""
    if not _JAPANESE.search(text):
        return [text]
    chunks = []
    for chunk in _parser.parse(text):
        if chunks and (chunk[:1] in NO_BREAK_BEFORE or not chunk.strip()):
            chunks[-1] += chunk
        else:
            chunks.append(chunk)
    return chunks


@functools.lru_cache(maxsize=1 << 16)  # a heading's text recurs: in the contents, the other builds
def _break_text(text: str) -> str:
    """HTML text as phrases, <wbr> between them (character references kept whole)."""
    if not _JAPANESE.search(text):
        return text
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    chunks = phrases(html.unescape(core))
    return lead + "<wbr>".join(f'<span class="kk-phrase">{html.escape(chunk, quote=False)}</span>' for chunk in chunks) + trail


def _break_inner(inner: str) -> str:
    return "".join(part if part.startswith("<") else _break_text(part) for part in _TAG.split(inner))


def phrase_break(html: str, permalink_title: str = "") -> str:
    """Insert <wbr> between phrases in every heading's text (tags inside are kept)."""

    def heading(match):
        return f"{match.group(1)}{_break_inner(match.group(4))}{match.group(5)}"

    marks = f'class="headerlink" data-pagefind-ignore title="{permalink_title}"' if permalink_title else 'class="headerlink" data-pagefind-ignore'
    return _HEADING.sub(heading, html).replace('class="headerlink"', marks)


# Where the theme shows a heading's or a page's title in lines that wrap: the entries of
# the navigation and the table of contents (desktop sidebars and the mobile drawer). The
# titles that stay on one line and end in "…" (header, tabs, footer, the drawer's section
# titles) get no breaks: a <wbr> would break even there.
_CHROME = re.compile(r'(<(a|label)\b[^>]*\bclass="md-nav__link\b[^"]*"[^>]*>\s*<span class="md-ellipsis">)(.*?)(</span>)', re.S)


def phrase_break_chrome(page_html: str) -> str:
    """The same phrase breaks as the headings, in every navigation and contents entry."""
    return _CHROME.sub(lambda m: f"{m.group(1)}{_break_inner(m.group(3))}{m.group(4)}", page_html)
