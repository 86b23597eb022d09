"""The real Japanese site, built from the repository: what its readers get."""
from __future__ import annotations

import glob
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.html import read

COVERAGE = ROOT.parent / "shared" / "tools" / "source_coverage.py"


def faq_files():
    return sorted(p for p in (ROOT / "content" / "faq").glob("*.yml") if not p.name.endswith(".en.yml"))


def test_every_faq_entry_has_its_permanent_anchor_on_the_faq_page(site):
    page = read(site / "faq" / "index.html")
    ids = [yaml.safe_load(f.read_text(encoding="utf-8"))["id"] for f in faq_files()]
    assert len(ids) == 20
    missing = [i for i in ids if i not in page.ids]
    assert not missing
    # grouped by category, each group a heading of its own
    groups = [h[1] for h in page.headings if h[0] == 2]
    assert groups == ["faq-haken", "faq-saiyou", "faq-general"]


def test_each_question_is_stored_once():
    questions = {}
    for f in faq_files():
        item = yaml.safe_load(f.read_text(encoding="utf-8"))
        key = re.sub(r"\{\{.*?\}\}", "", item["question"])
        assert key not in questions, f"{f.name} repeats {questions.get(key)}"
        questions[key] = f.name
    numbers = [(s["publication"], s["number"]) for f in faq_files() for s in yaml.safe_load(f.read_text(encoding="utf-8"))["sources"]]
    assert sorted(n for p, n in numbers if p == "guidebook") == [f"Q{i}" for i in range(1, 9)]
    assert sorted(n for p, n in numbers if p == "pamphlet") == sorted(f"Q.{i}" for i in range(1, 13))
    assert sorted(n for p, n in numbers if p == "leaflet") == [f"Q.{i}" for i in range(1, 7)]


@pytest.mark.parametrize(
    "view, expected",
    [
        ("leaflet", ["Q.1 人事院の公募について応募の受付期間がありますか。", "Q.4 ある府省との人事交流を希望しているのですが", "Q.6 官民人事交流について、制度の説明"]),
        ("pamphlet", ["Q.1 人事院の公募について応募の受付期間はありますか。", "Q.5 ある府省との人事交流を希望しているのですが", "Q.12 官民人事交流についての問い合わせ先を教えてください。"]),
        ("guidebook", ["Q1 交流派遣職員の年休はどのような取扱いになっていますか。", "Q8 交流採用期間中に福利厚生"]),
    ],
)
def test_publication_views_show_their_own_numbers_and_wording(site, view, expected):
    page = read(site / "publications" / view / "index.html")
    texts = [re.sub(r"\s+", " ", h[2]) for h in page.headings]
    for start in expected:
        assert any(t.startswith(start) for t in texts), f"{start!r} not among {view} headings"


def test_a_shared_answer_resolves_its_cross_reference_per_publication(site):
    leaflet = read(site / "publications" / "leaflet" / "index.html").text
    pamphlet = read(site / "publications" / "pamphlet" / "index.html").text
    faq = read(site / "faq" / "index.html")
    assert "「企業・団体等の人事担当者様向けパンフレット」の裏表紙をご参照ください。" in leaflet
    assert "各府省のお問い合わせ先については、裏表紙をご参照ください。" in pamphlet
    assert "3ページのとおり、官民人事交流の実施に当たっては" in pamphlet
    assert "3ページのとおり" not in leaflet
    # on the web the same reference is a link to the contacts page
    assert "各府省のお問い合わせ先については、「各府省等のお問い合わせ先」をご参照ください。" in faq.text
    assert "../contacts/#office-contacts" in faq.hrefs


def test_publication_views_follow_their_manifests(site):
    for view in ("guidebook", "leaflet", "pamphlet"):
        manifest = yaml.safe_load((ROOT / "data" / "publications" / f"{view}.yml").read_text(encoding="utf-8"))

        def refs(items):
            for item in items:
                yield item.get("id") or item.get("section") or item.get("faq") or item.get("testimonial") or item.get("table")
                yield from refs(item.get("items", []))

        expected = list(refs(manifest["items"]))
        ids = read(site / "publications" / view / "index.html").ids
        positions = [ids.index(r) for r in expected]
        assert positions == sorted(positions), f"{view}: items out of manifest order"


