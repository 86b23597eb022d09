"""Each stored item's own page: the topic page (docs/) that shows it, not a page that
gathers items from elsewhere (front matter `gathers: true`, such as the page for staff)
and not a publication's view (a gathering page is home only to what no other page
shows). Elsewhere the item is a repeat: shown to the reader, but
left out of the search index, so that a search leads to the item's own page rather than
to every page that repeats it. An item no topic page shows (a publication's own text)
has its view as its home, and stays indexed there."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
KINDS = {"section", "faq", "testimonial", "table"}


def gathers(text: str) -> bool:
    """Whether a page's front matter says it gathers items whose own pages are elsewhere."""
    front = FRONT.match(text)
    try:
        meta = yaml.safe_load(front.group(1)) if front else None
    except yaml.YAMLError:
        return False  # MkDocs reports a broken front matter itself
    return isinstance(meta, dict) and meta.get("gathers") is True


def find(root: Path, marker: re.Pattern, faq_ids) -> dict[tuple[str, str], str]:
    """(kind, id) -> the Japanese page source (`flow.md`) that is the item's home."""
    homes: dict[tuple[str, str], str] = {}
    pages = []
    for path in sorted((root / "docs").rglob("*.md")):
        rel = path.relative_to(root / "docs").as_posix()
        if not rel.startswith("publications/") and not re.search(r"\.[a-z]{2}\.md$", rel):
            text = path.read_text(encoding="utf-8", errors="replace")
            pages.append((gathers(text), rel, text))
    for _gathering, rel, text in sorted(pages, key=lambda p: p[0]):  # a gathering page last:
        for kind, args in marker.findall(text):  # it is home only to what no other page shows
            if kind == "faq-all":
                for faq_id in faq_ids:
                    homes.setdefault(("faq", faq_id), rel)
            elif kind in KINDS and args.split():
                homes.setdefault((kind, args.split()[0]), rel)
    return homes


def repeated(homes: dict[tuple[str, str], str], kind: str, item_id: str, page: str | None, pub: str | None) -> bool:
    """Whether this item, shown on this page (or in this publication's view), is a repeat."""
    home = homes.get((kind, item_id))
    if home is None or page is None:
        return False
    return bool(pub) or home != re.sub(r"^[a-z]{2}/|\.[a-z]{2}(?=\.md$)", "", page)


def unindexed(markdown: str) -> str:
    """The item as shown, kept out of the search index."""
    return f'<div class="kk-repeat" data-pagefind-ignore="all" markdown>\n\n{markdown}\n</div>\n'
