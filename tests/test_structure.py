"""The shape of pages as readers meet it: publication views where every section's headings
sit under that section's own heading, no page title repeated as a heading, and every
reference to one of the memo's attachments (別添N, "Attachment N") linked to its place."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from hooks import content as content_loader
from tests.conftest import ROOT
from tests.html import read
from tests.test_validation import edit, failed_build, line_of

VIEWS = ["publications/guidebook", "publications/leaflet", "publications/pamphlet"]
HEADING_ID = re.compile(r"^#{1,6} .*\{#([a-z0-9-]+)", re.M)


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "pagefind" not in p.parts)


@pytest.fixture(scope="module", params=["ja", "en"])
def loaded(request):
    return request.param, content_loader.load(ROOT, request.param)


@pytest.mark.parametrize("view", VIEWS)
def test_every_section_of_a_publication_view_heads_its_own_headings(site, loaded, view):
    """A section shown without a heading leaves its sub-headings under the heading before
    it (the guidebook's オンボーディング実例 under ヒント04), unless its content says the
    publication prints it so (`titles: {guidebook: null}`)."""
    lang, content = loaded
    pub = view.split("/")[-1]
    page = read(site / ("en/" if lang == "en" else "") / view / "index.html")
    owner = {}  # heading id -> the section whose body holds it
    for section in content.sections.values():
        if section.titles.get(pub, "") is None:
            continue  # printed under the heading before it, on purpose
        for hid in HEADING_ID.findall(section.body):
            owner[hid] = section.id
    chapter_of = {}  # an item -> the chapter holding it, whose heading may head it

    def walk(items, chapter):
        for item in items:
            chapter_of[item.ref] = chapter
            walk(item.items, item.id if item.chapter else chapter)

    walk(content.publications[pub].items, None)
    stack: list[tuple[int, str]] = []
    for level, hid, text in page.headings:
        while stack and stack[-1][0] >= level:
            stack.pop()
        if hid in owner:
            parents = [p for _l, p in stack]
            mine = owner[hid] in parents or any(owner.get(p) == owner[hid] for p in parents)
            assert mine or (parents and parents[-1] == chapter_of.get(owner[hid])), (
                f"{view}: 「{text}」 ({hid}) of section {owner[hid]} sits under {parents[-1] if parents else 'the page title'}"
            )
        stack.append((level, hid))


def test_no_page_repeats_its_title_as_a_heading(site):
    for path in pages(site):
        page = read(path)
        titles = [t for level, _i, t in page.headings if level == 1]
        assert len(titles) == 1, path
        title = titles[0]
        bare = re.sub(r"^(リーフレット|パンフレット|Leaflet|Pamphlet)\s*", "", title).strip("「」“”\" ")
        for level, hid, text in page.headings:
            if level > 1:
                assert text not in (title, bare), f"{path.relative_to(site)}: {hid} repeats the page title 「{text}」"


BLOCKS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6"}


class _Attachments(HTMLParser):
    """In the page's content (not the navigation): each mention of 別添N / Attachment N,
    with the block it is in, whether that block is a heading, and the link it is the text
    of (if any); and the links of every block."""

    def __init__(self, label: re.Pattern):
        super().__init__(convert_charrefs=True)
        self.label, self.links, self.skip, self.article = label, [], 0, 0
        self.blocks: list[tuple[int, str]] = []  # open blocks: (number, tag)
        self.count = 0
        self.found: list[tuple[int, bool, str, str | None]] = []
        self.hrefs: dict[int, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        self.article += tag == "article"
        if tag in BLOCKS:
            self.count += 1
            self.blocks.append((self.count, tag))
        if tag == "a":
            href = dict(attrs).get("href")
            self.links.append((href, dict(attrs).get("class") or ""))
            for number, _tag in self.blocks:
                self.hrefs.setdefault(number, []).append(href)
        if tag in ("script", "style", "title"):
            self.skip += 1

    def handle_endtag(self, tag):
        self.article -= tag == "article"
        if tag in BLOCKS and self.blocks:
            self.blocks.pop()
        if tag == "a" and self.links:
            self.links.pop()
        if tag in ("script", "style", "title") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.article and not self.skip and self.blocks:
            number, tag = self.blocks[-1]
            href, cls = self.links[-1] if self.links else (None, "")
            if "kk-see" in cls:
                return  # the link that follows a sentence mentioning the attachment
            for match in self.label.finditer(data):
                self.found.append((number, tag[0] == "h" and tag[1:].isdigit(), match.group(0), href))


LABELS = {"ja": re.compile(r"別添\s?\d+"), "en": re.compile(r"Attachment \d+")}
WHERE = {"1": "initiatives/#hearing", "2": "publications/guidebook/", "3": "publications/leaflet/", "4": "publications/pamphlet/", "5": "initiatives/#session-report-heading"}


def test_every_attachment_reference_links_to_where_the_site_carries_it(site):
    """In a heading the reference is the link; in running text, the sentence keeps its
    printed words and its paragraph links to the attachment."""
    seen = {"ja": set(), "en": set()}
    for path in pages(site):
        rel = path.relative_to(site).as_posix()
        lang = "en" if rel.startswith("en/") else "ja"
        parser = _Attachments(LABELS[lang])
        parser.feed(path.read_text(encoding="utf-8"))
        resolve = lambda href: urljoin(f"http://site/{rel}", href).removeprefix("http://site/").replace("index.html", "")  # noqa: E731
        for block, heading, label, href in parser.found:
            number = re.search(r"\d+", label).group(0)
            expected = ("en/" if lang == "en" else "") + WHERE[number]
            if heading:
                assert href and resolve(href) == expected, f"{rel}: 「{label}」 in a heading is not a link to {expected}"
            else:
                assert expected in [resolve(h) for h in parser.hrefs.get(block, []) if h], f"{rel}: 「{label}」 has no link to {expected} beside it"
            page, _, anchor = expected.partition("#")
            assert not anchor or anchor in read(site / page / "index.html").ids
            seen[lang].add(number)
    assert seen["ja"] == set(WHERE) and seen["en"] == set(WHERE)  # 別添1–5 on 推進の取組, both languages


def test_a_reference_to_an_attachment_the_site_lacks_is_named(project: Path):
    path = project / "content" / "sections" / "initiatives-continued.md"
    line = edit(path, "（別添5）", "（別添6）")
    out = failed_build(project)
    assert f"content/sections/initiatives-continued.md:{line}: body: 「別添6」: no publication is attachment 6" in out
    assert "Traceback" not in out
