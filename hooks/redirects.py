"""Moved pages (mkdocs-redirects, `redirect_maps` in mkdocs.yml): the plugin writes the
redirect page of the default language only, with an inline script. After each build this
writes every language's redirect page from overrides/redirect.html instead: a canonical
link and a meta refresh, plus docs/assets/redirect.js (no inline script) to keep #anchors."""
from __future__ import annotations

import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from mkdocs_redirects.plugin import get_html_path, get_relative_html_path

OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


def write_pages(config, languages: list[str]) -> None:
    plugin = config.plugins.get("redirects")
    maps = plugin.config.get("redirect_maps", {}) if plugin else {}
    if not maps:
        return
    template = Environment(loader=FileSystemLoader(OVERRIDES), autoescape=True).get_template("redirect.html")
    site = Path(config.site_dir)
    urls = config.use_directory_urls
    for old, new in maps.items():
        old_html = get_html_path(old, urls)
        if new.lower().startswith(("http://", "https://")):
            target = new
        else:
            path, _, anchor = new.partition("#")
            html = get_html_path(path, urls)
            url = html[: -len("index.html")] if urls and html.endswith("index.html") else html
            target = get_relative_html_path(old, url + (f"#{anchor}" if anchor else ""), urls)
        depth = old_html.count("/")
        for lang in languages:
            prefix = "" if lang == languages[0] else f"{lang}/"
            path = site / prefix / old_html
            path.parent.mkdir(parents=True, exist_ok=True)
            script = posixpath.join(*([".."] * (depth + (1 if prefix else 0))), "assets", "redirect.js") if depth or prefix else "assets/redirect.js"
            path.write_text(template.render(target=target, lang=lang, script=script), encoding="utf-8")
