"""交流基準の事前チェック: the Python rules on the source's own examples, the page's script
on the same cases, and the questionnaire used in Chromium."""
from __future__ import annotations

import json

import pytest

from hooks.content import load
from hooks.precheck import evaluate
from tests.conftest import ROOT

NO = {"org-type": "company", "prosecution": "no", "licensing-post": "no", "consecutive": "no", "contract-staff": "no",
      "contract-amount": "500", "sales-share": "1", "capital": "1", "employees": "50", "public-revenue": "no"}
# The source's examples (交流基準の概要, pamphlet p.4), as answers, and what may apply.
CASES = {
    # 「所管関係にある当該課の課長の派遣はできません」
    "a 課長 of the division with jurisdiction over the company": ({**NO, "licensing-post": "yes"}, [("licensing", "applies")]),
    # 「同じ府省であっても、所管関係にない別の課の課長の派遣は可能です」
    "a 課長 of another division of the same ministry": (NO, []),
    # 契約の総額2千万円以上、売上の10%以上、資本3億円以上かつ従業員300人以上の大企業
    "a large company with 12% of its sales from the ministry": ({**NO, "contract-amount": "2500", "sales-share": "12", "capital": "5", "employees": "400"}, [("contract-relations", "applies")]),
    "a smaller company with 12% of its sales from the ministry": ({**NO, "contract-amount": "2500", "sales-share": "12", "capital": "5", "employees": "200"}, []),
    "a company with 30% of 1,500万円": ({**NO, "contract-amount": "1500", "sales-share": "30"}, []),
    # 起訴されたり…不利益処分を受けたりした場合は、原則として1年間
    "a company prosecuted this year": ({**NO, "prosecution": "yes"}, [("prosecution", "applies")]),
    # 3回まで連続して実施することができます
    "a fourth exchange in a row with the same division": ({**NO, "consecutive": "yes"}, [("continuous", "applies")]),
    "an NPO living on national contracts": ({**NO, "org-type": "listed", "public-revenue": "yes"}, [("public-revenue", "applies")]),
    "a company answering 分からない about contracts": ({**NO, "contract-staff": "unknown", "employees": ""}, [("contract-staff", "open")]),
    "nothing answered": ({}, [(s, "open") for s in ("prosecution", "licensing", "continuous", "contract-staff", "contract-relations", "public-revenue")]),
}


@pytest.fixture(scope="module")
def check():
    return load(ROOT, "ja").data["precheck"]


@pytest.mark.parametrize("name", CASES)
def test_the_python_rules_on_the_sources_examples(check, name):
    answers, expected = CASES[name]
    assert evaluate(check, answers) == expected


def test_the_page_script_evaluates_the_same_cases_as_python(server, browser, check):
    page = browser.new_page()
    page.goto(server + "/precheck/")
    rules = json.loads(page.get_attribute(".kk-precheck", "data-rules"))
    got = page.evaluate(
        """async ([rules, cases]) => {
            const m = await import('/assets/precheck.js');
            return Object.fromEntries(Object.entries(cases).map(([k, a]) => [k, m.evaluate(rules, a)]));
        }""",
        [rules, {k: v[0] for k, v in CASES.items()}],
    )
    for name, (answers, _expected) in CASES.items():
        assert [tuple(x) for x in got[name]] == evaluate(check, answers), name
    page.close()


def answer(page, answers):
    for qid, value in answers.items():
        field = page.locator(f'[data-question="{qid}"]')
        if field.locator("input[type=number]").count():
            field.locator("input[type=number]").fill(value)
        else:
            field.locator(f'input[value="{value}"]').check()


def shown(page):
    hits = page.locator(".kk-hit:visible")
    return [(h.get_attribute("data-standard"), h.get_attribute("data-status")) for h in hits.all()]


@pytest.mark.parametrize("name", [
    "a 課長 of the division with jurisdiction over the company",
    "a 課長 of another division of the same ministry",
    "a large company with 12% of its sales from the ministry",
])
def test_a_person_answers_the_questionnaire_in_the_browser(server, browser, name):
    answers, expected = CASES[name]
    page = browser.new_page()
    page.goto(server + "/precheck/")
    assert page.locator(".kk-precheck__result").is_hidden()  # nothing claimed before any answer
    answer(page, answers)
    assert shown(page) == expected
    result = page.locator(".kk-precheck__result")
    assert "最初の確認のための目安であり、交流ができるかどうかの判断ではありません" in result.inner_text()
    if expected:
        hit = page.locator(f'.kk-hit[data-standard="{expected[0][0]}"]')
        assert "当たる可能性があります" in hit.inner_text()
        link = hit.locator("a").last
        assert link.get_attribute("href") == f"../standards/#standards-{expected[0][0]}"
        if expected[0][0] == "licensing":  # the rule text is quoted from data/standards.yml
            assert "所管関係にある当該課の課長の派遣はできません" in hit.inner_text()
    else:
        assert "交流基準に当たる項目は見つかりませんでした" in page.locator(".kk-precheck__count").inner_text()
    assert "kanmin-kouryuu@jinji.go.jp" in page.locator("#precheck-contact ~ p").first.inner_text()
    page.close()


def test_without_javascript_each_question_names_the_standard_it_concerns(site):
    html = (site / "precheck" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="kk-q"') == 10
    assert '<span class="kk-label">関係する交流基準：</span><a href="../standards/#standards-licensing">' in html
    en = (site / "en" / "precheck" / "index.html").read_text(encoding="utf-8")
    assert "not a decision" in en and 'href="../standards/#standards-contract-relations"' in en
