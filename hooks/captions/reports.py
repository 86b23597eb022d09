"""Editor reports: what the captions could not do by the rules, named by file, line and
field, for the editor to condense. The build prints them and the page shows them; they
never stop the build, and nothing is cut silently."""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from hooks import english
from hooks.captions import units
from hooks.captions.languages import LANGUAGES
from hooks.captions.phrases import FORBIDDEN
from hooks.captions.timing import seconds
from hooks.captions.videos import MAX_FRAMES, Video
from hooks.problems import Problems
from hooks.sourcefile import load_yaml


@dataclass(frozen=True, order=True)
class Report:
    path: str
    line: int | None
    field: str
    kind: str  # wide | forbidden | long | emoji: a message in data/ui.yml (video_reports)
    values: tuple  # its (name, value) pairs
    video: str = ""
    messages: tuple = ()  # (language, message) pairs
    html: tuple = ()  # the same, for a page: escaped, Japanese marked lang="ja"

    def message(self, lang: str = "en") -> str:
        return dict(self.messages)[lang]

    def message_html(self, lang: str) -> str:
        return dict(self.html)[lang]

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message('en')}"


class Locator:
    """File and line of a testimonial's field, in either language."""

    def __init__(self, root: Path, files: dict):
        self.root, self.files, self._en = root, files, {}

    def where(self, testimonial: str, lang: str, loc: tuple) -> tuple[str, int | None]:
        rel = self.files[testimonial]
        if lang == "ja":
            return rel, self.files[rel].line(loc)
        en_rel = english.counterpart(Path(rel)).as_posix()
        if en_rel not in self._en:
            self._en[en_rel] = load_yaml(self.root / en_rel, en_rel, Problems())
        located = self._en[en_rel]
        return en_rel, located.line(loc) if located else None


def answer_field(video: Video, answer: int) -> tuple:
    number = video.unit.numbers[answer]
    base = () if video.item is None else ("items", video.item)
    if number in video.unit.condensed:
        return base + ("video", "condensed", number)
    return base + ("answers", number - 1) if video.item is not None else ("body",)


def _width(language, width: int, lang: str) -> str:
    count = f"{width / 2:g}" if language.code == "ja" else str(width)
    unit = {"ja": {"ja": "字", "en": "字"}, "en": {"ja": "文字", "en": " characters"}}[language.code][lang]
    return f"{count}{unit}" if language.code == "en" or lang == "ja" else f"{count} units"


def reports_for(video: Video, locator: Locator, ui: dict) -> list[Report]:
    """What the editor must look at in one video, with messages in both languages."""
    found = []

    def add(lang, loc, kind, **values):
        path, line = locator.where(video.testimonial, lang, loc)
        def text(ui_lang, mark=lambda x: x):
            given = {k: mark(v(ui_lang) if callable(v) else v) for k, v in values.items()}
            return ui[ui_lang]["video_reports"][kind].format(**given)

        def marked(value):
            value = html.escape(str(value))
            return f'<span lang="ja">{value}</span>' if english.has_japanese(value) else value

        messages = tuple((lang_, text(lang_)) for lang_ in ("ja", "en"))
        pages = tuple((lang_, text(lang_, marked) if lang_ == "en" else html.escape(text(lang_))) for lang_ in ("ja", "en"))
        plain = tuple((k, v("en") if callable(v) else v) for k, v in values.items())
        found.append(Report(path, line, ".".join(map(str, loc)), kind, plain, video.id, messages, pages))

    for lang, forced in video.forced.items():
        language = LANGUAGES[lang]
        for answer, token in forced:
            if token.kinsoku:
                add(lang, answer_field(video, answer), "kinsoku", phrase=token.text)
            elif token.forced:
                wide = token.phrase or token.text
                add(lang, answer_field(video, answer), "wide", phrase=wide,
                    width=lambda ui_lang, w=language.width(wide), l=language: _width(l, w, ui_lang),
                    limit=lambda ui_lang, l=language: _width(l, l.limit, ui_lang))
            elif token.line_cost >= FORBIDDEN:
                add(lang, answer_field(video, answer), "forbidden", phrase=token.text)
    for lang, version in video.versions.items():
        if version.frames > MAX_FRAMES:
            add(lang, answer_field(video, video.spans[0][0]), "long", video=video.id, seconds=seconds(version.frames))
        for cue in version.cues:
            emoji = [g for line in cue.lines for g in units.graphemes(line) if units.is_emoji(g)]
            if emoji:
                loc = answer_field(video, cue.answer) if cue.answer is not None else (("items", video.item, "question") if video.item is not None else ("headline",))
                add(lang, loc, "emoji", phrase="".join(emoji))
    return sorted(set(found))
