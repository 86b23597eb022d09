"""The PDFs: each publication (guidebook, leaflet, pamphlet) in each language, as a screen
edition (PDF/UA-1) and a print edition (PDF/X-4 with bleed and トンボ), twelve files.

Rendering runs in parallel processes, one per core. A PDF is laid out again only when
what goes into it changed: the digest of its HTML, stylesheets, ICC profile, fonts and
renderer code is kept beside the cached file (.build/pdf/NAME.sha256), and a file whose
digest matches is reused as it is (the same bytes a fresh render gives)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pikepdf
import weasyprint

from hooks import content as content_loader
from hooks import textchecks
from hooks.pdf import document, glyphs, layout
from hooks.problems import ContentError, Problems

PUBLICATIONS = ("guidebook", "leaflet", "pamphlet")
LANGUAGES = ("ja", "en")
EDITIONS = ("screen", "print")
CODE = Path(__file__).resolve().parent


def file_name(pub: str, lang: str, edition: str) -> str:
    return f"{pub}.{lang}{'.print' if edition == 'print' else ''}.pdf"


def site_url(root: Path) -> str:
    """The public address, as the site reads it (mkdocs.yml, or SITE_URL)."""
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml_load(handle)["site_url"]


def _fixed_digest() -> str:
    """What every PDF depends on besides its HTML: code, stylesheets, profile, fonts."""
    digest = hashlib.sha256(f"{weasyprint.__version__} {pikepdf.__version__}".encode())
    for path in sorted(CODE.glob("*.py")) + sorted(layout.PRINT.glob("*")) + [layout.PROFILE] + [Path(f) for f in glyphs.FONTS]:
        if path.is_file():
            digest.update(path.name.encode() + (path.read_bytes() if path.stat().st_size < 1 << 20 else str(path.stat().st_size).encode()))
    return digest.hexdigest()


class NotLoaded(Exception):
    """The content has mistakes: nothing to print until they are fixed."""


def jobs(root: Path, pubs, epoch: str, problems: Problems) -> list[layout.Job]:
    url, fixed, found = site_url(root), _fixed_digest(), []
    try:  # both languages at once: each file parsed once
        loaded = content_loader.load_all(root, list(LANGUAGES))
    except ContentError as err:
        raise NotLoaded(str(err)) from None
    for lang in LANGUAGES:
        content = loaded[lang]
        for pub in pubs:
            for edition in EDITIONS:
                doc = document.build(content, pub, lang, url, epoch, edition)
                for part in doc.parts:
                    for char in glyphs.missing(part.text):
                        file, line, field = _where(content, part, char)
                        problems.add(file, line, field, f"{glyphs.describe(char)} has no glyph in the PDFs' fonts (BIZ UD, Noto CJK); it would print as an empty box")
                digest = hashlib.sha256((fixed + edition + doc.html).encode()).hexdigest()
                located = content.files[doc.manifest]
                found.append(layout.Job(file_name(pub, lang, edition), pub, lang, edition, doc.html, digest, doc.manifest, doc.page_budget, located.line(("page_budget",)), document.titles(doc.html)))
    return found


def _where(content, part: document.Part, char: str) -> tuple[str, int | None, str]:
    """The file, line and field that hold a character, for the message."""
    for rel, line, field, text in textchecks.markdown_fields(content):
        if rel == part.file and char in text:
            return rel, line, field
    return part.file, None, part.field


def render_all(root: Path, out: Path, pubs=PUBLICATIONS, epoch: str = "0", workers: int | None = None) -> dict:
    """Render (or reuse) the PDFs into `out`; returns {name: {bytes, pages}}. Raises
    ContentError listing every problem (missing glyphs, overflowing tables, budgets)."""
    problems = Problems()
    todo = jobs(root, pubs, epoch, problems)
    problems.raise_if_any()
    cache = root / ".build" / "pdf"
    cache.mkdir(parents=True, exist_ok=True)
    stale = [j for j in todo if not _cached(cache, j)]
    results = {}
    if stale:
        with ProcessPoolExecutor(max_workers=workers or min(len(stale), os.cpu_count() or 1)) as pool:
            for result in pool.map(layout.render, stale):
                results[result.name] = result
    for job in stale:
        result = results[job.name]
        for file, line, field, message in result.problems:
            problems.add(file, line, field, message)
        if not result.problems:
            (cache / job.name).write_bytes(result.data)
            (cache / f"{job.name}.json").write_text(json.dumps({"digest": job.digest, "pages": result.pages}), encoding="utf-8")
    problems.raise_if_any()
    info = {}
    for job in todo:
        meta = json.loads((cache / f"{job.name}.json").read_text(encoding="utf-8"))
        info[job.name] = {"bytes": (cache / job.name).stat().st_size, "pages": meta["pages"]}
        if job.page_budget and job.edition == "screen" and meta["pages"] > job.page_budget:
            problems.add(job.manifest, job.budget_line, "page_budget", f"{job.name} runs to {meta['pages']} pages; its budget is {job.page_budget} (shorten the content or raise page_budget)")
    problems.raise_if_any()
    out.mkdir(parents=True, exist_ok=True)
    for job in todo:
        shutil.copyfile(cache / job.name, out / job.name)
    print(f"PDFs: {len(stale)} rendered, {len(todo) - len(stale)} unchanged", file=sys.stderr)
    return info


def _cached(cache: Path, job: layout.Job) -> bool:
    meta = cache / f"{job.name}.json"
    if not (cache / job.name).exists() or not meta.exists():
        return False
    return json.loads(meta.read_text(encoding="utf-8")).get("digest") == job.digest


def pdf_stage(root: Path, staging: Path, env: dict) -> bool:
    """The twelve PDFs into .build/downloads/, with downloads.json (size and page count
    of each) for the site stage, which links them from the publication pages and copies
    them into site/downloads/. This stage runs before the site so that the pages are
    rendered once, through their templates, with the real figures (no patching of built
    HTML); the figures depend only on the PDFs' bytes, so builds stay reproducible."""
    out = root / ".build" / "downloads"
    shutil.rmtree(out, ignore_errors=True)
    try:
        info = render_all(root, out, epoch=env.get("SOURCE_DATE_EPOCH", "0"))
    except NotLoaded:
        return True  # the site stage reports the content's problems, with every page's
    except ContentError as err:
        print(str(err), file=sys.stderr)
        return False
    (out / "downloads.json").write_text(json.dumps(info, sort_keys=True, indent=1), encoding="utf-8")
    env["KK_DOWNLOADS"] = str(out)
    return True
