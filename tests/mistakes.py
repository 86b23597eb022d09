"""The content-mistake corpus: each kind of mistake an editor makes, applied to a copy of
the project, with the message(s) the editor must see — and nothing else.

Each case is a function that breaks a copy (through `Copy`) and returns the messages
expected, as text each message must contain. tests/test_mistakes.py runs the loader on
every case in both languages; a handful of full builds prove the exit code, the absence of
a traceback and the untouched site/."""
from __future__ import annotations

import shutil
from pathlib import Path

CASES: dict[str, callable] = {}


def case(fn):
    CASES[fn.__name__.replace("_", " ")] = fn
    return fn


class Copy:
    """Edits to a copy of the project; each returns the line it concerns."""

    def __init__(self, root: Path):
        self.root = root

    def text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def line(self, rel: str, needle: str) -> int:
        text = self.text(rel)
        assert needle in text, (rel, needle)
        return text[: text.index(needle)].count("\n") + 1

    def replace(self, rel: str, old: str, new: str) -> int:
        line = self.line(rel, old)
        (self.root / rel).write_text(self.text(rel).replace(old, new, 1), encoding="utf-8")
        return line

    def append(self, rel: str, text: str) -> int:
        """Append `text` after a blank line; the line of its first line."""
        current = self.text(rel).rstrip("\n") + "\n\n"
        (self.root / rel).write_text(current + text, encoding="utf-8")
        return current.count("\n") + 1

    def copy(self, src: str, dst: str) -> None:
        shutil.copy(self.root / src, self.root / dst)


FAQ = "content/faq/haken-travel.yml"
FAQ_EN = "content/faq/haken-travel.en.yml"
SECTION = "content/sections/tips-advice.md"
SECTION_EN = "content/sections/tips-advice.en.md"


# Dates


@case
def impossible_date_unquoted(c: Copy):
    line = c.replace("data/sessions.yml", "date: 2025-10-21", "date: 2025-13-01")
    return [f"data/sessions.yml:{line}: in_person.date: 2025-13-01 is not a date (month 13)"]


@case
def impossible_day(c: Copy):
    line = c.replace("data/sessions.yml", "end: 2025-12-24", "end: 2025-02-30")
    return [f"data/sessions.yml:{line}: online.end: 2025-02-30 is not a date (month 2 has no day 30)"]


@case
def impossible_date_quoted(c: Copy):
    line = c.replace("data/sessions.yml", "start: 2025-11-25", 'start: "2025-11-31"')
    return [f"data/sessions.yml:{line}: online.start: 2025-11-31 is not a date (month 11 has no day 31)"]


@case
def impossible_date_in_a_text_field(c: Copy):
    rel = "content/testimonials/pamphlet-interview-kajiwara.yml"
    line = c.replace(rel, "as_of: 令和7年1月～2月", "as_of: 2025-13-01")
    return [
        f"{rel}:{line}: as_of: 2025-13-01 is not a date (month 13)",
        # and, in English, the translation of a field that no longer has Japanese text
        "pamphlet-interview-kajiwara.en.yml:4: as_of: has no Japanese text to translate",
    ]


@case
def date_that_is_not_a_date(c: Copy):
    line = c.replace("data/sessions.yml", "date: 2025-10-21", "date: 21 October 2025")
    return [f"data/sessions.yml:{line}: in_person.date: 21 October 2025 is not a date written like 2025-04-01"]


# YAML structure


@case
def duplicate_key(c: Copy):
    line = c.replace(FAQ, "sources:", "question: 交流派遣職員の旅費は？\nsources:")
    return [f"{FAQ}:{line}: question: is written twice in the same block (first on line 4)"]


@case
def duplicate_nested_key(c: Copy):
    line = c.replace("data/contacts.yml", "    postcode: 100-8913\n", "    postcode: 100-8913\n    tel: 03-3581-0756\n") + 1
    return [f"data/contacts.yml:{line}: organisers.jinji.tel: is written twice in the same block (first on line 9)"]


@case
def unclosed_bracket(c: Copy):
    line = c.replace(FAQ, "audience: [ministry-hr, staff]", "audience: [ministry-hr, staff")
    return [f"{FAQ}:{line}: a list opened with '[' is not closed with ']'"]


