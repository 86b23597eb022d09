"""One small checker per caption rule (as SubtitleEdit's Netflix quality checks do): each
takes a video's version and returns what breaks the rule. The tests run them on every cue
built from the real content, and on random text."""
from __future__ import annotations

import re

from hooks.captions import units
from hooks.captions.languages import LANGUAGES
from hooks.captions.phrases import NEVER_END
from hooks.captions.timing import FPS, GAP, MAX_FRAMES, MIN_FRAMES
from hooks.captions.videos import MAX_FRAMES as VIDEO_FRAMES

NO_START_JA = set("、。，．！？」）』ー") | set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")


def _lines(version):
    for index, cue in enumerate(version.cues):
        for line in cue.lines:
            yield index, line


def line_width(version, limit=None):
    lang = LANGUAGES[version.lang]
    limit = limit or lang.limit
    return [f"cue {i + 1}: “{line}” is {lang.width(line)} wide (at most {limit})" for i, line in _lines(version) if lang.width(line) > limit]


def two_lines(version):
    return [f"cue {i + 1} has {len(c.lines)} lines" for i, c in enumerate(version.cues) if not 1 <= len(c.lines) <= 2]


def line_start(version):
    if version.lang != "ja":
        return []
    return [f"cue {i + 1}: “{line}” starts with {line[0]}" for i, line in _lines(version) if line[:1] in NO_START_JA]


def line_end(version):
    if version.lang != "ja":
        return []
    return [f"cue {i + 1}: “{line}” ends with {line[-1]}" for i, line in _lines(version) if line[-1:] in units.NO_LINE_END]


def film_punctuation(version):
    """Japanese: no 。 and no 、 (dropped, or a full-width space inside a line)."""
    if version.lang != "ja":
        return []
    return [f"cue {i + 1}: “{line}” keeps 。 or 、" for i, line in _lines(version) if re.search("[。、，．]", line)]


def english_line_ends(version):
    if version.lang != "en":
        return []
    found = []
    for i, cue in enumerate(version.cues):
        for line in cue.lines[:-1] if cue is version.cues[-1] else cue.lines:
            word = line.split()[-1]
            if re.fullmatch(r"[\w'’-]+", word) and word.lower() in NEVER_END:
                found.append(f"cue {i + 1}: “{line}” ends on “{word}”")
    return found


def whole_frames(version):
    found = []
    for i, cue in enumerate(version.cues):
        for frame, ms in ((cue.timed.start, cue.timed.start_ms), (cue.timed.end, cue.timed.end_ms)):
            if ms != round(frame * 1000 / FPS):
                found.append(f"cue {i + 1}: {ms} ms is not frame {frame}")
    return found


def durations(version):
    lang = LANGUAGES[version.lang]
    found = []
    for i, cue in enumerate(version.cues):
        frames = cue.timed.end - cue.timed.start
        if not MIN_FRAMES <= frames <= MAX_FRAMES:
            found.append(f"cue {i + 1} lasts {frames} frames (25–210)")
        if frames < min(MAX_FRAMES, lang.length(cue.lines) / lang.speed * FPS - 1e-6):
            found.append(f"cue {i + 1} lasts {frames} frames, too short to read at {lang.speed} a second")
    return found


def gaps(version):
    cues = version.cues
    found = [f"cues {i + 1}–{i + 2}: {b.timed.start - a.timed.end} frames apart" for i, (a, b) in enumerate(zip(cues, cues[1:])) if b.timed.start - a.timed.end < GAP]
    if version.closing.start - cues[-1].timed.end < GAP:
        found.append("the closing card follows the last cue too closely")
    return found


def video_length(version):
    return [f"lasts {version.frames / FPS:.1f} s"] if version.frames > VIDEO_FRAMES else []


CHECKS = [line_width, two_lines, line_start, line_end, film_punctuation, english_line_ends, whole_frames, durations, gaps, video_length]


def check(version) -> list[str]:
    return [f"{check.__name__}: {problem}" for check in CHECKS for problem in check(version)]


def _plain(text: str) -> str:
    return re.sub(r"[、。，．\u3000 ]", "", text)


def phrase_breaks(video, code: str) -> tuple[list[str], list[str]]:
    """Caption text is the stored text (apart from film punctuation), and every line ends
    at a phrase boundary. Returns (problems, phrases broken inside: to be reported)."""
    lang, unit, version = LANGUAGES[code], video.units[code], video.versions[code]
    spans = video.spans if code == "ja" else video.en_spans
    problems, inside = [], []
    for a, first, last in spans:
        sentences = unit.answers[a][first:last]
        allowed, forced, pos = set(), {}, 0
        for token in lang.tokens(sentences, lang.limit):
            pos += len(_plain(token.text))
            if token.forced:
                forced[pos] = token.phrase
            else:
                allowed.add(pos)
        lines = [line for cue in version.cues if cue.role == "caption" and cue.answer == a for line in cue.lines]
        if "".join(map(_plain, lines)) != _plain("".join(sentences)):
            problems.append(f"answer {a + 1}: the captions do not give the stored text")
        pos = 0
        for line in lines:
            pos += len(_plain(line))
            if pos in forced:
                inside.append(forced[pos])
            elif pos not in allowed:
                problems.append(f"answer {a + 1}: “{line}” ends inside a phrase")
    return problems, inside
