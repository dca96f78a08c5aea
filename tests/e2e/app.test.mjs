// End-to-end test of `tipnav serve` in headless Chromium (issue 18), driven by playwright-core
// with the system's Chromium. tests/e2e.rs starts the server and runs this with TIPNAV_URL;
// screenshots go to TIPNAV_ARTIFACTS. One browser, one page, steps in order; prints the
// "N passed, N failed" line and exits 1 on any failure.
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const base = process.env.TIPNAV_URL;
const artifacts = process.env.TIPNAV_ARTIFACTS || "target/test-artifacts";
const overlayFile = process.env.TIPNAV_OVERLAY;
const handout = process.env.TIPNAV_HANDOUT;
if (!base || !overlayFile || !handout) throw new Error("TIPNAV_URL, TIPNAV_OVERLAY and TIPNAV_HANDOUT must be set");
mkdirSync(artifacts, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
page.setDefaultTimeout(20000);
const problems = [];
page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
// The workbench's overlay check answers 400 for a bad overlay on purpose; any other error counts.
page.on("console", (message) => {
  if (message.type() === "error" && !message.text().includes("status of 400")) problems.push(`console: ${message.text()}`);
});

let passed = 0;
let failed = 0;
async function step(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}: ${error.message}`);
    await page.screenshot({ path: join(artifacts, `failed-${name.replaceAll(" ", "-")}.png`), fullPage: true }).catch(() => {});
  }
}
const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
function check(condition, message) { if (!condition) throw new Error(message); }

// The facts of a girl from Punjab sold into prostitution in Larkana; every other question is
// answered "don't know".
const answers = {
  "case.date": { date: "2023-03-10" },
  "case.province": { radio: "sindh" },
  "victim.age": { number: "16" },
  "victim.sex": { radio: "female" },
  "victim.nationality": { radio: "pakistani" },
  "conduct.acts": { boxes: ["recruit", "transport", "sell"] },
  "conduct.means": { boxes: ["deception", "threat"] },
  "conduct.purposes": { boxes: ["prostitution"] },
  "movement.crossed_border": { radio: "false" },
  "conduct.exploitation_occurred": { radio: "true" },
  "conduct.financial_benefit": { radio: "true" },
};

await step("the case form is filled from scratch", async () => {
  await page.goto(base);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.fill("#fact-title", "Girl sold in Larkana (e2e)");
  await page.dispatchEvent("#fact-title", "change");
  let asked = 0;
  let glossed = null;
  for (; asked < 60; asked += 1) {
    await page.waitForSelector("#question-text, #see-report");
    if (await page.$("#see-report")) break;
    const fact = await page.textContent("#question .muted");
    const text = await page.textContent("#question-text");
    const answer = answers[fact];
    // An option is offered in words with what it means, as `tipnav ask` offers it.
    const option = await page.$('#question label:has(input[value="unlawful_immoral_purpose"])');
    if (option) glossed = await option.textContent();
    if (!answer) {
      await page.click("#dont-know");
    } else {
      if (answer.date) await page.fill("#answer-input", answer.date);
      if (answer.number) await page.fill("#answer-input", answer.number);
      if (answer.radio) await page.check(`#question input[value="${answer.radio}"]`);
      for (const box of answer.boxes || []) await page.check(`#question input[value="${box}"]`);
      await page.click("#answer");
    }
    // The next question replaces this one.
    await page.waitForFunction(([f, t]) => {
      const q = document.querySelector("#question-text");
      return !q || q.textContent !== t || document.querySelector("#question .muted").textContent !== f;
    }, [fact, text]);
  }
  check(await page.$("#see-report"), `the interview did not end after ${asked} questions`);
  check(glossed && glossed.includes("both unlawful and immoral"), `a purpose offered with its meaning: ${glossed}`);
  const answered = await page.$$eval("#answers li", (items) => items.length);
  check(answered === asked, `${asked} questions asked, ${answered} answers listed`);
  await shot("case-review");
});

await step("going back and changing an answer", async () => {
  await page.click("#answers li:first-child button");
  await page.waitForSelector("#answer-input");
  check(await page.inputValue("#answer-input") === "2023-03-10", "the date is offered for change");
  await page.click("#answer");
  await page.waitForSelector("#see-report");
});

