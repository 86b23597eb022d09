"""Builds of broken and unbroken copies: a marker problem (found while pages render) and
byte-for-byte reproducibility. The corpus of content mistakes is tests/mistakes.py."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_build


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` once; return the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def failed_build(project: Path) -> str:
    """Build a broken project: it must fail with a message, never a traceback."""
    result = run_build(project, project / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    return out


def test_an_unknown_marker_names_the_page_and_line(project: Path):
    page = project / "docs" / "faq.md"
    line = edit(page, "<!-- kk:faq-all -->", "<!-- kk:faq-al -->")
    edit(project / "docs" / "faq.en.md", "<!-- kk:faq-all -->", "<!-- kk:faq-al -->")
    out = failed_build(project)
    assert f"docs/faq.md:{line}: unknown marker 'kk:faq-al'" in out


def test_the_same_source_builds_the_same_bytes(site: Path, tmp_path: Path):
    """A second build of the real project: every file under site/ (pages, search indexes,
    and whatever other outputs the build adds) is byte-identical to the first."""
    again = tmp_path / "again"
    result = run_build(ROOT, again)
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert len(files) > 40
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    different = [f for f in files if (site / f).read_bytes() != (again / f).read_bytes()]
    assert not different
