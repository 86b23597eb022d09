// "s" opens search as well as "/", as in Material (the search trigger itself binds "/").
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (event.key !== "s" || event.ctrlKey || event.metaKey || event.altKey) return;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const button = document.querySelector("pagefind-modal-trigger button");
  if (button) {
    event.preventDefault();
    button.click();
  }
});

// Switching language keeps the reader's place: the same page, with the same view
// (the FAQ finder's ?q=…&category=… filters), at the same section. Both languages share
// every heading id, so the anchor is valid on the other side; only a section shown on
// the page counts (never one the finder hides).
const isShown = (el) => el.getClientRects().length > 0;
function currentSection() {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && isShown(target)) return location.hash;
  // the section being read: the last heading at or above the bottom of the sticky header
  const line = (document.querySelector(".md-header")?.getBoundingClientRect().bottom || 0) + 8;
  const headings = [...document.querySelectorAll(".md-content h2[id], .md-content h3[id], .md-content h4[id]")].filter(isShown);
  const passed = headings.filter((h) => h.getBoundingClientRect().top <= line);
  return passed.length ? `#${passed[passed.length - 1].id}` : "";
}
// The link is brought up to date just before it is followed, however it is followed
// (click, keyboard, middle click, "open in new tab"), and then followed as it is: the
// theme's own switching (which would drop the ?… view) does not see the click.
function retarget(event) {
  const link = event.target.closest && event.target.closest("a[data-kk-alternate]");
  if (!link) return;
  const base = link.dataset.kkBase || (link.dataset.kkBase = link.href.split("#")[0].split("?")[0]);
  link.href = base + location.search + currentSection();
  if (event.type === "click") event.stopPropagation();
}
for (const type of ["pointerdown", "focusin", "click", "auxclick", "contextmenu"]) document.addEventListener(type, retarget, true);

// The 404 page's search box opens the site's search with the typed words. Without
// JavaScript (or without the search) the form sends them to the FAQ finder instead.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-kk-site-search]");
  const trigger = document.querySelector("pagefind-modal-trigger button");
  const words = form && new FormData(form).get("q").trim();
  if (!form || !trigger || !words) return;
  event.preventDefault();
  trigger.click();
  const modal = document.querySelector("pagefind-modal");
  const fill = () => {
    const input = modal && modal.querySelector("input");
    if (!input) return requestAnimationFrame(fill);
    input.value = words;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  fill();
});

// Tables wider than the screen scroll sideways: say so with a line above the table (and
// the shadow at the edge with more, in site.css), and let the keyboard scroll them.
// (After load: the theme wraps tables in scroll boxes of its own first.)
window.addEventListener("load", () => {
  const cue = document.getElementById("kk-scroll-cue");
  const tables = [...document.querySelectorAll(".md-typeset table")];
  const boxes = [...new Set(tables.map((t) => t.closest(".kk-table") || t.closest(".md-typeset__scrollwrap")).filter(Boolean))];
  if (!cue || !boxes.length) return;
  // the region's name: the table's caption, else the heading the table sits under
  function label(box) {
    const caption = box.querySelector("caption");
    if (caption) return caption.textContent.trim();
    const headings = [...document.querySelectorAll(".md-typeset :is(h1, h2, h3, h4, h5, h6)")];
    const above = headings.filter((h) => h.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    if (!above) return "";
    const text = above.cloneNode(true);
    text.querySelectorAll(".headerlink").forEach((a) => a.remove());
    return text.textContent.replace(/\s+/g, " ").trim();
  }
  function mark(box) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("kk-table--scrolls", scrolls);
    let line = box.previousElementSibling?.classList.contains("kk-scroll-cue") ? box.previousElementSibling : null;
    if (scrolls && !line) box.before((line = cue.content.firstElementChild.cloneNode(true)));
    if (line) line.hidden = !scrolls;
    if (scrolls) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", label(box));
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
  const observer = new ResizeObserver((changes) => changes.forEach((c) => mark(c.target)));
  boxes.forEach((box) => {
    mark(box);
    observer.observe(box);
  });
});
