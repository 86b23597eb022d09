"""Tokens a caption line may break between, with the cost of breaking after each.

Japanese: BudouX phrases, with glue phrases and line-start/line-end prohibitions joined
to their neighbours. English: words. A phrase wider than a line is split inside as a
last resort and reported (`Token.forced`), never cut."""
from __future__ import annotations

import re
from dataclasses import dataclass

import budoux

from hooks.captions.units import COMMA, NO_LINE_END, NO_LINE_START, SENTENCE_END, graphemes, half_units

_parser = budoux.load_default_japanese_parser()

# Phrases that must not start a line: they belong to the phrase before.
GLUE = ("いった", "いう", "して", "おいて", "おける", "ついて", "向けて", "向けた", "対して", "対する", "関して", "関する", "よって", "よる", "とって", "際して", "応じて", "基づいて", "基づく", "伴い", "伴う", "とおり", "ほか", "者", "的", "等", "化", "性")
# A phrase ending in a conjunctive form closes a clause; one ending in a case particle
# leaves its verb for the next line.
CLAUSE_ENDS = ("ので", "から", "けど", "けれど", "ため", "ながら", "たり", "だり", "て", "で", "し")
PARTICLES = ("まで", "より", "には", "では", "とは", "にも", "は", "が", "を", "に", "も", "へ", "と", "や", "か", "ね", "よ")
CLOSERS = "」』）)”’】"
ENUMERATORS = set("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
KANJI = re.compile(r"[\u3400-\u9fff々〆]")

# English: break before these; never end a line on the second list.
CONJUNCTIONS = {"and", "but", "or", "nor", "so", "yet", "because", "although", "while", "when", "where", "which", "who", "that", "if", "as", "than"}
PREPOSITIONS = {"of", "in", "on", "at", "to", "for", "with", "from", "by", "about", "into", "through", "during", "before", "after", "between", "under", "over", "without", "within", "across", "among", "towards", "toward", "via", "per", "like", "against", "beyond"}
ARTICLES = {"a", "an", "the"}
AUXILIARIES = {"am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must"}
SUBJECT_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they"}
NEVER_END = ARTICLES | AUXILIARIES | PREPOSITIONS | SUBJECT_PRONOUNS
FORBIDDEN = 1000  # the cost of a break the rules forbid: taken only when nothing else fits


@dataclass
class Token:
    text: str
    line_cost: int = 5  # breaking the line after this token, inside a cue
    cue_cost: int = 12  # ending the cue after it
    sentence_end: bool = False
    hard: bool = False  # the end of an answer: the cue must end here
    forced: bool = False  # a break after it is inside a phrase (reported)
    phrase: str = ""  # for a forced break: the whole phrase that did not fit
    answer: int = 0  # which answer of the stretch it comes from
    kinsoku: bool = False  # a line that starts or ends with a prohibited character


def _core(text: str) -> str:
    return text.rstrip(CLOSERS + "　 ")


def _ja_costs(token: Token) -> Token:
    core = _core(token.text)
    last = core[-1:] if core else ""
    if last in SENTENCE_END:
        token.line_cost, token.cue_cost, token.sentence_end = 1, 0, True
    elif last in COMMA:
        token.line_cost, token.cue_cost = 0, 2
    elif core.endswith(CLAUSE_ENDS):
        token.line_cost, token.cue_cost = 2, 6
    elif core.endswith(PARTICLES):
        token.line_cost, token.cue_cost = 2, 10
    elif core.endswith("の"):  # 帰任後の／配属先: a noun and the noun it describes
        token.line_cost, token.cue_cost = 5, 14
    if half_units(token.text) <= 4 and last not in SENTENCE_END | COMMA:  # どう／見えているか
        token.line_cost += 6
        token.cue_cost += 6
    return token


def _is_glue(phrase: str) -> bool:
    for word in GLUE:
        if phrase.startswith(word):
            rest = phrase[len(word):]
            if not rest or not KANJI.match(rest):
                return True
    return False


def ja_phrases(sentence: str) -> list[str]:
    out: list[str] = []
    for phrase in _parser.parse(sentence):
        if out and (phrase[0] in NO_LINE_START or _is_glue(phrase) or out[-1][-1] in NO_LINE_END or phrase.isascii() and out[-1][-1:].isascii() and not out[-1][-1:].isspace()):
            out[-1] += phrase
        else:
            out.append(phrase)
    return out


def _split_wide(phrase: str, limit: int) -> list[str]:
    """A phrase wider than a line, in pieces that fit: after ・ where possible, else where
    the script changes (kanji/kana/Latin), never before a line-start prohibition."""
    pieces, current = [], ""
    for index, g in enumerate(graphemes(phrase)):
        if current and half_units(current + g) > limit:
            cut = _best_cut(current)
            pieces.append(current[:cut])
            current = current[cut:]
        current += g
    pieces.append(current)
    return [p for p in pieces if p]


def _kind(char: str) -> str:
    if KANJI.match(char):
        return "kanji"
    if "\u30a0" <= char <= "\u30ff":
        return "katakana"
    if "\u3040" <= char <= "\u309f":
        return "hiragana"
    return "other"


def _best_cut(text: str) -> int:
    chars = list(text)
    for index in range(len(chars) - 1, 0, -1):
        if chars[index - 1] == "・" and chars[index] not in NO_LINE_START:
            return index
    for into_kana in (False, True):  # a word keeps its kana endings where it can
        for index in range(len(chars) - 1, 0, -1):
            if chars[index] in NO_LINE_START or chars[index - 1] in NO_LINE_END or _kind(chars[index]) == _kind(chars[index - 1]):
                continue
            if into_kana or _kind(chars[index]) != "hiragana":
                return index
    index = len(chars) - 1
    while index > 1 and (chars[index] in NO_LINE_START or chars[index - 1] in NO_LINE_END):
        index -= 1
    return index


def japanese(sentences: list[str], limit: int) -> list[Token]:
    tokens = []
    for sentence in sentences:
        for phrase in ja_phrases(sentence):
            pieces = _split_wide(phrase, limit) if half_units(phrase) > limit else [phrase]
            for index, piece in enumerate(pieces):
                tokens.append(_ja_costs(Token(piece)))
                if index < len(pieces) - 1:
                    tokens[-1].forced, tokens[-1].line_cost, tokens[-1].cue_cost = True, 50, 60
                    tokens[-1].phrase = phrase
    for token, following in zip(tokens, tokens[1:]):
        if following.text[:1] in ENUMERATORS and not token.forced:  # …こと／②少ないかも…: a list item starts
            token.line_cost, token.cue_cost = 0, min(token.cue_cost, 2)
    if tokens:
        tokens[-1].hard = True
    return tokens


def _word(text: str) -> str:
    return re.sub(r"[^\w'’-]", "", text).lower()


def english(sentences: list[str], limit: int) -> list[Token]:
    words = [w for sentence in sentences for w in sentence.split()]
    pieces: list[tuple[str, bool, str]] = []
    for word in words:
        whole = word
        while len(graphemes(word)) > limit:  # a URL or a long name: cut, and reported
            cut = "".join(graphemes(word)[:limit])
            pieces.append((cut, True, whole))
            word = word[len(cut):]
        pieces.append((word, False, ""))
    tokens = []
    for index, (word, forced, whole) in enumerate(pieces):
        following = _word(pieces[index + 1][0]) if index + 1 < len(pieces) else ""
        token = Token(word, forced=forced, phrase=whole)
        if forced:
            token.line_cost, token.cue_cost = 50, 60
        elif word.rstrip(CLOSERS + "\"'")[-1:] in ".!?":
            token.line_cost, token.cue_cost, token.sentence_end = 1, 0, True
        elif word[-1] in ",;:—–":
            token.line_cost, token.cue_cost = 0, 4
        elif _word(word) in NEVER_END:
            token.line_cost = token.cue_cost = FORBIDDEN
        elif following in CONJUNCTIONS or following in PREPOSITIONS:
            token.line_cost, token.cue_cost = 2, 8
        tokens.append(token)
    if tokens:
        tokens[-1].hard = True
    return tokens
