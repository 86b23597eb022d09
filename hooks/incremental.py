"""`make serve`: after an edit, rebuild only the pages it touches, where MkDocs allows.

MkDocs' dirty build (`mkdocs serve --dirty`) skips every page whose output is newer than
its Markdown. Pages draw on content/ and data/ through their markers, which MkDocs does
not know about, so this module keeps, for each page and language, the FAQ entries and
testimonials its markers showed. After an edit to such files (the everyday edit), the
pages that showed them lose their output and are rebuilt; the others are kept. Any other
change (data, sections, templates, pages, a file added or removed) rebuilds every page.
State lives here, in an imported module, because MkDocs reloads its hook file each build."""
from __future__ import annotations

import logging
import os
from pathlib import Path

TRACKED = ("content/faq/", "content/testimonials/")
WATCHED = ("content", "data", "docs", "overrides", "hooks")

dirty = False
_stamps: dict[str, tuple] = {}
_changed: set[str] | None = None  # None: every page is to be rebuilt
_uses: dict[tuple[str, str], set[str]] = {}
_listings: dict[tuple, list[str]] = {}  # the theme's static files, as MkDocs listed them


class _DirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build, which --strict would count as a failure."""

    def filter(self, record):
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def start(is_dirty: bool) -> None:
    global dirty
    dirty = is_dirty
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


def scan(root: Path) -> None:
    """Once a build: which source files changed since the last one."""
    global _stamps, _changed
    now = {}
    for folder in WATCHED:
        for dirpath, _dirs, names in os.walk(root / folder):
            for name in names:
                path = Path(dirpath) / name
                stat = path.stat()
                now[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    if not _stamps or set(now) != set(_stamps):
        _changed = None
    else:
        edited = {rel for rel, stamp in now.items() if stamp != _stamps[rel]}
        tracked = all(rel.startswith(TRACKED) for rel in edited)
        _changed = {rel.replace(".en.", ".") for rel in edited} if tracked else None
    _stamps = now


def select(files, lang: str) -> None:
    """In a dirty build, drop the output of the pages the edit touches, so MkDocs rebuilds them."""
    if not dirty:
        return
    for file in files.documentation_pages():
        uses = _uses.get((lang, file.src_uri))
        if _changed is None or uses is None or uses & _changed:
            try:
                os.remove(file.abs_dest_path)
            except FileNotFoundError:
                pass


def reuse_theme_listing(config) -> None:
    """In a dirty build, the theme's static files are listed as in the build before (MkDocs
    walks every file of the theme, its thousands of icons too, twice a build), unless the
    edit went beyond the FAQ entries and testimonials."""
    if not dirty:
        return
    get_env = config.theme.get_env
    key = (tuple(config.theme.dirs), tuple(config.theme.static_templates))

    def env_with_listing():
        env = get_env()
        listed = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            if extensions is not None or getattr(filter_func, "__qualname__", "") != "Files.add_files_from_theme.<locals>.filter":
                return listed(extensions, filter_func)
            if _changed is None or key not in _listings:
                _listings[key] = listed(filter_func=filter_func)
            return list(_listings[key])

        env.list_templates = list_templates
        return env

    config.theme.get_env = env_with_listing


def touched(prefix: str) -> bool:
    """Whether the last edit may have changed files under `prefix` (always, outside a dirty build)."""
    return not dirty or _changed is None or any(rel.startswith(prefix) for rel in _changed)


def record(lang: str, page: str, used: set[str]) -> None:
    _uses[(lang, page)] = used
