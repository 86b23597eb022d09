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


# 交流基準の事前チェック


class Option(Strict):
    value: Slug
    label: Text


class Question(Strict):
    id: Slug
    kind: Literal["yes-no", "choice", "number"] = "yes-no"
    text: Text
    options: list[Option] = []
    unit: Text | None = None


class Condition(Strict):
    q: Slug | None = None
    is_: Slug | None = Field(None, alias="is")
    at_least: float | None = None
    all: list["Condition"] = []
    any: list["Condition"] = []

    def walk(self):
        yield self
        for sub in (*self.all, *self.any):
            yield from sub.walk()


class CheckRule(Strict):
    standard: Slug
    when: Condition


class Precheck(Tool):
    title: Text
    ui: dict[str, Text]
    questions: list[Question] = Field(min_length=1)
    rules: list[CheckRule] = Field(min_length=1)

    def consistency(self):
        questions = {q.id: q for q in self.questions}
        for index, rule in enumerate(self.rules):
            for cond in rule.when.walk():
                if cond.q is None and not (cond.all or cond.any):
                    yield "a condition needs q: (with is: or at_least:), all: or any:", ("rules", index, "when")
                elif cond.q and cond.q not in questions:
                    yield f"'{cond.q}' is not one of the questions", ("rules", index, "when")
                elif cond.q and cond.is_ and questions[cond.q].kind == "choice" and cond.is_ not in {o.value for o in questions[cond.q].options}:
                    yield f"'{cond.is_}' is not an option of '{cond.q}'", ("rules", index, "when")


# 実施状況


class Figure(Strict):
    value: Text | None = None
    unit: Text | None = None
    label: Text
    quote: Quote | None = None
    session: Literal["in_person", "online"] | None = None
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_kind(self):
        if bool(self.value and self.quote) == bool(self.session):
            raise ValueError("give either value: with quote:, or session: (in_person or online)")
        if self.value and self.quote and self.value not in self.quote.text:
            raise ValueError(f"the value '{self.value}' is not in the quoted text")
        return self


class Chart(Strict):
    title: Text
    printed_in: list[Source] = Field(min_length=1)


class Status(Tool):
    figures: list[Figure] = Field(min_length=1)
    charts_note: Text
    charts_link: Slug
    charts: list[Chart] = Field(min_length=1)
    chart_title: Text
    chart_description: Text

    def quotes(self):
        for index, figure in enumerate(self.figures):
            if figure.quote:
                yield ("figures", index, "quote"), figure.quote


# お問い合わせ先


class Directory(Tool):
    note: Text
    ui: dict[str, Text]
    readings: dict[Text, Text]


TOOL_MODELS = {
    "directory": Directory,
    "status": Status,
    "planner": Planner,
    "precheck": Precheck,
}
