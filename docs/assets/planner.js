// 逆算スケジュール: recomputes the page's schedule for the start date the reader picks,
// from the rules the page carries (data-rules, from data/planner.yml), exactly as
// hooks/planner.py does at build time, and writes the .ics for that date.

const DAY = 86400000;
const iso = (d) => d.toISOString().slice(0, 10);
const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const monthDays = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addMonths(day, months) {
  const total = day.getUTCMonth() + months;
  const y = day.getUTCFullYear() + Math.floor(total / 12);
  const m = ((total % 12) + 12) % 12 + 1;
  return utc(y, m, Math.min(day.getUTCDate(), monthDays(y, m)));
}

export function milestones(plan, direction, startIso) {
  const start = new Date(startIso + "T00:00:00Z");
  const window = addMonths(start, -plan.window_months);
  const dates = { start };
  const found = [];
  plan.milestones.forEach((rule, order) => {
    if (!rule.directions.includes(direction)) return;
    let due = null;
    if (rule.yearly) {
      const [first, last] = rule.yearly;
      for (const year of [start.getUTCFullYear(), start.getUTCFullYear() - 1]) {
        const begin = utc(year, first, 1);
        const endYear = last >= first ? year : year + 1;
        const end = utc(endYear, last, monthDays(endYear, last));
        if (begin < start && end >= window) {
          due = rule.due === "before" ? { id: rule.id, date: new Date(begin - DAY), end: null, month: false }
            : { id: rule.id, date: begin, end, month: true };
          break;
        }
      }
      if (!due) return;
    } else {
      const base = dates[rule.from];
      if (!base) return;
      due = { id: rule.id, date: new Date(addMonths(base, rule.months) .getTime() + rule.days * DAY), end: null, month: false };
    }
    dates[rule.id] = due.date;
    found.push([due.date.getTime(), order, due]);
  });
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return found.map(([, , due]) => ({ id: due.id, date: iso(due.date), end: due.end ? iso(due.end) : null, month: due.month }));
}

export function defaultStart(plan, today) {
  const { month, day } = plan.default_start;
  const y = today.getUTCFullYear();
  const thisYear = utc(y, month, day);
  return iso(thisYear > today ? thisYear : utc(y + 1, month, day));
}

function formatDate(ui, isoDate, monthOnly) {
  const [y, m, d] = isoDate.split("-").map(Number);
  return (monthOnly ? ui.month_format : ui.date_format).replace("{y}", y).replace("{month}", ui.month_names[m - 1]).replace("{d}", d);
}

export function labelOf(ui, due) {
  if (!due.month) return formatDate(ui, due.date);
  const first = formatDate(ui, due.date, true);
  if (due.end && due.end.slice(0, 7) !== due.date.slice(0, 7)) return ui.range_format.replace("{from}", first).replace("{to}", formatDate(ui, due.end, true));
  return first;
}

// iCalendar (RFC 5545): escaped text, lines folded at 75 octets, CRLF.
const esc = (s) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
function fold(line) {
  const out = [];
  let cur = "", size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) { out.push(cur); cur = ""; size = 0; }
    cur += ch; size += n;
  }
  out.push(cur);
  return out.join("\r\n ");
}
const compact = (isoDate) => isoDate.replace(/-/g, "");

export function ics(name, direction, startIso, events, stamp) {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kanmin-kouryu//planner//JA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + esc(name)];
  for (const { due, summary, description } of events) {
    const last = new Date((due.end || due.date) + "T00:00:00Z");
    lines.push("BEGIN:VEVENT", `UID:kanmin-kouryu-${direction}-${compact(startIso)}-${due.id}`, "DTSTAMP:" + stamp,
      "DTSTART;VALUE=DATE:" + compact(due.date), "DTEND;VALUE=DATE:" + compact(iso(new Date(last.getTime() + DAY))),
      "SUMMARY:" + esc(summary), "DESCRIPTION:" + esc(description), "TRANSP:TRANSPARENT", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

// The page

export function describe(item) {
  return [...item.querySelectorAll(".kk-ms__quote")].map((q) => {
    const a = q.querySelector("a");
    return q.querySelector("p").textContent.trim() + "\n" + new URL(a.getAttribute("href"), location.href).href;
  }).join("\n\n");
}

function update(form, plan, startIso, today) {
  const ui = plan.ui;
  const startLabel = formatDate(ui, startIso);
  document.getElementById("kk-planner-note").hidden = true;
  let late = false;
  for (const list of document.querySelectorAll(".kk-milestones")) {
    const direction = list.dataset.direction;
    const due = milestones(plan, direction, startIso);
    const byId = new Map(due.map((d) => [d.id, d]));
    const items = [...list.children];
    for (const item of items) {
      const d = byId.get(item.dataset.id);
      item.hidden = !d;
      if (!d) continue;
      const time = item.querySelector("time");
      time.dateTime = d.date;
      time.textContent = labelOf(ui, d);
      const past = (d.end || d.date) < today;
      item.classList.toggle("kk-ms--past", past);
      item.querySelector(".kk-ms__past").hidden = !past;
      late = late || past;
    }
    for (const d of due) list.append(items.find((i) => i.dataset.id === d.id));
    const result = document.querySelector(`.kk-planner__result[data-direction="${direction}"]`);
    const label = result.dataset.label;
    result.textContent = ui.result.replace("{direction}", label).replace("{date}", startLabel);
    const link = document.querySelector(`.kk-planner__ics[data-direction="${direction}"]`);
    const events = due.map((d) => {
      const item = items.find((i) => i.dataset.id === d.id);
      return { due: d, summary: item.querySelector(".kk-ms__what").textContent.trim(), description: describe(item) };
    });
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    const blob = new Blob([ics(ui.calendar_name, direction, startIso, events, stamp)], { type: "text/calendar" });
    if (link.dataset.blob) URL.revokeObjectURL(link.dataset.blob);
    link.dataset.blob = link.href = URL.createObjectURL(blob);
    link.download = `schedule-${direction}-${startIso}.ics`;
  }
  form.querySelector(".kk-planner__late-alert a").hidden = !late;
}

function init() {
  const form = document.querySelector(".kk-planner");
  if (!form) return;
  const plan = JSON.parse(form.dataset.rules);
  const input = form.querySelector("input[type=date]");
  const now = new Date();
  const today = iso(utc(now.getFullYear(), now.getMonth() + 1, now.getDate()));
  const fromUrl = new URLSearchParams(location.search).get("start");
  input.value = /^\d{4}-\d{2}-\d{2}$/.test(fromUrl || "") ? fromUrl : defaultStart(plan, new Date(today + "T00:00:00Z"));
  form.hidden = false;
  const run = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.value)) return;
    update(form, plan, input.value, today);
    const url = new URL(location.href);
    url.searchParams.set("start", input.value);
    history.replaceState(null, "", url);
  };
  input.addEventListener("change", run);
  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
  run();
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
