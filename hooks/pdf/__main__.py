"""`make pdf PUB=leaflet`: render one publication's PDFs (both languages, both editions)
into site/downloads/ for an editor to look at, without building the site."""
from __future__ import annotations

import sys

from hooks.build import ROOT, source_date
from hooks.pdf import PUBLICATIONS, NotLoaded, render_all
from hooks.problems import ContentError


def main(argv: list[str]) -> int:
    pubs = tuple(argv) or PUBLICATIONS
    unknown = [p for p in pubs if p not in PUBLICATIONS]
    if unknown:
        print(f"unknown publication {', '.join(unknown)} (known: {', '.join(PUBLICATIONS)})", file=sys.stderr)
        return 2
    out = ROOT / "site" / "downloads"
    try:
        info = render_all(ROOT, out, pubs, epoch=source_date(ROOT))
    except (ContentError, NotLoaded) as err:
        print(str(err), file=sys.stderr)
        return 1
    for name, figures in sorted(info.items()):
        print(f"{out.relative_to(ROOT) / name}: {figures['pages']} pages, {figures['bytes'] / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
