"""benchmarks/results.md from results.json: every figure, the budgets, met or not."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BUDGETS = {
    "ratio": 1.3,  # site stage / plain mkdocs build, at every scale
    "editor_s": 1.5,
    "first_load_gzip_kib": 80,
    "cls": 0.05,
    "full_build_s": 60,
    "lighthouse": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
}


def _span(s: dict, fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(s['median'])} ({fmt.format(s['min'])}–{fmt.format(s['max'])}, n={s['n']})"


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _median(values):
    values = sorted(values)
    return values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1] + values[len(values) // 2]) / 2


def section(label: str, r: dict) -> list[str]:
    m = r["machine"]
    lines = [f"## {label}", "",
             f"Project measured: {'this repository' if Path(r['project']).resolve() == ROOT else '`' + r['project'] + '`'}, "
             f"{r['started']} to {r.get('finished', '(unfinished)')} (the last run; `--parts` runs keep the other parts' figures).",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_mib']} MiB, Python {m['python']}, {m['system']}. "
             f"Load average at start {', '.join(f'{x:.1f}' for x in m['load_average_at_start'])}"
             + (f", at end {', '.join(f'{x:.1f}' for x in r['load_average_at_end'])}" if "load_average_at_end" in r else "")
             + (" (the machine was shared with other builds and tests: figures were taken under load)."
                if max(m["load_average_at_start"][0], *r.get("load_average_at_end", [0])[:1]) > m["cores"] else "."), ""]
    if "stages" in r:
        names = [s["stage"] for s in r["stages"][0]]
        lines += ["### Stages at today's content (20 FAQ entries per language)", "",
                  "| stage | seconds, median (min–max) | CPU seconds, median | peak memory MiB, median |", "|---|---|---|---|"]
        for i, name in enumerate(names):
            secs = [run[i]["seconds"] for run in r["stages"]]
            cpu = [run[i].get("cpu_seconds", 0) for run in r["stages"]]
            mem = [run[i]["peak_mib"] for run in r["stages"]]
            lines.append(f"| {name} | {_median(secs):.2f} ({min(secs):.2f}–{max(secs):.2f}, n={len(secs)}) | {_median(cpu):.2f} | {_median(mem):.0f} |")
        totals = [sum(s["seconds"] for s in run) for run in r["stages"]]
        cpu_totals = [sum(s.get("cpu_seconds", 0) for s in run) for run in r["stages"]]
        lines += [f"| **whole build** | {_median(totals):.2f} ({min(totals):.2f}–{max(totals):.2f}) — budget ≤ {BUDGETS['full_build_s']} s: {_met(_median(totals) <= BUDGETS['full_build_s'])} | {_median(cpu_totals):.2f} | |", "",
                  f"site/: {r['site_bytes'] / 1024:.0f} KiB without the .gz/.br copies; search index {r['index_bytes'] / 1024:.0f} KiB.", ""]
    if "site_vs_plain" in r:
        v = r["site_vs_plain"]
        lines += ["### Site stage against a plain `mkdocs build` of the same final Markdown (alternating runs)", "",
                  "CPU seconds (user + system of the build's processes) are what the build costs; wall-clock seconds "
                  "also count the time spent waiting for the shared cores. The budget is judged on CPU time.", "",
                  "| entries per language | site stage CPU s | plain CPU s | ratio (CPU) | site stage wall s | plain wall s | ratio (wall) | budget ≤ 1.3× |",
                  "|---|---|---|---|---|---|---|---|"]
        rows = [(20, v)] + [(s["entries_per_language"], s["site_vs_plain"]) for s in r.get("scale", [])]
        for entries, v in rows:
            key = "ratio_cpu" if "ratio_cpu" in v else "ratio"
            cpu = f"{_span(v['site_cpu'])} | {_span(v['plain_cpu'])} | {_span(v['ratio_cpu'])}" if "ratio_cpu" in v else "– | – | –"
            lines.append(f"| {entries} | {cpu} | {_span(v['site'])} | {_span(v['plain'])} | {_span(v['ratio'])} | {_met(v[key]['median'] <= BUDGETS['ratio'])} |")
        lines.append("")
    if r.get("scale"):
        lines += ["### Scale (synthetic entries added to a temporary copy; one pipeline run each)", "",
                  "Each stage: wall-clock seconds / CPU seconds. Peak memory: the largest stage's.", "",
                  "| entries per language | " + " | ".join(s["stage"] for s in r["scale"][0]["stages"]) + " | whole build s (CPU s) | budget ≤ 60 s | peak MiB | site/ KiB | index KiB |",
                  "|---" * (len(r["scale"][0]["stages"]) + 6) + "|"]
        for s in r["scale"]:
            cpu = sum(x.get("cpu_seconds", 0) for x in s["stages"])
            lines.append(f"| {s['entries_per_language']} | " + " | ".join(f"{x['seconds']:.1f} / {x.get('cpu_seconds', 0):.1f}" for x in s["stages"])
                         + f" | {s['total_seconds']:.1f} ({cpu:.1f}) | {_met(s['total_seconds'] <= BUDGETS['full_build_s'])} (CPU: {_met(cpu <= BUDGETS['full_build_s'])}) | {max(x['peak_mib'] for x in s['stages']):.0f} | {s['site_bytes'] / 1024:.0f} | {s['index_bytes'] / 1024:.0f} |")
        lines.append("")
    if "editor_loop" in r:
        lines += ["### Editor's loop under `mkdocs serve` (save a FAQ file → the FAQ page shows the change; seconds per edit)", "",
                  "| case | edits | median | budget ≤ 1.5 s |", "|---|---|---|---|"]
        for key, times in r["editor_loop"].items():
            if isinstance(times, str):
                lines.append(f"| {key} | {times} | | not measured |")
            else:
                lines.append(f"| {key} | {', '.join(f'{t:.2f}' for t in times)} | {_median(times):.2f} | {_met(_median(times) <= BUDGETS['editor_s'])} |")
        lines.append("")
    if "weight" in r:
        lines += ["### First page load in Chromium (nothing cached; served uncompressed; gzipped = what a gzip server sends)", "",
                  "| page | requests | failed | KiB raw | KiB gzipped | budget ≤ 80 KiB | CLS |", "|---|---|---|---|---|---|---|"]
        for name, w in r["weight"].items():
            lines.append(f"| {name} | {w['requests']} | {len(w['failed'])} | {w['bytes'] / 1024:.0f} | {w['gzipped'] / 1024:.0f} | {_met(w['gzipped'] / 1024 <= BUDGETS['first_load_gzip_kib'])} | {w['cls']:.3f} |")
        lines.append("")
        for name, w in r["weight"].items():
            lines.append(f"- {name} (file: KiB gzipped): " + ", ".join(f"{f} {k}" if isinstance(f, str) else f"{f[0]} {f[1]}" for f, k in [(x, "") if isinstance(x, str) else (x[0], x[1]) for x in w["files"]]))
        lines.append("")
    if "cls" in r:
        lines += ["### Layout shift (CLS) on first load in Chromium", "", "| page, viewport | CLS | budget ≤ 0.05 |", "|---|---|---|"]
        lines += [f"| {key} | {value:.4f} | {_met(value <= BUDGETS['cls'])} |" for key, value in r["cls"].items()]
        lines.append("")
    if "lighthouse" in r:
        lines += ["### Lighthouse (mobile; served uncompressed, and as published with its .gz files)", "",
                  "| page | performance | accessibility | best practices | SEO | FCP s | LCP s | CLS | met | audits not passed |", "|---|---|---|---|---|---|---|---|---|---|"]
        for name, s in r["lighthouse"].items():
            ok = all(s.get(k, 0) >= v for k, v in BUDGETS["lighthouse"].items())
            lines.append(f"| {name} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} | {s['fcp_s']:.1f} | {s['lcp_s']:.1f} | {s['cls']:.3f} | {_met(ok)} | {', '.join(s['failed_audits'])} |")
        lines.append("")
    if "search" in r:
        lines += ["### Search (benchmarks/search.py)", "", "```", *r["search"], "```", ""]
    return lines


def write_report(results: dict, path: Path) -> None:
    lines = ["# Benchmark results", "",
             "Written by `make benchmark` (benchmarks/run.py). Budgets: site stage ≤ 1.3× a plain `mkdocs build` of "
             "the same final Markdown at every scale, linear in entries; editor's loop ≤ 1.5 s; whole build ≤ 60 s; "
             "first page load ≤ 80 KiB gzipped; CLS ≤ 0.05 on every page; Lighthouse performance ≥ 95, "
             "accessibility, best practices and SEO 100.", ""]
    notes = Path(path).with_name("notes.md")
    if notes.exists():
        lines += [notes.read_text(encoding="utf-8").strip(), ""]
    for label in ("after", "before", *[k for k in results if k not in ("after", "before")]):
        if label in results:
            lines += section(label, results[label])
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
