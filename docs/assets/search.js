// "s" opens search as well as "/", as in Material (the trigger itself binds "/").
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