await step("the report shows the charge sheet first", async () => {
  await page.click("#see-report");
  await page.waitForSelector("#charge-sheet");
  const cites = await page.$$eval("#charge-sheet tbody tr td:first-child", (cells) => cells.map((c) => c.textContent));
  check(cites.includes("PPC s.371-A"), `PPC s.371-A is charged (charged: ${cites.join(", ")})`);
  const first = await page.$eval("#report h3", (h) => h.textContent);
  check(first === "Charge sheet", `the first heading is the charge sheet, not ${first}`);
  // Agencies by name and role in words, overlap kinds in words: ids are for machines.
  const agencies = await page.$$eval("#agencies strong", (s) => s.map((x) => x.textContent));
  check(agencies.includes("Police (lead)"), `the lead agency by name: ${agencies.join(", ")}`);
  const overlaps = await page.textContent("#overlap-list");
  check(overlaps.includes("duplicate offence") && !overlaps.includes("_"), `overlap kinds in words: ${overlaps.slice(0, 200)}`);
  const overlapSections = await page.$$eval("#overlap-list button.cite", (b) => b.map((x) => x.textContent));
  check(overlapSections.includes("PTPA 2018 s.3") && !overlapSections.some((c) => c.includes("/")), `overlap sections cited: ${overlapSections.slice(0, 6).join(", ")}`);
  // The court by name and the joint-trial answer in words.
  const court = await page.textContent("#case-court");
  check(!/court_of_session|magistrate_first_class|special_court/.test(court), `the case court by name: ${court.slice(0, 120)}`);
  const trialLine = await page.textContent("#trial");
  check(!/_/.test(trialLine), `the trial line in words: ${trialLine.slice(0, 120)}`);
  await shot("report");
});

await step("a section opens to its explanation and its flips", async () => {
  const details = page.locator('#charge-sheet details[data-section="ppc/371-A"]');
  await details.locator("summary").click();
  await details.locator(".explanation").waitFor();
  const elements = await details.locator(".explanation li").count();
  check(elements > 0, "the explanation lists the elements");
  // Statuses in words, elements marked met or not: the explanation's ids are for machines.
  const marks = await details.locator(".explanation li > span").allTextContents();
  check(marks.length > 0 && marks.every((m) => /^(✓ met|✗ not met|\? unknown)$/.test(m)), `element marks: ${marks.join(", ")}`);
  await details.locator("button.flip").click();
  await page.waitForFunction(() => {
    const flips = document.querySelector('#charge-sheet details[data-section="ppc/371-A"] .flips');
    return flips && !flips.textContent.includes("Searching");
  });
  await shot("explanation-and-flips");
});

await step("a citation opens the law browser", async () => {
  await page.click('#charge-sheet button.cite[data-section="ppc/371-A"]');
  await page.waitForSelector("#law-section h3");
  const heading = await page.textContent("#law-section h3");
  check(heading.includes("371-A"), `the law browser shows ${heading}`);
  // Its declared overlaps as sentences: the kind in words and the other sections cited (the
  // list items were empty: the page read the sentences as objects).
  const overlaps = await page.$$eval("#law-overlaps li", (l) => l.map((x) => x.textContent));
  check(overlaps.length > 0 && overlaps.every((o) => o.trim().length > 0), `the section's overlaps are listed: ${overlaps.length}`);
  check(overlaps.some((o) => o.includes("duplicate offence with") && o.includes("PPC s.496-A")), `an overlap names its kind and cites the other sections: ${overlaps[0]}`);
});

await step("the overlap picture filters", async () => {
  await page.click("#nav-overlaps");
  await page.waitForSelector("#overlap-picture svg rect.pair", { timeout: 60000 });
  const all = await page.textContent("#overlap-count");
  await page.selectOption("#overlap-declared", "yes");
  const declared = await page.textContent("#overlap-count");
  check(all !== declared, `filtering by declared changes the picture (${all} / ${declared})`);
  check(await page.$$eval("#overlap-picture rect.undeclared", (r) => r.length) === 0, "only declared pairs are drawn");
  // Sections as lawyers cite them, in the picture, the filter and the detail: ids are for machines.
  const labels = await page.$$eval("#overlap-picture svg > text", (t) => t.map((x) => x.firstChild.textContent));
  check(labels.some((l) => l.startsWith("PPC s.")) && !labels.some((l) => l.includes("/")), `the picture's labels are citations: ${labels.slice(0, 4).join(", ")}`);
  const instruments = await page.$$eval("#overlap-instrument option", (o) => o.filter((x) => x.value).map((x) => x.textContent));
  check(instruments.includes("PTPA 2018") && !instruments.includes("ptpa-2018"), `the instruments offered by title: ${instruments.join(", ")}`);
  await page.locator("#overlap-picture rect.pair").first().click({ force: true });
  await page.waitForSelector("#load-witness");
  const pair = await page.$$eval("#overlap-detail h3 button", (b) => b.map((x) => x.textContent));
  check(pair.length === 2 && !pair.some((c) => c.includes("/")), `the pair's sections are cited: ${pair.join(" + ")}`);
  await shot("overlaps");
  await page.click("#load-witness");
  await page.waitForSelector("#view-case:not([hidden])");
});

