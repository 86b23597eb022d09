"""Reading content files: encoding, indentation and YAML with a line for every field."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hooks.problems import Problems

FULLWIDTH_SPACE = "\u3000"
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n?", re.S)


@dataclass
class Located:
    """Parsed YAML plus the line of every key and list item, by path (('items', 0, 'question'))."""

    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    offset: int = 0  # lines before the YAML starts in its file (front matter)

    def line(self, loc: tuple) -> int:
        """The line of the deepest known part of `loc`."""
        loc = tuple(loc)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, 1) + self.offset


def read_text(path: Path, rel: str, problems: Problems) -> str | None:
    """The file as text; None (with a problem) when it is not UTF-8."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        try:
            raw.decode("cp932")
            problems.add(rel, line, "", "the file is saved as Shift_JIS; save it as UTF-8")
        except UnicodeDecodeError:
            problems.add(rel, line, "", "the file is not UTF-8; save it as UTF-8")
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def check_indentation(text: str, rel: str, problems: Problems, markdown: bool = False) -> bool:
    """Full-width spaces used as indentation break YAML and Markdown lists silently."""
    ok = True
    for number, line in enumerate(text.split("\n"), 1):
        indent = re.match(r"[ \t\u3000]*", line).group(0)
        if FULLWIDTH_SPACE not in indent:
            continue
        rest = line[len(indent):]
        if markdown and not re.match(r"([-*+#>]|\d+\.)\s", rest):
            continue  # a full-width space opening a Japanese paragraph is text
        problems.add(rel, number, "", "indented with a full-width space (U+3000); indent with ordinary spaces")
        ok = False
    return ok


def parse_yaml(text: str, rel: str, problems: Problems, offset: int = 0) -> Located | None:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 + offset if mark else None
        problems.add(rel, line, "", f"YAML syntax: {err.problem or err}")
        return None
    located = Located(data, offset=offset)
    _walk(node, (), located.lines)
    return located


def _walk(node, path: tuple, lines: dict) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = path + (key.value,)
            lines[sub] = key.start_mark.line + 1
            _walk(value, sub, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            sub = path + (index,)
            lines[sub] = item.start_mark.line + 1
            _walk(item, sub, lines)


def load_yaml(path: Path, rel: str, problems: Problems) -> Located | None:
    text = read_text(path, rel, problems)
    if text is None or not check_indentation(text, rel, problems):
        return None
    return parse_yaml(text, rel, problems)


def load_markdown(path: Path, rel: str, problems: Problems, required: bool = True) -> tuple[Located, str, int] | None:
    """Front matter (as Located) and body of a Markdown file, with the body's first line."""
    text = read_text(path, rel, problems)
    if text is None:
        return None
    match = FRONT_MATTER.match(text)
    if not match and not required:
        return Located({}), text, 1
    if not match:
        problems.add(rel, 1, "", "no front matter: the file must start with a '---' block (id, title, sources)")
        return None
    front = match.group(1)
    if not check_indentation(front, rel, problems) or not check_indentation(text, rel, problems, markdown=True):
        return None
    located = parse_yaml(front, rel, problems, offset=1)
    if located is None:
        return None
    body_line = text[: match.end()].count("\n") + 1
    return located, text[match.end():], body_line
