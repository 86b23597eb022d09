"""Every video with its editor reports, from both languages' content: what the build
stage writes and what the Video captions page lists. Computed once per set of inputs:
kept in memory, and in .build/captions-plan.pickle with the hash of everything it is
made from (its input files, the build code, the pinned packages, the site's address)."""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from hooks import content as content_loader
from hooks.captions.reports import Locator, Report, reports_for
from hooks.captions.timing import READING
from hooks.captions.videos import Video, plan

INPUTS = ("content/testimonials", "data/ui.yml", "data/links.yml", "data/contacts.yml", "data/publications", "docs")
CODE = Path(__file__).resolve().parent.parent  # hooks/
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
    url = os.environ.get("SITE_URL") or _configured_url(root / "mkdocs.yml", (root / "mkdocs.yml").stat().st_mtime_ns)
    url = url if url.endswith("/") else url + "/"
    return {"ja": url, "en": url + "en/"}


@functools.lru_cache(maxsize=8)
def _configured_url(config_file: Path, _stamp: int) -> str:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Config) or {}
    return config.get("site_url") or ""


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
    """All videos and reports; `loaded` reuses the languages already loaded (a Content)."""
    key = (str(root), _stamp(root), tuple(site_urls(root).items()), tuple(READING.items()))
    if key not in _memo:
        digest, kept = _digest(root), root / ".build" / "captions-plan.pickle"
        made = _read_kept(kept, digest)
        if made is None:
            have = {**loaded.languages, loaded.lang: loaded} if loaded is not None else {}
            ja = have.get("ja") or content_loader.load(root, "ja")
            en = have.get("en") or content_loader.load(root, "en")
            urls = site_urls(root)
            videos = plan(ja, en, urls)
            locator = Locator(root, ja.files)
            reports = sorted({r for v in videos for r in reports_for(v, locator, ja.ui)})
            made = Catalogue(videos, reports, urls)
            _keep(kept, digest, made)
        _memo.clear()
        _memo[key] = made
    return _memo[key]


def _digest(root: Path) -> str:
    """The hash of everything the catalogue is made from."""
    h = hashlib.sha256(repr((sorted(site_urls(root).items()), sorted(READING.items()))).encode())
    inputs = [(Path(f), Path(f).relative_to(root).as_posix()) for f, *_ in _stamp(root)]
    code = [(f, f.relative_to(CODE.parent).as_posix()) for f in [*sorted(CODE.rglob("*.py")), CODE.parent / "requirements.lock"]]
    for f, name in inputs + code:
        if f.is_file():
            h.update(f"{name}\0{len(data := f.read_bytes())}\0".encode() + data)
    return h.hexdigest()


def _read_kept(path: Path, digest: str) -> Catalogue | None:
    try:
        with path.open("rb") as f:
            kept_digest, made = pickle.load(f)
        return made if kept_digest == digest else None
    except Exception:  # none yet, or from another version: made again
        return None


def _keep(path: Path, digest: str, made: Catalogue) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}")
        tmp.write_bytes(pickle.dumps((digest, made), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:  # a read-only checkout: made again next time
        pass


def file_name(video_id: str, lang: str, ext: str) -> str:
    return f"{video_id}.{lang}.{ext}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]", "-", text.lower())