await step("a group of three or more shows its witness", async () => {
  await page.click("#nav-overlaps");
  await page.selectOption("#overlap-declared", "");
  const groups = await page.$$eval("#overlap-groups button.group", (b) => b.map((x) => x.textContent));
  check(groups.length > 0 && groups.every((g) => g.split(" + ").length >= 3), `groups of three or more are listed (${groups.length})`);
  check(!groups.some((g) => g.includes("/")), `the groups cite their sections: ${groups[0]}`);
  await page.locator("#overlap-groups button.group").first().click();
  const links = await page.$$eval("#overlap-detail h3 button, #overlap-detail h3 a", (l) => l.length);
  check(links >= 3, `the group's detail names its ${links} sections`);
  check((await page.textContent("#overlap-detail")).includes("every section applies"), "the group's witness is shown");
  const declared = await page.$$eval("#declared-groups li", (l) => l.map((x) => x.textContent));
  check(declared.some((d) => d.includes("cannot all apply together")), "a declared group that cannot apply together is reported");
  await page.locator("#declared-groups button.declared-group").first().click();
  check((await page.textContent("#overlap-detail")).includes("Declared:"), "a declared group shows its declaration");
});

await step("a diff runs with an overlay typed into the workbench", async () => {
  await page.click("#nav-workbench");
  await page.fill("#overlay-text", "amendment oops");
  await page.waitForSelector("#overlay-diagnostics .diagnostic");
  await page.fill("#overlay-text", "");
  await page.locator("#overlay-text").pressSequentially(readFileSync(overlayFile, "utf8").slice(0, 40));
  await page.fill("#overlay-text", readFileSync(overlayFile, "utf8"));
  await page.waitForSelector("#overlay-ok");
  await page.fill("#overlay-date", "2026-06-01");
  await page.click("#overlay-run");
  await page.waitForSelector("#diff-summary");
  const summary = await page.textContent("#diff-summary");
  check(/^[1-9]\d* of \d+ cases change/.test(summary), `cases change: ${summary}`);
  check(await page.$$eval(".diff-group", (g) => g.length) > 0, "the changed cases are grouped");
  // Each change in words, courts by name and sections cited: the ids are for machines.
  const changes = await page.$$eval(".diff-group li", (l) => l.map((x) => x.textContent));
  check(changes.some((c) => c.includes("Court: Magistrate of the First Class → Court of Session")), `a court change in words: ${changes[0]}`);
  check(changes.some((c) => /Overlap removed: forum conflict of .*PTPA 2018 s\.3/.test(c)), "an overlap change cites its sections");
  check(!changes.some((c) => /_|ptpa-2018\//.test(c.replace(/^\S+\.toml/, ""))), `no ids in the changes: ${changes.find((c) => /_|ptpa-2018\//.test(c.replace(/^\S+\.toml/, "")))}`);
  await shot("workbench-diff");
});

await step("the case form fits a phone", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click("#nav-case");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 390, `the page is ${width}px wide on a 390px screen`);
  await shot("phone-case-form");
});

// Issue 16: the charge sheet, in the web app's report and in the HTML handout, fits a 360 px
// phone without scrolling sideways.
async function overflow(target, selectors) {
  return target.evaluate((list) => list.flatMap((selector) => [...document.querySelectorAll(selector)]
    .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1)
    .map((e) => `${selector}: right ${Math.round(e.getBoundingClientRect().right)}, scroll ${e.scrollWidth} of ${e.clientWidth}`)), selectors);
}

