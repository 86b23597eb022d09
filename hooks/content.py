"""Loads and validates all content (content/, data/) into one Content object.

Every problem in every file is collected first; then one ContentError lists them all
with file, line and field."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from hooks import english, homes, schema, textchecks, texts, tools, translation
from hooks.data_schema import DATA_MODELS
from hooks.modelwords import validate
from hooks.problems import Problems
from hooks.sourcefile import Located

MARKER = re.compile(r"<!--\s*kk:([a-z-]+)((?:\s+[^\s>]+)*)\s*-->")


@dataclass
class Content:
    root: Path
    lang: str = "ja"
    faq: dict[str, schema.Faq] = field(default_factory=dict)
    testimonials: dict[str, schema.Testimonial] = field(default_factory=dict)
    sections: dict[str, schema.Section] = field(default_factory=dict)
    data: dict[str, BaseModel] = field(default_factory=dict)
    links: dict[str, schema.Link] = field(default_factory=dict)
    publications: dict[str, schema.Publication] = field(default_factory=dict)
    targets: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    homes: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> its own page
    files: dict[str, str] = field(default_factory=dict)  # item id -> file, for messages
    failed: set[str] = field(default_factory=set)  # ids of files that did not load
    tables: dict[str, tuple[str, str]] = field(default_factory=dict)  # table -> (data file, title)
    ui: dict[str, schema.Ui] = field(default_factory=dict)  # language -> interface words
    downloads: dict[str, dict] = field(default_factory=dict)  # PDF file -> {bytes, pages}
    languages: dict[str, "Content"] = field(default_factory=dict, repr=False)  # every language loaded with it

    def texts(self) -> texts.Texts:
        return texts.Texts(self.links, self.data["contacts"].organisers, self.publications, self.targets, self.ui[self.lang])


def _load_items(content: Content, folder: str, model, problems: Problems, store: dict):
    root, files, failed = content.root, content.files, content.failed
    for path in sorted((root / folder).glob("*.yml")):
        if english.is_english(path):
            continue
        rel = path.relative_to(root).as_posix()
        located = translation.read_yaml(root, path, problems, content.lang)
        item = validate(model, located, rel, problems) if located else None
        if item is None:
            failed.add(path.stem)
            continue
        if item.id != path.stem:
            problems.add(rel, located.line(("id",)), "id", f"'{item.id}' must match the file name '{path.stem}'")
            failed.add(path.stem)  # what refers to it by its file name is not reported too
            continue
        if item.id in store:
            problems.add(rel, located.line(("id",)), "id", f"'{item.id}' is used by {files[item.id]} too")
            continue
        for message, loc in getattr(item, "consistency", lambda: [])():
            problems.add(rel, located.line(loc), ".".join(map(str, loc)), message)
        store[item.id] = item
        files[item.id] = rel
        files[rel] = located  # for line look-ups of Markdown fields


def _load_sections(root: Path, problems: Problems, content: Content):
    for path in sorted((root / "content" / "sections").glob("*.md")):
        if english.is_english(path):
            continue
        rel = path.relative_to(root).as_posix()
        loaded = translation.read_markdown(root, path, problems, content.lang)
        meta = validate(schema.SectionMeta, loaded[0], rel, problems) if loaded else None
        if meta is None:
            content.failed.add(path.stem)
            continue
        located, body, body_line = loaded
        if meta.id != path.stem:
            problems.add(rel, located.line(("id",)), "id", f"'{meta.id}' must match the file name '{path.stem}'")
        content.sections[meta.id] = schema.Section(**meta.model_dump(), body=body, body_line=body_line)
        content.files[meta.id] = rel if content.lang == "ja" else english.counterpart(path).relative_to(root).as_posix()


def _web_targets(root: Path, content: Content):
    """Which topic page is each item's own (hooks/homes.py); for sections and tables,
    also the place ref() links to."""
    content.homes = homes.find(root, MARKER, content.faq)
    for (kind, name), rel in content.homes.items():
        if kind == "section" and name in content.sections:
            content.targets[name] = (rel, name, content.sections[name].title or name)
        elif kind == "table" and name in content.tables:
            content.targets[name] = (rel, name, content.tables[name][1])


def _check_publications(content: Content, problems: Problems):
    stores = {"section": content.sections, "faq": content.faq, "testimonial": content.testimonials}

    def walk(items, loc):
        for index, item in enumerate(items):
            yield item, loc + (index,)
            yield from walk(item.items, loc + (index, "items"))

    for pub in content.publications.values():
        rel = f"data/publications/{pub.id}.yml"
        located = content.files[rel]
        seen = set()
        for item, loc in walk(pub.items, ("items",)):
            line = located.line(loc + (item.kind,))
            if item.ref in content.failed:
                continue  # its own file failed to load and is reported already
            if item.kind in stores and item.ref not in stores[item.kind]:
                problems.add(rel, line, item.kind, f"'{item.ref}' does not exist")
            if item.kind == "table" and item.table not in content.tables and item.table not in content.failed:
                problems.add(rel, line, "table", f"'{item.ref}' does not exist")
            if item.ref in seen:
                problems.add(rel, line, item.kind, f"'{item.ref}' is listed twice")
            seen.add(item.ref)


def _tables_of(model) -> set[str]:
    """The names of the tables a data model feeds, without data: its `table_titles` keys."""
    return set(model.model_construct(**{name: "" for name in model.model_fields}).table_titles())


def load_all(root: Path, langs: list[str]) -> dict[str, Content]:
    """Load everything under root in every language at once: each file is parsed once
    (the English overlays are laid over the parsed Japanese files) and the checks that do
    not depend on the language run once. Raise one ContentError listing every problem."""
    problems = Problems()
    _check_translations(root, problems)
    loaded = {lang: load(root, lang, problems, shared_checks=False) for lang in langs}
    problems.raise_if_any()
    for content in loaded.values():
        content.languages = loaded
    return loaded


def _check_translations(root: Path, problems: Problems) -> None:
    translation.check_pairs(root, problems)
    for page in sorted((root / "docs").rglob("*.md")):
        if not english.is_english(page):
            translation.check_page(root, page, problems)


def load(root: Path, lang: str = "ja", problems: Problems | None = None, shared_checks: bool = True) -> Content:
    """Load everything under root in one language. On its own (no `problems` given), raise
    one ContentError listing every problem; else add them to `problems`."""
    own = problems is None
    problems = Problems() if own else problems
    content = Content(root, lang)
    if shared_checks:
        _check_translations(root, problems)
    _load_items(content, "content/faq", schema.Faq, problems, content.faq)
    _load_items(content, "content/testimonials", schema.Testimonial, problems, content.testimonials)
    _load_sections(root, problems, content)

    links = translation.read_yaml(root, root / "data" / "links.yml", problems, lang)
    if links is not None:
        for name, value in (links.data or {}).items():
            link = validate(schema.Link, Located(value, {k[1:]: v for k, v in links.lines.items() if k[:1] == (name,)}), "data/links.yml", problems)
            if link:
                content.links[name] = link
            else:
                content.failed.add(name)  # link("name") in texts is not reported too

    ui = translation.load_yaml(root / "data" / "ui.yml", "data/ui.yml", problems)
    if ui is not None:
        for language, words in (ui.data or {}).items():
            sub = Located(words, {k[1:]: v for k, v in ui.lines.items() if k[:1] == (language,)})
            model = validate(schema.Ui, sub, "data/ui.yml", problems)
            if model is not None:
                content.ui[language] = model
        keys = [set(model.model_dump()) for model in content.ui.values()]
        if keys and any(k != keys[0] for k in keys):
            problems.add("data/ui.yml", 1, "", "every language must define the same words")

    for name, model in DATA_MODELS.items():
        rel = f"data/{name}.yml"
        located = translation.read_yaml(root, root / rel, problems, lang)
        if located is None:
            content.failed.update(_tables_of(model))
            continue
        content.files[rel] = located
        item = validate(model, located, rel, problems)
        if item is None:  # its tables are not reported missing where publications use them
            content.failed.update(_tables_of(model))
        else:
            content.data[name] = item
            for table, title in item.table_titles().items():
                content.tables[table] = (name, title)
            for message, loc in getattr(item, "consistency", lambda: [])():
                problems.add(rel, located.line(loc), ".".join(map(str, loc)), message)

    for path in sorted((root / "data" / "publications").glob("*.yml")):
        if english.is_english(path):
            continue
        rel = path.relative_to(root).as_posix()
        located = translation.read_yaml(root, path, problems, lang)
        if located is None:
            continue
        pub = validate(schema.Publication, located, rel, problems)
        if pub is not None:
            content.publications[pub.id] = pub
            content.files[rel] = located

    _web_targets(root, content)
    textchecks.check(content, problems)
    _check_publications(content, problems)
    tools.check_quotes(content, problems)
    if own:
        problems.raise_if_any()
    return content
