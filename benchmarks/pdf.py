"""The PDF benchmark (not a test): all twelve PDFs rendered fresh (no cache), two at a
time as the build does, each in a process of its own so that its peak memory is its own.
Prints time, peak memory and size per PDF and for all twelve, against the budgets:
all twelve in ≤ 40 s on a 2-core machine; the leaflet ≤ 1.5 MB, the others ≤ 3 MB each."""
from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hooks.build import source_date  # noqa: E402
from hooks.pdf import jobs  # noqa: E402
from hooks.pdf.layout import render  # noqa: E402
from hooks.problems import Problems  # noqa: E402

BUDGET_SECONDS = 40
BUDGET_BYTES = {"leaflet": 1_500_000}
DEFAULT_BYTES = 3_000_000


def measured(job):
    start, cpu = time.perf_counter(), time.process_time()
    result = render(job)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # this process only
    return job.name, job.pub, seconds, cpu, peak, len(result.data), result.pages, result.problems


def main() -> int:
    problems = Problems()
    start = time.perf_counter()
    todo = jobs(ROOT, ("guidebook", "leaflet", "pamphlet"), source_date(ROOT), problems)
    prepare = time.perf_counter() - start
    problems.raise_if_any()
    workers = min(2, os.cpu_count() or 1)
    # A fresh (spawned) process per PDF: its peak memory is that PDF's alone.
    with ProcessPoolExecutor(max_workers=workers, max_tasks_per_child=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        rows = list(pool.map(measured, todo))
    total = time.perf_counter() - start
    over = []
    print(f"{'PDF':28} {'time':>7} {'cpu':>7} {'peak':>8} {'size':>8} pages")
    for name, pub, seconds, cpu, peak, size, pages, found in rows:
        budget = BUDGET_BYTES.get(pub, DEFAULT_BYTES)
        flag = "" if size <= budget else f"  over {budget / 1e6:.1f} MB"
        print(f"{name:28} {seconds:6.1f}s {cpu:6.1f}s {peak / 1e6:6.0f}MB {size / 1e6:6.2f}MB {pages:5}{flag}")
        if flag or found:
            over.append(name)
    size_all = sum(r[5] for r in rows)
    peak_all = max(r[4] for r in rows)
    cpu_all = sum(r[3] for r in rows)
    print(f"{'all twelve':28} {total:6.1f}s {cpu_all:6.1f}s {peak_all / 1e6:6.0f}MB {size_all / 1e6:6.2f}MB  "
          f"({workers} processes; HTML and checks {prepare:.1f}s; budget {BUDGET_SECONDS} s)")
    if total > BUDGET_SECONDS:
        over.append("all twelve (time)")
    load = os.getloadavg()[0]
    if load > workers + 0.5:
        print(f"note: load average {load:.1f} on {os.cpu_count()} cores: other work competed; the cpu column is this benchmark's own")
    print("within budget" if not over else f"over budget: {', '.join(over)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
