"""The planner's calendar files (.ics), written with the icalendar library: one all-day
event per milestone, with a UID that stays the same for the same plan, so that importing
the file again updates the events instead of duplicating them. docs/assets/planner.js
writes the same events in the browser for other start dates."""
from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from hooks.planner import Due


def uid(direction: str, start: dt.date, milestone: str) -> str:
    return f"kanmin-kouryu-{direction}-{start:%Y%m%d}-{milestone}"


def calendar(name: str, direction: str, start: dt.date, events: list[tuple[Due, str, str]], stamp: dt.datetime) -> bytes:
    """`events`: (milestone, summary, description). `stamp`: when the file was made."""
    cal = Calendar()
    cal.add("prodid", "-//kanmin-kouryu//planner//JA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for due, summary, description in events:
        event = Event()
        event.add("uid", uid(direction, start, due.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", due.date)
        event.add("dtend", (due.end or due.date) + dt.timedelta(days=1))  # all-day: the end is exclusive
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


def site_url(root, env: dict) -> str:
    """The public address, as mkdocs.yml resolves it (SITE_URL, else its default)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, tag, node: loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else None)
    value = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader)["site_url"]
    name, default = value if isinstance(value, list) else (None, value)
    url = env.get(name) or default
    return url if url.endswith("/") else url + "/"


def calendar_stage(root, staging, env: dict) -> bool:
    """The default schedule (the page's) as .ics files beside each language's planner page."""
    from urllib.parse import urljoin

    from hooks import content as content_loader
    from hooks import planner, tools
    from hooks.problems import ContentError
    from hooks.render import Renderer

    base = site_url(root, env)
    stamp = dt.datetime.fromtimestamp(int(env.get("SOURCE_DATE_EPOCH") or 0), dt.timezone.utc)
    for lang, prefix in (("ja", ""), ("en", "en/")):
        try:
            content = content_loader.load(root, lang)
        except ContentError as err:
            print(err)
            return False
        context = tools.planner(Renderer(content, "planner.md", lang=lang), env.get("SOURCE_DATE_EPOCH"))
        page = urljoin(base, prefix + "planner/")
        folder = staging / prefix / "planner"
        folder.mkdir(parents=True, exist_ok=True)
        for direction, rows in context["schedules"].items():
            events = [
                (row["due"], row["rule"].label, "\n\n".join(f"{q['text']}\n{urljoin(page, q['href'])}" for q in row["quotes"]))
                for row in rows if row["due"]
            ]
            events.sort(key=lambda e: e[0].date)
            name = context["plan"].ui["calendar_name"]
            (folder / f"schedule-{direction}.ics").write_bytes(calendar(name, direction, context["start"], events, stamp))
    return True
