"""Mistakes that only the PDFs reveal, each a clear build error in the editors' style
(file:line: field: message), on small fixtures or copies of the project."""
from __future__ import annotations

import re
from pathlib import Path

from hooks.pdf import layout
from tests.test_validation import failed_build


def test_a_character_no_font_has_is_named_with_its_item(project: Path):
    faq = project / "content" / "faq" / "application-period.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("answer: |\n  ", "answer: |\n  🧿", 1), encoding="utf-8")
    out = failed_build(project)
    assert re.search(r"content/faq/application-period\.yml:\d+: answer: 「🧿」 \(U\+1F9FF NAZAR AMULET\) has no glyph", out)
    assert not (project / "site").exists()


def test_a_table_wider_than_the_page_is_named():
    cells = "".join(f'<td class="kk-num">{n:,}{n:,}{n:,}</td>' for n in range(1_000_000, 1_000_014))
    html = f'<html lang="ja"><body><main><div class="kk-item" data-file="data/industries.yml"><div class="kk-table"><table><caption>業種別の交流状況</caption><tr>{cells}</tr></table></div></div></main></body></html>'
    job = layout.Job("tiny.ja.pdf", "leaflet", "ja", "screen", html, "0" * 64, "data/publications/leaflet.yml", None)
    result = layout.render(job)
    assert not result.data
    [(file, _line, field, message)] = result.problems
    assert (file, field) == ("data/industries.yml", "table")
    assert "業種別の交流状況" in message and re.search(r"\d+\.\d mm wider than the page", message)


def test_a_table_that_fits_passes():
    html = '<html lang="ja"><body><div data-file="data/x.yml"><table><tr><td>1</td><td>2</td></tr></table></div></body></html>'
    result = layout.render(layout.Job("tiny.ja.pdf", "leaflet", "ja", "screen", html, "0" * 64, "data/publications/leaflet.yml", None))
    assert result.data.startswith(b"%PDF") and not result.problems


def test_a_leaflet_over_its_page_budget_fails_the_build(project: Path):
    manifest = project / "data" / "publications" / "leaflet.yml"
    text = manifest.read_text(encoding="utf-8")
    line = text[: text.index("page_budget:")].count("\n") + 1
    manifest.write_text(text.replace(re.search(r"page_budget: \d+", text).group(0), "page_budget: 2"), encoding="utf-8")
    out = failed_build(project)
    assert re.search(rf"data/publications/leaflet\.yml:{line}: page_budget: leaflet\.ja\.pdf runs to \d+ pages; its budget is 2", out)
    assert "leaflet.en.pdf runs to" in out
