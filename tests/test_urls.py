"""The URL contract (urls/*.txt): every address published so far still resolves, in both
languages; every built page is in the contract; a moved page's old address redirects."""
from __future__ import annotations

import functools
import http.server
import re
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, _Quiet, run_build
from tests.test_validation import edit

CONTRACT = ROOT / "urls"
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


def contract(folder: Path = CONTRACT) -> list[str]:
    """Every address of the contract, under / and /en/ (root.txt: once)."""
    urls = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split(" #", 1)[0].strip()
            if not line or line.startswith("#"):
                continue
            assert line.startswith("/"), f"{path.name}: '{line}' must start with /"
            urls.append(line)
            if path.name != "root.txt" and not line.startswith("/en/"):
                urls.append("/en" + line)
    return urls


def resolve(site: Path, url: str) -> tuple[Path | None, str | None]:
    """The file a URL serves (following a redirect page), and its anchor."""
    path, _, anchor = url.partition("#")
    for _hop in range(3):
        file = site / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        if not file.is_file():
            return None, anchor
        html = file.read_text(encoding="utf-8", errors="replace") if file.suffix == ".html" else ""
        moved = REFRESH.search(html)
        if not moved:
            return file, anchor
        path = "/" + str(Path(path if path.endswith("/") else path.rsplit("/", 1)[0] + "/", moved.group(1))).lstrip("/")
        path = re.sub(r"[^/]+/\.\./", "", path.replace("/./", "/")) + ("/" if moved.group(1).endswith("/") else "")
    return None, anchor


def broken(site: Path, urls: list[str]) -> list[str]:
    problems = []
    for url in urls:
        file, anchor = resolve(site, url)
        if file is None:
            problems.append(f"{url}: not found")
        elif anchor and f'id="{anchor}"' not in file.read_text(encoding="utf-8"):
            problems.append(f"{url}: no #{anchor} on the page")
    return problems


def test_the_contract_lists_pages_anchors_downloads_and_short_addresses():
    urls = contract()
    assert "/career/" in urls and "/en/career/" in urls
    assert "/faq/#haken-annual-leave" in urls and "/en/faq/#haken-annual-leave" in urls
    assert "/planner/schedule-haken.ics" in urls and "/sitemap.xml" in urls and "/en/sitemap.xml" not in urls


def test_every_published_address_resolves_in_both_languages(site, server):
    assert not broken(site, contract())
    for url in contract():  # as a browser asks for it
        with urllib.request.urlopen(server + url.split("#")[0]) as response:
            assert response.status == 200, url


def test_every_built_page_is_in_the_contract(site):
    listed = {u.split("#")[0] for u in contract()}
    built = {"/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html")}
    assert not sorted(built - listed), "add the new pages to urls/pages.txt"


def test_a_broken_contract_is_reported(site, tmp_path):
    (tmp_path / "pages.txt").write_text("/status/\n/no-such-page/\n/faq/#no-such-entry\n", encoding="utf-8")
    assert broken(site, contract(tmp_path)) == [
        "/no-such-page/: not found", "/en/no-such-page/: not found",
        "/faq/#no-such-entry: no #no-such-entry on the page", "/en/faq/#no-such-entry: no #no-such-entry on the page",
    ]


def test_a_moved_page_keeps_its_old_address_in_both_languages(project, browser):
    """Move /status/ to /statistics/ as an editor would: the old address (and its anchors) still lands on the page."""
    for lang in ("", ".en"):
        (project / "docs" / f"status{lang}.md").rename(project / "docs" / f"statistics{lang}.md")
        edit(project / "docs" / f"index{lang}.md", "(status.md)", "(statistics.md)")
    edit(project / "mkdocs.yml", "実施状況: status.md", "実施状況: statistics.md")
    edit(project / "mkdocs.yml", "redirect_maps: {}", "redirect_maps:\n        status.md: statistics.md")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not broken(site, contract())  # /status/ now resolves through its redirect
    for old in ("status/index.html", "en/status/index.html"):
        html = (site / old).read_text(encoding="utf-8")
        assert "<script>" not in html and 'href="../statistics/"' in html
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        page = browser.new_page()
        for old, new in (("/status/#figures", "/statistics/#figures"), ("/en/status/", "/en/statistics/")):
            page.goto(base + old)
            page.wait_for_url(base + new)
            assert page.locator("h1").count() == 1
        page.close()
    finally:
        httpd.shutdown()
