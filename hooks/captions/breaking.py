"""Lines and cues for one stretch of text, chosen to minimise a cost over the whole of
it (not filled greedily): breaks where the tokens say they are cheap, cues that end at
sentence ends, no orphans, balanced lines. At most `limit` wide, at most 2 lines."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from hooks.captions.phrases import FORBIDDEN, Token

CUE = 8  # the cost of one more cue
LINE = 1  # the cost of one more line
MID_SENTENCE_END = 3  # a sentence that ends inside a line
ORPHAN = 20  # a line narrower than `orphan`


@dataclass
class Layout:
    cues: list[list[str]] = field(default_factory=list)  # each cue: its lines
    spans: list[tuple[int, int]] = field(default_factory=list)  # token range of each cue
    forced: list[Token] = field(default_factory=list)  # tokens after which a forbidden or in-phrase break was taken


def layout(tokens: list[Token], render: Callable[[list[Token]], str], width: Callable[[str], int], limit: int, orphan: int) -> Layout:
    n = len(tokens)
    if not n:
        return Layout()
    # best[(i, first)]: cheapest way to set tokens[:i]; first is the width of the open
    # cue's first line (None when a new cue starts at i).
    best: dict[tuple[int, int | None], tuple[float, tuple | None, int]] = {(0, None): (0.0, None, 0)}
    ends = [0]  # sentence ends before each token, for sentences ending inside a line
    for token in tokens:
        ends.append(ends[-1] + token.sentence_end)
    for i in range(n):
        lines = []  # the lines that can start at token i: (end, width)
        for j in range(i + 1, n + 1):
            if tokens[j - 2].hard and j - 1 > i:
                break  # a line never runs on past the end of an answer
            w = width(render(tokens[i:j]))
            if w > limit + 2:  # (film punctuation may drop up to one character at the end)
                break
            if w <= limit:
                end = tokens[j - 1]
                whole = (i == 0 or tokens[i - 1].sentence_end) and end.sentence_end
                line_cost = LINE + (ORPHAN if w < orphan and not whole else 0) + MID_SENTENCE_END * (ends[j - 1] - ends[i])
                lines.append((j, w, end, whole, line_cost))
        for first in [None, *range(limit + 1)]:
            state = best.get((i, first))
            if state is None:
                continue
            cost = state[0]
            for j, w, end, whole, line_cost in lines:
                close = 0 if j == n else end.cue_cost
                if first is None:
                    alone = ORPHAN // 2 if w < 2 * orphan and not whole else 0  # a cue of a few characters
                    _offer(best, (j, None), cost + line_cost + close + CUE + alone, (i, first), w)
                    if j < n and not end.hard:
                        _offer(best, (j, w), cost + line_cost + end.line_cost, (i, first), w)
                else:
                    balance = abs(first - w) / max(1, limit) * 6
                    _offer(best, (j, None), cost + line_cost + close + CUE + balance, (i, first), w)
    return _trace(best, tokens, render, n)


def _offer(best, key, cost, back, w):
    if key not in best or cost < best[key][0]:
        best[key] = (cost, back, w)


def _trace(best, tokens, render, n) -> Layout:
    key = (n, None)
    if key not in best:
        raise ValueError("no layout: a token is wider than a line")
    cuts = []
    while key != (0, None):
        cuts.append(key)
        key = best[key][1]
    cuts.reverse()
    result, start, lines, cue_start = Layout(), 0, [], 0
    for i, first in cuts:
        lines.append(render(tokens[start:i]))
        end = tokens[i - 1]
        if i < n and (end.forced or end.line_cost >= FORBIDDEN and first is not None or end.cue_cost >= FORBIDDEN and first is None):
            result.forced.append(end)
        if first is None:
            result.cues.append(lines)
            result.spans.append((cue_start, i))
            lines, cue_start = [], i
        start = i
    return result
