"""The build stage: site/captions/{video}.{lang}.srt, .vtt, .txt and .png, the site's QR
code, and the editor reports printed. A preview is rendered only when its inputs changed:
its content hash is kept beside the cached sheet, and a cached sheet is byte-identical to
a fresh render."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import segno

from hooks.captions import preview, writers
from hooks.captions.catalogue import catalogue, file_name
from hooks.problems import ContentError

HERE = Path(__file__).resolve().parent


def qr_name(lang: str, ext: str = "png") -> str:
    return f"site-qr.{lang}.{ext}"


def write_qr(url: str, folder: Path, lang: str) -> None:
    code = segno.make(url, error="m")
    code.save(str(folder / qr_name(lang)), scale=10, border=4)
    code.save(str(folder / qr_name(lang, "svg")), scale=10, border=4, xmldecl=False, svgns=True)


def _renderer_id() -> str:
    """What else decides a sheet's pixels: this code, ffmpeg and the font."""
    version = subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout.splitlines()[:1]
    font = sorted(Path(preview.FONT_DIR).glob("BIZUDGothic-Regular.ttf"))
    parts = [(HERE / "preview.py").read_bytes(), "\n".join(version).encode()] + [f.read_bytes() for f in font]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def _sheet(version, video_id: str, qr: Path, out: Path, cache: Path, renderer: str) -> bool:
    """Copy the cached sheet when its inputs are unchanged, else render it. True when rendered."""
    digest = hashlib.sha256("\0".join([renderer, preview.ass(version, video_id), qr.read_bytes().hex()]).encode()).hexdigest()
    cached, stamp = cache / f"{digest}.png", cache / f"{digest}.png.sha256"  # the hash beside its sheet
    rendered = not (cached.exists() and stamp.exists() and stamp.read_text().strip() == digest)
    if rendered:
        work = cache / ".work" / f"{out.stem}-{os.getpid()}"
        tmp = work / out.name
        preview.render(version, video_id, qr, tmp, work)
        os.replace(tmp, cached)
        stamp.write_text(digest + "\n")
        shutil.rmtree(work, ignore_errors=True)
    shutil.copyfile(cached, out)
    return rendered


def write(root: Path, folder: Path, previews: bool = True, cache: Path | None = None) -> tuple[int, int]:
    """Every caption file into `folder`; returns (videos, sheets rendered anew)."""
    cat = catalogue(root)
    folder.mkdir(parents=True, exist_ok=True)
    for lang, url in cat.urls.items():
        write_qr(url, folder, lang)
    jobs = []
    for video in cat.videos:
        for lang, version in video.versions.items():
            (folder / file_name(video.id, lang, "srt")).write_text(writers.to_srt(version), encoding="utf-8")
            (folder / file_name(video.id, lang, "vtt")).write_text(writers.to_vtt(version), encoding="utf-8")
            (folder / file_name(video.id, lang, "txt")).write_text(writers.to_script(video, version, qr_name(lang)), encoding="utf-8")
            jobs.append((version, video.id, folder / qr_name(lang), folder / file_name(video.id, lang, "png")))
    rendered = 0
    if previews and preview.available():
        cache = cache or Path(os.environ.get("KK_CAPTIONS_CACHE") or root / ".build" / "captions-cache")
        cache.mkdir(parents=True, exist_ok=True)
        renderer = _renderer_id()
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            rendered = sum(pool.map(lambda job: _sheet(*job, cache, renderer), jobs))
    return len(cat.videos), rendered


def captions_stage(root: Path, staging: Path, env: dict) -> bool:
    """The caption files of every video; editor reports are printed, never fatal."""
    try:
        count, rendered = write(root, staging / "captions")
    except ContentError as err:  # (the site stage reports content problems first)
        print(err, file=sys.stderr)
        return False
    except subprocess.CalledProcessError as err:
        print(f"Caption previews: ffmpeg failed: {err.stderr.decode(errors='replace').strip()}", file=sys.stderr)
        return False
    reports = catalogue(root).reports
    print(f"Captions: {count} videos, {rendered} preview sheets rendered ({2 * count - rendered} unchanged).")
    if reports:
        print(f"{len(reports)} editor report{'s' if len(reports) != 1 else ''} for the video captions (shown on the Video captions page):")
        for report in reports:
            print(f"  {report}")
    return True
