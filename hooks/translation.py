"""Reading a file in one language: the Japanese file itself, or the Japanese file with
its English counterpart (X.en.yml overlay, X.en.md) laid over it. Pairing and structure
problems name the English file and, where possible, the line."""
from __future__ import annotations

from pathlib import Path

from hooks import english, filecache
from hooks.problems import Problems
from hooks import sourcefile
from hooks.sourcefile import FRONT_MATTER, Located

# Parsed once per build (and kept under `make serve` until the file changes).
load_yaml = filecache.memo(sourcefile.load_yaml)
load_markdown = filecache.memo(sourcefile.load_markdown)

# Files that hold both languages themselves, or are build data: no counterpart.
BILINGUAL = {"data/ui.yml", "data/glossary.yml"}
PAIRED_FOLDERS = ("content/faq", "content/testimonials", "content/sections", "data", "data/publications", "docs")


def rel_of(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def read_yaml(root: Path, path: Path, problems: Problems, lang: str) -> Located | None:
    rel = rel_of(root, path)
    located = load_yaml(path, rel, problems)
    if located is None or lang == "ja":
        return located
    en_path = english.counterpart(path)
    en_rel = rel_of(root, en_path)
    if not en_path.exists():
        return None  # reported by check_pairs
    overlay = load_yaml(en_path, en_rel, problems)
    if overlay is None:
        return None
    bad = english.overlay_problems(located.data, overlay.data or {})
    for loc, message in bad:
        problems.add(en_rel, overlay.line(loc), ".".join(map(str, loc)) or "(file)", message)
    if bad:
        return None
    return Located(english.merge(located.data, overlay.data or {}), located.lines, text_lines=located.text_lines, overlay=overlay, overlay_rel=en_rel)


def read_markdown(root: Path, path: Path, problems: Problems, lang: str):
    """(front matter, body, body's first line) in the language, or None."""
    rel = rel_of(root, path)
    loaded = load_markdown(path, rel, problems)
    if loaded is None or lang == "ja":
        return loaded
    located, body, _line = loaded
    en_path = english.counterpart(path)
    en_rel = rel_of(root, en_path)
    if not en_path.exists():
        return None  # reported by check_pairs
    en = load_markdown(en_path, en_rel, problems, required=False)
    if en is None:
        return None
    en_meta, en_body, en_line = en
    bad = english.overlay_problems(located.data, en_meta.data or {})
    for loc, message in bad:
        problems.add(en_rel, en_meta.line(loc), ".".join(map(str, loc)), message)
    for line, message in english.structure_problems(body, en_body):
        problems.add(en_rel, line + en_line - 1 if line else None, "body", message)
    if bad:
        return None
    return Located(english.merge(located.data, en_meta.data or {}), located.lines), en_body, en_line


def check_pairs(root: Path, problems: Problems) -> None:
    """Every Japanese file has its English counterpart, and every English file an original."""
    for folder in PAIRED_FOLDERS:
        base = root / folder
        pattern = "**/*" if folder == "docs" else "*"
        for path in sorted(base.glob(pattern)):
            if path.suffix not in (".yml", ".md") or not path.is_file() or rel_of(root, path) in BILINGUAL:
                continue
            if folder == "data" and path.parent != base:
                continue
            if english.is_english(path):
                original = path.with_name(path.name.replace(".en.", "."))
                if not original.exists():
                    problems.add(rel_of(root, path), None, "", f"English file without a Japanese original ({rel_of(root, original)})")
            elif not english.counterpart(path).exists():
                problems.add(rel_of(root, path), None, "", f"no English counterpart: add {english.counterpart(path).name}")


def check_page(root: Path, path: Path, problems: Problems) -> None:
    """A docs page and its translation: same heading ids, lists, tables and markers."""
    en_path = english.counterpart(path)
    if not en_path.exists():
        return
    # The front matter becomes blank lines, so that lines keep their numbers.
    strip = lambda text: FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)  # noqa: E731
    ja, en = strip(path.read_text(encoding="utf-8-sig")), strip(en_path.read_text(encoding="utf-8-sig"))
    for line, message in english.structure_problems(ja, en):
        problems.add(rel_of(root, en_path), line, "", message)
