"""Which videos there are, and what each shows: a title card, the question headline, the
answer captions in order, a closing card. One video per question (messages, interviews)
or per testimonial (stories, voices); long ones are split into parts at sentence
boundaries, and the English part covers the same sentences as the Japanese one."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from hooks import schema
from hooks.captions import plain
from hooks.captions.align import align
from hooks.captions.languages import EN, JA, LANGUAGES, lay_out, title_lines
from hooks.captions.timing import CARD_FRAMES, FPS, GAP, MIN_FRAMES, TITLE_FRAMES, Timed, schedule
from hooks.texts import Output

TARGET_FRAMES = 45 * FPS  # the default length of a video
MAX_FRAMES = 60 * FPS


@dataclass
class Cue:
    role: str  # title | headline | caption
    lines: list[str]
    timed: Timed | None = None
    answer: int | None = None  # the answer's number (1-based) for a caption


@dataclass
class Version:
    lang: str
    cues: list[Cue]
    closing: Timed
    closing_text: str
    url: str

    @property
    def frames(self) -> int:
        return self.closing.end


@dataclass
class Unit:
    """One question with its answers (or a story's paragraphs), in one language."""

    item: int | None  # index in items, None for a body
    headline: str
    edited_headline: bool
    numbers: list[int]  # the answers used, 1-based
    answers: list[list[str]]  # their sentences
    condensed: set[int]
    title: list[str]
    total: int = 0  # answers the question has


@dataclass
class Video:
    id: str
    testimonial: str
    item: int | None
    part: int
    parts: int
    unit: Unit  # Japanese
    units: dict[str, Unit] = field(default_factory=dict)  # both languages
    versions: dict[str, Version] = field(default_factory=dict)
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (answer index, first, end sentence) in Japanese
    en_spans: list[tuple[int, int, int]] = field(default_factory=list)
    forced: dict[str, list] = field(default_factory=dict)  # lang -> [(answer index, token)]: breaks to report


def units_of(t: schema.Testimonial, content, lang: str) -> list[Unit]:
    ui = content.ui[lang]
    texts, out = content.texts(), Output(medium="print")
    title = [t.organisation, f"{t.person} {ui['honorific']}".strip()] if t.person else [ui["video_titles"].get(t.kind, t.headline or "")]
    title = [x for x in title if x]

    def unit(item, headline, video, answers):
        video = video or schema.Video()
        numbers = video.answers or list(range(1, len(answers) + 1))
        chosen = [video.condensed.get(n, answers[n - 1]) for n in numbers]
        sentences = [plain.sentences(plain.to_plain(texts.render(a, out)), lang) for a in chosen]
        return Unit(item, video.headline or headline or "", bool(video.headline), numbers, sentences, set(video.condensed), title, len(answers))

    if t.items:
        return [unit(i, it.question, it.video, it.answers) for i, it in enumerate(t.items)]
    return [unit(None, t.headline if t.person else None, t.video, plain.paragraphs(t.body))]


def _estimate(sentence: str) -> int:
    return math.ceil(JA.width(sentence) / 2 / JA.speed * FPS) + GAP + 4


def _groups(ja: Unit, en: Unit) -> list[tuple[int, int, int, int, int]]:
    """The sentences in order, as aligned groups (answer, ja start, ja end, en start, en
    end): a part starts only at a group, so both languages cover the same sentences."""
    out = []
    for a, (ja_s, en_s) in enumerate(zip(ja.answers, en.answers)):
        for group in align([JA.width(x) / 2 for x in ja_s], [EN.width(x) / 2.5 for x in en_s]):
            out.append((a, *group))
    return out


def _partition(weights: list[int], cuts: set[int], n: int) -> list[int] | None:
    """Starts of n consecutive groups (at allowed cuts) with the smallest largest group."""
    m = len(weights)
    prefix = [0]
    for w in weights:
        prefix.append(prefix[-1] + w)
    best = {(0, 0): (0, [])}  # (groups so far, position) -> (largest, starts)
    for g in range(n):
        nxt = {}
        for (_g, start), (largest, starts) in best.items():
            ends = [e for e in range(start + 1, m + 1) if e == m or e in cuts] if g < n - 1 else [m]
            for end in ends:
                value = (max(largest, prefix[end] - prefix[start]), starts + [start])
                if (g + 1, end) not in nxt or value < nxt[(g + 1, end)]:
                    nxt[(g + 1, end)] = value
        best = nxt
    final = best.get((n, m))
    return final[1] if final else None


def plan_testimonial(t_ja, t_en, ja_content, en_content, urls: dict[str, str]) -> list[Video]:
    videos = []
    for ja, en in zip(units_of(t_ja, ja_content, "ja"), units_of(t_en, en_content, "en")):
        base = t_ja.id if ja.item is None else f"{t_ja.id}-q{ja.item + 1}"
        groups = _groups(ja, en)
        weights = [sum(_estimate(x) for x in ja.answers[a][js:je]) for a, js, je, _es, _ee in groups]
        fixed = _card_frames(ja, t_ja, ja_content)
        n = max(1, math.ceil(sum(weights) / max(FPS * 10, TARGET_FRAMES - fixed)))
        chosen = None
        while n <= len(groups):
            starts = _partition(weights, set(range(len(groups))), n)
            parts = [_make(base, t_ja.id, ja, en, groups, starts, i, urls, ja_content, en_content) for i in range(n)]
            chosen = parts
            ends = starts[1:] + [len(groups)]
            over = [k for k, v in enumerate(parts) if max(x.frames for x in v.versions.values()) > MAX_FRAMES]
            if all(ends[k] - starts[k] == 1 for k in over):
                break  # (a part over 60 s holds one group of sentences only: reported, not split)
            n += 1
        videos += chosen or []
    return videos


def _card_frames(ja: Unit, t, content) -> int:
    """The frames of the title, headline and closing cards of a Japanese part."""
    label = content.ui["ja"]["video_part"].format(1, 2)
    cards = title_lines(JA, ja.title) + title_lines(JA, [ja.headline], label)
    return sum(t.end - t.start + GAP for t in schedule([JA.length(c) for c in cards], JA.speed)) + CARD_FRAMES


def _make(base, tid, ja, en, groups, starts, index, urls, ja_content, en_content) -> Video:
    n = len(starts)
    end = starts[index + 1] if index + 1 < n else len(groups)
    video = Video(base if n == 1 else f"{base}-p{index + 1}", tid, ja.item, index + 1, n, ja, {"ja": ja, "en": en})
    for a, js, je, es, ee in groups[starts[index]:end]:
        if video.spans and video.spans[-1][0] == a:
            video.spans[-1] = (a, video.spans[-1][1], je)
            video.en_spans[-1] = (a, video.en_spans[-1][1], ee)
        else:
            video.spans.append((a, js, je))
            video.en_spans.append((a, es, ee))
    for unit, spans_, content in ((ja, video.spans, ja_content), (en, video.en_spans, en_content)):
        lang = LANGUAGES["ja" if unit is ja else "en"]
        ui = content.ui[lang.code]
        label = ui["video_part"].format(index + 1, n) if n > 1 else ""
        cues = [Cue("title", lines) for lines in title_lines(lang, unit.title, "" if unit.headline else label)]
        if unit.headline:
            headline = title_lines(lang, [unit.headline], label)
            if label and headline[-1] == [label.strip()]:  # the number would stand alone:
                if len(headline) > 1 and len(headline[-2]) == 1:  # it takes the previous card's free line,
                    headline[-2].append(headline.pop()[0])
                elif lang.width(cues[-1].lines[-1] + label) <= lang.limit:  # or ends the title card,
                    headline.pop()
                    cues[-1].lines[-1] += label
                elif len(cues[-1].lines) == 1:  # or takes the title card's free line
                    cues[-1].lines.append(headline.pop()[0])
            cues += [Cue("headline", lines) for lines in headline]
        sentences = [unit.answers[a][first:last] for a, first, last in spans_]
        answer_cues, answers, forced = lay_out(lang, sentences)
        cues += [Cue("caption", lines, answer=spans_[k][0]) for lines, k in zip(answer_cues, answers)]
        video.forced[lang.code] = [(spans_[t.answer][0], t) for t in forced]
        times = schedule([lang.length(c.lines) for c in cues], lang.speed, minimums=[TITLE_FRAMES if c.role != "caption" else MIN_FRAMES for c in cues])
        for cue, timed in zip(cues, times):
            cue.timed = timed
        closing = Timed(times[-1].end + GAP, times[-1].end + GAP + CARD_FRAMES)
        video.versions[lang.code] = Version(lang.code, cues, closing, ui["video_closing"], urls[lang.code])
    return video


def plan(ja_content, en_content, urls: dict[str, str]) -> list[Video]:
    """Every video, in the order of the testimonials' files."""
    out = []
    for tid, t_ja in ja_content.testimonials.items():
        out += plan_testimonial(t_ja, en_content.testimonials[tid], ja_content, en_content, urls)
    return out
