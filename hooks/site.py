"""MkDocs hooks: load and validate all content before anything renders, then expand the
markers of each page. Content mistakes stop the build with one message, no traceback."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; the package lives beside it
    sys.path.insert(0, str(ROOT))

from hooks import content as content_loader  # noqa: E402
from hooks import filecache, headings, incremental, markdowncheck, markers, redirects, render, safety  # noqa: E402
from hooks.problems import ContentError, Problems  # noqa: E402

_content = None
_loaded: dict = {}  # language -> Content, for the build under way
_page_problems = Problems()
_ids: dict[str, set[str]] = {}  # page (docs path, as in Japanese) -> the ids on it
_links: list[tuple[str, int, str, str, str]] = []  # (file, line, target as written, page, anchor)
_alternates = None  # the languages' links, while a 404 page shows home links instead
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
    incremental.start(command == "serve" and dirty)


def on_config(config):
    """Load content/ and data/ (next to mkdocs.yml) in every language the build makes, once:
    the default language's build comes first and loads them all; the other languages'
    builds, which mkdocs-static-i18n runs inside it, reuse them. Stop at once if any file
    is wrong."""
    global _content, _loaded, _page_problems
    root = Path(config.config_file_path).resolve().parent
    _page_problems = Problems()
    _ids.clear()
    _links.clear()
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n else "ja"
    lang = (i18n.current_language or default) if i18n else "ja"
    if filecache.NO_REUSE:
        _loaded = {}
    if lang == default or lang not in _loaded:
        render.new_build()
        incremental.scan(root)
        langs = list(dict.fromkeys([default, *(i18n.build_languages if i18n else [])]))
        langs = [lang] if filecache.NO_REUSE else langs
        try:
            _loaded = content_loader.load_all(root, langs)
        except ContentError as err:
            _loaded = {}
            raise PluginError(str(err)) from None
    _content = _loaded[lang]
    _content.downloads = _downloads()
    incremental.reuse_theme_listing(config)
    return config


def _page_key(src_uri: str) -> str:
    """The page's path as the Japanese page's (about.en.md -> about.md)."""
    return src_uri.replace(f".{_content.lang}.md", ".md") if _content and _content.lang != "ja" else src_uri


def _downloads() -> dict:
    """The PDFs' figures (size, pages) written by the PDF stage (hooks/pdf), which runs
    before the site; none in the live preview, which renders no PDFs."""
    folder = os.environ.get("KK_DOWNLOADS")
    if not folder or not (Path(folder) / "downloads.json").exists():
        return {}
    return json.loads((Path(folder) / "downloads.json").read_text(encoding="utf-8"))


@event_priority(-200)  # after mkdocs-static-i18n has given the files their language's paths
def on_files(files, config):
    """Under `make serve`, after an edit: only the pages it touches are rebuilt."""
    incremental.select(files, _content.lang)
    return files


def on_page_markdown(markdown, page, config, files):
    """Expand the page's markers; problems are gathered for all pages, reported after.
    The page's own links are noted with their lines, for the anchor check (on_env); the
    stored files it shows, for the live preview's partial rebuilds."""
    source = page.file.content_string
    first_line = source[: len(source) - len(markdown)].count("\n") + 1 if source.endswith(markdown) else 1
    path = f"docs/{page.file.src_uri}"
    for line, target in markdowncheck.links(markdown):
        resolved = markdowncheck.relative_target(_page_key(page.file.src_uri), target)
        if resolved and resolved[1]:
            _links.append((path, first_line + line - 1, target, *resolved))
    used = set()
    expanded = markers.expand(markdown, page.file.src_uri, _content, _page_problems, path, first_line, used)
    incremental.record(_content.lang, page.file.src_uri, used)
    return expanded


def on_page_content(html, page, config, files):
    """Phrase-broken headings; the content is then run through the sanitizer (the last net)."""
    html = headings.phrase_break(html, _content.ui[_content.lang]["permalink"])
    problems, _ids[_page_key(page.file.src_uri)] = safety.checked_content(html)
    for message in problems:
        _page_problems.add(f"docs/{page.file.src_uri}", None, "", message)
    return html


