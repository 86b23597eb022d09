"""British spelling, the convention of the English edition ("programme", "organisation",
"labour"): the American forms it rules out. Official names keep their owners' spelling
("Center for Personnel Interchanges…", "Ministry of Defense"): every name the glossary
gives with a source is exempt."""
from __future__ import annotations

import re

import yaml

# American spellings, as word patterns (lower case), with the British form to use.
AMERICAN = {
    r"organiz\w*": "organis…",
    r"\w{3,}iz(?:e|es|ed|ing|ation|ations|er|ers)": "-ise, -isation",
    r"\w+lyz(?:e|es|ed|ing|er|ers)": "-lyse",
    r"(?:\w*)(?:labor|color|favor|honor|behavior|neighbor|endeavor|harbor|rumor|humor|flavor|vigor|rigor|armor|parlor)(?:s|ed|ing|er|ers|able|ably|al|ally|ful|ite|ites|hood|hoods)?": "-our",
    r"(?:center|theater|fiber|liter|caliber|somber|specter|saber|meager|luster)(?:s|ed|ing)?": "-re",
    r"(?:defense|offense|license|licenses|pretense)": "-ence (licence as a noun)",
    r"(?:catalog|dialog|analog)(?:s|ed|ing)?": "-ogue",
    r"program(?:s|med|ming|matic)?": "programme",
    r"(?:travel|cancel|label|model|counsel|fuel|signal|total|level|jewel|channel|marvel|quarrel|equal)(?:ed|ing|er|ers|or|ors)": "-ll-",
    r"(?:enroll|fulfill|instill|distill)(?:s|ment|ments)?": "-l (enrol, fulfil)",
    r"(?:skillful|willful|installment)": "-ll-",
    r"(?:gray|aging|acknowledgment|mold|molds|plow|toward)": "grey, ageing, acknowledgement, mould, plough, towards",
}
PATTERN = re.compile(r"\b(?:" + "|".join(AMERICAN) + r")\b", re.IGNORECASE)
# British words the patterns would otherwise catch
BRITISH = {"size", "sizes", "sized", "seize", "seizes", "seized", "seizing", "prize", "prizes", "capsize"}


def official_names(glossary: list[dict]) -> list[str]:
    """English names the glossary gives with their source: spelt as their owners spell them."""
    return sorted((t["en"] for t in glossary if t.get("source") and "no official English name" not in t["source"]), key=len, reverse=True)


def american_spellings(text: str, names: list[str]) -> list[str]:
    for name in names:
        text = text.replace(name, " ")
    return [m.group(0) for m in PATTERN.finditer(text) if m.group(0).lower() not in BRITISH]


def load_glossary(root) -> list[dict]:
    return yaml.safe_load((root / "data" / "glossary.yml").read_text(encoding="utf-8"))
