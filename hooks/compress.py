"""Page weight: what a reader downloads is published minified, and precompressed for
servers that send .gz/.br files as they are (nginx gzip_static/brotli_static, Caddy
precompressed). HTML loses its indentation only (see minify_page); style sheets and
scripts are minified by minify-html. Theme files the site does not use (Material's lunr search and its worker,
source maps) are not published. Deterministic: the same site gives the same bytes."""
from __future__ import annotations

import functools
import gzip
import hashlib
import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli
import minify_html

# Material's own search (replaced by Pagefind) and the source maps of its bundles.
UNUSED = ("assets/javascripts/lunr", "assets/javascripts/workers")
SOURCE_MAP_COMMENT = re.compile(r"\n?/[/*]# sourceMappingURL=[^\s*]+(?: \*/)?\s*$")
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"}
# Elements whose white space is content, and markup that is kept exactly as written.
VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>|<!--.*?-->)", re.S | re.I)
TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")
BREAK = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")


def minify_page(html: str) -> str:
    """HTML without the indentation a browser ignores. Every run of white space that holds
    a line break, between tags or in text, becomes one line break, which renders the same;
    tags, attributes (their order, quotes, values), character references, and the text of
    pre, textarea, script and style are kept as written, so the page stays the same page
    for the browser, for html-validate, and for anything that reads the HTML."""
    parts = []
    for index, chunk in enumerate(VERBATIM.split(html)):
        if index % 3 == 1:
            parts.append(chunk)  # the verbatim element itself
        elif index % 3 == 0:
            parts.append("".join(piece if piece.startswith("<") else BREAK.sub("\n", piece) for piece in TAG.split(chunk)))
    return "".join(parts).strip() + "\n"


def minify_asset(text: str, kind: str) -> str:
    """A style sheet or script, minified by minify-html inside its element."""
    tag = "style" if kind == ".css" else "script"
    out = minify_html.minify(f"<{tag}>{text}</{tag}>", minify_css=True, minify_js=True, keep_closing_tags=True)
    prefix, suffix = f"<{tag}>", f"</{tag}>"
    if not (out.startswith(prefix) and out.endswith(suffix)):
        return text
    return out[len(prefix):-len(suffix)]


def _brotli(data: bytes, cache: Path | None) -> bytes:
    """Brotli at its best (and slowest) quality, remembered by content in .build/: files
    that did not change since the last build (the theme's, Pagefind's) cost nothing."""
    path = cache / (hashlib.sha256(data).hexdigest() + ".br") if cache else None
    if path and path.exists():
        os.utime(path)  # still in use: kept by the clean-up after the build
        return path.read_bytes()
    packed = brotli.compress(data, quality=11)
    if path:
        path.write_bytes(packed)
    return packed


def _slim(path: Path, cache: Path | None = None) -> None:
    """Minify one file in place (unless it is minified already) and write .gz and .br."""
    kind = path.suffix
    data = path.read_bytes()
    if kind == ".html":
        data = minify_page(data.decode("utf-8")).encode("utf-8")
    elif kind in (".css", ".js"):
        text = SOURCE_MAP_COMMENT.sub("", data.decode("utf-8"))
        if ".min." not in path.name and "pagefind" not in path.parts:
            text = minify_asset(text, kind)
        data = text.encode("utf-8")
    path.write_bytes(data)
    if kind in COMPRESSED:
        # mtime 0 and no file name in the header: the same bytes every build
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(_brotli(data, cache))


def slim_site(site: Path, cache: Path | None = None, workers: int = 2) -> None:
    for unused in UNUSED:
        shutil.rmtree(site / unused, ignore_errors=True)
    for path in site.rglob("*.map"):
        path.unlink()
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in COMPRESSED | {".html"})
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(functools.partial(_slim, cache=cache), files, chunksize=8))


def compress_stage(root: Path, staging: Path, env: dict) -> bool:
    """After the search index is made from the full pages: minify and precompress."""
    cache = root / ".build" / "brotli"
    cache.mkdir(parents=True, exist_ok=True)
    started = time.time()
    slim_site(staging, cache)
    for old in cache.iterdir():  # what this build did not use
        if old.stat().st_mtime < started - 1:
            old.unlink()
    return True
