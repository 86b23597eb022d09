"""The query tables of the search, generated after Pagefind has indexed the built site.

Pagefind segments Japanese at index time with its own dictionary, and a query in the
browser with `Intl.Segmenter`: the two disagree. The index's own segmentation is kept in
its fragments (words separated by U+200B), so this module reads it from there, and
records for each word people type (SudachiPy's words over the same text) how the index
holds it:

- `w`: word -> the token sequences ("地方 支分 部局") that hold it in the index;
  0 when the word is one token of its own;
- `v`: spelling variant -> the spellings the index holds (SudachiPy's normalised form:
  取り組み -> 取組; okurigana variants of it that the dictionary confirms);
- `n`: number (as a value) -> the ways the content writes it (300 -> 300, 三百);
- `s`: everyday word -> the programme's terms (data/synonyms.yml, data/synonyms.en.yml).

One gzip-compressed JSON file per language, `search-tables/<lang>.json.gz`, written into
the build output (never the repository), so it follows every content change."""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from hooks import synonyms

ZWS = "\u200b"
KANA_BETWEEN = re.compile(r"(?<=[\u4e00-\u9fff])[\u3041-\u3096]+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[\u3041-\u3096]+$")
NUMERIC = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def fold(text: str) -> str:
    """The form every comparison uses, as in the browser: NFKC, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def fragments(pagefind: Path) -> dict[str, list[str]]:
    """Each language's indexed pages, as text with the index's word breaks (U+200B)."""
    meta = json.loads((pagefind / "pagefind-entry.json").read_text(encoding="utf-8"))
    langs = {info["hash"]: lang for lang, info in meta["languages"].items()}
    texts: dict[str, list[str]] = defaultdict(list)
    for path in sorted((pagefind / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw[len(b"pagefind_dcd"):])
        lang = path.name.split("_", 1)[0]
        texts[lang].append(data["content"])
    return {lang: texts[lang] for lang in sorted(texts) if lang in langs.values()}


def unpunctuated(text: str) -> str:
    """Pagefind drops punctuation from indexed words; so does the query side."""
    return "".join(c for c in text if not unicodedata.category(c).startswith("P"))


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) in the text with the breaks removed."""
    out, pos = [], 0
    for raw in re.split(f"[{ZWS}\\s]+", text):
        token = fold(unpunctuated(raw))
        if token:
            out.append((pos, pos + len(raw), token))
        pos += len(raw)
    return out


def _plain(text: str) -> str:
    """The text without the index's breaks (and spaces), as SudachiPy reads it."""
    return "".join(re.split(f"[{ZWS}\\s]+", text))


def _variants(normal: str, tokenizer) -> set[str]:
    """Okurigana variants of a normalised form that the dictionary reads as the same word."""
    found = set()
    for candidate in {KANA_BETWEEN.sub("", normal), re.sub(r"(?<=[\u4e00-\u9fff])[\u3041-\u3096]+(?=[\u4e00-\u9fff])", "", normal)}:
        if candidate and candidate != normal:
            ms = tokenizer.tokenize(candidate)
            if len(ms) == 1 and ms[0].normalized_form() == normal:
                found.add(candidate)
    return found


def _by_use(counts: Counter) -> list[str]:
    """The most used first: the query side tries them in this order."""
    return [r for r, _n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def japanese_tables(pages: list[str]) -> dict:
    from sudachipy import Dictionary, SplitMode

    dictionary = Dictionary(dict="core")
    tokenizers = [dictionary.create(mode=SplitMode.C), dictionary.create(mode=SplitMode.A)]
    words: dict[str, Counter] = defaultdict(Counter)
    spellings: dict[str, set[str]] = defaultdict(set)
    numbers: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        for chunk in re.split(r"\s+", page):
            tokens = _tokens(chunk)
            plain = _plain(chunk)
            if not tokens or len(plain.encode()) > 40000:
                continue
            starts = {s: i for i, (s, _e, _t) in enumerate(tokens)}
            ends = {e: i for i, (_s, e, _t) in enumerate(tokens)}
            for tokenizer in tokenizers:
                for m in tokenizer.tokenize(plain):
                    surface, begin, end = fold(m.surface()), m.begin(), m.end()
                    if not unpunctuated(surface).strip() or begin not in starts or end not in ends:
                        continue
                    realised = " ".join(t for _s, _e, t in tokens[starts[begin]:ends[end] + 1])
                    words[surface][realised] += 1
                    normal = fold(m.normalized_form())
                    if NUMERIC.match(normal) and not NUMERIC.match(surface):
                        numbers[normal].add(surface)
                    elif NUMERIC.match(surface):
                        numbers[surface].add(surface)
                    elif normal != surface and fold(m.dictionary_form()) == surface and not surface.isascii():
                        spellings[normal].add(surface)  # not inflected forms (働い): those are grammar
    tokenizer = tokenizers[0]
    variants: dict[str, set[str]] = defaultdict(set)
    for normal, surfaces in spellings.items():
        for key in {normal} | _variants(normal, tokenizer):
            if key not in surfaces and len(key) > 1 and re.search("[\u4e00-\u9fff]", key + "".join(surfaces)):
                variants[key] |= surfaces
    return {
        "w": {w: (0 if set(r) == {w} else _by_use(r)) for w, r in sorted(words.items())},
        "v": {k: sorted(v) for k, v in sorted(variants.items())},
        "n": {k: sorted(v) for k, v in sorted(numbers.items()) if v != {k}},  # digits need no entry
    }


def english_tables(pages: list[str]) -> dict:
    """English needs no segmentation table: Pagefind splits it at spaces on both sides."""
    return {"w": {}, "v": {}, "n": {}}


def write(root: Path, staging: Path) -> list:
    """Write the tables; the problems found in the synonym files (empty when none)."""
    corpus = fragments(staging / "pagefind")
    problems, out = [], staging / "search-tables"
    out.mkdir(parents=True, exist_ok=True)
    for lang, pages in corpus.items():
        tables = japanese_tables(pages) if lang == "ja" else english_tables(pages)
        plain = fold(" ".join(_plain(p) if lang == "ja" else p.replace(ZWS, "") for p in pages))
        found, bad = synonyms.load(root, lang, plain)
        problems += bad
        tables["s"] = found
        data = json.dumps(tables, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        (out / f"{lang}.json.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return problems
