// tipnav's web app. Plain JavaScript, no framework: every page element is built with
// createElement and textContent (never innerHTML), so every value from the law or a case is
// escaped by construction, and every handler is attached here (the page's security policy
// forbids inline code). All state is the case being written, kept in this browser's local
// storage; the server keeps nothing.
"use strict";

const params = new URLSearchParams(location.search);
const DRAFT = "tipnav.draft";
const LANG = "tipnav.lang";
// The page's language: the address's `lang`, else the one last chosen in this browser. It is
// passed to every API call, which answers in it.
const lang = params.get("lang") || localStorage.getItem(LANG) || "en";
// The page's own words in that language, by their English (GET /api/labels; the translations
// live in the server's locales/LANG/program.po). Filled before anything is drawn.
let labels = {};

// A page string in the page's language, with `{name}` placeholders filled from `values`.
function t(english, values) {
  let text = labels[english] || english;
  for (const [name, value] of Object.entries(values || {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

// ---------- small helpers ----------

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "on") for (const [event, f] of Object.entries(value)) node.addEventListener(event, f);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(...(child instanceof Node ? [child] : words(tag, String(child))));
  }
  return node;
}

// Elements whose content is text only: a span in one would be lost or would change its value.
const TEXT_ONLY = new Set(["option", "textarea", "title", "script", "style"]);

// Text as nodes. On a right-to-left page each Latin run in it (a citation in a translated rule,
// an id, a number) sits in <span dir="ltr">, isolated left to right, so the bidi algorithm
// cannot move the dots, parentheses and hyphens around it ("PTPA 2018 s.3(2)" stays as
// written). The runs are those of the HTML pages (isolated_latin in src/output/html.rs): from
// an ASCII letter or digit over every ASCII character, less the trailing spaces and
// punctuation, but with a closing bracket the run opened.
function words(tag, text) {
  if (document.documentElement.dir !== "rtl" || TEXT_ONLY.has(tag)) return [document.createTextNode(text)];
  const nodes = [];
  let rest = text;
  for (let found; (found = /[A-Za-z0-9][\x20-\x7e]*/.exec(rest)); ) {
    const run = latinRun(found[0]);
    const span = document.createElement("span");
    span.dir = "ltr";
    span.textContent = run;
    nodes.push(document.createTextNode(rest.slice(0, found.index)), span);
    rest = rest.slice(found.index + run.length);
  }
  nodes.push(document.createTextNode(rest));
  return nodes.filter((n) => n.textContent);
}

function latinRun(ascii) {
  let run = ascii;
  const opened = (open, close) => run.endsWith(close) && run.split(open).length >= run.split(close).length;
  while (!/[A-Za-z0-9]$/.test(run) && !opened("(", ")") && !opened("[", "]")) run = run.slice(0, -1);
  return run;
}

function clear(node, ...children) { node.replaceChildren(...children.flat().filter((c) => c)); }

// The status line, its Latin runs (a file name, an id) isolated as el() isolates them.
function say(text, bad) {
  const status = $("status");
  status.replaceChildren(...words("p", text || ""));
  status.className = bad ? "error" : "";
}

function url(path, query) {
  const search = new URLSearchParams(query || {});
  if (lang !== "en") search.set("lang", lang);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

// Calls the API; a 4xx answer's diagnostics are thrown as an ApiError.
class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join("; "));
    this.errors = errors;
  }
}

async function api(path, { query, body, type, raw } = {}) {
  const init = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": type || "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
  const response = await fetch(url(path, query), init);
  if (!response.ok) {
    let errors = [{ code: "http", message: `the server answered ${response.status}` }];
    try { errors = (await response.json()).errors || errors; } catch (_) { /* not JSON */ }
    throw new ApiError(errors);
  }
  return raw ? response.text() : response.json();
}

function diagnostics(error) {
  const errors = error.errors || [{ code: "error", message: String(error) }];
  return el("div", {}, errors.map((e) => el("div", { class: "diagnostic" },
    el("strong", {}, e.code), " ", e.message,
    e.span ? ` ${t("(line {line}, column {column})", { line: e.span.line, column: e.span.column })}` : "",
    e.help ? el("div", { class: "muted" }, t("help: "), e.help) : null)));
}

