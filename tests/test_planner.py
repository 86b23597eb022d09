"""逆算スケジュール: the Python rules, the page's script on the same cases, the static page
and its calendar files, and the planner used in Chromium."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from icalendar import Calendar

from hooks import planner
from hooks.content import load
from tests.conftest import ROOT, run_build
from tests.test_validation import edit

PLAN = None


def plan():
    global PLAN
    PLAN = PLAN or load(ROOT, "ja").data["planner"]
    return PLAN


def dates(direction, start):
    return {d.id: d.date.isoformat() for d in planner.milestones(plan(), direction, dt.date.fromisoformat(start))}


def test_an_april_dispatch_counts_back_to_the_end_of_october_and_the_end_of_the_year():
    got = dates("haken", "2027-04-01")
    assert got["first-contact"] == "2026-10-01"  # 半年前
    assert got["session"] == "2026-10-01"  # the October 説明会 falls inside the window
    assert got["session-online"] == "2026-11-01"
    assert got["company-paperwork"] == "2026-12-31"  # 遅くとも年内
    assert got["submit-sheet"] == "2027-03-01"  # 原則1か月前
    assert got["naidaku"] == got["application"] == "2027-03-15"  # 2週間程度
    assert got["procedures-done"] == "2027-03-31"
    assert list(got) == sorted(got, key=lambda k: got[k])  # in date order


def test_milestones_outside_the_window_or_the_direction_are_left_out():
    october = dates("haken", "2027-10-01")
    assert "session" not in october and "company-paperwork" not in october
    saiyou = dates("saiyou", "2027-04-01")
    assert "first-contact" not in saiyou and "company-paperwork" not in saiyou
    assert saiyou["submit-sheet"] == "2027-03-01"


def test_month_ends_are_clamped():
    assert dates("haken", "2027-08-31")["first-contact"] == "2027-02-28"
    assert dates("haken", "2028-08-31")["first-contact"] == "2028-02-29"
    assert dates("saiyou", "2027-03-31")["submit-sheet"] == "2027-02-28"


def test_the_default_start_is_the_next_1_april_after_the_source_date():
    assert planner.default_start(plan(), dt.date(2026, 1, 1)) == dt.date(2026, 4, 1)
    assert planner.default_start(plan(), dt.date(2026, 4, 1)) == dt.date(2027, 4, 1)
    assert planner.default_start(plan(), dt.date(2026, 12, 2)) == dt.date(2027, 4, 1)


CASES = ["2027-04-01", "2027-10-01", "2027-07-15", "2026-12-02", "2027-08-31", "2028-08-31", "2028-02-29", "2027-01-01", "2027-11-30", "2030-06-10"]


def test_the_page_script_computes_the_same_milestones_as_python(server, browser):
    page = browser.new_page()
    page.goto(server + "/planner/")
    rules = json.loads(page.get_attribute(".kk-planner", "data-rules"))
    got = page.evaluate(
        """async ([rules, cases]) => {
            const m = await import('/assets/planner.js');
            const out = {};
            for (const c of cases) for (const d of ['haken', 'saiyou']) out[d + ' ' + c] = m.milestones(rules, d, c);
            return out;
        }""",
        [rules, CASES],
    )
    for case in CASES:
        for direction in ("haken", "saiyou"):
            expected = [
                {"id": d.id, "date": d.date.isoformat(), "end": d.end.isoformat() if d.end else None, "month": d.month}
                for d in planner.milestones(plan(), direction, dt.date.fromisoformat(case))
            ]
            assert got[f"{direction} {case}"] == expected, (direction, case)
    page.close()


def test_without_javascript_the_page_shows_the_default_schedule_and_its_calendar_files(site):
    # the test build's SOURCE_DATE_EPOCH is 2026-01-01: the next 1 April is 2026-04-01
    html = (site / "planner" / "index.html").read_text(encoding="utf-8")
    assert "開始予定日を2026年4月1日とした場合" in html
    assert '<time datetime="2025-10-01">2025年10月1日</time>' in html
    assert '<time datetime="2026-03-01">2026年3月1日</time>' in html
    article = html.split("data-pagefind-body", 1)[1].split("</article>", 1)[0]
    assert "<script" not in article and " on" + "click=" not in article and " onchange=" not in article
    for lang in ("", "en/"):
        for direction, count in (("haken", 9), ("saiyou", 7)):
            cal = Calendar.from_ical((site / lang / "planner" / f"schedule-{direction}.ics").read_bytes())
            events = cal.walk("VEVENT")
            assert len(events) == count
            assert all(type(e.decoded("dtstart")) is dt.date for e in events)  # all-day
            assert len({str(e["uid"]) for e in events}) == count
    en = (site / "en" / "planner" / "index.html").read_text(encoding="utf-8")
    assert "1 April 2026" in en and "around October 2025" in en


def test_a_planner_in_the_browser_recomputes_and_downloads_a_calendar(server, browser):
    page = browser.new_page(accept_downloads=True)
    page.clock.set_fixed_time(dt.datetime(2027, 3, 10, 12, 0))
    page.goto(server + "/planner/")
    field = page.get_by_label("開始予定日")
    field.fill("2027-10-01")
    field.dispatch_event("change")
    haken = page.locator('.kk-milestones[data-direction="haken"]')
    when = lambda mid: haken.locator(f'[data-id="{mid}"] time')  # noqa: E731
    assert when("first-contact").inner_text() == "2027年4月1日"
    assert when("submit-sheet").inner_text() == "2027年9月1日"
    assert when("naidaku").inner_text() == "2027年9月15日"
    assert haken.locator('[data-id="session"]').is_hidden()  # October 2026 is outside the window
    assert "start=2027-10-01" in page.url
    # a start this close: the first contact is already past, and says so in words
    field.fill("2027-06-01")
    field.dispatch_event("change")
    first = haken.locator('[data-id="first-contact"]')
    assert first.locator(".kk-ms__past").is_visible() and first.locator(".kk-ms__past").inner_text() == "過ぎています"
    assert haken.locator('[data-id="submit-sheet"] .kk-ms__past').is_hidden()
    alert = page.locator(".kk-planner__late-alert a")
    assert alert.is_visible() and alert.get_attribute("href") == "#planner-late"
    with page.expect_download() as info:
        page.locator('.kk-planner__ics[data-direction="haken"]').click()
    download = info.value
    assert download.suggested_filename == "schedule-haken-2027-06-01.ics"
    cal = Calendar.from_ical(open(download.path(), "rb").read())
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    expected = planner.milestones(plan(), "haken", dt.date(2027, 6, 1))
    assert set(events) == {f"kanmin-kouryu-haken-20270601-{d.id}" for d in expected}
    for d in expected:
        event = events[f"kanmin-kouryu-haken-20270601-{d.id}"]
        assert event.decoded("dtstart") == d.date
        assert event.decoded("dtend") == (d.end or d.date) + dt.timedelta(days=1)
    assert "入力支援シート" in str(events["kanmin-kouryu-haken-20270601-submit-sheet"]["summary"])
    assert "/flow/#flow-guidebook-usage-tips" in str(events["kanmin-kouryu-haken-20270601-submit-sheet"]["description"])
    page.close()


def test_a_quote_that_is_not_in_its_source_stops_the_build(project):
    line = edit(project / "data" / "planner.yml", "事務手続きを1月に行うので", "事務手続きを2月に行うので")
    result = run_build(project, project / "site")
    assert result.returncode != 0
    assert f"data/planner.yml:{line}: milestones.3.quotes.0.text: is not word for word in hearing-companies" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
