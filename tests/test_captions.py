"""Video captions: the files of every video in the real build, every rule on every cue,
the Video captions page, the editor's video fields and the preview sheets."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import srt
import webvtt
from PIL import Image

from hooks.captions import preview, rules, stage
from hooks.captions.catalogue import catalogue
from tests.conftest import ROOT, SITE_URL
from tests.html import read
from tests.test_validation import failed_build

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def cat():
    """The videos of the real content, for the address the test site is built for."""
    saved = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = SITE_URL
    try:
        return catalogue(ROOT)
    finally:
        if saved is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = saved


def versions(cat):
    for video in cat.videos:
        for lang, version in video.versions.items():
            yield video, lang, version


def test_every_video_has_its_files_in_both_languages(site, cat):
    assert len(cat.videos) >= 30  # one per question or testimonial, more with parts
    ids = {v.id for v in cat.videos}
    for t in ("guidebook-messages-q1", "leaflet-voice-ikaida", "pamphlet-interview-kajiwara-q1"):
        assert t in ids
    for video, lang, _version in versions(cat):
        for ext in ("srt", "vtt", "txt", "png"):
            assert (site / "captions" / f"{video.id}.{lang}.{ext}").stat().st_size > 0
    for lang in ("ja", "en"):
        assert (site / "captions" / f"site-qr.{lang}.png").exists()


def test_every_srt_and_vtt_parses_back_to_the_same_cues(site, cat):
    for video, lang, version in versions(cat):
        expected = [(c.timed.start_ms, c.timed.end_ms, "\n".join(c.lines)) for c in version.cues]
        subs = list(srt.parse((site / "captions" / f"{video.id}.{lang}.srt").read_text(encoding="utf-8")))
        got = [(s.start.total_seconds() * 1000, s.end.total_seconds() * 1000, s.content) for s in subs]
        assert [(round(a), round(b), t) for a, b, t in got] == expected, video.id
        vtt = webvtt.read(str(site / "captions" / f"{video.id}.{lang}.vtt"))
        got = [(round(c.start_in_seconds * 1000 + int(c.start[-3:]) % 1000 * 0), c.text) for c in vtt]
        assert [c.text for c in vtt] == [t for _a, _b, t in expected], video.id
        assert [(c.start, c.end) for c in vtt] == [(_clock(a), _clock(b)) for a, b, _t in expected], video.id


def _clock(ms):
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def test_every_cue_from_the_real_content_follows_every_rule(cat):
    reported = {(r.video, r.kind) for r in cat.reports}
    broken = []
    for video, lang, version in versions(cat):
        for problem in rules.check(version):
            if not (problem.startswith("video_length") and (video.id, "long") in reported):
                broken.append(f"{video.id}.{lang}: {problem}")
        problems, inside = rules.phrase_breaks(video, lang)
        broken += [f"{video.id}.{lang}: {p}" for p in problems]
        if inside:
            assert (video.id, "wide") in reported, f"{video.id}: {inside} broken inside but not reported"
        assert version.frames <= 60 * 30 or (video.id, "long") in reported
    assert not broken, "\n".join(broken)


def test_english_lines_fit_the_files_and_the_burned_in_preview(cat):
    for _video, lang, version in versions(cat):
        if lang == "en":
            assert not rules.line_width(version, 42) and not rules.line_width(version, 32)


def test_parts_repeat_the_headline_numbered_and_cover_the_same_sentences(cat):
    by_base = {}
    for video in cat.videos:
        by_base.setdefault(re.sub(r"-p\d+$", "", video.id), []).append(video)
    split = [parts for parts in by_base.values() if len(parts) > 1]
    assert split
    for parts in split:
        for video in parts:
            for lang, label in (("ja", f"（{video.part}/{video.parts}）"), ("en", f" ({video.part}/{video.parts})")):
                cards = [line for c in video.versions[lang].cues if c.role != "caption" for line in c.lines]
                assert any(line.endswith(label.strip()) for line in cards), (video.id, lang, cards)
                assert [label.strip()] not in [c.lines for c in video.versions[lang].cues], (video.id, lang, "the number stands alone")
                if video.units[lang].headline:  # the question headline, repeated in every part
                    assert video.units[lang].headline.replace(" ", "")[:6] in "".join(cards).replace(" ", "")
        # together the parts cover every sentence once, in both languages
        for code, spans in (("ja", "spans"), ("en", "en_spans")):
            covered = [(a, s) for v in parts for a, first, last in getattr(v, spans) for s in range(first, last)]
            unit = parts[0].units[code]
            assert covered == [(a, s) for a, sentences in enumerate(unit.answers) for s in range(len(sentences))]


def test_a_greedy_break_is_avoided(cat):
    """「どう／見えているか」 is what filling lines greedily gives."""
    video = next(v for v in cat.videos if v.id == "guidebook-messages-q1")
    lines = [line for c in video.versions["ja"].cues for line in c.lines]
    assert not any(line.endswith("どう") for line in lines)
    assert any("どう見えているか" in line for line in lines)


@pytest.mark.parametrize("name", ["pamphlet-interview-kajiwara-q1.ja.srt", "leaflet-voice-ikaida.en.srt"])
def test_golden_captions(site, name):
    """Reviewed by reading: these captions read naturally and follow the rules."""
    assert (site / "captions" / name).read_text(encoding="utf-8") == (GOLDEN / name).read_text(encoding="utf-8")


def test_the_script_lists_the_cards_in_order_with_the_closing_url(site, cat):
    video = next(v for v in cat.videos if v.id == "pamphlet-interview-kajiwara-q1")
    script = (site / "captions" / "pamphlet-interview-kajiwara-q1.ja.txt").read_text(encoding="utf-8")
    order = [script.index(word) for word in ("タイトル", "梶原 慶彦 氏", "質問", "[回答1]", "字幕", "エンドカード", cat.urls["ja"], "site-qr.ja.png")]
    assert order == sorted(order)
    assert f"合計: {video.versions['ja'].frames / 30:.1f} 秒" in script


@pytest.mark.parametrize("page, lang", [("captions/index.html", "ja"), ("en/captions/index.html", "en")])
def test_the_page_lists_every_video_with_its_length_and_files(site, cat, page, lang):
    html, source = read(site / page), (site / page).read_text(encoding="utf-8")
    for video in cat.videos:
        for code in ("ja", "en"):
            for ext in ("txt", "srt", "vtt", "png"):
                href = next(h for h in html.hrefs if h.endswith(f"captions/{video.id}.{code}.{ext}"))
                assert (site / page).parent.joinpath(href).resolve().exists()
        row = re.search(rf'<tr id="video-{re.escape(video.id)}">(.*?)</tr>', source, re.S).group(1)
        for code in ("ja", "en"):
            seconds = f"{video.versions[code].frames / 30:.1f}"
            assert seconds in row, (video.id, code)
    for report in cat.reports:
        assert report.path in html.text and report.field in html.text
    assert "caption-reports" in html.ids


def test_the_page_is_reached_from_publications(site):
    for page, label in (("publications/index.html", "動画用字幕"), ("en/publications/index.html", "Video captions")):
        html = read(site / page)
        assert label in html.text


def test_the_build_prints_the_editor_reports(cat):
    assert cat.reports, "the real content has phrases wider than a line"
    text = str(cat.reports[0])
    assert re.match(r"content/testimonials/[\w.-]+\.yml:\d+: [\w.]+: ", text)


def test_video_fields_are_validated_with_file_line_and_field(project: Path):
    path = project / "content" / "testimonials" / "pamphlet-interview-kajiwara.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - number: Q1\n", "  - number: Q1\n    video:\n      headline: 官民人事交流での取組に関して自社が力を入れていること\n", 1), encoding="utf-8")
    path = project / "content" / "testimonials" / "leaflet-voice-kazama.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("body: |", "video:\n  answers: [2, 1, 1]\n  condensed: {3: 短く}\nbody: |", 1), encoding="utf-8")
    out = failed_build(project)
    assert "content/testimonials/pamphlet-interview-kajiwara.yml:13: items.0.video.headline: is 26 characters long; a video headline has at most 20" in out
    assert "content/testimonials/leaflet-voice-kazama.yml:11: video.answers.0: there is no answer 2 (there are 1)" in out
    assert "content/testimonials/leaflet-voice-kazama.yml:11: video.answers.2: answer 1 is listed twice" in out
    assert "content/testimonials/leaflet-voice-kazama.yml:12: video.condensed.3: there is no answer 3 to condense (there are 1)" in out


def test_video_fields_choose_the_headline_answers_and_condensed_wording(project: Path):
    for name, headline, condensed in (("guidebook-messages.yml", "派遣で得た気づき", "付加価値の提供は難しいと感じました。"), ("guidebook-messages.en.yml", "What I noticed", "Adding value was hard.")):
        path = project / "content" / "testimonials" / name
        text = path.read_text(encoding="utf-8")
        marker = "  - number: Q\n    question: 民間企業で働いてみて" if name.endswith(".yml") and ".en." not in name else None
        if marker:
            text = text.replace(marker, f"  - number: Q\n    video:\n      headline: {headline}\n      answers: [1, 2]\n      condensed: {{1: {condensed}}}\n    question: 民間企業で働いてみて", 1)
        else:
            items = text.split("\n  - ")
            items[2] = items[2].replace("question:", f"video:\n      headline: {headline}\n      condensed: {{1: {condensed}}}\n    question:", 1) if items[2].startswith("question") else items[2]
            text = "\n  - ".join(items)
        path.write_text(text, encoding="utf-8")
    cat_ = catalogue(project)
    video = next(v for v in cat_.videos if v.id.startswith("guidebook-messages-q2"))
    ja = "".join(line for c in video.versions["ja"].cues for line in c.lines)
    assert video.unit.numbers == [1, 2] and video.unit.edited_headline
    assert "派遣で得た気づき" in ja and "付加価値の提供は難しいと感じました" in ja
    assert "目の前のお客さん" not in ja  # the stored answer 1 is replaced by its condensed wording
    en = " ".join(line for c in video.versions["en"].cues for line in c.lines)
    assert "What I noticed" in en and "Adding value was hard." in en


def test_preview_keeps_captions_clear_of_the_apps_buttons(site, cat):
    """No caption pixel (white) falls in the bottom quarter or the right-hand button column."""
    for video_id, lang in (("guidebook-messages-q1", "ja"), ("pamphlet-interview-kajiwara-q1", "ja"), ("leaflet-voice-ikaida", "en")):
        version = next(v for v in cat.videos if v.id == video_id).versions[lang]
        sheet = Image.open(site / "captions" / f"{video_id}.{lang}.png").convert("RGB")
        scale = preview.TILE_W / preview.W
        bottom_top = int((preview.H - preview.BOTTOM) * scale) + 2
        right_left = int((preview.W - preview.RIGHT) * scale) + 2
        frames = len(version.cues) + 1
        columns = min(preview.COLUMNS, frames)
        assert sheet.size == (columns * (preview.TILE_W + 12) + 12, -(-frames // columns) * (preview.TILE_H + 12) + 12)
        for index in range(frames):
            r, c = divmod(index, columns)
            x0, y0 = 12 + c * (preview.TILE_W + 12), 12 + r * (preview.TILE_H + 12)
            for box in ((x0, y0 + bottom_top, x0 + preview.TILE_W, y0 + preview.TILE_H), (x0 + right_left, y0 + preview.TILE_H // 3, x0 + preview.TILE_W, y0 + preview.TILE_H)):
                pixels = sheet.crop(box).get_flattened_data()
                assert not any(min(p) > 200 for p in pixels), f"{video_id}.{lang}: caption text under the buttons in frame {index + 1}"
            caption = sheet.crop((x0, y0 + preview.TILE_H // 3, x0 + right_left, y0 + bottom_top)).get_flattened_data()
            assert any(min(p) > 200 for p in caption), f"{video_id}.{lang}: frame {index + 1} shows no text"


def test_emoji_are_flagged_in_the_preview_and_reported(project: Path):
    path = project / "content" / "testimonials" / "leaflet-voice-kazama.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(body: \|\n  )", r"\1とても楽しい毎日でした👍🏻。", text, count=1), encoding="utf-8")
    cat_ = catalogue(project)
    video = next(v for v in cat_.videos if v.id == "leaflet-voice-kazama")
    assert any(r.kind == "emoji" and r.video == video.id and "👍🏻" in r.message("en") for r in cat_.reports)
    assert "〔絵文字〕" in preview.ass(video.versions["ja"], video.id)


def test_a_cached_sheet_is_byte_identical_to_a_fresh_render_and_skipped_when_unchanged(site, cat, tmp_path):
    video = next(v for v in cat.videos if v.id == "leaflet-voice-ikaida")
    version = video.versions["ja"]
    qr = site / "captions" / "site-qr.ja.png"
    renderer = stage._renderer_id()
    first, second = tmp_path / "a" / "x.png", tmp_path / "b" / "x.png"
    first.parent.mkdir()
    second.parent.mkdir()
    assert stage._sheet(version, video.id, qr, first, tmp_path / "cache", renderer) is True
    assert stage._sheet(version, video.id, qr, second, tmp_path / "cache", renderer) is False
    assert first.read_bytes() == second.read_bytes() == (site / "captions" / "leaflet-voice-ikaida.ja.png").read_bytes()
