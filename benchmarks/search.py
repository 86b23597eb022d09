"""Search benchmark (not a test): run with `make benchmark` after `make build`.

On the real site in Debian's Chromium it reports, for each query of
tests/search_queries.yml: the bytes the browser fetched for it, the time from the last
keystroke to the results in the header search, and whether the expected entry is among
the first five results. It also reports the time from page load to search-ready, and
the same queries' recall with Material's built-in search on a build of the same content
that uses it instead. Budgets: ≤ 300 KB fetched for a query, results ≤ 300 ms after the
last keystroke."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.searching import QUERIES, hit, top5  # noqa: E402
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
BUDGET_BYTES, BUDGET_MS = 300_000, 300



class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def pagefind_run(browser, base: str, queries: list[dict]) -> list[dict]:
    rows = []
    for item in queries:
        # a fresh page per query: nothing cached from the last one. bypass_csp: the predicate
        # of wait_for_function is evaluated from a string, which the site's CSP forbids.
        page = browser.new_page(bypass_csp=True)
        fetched = []
        page.on("requestfinished", lambda r: fetched.append(r))
        page.goto(base + "/about/")
        page.wait_for_load_state("networkidle")
        fetched.clear()
        page.keyboard.press("/")
        field = page.locator("pagefind-modal input").first
        field.wait_for(state="visible")
        field.type(item["q"][:-1], delay=120)  # typing at a person's pace
        page.wait_for_timeout(150)
        field.type(item["q"][-1])
        start = time.perf_counter()
        # results for the whole query: the summary names it, and result links are shown
        page.wait_for_function(
            "q => { const m = document.querySelector('pagefind-modal'); const s = m && m.querySelector('pagefind-summary');"
            " return s && s.textContent.includes(q) && m.querySelectorAll('pagefind-results a[href]').length > 0; }",
            arg=item["q"],
        )
        elapsed = (time.perf_counter() - start) * 1000
        size = sum(len(r.response().body()) if r.response() else 0 for r in fetched if "/pagefind/" in r.url)
        urls = top5(page, item["q"])  # the first five results, as the tests count them
        rows.append({"q": item["q"], "ms": elapsed, "bytes": size, "hit": hit(item["expect"], urls)})
        page.close()
    return rows


def _first_five(urls: list[str]) -> list[str]:  # Material's results, cut like Pagefind's
    """Result links in order, cut after the fifth distinct page."""
    pages, out = [], []
    for url in urls:
        p = url.split("#")[0]
        if p not in pages:
            if len(pages) == 5:
                break
            pages.append(p)
        out.append(url)
    return out


def search_ready(browser, base: str) -> float:
    times = []
    for _ in range(5):
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(base + "/about/")
        page.evaluate("async () => { const pf = await import('/pagefind/pagefind.js'); await pf.init(); }")
        times.append((time.perf_counter() - start) * 1000)
        page.close()
    return statistics.median(times)


def material_build(tmp: Path) -> Path:
    """The same content built with Material's own search plugin, for comparison."""
    project = tmp / "material"
    for part in ("docs", "content", "data", "hooks", "overrides", "mkdocs.yml"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / part)
    for override in ("partials/header.html", "main.html"):
        (project / "overrides" / override).unlink()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("plugins:\n", "plugins:\n  - search:\n      lang: ja\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "material-site")], cwd=project, env=env, check=True)
    return tmp / "material-site"


def material_run(browser, base: str, queries: list[dict]) -> list[dict]:
    page = browser.new_page()
    page.goto(base + "/about/")
    rows = []
    for item in queries:
        page.goto(base + "/about/")
        page.keyboard.press("/")
        field = page.locator(".md-search__input")
        field.fill(item["q"])
        try:
            page.wait_for_selector(".md-search-result__item", timeout=8000)
        except Exception:
            pass
        page.wait_for_timeout(300)
        urls = page.evaluate("[...document.querySelectorAll('.md-search-result__item a[href]')].map(a => new URL(a.href).pathname + new URL(a.href).hash)")
        rows.append({"q": item["q"], "hit": hit(item["expect"], _first_five(urls))})
    page.close()
    return rows


def main() -> int:
    site = ROOT / "site"
    if not (site / "pagefind").exists():
        print("Build the site first: make build", file=sys.stderr)
        return 1
    queries = QUERIES["ja"] + QUERIES.get("ja_known_misses", [])
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        httpd, base = serve(site)
        ready = search_ready(browser, base)
        rows = pagefind_run(browser, base, queries)
        httpd.shutdown()
        httpd, material_base = serve(material_build(Path(tmp)))
        material = material_run(browser, material_base, queries)
        httpd.shutdown()
        browser.close()

    print(f"{'query':<22} {'KB':>6} {'ms':>6}  pagefind  material")
    for row, other in zip(rows, material):
        print(f"{row['q']:<22} {row['bytes'] / 1000:>6.1f} {row['ms']:>6.0f}  {'hit' if row['hit'] else 'MISS':>8}  {'hit' if other['hit'] else 'MISS':>8}")
    sizes, times = [r["bytes"] for r in rows], [r["ms"] for r in rows]
    print()
    print(f"search-ready after page load (median of 5): {ready:.0f} ms")
    print(f"bytes fetched per query: median {statistics.median(sizes) / 1000:.1f} KB, max {max(sizes) / 1000:.1f} KB (budget {BUDGET_BYTES / 1000:.0f} KB)")
    print(f"last keystroke to results: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms (budget {BUDGET_MS} ms)")
    print(f"recall@5 Pagefind: {sum(r['hit'] for r in rows)}/{len(rows)}; Material's search: {sum(r['hit'] for r in material)}/{len(material)}")
    within = max(sizes) <= BUDGET_BYTES and max(times) <= BUDGET_MS
    print("within budget" if within else "OVER BUDGET")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
