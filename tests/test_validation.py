"""Builds of broken and unbroken copies: a marker problem (found while pages render) and
byte-for-byte reproducibility. The corpus of content mistakes is tests/mistakes.py."""
from __future__ import annotations

import shutil
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


def test_the_same_source_builds_the_same_bytes(project: Path, tmp_path: Path, site: Path):
    """Two builds give the same bytes. The first renders every PDF afresh (no cache) and
    must match the session's build, file for file; the second reuses them, as unchanged
    inputs are."""
    shutil.rmtree(project / ".build", ignore_errors=True)
    first, second = tmp_path / "one", tmp_path / "two"
    fresh = run_build(project, first)
    assert fresh.returncode == 0 and "PDFs: 12 rendered" in fresh.stderr
    cached = run_build(project, second)
    assert cached.returncode == 0 and "PDFs: 0 rendered, 12 unchanged" in cached.stderr
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    different = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert not different
    pdfs = sorted((first / "downloads").glob("*.pdf"))
    assert len(pdfs) == 12
    # and the fresh build is the session's build, every file of site/ (pages, search
    # indexes, PDFs, captions and whatever other outputs the build adds)
    assert files == sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (site / f).read_bytes()] == []
