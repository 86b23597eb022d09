"""Fixtures: the real project built once, and copies of it to break on purpose."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The test site is built for the address it is served from, so that its absolute links
# (canonical, alternate languages) point at the site itself, as they do when published.
PORT = int(os.environ.get("KK_TEST_PORT", "8731"))
SITE_URL = f"http://127.0.0.1:{PORT}/"
# Caption preview sheets are rendered once and shared by every build of the session.
CAPTIONS_CACHE = ROOT / ".build" / "captions-cache"
PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "data", "hooks", "overrides")


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`make build`'s driver on a project folder, as a separate process."""
    code = f"import sys; from pathlib import Path; from hooks.build import build; sys.exit(build(Path({str(project)!r}), Path({str(site)!r})))"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "SITE_URL": SITE_URL, "KK_CAPTIONS_CACHE": str(CAPTIONS_CACHE)}
    return subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real project, built once for the whole session."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = run_build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture
def project(tmp_path, site) -> Path:
    """A copy of the project to change and build. It gets the PDFs the real build
    rendered (.build/pdf/, each with the digest of its inputs): a copy renders again
    only the PDFs its changes touch, as an editor's machine does."""
    dest = copy_project(tmp_path / "project")
    cache = ROOT / ".build" / "pdf"
    if cache.is_dir():
        shutil.copytree(cache, dest / ".build" / "pdf")
    return dest


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a host configured for it does: an address the site does not have
    gets its language's 404 page (/en/404.html under /en/, else /404.html), status 404."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / ("en/404.html" if self.path.startswith("/en/") else "404.html")
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1, as a visitor's browser reaches it."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield SITE_URL.rstrip("/")
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "make test installs Debian's chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def wait_until(page, expression: str, timeout: float = 5000) -> None:
    """Wait until a JavaScript expression is true in the page. (Playwright's
    wait_for_function evaluates a string in the page, which the site's
    Content-Security-Policy forbids; evaluate() is not subject to it.)"""
    import time

    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout / 1000
    while True:
        try:  # the page may still be loading, or navigating away
            if page.evaluate(expression):
                return
        except Error:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:.0f} ms: {expression}")
        page.wait_for_timeout(50)
