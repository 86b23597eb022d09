"""The files a video editor imports: SRT and WebVTT (with the `srt` and `webvtt-py`
libraries, from the same millisecond times), and the shooting script."""
from __future__ import annotations

import datetime as dt
import io

import srt
import webvtt

from hooks.captions.timing import clock, seconds
from hooks.captions.videos import Version, Video


def _delta(ms: int) -> dt.timedelta:
    return dt.timedelta(milliseconds=ms)


def to_srt(version: Version) -> str:
    subs = [srt.Subtitle(i + 1, _delta(c.timed.start_ms), _delta(c.timed.end_ms), "\n".join(c.lines)) for i, c in enumerate(version.cues)]
    return srt.compose(subs, reindex=False)


def to_vtt(version: Version) -> str:
    doc = webvtt.WebVTT()
    for cue in version.cues:
        doc.captions.append(webvtt.Caption(clock(cue.timed.start_ms, "."), clock(cue.timed.end_ms, "."), "\n".join(cue.lines)))
    buffer = io.StringIO()
    doc.write(buffer)
    return buffer.getvalue()


LABELS = {
    "ja": {"title": "タイトル", "headline": "質問", "caption": "字幕", "closing": "エンドカード", "total": "合計", "qr": "QRコード画像", "sec": "秒", "answer": "回答{}", "condensed": "（編集者による要約）", "video": "動画", "part": "パート"},
    "en": {"title": "Title", "headline": "Question", "caption": "Caption", "closing": "Closing card", "total": "Total", "qr": "QR code image", "sec": "s", "answer": "answer {}", "condensed": " (editor's condensed wording)", "video": "Video", "part": "Part"},
}


def to_script(video: Video, version: Version, qr_file: str) -> str:
    """The shooting script: every card and caption in order, with its time."""
    words = LABELS[version.lang]
    out = [f"{words['video']}: {video.id} ({version.lang})"]
    if video.parts > 1:
        out.append(f"{words['part']}: {video.part}/{video.parts}")
    out.append(f"{words['total']}: {seconds(version.frames)} {words['sec']}")
    out.append("")
    last_answer = None
    for cue in version.cues:
        label = words[cue.role]
        if cue.role == "caption" and cue.answer is not None and cue.answer != last_answer:
            number = video.unit.numbers[cue.answer]
            extra = words["condensed"] if number in video.unit.condensed else ""
            out.append(f"[{words['answer'].format(number)}{extra}]")
            last_answer = cue.answer
        out.append(f"{clock(cue.timed.start_ms)} --> {clock(cue.timed.end_ms)}  {label}")
        out += [f"    {line}" for line in cue.lines]
    closing = version.closing
    out.append(f"{clock(closing.start_ms)} --> {clock(closing.end_ms)}  {words['closing']}")
    out += [f"    {version.closing_text}", f"    {version.url}", f"    {words['qr']}: {qr_file}"]
    return "\n".join(out) + "\n"
