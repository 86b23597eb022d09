"""Typed models of the tables and lists in data/. Each model names the tables it feeds
(`table_titles`) and checks what can be checked (`consistency`)."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from hooks.modelwords import Date, pattern
from hooks.schema import Markdown, Slug, Source, Strict, Text

Tel = pattern(r"^0\d{1,4}-\d{1,4}-\d{4}$", "is not a phone number like 03-1234-5678")
Email = pattern(r"^[^@\s]+@[^@\s]+\.[a-z]+$", "is not an e-mail address like kouryu@example.go.jp")
Postcode = pattern(r"^\d{3}-\d{4}$", "is not a postcode like 100-8913")
Count = Annotated[int, Field(ge=0)]


# 業種別の交流状況


class Column(Strict):
    key: Literal["industry", "haken", "saiyou", "total"]
    heading: Text


class IndustryRow(Strict):
    industry: Text
    haken: Count
    saiyou: Count
    total: Count  # the row's total as printed (合計 / 計), checked against its two numbers


class Totals(Strict):
    haken: Count
    saiyou: Count
    total: Count


class Badge(Strict):
    category: Text
    label: Text


class Industries(Strict):
    id: Literal["industries"]
    title: Text
    badge: Badge
    period: Text
    unit: Text
    zero_printed_as: Text
    total_label: Text
    sources: list[Source]
    columns: dict[Literal["guidebook", "pamphlet"], list[Column]]
    rows: list[IndustryRow] = Field(min_length=1)
    stated_totals: Totals
    note: Markdown

    def table_titles(self):
        return {"industries": self.title}

    def sums(self) -> Totals:
        haken = sum(r.haken for r in self.rows)
        saiyou = sum(r.saiyou for r in self.rows)
        return Totals(haken=haken, saiyou=saiyou, total=haken + saiyou)

    def consistency(self):
        """A row whose numbers do not add up to its printed total is named at its own line;
        only when every row adds up are the column sums checked against the stated 計 row."""
        wrong = [(i, r) for i, r in enumerate(self.rows) if r.haken + r.saiyou != r.total]
        for index, row in wrong:
            yield (f"交流派遣 {row.haken} + 交流採用 {row.saiyou} = {row.haken + row.saiyou}, "
                   f"but the source prints {row.total} for the row"), ("rows", index, "total")
        if wrong:
            return
        sums = self.sums()
        for key in ("haken", "saiyou", "total"):
            stated, computed = getattr(self.stated_totals, key), getattr(sums, key)
            if stated != computed:
                yield f"the rows add up to {computed}, but the source states {stated}", ("stated_totals", key)


# お問い合わせ先


class Organiser(Strict):
    organisation: Text
    unit: Text
    email: Email | None = None
    tel: Tel
    postcode: Postcode
    address: Text


class Office(Strict):
    ministry: Text
    unit: Text
    tel: Tel


class Contacts(Strict):
    organisers: dict[Slug, Organiser]
    organisers_sources: list[Source]
    offices_title: Text
    offices_note: Text
    offices_sources: list[Source]
    offices: list[Office] = Field(min_length=1)

    def table_titles(self):
        return {"offices": self.offices_title}

    def consistency(self):
        seen = set()
        for index, office in enumerate(self.offices):
            if office.ministry in seen:
                yield f"'{office.ministry}' is listed twice", ("offices", index, "ministry")
            seen.add(office.ministry)


# 官民人事交流の対象


class Eligible(Strict):
    name: Text
    restricted: bool = False
    note: Text | None = None


class Role(Strict):
    id: Literal["haken", "saiyou"]
    label: Text
    text: Text


class ExecutiveAgencies(Strict):
    label: Text
    names: list[Text] = Field(min_length=1)
    note: Text


class EligibleList(Strict):
    id: Literal["eligible"]
    title: Text
    sources: list[Source]
    companies_title: Text
    lines: list[list[Eligible]] = Field(min_length=1)
    notes: list[Markdown]
    roles: list[Role]
    ministries_title: Text
    ministries: Text
    executive_agencies: ExecutiveAgencies

    def table_titles(self):
        return {"eligible": self.title}


# 交流基準、方針、身分・期間・服務・給与


class Rule(Strict):
    id: Slug
    title: Text
    body: Markdown


class Standards(Strict):
    id: Literal["standards"]
    title: Text
    sources: list[Source]
    intro: Markdown
    rules: list[Rule] = Field(min_length=1)

    def table_titles(self):
        return {"standards": self.title}


class Policy(Strict):
    sources: list[Source]
    intro: Markdown
    order: list[Literal["saiyou", "haken"]]
    saiyou: list[Markdown]
    haken: list[Markdown]

    def table_titles(self):
        return {"policy": "交流派遣・交流採用の方針"}


class Term(Strict):
    label: str
    text: Text


class Terms(Strict):
    sources: list[Source]
    order: list[Literal["haken", "saiyou"]]
    haken: list[Term]
    saiyou: list[Term]

    def table_titles(self):
        return {"terms": "身分・期間・服務・給与"}


# 福利厚生制度等の適用関係


class SubColumn(Strict):
    id: Literal["saiyou_continued", "saiyou_retired"]
    heading: Text


class WelfareColumn(Strict):
    id: Literal["saiyou", "haken"]
    heading: Text
    subheading: Text
    columns: list[SubColumn] = []


class WelfareRow(Strict):
    item: Text
    saiyou: Text | None = None
    saiyou_continued: Text | None = None
    saiyou_retired: Text | None = None
    haken: Text

    def cells(self) -> list[tuple[str, int]]:
        """(text, colspan) of the 交流採用 cells, then the 交流派遣 cell."""
        if self.saiyou:
            return [(self.saiyou, 2), (self.haken, 1)]
        return [(self.saiyou_continued, 1), (self.saiyou_retired, 1), (self.haken, 1)]


class WelfareGroup(Strict):
    group: Text
    rows: list[WelfareRow] = Field(min_length=1)


class Note(Strict):
    label: Text
    text: Markdown


class Welfare(Strict):
    id: Literal["welfare"]
    title: Text
    sources: list[Source]
    columns: list[WelfareColumn]
    rows: list[Union[WelfareRow, WelfareGroup]]
    notes: list[Note]

    def table_titles(self):
        return {"welfare": self.title}

    def consistency(self):
        for index, row in enumerate(self.rows):
            for sub, r in [(None, row)] if isinstance(row, WelfareRow) else enumerate(row.rows):
                loc = ("rows", index) if sub is None else ("rows", index, "rows", sub)
                if bool(r.saiyou) == bool(r.saiyou_continued or r.saiyou_retired):
                    yield "give either saiyou (both 交流採用 types) or saiyou_continued and saiyou_retired", loc


# 説明会


class ProgrammeItem(Strict):
    number: Text
    title: Text
    details: list[Text] = []


class Participants(Strict):
    organisations: Count
    people: Count
    ministries: Count
    exchange_only_ministries: Count


class InPerson(Strict):
    heading: Text
    venue: Text
    date_label: Text
    date: Date
    participants_heading: Text
    participants: Participants
    programme_heading: Text
    programme: list[ProgrammeItem]


class Viewers(Strict):
    organisations: Count
    people: Count


class Online(Strict):
    heading: Text
    period_heading: Text
    period_label: Text
    start: Date
    end: Date
    method_heading: Text
    method: Text
    viewers_heading: Text
    viewers: Viewers
    note: Text


class Sessions(Strict):
    title: Text
    fiscal_year: Text
    sources: list[Source]
    intro: list[Markdown]
    publicity_heading: Text
    publicity: list[Text]
    in_person: InPerson
    online: Online
    closing: Text | None = None

    def table_titles(self):
        return {"session-report": self.title}

    def consistency(self):
        if self.online.end < self.online.start:
            yield "ends before it starts", ("online", "end")


DATA_MODELS = {
    "industries": Industries,
    "contacts": Contacts,
    "eligible": EligibleList,
    "standards": Standards,
    "policy": Policy,
    "terms": Terms,
    "welfare": Welfare,
    "sessions": Sessions,
}

# The tools' data (planner, pre-check, readings, status figures): hooks/tools_schema.py
from hooks.tools_schema import TOOL_MODELS  # noqa: E402

DATA_MODELS.update(TOOL_MODELS)
