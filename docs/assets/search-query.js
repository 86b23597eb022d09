// One normalisation step for every query, from the header search and the FAQ finder:
// NFKC and lower case; numbers in the forms the content writes them (300人, 三百人;
// 5千万円, 5000万円); spelling variants and everyday words brought to the spellings the
// index holds; each word split into the index's own tokens (Pagefind segments the
// index with its dictionary and a query with Intl.Segmenter, which disagree). Passages
// holding the whole query as typed rank above those holding only its parts.
// The tables come from the build (hooks/search_tables.py): search-tables/<lang>.json.gz.

const EMPTY = { w: {}, v: {}, n: {}, s: {} };
const tables = new Map();
export const fold = (text) => text.normalize("NFKC").toLowerCase();
const squash = (text) => fold(text).replace(/[\s\u200b]+/g, "");

export function loadTables(url) {
  if (!tables.has(url)) {
    const gunzip = (r) => new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).json();
    tables.set(url, fetch(url).then((r) => (r.ok ? gunzip(r) : EMPTY)).catch(() => EMPTY));
  }
  return tables.get(url);
}

// Numbers: a value from any written form; the forms to search for it.
const KANJI = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL = { 十: 10, 百: 100, 千: 1000 };
const LARGE = { 万: 1e4, 億: 1e8, 兆: 1e12 };
const NUMERAL = "0-9〇零一二三四五六七八九十百千万億兆";
const COUNTER = "(?=人|名|円|件|年|か月|ヶ月|カ月|ケ月|月|日|歳|才|社|回|倍|%|パーセント|割|時間|府省|省|ページ|頁|点)";
const NUMBER = new RegExp(`[0-9][0-9,.]*[${NUMERAL}]*|[${NUMERAL}]{2,}|[${NUMERAL}]+${COUNTER}`, "g");
export function numberValue(text) {
  let total = 0, section = 0, digits = "";
  for (const ch of text.replace(/,/g, "")) {
    if (/[0-9.]/.test(ch)) digits += ch;
    else if (ch in KANJI) digits += KANJI[ch];
    else if (ch in SMALL) { section += (digits === "" ? 1 : Number(digits)) * SMALL[ch]; digits = ""; }
    else if (ch in LARGE) { total += (section + (digits === "" ? 0 : Number(digits)) || 1) * LARGE[ch]; section = 0; digits = ""; }
    else return null;
  }
  const value = total + section + (digits === "" ? 0 : Number(digits));
  return Number.isFinite(value) ? value : null;
}
export function numberForms(value, table) {
  const forms = [...(table.n[String(value)] || [])];
  const add = (f) => forms.includes(f) || forms.push(f);
  add(String(value));
  for (const [unit, size] of [["億", 1e8], ["万", 1e4]]) {
    if (value >= size && value % size === 0) {
      const head = value / size;
      add(`${head}${unit}`);
      if (head % 1000 === 0) add(`${head / 1000}千${unit}`);
      break;
    }
  }
  if (value >= 1000) add(value.toLocaleString("en-US"));
  return forms;
}
// Units written more than one way.
const UNITS = [["%", "パーセント"], ["か月", "ヶ月", "カ月", "ケ月"]];

const product = (lists, cap) =>
  lists.reduce((acc, list) => acc.flatMap((a) => list.map((b) => a.concat([b]))).slice(0, cap), [[]]);

// Longest match of `text` against the keys of `map`, left to right; unmatched runs kept.
function pieces(text, ...maps) {
  const out = [];
  let i = 0, run = "";
  while (i < text.length) {
    let len = Math.min(16, text.length - i);
    while (len > 1 && !maps.some((m) => text.slice(i, i + len) in m)) len--;
    const piece = text.slice(i, i + len);
    if (len === 1 && !maps.some((m) => piece in m)) { run += piece; i++; continue; }
    if (run) out.push(run), (run = "");
    out.push(piece);
    i += len;
  }
  if (run) out.push(run);
  return out;
}

// The forms a typed word may take in the content: synonyms, spellings, numbers.
function forms(word, table) {
  const found = [word, ...(table.s[word] || [])];
  const spelled = product(pieces(word, table.w, table.v, table.s).map((p) => [p, ...(table.v[p] || []), ...(table.s[p] || [])]), 6);
  for (const parts of spelled) found.push(parts.join(""));
  for (const form of [...found]) {
    for (const group of UNITS) for (const unit of group) if (form.includes(unit)) group.forEach((u) => found.push(form.replaceAll(unit, u)));
  }
  for (const form of [...found]) {
    const numbers = [...form.matchAll(NUMBER)].map((m) => m[0]);
    for (const n of numbers) {
      const value = numberValue(n);
      if (value !== null) for (const f of numberForms(value, table)) found.push(form.replace(n, f));
    }
  }
  return [...new Set(found)].slice(0, 8);
}

