"""Renders stored items as Markdown through the templates in overrides/content/.

Each marker in a page (<!-- kk:NAME args -->) is handled by one function below; the
function picks the items, the template says how they look."""
from __future__ import annotations

import re

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from hooks import homes, schema
from hooks.content import Content
from hooks.filecache import CONTENT_TEMPLATES, NO_REUSE
from hooks.texts import TEMPLATES, Output

HEADING = re.compile(r"^(#{1,6})(?=\s)", re.M)
# One environment for every page and language: each template is compiled once (and again
# only when its file changes, under `make serve`); what differs per page is passed in.
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    undefined=StrictUndefined,
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    comment_start_string="{#-jinja",  # `{#id}` is a heading id in these templates
    comment_end_string="jinja-#}",
    cache_size=0 if NO_REUSE else 400,
    bytecode_cache=CONTENT_TEMPLATES,
)
_templates: dict = {}  # for the build under way: Jinja would check each file's time at every use


def new_build() -> None:
    """A build starts: templates edited since the last one are compiled again."""
    _templates.clear()


class MarkerError(Exception):
    """A marker in a page that names something unknown."""


def shift_headings(markdown: str, by: int) -> str:
    """Move every heading of a stored body `by` levels down (### → #### for by=1)."""
    if by == 0:
        return markdown
    return HEADING.sub(lambda m: "#" * min(6, max(1, len(m.group(1)) + by)), markdown)


