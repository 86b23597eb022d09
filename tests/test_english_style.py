"""The English edition reads as one text: one title per publication everywhere, official
names never mixed up, quotation marks that alternate and do not nest in the same style."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import ROOT
from tests.html import read
from tests.spelling import load_glossary
from tests.test_spelling import Visible

GLOSSARY = {t["ja"]: t["en"] for t in load_glossary(ROOT)}
PUBLICATIONS = sorted(p.name.removesuffix(".yml") for p in (ROOT / "data" / "publications").glob("*.yml") if ".en." not in p.name)


def english(path):
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def front_title(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1]).get("title", "") if text.startswith("---") else ""


def nav_translations():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = config[config.index("nav_translations:"):]
    return yaml.safe_load(block[: block.index("\n\n")])["nav_translations"]


def nav_label(doc: str) -> str | None:
    """The Japanese menu label of a page, from mkdocs.yml's nav."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(rf"^\s*- ([^:\n]+): {re.escape(doc)}$", config, re.M)
    return match.group(1) if match else None


@pytest.mark.parametrize("pub", PUBLICATIONS)
def test_a_publication_has_one_english_title_everywhere(site, pub):
    title = english(f"data/publications/{pub}.en.yml")["title"]
    places = {}
    ja = english(f"data/publications/{pub}.yml")
    if ja["title"] in ja["short_title"]:  # 「リーフレット「ゼロから始める官民人事交流」」, not 「ヒアリング結果概要」
        places["short title (source lines)"] = english(f"data/publications/{pub}.en.yml")["short_title"]
    cover = ROOT / "content" / "sections" / f"{pub}-cover.en.md"
    if cover.exists():  # the cover's section is headed 表紙 / Front cover; its text prints the title
        places["cover"] = cover.read_text(encoding="utf-8").split("---", 2)[2]
    page = ROOT / "docs" / "publications" / f"{pub}.en.md"
    if page.exists():
        places["page title"] = front_title(page.relative_to(ROOT))
        places["menu"] = nav_translations().get(nav_label(f"publications/{pub}.md"), "")
        built = read(site / "en" / "publications" / pub / "index.html")
        places["built page heading"] = next(text for level, _id, text in built.headings if level == 1)
    wrong = {where: text for where, text in places.items() if title not in text}
    assert not wrong, f"{pub}: “{title}” is not in {wrong}"


def test_the_act_and_the_center_keep_their_own_names(site):
    act = GLOSSARY["国と民間企業との間の人事交流に関する法律"]
    center = GLOSSARY["内閣府官民人材交流センター"].removesuffix(", Cabinet Office")
    found = []
    for path in sorted((site / "en").rglob("*.html")):
        reader = Visible()
        reader.feed(path.read_text(encoding="utf-8"))
        text = re.sub(r"\s+", " ", " ".join(reader.parts))
        for name in re.findall(r"\bAct on [A-Z][\w–-]*(?: [\w–-]+)*? between the [\w ]+?(?:Enterprises|Entities|Companies)\b", text):
            if name != act:
                found.append(f"{path.relative_to(site)}: {name}")
        for name in re.findall(r"\bCenter for [\w ]+? between the [\w ]+?(?:Enterprises|Entities|Companies)\b", text):
            if name != center:
                found.append(f"{path.relative_to(site)}: {name}")
    assert not found, "\n".join(found)


def nested_same_quotes(text: str, pairs=(("“", "”"), ("‘", "’"))) -> list[str]:
    bad = []
    for opening, closing in pairs:
        depth = 0
        for i, ch in enumerate(text):
            if ch == opening:
                depth += 1
                if depth > 1:
                    bad.append(text[max(0, i - 50): i + 30])
            elif ch == closing:
                depth = max(0, depth - 1)
    return bad


def test_english_quotes_alternate_and_are_typographic(site):
    found = []
    for path in sorted((site / "en").rglob("*.html")):
        reader = Visible()
        reader.feed(path.read_text(encoding="utf-8"))
        for part in reader.parts:
            found += [f"{path.relative_to(site)}: …{bad}…" for bad in nested_same_quotes(part)]
            if '"' in part:
                found.append(f"{path.relative_to(site)}: straight quotes in {part.strip()[:80]!r}")
    assert not found, "\n".join(found)


def test_the_quote_check_finds_nesting():
    assert nested_same_quotes("see “Steps for using “the exchange””")
    assert not nested_same_quotes("see “Steps for using ‘the exchange’”")
