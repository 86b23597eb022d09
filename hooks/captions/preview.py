"""The preview sheet of one video: every cue on a 1080×1920 frame, tiled into one PNG.

An ASS file of the same cues (pysubs2) is burned in by Debian's ffmpeg with libass, in
BIZ UDGothic. Captions sit in the area short-video apps leave free: above the bottom 25%
and left of the right-hand button column, both shaded on the sheet. Emoji, which the font
cannot draw, are shown as a marked 〔emoji〕 instead of empty boxes."""
from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import pysubs2

from hooks.captions import units
from hooks.captions.timing import clock
from hooks.captions.videos import Version

W, H = 1080, 1920
BOTTOM = H // 4  # the apps' caption bar, description and controls
RIGHT = 180  # the apps' button column (like, comment, share)
FONT = "BIZ UDGothic"
FONT_DIR = "/usr/share/fonts/truetype/bizud-gothic"
TILE_W, TILE_H, COLUMNS = 360, 640, 6
MARK = {"ja": "〔絵文字〕", "en": "[emoji]"}


def _style(size: int, align: int, margin_v: int, colour=(255, 255, 255)) -> pysubs2.SSAStyle:
    return pysubs2.SSAStyle(
        fontname=FONT, fontsize=size, primarycolor=pysubs2.Color(*colour), outlinecolor=pysubs2.Color(0, 0, 0),
        backcolor=pysubs2.Color(0, 0, 0, 128), bold=False, outline=5, shadow=0, alignment=pysubs2.Alignment(align),
        marginl=60, marginr=RIGHT + 40, marginv=margin_v,
    )


def _text(line: str, lang: str) -> str:
    """ASS text of a line: braces escaped, emoji replaced by a red mark."""
    out = []
    for g in units.graphemes(line):
        if units.is_emoji(g):
            out.append(r"{\c&H3030FF&}" + MARK[lang] + r"{\r}")
        else:
            out.append(g.replace("{", "｛").replace("}", "｝").replace("\\", "＼"))
    return "".join(out)


def ass(version: Version, label: str) -> str:
    """The ASS file: cue i shown during second i (the sheet takes one frame a second)."""
    doc = pysubs2.SSAFile()
    doc.info.update({"PlayResX": str(W), "PlayResY": str(H), "WrapStyle": "2", "ScaledBorderAndShadow": "yes"})
    size = 58 if version.lang == "ja" else 50  # 13 full-width or 32 Latin characters fit the free width
    doc.styles = {
        "Caption": _style(size, 2, BOTTOM + 60),
        "Card": _style(size, 8, H // 3),
        "Label": _style(40, 7, 40, (255, 230, 120)),
    }
    frames = [(c.role, c.lines, c.timed) for c in version.cues] + [("closing", [version.closing_text, version.url], version.closing)]
    for index, (role, lines, timed) in enumerate(frames):
        start, end = index * 1000, index * 1000 + 1000
        style = "Caption" if role == "caption" else "Card"
        text = r"\N".join(_text(line, version.lang) for line in lines)
        if role == "closing":
            text = r"{\an8\pos(450,300)}" + _text(lines[0], version.lang) + r"\N{\fs40}" + lines[1]
        doc.events.append(pysubs2.SSAEvent(start=start, end=end, style=style, text=text))
        stamp = f"{index + 1}/{len(frames)}  {clock(timed.start_ms, '.')[3:]}–{clock(timed.end_ms, '.')[3:]}"
        doc.events.append(pysubs2.SSAEvent(start=start, end=end, style="Label", text=stamp))
    return doc.to_string("ass")


def render(version: Version, label: str, qr_png: Path, out: Path, work: Path) -> None:
    """Write the sheet to `out` (ffmpeg; byte-identical for the same input)."""
    work.mkdir(parents=True, exist_ok=True)
    ass_path = work / (out.stem + ".ass")
    ass_path.write_text(ass(version, label), encoding="utf-8")
    count = len(version.cues) + 1
    columns = min(COLUMNS, count)
    rows = math.ceil(count / columns)
    shade = f"format=yuv444p,drawbox=x=0:y={H - BOTTOM}:w={W}:h={BOTTOM}:color=red@0.22:t=fill,drawbox=x={W - RIGHT}:y={H // 3}:w={RIGHT}:h={H - BOTTOM - H // 3}:color=red@0.22:t=fill"
    graph = (
        f"[0:v]{shade},subtitles=filename={ass_path.name}:fontsdir={FONT_DIR}[s];"
        f"[1:v]scale=420:420[q];[s][q]overlay=x=(W-w)/2-90:y=560:enable='gte(t,{count - 1})',"
        f"scale={TILE_W}:{TILE_H}:flags=area,tile={columns}x{rows}:padding=12:margin=12:color=white"
    )
    cmd = [
        "ffmpeg", "-nostdin", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"color=c=0x2d3a4a:s={W}x{H}:r=1:d={count}",
        "-loop", "1", "-framerate", "1", "-t", str(count), "-i", str(qr_png),
        "-filter_complex", graph, "-frames:v", "1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
        str(out.resolve()),
    ]
    subprocess.run(cmd, cwd=work, check=True, capture_output=True)


def available() -> bool:
    return shutil.which("ffmpeg") is not None
