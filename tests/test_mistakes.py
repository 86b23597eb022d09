"""The content-mistake corpus (tests/mistakes.py), run through the loader in-process in
both languages: each mistake gives its expected message(s), and no other message (no
cascade from a file that failed to load). Full builds of a few prove the rest: a non-zero
exit, no traceback, the previous site/ untouched; and that BOM and CRLF files build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hooks import content, safety
from hooks.problems import ContentError
from tests.conftest import ROOT, copy_project, run_build
from tests.mistakes import CASES, Copy

LOADED = ("content", "data", "docs")


def problems_of(root: Path) -> list[str]:
    found = []
    for lang in ("ja", "en"):
        try:
            content.load(root, lang)
        except ContentError as err:
            found += [str(p) for p in err.problems]
    return sorted(set(found))


@pytest.fixture
def copy(tmp_path) -> Copy:
    for part in LOADED:
        shutil.copytree(ROOT / part, tmp_path / part)
    return Copy(tmp_path)


def test_the_corpus_has_at_least_30_kinds_of_mistake():
    assert len(CASES) >= 32


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_mistake_gives_its_message_and_nothing_else(copy, name):
    expected = CASES[name](copy)
    found = problems_of(copy.root)
    missing = [e for e in expected if not any(e in p for p in found)]
    unexpected = [p for p in found if not any(e in p for e in expected)]
    assert not missing, f"expected {missing} in {found}"
    assert not unexpected, f"other messages: {unexpected}"
    for message in found:
        assert "Traceback" not in message and "String should match" not in message and "expected <" not in message


def test_the_real_content_has_no_problems():
    assert problems_of(ROOT) == []


# Full builds


def test_every_mistake_is_reported_at_once_and_the_old_site_survives(tmp_path):
    """A dozen mistakes in one copy: one build, one list, a non-zero exit, site/ as it was."""
    project = copy_project(tmp_path / "project")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    c = Copy(project)
    names = ["impossible date unquoted", "duplicate key", "duplicate heading id", "table row with an extra cell",
             "raw script in a section", "link to a page that does not exist", "broken data file referred to by a manifest",
             "unknown link name", "wrong number in a row", "fullwidth space indent"]  # each in a file of its own
    # The build stops after the Japanese is loaded: the English messages come once it is fixed.
    expected = [message for name in names for message in CASES[name](c) if ".en." not in message]
    result = run_build(project, site)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in out
    for message in expected:
        assert message in out, f"missing {message!r} in:\n{out}"
    assert "does not exist" not in out.replace("goes to a page that does not exist", "")
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"


def test_a_broken_anchor_is_reported_where_the_link_is_written(tmp_path):
    """Anchors are checked once every page's content exists, before MkDocs's own check."""
    project = copy_project(tmp_path / "project")
    c = Copy(project)
    line = c.append("docs/about.md", "[流れ](flow.md#no-such-anchor)\n")
    c.append("docs/about.en.md", "[Steps](flow.md#no-such-anchor)\n")
    result = run_build(project, project / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert f"docs/about.md:{line}: the link to 'flow.md#no-such-anchor' goes to no heading or item: flow.md has no id 'no-such-anchor'" in out


def test_unsafe_html_in_a_theme_template_is_stopped_on_the_final_pages(tmp_path):
    """The last net: a theme template (not content) that writes an event handler and a
    script address fails the build on every page."""
    project = copy_project(tmp_path / "project")
    Copy(project).replace("overrides/main.html", "{% block content %}", '{% block content %}<a href="javascript:alert(1)" onmouseover="alert(2)">x</a>')
    result = run_build(project, project / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    for page in ("docs/index.md", "docs/faq.md", "docs/publications/pamphlet.md"):
        assert f"{page}: <a> has an inline event handler (onmouseover)" in out
        assert f'{page}: <a href="javascript:alert(1)">: a javascript: address is not allowed' in out
    assert not (project / "site").exists()


@pytest.mark.parametrize("html, expected", [
    ('<p>x <a href="javascript:alert(1)">y</a></p>', '<a href="javascript:alert(1)">'),
    ('<p onclick="alert(1)">x</p>', '<p onclick="alert(1)">'),
    ('<p>x<script>alert(1)</script></p>', "<script>"),
    ('<p><img src="data:image/png;base64,AAAA" alt=""></p>', "<img"),
    ('<p><iframe src="https://example.com/"></iframe></p>', "<iframe"),
    ('<p><span style="color:red">x</span></p>', 'style="color:red"'),
])
def test_the_sanitizer_net_reports_what_it_would_change(html, expected):
    problems = safety.content_problems(html)
    assert problems and expected in problems[0]


def test_the_sanitizer_net_leaves_the_sites_own_html_alone():
    html = '<h2 id="a" class="kk">T<wbr>itle</h2><p lang="ja"><a href="https://x.example/" hreflang="ja">x</a> <a href="../faq/#q">q</a> <a href="tel:+81335810755">tel</a></p><table><tr><th colspan="2" scope="col">h</th></tr></table>'
    assert safety.content_problems(html) == []


def test_bom_and_crlf_files_build(tmp_path):
    project = copy_project(tmp_path / "project")
    CASES["bom and crlf files are fine"](Copy(project))
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "旅費" in (project / "site" / "faq" / "index.html").read_text(encoding="utf-8")
