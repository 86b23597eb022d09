// 交流基準の事前チェック: evaluates the answers with the conditions the page carries
// (data-rules, from data/precheck.yml), exactly as hooks/precheck.py does, and shows
// every exchange standard that may apply.

export function holds(cond, answers) {
  if (cond.all && cond.all.length) {
    const values = cond.all.map((c) => holds(c, answers));
    return values.includes(false) ? false : values.includes(null) ? null : true;
  }
  if (cond.any && cond.any.length) {
    const values = cond.any.map((c) => holds(c, answers));
    return values.includes(true) ? true : values.includes(null) ? null : false;
  }
  const answer = answers[cond.q];
  if (answer === undefined || answer === null || answer === "" || answer === "unknown") return null;
  if (cond.at_least !== null && cond.at_least !== undefined) {
    const n = Number(answer);
    return Number.isFinite(n) ? n >= cond.at_least : null;
  }
  return answer === cond.is;
}

export function evaluate(check, answers) {
  const found = [];
  for (const rule of check.rules) {
    const value = holds(rule.when, answers);
    if (value !== false) found.push([rule.standard, value ? "applies" : "open"]);
  }
  return found;
}

function answersOf(form) {
  const answers = {};
  for (const field of form.querySelectorAll("[data-question]")) {
    const id = field.dataset.question;
    const checked = field.querySelector("input[type=radio]:checked");
    const number = field.querySelector("input[type=number]");
    answers[id] = checked ? checked.value : number ? number.value.trim() : "";
  }
  return answers;
}

function init() {
  const form = document.querySelector(".kk-precheck");
  if (!form) return;
  const check = JSON.parse(form.dataset.rules);
  const result = document.querySelector(".kk-precheck__result");
  const count = result.querySelector(".kk-precheck__count");
  for (const note of document.querySelectorAll(".kk-precheck__noscript")) note.hidden = true;
  const run = () => {
    const found = new Map(evaluate(check, answersOf(form)));
    for (const hit of result.querySelectorAll(".kk-hit")) {
      const status = found.get(hit.dataset.standard);
      hit.hidden = !status;
      hit.dataset.status = status || "";
      hit.querySelector(".kk-hit__applies").hidden = status !== "applies";
      hit.querySelector(".kk-hit__open").hidden = status !== "open";
    }
    const list = result.querySelector(".kk-hits");
    const hits = [...list.children];
    for (const status of ["applies", "open", ""]) {  // what may apply first, then what to confirm
      for (const hit of hits) if (hit.dataset.status === status) list.append(hit);
    }
    count.textContent = found.size ? count.dataset.template.replace("{n}", found.size) : count.dataset.none;
    result.hidden = false;
  };
  form.addEventListener("input", run);
  form.addEventListener("change", run);
  form.addEventListener("submit", (e) => e.preventDefault());
  if (Object.values(answersOf(form)).some((a) => a !== "")) run();  // answers the browser kept
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
