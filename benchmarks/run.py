"""`make benchmark` (not a test): the whole build and the reader's first load, measured on
this machine, written to benchmarks/results.json and benchmarks/results.md with the
budgets and whether each is met.

  python benchmarks/run.py [--project DIR] [--label after] [--scales 200,1000,5000] [--runs 3]

--project measures another checkout of the project (e.g. an earlier commit, exported with
`git archive`) with this benchmark; --label names its figures in the results file."""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import buildtime  # noqa: E402
import editorloop  # noqa: E402
import synthetic  # noqa: E402
import weight  # noqa: E402
from report import write_report  # noqa: E402

RESULTS = HERE / "results.json"


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), 0)
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mib": mem, "python": platform.python_version(),
            "system": platform.platform(), "load_average_at_start": os.getloadavg()}


def scale_run(project: Path, work: Path, entries: int, runs: int) -> dict:
    copy = buildtime.copy_project(project, work / f"scale-{entries}")
    if (project / ".build").is_dir():  # what an editor's checkout has kept from its last build
        shutil.copytree(project / ".build", copy / ".build")
    synthetic.add_entries(copy, entries)
    stages = buildtime.run_pipeline(copy, work / "staging")
    site = work / "staging"
    result = {
        "entries_per_language": entries,
        "stages": stages,
        "total_seconds": sum(s["seconds"] for s in stages),
        "site_bytes": buildtime.folder_bytes(site),
        "site_bytes_with_precompressed": buildtime.folder_bytes(site, exclude=()),
        "index_bytes": buildtime.folder_bytes(site / "pagefind", exclude=()) if (site / "pagefind").exists() else 0,
    }
    plain = buildtime.plain_project(copy, work / f"plain-{entries}")
    result["site_vs_plain"] = buildtime.site_vs_plain(copy, plain, work, runs)
    shutil.rmtree(plain, ignore_errors=True)
    return result, copy


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--label", default="after")
    parser.add_argument("--scales", default="200,1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--parts", default="stages,weight,lighthouse,scale,editor,search",
                        help="comma-separated parts to run; the others keep their last figures in the results file")
    args = parser.parse_args()
    project, parts = args.project.resolve(), set(filter(None, args.parts.split(",")))
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    out = results.get(args.label, {})
    out.update({"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "project": str(project)})

    def save():
        results[args.label] = out
        RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        write_report(results, HERE / "results.md")

    with tempfile.TemporaryDirectory(prefix="kk-bench-") as tmp:
        work = Path(tmp)
        real = buildtime.copy_project(project, work / "real")
        site = work / "real-site"
        print("stages at today's content…", flush=True)
        runs = [buildtime.run_pipeline(real, work / "staging") for _ in range(args.runs if "stages" in parts else 1)]
        shutil.copytree(work / "staging", site)
        if "stages" in parts:
            out["stages"] = runs
            out["site_bytes"] = buildtime.folder_bytes(site)
            out["index_bytes"] = buildtime.folder_bytes(site / "pagefind", exclude=()) if (site / "pagefind").exists() else 0
            print("site stage against plain mkdocs, alternating…", flush=True)
            plain = buildtime.plain_project(real, work / "plain-real")
            out["site_vs_plain"] = buildtime.site_vs_plain(real, plain, work, max(5, args.runs))
            save()

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=weight.CHROMIUM_ARGS)
            httpd, base = weight.serve(site)
            if "weight" in parts:
                print("page weight…", flush=True)
                out["weight"] = {name: weight.first_load(browser, base + path) for name, path in
                                 (("home", "/"), ("faq", "/faq/"), ("home_en", "/en/"), ("faq_en", "/en/faq/"))}
                out["cls"] = {f"{path} {w}px": weight.first_load(browser, base + path, w)["cls"]
                              for path in ("/", "/faq/", "/voices/", "/publications/guidebook/", "/en/", "/en/faq/") for w in (390, 1280)}
                save()
            if "lighthouse" in parts:
                print("lighthouse…", flush=True)
                out["lighthouse"] = {name: weight.lighthouse(base + path) for name, path in (("home", "/"), ("faq", "/faq/"))}
                save()
                if (site / "index.html.gz").exists():
                    zipped, zbase = weight.serve(site, precompressed=True)
                    out["lighthouse"].update({f"{name}, precompressed .gz": weight.lighthouse(zbase + path) for name, path in (("home", "/"), ("faq", "/faq/"))})
                    zipped.shutdown()
                    save()
            httpd.shutdown()

            copies = {20: real}
            if "scale" in parts:
                for entries in [int(n) for n in args.scales.split(",") if n]:
                    print(f"scale: {entries} entries per language…", flush=True)
                    result, copies[entries] = scale_run(project, work, entries, 1 if entries >= 5000 else max(1, args.runs - 1))
                    kept = [s for s in out.get("scale", []) if s["entries_per_language"] != entries]
                    out["scale"] = sorted(kept + [result], key=lambda s: s["entries_per_language"])
                    save()
            if "editor" in parts:
                out["editor_loop"] = {}
                for entries in (20, 1000):
                    if entries not in copies:
                        copies[entries] = buildtime.copy_project(project, work / f"editor-{entries}")
                        synthetic.add_entries(copies[entries], entries)
                    for ja_only in (False, True):
                        key = f"{entries} entries{', LANG=ja' if ja_only else ''}"
                        print(f"editor's loop: {key}…", flush=True)
                        try:
                            out["editor_loop"][key] = editorloop.measure(copies[entries], browser, 3, ja_only)
                        except RuntimeError as err:
                            out["editor_loop"][key] = str(err)
                        save()
            browser.close()

    if "search" in parts and (project / "benchmarks" / "search.py").exists() and (project / "site" / "pagefind").exists():
        print("search (benchmarks/search.py)…", flush=True)
        run = subprocess.run([sys.executable, str(project / "benchmarks" / "search.py")], cwd=project, capture_output=True, text=True)
        out["search"] = run.stdout.strip().splitlines() or (run.stderr.strip().splitlines()[-12:])  # every query's row too
    out["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    out["load_average_at_end"] = os.getloadavg()
    save()
    print((HERE / "results.md").read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
