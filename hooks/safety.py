"""The last net, on the final HTML of every page: nothing unsafe reaches a reader even if
every earlier check missed it.

- The page's content (what Markdown and the content templates made) is run through nh3
  (Ammonia) with the site's allowlist (hooks/rawhtml.py); content the sanitizer would
  change is an error.
- The whole page (the theme's parts too): no script URL (javascript:, data:, vbscript:…),
  no inline event handler, no inline <script> (the Content-Security-Policy allows only the
  site's own script files), and no id twice."""
from __future__ import annotations

import difflib
from html.parser import HTMLParser

import nh3

from hooks import rawhtml
from hooks.markdowncheck import scheme_of

URL_ATTRS = {"href", "src", "action", "formaction", "poster", "cite", "data", "xlink:href", "background"}
DATA_SCRIPTS = {"application/json", "application/ld+json"}


class _Tokens(HTMLParser):
    """The page as a list of comparable tokens (tags with sorted attributes, and text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list[str] = []

    def handle_starttag(self, tag, attrs):
        shown = "".join(f' {k}="{v or ""}"' for k, v in sorted(attrs))
        self.tokens.append(f"<{tag}{shown}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.tokens.append(f"</{tag}>")

    def handle_data(self, data):
        if data.strip():
            self.tokens.append(data.strip())


def _tokens(html: str) -> list[str]:
    reader = _Tokens()
    reader.feed(html)
    reader.close()
    return reader.tokens


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
    before, after = _tokens(html), _tokens(sanitize(html))
    if before == after:
        return []
    changed = [line[2:] for line in difflib.ndiff(before, after) if line.startswith("- ")]
    return [f"the page's HTML holds {token[:120]}, which is not allowed (allowed tags and attributes: hooks/rawhtml.py)" for token in changed[:5]]


class _PageReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an inline event handler ({name}); scripts go in files under docs/assets/")
            elif name in URL_ATTRS and value and scheme_of(value) not in (None, *rawhtml.URL_SCHEMES):
                self.problems.append(f"<{tag} {name}=\"{value[:60]}\">: a {scheme_of(value)}: address is not allowed")
        if tag == "script" and not attrs.get("src") and attrs.get("type") not in DATA_SCRIPTS:
            self.problems.append("an inline <script>: the Content-Security-Policy allows only script files (put it under docs/assets/)")
        if "id" in attrs:
            if attrs["id"] in self.ids:
                self.problems.append(f"the id '{attrs['id']}' is used twice on the page")
            self.ids.add(attrs["id"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def page_problems(output: str) -> list[str]:
    reader = _PageReader()
    reader.feed(output)
    reader.close()
    return reader.problems


def ids_of(html: str) -> set[str]:
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader.ids