@case
def colon_in_a_plain_value(c: Copy):
    line = c.replace(FAQ, "question: 交流派遣職員の旅費について教えてください。", "question: 旅費: 交流派遣職員の旅費について教えてください。")
    return [f"{FAQ}:{line}: a value contains ': ' (colon and space); put the whole value in quotes"]


@case
def unclosed_quote(c: Copy):
    line = c.replace(FAQ, "question: 交流派遣職員の旅費について教えてください。", 'question: "交流派遣職員の旅費について教えてください。')
    return [f"{FAQ}:{line}: a quotation mark opened here is never closed"]


@case
def tab_indentation(c: Copy):
    line = c.replace("data/contacts.yml", "    unit: 人材局企画課", "\tunit: 人材局企画課")
    return [f"data/contacts.yml:{line}: indented with a tab; indent with spaces"]


@case
def misaligned_line(c: Copy):
    line = c.replace(FAQ, "keywords:", "  keywords:")
    return [f"{FAQ}:{line}: this line does not line up with the lines above it"]


@case
def fullwidth_space_indent(c: Copy):
    line = c.replace("content/testimonials/guidebook-hr-voices.yml", "body: |\n  ", "body: |\n\u3000") + 1
    return [f"content/testimonials/guidebook-hr-voices.yml:{line}: indented with a full-width space (U+3000)"]


@case
def shift_jis_file(c: Copy):
    path = c.root / FAQ
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp932"))
    return [f"{FAQ}:4: the file is saved as Shift_JIS; save it as UTF-8"]


# Fields


@case
def misspelt_field(c: Copy):
    line = c.replace(FAQ, "category: haken", "categroy: haken")
    return [f"{FAQ}:{line}: categroy: is not a known field (misspelt?)", f"{FAQ}:1: category: is required"]


@case
def unknown_category(c: Copy):
    line = c.replace(FAQ, "category: haken", "category: hakken")
    return [f"{FAQ}:{line}: category: 'hakken' is not one of: haken, saiyou, general"]


@case
def empty_answer(c: Copy):
    text = c.text(FAQ)
    start = text.index("answer: |")
    end = text.index("sources:")
    (c.root / FAQ).write_text(text[:start] + 'answer: ""\n' + text[end:], encoding="utf-8")
    return [f"{FAQ}:5: answer: must not be empty"]


@case
def text_where_a_list_is_expected(c: Copy):
    line = c.replace(FAQ, "audience: [ministry-hr, staff]", "audience: ministry-hr")
    return [f"{FAQ}:{line}: audience: ministry-hr should be a list"]


@case
def id_not_matching_the_file_name(c: Copy):
    line = c.replace(FAQ, "id: haken-travel", "id: haken-travels")
    return [f"{FAQ}:{line}: id: 'haken-travels' must match the file name 'haken-travel'"]


@case
def id_with_capitals(c: Copy):
    line = c.replace(FAQ, "id: haken-travel", "id: Haken_Travel")
    return [f"{FAQ}:{line}: id: Haken_Travel is not an id: use lower-case ASCII letters"]


@case
def wrong_phone_number(c: Copy):
    line = c.replace("data/contacts.yml", "tel: 03-3581-0755", "tel: 03-3581-07555")
    return [f"data/contacts.yml:{line}: organisers.jinji.tel: 03-3581-07555 is not a phone number like 03-1234-5678"]


@case
def wrong_email(c: Copy):
    line = c.replace("data/contacts.yml", "email: kanmin-kouryuu@jinji.go.jp", "email: kanmin-kouryuu.jinji.go.jp")
    return [f"data/contacts.yml:{line}: organisers.jinji.email: kanmin-kouryuu.jinji.go.jp is not an e-mail address"]


@case
def url_without_https(c: Copy):
    line = c.replace("data/links.yml", "url: https://www.jinji.go.jp/seisaku/kouryu.html", "url: www.jinji.go.jp/seisaku/kouryu.html")
    return [f"data/links.yml:{line}: url: www.jinji.go.jp/seisaku/kouryu.html is not a web address starting with https://"]


