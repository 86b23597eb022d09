// お問い合わせ先: filter the offices by name or reading (kanji, hiragana, katakana or, in
// English, romaji) and copy a contact's details.

export function normalise(text) {
  return (text || "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))  // katakana → hiragana
    .replace(/[\s'’・]/g, "");
}

function initFilter() {
  const form = document.querySelector(".kk-directory");
  if (!form) return;
  const input = form.querySelector("input");
  const status = form.querySelector(".kk-directory__status");
  const rows = [...document.querySelectorAll("#offices tbody tr")];
  const keys = rows.map((row) => normalise(row.dataset.search));
  form.hidden = false;
  const run = () => {
    const q = normalise(input.value);
    let shown = 0;
    rows.forEach((row, i) => {
      row.hidden = q !== "" && !keys[i].includes(q);
      if (!row.hidden) shown += 1;
    });
    status.textContent = q === "" ? "" : shown ? status.dataset.template.replace("{n}", shown) : status.dataset.none;
  };
  input.addEventListener("input", run);
  form.addEventListener("submit", (e) => e.preventDefault());
  const fromUrl = new URLSearchParams(location.search).get("q");
  if (fromUrl) input.value = fromUrl;
  run();
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

function initCopy() {
  for (const button of document.querySelectorAll(".kk-copy")) {
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await copyText(button.dataset.copy);
        button.textContent = button.dataset.done;
        setTimeout(() => { button.textContent = label; }, 2000);
      } catch (err) {
        button.textContent = label;
      }
    });
  }
}

if (typeof document !== "undefined") {
  const init = () => { initFilter(); initCopy(); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
