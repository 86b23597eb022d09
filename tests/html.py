"""A small reader for built pages: headings, ids, table rows and visible text."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"br", "wbr", "img", "hr", "meta", "link", "input", "source"}


@dataclass
class Page:
    ids: list[str] = field(default_factory=list)
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text)
    tables: dict[str, list[list[str]]] = field(default_factory=dict)  # id of the wrapper -> rows
    text: str = ""
    lang: str = ""
    hrefs: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, dict]] = []
        self.heading = None
        self.row = None
        self.table_id = None
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page.lang = attrs.get("lang", "")
        if "id" in attrs:
            self.page.ids.append(attrs["id"])
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "a" and attrs.get("href"):
            self.page.hrefs.append(attrs["href"])
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = [int(tag[1]), attrs.get("id", ""), ""]
        if tag == "table":
            wrapper = next((a.get("id") for _t, a in reversed(self.stack) if a.get("id")), "")
            self.table_id = wrapper
            self.page.tables.setdefault(wrapper, [])
        if tag == "tr":
            self.row = []
        if tag in ("td", "th") and self.row is not None:
            self.row.append("")
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.heading:
            level, hid, text = self.heading
            self.page.headings.append((level, hid, text.replace("#", "").strip()))
            self.heading = None
        if tag == "tr" and self.row is not None:
            self.page.tables[self.table_id].append([c.strip() for c in self.row])
            self.row = None
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.skip:
            return
        self.parts.append(data)
        if self.heading is not None:
            self.heading[2] += data
        if self.row:
            self.row[-1] += data


def read(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.page.text = "".join(reader.parts)
    return reader.page
