"""The editor's loop: from saving a FAQ file to the FAQ page in the browser showing the
change, under `mkdocs serve` (what `make serve` runs), with its live reload."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, timeout: float) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"mkdocs serve did not come up at {url}")


def measure(project: Path, browser, edits: int = 3, japanese_only: bool = False) -> list[float]:
    """Seconds from writing the file to the page showing the new text, per edit."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KK_BUILD_EN": "false" if japanese_only else "true", "LANG": "C.UTF-8"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/faq/"
        wait_up(url, 900)
        page = browser.new_page()
        page.goto(url, wait_until="load")
        target = project / "content" / "faq" / "haken-travel.yml"
        original = target.read_text(encoding="utf-8")
        times = []
        for n in range(edits):
            token = f"編集確認{n}{int(time.time())}"
            text = re.sub(r"^answer: \|\n  ", f"answer: |\n  {token}", original, count=1, flags=re.M)
            time.sleep(1.5)  # the server is idle again
            start = time.perf_counter()
            target.write_text(text, encoding="utf-8")
            while True:
                try:
                    if page.evaluate(f"document.body && document.body.innerText.includes({token!r})"):
                        break
                except Exception:
                    pass  # the page is reloading
                if time.perf_counter() - start > 300:
                    raise RuntimeError("the change never showed")
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
        target.write_text(original, encoding="utf-8")
        page.close()
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)
