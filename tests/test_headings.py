"""Phrase breaks in headings follow Japanese line-breaking rules."""
from __future__ import annotations

from hooks import headings


def test_no_break_is_offered_before_closing_punctuation(monkeypatch):
    class Parser:  # phrases as a segmenter might return them
        @staticmethod
        def parse(text):
            return ["会社から", "「組織に", "いい影響を", "与えている", "。」との", "言葉"]

    monkeypatch.setattr(headings, "_parser", Parser)
    html = headings.phrase_break('<h3 id="x">会社から「組織にいい影響を与えている。」との言葉</h3>')
    assert '与えている。」との</span><wbr><span class="kk-phrase">言葉' in html
    assert '<span class="kk-phrase">。' not in html


def test_tags_inside_headings_are_kept():
    html = headings.phrase_break('<h2 id="a">交流派遣を進める<a class="headerlink" href="#a">#</a></h2>')
    assert '<a class="headerlink" data-pagefind-ignore href="#a">#</a>' in html  # kept, out of the index
    assert "<wbr>" in html
