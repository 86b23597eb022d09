// The FAQ finder: narrows the entries of the FAQ page by keywords (Pagefind, which
// segments Japanese) and by category and audience chips. Entries stay in their own
// category's section, each with its permanent anchor; a section with no entry left is
// hidden, heading and all; clearing every filter gives back the page as it was.
// ?q=…&category=…&audience=… can be shared.
(() => {
  const form = document.querySelector(".kk-finder");
  if (!form) return;
  const input = form.querySelector("input[type=search]");
  const status = form.querySelector(".kk-finder__status");
  const clear = form.querySelector(".kk-finder__clear");
  const chips = [...form.querySelectorAll("button[data-filter]")];
  const groups = [...document.querySelectorAll(".kk-faq-group")];
  const entries = [...document.querySelectorAll(".kk-faq")];
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

  // Keyword matching, all in this one function: the query as searched, and which
  // entries hold every one of its words (Pagefind matches words anywhere on the page).
  const fold = (text) => text.normalize("NFKC").toLowerCase();
  function terms(query) {
    if (!("Segmenter" in Intl)) return [];
    const segmenter = new Intl.Segmenter(document.documentElement.lang || "ja", { granularity: "word" });
    return [...segmenter.segment(fold(query))].filter((s) => s.isWordLike).map((s) => s.segment);
  }
  function keywordMatch(raw) {
    const query = raw.trim();
    // words: the normalised query's words as searched (each a word or its normalised forms)
    const holds = (entry, words) => {
      const text = fold(entry.textContent + " " + (entry.querySelector("[data-keywords]")?.dataset.keywords || ""));
      return words.every((w) => [].concat(w).some((f) => text.includes(f)));
    };
    return { query, holds };
  }

  async function search(raw) {
    const { query, holds } = keywordMatch(raw);
    if (!query) return null;
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

  const shown = (el) => !el.closest("[hidden]");

  function show(arriving = false) {
    const categories = selected("category");
    const audiences = selected("audience");
    const filtering = Boolean(ranks || categories.length || audiences.length);
    let count = 0;
    for (const entry of entries) {
      const visible =
        (!ranks || ranks.has(headingOf(entry).id)) &&
        (!categories.length || categories.includes(entry.dataset.category)) &&
        (!audiences.length || entry.dataset.audience.split(" ").some((a) => audiences.includes(a)));
      entry.hidden = !visible;
      if (visible) count++;
    }
    // each section keeps its own entries: best match first while searching, else as printed
    const rank = (e) => (ranks ? ranks.get(headingOf(e).id) ?? 1e9 : 0);
    for (const group of groups) {
      const slots = entries.filter((e) => group.contains(e)).sort((a, b) => a.compareDocumentPosition(b) & 2 ? 1 : -1);
      const mine = [...slots].sort((a, b) => rank(a) - rank(b) || original.get(a) - original.get(b));
      // each entry takes the next slot, so the text between entries stays where it was
      const marks = slots.map((e) => e.parentNode.insertBefore(document.createComment(""), e));
      marks.forEach((mark, i) => mark.replaceWith(mine[i]));
      group.hidden = !mine.some((e) => !e.hidden);
    }
    // the table of contents lists only what is shown
    document.querySelectorAll(".md-sidebar--secondary a.md-nav__link[href^='#'], .md-nav--secondary a.md-nav__link[href^='#']").forEach((a) => {
      const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (target) a.closest("li").hidden = !shown(target);
    });
    status.textContent = !filtering ? "" : count ? status.dataset.templateCount.replace("{n}", count) : status.dataset.templateNone;
    clear.hidden = !filtering && !input.value.trim();
    // the address: the filters, and the anchor only while it points at a shown entry
    const params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    categories.forEach((c) => params.append("category", c));
    audiences.forEach((a) => params.append("audience", a));
    const query = params.toString();
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const hash = target && !shown(target) ? "" : location.hash;
    history.replaceState(history.state, "", (query ? `?${query}` : location.pathname) + hash);
    // arriving at an anchor: stay on it if shown (entries above may have gone), else show the results
    if (arriving && target) (hash ? target : form).scrollIntoView();
  }

  async function update(arriving = false) {
    const mine = ++run;
    const result = await search(input.value);
    if (mine !== run) return; // a newer keystroke has superseded this search
    ranks = result;
    show(arriving);
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
  clear.addEventListener("click", () => {
    run++; // drop any search still under way
    input.value = "";
    chips.forEach((c) => c.setAttribute("aria-pressed", "false"));
    ranks = null;
    show();
    input.focus();
  });
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const chip of chips) {
    if (params.getAll(chip.dataset.filter).includes(chip.dataset.value)) chip.setAttribute("aria-pressed", "true");
  }
  form.hidden = false;
  if (input.value || params.has("category") || params.has("audience")) update(true);
})();
