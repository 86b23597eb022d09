"""The twelve PDFs of the real build, opened and checked as a reader, a screen reader and
a print shop meet them: fonts, tags, boxes, output intent, bookmarks, text order, page
references; and the publication pages that link them."""
from __future__ import annotations

import collections
import re
import subprocess
from decimal import Decimal
from functools import cache
from html import unescape
from pathlib import Path

import pikepdf
import pytest

from hooks import content as content_loader
from hooks.texts import Output
from tests.conftest import ROOT
from tests.html import read

PUBS = ("guidebook", "leaflet", "pamphlet")
LANGS = ("ja", "en")
SCREEN = [f"{p}.{lang}.pdf" for p in PUBS for lang in LANGS]
PRINT = [f"{p}.{lang}.print.pdf" for p in PUBS for lang in LANGS]
A4 = (Decimal("595.28"), Decimal("841.89"))
BLEED = Decimal(3 * 72) / Decimal("25.4")


@cache
def loaded(lang: str):
    return content_loader.load(ROOT, lang)


def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-f", str(first), "-l", str(last)] if first else []) + [str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_all_twelve_are_written(site):
    assert sorted(p.name for p in (site / "downloads").glob("*.pdf")) == sorted(SCREEN + PRINT)


@pytest.mark.parametrize("name", SCREEN + PRINT)
def test_every_font_is_embedded_and_subset_with_unicode(site, name):
    out = subprocess.run(["pdffonts", str(site / "downloads" / name)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    assert rows
    for row in rows:
        emb, sub, uni = row[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
        assert re.match(r"^[A-Z]{6}\+", row[0]), row
    assert any("BIZ-UD" in row[0] for row in rows)


@pytest.mark.parametrize("name", SCREEN)
def test_screen_editions_are_tagged_with_language_title_and_edition_date(site, name):
    pub, lang = name.split(".")[:2]
    with pikepdf.open(site / "downloads" / name) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == lang
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        manifest = loaded(lang).publications[pub]
        assert str(pdf.docinfo.Title) == manifest.title
        assert str(pdf.docinfo.Author) == manifest.issuer
        if pub == "guidebook":  # its edition: 令和8年1月
            assert str(pdf.docinfo.CreationDate).startswith("D:20260101")
        with pdf.open_metadata() as meta:
            assert meta.get("pdfuaid:part") == "1"
        # every internal link tells a screen reader where it leads, by the target's title
        links = [a for page in pdf.pages for a in page.obj.get("/Annots", []) if "/Dest" in a]
        assert links and all(str(a.Contents) not in ("", str(a.Dest)) for a in links)


@pytest.mark.parametrize("name", PRINT)
def test_print_editions_have_trim_bleed_marks_and_a_cmyk_output_intent(site, name):
    with pikepdf.open(site / "downloads" / name) as pdf:
        for page in pdf.pages:
            trim = [Decimal(str(v)) for v in page.obj.TrimBox]
            bleed = [Decimal(str(v)) for v in page.obj.BleedBox]
            media = [Decimal(str(v)) for v in page.obj.MediaBox]
            assert (round(trim[2] - trim[0], 2), round(trim[3] - trim[1], 2)) == A4
            assert all(abs(d) < Decimal("0.01") for d in (trim[0] - bleed[0] - BLEED, trim[1] - bleed[1] - BLEED, bleed[2] - trim[2] - BLEED, bleed[3] - trim[3] - BLEED))
            assert media[0] < bleed[0] and media[1] < bleed[1] and media[2] > bleed[2] and media[3] > bleed[3]
        intents = pdf.Root.OutputIntents
        assert [str(i.S) for i in intents] == ["/GTS_PDFX"]
        assert int(intents[0].DestOutputProfile.N) == 4
        with pdf.open_metadata() as meta:
            assert meta.get("pdfxid:GTS_PDFXVersion") == "PDF/X-4"


def _text_colours(page) -> collections.Counter:
    """The fill colour each text-showing operator paints with."""
    colours, fill, space, in_text = collections.Counter(), None, "/DeviceGray", False
    spaces = {"k": "/DeviceCMYK", "rg": "/DeviceRGB", "g": "/DeviceGray"}
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "cs":
            space = str(operands[0])
        elif op in ("k", "rg", "g", "sc", "scn"):
            fill = (spaces.get(op, space), tuple(round(float(v), 3) for v in operands if not isinstance(v, pikepdf.Name)))
        elif op == "BT":
            in_text = True
        elif op == "ET":
            in_text = False
        elif in_text and op in ("Tj", "TJ", "'", '"'):
            colours[fill] += 1
    return colours


@pytest.mark.parametrize("name", ["pamphlet.ja.print.pdf", "guidebook.en.print.pdf"])
def test_black_text_of_the_print_edition_is_k_only(site, name):
    colours = collections.Counter()
    with pikepdf.open(site / "downloads" / name) as pdf:
        for page in pdf.pages[1:]:
            colours += _text_colours(page)
    assert colours.most_common(1)[0][0] == ("/DeviceCMYK", (0.0, 0.0, 0.0, 1.0))
    for (space, values), _count in colours.items():
        assert space == "/DeviceCMYK", f"text painted in {space} {values}: not CMYK"
        c, m, y, k = values
        assert not (k > 0 and c == m == y and c > 0), f"grey or black text built from four inks: {values}"


def _headings_in_order(pub: str, lang: str) -> list[str]:
    """Chapter titles and FAQ questions, as this publication words them, in manifest order."""
    content = loaded(lang)
    texts, out = content.texts(), Output(pub=pub, medium="print")
    titles = []
    for item, _page in content.publications[pub].walk():
        if item.print in ("cover", "contents"):
            continue
        if item.chapter:
            titles.append(item.chapter)
        elif item.faq:
            titles.append(texts.render(content.faq[item.faq].question, out))
    return [re.sub(r"<[^>]+>|\*\*", "", t) for t in titles]


@pytest.mark.parametrize("pub", PUBS)
@pytest.mark.parametrize("lang", LANGS)
def test_text_holds_the_faq_questions_and_chapters_in_manifest_order(site, pub, lang):
    text = squeeze(text_of(site / "downloads" / f"{pub}.{lang}.pdf"))
    position = 0
    for title in _headings_in_order(pub, lang):
        key = squeeze(title)[:18]
        found = text.find(key, position)
        assert found >= 0, f"{key!r} missing or out of order in {pub}.{lang}.pdf"
        position = found


@pytest.mark.parametrize("pub", PUBS)
@pytest.mark.parametrize("lang", LANGS)
def test_bookmarks_follow_the_chapters(site, pub, lang):
    with pikepdf.open(site / "downloads" / f"{pub}.{lang}.pdf") as pdf, pdf.open_outline() as outline:
        top = [squeeze(o.title) for o in outline.root]
    content = loaded(lang)
    chapters = [squeeze(i.chapter) for i in content.publications[pub].items if i.chapter]
    cover = next(i for i in content.publications[pub].items if i.print == "cover")
    # the first bookmark is the cover, by the title it prints in bold
    assert top[0] == squeeze(re.search(r"\*\*(.+?)\*\*", content.sections[cover.ref].body).group(1))
    assert [t for t in top if t in chapters] == chapters
    assert len(top) >= 4


def _page_references(pdf_path: Path) -> list[tuple[int, str, int]]:
    """(page the reference is on, target, page it names) for every printed page reference."""
    found = []
    with pikepdf.open(pdf_path) as pdf:
        for index, page in enumerate(pdf.pages):
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") != "/Link" or "/Dest" not in annot:
                    continue
                x1, y1, x2, y2 = (float(v) for v in annot.Rect)
                height = float(page.obj.MediaBox[3])
                out = subprocess.run(
                    ["pdftotext", "-enc", "UTF-8", "-f", str(index + 1), "-l", str(index + 1), "-x", str(int(x1)), "-y", str(int(height - max(y1, y2))),
                     "-W", str(int(abs(x2 - x1)) + 1), "-H", str(int(abs(y2 - y1)) + 1), str(pdf_path), "-"],
                    capture_output=True, text=True, check=True).stdout
                number = re.search(r"(?:page\s*(\d+))|(\d+)(?:ページ|頁)", out)
                if number:
                    found.append((index + 1, str(annot.Dest), int(number.group(1) or number.group(2))))
    return found


@pytest.mark.parametrize("name", ["pamphlet.ja.pdf", "pamphlet.en.pdf", "leaflet.ja.pdf"])
def test_page_references_name_the_page_that_holds_their_target(site, name):
    pdf_path = site / "downloads" / name
    references = _page_references(pdf_path)
    lang = name.split(".")[1]
    content = loaded(lang)
    targets = {r[1] for r in references}
    assert targets - {"contents"}, "no page reference found"
    for _on, target, page in references:
        if target in content.sections and content.sections[target].title_in(name.split(".")[0]):
            title = squeeze(re.sub(r"<[^>]+>", "", content.sections[target].title_in(name.split(".")[0])))
        elif target in content.tables:
            title = squeeze(content.tables[target][1])
        else:
            continue
        assert title[:12] in squeeze(text_of(pdf_path, page, page)), f"page {page} of {name} does not hold {target}"


def test_the_pamphlet_sends_readers_to_its_back_cover(site):
    text = squeeze(text_of(site / "downloads" / "pamphlet.ja.pdf"))
    assert "裏表紙をご参照ください" in text or "裏表紙をご覧ください" in text


def test_no_japanese_line_starts_with_closing_punctuation(site):
    for pub in PUBS:
        lines = text_of(site / "downloads" / f"{pub}.ja.pdf").splitlines()
        bad = [line for line in lines if line and line[0] in "、。，．）」』】！？ぁぃぅぇぉっゃゅょ"]
        assert not bad, f"{pub}: {bad[:3]}"


@pytest.mark.parametrize("lang, prefix", [("ja", ""), ("en", "en/")])
def test_each_publication_view_links_its_pdfs_with_size_and_pages(site, lang, prefix):
    for pub in PUBS:
        page = site / prefix / "publications" / pub / "index.html"
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+\.pdf)"[^>]*>.*?</a> <span class="kk-meta">(.*?)</span>', html)
        assert [Path(h).name for h, _ in links] == [f"{pub}.{lang}.pdf", f"{pub}.{lang}.print.pdf"]
        for href, figures in links:
            target = (page.parent / href).resolve()
            assert target.is_file(), href
            with pikepdf.open(target) as pdf:
                pages = len(pdf.pages)
            assert str(pages) in figures
            size = target.stat().st_size
            shown = f"{size / 1e6:.1f}\xa0MB" if size >= 1e6 else f"{round(size / 1e3)}\xa0KB"
            assert shown in unescape(figures)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_publications_page_lists_all_twelve(site, prefix):
    page = site / prefix / "publications" / "index.html"
    hrefs = [h for h in read(page).hrefs if h.endswith(".pdf")]
    assert sorted(Path(h).name for h in hrefs) == sorted(SCREEN + PRINT)
    assert all((page.parent / h).resolve().is_file() for h in hrefs)
