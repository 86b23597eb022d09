"""What is published: the speed-ups change no byte of the site, and the published (lean,
precompressed) pages are the same pages as the site stage's."""
from __future__ import annotations

import filecmp
import gzip
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import brotli
import pytest

from tests.conftest import ROOT, SITE_URL

from hooks.compress import minify_page


def mkdocs_build(out: Path, **extra) -> None:
    """The site stage alone (MkDocs with the project's hooks), as make build runs it: after
    the PDF stage, whose figures (.build/downloads, from the session's build) it links."""
    env = {key: value for key, value in os.environ.items() if key != "KK_NO_REUSE"}
    env.update({"SOURCE_DATE_EPOCH": "1767225600", "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1",
                "KK_DOWNLOADS": str(ROOT / ".build" / "downloads"), **extra})
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def differing(a: Path, b: Path) -> list[str]:
    files = sorted({p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()} | {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()})
    return [f for f in files if not ((a / f).is_file() and (b / f).is_file() and filecmp.cmp(a / f, b / f, shallow=False))]


@pytest.fixture(scope="module")
def stage_output(tmp_path_factory, site) -> Path:
    out = tmp_path_factory.mktemp("stage") / "site"
    mkdocs_build(out)
    return out


def test_reusing_parsed_files_and_templates_changes_no_byte(stage_output, tmp_path):
    """Each language loaded, each file parsed and each template compiled from scratch
    (KK_NO_REUSE, as the build did before it reused them) gives the very same site."""
    fresh = tmp_path / "site"
    mkdocs_build(fresh, KK_NO_REUSE="1")
    assert len(list(fresh.rglob("*.html"))) > 40
    assert differing(fresh, stage_output) == []


class _Tokens(HTMLParser):
    """A page as the browser's parser sees it, white space in text collapsed."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.tokens = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("<", tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(("<", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.tokens.append((">", tag))

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.tokens.append(("text", text))

    def handle_entityref(self, name):
        self.tokens.append(("&", name))

    def handle_charref(self, name):
        self.tokens.append(("&#", name))

    def handle_comment(self, data):
        self.tokens.append(("comment", data))


def tokens(html: str) -> list:
    reader = _Tokens()
    reader.feed(html)
    return reader.tokens


def test_published_pages_are_the_stage_pages_without_indentation(site, stage_output):
    pages = sorted(p.relative_to(stage_output) for p in stage_output.rglob("*.html"))
    assert pages
    for rel in pages:
        before = (stage_output / rel).read_text(encoding="utf-8")
        after = (site / rel).read_text(encoding="utf-8")
        assert len(after) < len(before), rel
        assert tokens(after) == tokens(before), rel
        # white space inside preformatted text is kept as it is
        assert before.count("<pre") == after.count("<pre"), rel
    page = (site / "faq" / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>\n<html") and "\n  " not in page and " \n" not in page


def test_every_text_file_is_precompressed_deterministically(site):
    checked = 0
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js", ".json", ".xml", ".svg") or not path.is_file():
            continue
        data = path.read_bytes()
        packed = path.with_name(path.name + ".gz").read_bytes()
        assert gzip.decompress(packed) == data, path
        assert packed[4:8] == b"\0\0\0\0" and not packed[3] & 0x08, f"{path}: .gz has a time stamp or a file name"
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
        checked += 1
    assert checked > 50


def test_unused_theme_files_are_not_published(site):
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    assert not (site / "assets" / "javascripts" / "workers").exists()
    assert not list(site.rglob("*.map"))
    for script in (site / "assets").rglob("*.js"):
        assert "sourceMappingURL" not in script.read_text(encoding="utf-8"), script


def test_lean_html_keeps_what_whitespace_means():
    html = '<p>a\n    b</p>\n  <pre>x\n    y</pre>\n<a href="x"\n   title="t">l</a><textarea>\n  keep</textarea><p>&amp; &lt;</p>'
    lean = minify_page(html)
    assert lean == '<p>a\nb</p>\n<pre>x\n    y</pre>\n<a href="x"\n   title="t">l</a><textarea>\n  keep</textarea><p>&amp; &lt;</p>\n'
