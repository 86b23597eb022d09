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

// Switching language keeps the reader's place: the same page, at the same section.
// Both languages share every heading id, so the anchor is valid on the other side.
function currentSection() {
  if (location.hash) return location.hash;
  // the section being read: the last heading at or above the bottom of the sticky header
  const line = (document.querySelector(".md-header")?.getBoundingClientRect().bottom || 0) + 8;
  const headings = [...document.querySelectorAll(".md-content h2[id], .md-content h3[id], .md-content h4[id]")];
  const passed = headings.filter((h) => h.getBoundingClientRect().top <= line);
  return passed.length ? `#${passed[passed.length - 1].id}` : "";
}
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-kk-alternate]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const section = currentSection();
  if (section) {
    event.preventDefault();
    location.href = link.href.split("#")[0] + section;
  }
});
