"""Gates on every built page (whatever the build produced): valid HTML by html-validate
(.htmlvalidate.json), and no id twice on a page."""
from __future__ import annotations

import json
import subprocess
from collections import Counter

from tests.conftest import ROOT
from tests.html import read

CONFIG = ROOT / ".htmlvalidate.json"
HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"

# Why each rule of html-validate's recommended set is off (JSON holds no comments).
REASONS = {
    "doctype-style": "style only: Material writes <!doctype html> in lower case",
    "void-style": "style only: Python-Markdown writes <hr /> and Material <br>, both valid HTML",
    "no-trailing-whitespace": "style only: the theme's templates indent with trailing spaces",
    "long-title": "search-result advice, not validity: English titles are the page's name plus the site's",
    "tel-non-breaking": "typography advice: phone numbers are shown with ordinary hyphens, as printed",
    "unique-landmark": "Material nests a <nav> per navigation section inside the labelled sidebar <nav>; axe-core's WCAG rules pass",
    "valid-autocomplete": "Material's drawer and search toggles are checkboxes with autocomplete=off, so browsers do not restore them",
    "no-implicit-button-type": "Material's header buttons stand outside any form, where a button submits nothing",
    "wcag/h32": "the FAQ finder filters the page as one types: there is nothing to submit",
}
# Findings in Material's own templates that the site cannot change without copying them.
THEME_FINDINGS = {
    # partials/nav-item.html writes tabindex="" on section labels (browsers ignore it)
    ("attribute-allowed-values", 'Attribute "tabindex" has invalid value ""'),
}


def test_every_exclusion_says_why():
    rules = json.loads(CONFIG.read_text(encoding="utf-8"))["rules"]
    off = {name for name, value in rules.items() if value == "off"}
    assert off == set(REASONS)


def test_every_page_is_valid_html(site, tmp_path):
    pages = sorted(str(p) for p in site.rglob("*.html"))
    assert len(pages) > 40
    out = tmp_path / "report.json"  # a file: a large report through a pipe arrives cut short
    result = subprocess.run([str(HTML_VALIDATE), "-c", str(CONFIG), "-f", f"json={out}", *pages], capture_output=True, text=True)
    assert out.exists(), result.stderr
    found = [
        f"{report['filePath']}:{m['line']}: {m['ruleId']}: {m['message']}"
        for report in json.loads(out.read_text(encoding="utf-8") or "[]")
        for m in report["messages"]
        if (m["ruleId"], m["message"]) not in THEME_FINDINGS
    ]
    assert not found, "\n".join(found[:30])


def test_no_id_is_used_twice_on_any_page(site):
    twice = {}
    for path in site.rglob("*.html"):
        counts = Counter(read(path).ids)
        if any(n > 1 for n in counts.values()):
            twice[str(path.relative_to(site))] = [i for i, n in counts.items() if n > 1]
    assert not twice



def test_every_published_page_allows_only_the_sites_own_script_files(site):
    """The live preview alone lets inline script run (MkDocs' live reload); never the site."""
    policy = "script-src 'self' 'wasm-unsafe-eval';"
    wrong = [str(p.relative_to(site)) for p in site.rglob("*.html") if policy not in p.read_text(encoding="utf-8")]
    assert not wrong, wrong[:5]
