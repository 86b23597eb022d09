"""One spelling convention in English, British: in every English file and on every built
English page."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import yaml

from tests.conftest import ROOT
from tests.spelling import american_spellings, load_glossary, official_names

NAMES = official_names(load_glossary(ROOT))
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\s*#[^}]*\}|<!--.*?-->|https?://\S+|<[^>]+>", re.S)


def strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)
    elif isinstance(node, str):
        yield node


def english_sources():
    """(file, text) of every English text the project stores."""
    for folder in ("content", "data", "docs"):
        for path in sorted((ROOT / folder).rglob("*.en.*")):
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".yml":
                text = "\n".join(strings(yaml.safe_load(text)))
            yield path.relative_to(ROOT), text
    yield "data/ui.yml (en)", "\n".join(strings(yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["en"]))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTags)
    english = [lang for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin
               for lang in plugin["i18n"]["languages"] if lang["locale"] == "en"]
    assert english, "mkdocs.yml has an English language"
    yield "mkdocs.yml (en)", "\n".join(strings(english))


class _AnyTags(yaml.SafeLoader):
    pass


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


def test_every_english_file_uses_british_spelling():
    found = [f"{path}: {', '.join(sorted(set(words)))}"
             for path, text in english_sources() if (words := american_spellings(TEMPLATE.sub(" ", text), NAMES))]
    assert not found, "American spellings:\n" + "\n".join(found)


class Visible(HTMLParser):
    """What a reader sees or hears: text, and the titles, labels and alternatives."""

    ATTRS = ("title", "aria-label", "alt", "placeholder")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg"):
            self.skip += 1
        attrs = dict(attrs)
        self.parts += [attrs[a] for a in self.ATTRS if attrs.get(a)]
        if tag == "meta" and attrs.get("name") == "description":
            self.parts.append(attrs.get("content") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def test_every_english_page_uses_british_spelling(site):
    pages = sorted((site / "en").rglob("*.html"))
    assert len(pages) > 20
    found = []
    for path in pages:
        reader = Visible()
        reader.feed(path.read_text(encoding="utf-8"))
        if words := american_spellings("\n".join(reader.parts), NAMES):
            found.append(f"{path.relative_to(site)}: {', '.join(sorted(set(words)))}")
    assert not found, "American spellings:\n" + "\n".join(found)


def test_the_check_knows_both_conventions():
    assert american_spellings("The organization authorized a labor program at the center.", []) == [
        "organization", "authorized", "labor", "program", "center"]
    assert american_spellings("The organisation authorised a labour programme at the centre; sizes, citizens.", []) == []
    # official names keep their owners' spelling
    assert american_spellings("the Ministry of Defense", ["Ministry of Defense"]) == []
