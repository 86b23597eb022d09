"""The content model: every file under content/ and data/ is validated against these types
before anything renders. Field names are English; text is Japanese as in the source."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from hooks.modelwords import NotAnImpossibleDate, pattern

# Types


class Strict(BaseModel):
    """Unknown fields are mistakes (a misspelt key would otherwise vanish silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Slug = pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$", "is not an id: use lower-case ASCII letters, digits and single hyphens, like haken-travel")
# Text written like a date (as_of: 2025-04-01) must be a real date.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), NotAnImpossibleDate]
Markdown = Text  # Markdown that may call the content helpers (hooks/texts.py)
PublicationId = Literal["memo", "hearing", "guidebook", "leaflet", "pamphlet", "session-report"]
PUBLICATIONS: tuple[str, ...] = PublicationId.__args__



class Source(Strict):
    publication: PublicationId
    page: int | Text | None = None  # a printed page number, or a label such as 裏表紙
    number: Text | None = None  # the item's number there (Q1, Q.5)


# Content


class Faq(Strict):
    id: Slug
    category: Literal["haken", "saiyou", "general"]
    audience: list[Literal["ministry-hr", "company", "staff"]] = Field(min_length=1)
    question: Markdown
    answer: Markdown
    sources: list[Source] = Field(min_length=1)
    keywords: list[Text] = []
    # Entries that ask the same question on purpose (else the same question twice is an error).
    same_question_as: list[Slug] = []


def _short_headline(text: str) -> str:
    """A video's question headline: Japanese ≤ 20 characters (English ≤ 42, one caption line)."""
    from hooks.english import has_japanese

    limit = 20 if has_japanese(text) else 42
    if len(text) > limit:
        raise ValueError(f"is {len(text)} characters long; a video headline has at most {limit}")
    return text


class Video(Strict):
    """Editorial fields for the short SNS videos (hooks/captions/): all optional."""

    headline: Annotated[Text, AfterValidator(_short_headline)] | None = None
    answers: list[Annotated[int, Field(ge=1)]] | None = Field(default=None, min_length=1)  # which answers (1 = first)
    condensed: dict[int, Markdown] = {}  # answer number -> the editor's shorter wording for the video

    def problems(self, count: int, loc: tuple):
        """(message, location) for answer numbers that do not exist or repeat."""
        for index, number in enumerate(self.answers or []):
            if number > count:
                yield f"there is no answer {number} (there are {count})", loc + ("answers", index)
            elif number in (self.answers or [])[:index]:
                yield f"answer {number} is listed twice", loc + ("answers", index)
        for number in self.condensed:
            if not 1 <= number <= count:
                yield f"there is no answer {number} to condense (there are {count})", loc + ("condensed", number)
            elif self.answers and number not in self.answers:
                yield f"answer {number} is condensed but not used (answers: {self.answers})", loc + ("condensed", number)


class QuestionAnswers(Strict):
    number: Text | None = None
    question: Text
    answers: list[Markdown] = Field(min_length=1)
    video: Video | None = None


class Testimonial(Strict):
    id: Slug
    kind: Literal["interview", "story", "voice", "messages", "hr-voices"]
    direction: Literal["haken", "saiyou", "company-hr"]
    group: Text | None = None
    person: Text | None = None
    organisation: Text | None = None
    role: Text | None = None
    as_of: Text | None = None
    headline: Text | None = None
    from_to: Text | None = None
    source: Source
    items: list[QuestionAnswers] = []
    body: Markdown | None = None
    video: Video | None = None  # for a story, voice or hr-voices; its "answers" are the body's paragraphs

    @model_validator(mode="after")
    def _shape(self):
        if self.kind in ("interview", "messages") and not self.items:
            raise ValueError(f"a testimonial of kind '{self.kind}' needs items (questions and answers)")
        if self.kind in ("story", "voice", "hr-voices") and not self.body:
            raise ValueError(f"a testimonial of kind '{self.kind}' needs a body")
        return self

    def consistency(self):
        """Checks across fields: the video fields name answers that exist."""
        if self.video and self.items:
            yield "belongs to each question here (items: - video:), not to the whole testimonial", ("video",)
        for index, item in enumerate(self.items):
            if item.video:
                yield from item.video.problems(len(item.answers), ("items", index, "video"))
        if self.video and self.body:
            from hooks.captions.plain import paragraphs

            yield from self.video.problems(len(paragraphs(self.body)), ("video",))


class SectionMeta(Strict):
    id: Slug
    title: Text | None = None
    # The heading as a publication prints it, where it differs from `title` (None: no heading).
    titles: dict[PublicationId, Text | None] = {}
    sources: list[Source] = Field(min_length=1)
    as_of: Text | None = None

    def title_in(self, pub: str | None) -> str | None:
        return self.titles[pub] if pub in self.titles else self.title


class Section(SectionMeta):
    body: str = ""
    body_line: int = 1


# Links and publications


class PrintedAs(Strict):
    publication: PublicationId
    url: Text


class Link(Strict):
    title: Text
    url: pattern(r"^https://[^\s<>\"]+$", "is not a web address starting with https://")
    printed_as: list[PrintedAs] = []


class ManifestItem(Strict):
    """One entry of a publication: a chapter (with items) or one stored item."""

    chapter: Text | None = None
    id: Slug | None = None  # a chapter's anchor
    section: Slug | None = None
    faq: Slug | None = None
    testimonial: Slug | None = None
    table: Slug | None = None  # a table from data/ (see data_schema: table_titles)
    page: int | Text | None = None
    # Where the printed edition puts it: on the cover, as the generated table of contents
    # (page numbers of this edition), or on the back cover; None: in the flow.
    print: Literal["cover", "contents", "back-cover"] | None = None
    items: list["ManifestItem"] = []

    @model_validator(mode="after")
    def _one(self):
        kinds = [k for k in ("chapter", "section", "faq", "testimonial", "table") if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError("each item names exactly one of chapter, section, faq, testimonial, table")
        if self.chapter and not self.id:
            raise ValueError("a chapter needs an id (its anchor)")
        if self.items and not self.chapter:
            raise ValueError("only a chapter has items")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in ("chapter", "section", "faq", "testimonial", "table") if getattr(self, k))

    @property
    def ref(self) -> str:
        return self.id if self.chapter else getattr(self, self.kind)


class Publication(Strict):
    id: PublicationId
    title: Text
    short_title: Text
    issuer: Text
    edition: Text | None = None
    description: Text | None = None
    view: Slug | None = None  # its page under docs/publications/, when it has one
    # Its number as an attachment to the memo (別添N), and where the site carries it when
    # it has no view of its own: a page of docs/ and an anchor ("initiatives.md#hearing").
    attachment: int | None = None
    on_site: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_-]+\.md(#[a-z0-9-]+)?$")] | None = None
    page_budget: int | None = None  # the most pages its printed edition may run to (A4)
    items: list[ManifestItem] = []

    @property
    def place(self) -> str | None:
        """Where the site carries it: its view, or the page (and anchor) it is shown on."""
        return f"publications/{self.view}.md" if self.view else self.on_site

    def walk(self, items=None, page=None):
        """Every item with the printed page it stands on (a chapter's page is inherited)."""
        for item in self.items if items is None else items:
            here = item.page if item.page is not None else page
            yield item, here
            yield from self.walk(item.items, here)

    def page_of(self, target: str):
        for item, page in self.walk():
            if item.ref == target:
                return page
        return None


class Ui(Strict):
    """Interface words of one language (data/ui.yml)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    categories: dict[Literal["haken", "saiyou", "general"], Text]
    audiences: dict[Literal["ministry-hr", "company", "staff"], Text]
    directions: dict[Literal["haken", "saiyou", "company-hr"], Text]
    lowercase_labels: bool

    def __getitem__(self, key):
        return getattr(self, key)
