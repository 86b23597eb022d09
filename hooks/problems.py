"""Content problems: collected while loading, reported all at once, never as a traceback."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised once, after loading, when any content problem was found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))
        count = len(self.problems)
        head = f"{count} content problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


@dataclass
class Problems:
    """A collector; `add` never raises, `raise_if_any` raises one ContentError."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int | None, field_: str, message: str) -> None:
        self.items.append(Problem(path, line, field_, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)
