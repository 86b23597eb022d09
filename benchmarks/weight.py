"""Page weight and layout shift on a reader's first load in Chromium, and Lighthouse's four
scores (mobile). The site is served as built, without compression, as a plain static
server does; gzipped sizes are what a compressing server would send."""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
CLS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(total), 2000);
})"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Precompressed(Quiet):
    """Sends X.gz for X when the browser accepts gzip, as nginx's gzip_static does."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        packed = path.with_name(path.name + ".gz")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not packed.is_file():
            return super().send_head()
        data = packed.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(packed.stat().st_size))
        self.end_headers()
        return data


def serve(folder: Path, precompressed: bool = False):
    handler = Precompressed if precompressed else Quiet
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def first_load(browser, url: str, width: int = 390) -> dict:
    """Requests and bytes of a first visit (nothing cached), and the page's layout shift."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    bodies = []

    def finished(request):
        response = request.response()
        if response is None:
            return
        try:
            body = response.body()
        except Exception:
            body = b""
        bodies.append((request.url, response.status, body))

    page.on("requestfinished", finished)
    page.goto(url, wait_until="networkidle")
    cls = page.evaluate(CLS)
    context.close()
    return {
        "requests": len(bodies),
        "failed": [u for u, status, _ in bodies if status >= 400],
        "bytes": sum(len(b) for _, _, b in bodies),
        "gzipped": sum(len(gzip.compress(b, 6, mtime=0)) for _, _, b in bodies),
        "files": sorted((u.split("/", 3)[-1] or "/", round(len(gzip.compress(b, 6, mtime=0)) / 1024, 1)) for u, _, b in bodies),
        "cls": cls,
    }


def lighthouse(url: str) -> dict:
    """Lighthouse's four scores (0-100), mobile (its default), and its layout shift and paint times."""
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    cmd = [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--output=json", "--output-path=stdout", "--quiet",
           "--only-categories=performance,accessibility,best-practices,seo",
           "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    report = json.loads(out.stdout)
    scores = {key: round((cat["score"] or 0) * 100) for key, cat in report["categories"].items()}
    audits = report["audits"]
    scores["fcp_s"] = audits["first-contentful-paint"]["numericValue"] / 1000
    scores["lcp_s"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    scores["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    scores["failed_audits"] = sorted(k for k, a in audits.items()
                                     if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary")
    return scores
