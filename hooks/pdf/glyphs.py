"""A character that no font of the PDFs has would print as an empty box (.notdef): find
it before layout and name the character and the item it is in."""
from __future__ import annotations

import functools
import html
import re
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

# The faces print.css names, in its order: BIZ UD, then Noto CJK as fallback.
FONTS = [
    "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf",
    "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Bold.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
]
_MARKUP = re.compile(r"<[^>]*>|\{[#:.][^}]*\}|&(?:[a-z]+|#\d+);")
_IGNORED = {"Cc", "Cf", "Zl", "Zp"}  # control and format characters print nothing


@functools.cache
def covered() -> frozenset[int]:
    """Every code point some face of the stack has a glyph for."""
    points: set[int] = set()
    for name in FONTS:
        path = Path(name)
        if not path.exists():
            continue
        fonts = TTCollection(str(path), lazy=True).fonts[:1] if path.suffix == ".ttc" else [TTFont(str(path), lazy=True)]
        for font in fonts:
            points.update(font.getBestCmap() or {})
    return frozenset(points)


def missing(text: str) -> list[str]:
    """The characters of a text (markup aside) that no face has, in order, once each."""
    plain = html.unescape(_MARKUP.sub(" ", text))
    have = covered()
    found = []
    for char in plain:
        if ord(char) not in have and unicodedata.category(char) not in _IGNORED and not char.isspace() and char not in found:
            found.append(char)
    return found


def describe(char: str) -> str:
    name = unicodedata.name(char, "unnamed character")
    return f"「{char}」 (U+{ord(char):04X} {name})"
