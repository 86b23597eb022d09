// Pagefind's API, with every query normalised (../search-query.js). The header search
// (Pagefind's component UI, whose bundle-path points here) and the FAQ finder load
// Pagefind through this module; the index itself stays in /pagefind/.
import * as pagefind from "../../pagefind/pagefind.js";
import { normalised } from "../search-query.js";

const bundle = new URL("../../pagefind/", import.meta.url).pathname;
const lang = (document.documentElement.lang || "ja").split("-")[0];
const tables = new URL(`../../search-tables/${lang}.json.gz`, import.meta.url).href;

// On the page's own thread: the index is small, and a worker would cost a first query
// another 41 KB of script.
export function createInstance(options = {}) {
  return normalised(pagefind.createInstance({ ...options, basePath: bundle, noWorker: true }), tables, lang);
}

let shared = null;
const instance = () => (shared ||= createInstance());
export const options = (o) => instance().options(o);
export const search = (term, o) => instance().search(term, o);
export const debouncedSearch = (term, o) => instance().search(term, o);
export const preload = (term, o) => instance().preload(term, o);
export const filters = () => instance().filters();
export const init = () => instance().init();
