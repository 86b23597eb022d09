"""実施状況: the 業種別 chart drawn from the same data as its table, the figures the
source states (each with its source), the printed editions' charts named once, and the
page read at 390 px."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from pydantic import ValidationError

from hooks.content import load
from hooks.tools_schema import Figure
from tests.conftest import ROOT
from tests.html import read

SVG = re.compile(r"<svg [^>]*aria-labelledby=\"industries-chart-title.*?</svg>", re.S)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_industry_chart_is_drawn_from_the_tables_data(site, lang):
    html = (site / lang / "status" / "index.html").read_text(encoding="utf-8")
    svg = ET.fromstring(SVG.search(html).group(0))
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert svg.get("role") == "img"
    assert svg.find("s:title", ns).text and svg.find("s:desc", ns).text
    assert svg.get("aria-labelledby") == f"{svg.find('s:title', ns).get('id')} {svg.find('s:desc', ns).get('id')}"
    industries = load(ROOT, "en" if lang else "ja").data["industries"]
    rows = svg.findall("s:g[@class='kk-chart__row']", ns)
    assert len(rows) == len(industries.rows)
    for g, row in zip(rows, industries.rows):
        texts = [t.text for t in g.findall("s:text", ns)]
        assert texts[0] == row.industry
        assert texts[1].endswith(f" {row.saiyou}") and texts[2].endswith(f" {row.haken}")  # every bar says its number
        saiyou, haken = g.findall("s:rect", ns)
        assert haken.get("fill") == "url(#kk-hatch)" and saiyou.get("fill") != haken.get("fill")  # not colour alone
    widths = [float(g.findall("s:rect", ns)[0].get("width")) for g in rows]
    assert widths == sorted(widths, reverse=True) and widths[0] == 250.0  # proportional to the numbers
    # the table is beside the chart, in the same block
    block = html[html.index('class="kk-chart-pair"'):]
    assert block.index("<svg") < block.index('id="industries"')


def test_the_figures_the_source_states_each_say_where_they_come_from(site):
    page = read(site / "status" / "index.html")
    html = (site / "status" / "index.html").read_text(encoding="utf-8")
    figures = re.findall(r'<div class="kk-figure">(.*?)</div>', html, re.S)
    values = [re.sub(r"<[^>]+>", "", re.search(r'kk-figure__value[^>]*>(.*?)</p>', f, re.S).group(1)) for f in figures]
    assert values[:5] == ["829名", "3,971名", "4,012名", "約900社", "過去最多"]
    assert "28法人（41人）・12府省（うち3府省は意見交換のみ）" in values and "34法人40人" in values and "62法人" in values
    assert all('class="kk-source">出典：' in f for f in figures)
    assert "出典：パンフレット「制度のあらましと体験談」（Q.10 7ページ）" in page.text
    assert 'href="../faq/#exchange-record"' in html


def test_a_figure_whose_number_is_not_in_its_quote_is_refused():
    with pytest.raises(ValidationError, match="is not in the quoted text"):
        Figure.model_validate({"value": "830", "label": "x", "quote": {"faq": "exchange-record", "text": "27府省829名"}, "sources": [{"publication": "pamphlet"}]})


@pytest.mark.parametrize("lang, note", [("", "このサイトにはこれらのグラフを掲載していません"), ("en/", "They are not reproduced on this site")])
def test_the_printed_charts_are_named_once_under_a_plain_note(site, lang, note):
    page = read(site / lang / "status" / "index.html")
    html = (site / lang / "status" / "index.html").read_text(encoding="utf-8")
    assert note in page.text
    assert html.count('href="https://www.jinji.go.jp/seisaku/kouryu/jisseki.html"') == 1
    titles = re.findall(r"<li>(.*?)<br>", html.split('class="kk-printed-charts"')[1].split("</ul>")[0])
    assert len(titles) == len(set(titles)) == 8
    headings = [text for _level, _id, text in page.headings]
    assert len(headings) == len(set(headings))  # no two sections with the same title
    assert not any("官民人事交流の実施状況" == h for h in headings)


def test_the_overview_has_no_orphan_chart_caption(site):
    assert "在職者総数" not in read(site / "overview" / "index.html").text


@pytest.mark.parametrize("width", [390, 1280])
def test_status_numbers_are_right_aligned_and_nothing_is_clipped(server, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(server + "/status/")
    aligns = page.eval_on_selector_all("#industries .kk-num", "cells => [...new Set(cells.map(c => getComputedStyle(c).textAlign))]")
    assert aligns == ["right"]
    box = page.locator("#industries")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth"), "the table is wider than its box"
    header = page.locator("#industries thead th").last
    assert header.evaluate("h => h.scrollWidth <= h.clientWidth") and header.inner_text() == "合計(人)"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()
