"""References to the memo's attachments (別添1–別添5, "Attachment 1"…) in any text:
each becomes a link to where the site carries that attachment. The number of each
publication and its place are stored once, in data/publications/*.yml (`attachment`,
and `view` or `on_site`); the words come from data/ui.yml (`attachment`)."""
from __future__ import annotations

import posixpath
import re


def pattern(ui) -> re.Pattern:
    """「別添3」 / "Attachment 3", not already the text of a link."""
    label = re.escape(ui["attachment"]).replace(r"\{\}", r"\s?(\d+)")
    return re.compile(rf"(?<!\[){label}(?!\]\()")


def places(publications) -> dict[int, str]:
    """Attachment number -> where the site carries it (a page of docs/, maybe #anchor)."""
    return {p.attachment: p.place for p in publications.values() if p.attachment is not None and p.place}


def unknown(text: str, ui, known: dict[int, str]) -> list[tuple[int, str]]:
    """(line within the text, message) for each reference to an attachment the site lacks."""
    found = []
    for match in pattern(ui).finditer(text):
        if int(match.group(1)) not in known:
            numbers = ", ".join(str(n) for n in sorted(known))
            found.append((text.count("\n", 0, match.start()) + 1, f"「{match.group(0)}」: no publication is attachment {match.group(1)} (known: {numbers}; set `attachment` in data/publications/)"))
    return found


def link(text: str, ui, known: dict[int, str], page: str) -> str:
    """Markdown links from `page` (a path under docs/) to each attachment referred to."""
    here = posixpath.dirname(page)

    def to(match):
        place = known.get(int(match.group(1)))
        if place is None:
            return match.group(0)
        target, _, anchor = place.partition("#")
        href = "" if target == page else posixpath.relpath(target, here or ".")
        return f"[{match.group(0)}]({href}{'#' + anchor if anchor else ''})"

    return pattern(ui).sub(to, text)
