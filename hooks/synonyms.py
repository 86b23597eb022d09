"""The curated synonyms of the search: everyday words people type, and the programme's
terms the content uses for them (data/synonyms.yml, its English in data/synonyms.en.yml).

Validated like every other data file (types, unknown fields), and against the built
text: a term that appears nowhere in the content would send a query nowhere, so it is an
error naming the file and the line."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from pydantic import Field

from hooks.modelwords import validate
from hooks.english import counterpart
from hooks.problems import Problem, Problems
from hooks.schema import Strict, Text
from hooks.sourcefile import load_yaml
from hooks.translation import read_yaml

REL = "data/synonyms.yml"


class Synonym(Strict):
    term: Text  # as the content writes it
    words: list[Text] = Field(min_length=1)  # what people type for it


class Synonyms(Strict):
    synonyms: list[Synonym]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def load(root: Path, lang: str, corpus: str) -> tuple[dict[str, list[str]], list[Problem]]:
    """word -> terms, for one language; and the problems (the language's own file and line)."""
    problems = Problems()
    rel = REL if lang == "ja" else counterpart(Path(REL)).as_posix()
    located = read_yaml(root, root / REL, problems, lang)
    model = validate(Synonyms, located, rel, problems) if located is not None else None
    found: dict[str, list[str]] = {}
    if model is None:
        return found, problems.items
    lines = located if lang == "ja" else load_yaml(root / rel, rel, Problems())
    for index, entry in enumerate(model.synonyms):
        term = _fold(entry.term)
        if term not in corpus:
            line = lines.line(("synonyms", index, "term")) if lines else None
            problems.add(rel, line, f"synonyms.{index}.term", f"「{entry.term}」 appears nowhere in the content; use a word the pages use")
            continue
        for word in entry.words:
            found.setdefault(_fold(word), [])
            if term not in found[_fold(word)]:
                found[_fold(word)].append(term)
    return dict(sorted(found.items())), problems.items
