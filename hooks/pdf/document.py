"""The HTML a PDF is laid out from: a publication's stored items in manifest order,
rendered through the item templates of overrides/content/ (the print medium: live links,
page references from the layout) and the print template overrides/print/publication.html.
Never the site's Material page."""
from __future__ import annotations

import datetime
import html
import io
import re
from html import escape, unescape
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import segno
from urllib.parse import quote
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from hooks import headings, schema
from hooks.content import Content
from hooks.render import Renderer

PRINT = Path(__file__).resolve().parent.parent.parent / "overrides" / "print"
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]
_ERA = re.compile(r"令和(\d+|元)年(?:(\d+)月)?")
_TITLE = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")
# A block's own title: its table's caption or its first heading.
_CAPTION = re.compile(r'id="([^"]+)"[^>]*>\s*(?:<table>\s*<caption>|<h[1-6][^>]*>)(.*?)</(?:caption|h[1-6])>', re.S)


@dataclass
class Part:
    """One stored item as printed, with the file it comes from (for messages)."""

    file: str
    field: str
    text: str


@dataclass
class Publication:
    pub: str
    lang: str
    html: str
    title: str
    page_budget: int | None
    manifest: str  # data/publications/<pub>.yml
    parts: list[Part] = field(default_factory=list)


def edition_date(pub: schema.Publication, fallback_epoch: str) -> str:
    """The date printed on the edition (令和8年1月 → 2026-01-01); the last commit's date
    for publications that print none."""
    match = _ERA.search(pub.edition or "")
    if match:
        year = 2018 + (1 if match.group(1) == "元" else int(match.group(1)))
        return f"{year:04}-{int(match.group(2) or 1):02}-01T00:00:00+09:00"
    moment = datetime.datetime.fromtimestamp(int(fallback_epoch or 0), datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


# The ink of the QR codes: K only in the print edition.
INK = {"screen": "#000", "print": "device-cmyk(0 0 0 1)"}


def qr_svg(url: str, edition: str) -> str:
    """A QR code (segno) as an SVG data URI, in the edition's black."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="svg", scale=4, border=2, dark="#000001", xmldecl=False, nl=False)
    svg = buffer.getvalue().decode().replace('"#000001"', f'"{INK[edition]}"')
    return "data:image/svg+xml;charset=utf-8," + quote(svg)


class PrintRenderer(Renderer):
    """The site's renderer in the print medium; each item is wrapped with the file it
    comes from, and its text is kept for the glyph check."""

    def __init__(self, content: Content, pub: str, lang: str):
        super().__init__(content, page=None, pub=pub, medium="print", lang=lang)
        self.parts: list[Part] = []

    def file_of(self, item: schema.ManifestItem) -> str:
        if item.kind == "table":
            return f"data/{self.content.tables[item.table][0]}.yml"
        if item.kind == "chapter":
            return f"data/publications/{self.out.pub}.yml"
        return self.content.files[item.ref]

    def render_item(self, item: schema.ManifestItem, level: int) -> str:
        text = super().render_item(item, level)
        kind = "chapter" if item.chapter else item.kind
        self.parts.append(Part(self.file_of(item), kind, item.chapter if item.chapter else text))
        return f'<div class="kk-item kk-item--{kind}" data-file="{self.file_of(item)}" markdown>\n\n{text}\n</div>\n'


def _html(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS, extension_configs={"toc": {"permalink": False}})


def _spans(text: str) -> str:
    """Text between tags: Japanese as nowrap phrases; anything else breaks at spaces."""
    chunks = headings.phrases(unescape(text)) if not text.startswith("<") else [text]
    if len(chunks) == 1:
        return text
    return "".join(f'<span class="kk-phrase">{escape(chunk, quote=False)}</span>' for chunk in chunks)


def _phrases(html: str) -> str:
    """Headings break only between phrases: one nowrap span per phrase (WeasyPrint
    ignores <wbr> and word-break: keep-all)."""

    def heading(match):
        inner = "".join(_spans(part) for part in re.split(r"(<[^>]+>)", match.group(3)))
        return f"<h{match.group(1)}{match.group(2)}>{inner}</h{match.group(1)}>"

    return _TITLE.sub(heading, html)


def titles(page: str) -> dict[str, str]:
    """Every heading's id and text: what an internal link leads to, for screen readers."""
    found = {}
    for anchor, caption in _CAPTION.findall(page):
        found[anchor] = re.sub(r"\s+", " ", html.unescape(_TAG.sub("", caption))).strip()
    for _level, attrs, inner in _TITLE.findall(page):
        anchor = _ID.search(attrs)
        if anchor:
            found[anchor.group(1)] = re.sub(r"\s+", " ", html.unescape(_TAG.sub("", inner))).strip()
    return found


def _contents(body: str, ids: set[str]) -> list[dict]:
    """The table of contents: the body's level-2 headings of chapters and sections."""
    entries = []
    for level, attrs, inner in _TITLE.findall(body):
        found = _ID.search(attrs)
        if level == "2" and found and found.group(1) in ids:
            entries.append({"id": found.group(1), "title": html.unescape(_TAG.sub("", inner)).strip()})
    return entries


def build(content: Content, pub_id: str, lang: str, site_url: str, epoch: str, edition: str = "screen") -> Publication:
    pub = content.publications[pub_id]
    ui = content.ui[lang]
    renderer = PrintRenderer(content, pub_id, lang)
    placed = {"cover": [], "contents": [], "back-cover": [], None: []}
    for item in pub.items:
        placed[item.print].append(item)

    def block(items):
        return _phrases(_html("\n".join(renderer.render_item(i, 2) for i in items)))

    body = block(placed[None])
    base = site_url.rstrip("/") + ("/en" if lang == "en" else "")
    online = [
        {"label": ui["print_online_view"], "url": f"{base}/publications/{pub.view}/"},
        {"label": ui["print_online_faq"], "url": f"{base}/faq/"},
        {"label": ui["print_online_contacts"], "url": f"{base}/contacts/"},
    ]
    for entry in online:
        entry["qr"] = qr_svg(entry["url"], edition)
    env = Environment(loader=FileSystemLoader(PRINT), undefined=StrictUndefined, autoescape=select_autoescape(["html"]))
    page = env.get_template("publication.html").render(
        p=pub,
        lang=lang,
        edition=edition,
        ui=ui,
        title=pub.title,
        authors=pub.issuer,
        date=edition_date(pub, epoch),
        cover=Markup(block(placed["cover"])),
        contents=_contents(body, {i.ref for i in placed[None] if i.kind in ("chapter", "section")}) if placed["contents"] else [],
        body=Markup(body),
        back=Markup(block(placed["back-cover"])),
        online=online,
    )
    manifest = f"data/publications/{pub_id}.yml"
    parts = renderer.parts + [Part(manifest, "title", pub.title), Part(manifest, "issuer", pub.issuer), Part("data/ui.yml", lang, str(ui.model_dump()))]
    return Publication(pub_id, lang, page, pub.title, pub.page_budget, manifest, parts)
