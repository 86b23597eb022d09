"""MkDocs hooks: load and validate all content before anything renders, then expand the
markers of each page. Content mistakes stop the build with one message, no traceback."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; the package lives beside it
    sys.path.insert(0, str(ROOT))

from hooks import content as content_loader  # noqa: E402
from hooks import headings, markers  # noqa: E402
from hooks.problems import ContentError, Problems  # noqa: E402

_content = None


def on_config(config):
    """Load content/ and data/ (next to mkdocs.yml) and check every page's markers."""
    global _content
    root = Path(config.config_file_path).resolve().parent
    try:
        _content = content_loader.load(root)
        problems = Problems()
        markers.check_pages(Path(config.docs_dir), _content, problems)
        problems.raise_if_any()
    except ContentError as err:
        raise PluginError(str(err)) from None
    return config


def on_page_markdown(markdown, page, config, files):
    return markers.expand(markdown, page.file.src_uri, _content)


def on_page_content(html, page, config, files):
    return headings.phrase_break(html)


def on_serve(server, config, builder):
    root = Path(config.config_file_path).resolve().parent
    for folder in ("content", "data", "hooks", "overrides"):
        server.watch(str(root / folder))
    return server
