// The header search loads on first use: Pagefind's component UI (script and styles,
// 217 KB) is fetched when the search is first opened — focus or click on the header's
// search, "/" or "s" — not with every page. Until then the header shows a plain button
// of the same look.
const here = import.meta.url;
const config = document.querySelector("pagefind-config");
const trigger = document.querySelector(".kk-search pagefind-modal-trigger");
let loading = null;

function load() {
  if (!loading) {
    // Absolute, so that it means the same from any page, however deep, in either language.
    config?.setAttribute("bundle-path", new URL("search/", here).pathname);
    const css = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("../pagefind/pagefind-component-ui.css", here).href });
    const styled = new Promise((resolve) => { css.onload = css.onerror = resolve; });
    document.head.append(css);
    loading = Promise.all([styled, import(new URL("../pagefind/pagefind-component-ui.js", here).href)]);
  }
  return loading;
}

async function open() {
  const hadFocus = trigger?.contains(document.activeElement);
  await load();
  await customElements.whenDefined("pagefind-modal");
  const modal = document.querySelector(".kk-search pagefind-modal");
  await new Promise(requestAnimationFrame);
  modal?.open?.();
  if (!modal?.open && hadFocus) trigger.querySelector("button")?.focus();
}

const typing = (t) => t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
document.addEventListener("keydown", (event) => {
  if (loading || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  if (event.key === "/" || event.key === "s") {
    event.preventDefault();
    open();
  }
});
trigger?.addEventListener("click", () => { if (!customElements.get("pagefind-modal-trigger")) open(); });
trigger?.addEventListener("focusin", () => {
  // the component replaces the button it finds: keep a keyboard user's focus on the new one
  load().then(() => requestAnimationFrame(() => {
    if (document.activeElement === document.body) trigger.querySelector("button")?.focus();
  }));
});
trigger?.addEventListener("pointerenter", () => load());
