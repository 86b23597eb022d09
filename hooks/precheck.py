"""交流基準の事前チェック: which exchange standards may apply, given the answers to the
questions of data/precheck.yml. docs/assets/precheck.js evaluates the same conditions
(the tests compare them). Logic has three values: True, False and None (open: the
question is unanswered or answered 「分からない」)."""
from __future__ import annotations

from hooks.tools_schema import Condition, Precheck


def holds(cond: Condition, answers: dict) -> bool | None:
    if cond.all:
        values = [holds(c, answers) for c in cond.all]
        return False if False in values else None if None in values else True
    if cond.any:
        values = [holds(c, answers) for c in cond.any]
        return True if True in values else None if None in values else False
    answer = answers.get(cond.q)
    if answer in (None, "", "unknown"):
        return None
    if cond.at_least is not None:
        try:
            return float(answer) >= cond.at_least
        except (TypeError, ValueError):
            return None
    return answer == cond.is_


def evaluate(check: Precheck, answers: dict) -> list[tuple[str, str]]:
    """(standard id, "applies" | "open") for every rule that may apply, in the rules' order."""
    found = []
    for rule in check.rules:
        value = holds(rule.when, answers)
        if value is not False:
            found.append((rule.standard, "applies" if value else "open"))
    return found
