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
    text_lines: dict[tuple, int] = field(default_factory=dict)  # where each text value's own text starts
    overlay: "Located | None" = None  # the English overlay laid over this file, if any
    overlay_rel: str = ""

    def line(self, loc: tuple) -> int:
        """The line of the deepest known part of `loc`."""
        loc = tuple(loc)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, 1) + self.offset

    def where(self, rel: str, loc: tuple) -> tuple[str, int]:
        """(file, line) of the text at `loc`: the English overlay's when it gave that text."""
        if self.overlay is not None and tuple(loc) in self.overlay.text_lines:
            return self.overlay_rel, self.overlay.text_line(loc)
        return rel, self.text_line(loc)

    def text_line(self, loc: tuple) -> int:
        """The line where the text of the value at `loc` starts (after `answer: |`)."""
        loc = tuple(loc)
        return self.text_lines[loc] + self.offset if loc in self.text_lines else self.line(loc)


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


class _Loader(yaml.CSafeLoader):
    """libyaml's C parser, with dates left as text: the models check them, so that an
    impossible date is a content problem with a line, not a crash while parsing."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    }


def parse_yaml(text: str, rel: str, problems: Problems, offset: int = 0) -> Located | None:
    """Parse once: the node tree gives every line (and duplicate keys), then the data."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        located = Located(None, offset=offset)
        if node is not None:
            duplicates = _walk(node, (), located.lines, located.text_lines)
            for line, key, first in duplicates:
                problems.add(rel, line + offset, key, f"is written twice in the same block (first on line {first + offset}); keep one")
            if duplicates:
                return None
            located.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        line, message = yaml_words(err, text)
        problems.add(rel, line + offset if line else None, "", message)
        return None
    except yaml.YAMLError:
        problems.add(rel, None, "", "the file cannot be read as YAML (check its indentation, quotes and brackets)")
        return None
    finally:
        loader.dispose()
    return located


def yaml_words(err: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The parser's complaint, said in an editor's words, with the line it concerns."""
    problem, context = err.problem or "", err.context or ""
    at = err.problem_mark.line + 1 if err.problem_mark else None
    opened = err.context_mark.line + 1 if err.context_mark else at
    lines = text.split("\n")
    bad_line = lines[at - 1] if at and at <= len(lines) else ""
    if "',' or ']'" in problem:
        return opened, "a list opened with '[' is not closed with ']' (or a comma is missing between its items)"
    if "',' or '}'" in problem:
        return opened, "a group opened with '{' is not closed with '}' (or a comma is missing between its fields)"
    if "quoted scalar" in context:
        return opened, "a quotation mark opened here is never closed"
    if "mapping values are not allowed" in problem:
        return at, "a value contains ': ' (colon and space); put the whole value in quotes, or fix the indentation"
    if "tab character" in problem or "cannot start any token" in problem and "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())]:
        return at, "indented with a tab; indent with spaces"
    if "expected '-' indicator" in problem or "expected key" in problem or "block end" in problem:
        return at, "this line does not line up with the lines above it (or text follows a closing quotation mark); fix its indentation, or put the whole value in quotes"
    if "cannot start any token" in problem or "alias" in problem or "anchor" in problem:
        return at, "a value starts with a character that has a meaning in YAML (such as @, `, * or &); put the whole value in quotes"
    if "document" in problem or "document" in context:
        return at, "a line '---' splits the file in two; remove it"
    return at, "the structure of the file breaks here (check the indentation, quotes and brackets)"


def _walk(node, path: tuple, lines: dict, text_lines: dict) -> list[tuple[int, str, int]]:
    """Record the line of every key and item; return duplicate keys (line, key, first line)."""
    duplicates = []
    if isinstance(node, yaml.ScalarNode):
        # A block scalar (| or >) starts its text on the line after its indicator.
        text_lines[path] = node.start_mark.line + 1 + (1 if node.style in ("|", ">") else 0)
    elif isinstance(node, yaml.MappingNode):
        seen = {}
        for key, value in node.value:
            sub = path + (key.value,)
            line = key.start_mark.line + 1
            if isinstance(key, yaml.ScalarNode) and key.value in seen:
                duplicates.append((line, ".".join(map(str, sub)), seen[key.value]))
            else:
                seen[key.value] = line
                lines[sub] = line
            duplicates += _walk(value, sub, lines, text_lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            sub = path + (index,)
            lines[sub] = item.start_mark.line + 1
            duplicates += _walk(item, sub, lines, text_lines)
    return duplicates


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