@case
def text_where_a_number_is_expected(c: Copy):
    line = c.replace("data/industries.yml", "{industry: 製造業, haken: 6, saiyou: 89, total: 95}", "{industry: 製造業, haken: 6, saiyou: 89 people, total: 95}")
    return [f"data/industries.yml:{line}: rows.0.saiyou: 89 people should be a whole number"]


@case
def wrong_number_in_a_row(c: Copy):
    line = c.replace("data/industries.yml", "{industry: 製造業, haken: 6, saiyou: 89, total: 95}", "{industry: 製造業, haken: 6, saiyou: 88, total: 95}")
    return [f"data/industries.yml:{line}: rows.0.total: 交流派遣 6 + 交流採用 88 = 94, but the source prints 95 for the row"]


@case
def wrong_stated_total(c: Copy):
    line = c.replace("data/industries.yml", "stated_totals: {haken: 26, saiyou: 397, total: 423}", "stated_totals: {haken: 26, saiyou: 398, total: 423}")
    return [f"data/industries.yml:{line}: stated_totals.saiyou: the rows add up to 397, but the source states 398"]


@case
def session_ending_before_it_starts(c: Copy):
    line = c.replace("data/sessions.yml", "end: 2025-12-24", "end: 2025-11-24")
    return [f"data/sessions.yml:{line}: online.end: ends before it starts"]


# Text: helpers, raw HTML, links, headings, tables


@case
def unknown_link_name(c: Copy):
    rel = "content/faq/application-period.yml"
    line = c.replace(rel, '{{ link("kibo-joho") }}', '{{ link("kibo-jyoho") }}')
    return [f'{rel}:{line}: answer: link("kibo-jyoho"): no such name']


@case
def broken_helper_syntax(c: Copy):
    rel = "content/faq/application-period.yml"
    line = c.replace(rel, '{{ link("kibo-joho") }}', '{{ link("kibo-joho" }}')
    return [f"{rel}:{line}: answer: helper syntax:"]


@case
def raw_script_in_a_section(c: Copy):
    line = c.append(SECTION, "<script>alert(1)</script>\n")
    return [f"{SECTION}:{line}: body: raw HTML <script> is not allowed"]


@case
def raw_html_in_a_block_answer(c: Copy):
    line = c.replace(FAQ, "answer: |\n", "answer: |\n  冒頭の一文。\n  <b>太字</b>\n") + 2
    return [f"{FAQ}:{line}: answer: raw HTML <b> is not allowed"]


@case
def event_handler_attribute(c: Copy):
    line = c.replace(FAQ, "answer: |\n", 'answer: |\n  <span onclick="alert(1)">旅費</span>\n') + 1
    return [f"{FAQ}:{line}: answer: attribute 'onclick' is not allowed on <span>"]


@case
def javascript_link(c: Copy):
    line = c.replace(FAQ, "answer: |\n", "answer: |\n  [詳しく](javascript:alert(1))\n") + 1
    return [f"{FAQ}:{line}: answer: the link to 'javascript:alert(1)' is not allowed"]


@case
def disguised_javascript_link(c: Copy):
    line = c.append(SECTION, "[詳しく](JaVa&#x73;cript:alert(1))\n")
    return [f"{SECTION}:{line}: body: the link to 'JaVa&#x73;cript:alert(1)' is not allowed"]


@case
def data_link_in_a_page(c: Copy):
    line = c.append("docs/about.md", "[図](data:text/html;base64,PHNjcmlwdD4=)\n")
    return [f"docs/about.md:{line}: the link to 'data:text/html;base64,PHNjcmlwdD4=' is not allowed"]


@case
def link_into_the_site_from_stored_content(c: Copy):
    line = c.append(SECTION, "[利用の流れ](flow.md)\n")
    return [f"{SECTION}:{line}: body: the link to 'flow.md' points into this site: in stored content write {{{{ ref(\"id\") }}}}"]


@case
def link_to_a_page_that_does_not_exist(c: Copy):
    line = c.append("docs/about.md", "[流れ](flows.md)\n")
    return [f"docs/about.md:{line}: the link to 'flows.md' goes to a page that does not exist (docs/flows.md)"]


