"""Every video with its editor reports, from both languages' content: what the build
stage writes and what the Video captions page lists (computed once per set of inputs)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from hooks import content as content_loader
from hooks.captions.reports import Locator, Report, reports_for
from hooks.captions.timing import READING
from hooks.captions.videos import Video, plan

INPUTS = ("content/testimonials", "data/ui.yml", "data/links.yml", "data/contacts.yml", "data/publications", "docs")
_memo: dict = {}


@dataclass
class Catalogue:
    videos: list[Video]
    reports: list[Report]
    urls: dict[str, str]


class _Config(yaml.SafeLoader):
    pass


_Config.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None)
_Config.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_urls(root: Path) -> dict[str, str]:
    """The site's address (SITE_URL, as in mkdocs.yml) for each language's home page."""
    url = os.environ.get("SITE_URL")
    if not url:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Config) or {}
        url = config.get("site_url") or ""
    url = url if url.endswith("/") else url + "/"
    return {"ja": url, "en": url + "en/"}


def _stamp(root: Path) -> tuple:
    files = []
    for name in INPUTS:
        path = root / name
        for f in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if f.is_file():
                stat = f.stat()
                files.append((str(f), stat.st_mtime_ns, stat.st_size))
    return tuple(files)


def catalogue(root: Path, loaded=None) -> Catalogue:
    """All videos and reports; `loaded` reuses a language already loaded (a Content)."""
    key = (str(root), _stamp(root), tuple(site_urls(root).items()), tuple(READING.items()))
    if key not in _memo:
        ja = loaded if loaded is not None and loaded.lang == "ja" else content_loader.load(root, "ja")
        en = loaded if loaded is not None and loaded.lang == "en" else content_loader.load(root, "en")
        urls = site_urls(root)
        videos = plan(ja, en, urls)
        locator = Locator(root, ja.files)
        reports = sorted({r for v in videos for r in reports_for(v, locator, ja.ui)})
        _memo.clear()
        _memo[key] = Catalogue(videos, reports, urls)
    return _memo[key]


def file_name(video_id: str, lang: str, ext: str) -> str:
    return f"{video_id}.{lang}.{ext}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]", "-", text.lower())
