"""Each source file is read and parsed once: by the first language that needs it, reused
by the other (the English overlay lays itself over the parsed Japanese file), and kept
under `make serve` until the file changes, so a rebuild re-reads only what was edited.

KK_NO_REUSE=1 turns every such reuse off (here, in hooks/site.py, render.py and texts.py):
the build then reads, parses and compiles everything for each language and page, which
must give the same site byte for byte (tests/test_publish.py holds it to that)."""
from __future__ import annotations

import functools
import os
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache

from hooks.problems import Problems

NO_REUSE = bool(os.environ.get("KK_NO_REUSE"))


def memo(loader):
    """`loader(path, rel, problems, ...)`, remembered by the file's size and modification
    time. A file with problems is never remembered: it is read again, and reported again."""
    cache: dict = {}

    @functools.wraps(loader)
    def load(path: Path, rel: str, problems: Problems, *args, **kwargs):
        if NO_REUSE:
            return loader(path, rel, problems, *args, **kwargs)
        try:
            stat = path.stat()
        except OSError:
            return loader(path, rel, problems, *args, **kwargs)
        key = (str(path), rel, args, tuple(sorted(kwargs.items())))
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        hit = cache.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        before = len(problems.items)
        result = loader(path, rel, problems, *args, **kwargs)
        if result is not None and len(problems.items) == before:
            cache[key] = (stamp, result)
        else:
            cache.pop(key, None)
        return result

    load.cache = cache
    return load


class TemplateCache(BytecodeCache):
    """Compiled templates, kept in memory (the English build and every rebuild under
    `make serve` reuse what the first compiled) and in .build/jinja/ for the next build.
    Jinja checks each template's source, so an edited template is compiled again. One
    cache per environment: two environments compile the same file differently."""

    def __init__(self, name: str):
        self.store: dict[str, bytes] = {}
        self.folder = Path(__file__).resolve().parent.parent / ".build" / "jinja" / f"{name}-{jinja2.__version__}"

    def load_bytecode(self, bucket):
        data = self.store.get(bucket.key)
        if data is None:
            try:
                data = self.store[bucket.key] = (self.folder / bucket.key).read_bytes()
            except OSError:
                return
        bucket.bytecode_from_string(data)  # Jinja compiles anew if the source has changed

    def dump_bytecode(self, bucket):
        data = self.store[bucket.key] = bucket.bytecode_to_string()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f"{bucket.key}.{os.getpid()}"
            tmp.write_bytes(data)
            os.replace(tmp, self.folder / bucket.key)
        except OSError:  # a read-only checkout: compiled again next time
            pass


TEMPLATES = None if NO_REUSE else TemplateCache("theme")
CONTENT_TEMPLATES = None if NO_REUSE else TemplateCache("content")
