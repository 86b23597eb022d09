"""Japanese script in English pages: where it stands outside an element with lang="ja"."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\u3000-\u303f]")
VOID = {"br", "wbr", "img", "hr", "meta", "link", "input", "source", "area", "base", "col", "embed", "param", "track"}


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.found: list[str] = []

    def lang(self) -> str:
        return next((lang for _tag, lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            self.stack.append((tag, attrs.get("lang")))
        for name in ("title", "aria-label", "alt", "placeholder", "content"):
            value = attrs.get(name) or ""
            if JAPANESE.search(value) and not (attrs.get("lang") or self.lang()).startswith("ja"):
                self.found.append(f"<{tag} {name}>: {value[:40]}")

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if JAPANESE.search(data) and not self.lang().startswith("ja") and not any(t in ("script", "style") for t, _ in self.stack):
            self.found.append(data.strip()[:60])


def japanese_outside_ja(path: Path) -> list[str]:
    scan = _Scan()
    scan.feed(path.read_text(encoding="utf-8"))
    return scan.found
