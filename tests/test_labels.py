"""Labels the templates print around stored values (「出典：」, 「…時点」, "as of …") are
printed once: a stored value never carries its label's words itself."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
# stored field -> the interface label the pages print around it (as_of anywhere; a
# table's unit at the top of its data file; contacts' "unit" is a division's name)
WRAPPED = {"as_of": "as_of", "unit": "unit"}
TOP_LEVEL_ONLY = {"unit"}


def label_words(lang: str, key: str) -> list[str]:
    """The words of a label around its value: 「{}時点」 → [時点]; "as of {}" → [as of]."""
    parts = re.split(r"\{\}", UI[lang][key])
    return [w for w in (re.sub(r"[\s（）()：:、,;]+", " ", p).strip() for p in parts) if w]


def stored_values():
    """(file, field, language, value) of every wrapped field in content/ and data/."""
    files = sorted((ROOT / "content").rglob("*.yml")) + sorted((ROOT / "content").rglob("*.md")) + sorted(p for p in (ROOT / "data").rglob("*.yml") if p.name != "ui.yml")
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("---")[1] if text.startswith("---") else ""
        lang = "en" if ".en." in path.name else "ja"
        for key, value, depth in walk(yaml.safe_load(text)):
            if key in WRAPPED and isinstance(value, str) and (depth == 0 or key not in TOP_LEVEL_ONLY):
                yield path.relative_to(ROOT), key, lang, value


def walk(node, depth=0):
    if isinstance(node, dict):
        for k, v in node.items():
            yield k, v, depth
            yield from walk(v, depth + 1)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v, depth + 1)


def test_stored_values_do_not_repeat_their_label():
    values = list(stored_values())
    assert any(k == "as_of" for _f, k, _l, _v in values)
    bad = [f"{f}: {k}: {v!r} already says {w!r}"
           for f, k, lang, v in values for w in label_words(lang, WRAPPED[k]) if w.lower() in v.lower()]
    assert not bad, "\n".join(bad)


class SourceLines(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.inside = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "p" and "kk-source" in (dict(attrs).get("class") or ""):
            self.inside = True
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag == "p":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.lines[-1] += data


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_source_line_says_its_labels_once(site, lang):
    words = label_words(lang, "source") + label_words(lang, "as_of")
    seen, bad = 0, []
    for path in sorted(site.glob("**/*.html")):
        if (path.relative_to(site).parts[0] == "en") != (lang == "en"):
            continue
        parser = SourceLines()
        parser.feed(path.read_text(encoding="utf-8"))
        for line in parser.lines:
            seen += 1
            bad += [f"{path.relative_to(site)}: {line}" for w in words if line.lower().count(w.lower()) > 1]
    assert seen > 20
    assert not bad, "\n".join(bad)
