"""The tools' markers (<!-- kk:tool NAME -->): each builds its template's context from
data/ and renders overrides/content/tool-NAME.html. Shared here: where a quoted source
sentence is shown on the site, and the check that the quote is really there."""
from __future__ import annotations

import json
import os
import posixpath
import re

from markupsafe import escape

from hooks import planner as planner_rules
from hooks.texts import Output

MARKUP = re.compile(r"[*_`]|\[|\]\([^)]*\)|<[^>]+>")


class ToolError(Exception):
    """A tool's data that does not match the content it refers to."""


def page_url(src: str) -> str:
    """The site path of a page source (flow.md → flow/, index.md → '')."""
    stem = re.sub(r"(\.[a-z]{2})?\.md$", "", src)
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href_from(here_src: str, target_src: str, anchor: str | None) -> str:
    """A relative link from one page to another page's heading, as the browser needs it."""
    here = page_url(here_src)
    rel = posixpath.relpath(page_url(target_src) or ".", here or ".")
    rel = "" if rel == "." else rel + "/"
    return f"{rel}#{anchor}" if anchor else (rel or "./")


def page_title(content, src: str) -> str:
    """A docs page's title (its first heading), in the language being built."""
    path = content.root / "docs" / src
    if content.lang != "ja":
        path = path.with_name(f"{path.stem}.{content.lang}.md")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
    return src


def plain(text: str) -> str:
    return " ".join(MARKUP.sub("", text).split())


def _quoted(content, quote):
    """(page source, anchor, heading title, Markdown text) of the item a quote cites, or None."""
    if quote.faq:
        item = content.faq.get(quote.faq)
        return item and ("faq.md", quote.anchor or quote.faq, item.question, item.answer)
    section = content.sections.get(quote.section)
    if section is None:
        return None
    src, _anchor, title = content.targets.get(quote.section, (None, None, section.title))
    return src, quote.anchor or quote.section, title, section.body


def check_quotes(content, problems) -> None:
    """Every quote of the tools' data is word for word in the item it cites; every
    standard the pre-check names is in data/standards.yml."""
    if "contacts" not in content.data:
        return  # data/contacts.yml failed to load (reported); texts cannot be rendered without it
    texts, out = content.texts(), Output()
    if "directory" in content.data and "contacts" in content.data and content.lang == "ja":
        readings = content.data["directory"].readings
        offices = [o.ministry for o in content.data["contacts"].offices]
        for name in offices:
            if name not in readings:
                problems.add("data/directory.yml", None, "readings", f"'{name}' (data/contacts.yml) has no reading: add it")
        for index, name in enumerate(readings):
            if name not in offices:
                problems.add("data/directory.yml", content.files["data/directory.yml"].line(("readings", name)), f"readings.{name}", "is not an office in data/contacts.yml")
            elif offices.index(name) != index:
                problems.add("data/directory.yml", content.files["data/directory.yml"].line(("readings", name)), f"readings.{name}", "list the readings in the order of the offices in data/contacts.yml")
    if "precheck" in content.data and "standards" in content.data:
        known = {r.id for r in content.data["standards"].rules}
        for index, rule in enumerate(content.data["precheck"].rules):
            if rule.standard not in known:
                line = content.files["data/precheck.yml"].line(("rules", index, "standard"))
                problems.add("data/precheck.yml", line, f"rules.{index}.standard", f"'{rule.standard}' is not a rule in data/standards.yml (known: {', '.join(sorted(known))})")
    for name, model in content.data.items():
        for loc, quote in getattr(model, "quotes", lambda: [])():
            rel = f"data/{name}.yml" if content.lang == "ja" else f"data/{name}.en.yml"
            line = content.files[f"data/{name}.yml"].line(loc + ("text",))
            found = _quoted(content, quote)
            if found is None:
                problems.add(rel, line, ".".join(map(str, loc)), f"cites '{quote.faq or quote.section}', which is not a FAQ entry or a section")
            elif plain(quote.text) not in plain(texts.render(found[3], out)):
                problems.add(rel, line, ".".join(map(str, loc + ("text",))), f"is not word for word in {quote.faq or quote.section}: quote the text exactly as it is stored")


