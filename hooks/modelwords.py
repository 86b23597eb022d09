"""Validating a parsed file against its model, with every error said in an editor's words:
which value is wrong and what a right one looks like, never a pattern or a type name."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, StringConstraints, ValidationError

from hooks.filecache import NO_REUSE
from hooks.problems import Problems
from hooks.sourcefile import Located

# What a value matching each pattern looks like, in words (see `pattern`).
_PATTERN_WORDS: dict[str, str] = {}
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def pattern(regex: str, words: str):
    """A text type that must match `regex`; a mismatch reads "<value> <words>"."""
    _PATTERN_WORDS[regex] = words
    return Annotated[str, StringConstraints(pattern=regex)]


def _date_problem(text: str) -> str | None:
    match = ISO_DATE.match(text.strip())
    if not match:
        return None
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12:
        return f"{text.strip()} is not a date (month {month})"
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"{text.strip()} is not a date (month {month} has no day {day})"
    return None


def no_impossible_date(text: str) -> str:
    """Text that is written like a date (2025-04-01) must be a real date."""
    problem = _date_problem(text)
    if problem:
        raise ValueError(problem)
    return text


def _to_date(value):
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    problem = _date_problem(text)
    if problem:
        raise ValueError(problem)
    if not ISO_DATE.match(text):
        raise ValueError(f"{text} is not a date written like 2025-04-01")
    return dt.date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))


Date = Annotated[dt.date, BeforeValidator(_to_date)]
NotAnImpossibleDate = AfterValidator(no_impossible_date)

_TYPE_WORDS = {
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "list_type": "should be a list (one '- ' line per item)",
    "dict_type": "should be a block of fields (name: value lines, indented)",
    "model_type": "should be a block of fields (name: value lines, indented)",
    "model_attributes_type": "should be a block of fields (name: value lines, indented)",
    "missing": "is required",
    "string_too_short": "must not be empty",
    "extra_forbidden": "is not a known field (misspelt?)",
    "none_required": "should be left out",
}


def _message(error: dict) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        words = _PATTERN_WORDS.get(ctx.get("pattern"), "is not written the way this field needs")
        return f"{value} {words}"
    if kind == "literal_error":
        allowed = ", ".join(part.strip("'") for part in re.split(r", | or ", ctx.get("expected", "")))
        return f"'{value}' is not one of: {allowed}"
    if kind == "too_short":
        return "needs at least one item"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{value} should be {ctx.get('ge', ctx.get('gt'))} or more"
    if kind in _TYPE_WORDS:
        shown = f"{value} " if isinstance(value, (str, int, float)) and kind not in ("missing", "extra_forbidden", "string_too_short") else ""
        return shown + _TYPE_WORDS[kind]
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{value} is not a date written like 2025-04-01"
    return error["msg"].removeprefix("Value error, ")


def _is_tag(part: str) -> bool:
    """pydantic's names for the forms a value may take, which are not fields."""
    return part in ("int", "str", "bool", "float", "date") or part[:1].isupper() or "[" in part or "-" in part


def _data_path(loc: tuple, data) -> tuple:
    """The error's place in the file: union and validator tags (int, str, WelfareRow…) dropped."""
    path, here = [], data
    for part in loc:
        if isinstance(here, dict) and part in here:
            path.append(part)
            here = here[part]
        elif isinstance(here, list) and isinstance(part, int) and part < len(here):
            path.append(part)
            here = here[part]
        elif isinstance(here, dict) and isinstance(part, str) and not _is_tag(part):
            path.append(part)  # a missing field
            here = None
    return tuple(path)


# Validated models by the parsed file they came from: a file parsed once (hooks/filecache.py)
# is validated once, and again only when it changes (under `make serve`, the unchanged files).
# The models are frozen, so sharing them is safe.
_validated: dict[tuple[int, type], tuple[Located, object]] = {}


def validate(model, located: Located, rel: str, problems: Problems, extra: dict | None = None):
    """The model instance, or None with every problem added (one per place in the file)."""
    data = located.data
    if not isinstance(data, dict):
        problems.add(rel, 1, "", "expected a block of fields (name: value lines) at the top of the file")
        return None
    key = (id(located), model)
    hit = _validated.get(key) if extra is None else None
    if hit is not None and hit[0] is located:
        return hit[1]
    try:
        instance = model.model_validate({**data, **(extra or {})})
        if extra is None and not NO_REUSE:
            _validated[key] = (located, instance)
        return instance
    except ValidationError as err:
        reported = set()
        for error in err.errors():
            loc = _data_path(error["loc"], data)
            if loc in reported:
                continue  # one problem per place: a value that fits none of a field's forms
            reported.add(loc)
            problems.add(rel, located.line(loc), ".".join(map(str, loc)) or "(file)", _message(error))
        return None