def on_env(env, config, files):
    """Every page's content exists: check the anchors of the pages' links, at the line
    where each is written, before MkDocs's own check (strict mode stays as a second net).
    Compiled theme templates are shared by every language's build."""
    env.bytecode_cache = filecache.TEMPLATES
    for path, line, target, page, anchor in _links:
        if page in _ids and anchor not in _ids[page]:
            where = "this page" if page == _page_key(path.removeprefix("docs/")) else page
            _page_problems.add(path, line, "", f"the link to '{target}' goes to no heading or item: {where} has no id '{anchor}'")
    try:
        _page_problems.raise_if_any()
    except ContentError as err:
        raise PluginError(str(err)) from None
    return env


def on_post_page(output, page, config):
    """Headings' text around the body (navigation, table of contents) breaks as they do;
    then the final HTML: no script address, event handler or inline script; no id twice."""
    output = headings.phrase_break_chrome(output)
    for message in safety.page_problems(output, page.content, _ids.get(_page_key(page.file.src_uri), set())):
        _page_problems.add(f"docs/{page.file.src_uri}", None, "", message)
    return output


def on_post_build(config):
    """Every page's marker problems at once; the build (into staging) then fails. Then
    the redirect pages of moved pages, in every language. Under `make serve` the caption
    files are written too (preview sheets with PREVIEWS=1), unless the edit changed no
    testimonial."""
    try:
        _page_problems.raise_if_any()
    except ContentError as err:
        raise PluginError(str(err)) from None
    i18n = config.plugins.get("i18n")
    languages = [lang.locale for lang in i18n.config.languages] if i18n else ["ja"]
    redirects.write_pages(config, languages)
    if _content is not None and _content.lang == "ja" and _content.downloads:
        # the PDFs the pages link, from the PDF stage (which runs before the site)
        target = Path(config.site_dir) / "downloads"
        target.mkdir(parents=True, exist_ok=True)
        for name in sorted(_content.downloads):
            shutil.copyfile(Path(os.environ["KK_DOWNLOADS"]) / name, target / name)
    if _serving and _content is not None and _content.lang == "ja" and incremental.touched("content/testimonials/"):
        from hooks.captions.stage import write

        write(_content.root, Path(config.site_dir) / "captions", previews=os.environ.get("PREVIEWS") == "1")


def on_page_context(context, page, config, nav):
    """The interface words (data/ui.yml) for the theme's templates, and whether this is the live preview."""
    if _content is not None:
        context["kk_ui"] = _content.ui[_content.lang]
    context["kk_live_preview"] = _serving
    return context


def on_template_context(context, template_name, config):
    """The interface words (data/ui.yml) for the theme's own pages, such as 404.html."""
    global _alternates
    if _content is not None:
        context["kk_ui"] = _content.ui[_content.lang]
    context["kk_live_preview"] = _serving
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if template_name == "404.html" and alternates:
        # a missing page has no counterpart: the switcher offers each language's home
        _alternates = alternates
        home = lambda alt: "/" if alt["lang"] == alternates[0]["lang"] else f"/{alt['lang']}/"  # noqa: E731
        _set_alternates(config, [{**alt, "link": home(alt)} for alt in alternates])
    return context


def _set_alternates(config, alternates):
    """The language switcher's links (mkdocs-static-i18n sets them as item and attribute)."""
    config.extra["alternate"] = alternates
    config.extra.alternate = alternates


def on_post_template(output, template_name, config):
    """Every language's build writes the theme's 404.html at the site's root: the Japanese
    one stays there (/404.html); each other language's goes to its folder (/en/404.html)."""
    global _alternates
    if _alternates is not None:
        _set_alternates(config, _alternates)
        _alternates = None
    if template_name == "404.html":
        output = headings.phrase_break_chrome(output)
    if template_name == "404.html" and _content is not None and _content.lang != "ja":
        target = Path(config.site_dir) / _content.lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""
    return output


def on_serve(server, config, builder):
    root = Path(config.config_file_path).resolve().parent
    for folder in ("content", "data", "hooks", "overrides"):
        server.watch(str(root / folder))
    return server
