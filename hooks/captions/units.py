"""Widths and characters: graphemes, Japanese line units, film punctuation, emoji.

Japanese line width is counted in units: a full-width grapheme counts 1, a half-width one
0.5 (Netflix Japanese timed-text style guide). Widths are kept in half-units (integers)
internally, so that 13 units is 26."""
from __future__ import annotations

import re
import unicodedata

# JLReq line-start prohibitions (行頭禁則) and line-end prohibitions (行末禁則).
NO_LINE_START = set("、。，．,.！？!?」』）)】〕〉》”’］｝〟ー・：；:;ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々ゝゞヽヾ")
NO_LINE_END = set("「『（(【〔〈《“‘［｛〝")
SENTENCE_END = set("。！？!?")
COMMA = set("、，,")
FULL_SPACE = "\u3000"


def _joins(prev: str, char: str) -> bool:
    """Whether `char` continues the grapheme that `prev` ends (an approximation of UAX #29
    that covers combining marks, variation selectors, emoji modifiers and ZWJ sequences)."""
    code = ord(char)
    return (
        unicodedata.combining(char) != 0
        or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag sequences (flags)
        or code in (0x200D, 0x3099, 0x309A, 0x20E3)
        or ord(prev[-1]) == 0x200D
        or (0x1F1E6 <= code <= 0x1F1FF and len(prev) == 1 and 0x1F1E6 <= ord(prev) <= 0x1F1FF)
    )


# Characters that may join the grapheme before them (for the fast path below).
_JOINERS = re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0dff\u1ab0-\u1aff"
                      "\u1dc0-\u1dff\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\u3099\u309a"
                      "\U0001F1E6-\U0001F1FF\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F\U000E0100-\U000E01EF]")


def graphemes(text: str) -> list[str]:
    if not _JOINERS.search(text):
        return list(text)
    out: list[str] = []
    for char in text:
        if out and _joins(out[-1], char):
            out[-1] += char
        else:
            out.append(char)
    return out


def is_emoji(grapheme: str) -> bool:
    code = ord(grapheme[0])
    return (
        0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF
        or "\uFE0F" in grapheme or "\u200D" in grapheme
    )


def half_units(text: str) -> int:
    """Width in half-units: full-width (and ambiguous-width, as in Japanese) graphemes 2, others 1."""
    return sum(2 if unicodedata.east_asian_width(g[0]) in "WFA" or is_emoji(g) else 1 for g in graphemes(text))


def units(text: str) -> float:
    return half_units(text) / 2


def film_line(text: str) -> str:
    """Japanese film punctuation for one line: drop 。 and a line-final 、; a 、 or 。
    inside the line becomes a full-width space; ！ and ？ stay."""
    text = text.strip(" " + FULL_SPACE)
    while text and text[-1] in "。、，．":
        text = text[:-1]
    out = []
    for index, char in enumerate(text):
        if char in "、。，．" and index + 1 < len(text):
            if out and out[-1] != FULL_SPACE:
                out.append(FULL_SPACE)
        else:
            out.append(char)
    return "".join(out).strip(FULL_SPACE)