await step("the charge sheet fits a 360 px phone", async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.click("#nav-report");
  await page.waitForSelector("#charge-sheet");
  const wide = await overflow(page, ["#charge-sheet", "#charge-sheet tr"]);
  check(wide.length === 0, `the web app's charge sheet overflows: ${wide.join("; ")}`);
  await shot("phone-charge-sheet");
});

await step("the handout's charge sheet and summary box fit a 360 px phone", async () => {
  const phone = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await phone.setContent(readFileSync(handout, "utf8"));
  const wide = await overflow(phone, ["table.charges", "table.charges tr", "dl.summary", "dl.meta"]);
  check(wide.length === 0, `the handout overflows: ${wide.join("; ")}`);
  await phone.screenshot({ path: join(artifacts, "phone-handout.png"), fullPage: false });
  await phone.close();
});

// Issue 16: the whole page, not only the charge sheet, fits a 360 px phone: the detail tables
// (sections, elements, jurisdiction, protections) stack their rows as cards and long ids wrap.
async function pageWidth(target) {
  return target.evaluate(() => document.documentElement.scrollWidth);
}

await step("the web app's whole report fits a 360 px phone", async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  const width = await pageWidth(page);
  check(width <= 361, `the report is ${width} px wide on a 360 px screen`);
});

for (const [name, file] of [["Larkana", handout], ["sparse", process.env.TIPNAV_SPARSE_HANDOUT]]) {
  await step(`the whole ${name} handout fits a 360 px phone`, async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await phone.setContent(readFileSync(file, "utf8"));
    const width = await pageWidth(phone);
    await phone.screenshot({ path: join(artifacts, `phone-handout-${name}-whole.png`), fullPage: true });
    await phone.close();
    check(width <= 361, `the ${name} handout is ${width} px wide on a 360 px screen`);
  });
}

// The handout of a case with few facts (most of the law may apply) reads on a laptop screen
// without scrolling sideways: long code (a flip such as "x is given as true") wraps.
await step("a sparse case's handout does not scroll sideways at 1000 px", async () => {
  const laptop = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await laptop.setContent(readFileSync(process.env.TIPNAV_SPARSE_HANDOUT, "utf8"));
  const width = await laptop.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 1000, `the sparse handout is ${width} px wide at 1000 px`);
  await laptop.screenshot({ path: join(artifacts, "laptop-sparse-handout.png"), fullPage: false });
  await laptop.close();
});

await step("the language switch shows the charge sheet in Urdu, and remembers it", async () => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await Promise.all([page.waitForNavigation(), page.selectOption("#lang-switch", "ur")]);
  await page.waitForFunction(() => document.documentElement.dir === "rtl");
  check(await page.evaluate(() => document.documentElement.lang) === "ur", "the page is lang=ur");
  await page.click("#nav-report");
  await page.waitForSelector("#charge-sheet");
  const heads = await page.$$eval("#charge-sheet th", (cells) => cells.map((c) => c.textContent));
  check(heads.includes("دفعہ") && heads.includes("عدالت"), `Urdu headers: ${heads.join(", ")}`);
  const agencies = await page.$$eval("#agencies strong", (s) => s.map((x) => x.textContent));
  check(agencies.length > 0 && agencies.every((a) => !/[a-z]/.test(a)), `agencies and roles in Urdu: ${agencies.join(", ")}`);
  const kinds = await page.textContent("#overlap-list");
  check(!/duplicate|_/.test(kinds), `overlap kinds in Urdu: ${kinds.slice(0, 200)}`);
  const trialLine = await page.textContent("#trial");
  check(!/joint trial|\b(together|separately|open)\b/.test(trialLine), `the trial line in Urdu: ${trialLine.slice(0, 160)}`);
  check(await page.evaluate(() => localStorage.getItem("tipnav.lang")) === "ur", "the choice is remembered");
  await shot("urdu-report");
  // Back to English for whoever uses this browser profile next.
  await page.evaluate(() => localStorage.removeItem("tipnav.lang"));
});

