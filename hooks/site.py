"""MkDocs hooks: load and validate all content before anything renders, then expand the
markers of each page. Content mistakes stop the build with one message, no traceback."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; the package lives beside it
    sys.path.insert(0, str(ROOT))

from hooks import content as content_loader  # noqa: E402
from hooks import filecache, headings, incremental, markers  # noqa: E402
from hooks.problems import ContentError, Problems  # noqa: E402

_content = None
_loaded: dict = {}  # language -> Content, for the build under way
_page_problems = Problems()


def on_config(config):
    """Load content/ and data/ (next to mkdocs.yml) in every language the build makes, once:
    the default language's build comes first and loads them all; the other languages'
    builds, which mkdocs-static-i18n runs inside it, reuse them. Stop at once if any file
    is wrong."""
    global _content, _loaded, _page_problems
    root = Path(config.config_file_path).resolve().parent
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n else "ja"
    lang = (i18n.current_language or default) if i18n else "ja"
    if filecache.NO_REUSE:
        _loaded = {}
    if lang == default or lang not in _loaded:
        _page_problems = Problems()
        incremental.scan(root)
        langs = list(dict.fromkeys([default, *(i18n.build_languages if i18n else [])]))
        langs = [lang] if filecache.NO_REUSE else langs
        try:
            _loaded = content_loader.load_all(root, langs)
        except ContentError as err:
            _loaded = {}
            raise PluginError(str(err)) from None
    _content = _loaded[lang]
    return config


def on_startup(command, dirty):
    incremental.start(command == "serve" and dirty)


@event_priority(-200)  # after mkdocs-static-i18n has given the files their language's paths
def on_files(files, config):
    """Under `make serve`, after an edit: only the pages it touches are rebuilt."""
    incremental.select(files, _content.lang)
    return files


def on_env(env, config, files):
    env.bytecode_cache = filecache.TEMPLATES
    return env


def on_page_markdown(markdown, page, config, files):
    """Expand the page's markers; problems are gathered for all pages, reported after."""
    source = page.file.content_string
    first_line = source[: len(source) - len(markdown)].count("\n") + 1 if source.endswith(markdown) else 1
    used = set()
    expanded = markers.expand(markdown, page.file.src_uri, _content, _page_problems, f"docs/{page.file.src_uri}", first_line, used)
    incremental.record(_content.lang, page.file.src_uri, used)
    return expanded


def on_post_build(config):
    """Every page's marker problems at once; the build (into staging) then fails."""
    try:
        _page_problems.raise_if_any()
    except ContentError as err:
        raise PluginError(str(err)) from None


def on_page_content(html, page, config, files):
    return headings.phrase_break(html, _content.ui[_content.lang]["permalink"])


def on_post_template(output, template_name, config):
    """Every language's build writes the theme's 404.html at the site's root: keep the
    Japanese one (the default language's), which the server returns for any path."""
    if template_name == "404.html" and _content is not None and _content.lang != "ja":
        return ""
    return output


def on_serve(server, config, builder):
    root = Path(config.config_file_path).resolve().parent
    for folder in ("content", "data", "hooks", "overrides"):
        server.watch(str(root / folder))
    return server
