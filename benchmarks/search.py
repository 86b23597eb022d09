"""Search benchmark (not a test): run with `make benchmark` after `make build`.

On the real site in Debian's Chromium it reports, for each query of
tests/search_queries.yml and of each class of tests/search_normalisation.yml (other
okurigana, full-width input, numbers, synonyms, compounds, English): the bytes the
browser fetched for it, the time from the last keystroke to the results in the header
search, and whether the expected entry is among the first five results (recall@5 per
class). Bytes count what search fetches for a first query on a fresh page: Pagefind's
engine, index and fragments, and the normalisation's module and tables; Pagefind's UI
(script and styles, fetched once when search is first opened) is reported apart. It
also reports the tables' fixed cost, the time from page load to search-ready, and the
Japanese queries' recall with Material's built-in search on a build of the same content.
Budgets: ≤ 300 KB fetched for a query, results ≤ 300 ms after the last keystroke."""
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
import yaml  # noqa: E402

CLASSES = yaml.safe_load((ROOT / "tests" / "search_normalisation.yml").read_text(encoding="utf-8"))
UI = ("pagefind-component-ui.js", "pagefind-component-ui.css")
SEARCH = ("/pagefind/", "/search-tables/", "/assets/search/", "/assets/search-query.js")
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
        page.goto(base + ("/en/about/" if item["expect"].startswith("/en/") else "/about/"))
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
        body = lambda r: len(r.response().body()) if r.response() else 0  # noqa: E731
        size = sum(body(r) for r in fetched if any(s in r.url for s in SEARCH) and not r.url.endswith(UI))
        ui = sum(body(r) for r in fetched if r.url.endswith(UI))
        urls = top5(page, item["q"])  # the first five results, as the tests count them
        rows.append({"q": item["q"], "ms": elapsed, "bytes": size, "ui": ui, "hit": hit(item["expect"], urls), "class": item["class"]})
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
        page.evaluate("async () => { const pf = await import('/assets/search/pagefind.js'); await pf.init(); }")
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


def tables_cost(site: Path) -> str:
    """What the normalisation adds to a first query, whatever the query: module and table."""
    module = sum((site / "assets" / p).stat().st_size for p in ("search-query.js", "search/pagefind.js"))
    sizes = {p.name.split(".")[0]: p.stat().st_size for p in sorted((site / "search-tables").glob("*.json.gz"))}
    return f"tables' fixed cost: module {module / 1000:.1f} KB + table " + ", ".join(f"{k} {v / 1000:.1f} KB" for k, v in sizes.items()) + " (gzip)"


def main() -> int:
    site = ROOT / "site"
    if not (site / "pagefind").exists():
        print("Build the site first: make build", file=sys.stderr)
        return 1
    queries = [{**q, "class": "reference"} for q in QUERIES["ja"] + QUERIES.get("ja_known_misses", [])]
    queries += [{**q, "class": c} for c in CLASSES for q in CLASSES[c]]
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        httpd, base = serve(site)
        ready = search_ready(browser, base)
        rows = pagefind_run(browser, base, queries)
        httpd.shutdown()
        httpd, material_base = serve(material_build(Path(tmp)))
        material = material_run(browser, material_base, [q for q in queries if q["class"] != "en"])
        httpd.shutdown()
        browser.close()

    print(f"{'class':<10} {'query':<22} {'KB':>6} {'ms':>6}  pagefind  material")
    others = {id(r): m for r, m in zip([r for r in rows if r["class"] != "en"], material)}
    for row in rows:
        other = others.get(id(row))
        theirs = ("hit" if other["hit"] else "MISS") if other else "-"
        print(f"{row['class']:<10} {row['q']:<22} {row['bytes'] / 1000:>6.1f} {row['ms']:>6.0f}  {'hit' if row['hit'] else 'MISS':>8}  {theirs:>8}")
    sizes, times = [r["bytes"] for r in rows], [r["ms"] for r in rows]
    print()
    print(f"search-ready after page load (median of 5): {ready:.0f} ms")
    print(tables_cost(site))
    print(f"bytes fetched per query: median {statistics.median(sizes) / 1000:.1f} KB, max {max(sizes) / 1000:.1f} KB (budget {BUDGET_BYTES / 1000:.0f} KB)")
    print(f"Pagefind's UI, once when search is first opened: {max(r['ui'] for r in rows) / 1000:.1f} KB")
    print(f"last keystroke to results: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms (budget {BUDGET_MS} ms)")
    for cls in dict.fromkeys(r["class"] for r in rows):
        mine = [r for r in rows if r["class"] == cls]
        theirs = [others[id(r)] for r in mine if id(r) in others]
        material_part = f"; Material's search {sum(m['hit'] for m in theirs)}/{len(theirs)}" if theirs else ""
        print(f"recall@5 {cls}: {sum(r['hit'] for r in mine)}/{len(mine)}{material_part}")
    print(f"recall@5 all: {sum(r['hit'] for r in rows)}/{len(rows)}")
    within = max(sizes) <= BUDGET_BYTES and max(times) <= BUDGET_MS
    print("within budget" if within else "OVER BUDGET")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
