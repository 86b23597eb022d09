"""Content mistakes: one clear message per problem, all at once, no traceback, and the
previous site left as it was."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import run_build


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


def test_every_mistake_is_reported_at_once_and_the_old_site_survives(project: Path):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")

    faq = project / "content" / "faq" / "haken-annual-leave.yml"
    text = faq.read_text(encoding="utf-8")
    answer = re.search(r"^answer: \|\n(?:  .*\n|\n)+", text, re.M).group(0)
    faq.write_text(text.replace(answer, 'answer: ""\n'), encoding="utf-8")
    answer_line = line_of(faq, 'answer: ""')

    typo = project / "content" / "faq" / "haken-duties.yml"
    typo_line = edit(typo, "category: haken", "categroy: haken")

    sjis = project / "content" / "faq" / "haken-travel.yml"
    sjis.write_bytes(sjis.read_text(encoding="utf-8").encode("cp932"))

    indented = project / "content" / "testimonials" / "guidebook-hr-voices.yml"
    indent_line = edit(indented, "body: |\n  ", "body: |\n\u3000")

    section = project / "content" / "sections" / "tips-advice.md"
    text = section.read_text(encoding="utf-8")
    section.write_text(text + "\n<script>alert(1)</script>\n", encoding="utf-8")
    script_line = text.count("\n") + 2

    link = project / "content" / "faq" / "application-period.yml"
    edit(link, '{{ link("kibo-joho") }}', '{{ link("kibo-jyoho") }}')

    industries = project / "data" / "industries.yml"
    edit(industries, "{industry: 製造業, haken: 6, saiyou: 89}", "{industry: 製造業, haken: 6, saiyou: 88}")
    totals_line = line_of(industries, "stated_totals: {")

    result = run_build(project, site)
    out = result.stdout + result.stderr

    assert result.returncode != 0
    assert "Traceback" not in out
    expected = [
        f"content/faq/haken-annual-leave.yml:{answer_line}: answer: must not be empty",
        f"content/faq/haken-duties.yml:{typo_line}: categroy: is not a known field (misspelt?)",
        "content/faq/haken-duties.yml:1: category: is required",
        f"data/industries.yml:{totals_line}: stated_totals.total: the rows add up to 422, but the source states 423",
        "content/faq/haken-travel.yml:4: the file is saved as Shift_JIS; save it as UTF-8",
        f"content/testimonials/guidebook-hr-voices.yml:{indent_line + 1}: indented with a full-width space (U+3000)",
        f"content/sections/tips-advice.md:{script_line}: body: raw HTML <script> is not allowed",
        'content/faq/application-period.yml:',
        'answer: link("kibo-jyoho"): no such name',
        f"data/industries.yml:{totals_line + 0}: stated_totals.saiyou: the rows add up to 396, but the source states 397",
    ]
    for message in expected:
        assert message in out, f"missing {message!r} in:\n{out}"
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"


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


def test_a_missing_item_in_a_manifest_is_named(project: Path):
    manifest = project / "data" / "publications" / "leaflet.yml"
    line = edit(manifest, "- faq: both-or-either", "- faq: both-or-neither")
    out = failed_build(project)
    assert f"data/publications/leaflet.yml:{line}: faq: 'both-or-neither' does not exist" in out


def test_a_broken_internal_link_fails_the_strict_build(project: Path):
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[流れ](flow.md#no-such-anchor)\n", encoding="utf-8")
    assert "no-such-anchor" in failed_build(project)


def test_the_same_source_builds_the_same_bytes(project: Path, tmp_path: Path, site: Path):
    """Two builds give the same bytes. The first renders every PDF afresh (no cache) and
    must match the session's build; the second reuses them, as unchanged inputs are."""
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
    assert [p.name for p in pdfs if p.read_bytes() != (site / "downloads" / p.name).read_bytes()] == []
