"""The helpers that Markdown fields may call ({{ link() }}, {{ ref() }}, {{ v() }},
{{ tel() }}, {{ email() }}), checked when content loads and resolved for each output."""
from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, nodes
from jinja2.exceptions import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from hooks import attachments
from hooks.filecache import NO_REUSE
from hooks.schema import PUBLICATIONS

HELPERS = ("link", "ref", "v", "tel", "email")
TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "content"
# `{#id}` is a Markdown heading id here, not a Jinja comment: comments get other marks.
ENV = SandboxedEnvironment(
    undefined=StrictUndefined,
    autoescape=False,
    keep_trailing_newline=True,
    comment_start_string="{#-jinja",
    comment_end_string="jinja-#}",
)


@functools.lru_cache(maxsize=16384)
def _compiled(text: str):
    """A field's template, compiled once however many pages and languages show it."""
    return ENV.from_string(text)


@dataclass(frozen=True)
class Output:
    """Where a text is rendered: a topic page (pub None) or a publication's view."""

    page: str | None = None  # source path of the page in docs/, for relative links
    pub: str | None = None
    medium: str = "web"  # web | print (the PDFs: live links, page numbers from the layout)


def check(text: str, known: dict[str, set[str]]) -> list[tuple[int, str]]:
    """Problems in a Markdown field's helper calls, as (line within the text, message)."""
    try:
        tree = ENV.parse(text)
    except TemplateSyntaxError as err:
        return [(err.lineno, f"helper syntax: {err.message}")]
    found = []
    for name in tree.find_all(nodes.Name):
        if name.ctx == "load" and name.name not in (*HELPERS, "pub"):
            found.append((name.lineno, f"unknown helper or variable '{name.name}' (known: {', '.join(HELPERS)}, pub)"))
    for call in tree.find_all(nodes.Call):
        func = call.node.name if isinstance(call.node, nodes.Name) else None
        if func in ("link", "ref", "tel", "email"):
            if not call.args or not isinstance(call.args[0], nodes.Const):
                found.append((call.lineno, f"{func}() takes a quoted name"))
                continue
            value = call.args[0].value
            if known[func] is not None and value not in known[func]:
                found.append((call.lineno, f"{func}(\"{value}\"): no such name (known: {', '.join(sorted(known[func]))})"))
        elif func == "v":
            for kw in call.kwargs:
                if kw.key not in (*PUBLICATIONS, "web"):
                    found.append((call.lineno, f"v(): '{kw.key}' is not a publication id or 'web'"))
            if not call.kwargs:
                found.append((call.lineno, "v() needs at least one wording, e.g. v(leaflet=\"…\", pamphlet=\"…\")"))
    return found


class Texts:
    """Renders Markdown fields for one output."""

    def __init__(self, links, contacts, manifests, targets, ui):
        self.links = links  # name -> Link
        self.contacts = contacts  # id -> Organiser
        self.manifests = manifests  # pub -> Manifest
        self.targets = targets  # target id -> (page src, anchor, title) on topic pages
        self.ui = ui  # the interface words of the language (page numbers, quotes)
        self.attachments = attachments.places(manifests)  # 別添N -> its place on the site

    def render(self, text: str | None, out: Output) -> str:
        if not text:
            return ""
        rendered = self._helpers(text, out)
        if out.page and not out.pub and out.medium == "web":  # 「（別添2）」 links to the guidebook
            rendered = attachments.link(rendered, self.ui, self.attachments, out.page)
        return rendered

    def _helpers(self, text: str, out: Output) -> str:
        if "{{" not in text and "{%" not in text and not NO_REUSE:
            return text  # no helper call: the text is its own output
        return (ENV.from_string(text) if NO_REUSE else _compiled(text)).render(
            pub=out.pub,
            link=lambda name, label=None, bracketed=False: self._link(name, label, out, bracketed),
            ref=lambda target, unit=None: self._ref(target, unit, out),
            v=lambda **wordings: self._variant(wordings, out),
            tel=lambda org: self._tel(org, out),
            email=lambda org: self._email(org, out),
        )

    @staticmethod
    def _anchor(href: str, label: str, out: Output) -> str:
        """A link on topic pages. A publication's view reproduces the printed text, so
        there the label stands alone, as the publication prints it; in print (the PDFs)
        the printed label is a live link."""
        escaped = label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if out.medium == "print":
            return f'<a href="{href}">{escaped}</a>'
        if out.pub:
            return label.replace("<", "&lt;").replace(">", "&gt;")
        return f"[{label}]({href})"

    def _link(self, name: str, label: str | None, out: Output, bracketed: bool = False) -> str:
        """`bracketed`: the publication prints the URL inside <…> within a sentence."""
        url = self.links[name].url
        if bracketed and (out.pub or out.medium == "print") and not label:
            return self._anchor(url, f"<{url}>", out)
        return self._anchor(url, label or url, out)

    def _variant(self, wordings: dict, out: Output) -> str:
        if out.pub in wordings:
            return wordings[out.pub]
        return wordings.get("web", next(iter(wordings.values())))

    def _ref(self, target: str, unit: str | None, out: Output) -> str:
        """A page in a publication (「3ページ」, "page 3", 「裏表紙」); a titled link on the web."""
        if out.pub:
            page = self.manifests[out.pub].page_of(target)
            if page is not None and out.medium == "print":
                return self._print_ref(target, page, unit)
            if page is not None:
                if isinstance(page, int):
                    label = f"{page}{unit}" if unit else self.ui["page"].format(page)
                else:
                    label = str(page).lower() if self.ui["lowercase_labels"] else str(page)
                return self._anchor(f"#{target}", label, out)
        src, anchor, title = self.targets[target]
        quoted = self.ui["quote"].format(title.translate(str.maketrans(self.ui["inner_quotes"])))
        if out.page is None or out.medium == "print":
            return quoted
        here = posixpath.dirname(out.page)
        href = "" if src == out.page else posixpath.relpath(src, here or ".")
        return f"[{quoted}]({href}#{anchor})"

    def _print_ref(self, target: str, page, unit: str | None) -> str:
        """In a PDF the page is the one the target lands on in that PDF (CSS
        target-counter); a label such as 裏表紙 stays a label, linked to its target."""
        if not isinstance(page, int):
            label = str(page).lower() if self.ui["lowercase_labels"] else str(page)
            return f'<a class="kk-ref" href="#{target}">{label}</a>'
        before, _, after = self.ui["page"].partition("{}")
        if unit:
            before, after = "", unit
        return f'<a class="kk-ref kk-ref--page" href="#{target}" data-before="{before}" data-after="{after}"></a>'

    def _tel(self, org: str, out: Output) -> str:
        """The number as the templates show every number (overrides/content/_tel.html)."""
        macro = _template_env().get_template("_tel.html").module.tel
        return str(macro(self.contacts[org].tel, self.ui, link=not (out.pub or out.medium == "print")))

    def _email(self, org: str, out: Output) -> str:
        address = self.contacts[org].email
        return self._anchor(f"mailto:{address}", address, out)


_ENV: Environment | None = None


def _template_env() -> Environment:
    """The templates of overrides/content, for helpers whose output is a template macro."""
    global _ENV
    if _ENV is None:
        _ENV = Environment(
            loader=FileSystemLoader(TEMPLATES),
            undefined=StrictUndefined,
            comment_start_string="{#-jinja",
            comment_end_string="jinja-#}",
        )
    return _ENV
