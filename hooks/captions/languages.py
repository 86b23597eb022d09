"""What differs between the languages: line width and how it is counted, tokens, how a
line is written, reading speed. `lay_out` turns answers into timed-ready cues."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hooks.captions import breaking, phrases, units
from hooks.captions.timing import READING


@dataclass(frozen=True)
class Language:
    code: str
    limit: int  # line width, in the unit `width` counts
    orphan: int  # lines narrower than this are orphans
    file_limit: int  # the width allowed in SRT/VTT
    tokens: Callable
    render: Callable
    width: Callable
    speed: float  # characters a second

    def length(self, lines: list[str]) -> float:
        """Characters to read, for timing: Japanese units, English characters."""
        return sum(self.width(line) for line in lines) / (2 if self.code == "ja" else 1)

    def unit_label(self, width: int) -> str:
        return f"{width / 2:g} units" if self.code == "ja" else f"{width} characters"


JA = Language(
    "ja", limit=26, orphan=8, file_limit=26,
    tokens=phrases.japanese,
    render=lambda tokens: units.film_line("".join(t.text for t in tokens)),
    width=units.half_units,
    speed=READING["ja"],
)
EN = Language(
    "en", limit=32, orphan=10, file_limit=42,
    tokens=phrases.english,
    render=lambda tokens: " ".join(t.text for t in tokens),
    width=lambda text: len(units.graphemes(text)),
    speed=READING["en"],
)
LANGUAGES = {"ja": JA, "en": EN}


def lay_out(lang: Language, answers: list[list[str]]) -> tuple[list[list[str]], list[int], list[phrases.Token]]:
    """Cues (each its lines) for answers given as sentences; every answer starts a new
    cue. Also the answer (0-based) of each cue, and every forced break taken."""
    tokens = []
    for index, sentences in enumerate(answers):
        for token in lang.tokens(sentences, lang.limit):
            token.answer = index
            tokens.append(token)
    result = breaking.layout(tokens, lang.render, lang.width, lang.limit, lang.orphan)
    which = [tokens[start].answer for start, _end in result.spans]
    forced = list(result.forced)
    if lang.code == "ja":  # text such as 「。 leaves a line no break can mend: reported too
        for cue, answer in zip(result.cues, which):
            for line in cue:
                if line[:1] in units.NO_LINE_START or line[-1:] in units.NO_LINE_END:
                    forced.append(phrases.Token(line, forced=True, phrase=line, answer=answer, kinsoku=True))
    return result.cues, which, forced


def title_lines(lang: Language, parts: list[str], label: str = "") -> list[list[str]]:
    """A card's text (e.g. organisation, then name) in cues of up to two lines; `label`
    (a part's number) ends the last line, or takes a line of its own."""
    lines = []
    for part in parts:
        if lang.width(part) <= lang.limit and len(parts) > 1:  # a name stays on one line
            lines.append(part)
            continue
        cues, _answers, _forced = lay_out(lang, [[part]])
        lines += [line for cue in cues for line in cue]
    if label:
        if lines and lang.width(lines[-1] + label) <= lang.limit:
            lines[-1] += label
        else:
            lines.append(label.strip())
    return [lines[i:i + 2] for i in range(0, len(lines), 2)]