@case
def duplicate_heading_id(c: Copy):
    rel = "content/sections/tips-preparation.md"
    first = c.line(rel, "{#tips-select-company}")
    line = c.append(rel, "### もう一度 {#tips-select-company}\n")
    return [
        f"{rel}:{line}: body: duplicate heading id 'tips-select-company': line {first} already uses it",
        # the English page now lacks the heading the Japanese has
        "content/sections/tips-preparation.en.md",
    ]


@case
def table_row_with_an_extra_cell(c: Copy):
    rel = "content/sections/guidebook-index.md"
    line = c.replace(rel, "| 1 | 官民人事交流の概要 | P1 |", "| 1 | 官民人事交流の概要 | P1 | 余分 |")
    return [f"{rel}:{line}: body: this table row has 4 cells, but the table's header has 3; a cell would be lost"]


# Files and references


@case
def same_question_twice(c: Copy):
    c.copy(FAQ, "content/faq/haken-travel-copy.yml")
    c.copy(FAQ_EN, "content/faq/haken-travel-copy.en.yml")
    c.replace("content/faq/haken-travel-copy.yml", "id: haken-travel", "id: haken-travel-copy")
    return [
        "content/faq/haken-travel-copy.yml:4: question: the same question as content/faq/haken-travel.yml (id haken-travel); if both are meant, add `same_question_as: [haken-travel]`",
        "content/faq/haken-travel-copy.en.yml:1: question: the same question as content/faq/haken-travel.yml",
    ]


@case
def missing_manifest_item(c: Copy):
    rel = "data/publications/leaflet.yml"
    line = c.replace(rel, "- faq: both-or-either", "- faq: both-or-neither")
    return [f"{rel}:{line}: faq: 'both-or-neither' does not exist"]


@case
def missing_english_counterpart(c: Copy):
    (c.root / FAQ_EN).unlink()
    return [f"{FAQ}: no English counterpart: add haken-travel.en.yml"]


@case
def english_overlay_with_an_extra_field(c: Copy):
    line = c.append(FAQ_EN, "category: dispatch\n")
    return [f"{FAQ_EN}:{line}: category: has no Japanese text to translate; leave it out"]


@case
def missing_english_translation(c: Copy):
    text = c.text(FAQ_EN)
    (c.root / FAQ_EN).write_text(text[text.index("answer:"):], encoding="utf-8")
    return [f"{FAQ_EN}:1: question: is missing its English translation"]


@case
def section_without_front_matter(c: Copy):
    text = c.text(SECTION)
    (c.root / SECTION).write_text(text[text.index("---", 3) + 4:], encoding="utf-8")
    return [f"{SECTION}:1: no front matter"]


# Cascades: a file that fails to load is the only one reported


@case
def broken_data_file_referred_to_by_a_manifest(c: Copy):
    line = c.replace("data/contacts.yml", "organisers:", "organisers: [")
    return [f"data/contacts.yml:{line}: a list opened with '[' is not closed"]


@case
def broken_faq_referred_to_by_manifests(c: Copy):
    line = c.replace("content/faq/both-or-either.yml", "category:", "category: [")
    return [f"content/faq/both-or-either.yml:{line}: a list opened with '[' is not closed"]


@case
def broken_section_referred_to_by_ref(c: Copy):
    rel = "content/sections/flow.md"
    line = c.replace(rel, "id: flow", "id: flow\nid: flow")
    return [f"{rel}:{line + 1}: id: is written twice in the same block"]


# Files an editor's tools may write, which are fine


@case
def bom_and_crlf_files_are_fine(c: Copy):
    faq = c.root / FAQ
    faq.write_bytes(b"\xef\xbb\xbf" + faq.read_bytes())
    section = c.root / SECTION
    section.write_bytes(section.read_bytes().replace(b"\n", b"\r\n"))
    return []


@case
def a_deliberate_repeat_is_allowed(c: Copy):
    c.copy(FAQ, "content/faq/haken-travel-copy.yml")
    c.copy(FAQ_EN, "content/faq/haken-travel-copy.en.yml")
    c.replace("content/faq/haken-travel-copy.yml", "id: haken-travel", "id: haken-travel-copy\nsame_question_as: [haken-travel]")
    return []