def test_industry_table_shows_the_stated_totals(site):
    page = read(site / "status" / "index.html")
    rows = page.tables["industries"]
    assert rows[0] == ["業種", "交流派遣", "交流採用", "合計(人)"]
    assert ["製造業", "6", "89", "95"] in rows
    assert ["建設業", "—", "18", "18"] in rows
    assert rows[-1] == ["計", "26", "397", "423"]
    pamphlet = read(site / "publications" / "pamphlet" / "index.html").tables["industries"]
    assert pamphlet[0] == ["業種", "交流採用", "交流派遣", "計"]
    assert pamphlet[-1] == ["計", "397", "26", "423"]


def test_contacts_table_lists_35_offices(site):
    rows = [row[:3] for row in read(site / "contacts" / "index.html").tables["offices"]]  # the 4th: copy buttons
    assert len(rows) == 1 + 35
    assert ["内閣官房", "内閣総務官室", "03-5253-2111"] in rows
    assert ["会計検査院", "事務総長官房人事課", "03-3581-3251"] == rows[-1]


def test_welfare_table_spans_cells_like_the_pamphlet(site):
    html = (site / "welfare" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="rowgroup" rowspan="4">民間企業内福利厚生制度(※2)</th>' in html
    rows = read(site / "welfare" / "index.html").tables["welfare"]
    assert ["雇用保険", "被保険者資格継続(交流採用期間を所定給付日数算定基礎期間から除外)", "適用なし", "適用なし"] in rows


def test_every_item_says_where_it_comes_from(site):
    faq = read(site / "faq" / "index.html").text
    assert "出典：官民人事交流推進ガイドブック（Q1 8ページ）" in faq
    assert "出典：パンフレット「制度のあらましと体験談」（Q.1 6ページ）、リーフレット「ゼロから始める官民人事交流」（Q.1）" in faq
    voices = read(site / "voices" / "index.html").text
    assert "令和7年1月～2月時点" in voices


def test_pages_declare_their_language_and_request_nothing_from_outside(site):
    for path in glob.glob(str(site / "**" / "*.html"), recursive=True):
        html = Path(path).read_text(encoding="utf-8")
        lang = "en" if Path(path).relative_to(site).parts[0] == "en" else "ja"
        assert f'<html lang="{lang}"' in html, path
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        loaded = re.findall(r'<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]+)"', html)
        loaded += [href for tag, href in re.findall(r'(<link\b[^>]*\bhref="([^"]+)"[^>]*>)', html) if not re.search(r'rel="\s*(canonical|alternate)"', tag)]
        assert loaded, path
        assert not [u for u in loaded if re.match(r"(https?:)?//", u)], path


def test_headings_break_at_phrase_boundaries(site):
    html = (site / "haken-tips" / "index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", html, re.S).group(1)
    assert "<wbr>" in heading
    # no break is offered before closing punctuation, anywhere on the site
    for path in glob.glob(str(site / "**" / "*.html"), recursive=True):
        assert not re.search(r"(<wbr>|<span class=\"kk-phrase\">)[、。」）』]", Path(path).read_text(encoding="utf-8")), path


@pytest.mark.skipif(not COVERAGE.exists(), reason="shared/tools is not beside the repository")
def test_the_site_carries_all_of_the_source(site):
    result = subprocess.run([sys.executable, str(COVERAGE), str(site)], capture_output=True, text=True)
    assert "= 100.0%" in result.stdout, result.stdout
    assert result.returncode == 0


def test_every_heading_has_an_explicit_ascii_id(site):
    bad = []
    for path in glob.glob(str(site / "**" / "index.html"), recursive=True):
        for level, hid, text in read(Path(path)).headings:
            if level > 1 and not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", hid or ""):
                bad.append((Path(path).parent.name, hid, text))
    assert not bad
