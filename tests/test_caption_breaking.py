"""Property tests of the caption breaker: random Japanese, English and mixed text (long
names, numbers, URLs, emoji). Every rule holds, or the break that could not follow it is
reported for the editor; no text is ever lost."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks.captions import units
from hooks.captions.languages import EN, JA, lay_out
from hooks.captions.phrases import NEVER_END
from hooks.captions.plain import sentences
from hooks.captions.rules import NO_START_JA
from hooks.captions.timing import FPS, GAP, MAX_FRAMES, MIN_FRAMES, schedule

HIRAGANA = st.text("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼっゃゅょ", min_size=1, max_size=6)
KATAKANA = st.text("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロワンガギグゲゴバビブベボパピプペポッャュョー", min_size=2, max_size=12)
KANJI = st.text("官民人事交流派遣採用企業省庁職員制度経験成長視点業務情報提供活用期間部署特許製造産業局化学物質管理課国際班", min_size=1, max_size=18)
PARTICLE = st.sampled_from(["は", "が", "を", "に", "で", "と", "の", "も", "から", "について", "において", "といった", "に向けて", "等の", "的な", "者が"])
NUMBER = st.integers(0, 10**9).map(str)
URL = st.sampled_from(["https://www.jinji.go.jp/seisaku/kouryu/seido/nagare.html", "https://kanmin-kouryu.example/", "www.cas.go.jp"])
EMOJI = st.sampled_from(["👍", "👍🏻", "🇯🇵", "👨‍👩‍👧", "❤️", "🙂"])
NAME = st.sampled_from(["経済産業省特許庁製造産業局化学物質管理課国際班", "コーポレート統括本部総務本部知的財産部", "梶原 慶彦", "KDDI株式会社"])
JA_WORD = st.one_of(st.tuples(KANJI, PARTICLE).map("".join), st.tuples(KATAKANA, PARTICLE).map("".join), HIRAGANA, NUMBER, URL, EMOJI, NAME, st.sampled_from(["「", "」", "（", "）", "・"]))
JA_SENTENCE = st.tuples(st.lists(st.tuples(JA_WORD, st.sampled_from(["", "", "", "、"])).map("".join), min_size=1, max_size=14).map("".join), st.sampled_from(["。", "！", "？", ""])).map("".join)

EN_WORD = st.one_of(
    st.from_regex(r"[a-z]{1,12}", fullmatch=True), st.sampled_from(sorted(NEVER_END)), NUMBER, URL, EMOJI,
    st.sampled_from(["exchange", "through", "dispatch", "Ministry", "Economy,", "Trade", "Industry.", "KAJIWARA", "Yoshihiko", "supercalifragilisticexpialidocious-and-more"]),
)
EN_SENTENCE = st.tuples(st.lists(EN_WORD, min_size=1, max_size=30).map(" ".join), st.sampled_from([".", "!", "?", ",", ""])).map("".join)


def _plain(text: str) -> str:
    return re.sub(r"[、。，．\u3000 ]", "", text)


def _check_timing(cues, lang):
    times = schedule([lang.length(c) for c in cues], lang.speed)
    for cue, timed in zip(cues, times):
        frames = timed.end - timed.start
        assert MIN_FRAMES <= frames <= MAX_FRAMES
        assert frames >= min(MAX_FRAMES, lang.length(cue) / lang.speed * FPS - 1e-6)
        assert timed.start_ms == round(timed.start * 1000 / FPS)
    assert all(b.start - a.end >= GAP for a, b in zip(times, times[1:]))


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(st.lists(JA_SENTENCE, min_size=1, max_size=4).map("".join), min_size=1, max_size=3))
def test_japanese_and_mixed_text_follow_the_rules_or_are_reported(answers):
    split = [sentences(a, "ja") for a in answers]
    cues, _which, forced = lay_out(JA, split)
    lines = [line for cue in cues for line in cue]
    assert _plain("".join(lines)) == _plain("".join(answers))  # nothing is cut
    assert all(1 <= len(cue) <= 2 for cue in cues)
    assert all(units.half_units(line) <= 26 for line in lines)
    assert all(not re.search("[。、，．]", line) for line in lines)  # film punctuation
    bad = [line for line in lines if line[:1] in NO_START_JA or line[-1:] in units.NO_LINE_END]
    assert not bad or forced, bad  # a prohibited line start or end only where a phrase was broken (reported)
    # every line ends at a phrase boundary, or at a reported break inside a phrase
    allowed, pos = set(), 0
    for sentences_ in split:
        for token in JA.tokens(sentences_, JA.limit):
            pos += len(_plain(token.text))
            if not token.forced:
                allowed.add(pos)
        allowed.add(pos)
    pos = 0
    for line in lines:
        pos += len(_plain(line))
        assert pos in allowed or forced, line
    _check_timing(cues, JA)


@SETTINGS
@given(st.lists(st.lists(EN_SENTENCE, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=3))
def test_english_text_follows_the_rules_or_is_reported(answers):
    split = [sentences(a, "en") for a in answers]
    cues, _which, forced = lay_out(EN, split)
    lines = [line for cue in cues for line in cue]
    assert "".join(lines).replace(" ", "") == "".join(answers).replace(" ", "")
    assert all(1 <= len(cue) <= 2 for cue in cues)
    assert all(len(units.graphemes(line)) <= 32 for line in lines)
    for cue in cues[:-1] + [cues[-1][:-1]]:
        for line in cue:
            word = line.split()[-1]
            if word.lower() in NEVER_END:
                assert any(t.text == word for t in forced), line  # reported, never silent
    _check_timing(cues, EN)


def test_a_name_wider_than_a_line_is_reported_not_cut():
    name = "経済産業省特許庁製造産業局化学物質管理課国際班に"
    cues, _which, forced = lay_out(JA, [[name + "所属しました。"]])
    assert forced and len(forced[0].phrase) > 13 and forced[0].phrase in name
    assert _plain("".join(line for cue in cues for line in cue)) == _plain(name + "所属しました。")
