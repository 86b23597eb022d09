"""Cue timing in whole frames: duration = width ÷ reading speed, between 5/6 s and 7 s,
at least 2 frames between cues. Frames become milliseconds once (`Timed.start_ms`), and
SRT and WebVTT are both written from those numbers."""
from __future__ import annotations

import math
import os
from dataclasses import dataclass

FPS = 30
GAP = 2  # frames between cues
MIN_FRAMES = 25  # 5/6 s
MAX_FRAMES = 210  # 7 s
# Characters a second: Japanese for silent video, English (Netflix); set CAPTION_READING_JA
# or CAPTION_READING_EN to change them (e.g. CAPTION_READING_JA=5 for video with sound).
READING = {lang: float(os.environ.get(f"CAPTION_READING_{lang.upper()}") or default) for lang, default in (("ja", 4.0), ("en", 17.0))}
CARD_FRAMES = 90  # the closing card: 3 s
TITLE_FRAMES = 45  # a title or headline card stays at least 1.5 s


@dataclass(frozen=True)
class Timed:
    start: int  # frame
    end: int  # frame (exclusive)

    @property
    def start_ms(self) -> int:
        return round(self.start * 1000 / FPS)

    @property
    def end_ms(self) -> int:
        return round(self.end * 1000 / FPS)


def frames_for(characters: float, speed: float) -> int:
    """Frames to read `characters` at `speed` characters a second, within the limits."""
    return max(MIN_FRAMES, min(MAX_FRAMES, math.ceil(characters / speed * FPS - 1e-9)))


def schedule(lengths: list[float], speed: float, start: int = 0, minimums: list[int] | None = None) -> list[Timed]:
    """Back-to-back cues, each as long as its text takes to read, GAP frames apart."""
    out, frame = [], start
    for index, length in enumerate(lengths):
        least = minimums[index] if minimums else MIN_FRAMES
        timed = Timed(frame, frame + max(least, frames_for(length, speed)))
        out.append(timed)
        frame = timed.end + GAP
    return out


def clock(ms: int, separator: str = ",") -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def seconds(frames: int) -> str:
    """A duration for people: 43.2 s."""
    return f"{frames / FPS:.1f}"
