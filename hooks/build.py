"""`make build`: one pipeline with a stage per output, built into a staging folder and then
swapped into site/.

Each stage is a function `stage(root, staging, env) -> bool` (True when it succeeded);
the stages run in order and the first failure stops the build. A failed build (a content
mistake, a broken link) leaves the previous site/ untouched. Builds are reproducible: the
date stamped into the sitemap is the last commit's."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.captions.stage import captions_stage  # noqa: E402
from hooks.ics import calendar_stage  # noqa: E402
from hooks.pdf import pdf_stage  # noqa: E402
from hooks.compress import compress_stage  # noqa: E402


def source_date(root: Path) -> str:
    """The last commit's time, so the same source gives the same bytes."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except OSError:
        pass
    return "0"


# Stages


def site_stage(root: Path, staging: Path, env: dict) -> bool:
    """The website, both languages, strict: any warning (a broken link or anchor) fails."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(staging)]
    return subprocess.run(cmd, cwd=root, env=env).returncode == 0


def search_stage(root: Path, staging: Path, env: dict) -> bool:
    """The search indexes: Pagefind (extended: it segments Japanese), one per <html lang>.
    A page's signposts (`<div class="kk-signposts" markdown>`: links to other pages with
    what each holds, as on the home page) are not indexed: the pages they lead to are."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(staging), "--silent", "--exclude-selectors", ".kk-signposts"]
    if subprocess.run(cmd, cwd=root, env=env).returncode != 0:
        return False
    _canonical_json(staging / "pagefind" / "pagefind-entry.json")
    return query_tables(root, staging)


def query_tables(root: Path, staging: Path) -> bool:
    """The tables that bring a query to the index's words (hooks/search_tables.py)."""
    from hooks.problems import ContentError
    from hooks.search_tables import write

    problems = write(root, staging)
    if problems:
        print(ContentError(problems), file=sys.stderr)
    return not problems


def _canonical_json(path: Path) -> None:
    """Pagefind lists its languages in no fixed order; sort them, so builds are byte-identical."""
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# The pipeline: one stage per output, in order.
STAGES = [
    pdf_stage,  # before the site, which links the PDFs with their size and page count
    site_stage,
    search_stage,
    captions_stage,
    calendar_stage,
    compress_stage,
]


def build(root: Path = ROOT, site: Path | None = None) -> int:
    site = site or root / "site"
    staging = root / ".build" / "site"
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or source_date(root)}
    for stage in STAGES:
        if not stage(root, staging, env):
            print(f"Build failed; {site.relative_to(root) if site.is_relative_to(root) else site}/ was left as it was.", file=sys.stderr)
            return 1
    # Swap: the new site replaces the old one only once every stage succeeded.
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site}")
    return 0


if __name__ == "__main__":
    sys.exit(build())
