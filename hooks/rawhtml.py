"""The site's one HTML allowlist: which tags, attributes and URL schemes may appear.

- What editors may write as raw HTML in content (`WRITTEN`), and pages' layouts (`PAGE_LAYOUT`);
- what a page's content may hold once Markdown and the templates of overrides/content
  have rendered it (`RENDERED`): the last net (hooks/safety.py) runs nh3 with it on every
  page, and content the sanitizer would change fails the build."""
from __future__ import annotations

import re

from hooks.markdowncheck import ALLOWED_SCHEMES

URL_SCHEMES = set(ALLOWED_SCHEMES)  # https, http, mailto, tel; relative links have none
# Raw HTML editors may write in content, with its attributes.
ALLOWED = {"br", "wbr", "span", "sup", "sub"}
ALLOWED_ATTRS = {"span": {"lang"}, "div": {"class", "markdown"}}
# Pages (docs/) may also lay out blocks (cards, grids) with <div>.
PAGE_LAYOUT = ALLOWED | {"div"}
# Rendered page content: Markdown's output (with the extensions in mkdocs.yml) and the
# content templates' (tables with spanning cells, the FAQ finder's and the tools' forms,
# dates, and the 業種別 chart drawn as inline SVG).
SVG = {"svg", "title", "desc", "defs", "pattern", "g", "rect", "text", "line", "path"}
RENDERED = PAGE_LAYOUT | SVG | {
    "a", "abbr", "article", "blockquote", "br", "button", "caption", "code", "dd", "details",
    "dl", "dt", "em", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "input", "label", "legend", "li", "ol", "p", "pre", "section", "strong",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "ul",
}
RENDERED_ATTRS = {
    "*": {"id", "class", "lang", "title", "hidden", "role", "tabindex"},
    "a": {"href", "hreflang", "download", "type"},
    "abbr": {"title"},
    "button": {"type"},
    "details": {"open"},
    "input": {"type", "autocomplete", "placeholder", "inputmode", "min", "name", "required", "step", "value"},
    "time": {"datetime"},
    # SVG, as written (nh3 matches SVG's mixed-case attribute names exactly)
    "svg": {"viewBox", "xmlns", "font-size"},
    "pattern": {"width", "height", "patternUnits", "patternTransform"},
    "rect": {"x", "y", "width", "height", "fill", "stroke"},
    "line": {"x1", "y1", "x2", "y2", "stroke"},
    "path": {"d", "fill", "stroke"},
    "text": {"x", "y", "font-weight", "text-anchor"},
    "label": {"for"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
# Attributes by prefix: data-* (Pagefind, the finder), aria-* (accessibility).
RENDERED_PREFIXES = {"data-", "aria-"}

TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
ATTR = re.compile(r"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
CODE = re.compile(r"`[^`\n]*`")


def check_raw_html(text: str, allowed: set[str] = ALLOWED) -> list[tuple[int, str]]:
    """(line within text, message) for each tag outside the allowlist."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        line = CODE.sub("", line)
        for match in TAG.finditer(line):
            closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
            if name.startswith(("http", "mailto")) or ":" in name:
                continue  # an autolink such as <https://…>
            if name not in allowed:
                problems.append((number, f"raw HTML <{name}> is not allowed (allowed: {', '.join(sorted(allowed))})"))
                continue
            if closing:
                continue
            for attr, _value in ATTR.findall(rest.strip(" /")):
                if attr.lower() not in ALLOWED_ATTRS.get(name, set()):
                    problems.append((number, f"attribute '{attr}' is not allowed on <{name}>"))
    return problems
