"""`make serve`, the editors' live preview, as an editor meets it: the page open in the
browser reloads by itself after a FAQ file, its English overlay or a testimonial is
saved, shows the change, and logs no error (the Content-Security-Policy must let the
live reload run); the testimonial's caption files follow the edit."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import srt

from tests.conftest import copy_project, wait_until


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`mkdocs serve --dirty` as `make serve` runs it, on a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KK_BUILD_EN": "true", "LANG": "C.UTF-8"}
    log = project.parent / "serve.log"  # a file, not a pipe: a full pipe would stop the server
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while True:
        try:
            urllib.request.urlopen(base + "/faq/", timeout=5).read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("mkdocs serve did not start:\n" + log.read_text(encoding="utf-8", errors="replace")[-3000:])
            time.sleep(0.5)
    yield project, base
    server.terminate()
    server.wait(30)


def _edit(path: Path, field: str, token: str) -> None:
    """Put `token` at the start of a block field (`field: |`) of a content file."""
    text = path.read_text(encoding="utf-8")
    changed = re.sub(rf"^{field}: \|\n(\s+)", lambda m: f"{field}: |\n{m.group(1)}{token}", text, count=1, flags=re.M)
    assert changed != text, f"{path.name} has no block field {field}"
    path.write_text(changed, encoding="utf-8")


CASES = [  # (file, field, page that shows it)
    ("content/faq/haken-travel.yml", "answer", "/faq/"),
    ("content/faq/haken-travel.en.yml", "answer", "/en/faq/"),
]


@pytest.mark.parametrize("name,field,path", CASES)
def test_the_open_page_reloads_with_the_change(preview, browser, name, field, path):
    project, base = preview
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + path, wait_until="load")
    token = f"プレビュー確認{int(time.time() * 1000)}"
    _edit(project / name, field, token)
    # no reload by the test: the page's own live-reload script must bring the change
    wait_until(page, f"document.body && document.body.innerText.includes({token!r})", timeout=60000)
    page.close()
    assert errors == []


def test_a_testimonial_edit_reaches_its_page_and_its_captions(preview, browser):
    project, base = preview
    page = browser.new_page()
    page.goto(base + "/voices/", wait_until="load")
    token = f"体験談確認{int(time.time() * 1000)}"
    _edit(project / "content" / "testimonials" / "pamphlet-story-kazama.yml", "body", token)
    wait_until(page, f"document.body && document.body.innerText.includes({token!r})", timeout=60000)
    page.close()
    listing = urllib.request.urlopen(base + "/captions/", timeout=10).read().decode()
    links = sorted(set(re.findall(r'href="([^"]*pamphlet-story-kazama[^"]*\.ja\.srt)"', listing)))
    assert links, "the Video captions page links the testimonial's SRT files"
    text = ""
    for link in links:
        body = urllib.request.urlopen(urllib.request.urljoin(base + "/captions/", link), timeout=10).read().decode()
        text += "".join(cue.content.replace("\n", "") for cue in srt.parse(body))
    assert token in text
