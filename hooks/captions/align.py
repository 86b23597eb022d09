"""Which English sentences translate which Japanese ones, so that a part of a video covers
the same sentences in both languages. A length-based alignment (after Gale & Church,
1993): sentences pair one to one where they can, or in small groups (2–1, 1–2, 2–2, …)
where the translation joined or split them."""
from __future__ import annotations

from functools import lru_cache

# (Japanese sentences, English sentences) a group may hold, and what it costs.
SHAPES = {(1, 1): 0.0, (2, 1): 1.5, (1, 2): 1.5, (2, 2): 3.0, (3, 1): 3.5, (1, 3): 3.5, (3, 2): 4.5, (2, 3): 4.5}


def align(ja: list[float], en: list[float]) -> list[tuple[int, int, int, int]]:
    """Groups (ja_start, ja_end, en_start, en_end) covering both lists in order, for the
    given sentence lengths (characters)."""
    if not ja or not en:
        return [(0, len(ja), 0, len(en))]
    ratio = sum(en) / max(1e-9, sum(ja))

    @lru_cache(maxsize=None)
    def best(i: int, j: int) -> tuple[float, tuple]:
        if i == len(ja) and j == len(en):
            return 0.0, ()
        options = []
        for (a, b), shape in SHAPES.items():
            if i + a <= len(ja) and j + b <= len(en):
                lj, le = sum(ja[i:i + a]) * ratio, sum(en[j:j + b])
                rest, groups = best(i + a, j + b)
                if rest != float("inf"):
                    options.append((shape + 10 * abs(lj - le) / (lj + le + 1) + rest, ((i, i + a, j, j + b),) + groups))
        if not options:  # what is left cannot be grouped by the shapes: one group
            return (50.0, ((i, len(ja), j, len(en)),)) if i < len(ja) and j < len(en) else (float("inf"), ())
        return min(options)

    return list(best(0, 0)[1])