def quote_place(renderer, quote) -> dict:
    """The quote with a link to where the site shows it (checked when content loads)."""
    content = renderer.content
    src, anchor, title, _body = _quoted(content, quote)
    title = plain(renderer.texts.render(title, renderer.out))
    if src is None:  # shown only in a publication's own view
        return {"text": quote.text, "href": None, "title": title}
    page = page_title(content, src)
    return {"text": quote.text, "href": href_from(renderer.out.page, src, anchor), "title": f"{page} › {title}" if page != title else title}


def data_attr(value) -> str:
    return str(escape(json.dumps(value, ensure_ascii=False, separators=(",", ":"))))


def planner(renderer, epoch: str | None = None) -> dict:
    """`epoch`: the build's SOURCE_DATE_EPOCH (from the environment unless given)."""
    plan = renderer.content.data["planner"]
    today = planner_rules.source_day(epoch or os.environ.get("SOURCE_DATE_EPOCH"))
    start = planner_rules.default_start(plan, today)
    places = {}
    for rule in plan.milestones:
        places[rule.id] = [quote_place(renderer, q) for q in rule.quotes]
    late = quote_place(renderer, plan.late_quote)
    schedules = {}
    for direction in ("haken", "saiyou"):
        due = {d.id: d for d in planner_rules.milestones(plan, direction, start)}
        rows = [(rule, due.get(rule.id)) for rule in plan.milestones if direction in rule.directions]
        rows.sort(key=lambda row: (row[1] is None, row[1].date if row[1] else None))
        schedules[direction] = [
            {"rule": rule, "due": d, "date": d.date.isoformat() if d else "", "label": planner_rules.label_of(plan, d) if d else "", "quotes": places[rule.id]}
            for rule, d in rows
        ]
    keys = {"id", "directions", "from_", "months", "days", "yearly", "due"}
    rules = plan.model_dump(mode="json", by_alias=True, include={"window_months": True, "default_start": True, "ui": True, "milestones": {"__all__": keys}})
    return {
        "plan": plan,
        "start": start,
        "start_label": planner_rules.format_date(plan, start),
        "schedules": schedules,
        "late": late,
        "contact": renderer.content.data["contacts"].organisers["jinji"],
        "rules_json": data_attr(rules),
    }


def precheck(renderer) -> dict:
    check = renderer.content.data["precheck"]
    rules = renderer.content.data["standards"].rules
    standards = {
        r.id: {"id": r.id, "title": plain(renderer.texts.render(r.title, renderer.out)), "body": r.body, "href": href_from(renderer.out.page, "standards.md", f"standards-{r.id}")}
        for r in rules
    }
    related = {q.id: [] for q in check.questions}
    for rule in check.rules:
        for cond in rule.when.walk():
            if cond.q and standards[rule.standard] not in related[cond.q]:
                related[cond.q].append(standards[rule.standard])
    data = check.model_dump(mode="json", by_alias=True, include={"rules": True})
    return {"check": check, "standards": [standards[r.standard] for r in check.rules], "related": related, "rules_json": data_attr(data)}


def industries_chart(renderer) -> dict:
    data = renderer.content.data
    return {"d": data["industries"], "status": data["status"], "table": renderer.table("industries", level=3)}


def figures(renderer) -> dict:
    data = renderer.content.data
    return {"status": data["status"], "sessions": data["sessions"], "places": [quote_place(renderer, f.quote) if f.quote else None for f in data["status"].figures]}


def printed_charts(renderer) -> dict:
    status = renderer.content.data["status"]
    return {"status": status, "link": renderer.content.links[status.charts_link]}


def directory(renderer) -> dict:
    data = renderer.content.data
    contacts, readings = data["contacts"], data["directory"].readings
    # readings follow the offices' order (checked when content loads): (office, Japanese name, reading)
    rows = list(zip(contacts.offices, readings.keys(), readings.values()))
    return {"dir": data["directory"], "contacts": contacts, "rows": rows, "lang": renderer.lang}


CONTEXTS = {"planner": planner, "directory": directory, "organisers": directory, "precheck": precheck, "industries-chart": industries_chart, "figures": figures, "printed-charts": printed_charts}


def render(renderer, name: str, level: int = 2) -> str:
    if name not in CONTEXTS:
        raise ToolError(f"no tool '{name}' (known: {', '.join(sorted(CONTEXTS))})")
    return renderer.template(f"tool-{name}.html", level=level, **CONTEXTS[name](renderer))
