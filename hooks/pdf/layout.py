"""Lays out one PDF with WeasyPrint, from a fresh document, and checks the layout: a
table wider than the page is a build error."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from hooks.pdf import finish

PRINT = Path(__file__).resolve().parent.parent.parent / "overrides" / "print"
# The CMYK output intent: Artifex's SWOP profile from Debian's libgs-common (AGPL-3+).
PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
SLACK = 0.5  # CSS px a table may exceed the page by (rounding)


@dataclass
class Job:
    name: str  # e.g. leaflet.ja.print.pdf
    pub: str
    lang: str
    edition: str  # screen | print
    html: str
    digest: str  # of everything that goes into the file
    manifest: str
    page_budget: int | None
    budget_line: int | None = None
    titles: dict[str, str] = field(default_factory=dict)  # heading id -> its text


@dataclass
class Result:
    name: str
    data: bytes = b""
    pages: int = 0
    problems: list[tuple[str, int | None, str, str]] = field(default_factory=list)


def stylesheets(edition: str) -> list[str]:
    """The stylesheets' text: print.css, plus press.css for the print edition."""
    sheets = [(PRINT / "print.css").read_text(encoding="utf-8")]
    if edition == "print":
        sheets.append((PRINT / "press.css").read_text(encoding="utf-8").replace("url(cmyk.icc)", f"url({PROFILE.as_uri()})"))
    return sheets


def _overflows(box, right: float, file: str | None, found: list):
    element = getattr(box, "element", None)
    if element is not None and getattr(box, "element_tag", None) and hasattr(element, "get"):
        file = element.get("data-file") or file
    if type(box).__name__ == "TableBox":
        over = box.position_x + box.margin_width() - right
        if over > SLACK:
            caption = "".join(element.itertext()).strip()[:40] if element is not None else ""
            found.append((file, over, caption))
            return
    for child in getattr(box, "children", []) or []:
        _overflows(child, right, file, found)


def check_layout(document, job: Job) -> list[tuple[str, int | None, str, str]]:
    """Both editions share one layout (the same trim): the screen edition reports."""
    problems = []
    if job.edition != "screen":
        return problems
    seen = set()
    for page in document.pages:
        box = page._page_box
        right = box.content_box_x() + box.width
        found = []
        _overflows(box, right, None, found)
        for file, over, caption in found:
            if (file, caption) in seen:
                continue
            seen.add((file, caption))
            problems.append((file or job.manifest, None, "table", f"the table 「{caption}」 is {over * 25.4 / 96:.1f} mm wider than the page in {job.name}; shorten its columns or split it"))
    return problems


def render(job: Job) -> Result:
    """One PDF, in its own fresh document (nothing shared between outputs)."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fonts, profiles = FontConfiguration(), {}
    css = [CSS(string=text, base_url=str(PRINT) + "/", font_config=fonts, color_profiles=profiles) for text in stylesheets(job.edition)]
    document = HTML(string=job.html, base_url=str(PRINT) + "/").render(stylesheets=css, font_config=fonts, color_profiles=profiles)
    problems = check_layout(document, job)
    if problems:
        return Result(job.name, problems=problems)
    identifier = job.digest[:32].encode()  # the file ID: from the content, not random
    if job.edition == "screen":
        data = finish.screen(document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=identifier), job.titles)
    else:
        data = finish.press(document.write_pdf(pdf_variant="pdf/x-4", pdf_identifier=identifier), job.digest)
    return Result(job.name, data=data, pages=len(document.pages))
