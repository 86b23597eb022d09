"""What counts as a search hit, shared by the search tests and the benchmark: the
expected page (and anchor) among the first five results and their sections."""
from __future__ import annotations

from pathlib import Path

import yaml

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))

# Run in a page of the site: the URLs of the first five results and their sub-results,
# through the module the header search and the FAQ finder use (normalised queries).
TOP5 = """async ([q, filters]) => {
  const pf = await import('/assets/search/pagefind.js');
  const found = await pf.search(q, filters ? { filters } : {});
  const urls = [];
  for (const hit of found.results.slice(0, 5)) {
    const data = await hit.data();
    urls.push(data.url, ...data.sub_results.map((s) => s.url));
  }
  return urls;
}"""


def top5(page, query: str, filters: dict | None = None) -> list[str]:
    return page.evaluate(TOP5, [query, filters])


def hit(expect: str, urls: list[str]) -> bool:
    """An anchored expectation must match exactly; a page matches any of its sections."""
    return expect in urls if "#" in expect else any(u.split("#")[0] == expect for u in urls)
