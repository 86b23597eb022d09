"""Checks of every text an editor writes, at the file and line where it is written: the
helpers it calls, its raw HTML, its links, heading ids and tables; the docs pages' links;
and the same FAQ question published twice."""
from __future__ import annotations

import re
from pathlib import Path

from hooks import attachments, english, markdowncheck, texts
from hooks.problems import Problems
from hooks.rawhtml import check_raw_html


def markdown_fields(content):
    """(file, first line of the text, field, text) for every text of the loaded content."""
    for store in (content.faq, content.testimonials):
        for item_id, item in store.items():
            rel = content.files[item_id]
            located = content.files[rel]
            for loc, text in _strings(item.model_dump(exclude={"id", "sources", "source", "keywords"})):
                yield (*located.where(rel, loc), ".".join(map(str, loc)), text)
    for section_id, section in content.sections.items():
        yield content.files[section_id], section.body_line, "body", section.body
    for name, model in content.data.items():
        rel = f"data/{name}.yml"
        located = content.files.get(rel)
        for loc, text in _strings(model.model_dump()):
            where = located.where(rel, loc) if located else (rel, None)
            yield (*where, ".".join(map(str, loc)), text)


def _strings(value, loc=()):
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, sub in value.items():
            yield from _strings(sub, loc + (key,))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _strings(sub, loc + (index,))


def check(content, problems: Problems) -> None:
    contacts = content.data.get("contacts")
    known = {  # None: that list failed to load (already reported), so names are not checked
        "link": set(content.links) | content.failed if content.links else None,
        "ref": set(content.targets) | content.failed,
        "tel": {k for k, v in contacts.organisers.items() if v.tel} if contacts else None,
        "email": {k for k, v in contacts.organisers.items() if v.email} if contacts else None,
    }
    places = attachments.places(content.publications)
    ui = content.ui.get(content.lang)
    for rel, line, name, text in markdown_fields(content):
        found = texts.check(text, known) if "{" in text else []
        found += check_raw_html(text) + markdowncheck.check(text, stored=True, first_line=line or 1)
        found += attachments.unknown(text, ui, places) if ui else []
        for offset, message in found:
            problems.add(rel, (line or 1) + offset - 1, name, message)
    _check_questions(content, problems)
    _check_pages(content.root, content.lang, problems)


def _check_questions(content, problems: Problems) -> None:
    """The same question twice in one language is a copied file, unless an entry says
    `same_question_as:` the other on purpose."""
    first: dict[str, str] = {}
    for item_id, item in sorted(content.faq.items()):
        key = re.sub(r"\s+", "", item.question)
        other = first.get(key)
        if other is None:
            first[key] = item_id
            continue
        if other in (item.same_question_as or []) or item_id in (content.faq[other].same_question_as or []):
            continue
        rel = content.files[item_id]
        where, line = content.files[rel].where(rel, ("question",))
        problems.add(where, line, "question", f"the same question as {content.files[other]} (id {other}); if both are meant, add `same_question_as: [{other}]`")


def _check_pages(root: Path, lang: str, problems: Problems) -> None:
    """Links in the docs pages of the language: allowed schemes, and pages that exist."""
    docs = root / "docs"
    for path in sorted(docs.rglob("*.md")):
        if english.is_english(path) != (lang != "ja"):
            continue
        rel = path.relative_to(root).as_posix()
        page = path.relative_to(docs).as_posix()
        page = page.replace(".en.md", ".md") if lang != "ja" else page
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        found = markdowncheck.check(text, stored=False)
        for line, target in markdowncheck.links(text):
            resolved = markdowncheck.relative_target(page, target)
            if resolved and resolved[0] != page and not (docs / resolved[0]).exists():
                found.append((line, f"the link to '{target}' goes to a page that does not exist (docs/{resolved[0]})"))
        for line, message in found:
            problems.add(rel, line, "", message)
