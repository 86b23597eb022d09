"""Headings: Japanese breaks between phrases, not inside words (BudouX); permalink
marks are left out of the search index."""
from __future__ import annotations

import re

import budoux

_parser = budoux.load_default_japanese_parser()
_HEADING = re.compile(r"(<h([1-6])([^>]*)>)(.*?)(</h\2>)", re.S)
_TAG = re.compile(r"(<[^>]+>)")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


# Characters a line must not start with (JIS X 4051 行頭禁則): never break before them.
NO_BREAK_BEFORE = "、。，．・：；？！ー）」』】〕〉》”’）］｝〟ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.)]}:;?!"


def phrases(text: str) -> list[str]:
    """The phrases of a Japanese text (BudouX), never starting with closing punctuation;
    a text without Japanese is one phrase."""
    if not _JAPANESE.search(text):
        return [text]
    chunks = []
    for chunk in _parser.parse(text):
        if chunks and chunk[:1] in NO_BREAK_BEFORE:
            chunks[-1] += chunk
        else:
            chunks.append(chunk)
    return chunks


def _break_text(text: str) -> str:
    return "<wbr>".join(phrases(text))


def phrase_break(html: str, permalink_title: str = "") -> str:
    """Insert <wbr> between phrases in every heading's text (tags inside are kept)."""

    def heading(match):
        inner = "".join(part if part.startswith("<") else _break_text(part) for part in _TAG.split(match.group(4)))
        return f"{match.group(1)}{inner}{match.group(5)}"

    marks = f'class="headerlink" data-pagefind-ignore title="{permalink_title}"' if permalink_title else 'class="headerlink" data-pagefind-ignore'
    return _HEADING.sub(heading, html).replace('class="headerlink"', marks)
