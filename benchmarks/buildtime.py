"""Build benchmark: time and peak memory of each stage of hooks/build.py's STAGES (whatever
stages the project has), and the site stage against a plain `mkdocs build` of the same
final Markdown without the project's hooks, in alternating runs."""
from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "data", "hooks", "overrides")

# Runs one stage of the project's own pipeline in a fresh process and reports its time
# and the peak memory of that process and of every process the stage started.
STAGE_RUNNER = r"""
import json, os, resource, sys, time
from pathlib import Path
root, staging, index = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, str(root))
from hooks import build
stage = build.STAGES[index]
env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or build.source_date(root)}
def cpu():
    return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for f in ("ru_utime", "ru_stime"))
cpu0 = cpu()
start = time.perf_counter()
ok = stage(root, staging, env)
seconds = time.perf_counter() - start
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"stage": stage.__name__, "ok": bool(ok), "seconds": seconds, "cpu_seconds": cpu() - cpu0, "peak_mib": peak / 1024}))
"""
STAGE_NAMES = "import sys; sys.path.insert(0, sys.argv[1]); from hooks import build; print(' '.join(s.__name__ for s in build.STAGES))"


def copy_project(src: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (src / part).is_dir():
            shutil.copytree(src / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif (src / part).exists():
            shutil.copy2(src / part, dest / part)
    return dest


def env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


def stage_names(project: Path) -> list[str]:
    return subprocess.run([sys.executable, "-c", STAGE_NAMES, str(project)], capture_output=True, text=True, check=True).stdout.split()


def run_stage(project: Path, staging: Path, index: int) -> dict:
    out = subprocess.run([sys.executable, "-c", STAGE_RUNNER, str(project), str(staging), str(index)],
                         cwd=project, env=env(), capture_output=True, text=True)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"stage {index} failed:\n{out.stderr[-2000:]}")
    return json.loads(lines[-1])


def run_pipeline(project: Path, staging: Path) -> list[dict]:
    """Every stage once, in order, into a fresh staging folder."""
    shutil.rmtree(staging, ignore_errors=True)
    return [run_stage(project, staging, i) for i in range(len(stage_names(project)))]


UI_HOOK = """import yaml
from pathlib import Path
WORDS = yaml.safe_load((Path(__file__).parent / "data" / "ui.yml").read_text(encoding="utf-8"))
def on_page_context(context, page, config, nav):
    context["kk_ui"] = WORDS[config.theme["language"]]
    return context
def on_template_context(context, template_name, config):
    context["kk_ui"] = WORDS[config.theme["language"]]
    return context
"""


def plain_project(project: Path, dest: Path) -> Path:
    """The project's final Markdown (every marker expanded, both languages) with the same
    theme, plugins and configuration, but without the project's hooks."""
    code = r"""
import sys
from pathlib import Path
root, dest = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(root))
from hooks import content, markers
from hooks.problems import Problems
langs = ["ja", "en"]
if hasattr(content, "load_all"):
    loaded = content.load_all(root, langs)
else:
    loaded = {lang: content.load(root, lang) for lang in langs}
for path in sorted((root / "docs").rglob("*.md")):
    rel = path.relative_to(root / "docs").as_posix()
    lang = "en" if rel.endswith(".en.md") else "ja"
    text = path.read_text(encoding="utf-8")
    front = ""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + 5
        front, text = text[:end], text[end:]
    page = rel.replace(".en.md", ".md")
    out = dest / "docs" / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(front + markers.expand(text, page, loaded[lang], Problems(), rel), encoding="utf-8")
"""
    dest.mkdir(parents=True)
    shutil.copytree(project / "docs" / "assets", dest / "docs" / "assets")
    shutil.copytree(project / "overrides", dest / "overrides")
    # the templates' interface words (data/ui.yml), which the project's hooks pass them:
    # here one small hook that does only that
    (dest / "data").mkdir()
    shutil.copy2(project / "data" / "ui.yml", dest / "data" / "ui.yml")
    (dest / "ui_words.py").write_text(UI_HOOK, encoding="utf-8")
    subprocess.run([sys.executable, "-c", code, str(project), str(dest)], check=True, cwd=project, env=env())
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^hooks:\n(?:  - .*\n)+", "hooks:\n  - ui_words.py\n", config, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def plain_build(plain: Path, out: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of a plain mkdocs build."""
    shutil.rmtree(out, ignore_errors=True)
    cpu0, start = _children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=plain, env=env(),
                   check=True, capture_output=True)
    return time.perf_counter() - start, _children_cpu() - cpu0


def site_vs_plain(project: Path, plain: Path, work: Path, runs: int) -> dict:
    """The site stage and the plain build, alternating, `runs` times each."""
    site_index = stage_names(project).index("site_stage")
    site, bare, site_cpu, bare_cpu = [], [], [], []
    for _ in range(runs):
        shutil.rmtree(work / "staging", ignore_errors=True)
        stage = run_stage(project, work / "staging", site_index)
        site.append(stage["seconds"])
        site_cpu.append(stage["cpu_seconds"])
        wall, cpu = plain_build(plain, work / "plain-site")
        bare.append(wall)
        bare_cpu.append(cpu)
    return {"site": summary(site), "plain": summary(bare), "ratio": summary([s / b for s, b in zip(site, bare)]),
            "site_cpu": summary(site_cpu), "plain_cpu": summary(bare_cpu),
            "ratio_cpu": summary([s / b for s, b in zip(site_cpu, bare_cpu)]), "runs": runs}


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def folder_bytes(path: Path, exclude: tuple[str, ...] = (".gz", ".br")) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.name.endswith(exclude))
