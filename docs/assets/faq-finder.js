// The FAQ finder: narrows the entries of the FAQ page by keywords (Pagefind, which
// segments Japanese) and by category and audience chips. The entries stay the page's
// own, each with its permanent anchor; ?q=…&category=…&audience=… can be shared.
(() => {
  const form = document.querySelector(".kk-finder");
  if (!form) return;
  const input = form.querySelector("input[type=search]");
  const status = form.querySelector(".kk-finder__status");
  const chips = [...form.querySelectorAll("button[data-filter]")];
  const entries = [...document.querySelectorAll(".kk-faq")];
  const groups = [...new Set(entries.map((e) => e.parentElement))];
  const headingOf = (entry) => entry.querySelector("h1,h2,h3,h4,h5,h6");
  const original = new Map(entries.map((e, i) => [e, i]));
  let pagefind = null;
  let ranks = null; // null: no query; else Map(anchor id -> rank)
  let run = 0;

  async function loadPagefind() {
    if (!pagefind) {
      const root = document.querySelector("pagefind-config")?.getAttribute("bundle-path") || "/pagefind/";
      pagefind = await import(new URL("pagefind.js", new URL(root, location.href)).href);
      await pagefind.options({ excerptLength: 20 });
    }
    return pagefind;
  }

  // Pagefind matches all words on the page; an entry must hold all of them itself.
  const fold = (text) => text.normalize("NFKC").toLowerCase();
  function terms(query) {
    if (!("Segmenter" in Intl)) return [];
    const segmenter = new Intl.Segmenter(document.documentElement.lang || "ja", { granularity: "word" });
    return [...segmenter.segment(fold(query))].filter((s) => s.isWordLike).map((s) => s.segment);
  }
  function holds(entry, words) {
    const keywords = entry.querySelector("[data-keywords]")?.dataset.keywords || "";
    const text = fold(entry.textContent + " " + keywords);
    return words.every((w) => [].concat(w).some((f) => text.includes(f))); // a word, or one of its normalised forms
  }

  async function search(query) {
    if (!query.trim()) return null;
    const pf = await loadPagefind();
    const found = await pf.search(query, { filters: { type: "faq" } });
    const words = found.words || terms(query);
    const result = new Map();
    for (const hit of found.results) {
      const data = await hit.data();
      for (const sub of data.sub_results) {
        const anchor = decodeURIComponent(new URL(sub.url, location.href).hash.slice(1));
        const entry = anchor && document.getElementById(anchor)?.closest(".kk-faq");
        const id = entry && headingOf(entry).id; // a sub-heading inside an entry counts for the entry
        if (id && !result.has(id) && holds(entry, words)) result.set(id, result.size);
      }
    }
    return result;
  }

  function selected(filter) {
    return chips.filter((c) => c.dataset.filter === filter && c.getAttribute("aria-pressed") === "true").map((c) => c.dataset.value);
  }

  function show() {
    const categories = selected("category");
    const audiences = selected("audience");
    let count = 0;
    for (const entry of entries) {
      const id = headingOf(entry)?.id;
      const visible =
        (!ranks || ranks.has(id)) &&
        (!categories.length || categories.includes(entry.dataset.category)) &&
        (!audiences.length || entry.dataset.audience.split(" ").some((a) => audiences.includes(a)));
      entry.hidden = !visible;
      if (visible) count++;
    }
    for (const group of groups) {
      const mine = entries.filter((e) => e.parentElement === group);
      mine.sort((a, b) => (ranks ? (ranks.get(headingOf(a).id) ?? 1e9) - (ranks.get(headingOf(b).id) ?? 1e9) : 0) || original.get(a) - original.get(b));
      const anchor = mine[mine.length - 1].nextSibling;
      for (const entry of mine) group.insertBefore(entry, anchor);
    }
    // a category heading shows only while one of its entries does
    document.querySelectorAll("h2[id^='faq-']").forEach((h) => {
      let node = h.nextElementSibling;
      let any = false;
      while (node && node.tagName !== "H2") {
        if (node.classList.contains("kk-faq") && !node.hidden) any = true;
        node = node.nextElementSibling;
      }
      h.hidden = !any;
    });
    status.textContent = count ? status.dataset.templateCount.replace("{n}", count) : status.dataset.templateNone;
    const params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    categories.forEach((c) => params.append("category", c));
    audiences.forEach((a) => params.append("audience", a));
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}${location.hash}` : location.pathname + location.hash);
  }

  async function update() {
    const mine = ++run;
    const result = await search(input.value);
    if (mine !== run) return; // a newer keystroke has superseded this search
    ranks = result;
    show();
  }

  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
  });
  for (const chip of chips) {
    chip.addEventListener("click", () => {
      chip.setAttribute("aria-pressed", chip.getAttribute("aria-pressed") === "true" ? "false" : "true");
      show();
    });
  }
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const chip of chips) {
    if (params.getAll(chip.dataset.filter).includes(chip.dataset.value)) chip.setAttribute("aria-pressed", "true");
  }
  form.hidden = false;
  if (input.value || params.has("category") || params.has("audience")) update();
})();