class Renderer:
    """Renders for one page: a topic page (pub None) or a publication view."""

    def __init__(self, content: Content, page: str, pub: str | None = None, medium: str = "web", lang: str = "ja"):
        self.content = content
        self.lang = lang
        self.ui = content.ui[lang]
        self.out = Output(page=page, pub=pub, medium=medium)
        self.texts = content.texts()
        self.used: set[str] = set()  # the FAQ and testimonial files shown (hooks/incremental.py)
        self.globals = dict(
            text=lambda md: self.texts.render(md, self.out).strip(),
            inline=lambda md: " ".join(self.texts.render(md, self.out).split("\n")).strip(),
            source=self.source_line,
            shift=shift_headings,
            pub=pub,
            lang=lang,
            medium=medium,
            ui=content.ui[lang],
            person=self.person,
            publications=content.publications,
            links=content.links,
            ui_words=content.ui[lang],
        )

    def template(self, name: str, **context) -> str:
        if name not in _templates or NO_REUSE:
            _templates[name] = ENV.get_template(name)
        return _templates[name].render({**self.globals, **context}).strip("\n") + "\n"

    # What a publication calls an item, and where it comes from

    def number_in(self, sources: list[schema.Source]) -> str | None:
        for src in sources:
            if src.publication == self.out.pub:
                return src.number
        return None

    def source_line(self, sources, as_of: str | None = None) -> str:
        """「出典：…」 for topic pages; empty in a publication's own view."""
        if self.out.pub:
            return ""
        parts = []
        for src in sources if isinstance(sources, list) else [sources]:
            pub = self.content.publications[src.publication]
            where = " ".join(filter(None, [src.number, self.page_label(src.page)]))
            parts.append(pub.short_title + (self.ui["where"].format(where) if where else ""))
        line = self.ui["source"] + self.ui["separator"].join(parts)
        return f"{line}{self.ui['as_of_separator']}{self.ui['as_of'].format(as_of)}" if as_of else line

    def page_label(self, page) -> str | None:
        if page is None:
            return None
        return self.ui["page"].format(page) if isinstance(page, int) else str(page)

    def person(self, name: str) -> str:
        """A name with the honorific the language uses (氏 in Japanese, none in English)."""
        return f"{name} {self.ui['honorific']}".strip()

    def _placed(self, kind: str, item_id: str, markdown: str) -> str:
        """An item shown away from its own page is kept out of the search index there."""
        if self.out.medium == "web" and homes.repeated(self.content.homes, kind, item_id, self.out.page, self.out.pub):
            return homes.unindexed(markdown)
        return markdown

    # Marker handlers: each returns Markdown

    def section(self, section_id: str, level: int = 2) -> str:
        section = self.content.sections.get(section_id)
        if section is None:
            raise MarkerError(f"no section '{section_id}' in content/sections/")
        return self._placed("section", section_id, self.template("section.html", s=section, level=level, body_shift=level - 2))

    def faq(self, faq_id: str, level: int = 3) -> str:
        item = self.content.faq.get(faq_id)
        if item is None:
            raise MarkerError(f"no FAQ entry '{faq_id}' in content/faq/")
        self.used.add(self.content.files.get(faq_id, ""))
        return self._placed("faq", faq_id, self.template("faq.html", f=item, level=level, number=self.number_in(item.sources)))

    def faq_all(self, level: int = 2) -> str:
        groups = {key: [f for f in self.content.faq.values() if f.category == key] for key in self.ui["categories"]}
        order = self._faq_order()
        for items in groups.values():
            items.sort(key=lambda f: order.get(f.id, (99, f.id)))
        return self.template("faq-all.html", groups=groups, level=level, render_faq=self.faq)

    def _faq_order(self) -> dict[str, tuple]:
        """Topic pages list FAQ entries in the order the guidebook, then the pamphlet, prints them."""
        order = {}
        for rank, pub in enumerate(("guidebook", "pamphlet", "leaflet")):
            for index, (item, _page) in enumerate(self.content.publications[pub].walk()):
                if item.faq and item.faq not in order:
                    order[item.faq] = (rank, index)
        return order

    def testimonial(self, item_id: str, level: int = 3) -> str:
        item = self.content.testimonials.get(item_id)
        if item is None:
            raise MarkerError(f"no testimonial '{item_id}' in content/testimonials/")
        self.used.add(self.content.files.get(item_id, ""))
        return self._placed("testimonial", item_id, self.template(f"testimonial-{item.kind}.html", t=item, level=level))

    def table(self, name: str, level: int = 2) -> str:
        if name not in self.content.tables:
            raise MarkerError(f"no table '{name}' (known: {', '.join(sorted(self.content.tables))})")
        model = self.content.data[self.content.tables[name][0]]
        return self._placed("table", name, self.template(f"table-{name}.html", d=model, level=level, anchor=name))

    def tool(self, name: str, level: int = 2) -> str:
        from hooks import tools

        try:
            return tools.render(self, name, level)
        except tools.ToolError as err:
            raise MarkerError(str(err)) from None

    def downloads(self, pub_id: str | None = None, level: int = 2) -> str:
        """The PDFs of one publication (its view, in the page's language) or of all three
        in both languages (the publications page), with size and page count."""
        pubs = [pub_id] if pub_id else ["guidebook", "leaflet", "pamphlet"]
        for pub in pubs:
            if pub not in self.content.publications or not self.content.publications[pub].view:
                raise MarkerError(f"no publication '{pub}' with a view to download")
        langs = [self.lang] if pub_id else ["ja", "en"]
        files = [
            {"pub": self.content.publications[pub], "lang": lang, "edition": edition, "name": name, **self.content.downloads[name]}
            for pub in pubs
            for lang in langs
            for edition in ("screen", "print")
            if (name := f"{pub}.{lang}{'.print' if edition == 'print' else ''}.pdf") in self.content.downloads
        ]
        depth = (self.out.page or "").count("/") + (0 if (self.out.page or "").split("/")[-1].startswith("index.") else 1)
        prefix = "../" * (depth + (1 if self.lang != "ja" else 0))
        return self.template("downloads.html", files=files, level=level, prefix=prefix, single=bool(pub_id), anchor=f"downloads-{pub_id or 'all'}")

    def faq_finder(self) -> str:
        return self.template("faq-finder.html")

    def captions(self, level: int = 2) -> str:
        """The Video captions page: every video, its files and length, and the editor reports."""
        from hooks.captions.catalogue import catalogue
        from hooks.captions.stage import qr_name
        from hooks.problems import ContentError

        try:
            cat = catalogue(self.content.root, self.content)
        except ContentError:
            return ""  # the other language's content has problems: its own build reports them
        depth = self.out.page.count("/") + 1 + (self.lang != "ja")
        return self.template("captions.html", cat=cat, level=level, base="../" * depth + "captions/", qr_name=qr_name, lang=self.lang, testimonials=self.content.testimonials)

    def links_list(self, level: int = 2) -> str:
        return self.template("links.html", level=level)

    def publication(self, pub_id: str) -> str:
        pub = self.content.publications.get(pub_id)
        if pub is None or not pub.items:
            raise MarkerError(f"no publication manifest with items for '{pub_id}' in data/publications/")
        return self.template("publication.html", p=pub, render_item=self.render_item)

    def render_item(self, item: schema.ManifestItem, level: int) -> str:
        if item.chapter:
            return self.template("chapter.html", c=item, level=level, render_item=self.render_item)
        return {
            "section": self.section,
            "faq": self.faq,
            "testimonial": self.testimonial,
            "table": self.table,
        }[item.kind](item.ref, level=level)
