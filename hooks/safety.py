"""The last net, on the final HTML of every page: nothing unsafe reaches a reader even if
every earlier check missed it.

- The page's content (what Markdown and the content templates made) is run through nh3
  (Ammonia) with the site's allowlist (hooks/rawhtml.py); content the sanitizer would
  change is an error.
- The whole page (the theme's parts too): no script URL (javascript:, data:, vbscript:…),
  no inline event handler, no inline <script> (the Content-Security-Policy allows only the
  site's own script files), and no id twice.

Pages are read with Lexbor (selectolax), an HTML parser that follows the HTML standard as
browsers do, so that the checks see what a browser would, quickly enough for pages of
thousands of entries."""
from __future__ import annotations

import difflib

import nh3
from selectolax.lexbor import LexborHTMLParser

from hooks import rawhtml
from hooks.markdowncheck import scheme_of

URL_ATTRS = {"href", "src", "action", "formaction", "poster", "cite", "data", "xlink:href", "background"}
DATA_SCRIPTS = {"application/json", "application/ld+json"}


def _elements(html: str, text: bool = False):
    """The document's nodes in order (text nodes too with text=True), the contents of
    <template> elements included (scripts clone them into the page)."""
    for node in LexborHTMLParser(html).root.traverse(include_text=text):
        yield node
        if node.tag == "template":
            inner = node.html
            yield from _elements(inner[inner.index(">") + 1: inner.rindex("<")], text)


def _count_ids(values, seen: set[str]) -> list[str]:
    """Add each id to `seen`; the ids met a second time, in order."""
    twice = []
    for value in values:
        if value in seen:
            twice.append(value)
        seen.add(value)
    return twice


def _twice(values: list[str]) -> list[str]:
    return [f"the id '{value}' is used twice on the page" for value in values]


class _Read:
    """A page as a list of comparable tokens (tags with sorted attributes, and text), with
    its ids and the ids it uses twice."""

    def __init__(self, html: str):
        self.tokens: list[str] = []
        self.ids: set[str] = set()
        self.twice: list[str] = []
        for node in _elements(html, text=True):
            if node.tag == "-text":
                if data := node.text_content.strip():
                    self.tokens.append(data)
                continue
            attrs = node.attributes
            self.twice += _count_ids([attrs["id"]] if attrs.get("id") else [], self.ids)
            if node.tag not in ("html", "head", "body"):  # implied by the parser around any text
                self.tokens.append(f"<{node.tag}" + "".join(f' {k}="{v or ""}"' for k, v in sorted(attrs.items())) + ">")


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=rawhtml.RENDERED,
        attributes=rawhtml.RENDERED_ATTRS,
        generic_attribute_prefixes=rawhtml.RENDERED_PREFIXES,
        url_schemes=rawhtml.URL_SCHEMES,
        link_rel=None,
        strip_comments=False,
    )


def content_problems(html: str) -> list[str]:
    """What the sanitizer would remove or change in a page's content, if anything."""
    return checked_content(html)[0]


def checked_content(html: str) -> tuple[list[str], set[str]]:
    """What the sanitizer would remove or change in a page's content, and the content's ids
    (for the links' anchor check), in one reading."""
    document = LexborHTMLParser(html)
    if document.html == LexborHTMLParser(sanitize(html)).html:  # the sanitizer would change nothing
        ids: set[str] = set()
        twice = _count_ids([v for node in document.css("[id]") if (v := node.attributes.get("id"))], ids)
        return _twice(twice), ids
    page = _Read(html)
    problems = _twice(page.twice)
    before, after = page.tokens, _Read(sanitize(html)).tokens
    if before == after:
        return problems, page.ids
    changed = [line[2:] for line in difflib.ndiff(before, after) if line.startswith("- ")]
    return problems + [f"the page's HTML holds {token[:120]}, which is not allowed (allowed tags and attributes: hooks/rawhtml.py)" for token in changed[:5]], page.ids


def page_problems(output: str, content: str = "", content_ids: set[str] = frozenset()) -> list[str]:
    """The whole page's problems. When the page holds `content`, already checked (see
    checked_content: whatever the sanitizer passes has no script address, handler or
    script), only the rest is read, with the content's ids counted as already used."""
    problems: list[str] = []
    ids: set[str] = set()
    if content and content in output:
        output = output.replace(content, "", 1)
        ids = set(content_ids)
    for node in _elements(output):
        attrs, tag = node.attributes, node.tag
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"<{tag}> has an inline event handler ({name}); scripts go in files under docs/assets/")
            elif name in URL_ATTRS and value and scheme_of(value) not in (None, *rawhtml.URL_SCHEMES):
                problems.append(f"<{tag} {name}=\"{value[:60]}\">: a {scheme_of(value)}: address is not allowed")
        if tag == "script" and not attrs.get("src") and attrs.get("type") not in DATA_SCRIPTS:
            problems.append("an inline <script>: the Content-Security-Policy allows only script files (put it under docs/assets/)")
        problems += _twice(_count_ids([attrs["id"]] if "id" in attrs else [], ids))
    return problems