// A form as the index's tokens; a token Intl.Segmenter would split again is sent as its
// first part, which Pagefind matches as a prefix of the whole token.
function tokens(form, table, segmenter) {
  const parts = pieces(form, table.w).map((p) => (table.w[p] ? table.w[p].slice(0, 3) : [p]));
  return product(parts, 4).map((choice) =>
    choice.join(" ").split(" ").map((t) => {
      const words = segmenter ? [...segmenter.segment(t)].filter((s) => s.isWordLike) : [];
      return words.length > 1 ? words[0].segment : t;
    }).join(" "));
}

// Words that together are one synonym ("pension scheme") are taken as one.
function phrases(words, table) {
  const out = [];
  for (let i = 0; i < words.length; i++) {
    const n = [3, 2].find((k) => words.slice(i, i + k).join(" ") in table.s) || 1;
    out.push(words.slice(i, i + n).join(" "));
    i += n - 1;
  }
  return out;
}

export function plan(query, table, lang = "ja") {
  const words = phrases(fold(query).split(/\s+/).map((w) => w.replace(/[\p{P}]/gu, "")).filter(Boolean), table);
  const segmenter = "Segmenter" in Intl ? new Intl.Segmenter(lang, { granularity: "word" }) : null;
  const wordForms = words.map((w) => forms(w, table));
  const perWord = wordForms.map((fs) => [...new Set(fs.flatMap((f) => tokens(f, table, segmenter)))]);
  const queries = product(perWord, 8).map((q) => q.join(" "));
  return { words: wordForms, queries, phrases: product(wordForms, 16).map((p) => p.join("")) };
}

// Every word present in some form.
export const holdsAll = (text, words) => words.every((fs) => [].concat(fs).some((f) => text.includes(f)));

function tier(text, p) {
  const t = squash(text);
  p.squashed ||= { phrases: p.phrases.map(squash), words: p.words.map((fs) => fs.map(squash)) };
  if (p.squashed.phrases.some((f) => t.includes(f))) return 2;
  return holdsAll(t, p.squashed.words) ? 1 : 0;
}

// A page's words and heading anchors, read once per page (a page has many sections).
const layouts = new WeakMap();
function layout(data) {
  if (!layouts.has(data)) {
    const raw = data.raw_content || data.content || "";
    const words = raw.includes("\u200b") ? raw.split("\u200b") : raw.split(/[\r\n\s]+/g);
    const anchors = (data.anchors || []).filter((a) => /h\d/i.test(a.element) && a.text?.length).sort((a, b) => a.location - b.location);
    layouts.set(data, { words, anchors });
  }
  return layouts.get(data);
}

// The text of one section of a page (a sub-result), as Pagefind cuts it: from its heading
// to the next one.
function section(data, url) {
  const { words, anchors } = layout(data);
  const id = decodeURIComponent(url.split("#")[1] || "");
  const at = anchors.findIndex((a) => a.id === id);
  const start = at < 0 ? 0 : anchors[at].location;
  const end = at < 0 ? (anchors[0]?.location ?? words.length) : (anchors[at + 1]?.location ?? words.length);
  return words.slice(start, end).join(" ").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

// A Pagefind instance whose search normalises the query and ranks whole matches first.
export function normalised(instance, tablesUrl, lang) {
  async function search(term, options = {}) {
    if (term === null || !String(term).trim()) return instance.search(term, options);
    const p = plan(term, await loadTables(tablesUrl), lang);
    const found = await Promise.all(p.queries.map((q) => instance.search(q, options)));
    // A page found by the query of each word's most used spelling and segmentation ranks
    // by that query's score; pages found only by another one follow.
    const best = new Map(), all = new Map();
    found.forEach((f, i) => {
      for (const r of f.results) {
        if (!best.has(r.id)) best.set(r.id, Object.assign(r, { alternative: i }));
        all.set(r.id, [...(all.get(r.id) || []), r]);
      }
    });
    const results = [...best.values()].sort((a, b) => a.alternative - b.alternative || b.score - a.score);
    // the first pages: sections found by any of the queries, those holding the whole query first
    const weighed = results.slice(0, 12);
    await Promise.all(weighed.map(async (r) => {
      const datas = await Promise.all(all.get(r.id).map((x) => x.data()));
      const seen = new Set();
      const subs = datas.flatMap((d) => d.sub_results).filter((s) => !seen.has(s.url) && seen.add(s.url));
      const ranked = subs.map((s, i) => [tier(section(datas[0], s.url), p), i, s]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      // where some sections hold the whole query, those holding only a part are left out
      const kept = ranked[0]?.[0] === 2 ? ranked.filter((s) => s[0] > 0) : ranked;
      const data = { ...datas[0], sub_results: kept.map((s) => s[2]) };
      if (kept[0]?.[0] === 2) data.excerpt = kept[0][2].excerpt;
      r.tier = tier(data.content, p);
      r.data = async () => data;
    }));
    results.sort((a, b) => (b.tier ?? -1) - (a.tier ?? -1) || a.alternative - b.alternative || b.score - a.score);
    const base = found[0] || {};
    return { ...base, results, unfilteredResultCount: results.length, words: p.words, queries: p.queries };
  }
  return new Proxy(instance, {
    get(target, prop) {
      if (prop === "search") return search;
      if (prop === "debouncedSearch") return (term, options) => search(term, options);
      const value = target[prop];
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