// In Urdu the Latin runs (citations, ids) sit in <span dir="ltr">, so the bidi algorithm cannot
// reorder their dots and brackets; the report and a section of the law still fit a 360 px phone
// (a source's long address under the section's versions breaks).
await step("in Urdu, citations are isolated and the report and the law fit a 360 px phone", async () => {
  const cites = await page.$$eval("#charge-sheet button.cite", (buttons) => buttons.map((b) =>
    [b.textContent, b.querySelector('span[dir="ltr"]')?.textContent]));
  check(cites.length > 0 && cites.every(([cite, isolated]) => cite === isolated),
    `each citation in one isolated run: ${cites.map((c) => c.join(" / ")).join(", ")}`);
  // Nastaliq has no Latin letters: an isolated run takes a Latin face, as in the handout.
  const face = await page.$eval('#charge-sheet span[dir="ltr"]', (s) => getComputedStyle(s).fontFamily);
  check(!/Nastaliq|Nastaleeq/.test(face), `an isolated Latin run is set in ${face}`);
  await page.setViewportSize({ width: 360, height: 800 });
  check(await pageWidth(page) <= 361, `the Urdu report is ${await pageWidth(page)} px wide on a 360 px screen`);
  await page.click("#nav-law");
  // The list is drawn when it arrives (the pane shows the latest request's answer only): empty
  // the pane first, so that what shows is the list asked for here, then open its instruments
  // until the section's button shows, and click it.
  await page.$eval("#law", (law) => law.replaceChildren());
  await page.click("#law-list");
  await page.waitForFunction(() => {
    document.querySelectorAll("#law details").forEach((d) => { d.open = true; });
    const button = document.querySelector('#law button.cite[data-section="ptpa-2018/3"]');
    return button && button.offsetParent !== null;
  });
  await page.click('#law button.cite[data-section="ptpa-2018/3"]');
  await page.waitForSelector("#law-section");
  check(await pageWidth(page) <= 361, `the Urdu section is ${await pageWidth(page)} px wide on a 360 px screen`);
  await shot("phone-urdu-law");
  await page.setViewportSize({ width: 1200, height: 900 });
});

// The status line and the overlap picture's labels carry Latin runs too (a file name, section
// ids). In Urdu the status line isolates them as el() does, and the labels read left to right
// from where they are placed: they inherited `direction: rtl`, so each row label was anchored
// at its right end, off the picture's left edge, and the bidi algorithm moved its slashes.
await step("in Urdu, the status line isolates its Latin runs", async () => {
  await page.click("#nav-case");
  const name = "examples/larkana-girl-sold.toml";
  await page.selectOption("#example-list", name);
  await page.click("#example-open");
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("larkana"));
  const isolated = await page.$$eval('#status span[dir="ltr"]', (spans) => spans.map((s) => s.textContent));
  check(isolated.includes(name), `the file name is one isolated run in the status line: "${await page.textContent("#status")}" (isolated: ${isolated.join(" / ") || "none"})`);
  // The answers list names the options in Urdu, as the vocabulary labels them.
  const answers = await page.$$eval("#answers li", (items) => items.map((i) => i.textContent).filter((i) => !i.startsWith("case.title")));
  check(answers.length > 0 && answers.every((a) => !/\b(female|recruit|transport|prostitution)\b/.test(a)), `the answers' options in Urdu: ${answers.join(" | ").slice(0, 300)}`);
});

await step("in Urdu, the overlap picture's labels start at their place and read left to right", async () => {
  await page.click("#nav-overlaps");
  await page.waitForSelector("#overlap-picture svg rect.pair", { timeout: 60000 });
  const labels = await page.$$eval("#overlap-picture svg text", (texts) => texts.map((t) => ({
    id: t.textContent,
    x: Number(t.getAttribute("x")),
    first: t.getStartPositionOfChar(0).x,
    last: t.getStartPositionOfChar(t.getNumberOfChars() - 1).x,
  })));
  const wrong = labels.filter((l) => Math.abs(l.first - l.x) > 1 || !(l.first < l.last));
  check(labels.length > 0 && wrong.length === 0,
    `${wrong.length} of ${labels.length} labels do not start at their place and run left to right: ${wrong.slice(0, 3).map((l) => `${l.id} at ${l.x} drawn from ${l.first} to ${l.last}`).join("; ")}`);
  const families = await page.$$eval("#overlap-family option", (options) => options.filter((o) => o.value).map((o) => o.textContent));
  check(families.length > 0 && families.every((f) => !/[a-z]/.test(f)), `the overlap kinds offered in Urdu: ${families.join(", ")}`);
  const count = await page.textContent("#overlap-count");
  check(/جوڑے/.test(count) && !/pairs|sections/.test(count), `the overlap count in Urdu: ${count}`);
  await shot("urdu-overlaps");
});

await step("no script error on the page", async () => {
  check(problems.length === 0, problems.join("; "));
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
