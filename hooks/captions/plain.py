"""Stored Markdown → the plain text a caption shows, and its sentences."""
from __future__ import annotations

import re

_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.M)
OPEN, CLOSE = "「『（(", "」』）)"
_EN_END = re.compile(r"[.!?][”’\")]?(\s+)(?=[A-Z“‘\"(0-9])")


def to_plain(markdown: str) -> str:
    """One paragraph of rendered Markdown as caption text: no marks, one line."""
    text = _LINK.sub(r"\1", markdown)
    text = _TAG.sub("", text.replace("<br>", " "))
    text = _BULLET.sub("", text).replace("**", "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    out = ""
    for line in lines:  # join Japanese lines without a space, English ones with one
        if out and (out[-1].isascii() and line[0].isascii()):
            out += " "
        out += line
    return re.sub(r"[ \t]+", " ", out).strip()


def paragraphs(markdown: str) -> list[str]:
    """A body's parts: its paragraphs, and each item of a list on its own (a voice each)."""
    blocks = [b for b in re.split(r"\n\s*\n", markdown.strip()) if b.strip()]
    out = []
    for block in blocks:
        items = _BULLET.split(block) if _BULLET.match(block) else [block]
        out += [i.strip() for i in items if i.strip()]
    return out


def sentences(text: str, lang: str) -> list[str]:
    """The sentences of one answer, in order; together they give the text back."""
    if lang == "ja":
        return _japanese_sentences(text)
    parts, start = [], 0
    for match in _EN_END.finditer(text):
        parts.append(text[start:match.start(1)])
        start = match.end(1)
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _japanese_sentences(text: str) -> list[str]:
    """A sentence ends after 。！？ outside brackets; a quotation that ends a sentence
    (…ている。」) ends it only when no particle follows (「…。」との言葉を is one sentence)."""
    parts, current, depth = [], "", 0
    for index, char in enumerate(text):
        current += char
        depth += (char in OPEN) - (char in CLOSE and depth > 0)
        following = text[index + 1:index + 2]
        if following in ("", *"！？!?") or following in CLOSE:
            continue
        ends = char in "。！？!?" and depth == 0
        quoted = char in CLOSE and depth == 0 and current[-2:-1] in ("。", "！", "？") and not "\u3040" <= following <= "\u309f"
        if ends or quoted:
            parts.append(current)
            current = ""
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]
