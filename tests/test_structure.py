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


class _Attachments(HTMLParser):
    """Text of the page's content (not the navigation) mentioning 別添N / Attachment N,
    and the link it is the text of, if any."""

    def __init__(self, label: re.Pattern):
        super().__init__(convert_charrefs=True)
        self.label, self.links, self.found, self.skip, self.article = label, [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        self.article += tag == "article"
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
        if tag in ("script", "style", "title"):
            self.skip += 1

    def handle_endtag(self, tag):
        self.article -= tag == "article"
        if tag == "a" and self.links:
            self.links.pop()
        if tag in ("script", "style", "title") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.article and not self.skip:
            for match in self.label.finditer(data):
                self.found.append((match.group(0), self.links[-1] if self.links else None))


LABELS = {"ja": re.compile(r"別添\s?\d+"), "en": re.compile(r"Attachment \d+")}
WHERE = {"1": "initiatives/#hearing", "2": "publications/guidebook/", "3": "publications/leaflet/", "4": "publications/pamphlet/", "5": "initiatives/#session-report-heading"}


def test_every_attachment_reference_links_to_where_the_site_carries_it(site):
    seen = {"ja": set(), "en": set()}
    for path in pages(site):
        rel = path.relative_to(site).as_posix()
        lang = "en" if rel.startswith("en/") else "ja"
        parser = _Attachments(LABELS[lang])
        parser.feed(path.read_text(encoding="utf-8"))
        for label, href in parser.found:
            assert href, f"{rel}: 「{label}」 is not a link"
            number = re.search(r"\d+", label).group(0)
            resolved = urljoin(f"http://site/{rel}", href).removeprefix("http://site/").replace("index.html", "")
            expected = ("en/" if lang == "en" else "") + WHERE[number]
            assert resolved == expected, (rel, label, href)
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
