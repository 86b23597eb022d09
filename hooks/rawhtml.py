"""Raw HTML in content: only a few inline tags are allowed; <script> never passes."""
from __future__ import annotations

import re

ALLOWED = {"br", "wbr", "span", "sup", "sub"}
ALLOWED_ATTRS = {"span": {"lang"}, "div": {"class", "markdown"}}
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
ATTR = re.compile(r"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
CODE = re.compile(r"`[^`\n]*`")


def check_raw_html(text: str, allowed: set[str] = ALLOWED) -> list[tuple[int, str]]:
    """(line within text, message) for each tag outside the allowlist."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        line = CODE.sub("", line)
        for match in TAG.finditer(line):
            closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
            if name.startswith(("http", "mailto")) or ":" in name:
                continue  # an autolink such as <https://…>
            if name not in allowed:
                problems.append((number, f"raw HTML <{name}> is not allowed (allowed: {', '.join(sorted(allowed))})"))
                continue
            if closing:
                continue
            for attr, _value in ATTR.findall(rest.strip(" /")):
                if attr.lower() not in ALLOWED_ATTRS.get(name, set()):
                    problems.append((number, f"attribute '{attr}' is not allowed on <{name}>"))
    return problems
