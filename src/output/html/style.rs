//! The page's one stylesheet, inline in every page: light colours, print rules.

/// Light colours only: projectors wash out dark themes and printers waste toner on them.
pub(super) const CSS: &str = r#"
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #c9ced6; --head: #eef1f5;
  --ok: #e3f4e6; --ok-ink: #1d6b2c; --maybe: #fff3d6; --maybe-ink: #7a5200;
  --no: #fde4e1; --no-ink: #9b1c12; --warn: #9b1c12; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px 32px; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.8em; margin: 0 0 .4em; }
h2 { font-size: 1.3em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05em; margin: .2em 0 .4em; }
code { overflow-wrap: anywhere; font: .92em/1.3 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
pre { font: 12px/1.35 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; margin: .3em 0; white-space: pre-wrap; }
a { color: #0b4f8a; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
dl.meta, dl.summary, dl.penalty { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: .4em 0; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; }
dl.summary { font-size: 1.1em; background: #f6f8fa; border: 1px solid var(--rule); border-left: 6px solid #0b4f8a; padding: 12px 16px; margin: 1em 0; }
dl.summary dt { color: var(--ink); }
/* A long list of citations wraps between them, never past the window (360 px phones). */
dl.summary { max-width: 100%; box-sizing: border-box; grid-template-columns: fit-content(6em) minmax(0, 1fr); }
dl.summary dd { min-width: 0; overflow-wrap: anywhere; }
/* A word longer than its line (a URL in a note, the law's digest, an id) breaks rather than
   push the page sideways; it does not widen a table's columns either. */
body { overflow-wrap: break-word; }
.disclaimer { color: var(--muted); font-style: italic; margin: .3em 0 0; }
.muted { color: var(--muted); font-size: .92em; }
.warning { color: var(--warn); }
.note { border-left: 3px solid var(--rule); padding-left: 10px; color: var(--muted); }
.card { border: 1px solid var(--rule); border-left: 6px solid var(--rule); border-radius: 4px; padding: 10px 14px; margin: 0 0 14px; }
.card.applies { border-left-color: var(--ok-ink); }
.card.may-apply { border-left-color: #c98a00; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 6px; font-size: .85em; font-weight: 600; white-space: nowrap; }
.badge.applies, .badge.met { background: var(--ok); color: var(--ok-ink); }
.badge.may-apply, .badge.unknown { background: var(--maybe); color: var(--maybe-ink); }
.badge.not-apply { background: #f0f0f0; color: var(--muted); }
.badge.not-met { background: var(--no); color: var(--no-ink); }
.unknown-fact { color: var(--maybe-ink); font-style: italic; }
.fact { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
.waiver { color: var(--ok-ink); margin-top: 4px; }
.verified { color: var(--ok-ink); }
.unverified { color: var(--no-ink); font-weight: 700; }
.court { font-size: 1.05em; }
ul.trace, ul.trace ul { margin: 0; padding-left: 1.1em; }
.fact-groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 0 16px; align-items: start; }
table.facts { margin: 0 0 10px; }
table.facts caption { text-align: left; font-weight: 600; color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; padding: 2px 0; }
table.facts th { width: 45%; background: #f6f8fa; font-weight: normal; }
table.facts td { font-weight: 600; }
table.facts td, .fact { overflow-wrap: anywhere; }
footer { margin-top: 2em; padding-top: .5em; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85em; }
.card-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(13em, 28%); gap: 0 16px; }
aside.flips { border-left: 1px dashed var(--rule); padding-left: 12px; font-size: .92em; }
aside.flips h4 { margin: .2em 0 .3em; font-size: 1em; }
aside.flips ul { margin: 0 0 .4em; padding-left: 1.1em; }
.details > :first-child { margin-top: 0; }
article.case + article.case { margin-top: 3em; border-top: 4px double var(--rule); }
/* A phone (360 px): no part of the page scrolls sideways (issue 16). Every table with a header
   row (the charge sheet, the sections' elements, jurisdiction, protections...) becomes one card
   per row, each cell under its column's name (its data-label); side-by-side blocks (the facts,
   a section and its flips) go one under the other; the header's long values (file, digest)
   wrap. It comes after the rules it overrides (.card-grid, .fact-groups). */
@media screen and (max-width: 40rem) {
  body { padding: 12px; }
  table.stack, table.stack > tbody, table.stack > tbody > tr, table.stack > tbody > tr > td { display: block; }
  table.stack > thead { display: none; }
  table.stack > tbody > tr { border: 1px solid var(--rule); margin-bottom: .5em; padding: 2px 0; }
  table.stack > tbody > tr > td { border: none; padding: 2px 8px; }
  table.stack > tbody > tr > td::before { content: attr(data-label); display: block; color: var(--muted); font-size: .85em; font-weight: 600; }
  /* An empty cell says nothing: its label alone would read as a missing answer. */
  table.stack > tbody > tr > td:empty { display: none; }
  .fact-groups, .card-grid { grid-template-columns: minmax(0, 1fr); }
  aside.flips { border-left: none; padding-left: 0; border-top: 1px dashed var(--rule); padding-top: 6px; }
  dl.meta, dl.penalty { grid-template-columns: fit-content(6em) minmax(0, 1fr); }
  /* Prose breaks between words where it can; only a digest or a path breaks anywhere. */
  dl.meta dd, dl.penalty dd { min-width: 0; overflow-wrap: anywhere; }
  dl.meta dd code { word-break: break-all; white-space: normal; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  .details { break-before: page; page-break-before: always; }
  body { max-width: none; padding: 0; font-size: 10pt; background: #fff; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .card, dl.summary, header { break-inside: avoid; page-break-inside: avoid; }
  article.case + article.case { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  a { color: var(--ink); text-decoration: none; }
  details > summary { display: none; }
}
"#;

/// Right-to-left pages (Urdu): Nastaliq first, from the fonts installed on the reader's machine
/// (the page's policy forbids fetching one), with the taller lines Nastaliq needs; tables and
/// lists run from the right. Citations, ids and numbers sit in `<bdi dir="ltr">`,
/// `<span dir="ltr">` or `<code>`, which keep a Latin face.
const RTL_CSS: &str = r#"
body { font-family: "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Alvi Nastaleeq", "Urdu Typesetting", "Noto Naskh Arabic", serif; line-height: 2.2; }
th, td { text-align: right; }
table.facts caption { text-align: right; }
ul.trace, ul.trace ul { padding-left: 0; padding-right: 1.1em; }
.note { border-left: none; padding-left: 0; border-right: 3px solid var(--rule); padding-right: 10px; }
.card { border-left: 1px solid var(--rule); border-right: 6px solid var(--rule); }
.card.applies { border-right-color: var(--ok-ink); }
.card.may-apply { border-right-color: #c98a00; }
dl.summary { border-left: 1px solid var(--rule); border-right: 6px solid #0b4f8a; }
bdi, code, .fact, span[dir="ltr"] { font-family: system-ui, "Noto Sans", "DejaVu Sans", sans-serif; }
/* Ids, case-file syntax and addresses read left to right, isolated from the sentence around
   them, so its direction cannot reorder their dots and brackets. */
code, a[href^="http"] { direction: ltr; unicode-bidi: isolate; }
"#;

/// The extra rules for the run's script: none for left-to-right languages.
pub(super) fn script_css() -> &'static str {
    if crate::i18n::direction() == "rtl" {
        RTL_CSS
    } else {
        ""
    }
}
