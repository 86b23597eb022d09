"""The extraction errata (../shared/source/errata.json): the site carries the corrected
text, never the form the text extraction printed."""
from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT

ERRATA = ROOT.parent / "shared" / "source" / "errata.json"
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption", "summary"}
SKIP = {"script", "style", "svg", "template", "noscript"}


def norm(text: str) -> str:
    """As the coverage tool compares: NFKC, without white space."""
    return re.sub(r"[\s\u200b\u3000]+", "", unicodedata.normalize("NFKC", text))


class Lines(HTMLParser):
    """The visible text of a page, and its lines: the text of each block (a paragraph,
    list item, cell, heading), a definition list's term and description as one line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.lines, self.open, self.skip, self.term = [], [], [], 0, ""

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        if tag in BLOCKS:
            self.open.append([tag, ""])
        if tag == "dl":
            self.term = ""

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag in BLOCKS and self.open and self.open[-1][0] == tag:
            _, text = self.open.pop()
            if tag == "dt":
                self.term = text
            if tag == "dd":
                text, self.term = self.term + text, ""
            self.lines.append(norm(text))

    def handle_data(self, data):
        if self.skip:
            return
        self.text.append(data)
        for block in self.open:
            block[1] += data


def pages(site: Path, english: bool):
    """(path, text, lines) of every page of one language."""
    for path in sorted(site.glob("**/*.html")):
        rel = path.relative_to(site)
        if (rel.parts[0] == "en") == english:
            parser = Lines()
            parser.feed(path.read_text(encoding="utf-8"))
            yield rel, norm("".join(parser.text)), set(parser.lines)


def errata():
    if not ERRATA.exists():
        return []
    return json.loads(ERRATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def japanese(site):
    return list(pages(site, english=False))


@pytest.fixture(scope="module")
def english(site):
    return list(pages(site, english=True))


@pytest.mark.skipif(not ERRATA.exists(), reason="shared/source is not beside the repository")
@pytest.mark.parametrize("entry", errata(), ids=lambda e: e["corrected"][:12])
def test_the_site_carries_the_corrected_text_not_the_printed_one(japanese, english, entry):
    printed, corrected = norm(entry["printed"]), norm(entry["corrected"])
    if entry.get("whole_line"):
        # a line that reads exactly as printed (e.g. a row that lost its label) is wrong;
        # a line that reads as corrected is right
        assert any(corrected in lines for _p, _t, lines in japanese), f"no line reads {entry['corrected']!r}"
        wrong = [str(p) for p, _t, lines in japanese + english if printed in lines]
    else:
        assert any(corrected in text for _p, text, _l in japanese), f"{entry['corrected']!r} is not on the site"
        wrong = [str(p) for p, text, _l in japanese + english if printed in text]
    assert not wrong, f"{entry['printed']!r} (an extraction error) is still on {wrong}"

