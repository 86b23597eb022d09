"""The English edition: each Japanese file X.yml / X.md has an English counterpart
X.en.yml (an overlay holding only the Japanese-text fields, translated) / X.en.md.

Checks here are shared by the build (missing or orphaned counterparts, structure) and
the tests (glossary, Japanese script outside lang="ja")."""
from __future__ import annotations

import re
from pathlib import Path

# Hiragana, katakana, CJK ideographs (and extension A), full-width forms, CJK punctuation.
JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffef]")
JA_SPAN = re.compile(r'<span lang="ja">.*?</span>', re.S)
HEADING_ID = re.compile(r"^(#{1,6})\s.*?\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.M)
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s", re.M)
TABLE_ROW = re.compile(r"^\|.*\|\s*$", re.M)
MARKER = re.compile(r"<!--\s*kk:[^>]*-->")


def has_japanese(value) -> bool:
    if isinstance(value, str):
        return bool(JAPANESE.search(value))
    if isinstance(value, dict):
        return any(has_japanese(v) for v in value.values())
    if isinstance(value, list):
        return any(has_japanese(v) for v in value)
    return False


def counterpart(path: Path) -> Path:
    """X.yml -> X.en.yml, X.md -> X.en.md."""
    return path.with_name(f"{path.stem}.en{path.suffix}")


def is_english(path: Path) -> bool:
    return path.stem.endswith(".en")


def overlay_problems(ja, en, loc=()) -> list[tuple[tuple, str]]:
    """Where the English overlay does not match the Japanese data: (path, message)."""
    found = []
    if isinstance(ja, dict):
        if en is None:
            en = {}
        if not isinstance(en, dict):
            return [(loc, "expected a mapping, as in the Japanese file")]
        for key in en:
            if key not in ja:
                found.append((loc + (key,), "has no Japanese counterpart"))
            elif ja[key] in ("", None, [], {}):
                continue  # the Japanese is empty: that is the problem reported
            elif not has_japanese(ja[key]):
                found.append((loc + (key,), "has no Japanese text to translate; leave it out (it is inherited)"))
        for key, value in ja.items():
            if has_japanese(value):
                found += overlay_problems(value, en.get(key), loc + (key,))
    elif isinstance(ja, list):
        if en is None:
            return [(loc, "is missing its English translation")]
        if not isinstance(en, list) or len(en) != len(ja):
            return [(loc, f"expected a list of {len(ja)} items, as in the Japanese file")]
        for index, (a, b) in enumerate(zip(ja, en)):
            if has_japanese(a):
                found += overlay_problems(a, b, loc + (index,))
    elif isinstance(ja, str) and has_japanese(ja):
        if en is None or (isinstance(en, str) and not en.strip()):
            found.append((loc, "is missing its English translation"))
        elif not isinstance(en, str):
            found.append((loc, "expected text"))
    return found


def merge(ja, en):
    """The Japanese data with the English overlay laid over it."""
    if isinstance(ja, dict) and isinstance(en, dict):
        return {key: merge(value, en.get(key)) for key, value in ja.items()}
    if isinstance(ja, list) and isinstance(en, list):
        return [merge(a, b) for a, b in zip(ja, en)]
    return ja if en is None else en


def japanese_outside_spans(text: str) -> list[str]:
    """Runs of Japanese script in English text that are not inside <span lang="ja">."""
    return JAPANESE.findall(JA_SPAN.sub("", text))


def structure(markdown: str) -> dict:
    """What must be the same in a page and its translation."""
    return {
        "headings": [(len(level), hid) for level, hid in HEADING_ID.findall(markdown)],
        "list items": len(LIST_ITEM.findall(markdown)),
        "table rows": len(TABLE_ROW.findall(markdown)),
        "markers": MARKER.findall(markdown),
    }


def structure_problems(ja: str, en: str) -> list[tuple[int | None, str]]:
    """(line in the English text or None, message) for each part whose structure differs;
    for headings, the line of the first English heading that differs from the Japanese."""
    a, b = structure(ja), structure(en)
    found = []
    for key in a:
        if a[key] == b[key]:
            continue
        line = None
        if key == "headings":
            index = next((i for i, (x, y) in enumerate(zip(a[key], b[key])) if x != y), min(len(a[key]), len(b[key])))
            starts = [en[: m.start()].count("\n") + 1 for m in HEADING_ID.finditer(en)]
            line = starts[index] if index < len(starts) else (starts[-1] if starts else None)
        found.append((line, f"{key}: Japanese has {a[key]!r}, English has {b[key]!r}"))
    return found


def glossary_misses(glossary: list[dict], ja: str, en: str) -> list[str]:
    """Glossary terms used in the Japanese text whose English form the translation lacks.
    A term with two senses lists the other sense's English under `also`."""
    folded = _fold(en)
    misses = []
    for term in sorted(glossary, key=lambda t: -len(t["ja"])):  # 官民人事交流法 before 官民人事交流
        if term["ja"] not in ja:
            continue
        if not any(_fold(form) in folded for form in [term["en"], *term.get("also", [])]):
            misses.append(f"{term['ja']} → {term['en']}")
        ja = ja.replace(term["ja"], "\0")  # a longer term's words are not checked again
    return misses


def _fold(text: str) -> str:
    """Lower case, one kind of space and dash, and plural nouns as singular, so that
    "private companies" counts as the glossary's "private company"."""
    spaced = re.sub(r"[\s\u2010-\u2015-]+", " ", text.lower())
    return re.sub(r"[a-z]+", lambda m: _singular(m.group(0)), spaced)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def text_pairs(ja, en, loc=()):
    """(path, Japanese text, English text) for every translated field of merged data."""
    if isinstance(ja, dict) and isinstance(en, dict):
        for key, value in ja.items():
            yield from text_pairs(value, en.get(key), loc + (key,))
    elif isinstance(ja, list) and isinstance(en, list):
        for index, (a, b) in enumerate(zip(ja, en)):
            yield from text_pairs(a, b, loc + (index,))
    elif isinstance(ja, str) and isinstance(en, str) and has_japanese(ja):
        yield loc, ja, en
