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
    """Markdown links from `page` (a path under docs/) to each attachment referred to. In a
    heading the reference itself is the link; in running text the sentence stays as printed
    and a link to the attachment follows it (「…（別添4）」を作成配布） 別添4を見る」)."""
    here = posixpath.dirname(page)

    def href(number: int) -> str | None:
        place = known.get(number)
        if place is None:
            return None
        target, _, anchor = place.partition("#")
        return ("" if target == page else posixpath.relpath(target, here or ".")) + (f"#{anchor}" if anchor else "")

    def heading(match):
        to = href(int(match.group(1)))
        return f"[{match.group(0)}]({to})" if to is not None else match.group(0)

    lines = []
    for line in text.split("\n"):
        if line.lstrip().startswith("#"):
            lines.append(pattern(ui).sub(heading, line))
            continue
        for match in reversed(list(pattern(ui).finditer(line))):
            to = href(int(match.group(1)))
            if to is None:
                continue
            end = line.find("。", match.end())
            end = len(line) if end < 0 else end + 1
            see = ui["attachment_see"].format(match.group(0))
            line = f"{line[:end]} [{see}]({to}){{: .kk-see }}{line[end:]}"
        lines.append(line)
    return "\n".join(lines)
