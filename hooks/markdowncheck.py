"""Checks of Markdown as an editor writes it, line by line: where links may go, heading
ids written twice, and table rows whose cells do not match their header. Each problem is
(line within the text, message)."""
from __future__ import annotations

import html
import posixpath
import re

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
INLINE_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+[\"'][^)]*)?\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HREF = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
HEADING_ID = re.compile(r"^#{1,6}\s.*\{[^}]*#([^\s}]+)[^}]*\}\s*$")
TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def _lines(text: str):
    """(line number, line) outside fenced code, with code spans blanked out."""
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def links(text: str) -> list[tuple[int, str]]:
    """(line, target) of every link and image written in the text, as written."""
    found = []
    for number, line in _lines(text):
        found += [(number, m.group(1)) for m in INLINE_LINK.finditer(line)]
        found += [(number, m.group(1)) for m in REFERENCE.finditer(line)]
        found += [(number, next(g for g in m.groups() if g is not None)) for m in HREF.finditer(line)]
        found += [(number, m.group(1)) for m in AUTOLINK.finditer(line)]
    return found


def scheme_of(target: str) -> str | None:
    """The scheme a browser would see: entities decoded, spaces and controls dropped."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(target)).lower()
    match = SCHEME.match(cleaned)
    return match.group(1) if match else None


def link_problems(text: str, stored: bool) -> list[tuple[int, str]]:
    """Links to anything but https, http, mailto, tel or a page of this site. In stored
    content (shown on several pages, and in print) pages of this site are named with ref()."""
    found = []
    for number, target in links(text):
        scheme = scheme_of(target)
        if scheme is not None and scheme not in ALLOWED_SCHEMES:
            found.append((number, f"the link to '{target}' is not allowed: links may go to https://, http://, mailto: and tel: addresses and to pages of this site"))
        elif scheme is None and stored and target:
            found.append((number, f"the link to '{target}' points into this site: in stored content write {{{{ ref(\"id\") }}}} instead, which works on every page and publication that shows the text"))
    return found


def relative_target(page: str, target: str) -> tuple[str, str] | None:
    """(docs path, anchor) of a relative link written in the docs page `page`."""
    if scheme_of(target) is not None or target.startswith("//"):
        return None
    path, _, anchor = target.partition("#")
    path = path.split("?")[0]
    if not path:
        return page, anchor
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/"):
        resolved += "/index.md"
    return resolved, anchor


def duplicate_heading_ids(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """A heading id used twice would give the page the same id twice. `first_line`: the
    text's first line in its file, for the line named in the message."""
    seen: dict[str, int] = {}
    found = []
    for number, line in _lines(text):
        match = HEADING_ID.match(line)
        if not match:
            continue
        hid = match.group(1)
        if hid in seen:
            found.append((number, f"duplicate heading id '{hid}': line {seen[hid] + first_line - 1} already uses it; give this heading another id"))
        else:
            seen[hid] = number
    return found


def _cells(row: str) -> int:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return len(re.split(r"(?<!\\)\|", row))


def table_problems(text: str) -> list[tuple[int, str]]:
    """Every row of a Markdown table has as many cells as its header (else one is dropped)."""
    found, header, previous = [], None, None
    for number, line in _lines(text):
        if "|" not in line or not line.strip():
            header, previous = None, None
            continue
        if header is None and previous is not None and TABLE_DIVIDER.match(line):
            header = _cells(previous[1])
            if _cells(line) != header:
                found.append((number, f"the table's dividing row has {_cells(line)} cells, but its header has {header}"))
        elif header is not None and _cells(line) != header:
            found.append((number, f"this table row has {_cells(line)} cells, but the table's header has {header}; a cell would be lost"))
        previous = (number, line)
    return found


def check(text: str, stored: bool, first_line: int = 1) -> list[tuple[int, str]]:
    return link_problems(text, stored) + duplicate_heading_ids(text, first_line) + table_problems(text)
