"""Typed models of the data the tools are built from: the schedule planner
(data/planner.yml), the 交流基準 pre-check (data/precheck.yml), the readings of the
ministries' names (data/readings.yml) and the status page (data/status.yml)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from hooks.schema import Markdown, Slug, Source, Strict, Text

Direction = Literal["haken", "saiyou"]


class Tool(Strict):
    def table_titles(self):
        return {}


# 逆算スケジュール


class Quote(Strict):
    text: Text
    section: Slug | None = None
    faq: Slug | None = None
    anchor: Slug | None = None


class MonthDay(Strict):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)


class Milestone(Strict):
    id: Slug
    directions: list[Direction] = Field(min_length=1)
    label: Text
    quotes: list[Quote]
    from_: Slug | None = Field(None, alias="from")
    months: int = 0
    days: int = 0
    yearly: tuple[int, int] | None = None
    due: Literal["before"] | None = None

    @model_validator(mode="after")
    def _one_rule(self):
        if (self.from_ is None) == (self.yearly is None):
            raise ValueError("give either from: (with months:/days:) or yearly:")
        if self.yearly and not all(1 <= m <= 12 for m in self.yearly):
            raise ValueError("yearly: months are 1 to 12")
        return self


class Planner(Tool):
    window_months: int = Field(ge=1, le=12)
    default_start: MonthDay
    title: Text
    ui: dict[str, Text | list[Text]]
    late_quote: Quote
    milestones: list[Milestone] = Field(min_length=1)

    def quotes(self):
        yield ("late_quote",), self.late_quote
        for index, m in enumerate(self.milestones):
            for n, quote in enumerate(m.quotes):
                yield ("milestones", index, "quotes", n), quote

    def consistency(self):
        known = {"start"}
        for index, m in enumerate(self.milestones):
            if m.from_ and m.from_ not in known:
                yield f"'{m.from_}' is not 'start' or an earlier milestone", ("milestones", index, "from")
            known.add(m.id)


TOOL_MODELS = {
    "planner": Planner,
}
