"""Named markers in pages (<!-- kk:NAME args -->) say where stored content goes; the
renderer says how it looks. An unknown marker or name fails the build, naming the page."""
from __future__ import annotations

from hooks.content import MARKER, Content
from hooks.problems import Problems
from hooks.rawhtml import PAGE_LAYOUT, check_raw_html
from hooks.render import MarkerError, Renderer



def _call(renderer: Renderer, kind: str, args: list[str]) -> str:
    positional = [a for a in args if "=" not in a]
    options = dict(a.split("=", 1) for a in args if "=" in a)
    level = int(options.pop("level", 0)) or None
    extra = {"level": level} if level else {}
    if options:
        raise MarkerError(f"unknown option(s) {', '.join(options)}")
    handlers = {
        "section": renderer.section,
        "faq": renderer.faq,
        "faq-all": renderer.faq_all,
        "faq-finder": renderer.faq_finder,
        "testimonial": renderer.testimonial,
        "table": renderer.table,
        "links": renderer.links_list,
        "captions": renderer.captions,
        "tool": renderer.tool,
        "downloads": renderer.downloads,
        "publication": lambda pub, **kw: _view(renderer, pub).publication(pub),
    }
    if kind not in handlers:
        raise MarkerError(f"unknown marker 'kk:{kind}' (known: {', '.join('kk:' + k for k in handlers)})")
    try:
        return handlers[kind](*positional, **extra)
    except TypeError:
        raise MarkerError(f"'kk:{kind}' takes {'no name' if kind in ('faq-all', 'faq-finder', 'links', 'captions') else 'one name'}") from None


def _view(renderer: Renderer, pub: str) -> Renderer:
    """A publication's own view, inside a page; what it shows counts as the page's."""
    view = Renderer(renderer.content, renderer.out.page, pub=pub, lang=renderer.lang)
    view.used = renderer.used
    return view


def expand(markdown: str, page: str, content: Content, problems: Problems, path: str, first_line: int = 1,
           used: set[str] | None = None) -> str:
    """The page's Markdown with every marker replaced by the content it names; a marker
    that names something unknown is reported (file and line) and left out. `used`
    collects the FAQ and testimonial files the page showed."""
    renderer = Renderer(content, page, lang=content.lang)
    if used is not None:
        renderer.used = used

    def replace(match):
        try:
            return _call(renderer, match.group(1), match.group(2).split())
        except MarkerError as err:
            problems.add(path, first_line + markdown[: match.start()].count("\n"), "", str(err))
            return ""

    for line, message in check_raw_html(MARKER.sub("", markdown), allowed=PAGE_LAYOUT):
        problems.add(path, first_line + line - 1, "", message)
    return MARKER.sub(replace, markdown)
