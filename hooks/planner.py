"""逆算スケジュール: the milestones counted back from a planned start date, computed from
the rules in data/planner.yml. docs/assets/planner.js computes the same from the same
data (the tests compare the two)."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from hooks.tools_schema import Planner

JST = dt.timezone(dt.timedelta(hours=9))


@dataclass(frozen=True)
class Due:
    id: str
    date: dt.date
    end: dt.date | None = None  # the last day, for a month-long (or longer) milestone
    month: bool = False  # known to the month only (「10月頃」)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (earlier when negative), clamped to the month's end."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def milestones(plan: Planner, direction: str, start: dt.date) -> list[Due]:
    """The milestones for an exchange of `direction` starting on `start`, by date."""
    window = add_months(start, -plan.window_months)
    dates = {"start": start}
    found = []
    for order, rule in enumerate(plan.milestones):
        if direction not in rule.directions:
            continue
        if rule.yearly:
            first, last = rule.yearly
            due = None
            for year in (start.year, start.year - 1):  # the latest occurrence inside the window
                begin = dt.date(year, first, 1)
                end = _month_end(year if last >= first else year + 1, last)
                if begin < start and end >= window:
                    due = Due(rule.id, begin - dt.timedelta(days=1)) if rule.due == "before" else Due(rule.id, begin, end, True)
                    break
            if due is None:
                continue
        else:
            base = dates.get(rule.from_)
            if base is None:
                continue
            due = Due(rule.id, add_months(base, rule.months) + dt.timedelta(days=rule.days))
        dates[rule.id] = due.date
        found.append((due.date, order, due))
    return [due for _date, _order, due in sorted(found, key=lambda f: (f[0], f[1]))]


def default_start(plan: Planner, today: dt.date) -> dt.date:
    """1 April (default_start) of the next fiscal year: the first one after `today`."""
    md = plan.default_start
    this_year = dt.date(today.year, md.month, md.day)
    return this_year if this_year > today else dt.date(today.year + 1, md.month, md.day)


def source_day(epoch: str | int | None) -> dt.date:
    """The build's date in Japan, from SOURCE_DATE_EPOCH (never the clock: builds are reproducible)."""
    return dt.datetime.fromtimestamp(int(epoch or 0), JST).date()


def format_date(plan: Planner, day: dt.date, month_only: bool = False) -> str:
    ui = plan.ui
    pattern = ui["month_format"] if month_only else ui["date_format"]
    return pattern.format(y=day.year, month=ui["month_names"][day.month - 1], d=day.day)


def label_of(plan: Planner, due: Due) -> str:
    """How the page shows a milestone's date: a day, a month, or a range of months."""
    if not due.month:
        return format_date(plan, due.date)
    first = format_date(plan, due.date, True)
    if due.end and (due.end.year, due.end.month) != (due.date.year, due.date.month):
        return plan.ui["range_format"].format(**{"from": first, "to": format_date(plan, due.end, True)})
    return first