function download(name, text, type) {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

// ---------- views ----------

function show(view) {
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  for (const button of document.querySelectorAll("nav button")) {
    if (button.dataset.view === view) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  if (view === "report") renderReport();
  if (view === "law" && !$("law").firstChild) lawList();
  if (view === "overlaps" && !overlaps) loadOverlaps();
  if (view === "workbench" && !$("overlay-list").dataset.loaded) loadOverlays();
}

// ---------- the case and the interview ----------

// The case being written: facts by dotted name, the facts answered "don't know", and the
// order the questions were answered in (for "back").
let draft = loadDraft();
let editing = null; // a fact being changed from the answers list

function loadDraft() {
  try {
    const saved = JSON.parse(localStorage.getItem(DRAFT));
    if (saved && saved.facts) return { facts: saved.facts, dontKnow: saved.dontKnow || [], order: saved.order || [] };
  } catch (_) { /* a damaged draft starts afresh */ }
  return { facts: {}, dontKnow: [], order: [] };
}

function saveDraft() { localStorage.setItem(DRAFT, JSON.stringify(draft)); }

// The case file, as JSON: dotted names become nested tables.
function caseJson() {
  const root = {};
  for (const [name, value] of Object.entries(draft.facts)) {
    if (value === null || value === "") continue;
    const parts = name.split(".");
    let table = root;
    for (const part of parts.slice(0, -1)) table = table[part] = table[part] || {};
    table[parts[parts.length - 1]] = value;
  }
  if (draft.dontKnow.length) root.interview = { dont_know: draft.dontKnow };
  return root;
}

function setCase(document) {
  draft = { facts: document.facts, dontKnow: document.dont_know, order: Object.keys(document.facts) };
  saveDraft();
  syncHeader();
  // Returned, so that a caller's "Opened …" comes after the question's say("") rather than be
  // wiped by it.
  return nextQuestion();
}

function syncHeader() {
  for (const input of document.querySelectorAll("#case-header input")) input.value = draft.facts[input.dataset.fact] || "";
}

function answer(fact, value) {
  delete draft.facts[fact];
  draft.dontKnow = draft.dontKnow.filter((f) => f !== fact);
  draft.order = draft.order.filter((f) => f !== fact);
  if (value === undefined) draft.dontKnow.push(fact);
  else draft.facts[fact] = value;
  draft.order.push(fact);
  editing = null;
  saveDraft();
  nextQuestion();
}

function back() {
  const last = draft.order.pop();
  if (last) {
    delete draft.facts[last];
    draft.dontKnow = draft.dontKnow.filter((f) => f !== last);
  }
  editing = null;
  saveDraft();
  nextQuestion();
}

let vocabulary = null;
async function questionFor(fact) {
  vocabulary = vocabulary || await api("/api/facts");
  return vocabulary.find((q) => q.fact === fact);
}

async function nextQuestion() {
  try {
    // The vocabulary labels the answers' options in the page's language.
    vocabulary = vocabulary || await api("/api/facts");
    renderAnswers();
    const question = editing ? await questionFor(editing) : (await api("/api/ask", { body: caseJson() })).question;
    renderQuestion(question);
    say("");
  } catch (error) {
    clear($("question"), diagnostics(error));
  }
}

// One question: an input for its kind, t("Answer"), "Don't know" and "Back".
function renderQuestion(question) {
  const card = $("question");
  const review = $("review");
  if (!question) {
    clear(card);
    clear(review,
      el("h3", {}, t("Review")),
      el("p", {}, t("No other answer can change a conclusion. Check the answers below, change any of them, then see the report.")),
      el("button", { type: "button", class: "primary", id: "see-report", on: { click: () => show("report") } }, t("See the report")));
    return;
  }
  clear(review);
  const input = inputFor(question, draft.facts[question.fact]);
  clear(card,
    el("p", { class: "muted" }, question.fact),
    el("h3", { id: "question-text" }, question.text),
    input.node,
    el("div", { class: "actions" },
      el("button", { type: "button", class: "primary", id: "answer", on: { click: () => {
        const value = input.value();
        if (value === undefined) say(t("Give an answer, or choose “don't know”."), true);
        else answer(question.fact, value);
      } } }, t("Answer")),
      el("button", { type: "button", id: "dont-know", on: { click: () => answer(question.fact, undefined) } }, t("Don't know")),
      el("button", { type: "button", id: "back", disabled: draft.order.length === 0 && !editing, on: { click: back } }, t("Back"))));
}

// An option in the page's language, with what it means where the vocabulary says: the
// server's `labels`, as `tipnav ask` offers them.
function label(question, i) {
  return (question.labels || [])[i] || question.members[i].replaceAll("_", " ");
}

function inputFor(question, current) {
  const name = `q-${question.fact}`;
  const choice = (type, value, label, checked) => el("label", {},
    el("input", { type, name, value, checked }), label);
  switch (question.kind) {
    case "bool": {
      const node = el("div", { class: "choices" },
        choice("radio", "true", t("Yes"), current === true), choice("radio", "false", t("No"), current === false));
      return { node, value: () => { const c = node.querySelector("input:checked"); return c ? c.value === "true" : undefined; } };
    }
    case "enum": {
      const node = el("div", { class: "choices" }, question.members.map((m, i) => choice("radio", m, label(question, i), current === m)));
      return { node, value: () => { const c = node.querySelector("input:checked"); return c ? c.value : undefined; } };
    }
    case "set": {
      const node = el("div", { class: "choices" },
        question.members.map((m, i) => choice("checkbox", m, label(question, i), (current || []).includes(m))),
        el("p", { class: "muted" }, t("Tick every one that applies; none ticked means none of them.")));
      return { node, value: () => [...node.querySelectorAll("input:checked")].map((c) => c.value) };
    }
    case "int": {
      const [min, max] = question.range || [];
      const node = el("input", { type: "number", id: "answer-input", min, max, value: current ?? "" });
      return { node, value: () => node.value === "" ? undefined : Number(node.value) };
    }
    case "date": {
      const node = el("input", { type: "date", id: "answer-input", value: current || "" });
      return { node, value: () => node.value || undefined };
    }
    default: {
      const node = el("input", { type: "text", id: "answer-input", value: current || "" });
      return { node, value: () => node.value || undefined };
    }
  }
}

// A fact's value in words: an option as the vocabulary labels it in the page's language
// (when `fact` is given and the vocabulary is loaded), anything else as given.
function shown(value, fact) {
  const question = fact && vocabulary ? vocabulary.find((q) => q.fact === fact) : null;
  const word = (v) => {
    const at = question ? question.members.indexOf(v) : -1;
    return at >= 0 && question.labels ? question.labels[at] : String(v).replaceAll("_", " ");
  };
  if (Array.isArray(value)) return value.length ? value.map(word).join(", ") : t("none");
  if (value === true) return t("yes");
  if (value === false) return t("no");
  return word(value);
}

function renderAnswers() {
  const items = draft.order.map((fact) => el("li", {},
    el("strong", {}, fact), ": ",
    draft.dontKnow.includes(fact) ? el("em", {}, t("don't know")) : shown(draft.facts[fact], fact), " ",
    el("button", { type: "button", class: "link", on: { click: () => { editing = fact; nextQuestion(); } } }, t("change"))));
  clear($("answers"), items);
}

// ---------- the report ----------

let reportToken = 0;
async function renderReport() {
  const target = $("report");
  const token = ++reportToken;
  clear(target, el("p", {}, t("Evaluating…")));
  try {
    const report = await api("/api/eval", { body: caseJson(), query: $("report-all").checked ? { all: "true" } : {} });
    if (token === reportToken) clear(target, reportView(report));
  } catch (error) {
    clear(target, diagnostics(error));
  }
}

// A section's citation as the report gives it (`PPC s.371-A`); the id if the report has none.
function citationIn(report, id) {
  const section = report.sections.find((s) => s.id === id);
  return (section && section.citation) || id;
}

function lawLink(id, text) {
  const open = () => {
    // Something in the law view keeps show() from listing every instrument over the section.
    clear($("law"), el("p", {}, t("Loading…")));
    show("law");
    lawShow(id);
  };
  return el("button", { type: "button", class: "link cite", "data-section": id, on: { click: open } }, text || id);
}

function names(list) { return (list || []).map((x) => x.name || x.id).join(", "); }

// An agency's part in words: the report's `role` is an id.
function roleWord(role) {
  return { lead: t("lead"), supporting: t("supporting"), possible: t("possible") }[role] || role;
}

// A section's status in words: the report's `status` is an id.
function statusWord(status) {
  return { applies: t("applies"), may_apply: t("may apply"), does_not_apply: t("does not apply") }[status] || status;
}

// Whether an element is met, in words: the report's `status` of an element is an id.
function truthWord(truth) {
  return { met: t("✓ met"), not_met: t("✗ not met"), unknown: t("? unknown") }[truth] || truth;
}

// A diff's change kind in words, as the diff table names it.
function changeWord(kind) {
  return { starts_applying: t("Starts to apply"), stops_applying: t("Stops applying"), status: t("Status"),
    penalty: t("Penalty"), procedure: t("Procedure"), lead_agency: t("Lead agency"), court: t("Court"),
    overlap_added: t("Overlap added"), overlap_removed: t("Overlap removed") }[kind] || kind;
}


// An overlap kind in words: the report's `kind` is an id, which the Urdu labels translate
// and English writes with spaces.
function kindWords(kind) {
  const words = { duplicate_offence: t("duplicate_offence"), forum_conflict: t("forum_conflict"),
    agency_conflict: t("agency_conflict"), penalty_disparity: t("penalty_disparity") }[kind] || kind || "";
  return words.replaceAll("_", " ");
}

function reportView(report) {
  const sheet = report.charge_sheet;
  const title = report.case.title || t("Untitled case");
  const sections = new Map(report.sections.map((s) => [s.id, s]));
  return el("div", {},
    el("h2", {}, title),
    el("p", { class: "muted" }, t("Conduct on {date} · law {digest}…", { date: report.case.date || t("an unknown date"), digest: report.law.digest.slice(0, 15) })),
    el("h3", {}, t("Charge sheet")),
    sheet.charges.length ? el("table", { id: "charge-sheet" },
      el("thead", {}, el("tr", {}, [t("Section"), t("Offence"), t("Penalty"), t("Procedure"), t("Court"), t("Agency")].map((h) => el("th", {}, h)))),
      el("tbody", {}, sheet.charges.map((c) => el("tr", {},
        el("td", {}, lawLink(c.id, c.citation)),
        el("td", {}, c.heading, sectionDetails(c.id)),
        el("td", {}, c.penalty),
        el("td", {}, procedure(c.procedure)),
        el("td", {}, names(c.court)),
        el("td", {}, names(c.agency))))))
      : el("p", {}, t("No section applies on the facts given.")),
    el("p", { id: "trial" }, el("strong", {}, t("Trial: ")), trial(sheet.trial)),
    el("p", {}, el("strong", {}, t("Lead agency: ")), names([].concat(sheet.lead_agency || []))),
    maybeSections(report, sections),
    el("h3", {}, t("Jurisdiction")),
    el("ul", { id: "agencies" }, report.jurisdiction.agencies.map((a) => el("li", {}, el("strong", {}, `${a.name || a.id} (${roleWord(a.role)})`), ": ", a.reason))),
    courtView(report.jurisdiction.court),
    el("h3", {}, t("Overlaps")),
    report.overlaps.length ? el("ul", { id: "overlap-list" }, report.overlaps.map((o) => el("li", {},
      o.sections.map((s) => lawLink(s, citationIn(report, s))).flatMap((l, i) => i ? [" + ", l] : [l]),
      ` \u2014 ${kindWords(o.kind)}${o.declared ? "" : ` ${t("(not declared)")}`}: ${o.note || ""} `,
      o.cite ? el("span", { class: "muted" }, o.cite) : null))) : el("p", {}, t("None.")),
    (sheet.decisive || []).length ? el("div", {}, el("h3", {}, t("Unknown facts that would change the most")),
      el("ul", {}, sheet.decisive.map((u) => el("li", {}, u.question || u.fact, " ",
        el("span", { class: "muted" }, (u.affects_cited || u.affects || []).join(", ")))))) : null,
    (report.notes || []).length ? el("div", {}, el("h3", {}, t("Notes")), el("ul", {}, report.notes.map((n) => el("li", {}, typeof n === "string" ? n : JSON.stringify(n))))) : null);
}

// Whether the charges are tried together, in words: the report's `joint_trial` is an id.
function jointTrialWord(answer) {
  return { together: t("together"), separately: t("separately"), open: t("open") }[answer] || t("open");
}

function trial(value) {
  if (!value || !value.court) return t("open");
  return `${value.court.name} (${t("joint trial: {answer}", { answer: jointTrialWord(value.joint_trial) })}) \u2014 ${value.reason || ""}`;
}

// The court for the case by name (the report's `id` is for machines), and why.
function courtView(court) {
  if (!court) return null;
  return el("p", { id: "case-court" }, el("strong", {}, t("Court: ")), [court.name || court.id, court.reason].filter((x) => x).join(": "));
}

function procedure(p) {
  if (!p) return "";
  const word = (v, yes, no) => v === true ? yes : v === false ? no : `${yes}?`;
  return [word(p.cognizable, t("cognizable"), t("non-cognizable")), word(p.bailable, t("bailable"), t("non-bailable")), word(p.compoundable, t("compoundable"), t("non-compoundable"))].join(", ");
}

function maybeSections(report, sections) {
  const maybe = report.sections.filter((s) => s.status === "may_apply");
  if (!maybe.length) return null;
  return el("div", {}, el("h3", {}, t("May apply, on facts not yet known")),
    el("ul", {}, maybe.map((s) => el("li", {}, lawLink(s.id, s.citation), ` ${s.heading} `, sectionDetails(s.id)))));
}

// Each section opens to its explanation (elements, deciding facts, citations) and its flips.
function sectionDetails(id) {
  const body = el("div", {});
  const details = el("details", { class: "explain", "data-section": id }, el("summary", {}, t("why, and what would change it")), body);
  details.addEventListener("toggle", async () => {
    if (!details.open || body.dataset.loaded) return;
    body.dataset.loaded = "yes";
    clear(body, el("p", {}, t("Explaining…")));
    try {
      const explanation = await api("/api/explain", { body: caseJson(), query: { sections: id } });
      clear(body, explanationView(explanation, id), flipButton(id));
    } catch (error) { clear(body, diagnostics(error)); }
  });
  return details;
}

function explanationView(explanation, id) {
  const section = explanation.sections.find((s) => s.id === id) || explanation.sections[0];
  if (!section) return el("p", {}, t("Nothing to explain."));
  return el("div", { class: "explanation" },
    el("p", {}, el("span", { class: `status-${section.status}` }, statusWord(section.status)), " \u00b7 ", section.version || ""),
    el("ul", {}, section.elements.map((e) => el("li", {},
      el("span", { class: `status-${e.status}` }, truthWord(e.status)), ` ${e.name}: `,
      e.facts.map((f) => `${f.fact} = ${f.value === null ? t("unknown") : shown(f.value, f.fact)}`).join("; "),
      el("div", { class: "muted" }, e.cite)))),
    (section.why_not || []).length ? el("p", {}, t("Why not: "), section.why_not.map((w) => typeof w === "string" ? w : JSON.stringify(w)).join("; ")) : null,
    (section.deciding || []).length ? el("p", {}, t("Deciding facts: "), section.deciding.map((d) => d.question || d.fact).join(" \u00b7 ")) : null);
}

function flipButton(id) {
  const out = el("div", { class: "flips" });
  const button = el("button", { type: "button", class: "flip", on: { click: async () => {
    button.disabled = true;
    clear(out, el("p", {}, t("Searching the smallest changes…")));
    try {
      const explanation = await api("/api/explain", { body: caseJson(), query: { sections: id, flip: id } });
      const flips = explanation.flips || [];
      clear(out, flips.length ? el("ul", {}, flips.map((f) => el("li", { class: "flip-item" },
        `${statusWord(f.from)} \u2192 ${statusWord(f.to)} `, t("if {changes}", { changes: f.changes.join(t(" and ")) }))))
        : el("p", {}, t("No small change to the facts flips this section.")));
    } catch (error) { clear(out, diagnostics(error)); }
  } } }, t("What would change this"));
  return el("div", {}, button, out);
}

// ---------- the law browser ----------

// The law pane shows the answer of the latest request only: a slow list must not replace the
// section asked for after it.
let lawToken = 0;
function lawPane(token, ...children) {
  if (token === lawToken) clear($("law"), ...children);
}

async function lawList() {
  const token = ++lawToken;
  try {
    const instruments = await api("/api/list");
    lawPane(token, instruments.map((i) => el("details", {},
      el("summary", {}, `${i.title} `, el("span", { class: "muted" }, `(${i.jurisdiction}, ${i.verified})`)),
      el("ul", {}, (i.sections || []).map((s) => el("li", {}, lawLink(s.id, s.citation), ` ${s.heading || ""}`))))));
  } catch (error) { lawPane(token, diagnostics(error)); }
}

async function lawShow(id) {
  const token = ++lawToken;
  const query = { section: id };
  if ($("law-date").value) query.date = $("law-date").value;
  try {
    const s = await api("/api/show", { query });
    lawPane(token, el("article", { id: "law-section" },
      el("h3", {}, `${s.citation}: ${s.heading}`),
      el("p", {}, s.summary || ""),
      s.on_date ? el("p", { class: "muted" }, typeof s.on_date === "string" ? s.on_date : JSON.stringify(s.on_date)) : null,
      el("h4", {}, t("Versions")),
      el("ul", {}, (s.versions || []).map((v) => el("li", {}, [v.from, v.until].filter((x) => x).join(" \u2013 ") || "", " ", v.penalty ? (v.penalty.text || "") : "", v.source ? [" ", el("span", { class: "muted" }, v.source)] : null))),
      // Each declared overlap as `tipnav show` writes it: its kind in words, the other sections
      // cited, and its source.
      (s.overlaps || []).length ? el("div", {}, el("h4", {}, t("Overlaps")), el("ul", { id: "law-overlaps" }, s.overlaps.map((o) => el("li", {}, o))))
        : null,
      el("button", { type: "button", on: { click: lawList } }, t("All instruments"))));
  } catch (error) { lawPane(token, diagnostics(error)); }
}

async function lawSearch() {
  const q = $("law-query").value.trim();
  if (!q) return;
  const token = ++lawToken;
  try {
    const hits = await api("/api/search", { query: { q } });
    lawPane(token, hits.length ? el("ul", { id: "law-hits" }, hits.map((h) => el("li", {}, lawLink(h.id, h.citation || h.id), ` ${h.heading || ""}`)))
      : el("p", {}, t("Nothing found.")));
  } catch (error) { lawPane(token, diagnostics(error)); }
}

// ---------- the overlap explorer ----------

let overlaps = null;
const MATRIX_LIMIT = 80;

async function loadOverlaps() {
  $("overlap-count").textContent = t("Computing every overlap of the law (a few seconds the first time)…");
  try {
    overlaps = await api("/api/overlaps");
  } catch (error) { clear($("overlap-picture"), diagnostics(error)); return; }
  const instruments = new Set();
  const families = new Set();
  for (const o of overlaps.overlaps) {
    o.sections.forEach((s) => instruments.add(s.split("/")[0]));
    familiesOf(o).forEach((f) => families.add(f));
  }
  const title = (i) => overlaps.instrument_titles[i] || i;
  $("overlap-instrument").append(...[...instruments].sort().map((i) => el("option", { value: i }, title(i))));
  $("overlap-family").append(...[...families].sort().map((f) => el("option", { value: f }, kindWords(f))));
  drawOverlaps();
}

// An overlap's families, as `tipnav overlaps --family` reads them: the kind it was declared
// as, and each conflict it carries.
function familiesOf(o) { return [...(o.declared_kind ? [o.declared_kind] : []), ...o.conflicts]; }

// A section of the overlap report as lawyers cite it (`PPC s.371-A`); ids are for machines.
function cited(id) { return overlaps.citations[id] || id; }

// Sections joined with " + ", as citations, or as links that open each in the law browser.
function citedList(sections) { return sections.map(cited).join(" + "); }
function linkedList(sections) {
  return sections.map((s) => lawLink(s, cited(s))).flatMap((l, i) => i ? [" + ", l] : [l]);
}

function filteredOverlaps() { return overlaps.overlaps.filter(matchesFilters); }

// A pair or a group passes the explorer's filters: an instrument among its sections, its
// family, declared or not.
function matchesFilters(o) {
  const instrument = $("overlap-instrument").value;
  const fam = $("overlap-family").value;
  const declared = $("overlap-declared").value;
  return (!instrument || o.sections.some((s) => s.split("/")[0] === instrument)) &&
    (!fam || familiesOf(o).includes(fam)) &&
    (!declared || (declared === "yes") === o.declared);
}

// A clustered matrix: sections sorted by instrument on both axes, a cell for each pair.
function drawOverlaps() {
  const pairs = filteredOverlaps();
  const sections = [...new Set(pairs.flatMap((o) => o.sections))].sort();
  const shownSections = sections.slice(0, MATRIX_LIMIT);
  $("overlap-count").textContent = t("{pairs} pairs among {sections} sections", { pairs: pairs.length, sections: sections.length }) +
    (sections.length > MATRIX_LIMIT ? ` ${t("(the first {limit} drawn: filter to see the rest)", { limit: MATRIX_LIMIT })}` : "");
  const index = new Map(shownSections.map((s, i) => [s, i]));
  // Wide enough for most citations; a longer one is cut, whole in its tooltip.
  const cell = 12, margin = 190, longest = 30;
  const size = margin + cell * shownSections.length;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", size);
  svg.setAttribute("height", size);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "overlap matrix");
  // The labels are citations: Latin, read left to right and anchored at their left end
  // even on a right-to-left page, where they would inherit `direction: rtl`, be anchored at
  // their right end (the row labels off the picture's left edge) and have their slashes and
  // hyphens moved by the bidi algorithm.
  const text = (x, y, value, rotate) => {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", x); t.setAttribute("y", y);
    t.setAttribute("direction", "ltr");
    t.setAttribute("unicode-bidi", "isolate");
    if (rotate) t.setAttribute("transform", `rotate(-90 ${x} ${y})`);
    t.textContent = value.length > longest ? `${value.slice(0, longest - 1)}…` : value;
    if (value.length > longest) {
      const whole = document.createElementNS(ns, "title");
      whole.textContent = value;
      t.append(whole);
    }
    svg.append(t);
  };
  shownSections.forEach((s, i) => {
    text(2, margin + i * cell + 9, cited(s));
    text(margin + i * cell + 9, margin - 4, cited(s), true);
  });
  for (const o of pairs) {
    const [a, b] = o.sections.map((s) => index.get(s));
    if (a === undefined || b === undefined) continue;
    for (const [x, y] of [[a, b], [b, a]]) {
      const r = document.createElementNS(ns, "rect");
      r.setAttribute("x", margin + x * cell); r.setAttribute("y", margin + y * cell);
      r.setAttribute("width", cell - 1); r.setAttribute("height", cell - 1);
      r.setAttribute("class", `pair ${o.declared ? "declared" : "undeclared"}`);
      r.dataset.pair = o.sections.join(" + ");
      const title = document.createElementNS(ns, "title");
      title.textContent = `${citedList(o.sections)} (${familiesOf(o).map(kindWords).join(", ") || t("no conflict")})`;
      r.append(title);
      r.addEventListener("click", () => {
        svg.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
        r.classList.add("selected");
        overlapDetail(o);
      });
      svg.append(r);
    }
  }
  clear($("overlap-picture"), svg);
  drawGroups();
}

// The groups of three or more under the same filters, largest first as the analysis gives
// them; a click shows the group as a pair is shown, with its witness.
function drawGroups() {
  const groups = overlaps.groups.filter(matchesFilters);
  $("group-count").textContent = t("{shown} of {total} groups found", { shown: groups.length, total: overlaps.groups_found });
  clear($("overlap-groups"), groups.map((g) => el("li", {},
    el("button", { type: "button", class: "link group", on: { click: () => overlapDetail(g) } },
      citedList(g.sections)))));
  const declared = overlaps.declared_groups.filter((g) => {
    const instrument = $("overlap-instrument").value;
    return (!instrument || g.sections.some((s) => s.split("/")[0] === instrument)) && $("overlap-declared").value !== "no";
  });
  clear($("declared-groups"), declared.map((g) => el("li", {},
    el("button", { type: "button", class: "link declared-group", on: { click: () => declaredGroupDetail(g) } },
      citedList(g.sections)),
    " ", g.joint ? t("can all apply together") : t("cannot all apply together"))));
}

function declaredGroupDetail(g) {
  clear($("overlap-detail"),
    el("h3", {}, linkedList(g.sections)),
    el("p", {}, t("Declared: {kind}", { kind: kindWords(g.kind) })),
    el("p", { class: "muted" }, g.cite),
    g.joint ? witnessBlock(g.witness, t("Witness case (every section applies)"))
      : el("div", {}, el("p", {}, t("No set of facts makes all of them apply. The largest parts that can:")),
        el("ul", {}, g.parts.map((part) => el("li", {}, citedList(part))))));
  $("overlap-detail").scrollIntoView({ block: "nearest" });
}

function overlapDetail(o) {
  clear($("overlap-detail"),
    el("h3", {}, linkedList(o.sections)),
    el("p", {}, o.declared ? t("Declared: {kind}", { kind: kindWords(o.declared_kind) }) : t("Not declared in the rules.")),
    o.cite ? el("p", { class: "muted" }, o.cite) : null,
    o.note ? el("p", {}, o.note) : null,
    el("p", {}, t("Conflicts: "), o.conflicts.length ? o.conflicts.map(kindWords).join(", ") : t("none")),
    witnessBlock(o.witness, o.sections.length > 2 ? t("Witness case (every section applies)") : t("Witness case (both sections apply)")));
  $("overlap-detail").scrollIntoView({ block: "nearest" });
}

// A witness case with the button that loads it into the case form.
function witnessBlock(witness, heading) {
  return el("div", {},
    el("h4", {}, heading),
    el("pre", {}, witness),
    el("button", { type: "button", id: "load-witness", on: { click: async () => {
      try {
        await setCase(await api("/api/case", { body: witness, type: "application/toml" }));
        show("case");
        say(t("The witness case is in the form."));
      } catch (error) { say(error.message, true); }
    } } }, t("Load the witness into the case form")));
}

// ---------- the amendment workbench ----------

async function loadOverlays() {
  $("overlay-list").dataset.loaded = "yes";
  try {
    const shipped = await api("/api/amendments");
    $("overlay-list").append(...shipped.map((a) => el("option", { value: a.name }, a.name)));
    $("overlay-list").addEventListener("change", () => {
      const chosen = shipped.find((a) => a.name === $("overlay-list").value);
      if (chosen) { $("overlay-text").value = chosen.text; checkOverlay(); }
    });
  } catch (error) { clear($("overlay-diagnostics"), diagnostics(error)); }
}

let checkTimer = null;
let checkToken = 0;
async function checkOverlay() {
  const text = $("overlay-text").value;
  const token = ++checkToken;
  if (!text.trim()) { clear($("overlay-diagnostics")); return; }
  try {
    const result = await api("/api/overlay", { body: text, type: "text/plain" });
    if (token !== checkToken) return;
    clear($("overlay-diagnostics"), el("p", { class: "status-met", id: "overlay-ok" },
      t("The overlay checks: "), result.amendments.map((a) => `${a.key} (${a.title})`).join(", ")));
  } catch (error) {
    if (token !== checkToken) return;
    clear($("overlay-diagnostics"), diagnostics(error), spans(text, error.errors || []));
  }
}

// The overlay's text with each diagnostic's span marked.
function spans(text, errors) {
  const marks = errors.filter((e) => e.span).map((e) => e.span).sort((a, b) => a.offset - b.offset);
  const bytes = new TextEncoder().encode(text);
  const decode = (from, to) => new TextDecoder().decode(bytes.slice(from, to));
  const parts = [];
  let at = 0;
  for (const span of marks) {
    if (span.offset < at) continue;
    parts.push(decode(at, span.offset));
    const end = Math.max(span.offset + span.length, span.offset + 1);
    parts.push(el("mark", { class: "bad", title: span.label || "" }, decode(span.offset, end) || " "));
    at = end;
  }
  parts.push(decode(at));
  return marks.length ? el("pre", { id: "overlay-marked" }, parts) : null;
}

function diffRequest() {
  const request = {};
  if ($("overlay-text").value.trim()) request.overlay = $("overlay-text").value;
  if ($("overlay-date").value) request.as_if_date = $("overlay-date").value;
  return request;
}

async function runDiff() {
  clear($("diff"), el("p", {}, t("Comparing every case in the scenario bank…")));
  try {
    const report = await api("/api/diff", { body: diffRequest() });
    const groups = new Map();
    for (const c of report.cases) for (const change of c.changes) {
      const list = groups.get(change.kind) || [];
      list.push([c, change]);
      groups.set(change.kind, list);
    }
    clear($("diff"),
      el("p", { id: "diff-summary" }, `${t("{changed} of {cases} cases change.", { changed: report.summary.changed, cases: report.summary.cases })} ${report.method}`),
      [...groups].map(([kind, list]) => el("details", { class: "diff-group", open: true },
        el("summary", {}, `${changeWord(kind)} (${list.length})`),
        el("ul", {}, list.map(([c, change]) => el("li", {}, el("strong", {}, c.file), " ", change.words))))));
  } catch (error) { clear($("diff"), diagnostics(error)); }
}

async function downloadBriefing() {
  try {
    download("amendment-briefing.md", await api("/api/diff", { body: diffRequest(), query: { format: "markdown" }, raw: true }), "text/markdown");
  } catch (error) { clear($("diff"), diagnostics(error)); }
}

// ---------- wiring ----------

async function loadExamples() {
  try {
    const examples = await api("/api/examples");
    $("example-list").append(...examples.map((e) => el("option", { value: e.name }, e.title ? `${e.title} (${e.name})` : e.name)));
  } catch (error) { say(error.message, true); }
}

function wire() {
  for (const button of document.querySelectorAll("nav button")) button.addEventListener("click", () => show(button.dataset.view));
  for (const input of document.querySelectorAll("#case-header input")) {
    input.addEventListener("change", () => {
      if (input.value) draft.facts[input.dataset.fact] = input.value;
      else delete draft.facts[input.dataset.fact];
      saveDraft();
    });
  }
  $("example-open").addEventListener("click", async () => {
    const name = $("example-list").value;
    if (!name) return;
    try { await setCase(await api("/api/example", { query: { name } })); say(t("Opened {name}.", { name })); } catch (error) { say(error.message, true); }
  });
  $("case-file").addEventListener("change", async () => {
    const file = $("case-file").files[0];
    if (!file) return;
    const type = file.name.endsWith(".json") ? "application/json" : "application/toml";
    try { await setCase(await api("/api/case", { body: await file.text(), type })); say(t("Loaded {name}.", { name: file.name })); } catch (error) { clear($("question"), diagnostics(error)); }
  });
  $("case-download").addEventListener("click", async () => {
    try { download("case.toml", (await api("/api/case", { body: caseJson() })).toml, "application/toml"); } catch (error) { say(error.message, true); }
  });
  $("case-new").addEventListener("click", () => { draft = { facts: {}, dontKnow: [], order: [] }; saveDraft(); syncHeader(); nextQuestion(); });
  $("report-print").addEventListener("click", () => window.print());
  $("report-all").addEventListener("change", renderReport);
  $("law-search").addEventListener("click", lawSearch);
  $("law-query").addEventListener("keydown", (e) => { if (e.key === "Enter") lawSearch(); });
  $("law-list").addEventListener("click", lawList);
  for (const id of ["overlap-instrument", "overlap-family", "overlap-declared"]) $(id).addEventListener("change", drawOverlaps);
  $("overlay-text").addEventListener("input", () => { clearTimeout(checkTimer); checkTimer = setTimeout(checkOverlay, 350); });
  $("overlay-run").addEventListener("click", runDiff);
  $("overlay-markdown").addEventListener("click", downloadBriefing);
}

// Fetches the page's words in its language and puts them in place, with the page's language
// and direction, before anything else is drawn.
async function speak() {
  try { labels = await api("/api/labels"); } catch (error) { say(error.message, true); }
  document.documentElement.lang = lang;
  document.documentElement.dir = t("ltr") === "rtl" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-t]")) {
    const text = [...node.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (text) text.textContent = text.textContent.replace(text.textContent.trim(), t(text.textContent.trim()));
  }
  const choice = $("lang-switch");
  choice.value = lang;
  choice.addEventListener("change", () => {
    localStorage.setItem(LANG, choice.value);
    const address = new URL(location.href);
    address.searchParams.set("lang", choice.value);
    location.assign(address);
  });
}

speak().then(() => {
  wire();
  syncHeader();
  loadExamples();
  nextQuestion();
  show("case");
});
