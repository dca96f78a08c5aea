//! `--format html`: the page is self-contained and escapes the case's text, and a real browser
//! (headless Chromium) renders it with the key facts; screenshots and a PDF are kept in
//! `target/test-artifacts/` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{root, tipnav, without_isolation};

const LARKANA: &str = "examples/larkana-girl-sold.toml";

/// Tags and CSS that would fetch something or run code.
const FETCHES: [&str; 10] = [
    "<link", "<script", "<img", "<iframe", "<object", "<embed", "@import", "url(", "src=", "<base",
];

fn page(args: &[&str]) -> String {
    let run = tipnav(args);
    assert_eq!(run.status, 0, "{}", run.render());
    assert!(run.stdout.starts_with("<!DOCTYPE html>"), "{}", run.stdout);
    assert!(run.stdout.trim_end().ends_with("</html>"));
    run.stdout
}

#[test]
fn html_pages_fetch_nothing() {
    for args in [
        &["eval", "--format", "html", LARKANA][..],
        &["explain", "--format", "html", LARKANA],
        &["overlaps", "--format", "html", "--date", "2024-01-01"],
    ] {
        let html = page(args);
        for fetch in FETCHES {
            assert!(
                !html.to_lowercase().contains(fetch),
                "`tipnav {}` writes `{fetch}`",
                args.join(" ")
            );
        }
        // Source URLs are links a reader may follow, or text, never something the page loads.
        for tag in html
            .split('<')
            .skip(1)
            .filter_map(|t| t.split_once('>'))
            .map(|(t, _)| t)
        {
            assert!(
                !tag.contains("://") || tag.starts_with("a href=\"http"),
                "`tipnav {}` writes a URL in <{tag}>",
                args.join(" ")
            );
        }
        assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    }
}

/// On a right-to-left page the Latin runs inside Urdu (citations in the law's translated rules,
/// ids, numbers) are isolated left to right, so the bidi algorithm keeps "PTPA 2018 s.3(2)" and
/// "(PPC s.10: ...)" as written; code and addresses are isolated by the stylesheet. English
/// pages are left as they were.
#[test]
fn urdu_pages_isolate_their_latin_runs() {
    let isolated_code = "code, a[href^=\"http\"] { direction: ltr; unicode-bidi: isolate; }";
    for command in ["eval", "explain"] {
        let html = page(&["--lang", "ur", command, "--format", "html", LARKANA]);
        for expected in [
            // A rule: the citation is isolated, its colon and the Urdu after it are not.
            "<td data-label=\"قاعدہ\"><span dir=\"ltr\">PPC s.365-B</span>: ",
            // A citation inside the sentence: its brackets belong to the Urdu around it.
            "(<span dir=\"ltr\">PPC s.10</span>: ",
            // A bracket the citation opened stays inside it.
            "<span dir=\"ltr\">PTPA 2018 s.3(2)</span>",
            isolated_code,
        ] {
            assert!(html.contains(expected), "{command}: no `{expected}`");
        }
        assert!(
            !html.contains("<code><span"),
            "{command}: code is isolated as a whole"
        );
        let english = page(&["--lang", "en", command, "--format", "html", LARKANA]);
        assert!(!english.contains("<span dir=\"ltr\">") && !english.contains(isolated_code));
    }
}

/// Issue 16: on a phone the rows of a table with a header row stack as cards (class `stack`),
/// so each of its cells names its column (`data-label`), in the page's language.
#[test]
fn stacked_table_cells_name_their_column() {
    for (lang, penalty) in [("en", "Penalty"), ("ur", "سزا")] {
        for command in ["eval", "explain"] {
            let html = page(&["--lang", lang, command, "--format", "html", LARKANA]);
            let stacked: Vec<&str> = html
                .split("<table class=\"")
                .skip(1)
                .filter(|t| {
                    t.split_once('"')
                        .is_some_and(|(c, _)| c.ends_with(" stack"))
                })
                .map(|t| t.split_once("</table>").unwrap().0)
                .collect();
            assert!(
                stacked.len() > 3,
                "{lang} {command}: {} tables",
                stacked.len()
            );
            for table in stacked {
                let cells = table.matches("<td").count();
                let labelled = table.matches("<td data-label=\"").count();
                assert_eq!(cells, labelled, "{lang} {command}: {table}");
            }
            // The charge sheet and each section's penalty sit under a translated header.
            assert!(
                command != "eval" || html.contains(&format!("<td data-label=\"{penalty}\">")),
                "{lang}: no cell under {penalty}"
            );
        }
    }
}

/// What an unknown fact would decide is cited as lawyers write it (`agency for PTPA 2018
/// s.3(2)`), not listed by id (`agency for ptpa-2018/3-2`).
#[test]
fn unknown_facts_name_what_they_decide_by_citation() {
    let html = page(&["eval", "--format", "html", LARKANA]);
    let table = html.split_once("<table class=\"unknown").unwrap().1;
    let table = table.split_once("</table>").unwrap().0;
    assert!(table.contains("PPC s.344"), "{table}");
    for id in ["ppc/", "ptpa-2018/", "<code>agency for", "<code>court for"] {
        assert!(!table.contains(id), "{id} in {table}");
    }
}

#[test]
fn html_escapes_the_text_a_case_gives() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(LARKANA)).unwrap();
    let text = text
        .replace(
            "title = \"Girl from Punjab sold into prostitution in Larkana\"",
            "title = \"<script>alert('x')</script> & \\\"co\\\"\"",
        )
        .replace("district = \"larkana\"", "district = \"<b>larkana</b>\"");
    let path = dir.path().join("case.toml");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    for command in ["eval", "explain"] {
        let html = page(&[command, "--format", "html", path]);
        assert!(!html.contains("<script"), "{command}: unescaped title");
        assert!(!html.contains("<b>"), "{command}: unescaped district");
        assert!(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"),
            "{command}: the title is missing or escaped differently"
        );
        assert!(html.contains("&lt;b&gt;larkana&lt;/b&gt;"), "{command}");
    }
}

#[test]
fn commands_without_a_page_refuse_html() {
    for args in [
        &["list", "--format", "html"][..],
        &["show", "ptpa-2018/3", "--format", "html"],
        &["search", "bonded", "--format", "html"],
        &["gaps", "--format", "html"],
        &["facts", "--format", "html"],
        &[
            "diff",
            "--as-if-date",
            "2025-06-01",
            "--format",
            "html",
            LARKANA,
        ],
    ] {
        let run = tipnav(args);
        assert_eq!(run.status, 2, "{}", run.render());
        assert!(run.stdout.is_empty(), "{}", run.render());
        assert!(
            run.stderr.contains("has no HTML output"),
            "{}",
            run.render()
        );
    }
}

#[test]
fn eval_page_renders_in_chromium() {
    let Some(chromium) = chromium() else { return };
    let digest = law_digest();
    let rendered = render(
        &chromium,
        "eval-larkana",
        &page(&["eval", "--format", "html", LARKANA]),
    );
    for expected in [
        "Girl from Punjab sold into prostitution in Larkana",
        "Applies PPC s.365-B",
        "ptpa-2018/3",
        "ppc/371-A",
        "Lead agency Police police",
        "Court for the case: Court of Session court_of_session",
        "Forum conflict",
        "Joint trial:",
        "duplicate offence",
        "rahim_yar_khan",
        "https://",
        "is not verified",
        &digest,
    ] {
        assert!(
            rendered.contains(expected),
            "`{expected}` not in the rendered page:\n{rendered}"
        );
    }
}

/// Issue 16 item 6: every example's handout opens with a charge sheet that prints on at most
/// two A4 pages. The page is cut where its details start (they start on a new printed page)
/// and printed once per example; the PDFs are kept as `target/test-artifacts/sheet-*.pdf`.
/// The page also carries "what would change this" beside the sections it shows.
#[test]
fn each_handout_prints_its_charge_sheet_on_two_pages() {
    let Some(chromium) = chromium() else { return };
    let examples = std::fs::read_dir(root().join("examples")).unwrap();
    let mut paths: Vec<PathBuf> = examples
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 7, "{paths:?}");
    for path in paths {
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let html = page(&["eval", "--format", "html", path.to_str().unwrap()]);
        assert!(html.contains("What would change this"), "{name}: no flips");
        let (sheet, _) = html
            .split_once("<div class=\"details\"")
            .unwrap_or_else(|| panic!("{name}: no details after the charge sheet"));
        assert!(sheet.contains("<table class=\"charges stack\">"), "{name}");
        let sheet = format!("{sheet}</article>\n</body>\n</html>\n");
        let pages = pdf_pages(&chromium, &format!("sheet-{name}"), &sheet);
        assert!(
            (1..=2).contains(&pages),
            "{name}: the charge sheet prints on {pages} pages"
        );
    }
}

/// Prints `html` to `target/test-artifacts/NAME.pdf` and counts the PDF's pages.
fn pdf_pages(chromium: &Path, name: &str, html: &str) -> usize {
    let file = write_artifact(name, html);
    let pdf = artifacts_dir().join(format!("{name}.pdf"));
    let _ = std::fs::remove_file(&pdf);
    run_chromium(
        chromium,
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
            &format!("file://{}", file.display()),
        ],
    );
    let pdf = std::fs::read(&pdf).expect("chromium prints the page");
    assert!(pdf.starts_with(b"%PDF"));
    // Every page object says `/Type /Page`; the page tree says `/Type /Pages`.
    let text = String::from_utf8_lossy(&pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

/// Issue 17 "Done means": the Urdu handout rendered in Chromium with the Nastaliq font (a
/// screenshot is kept as `target/test-artifacts/eval-larkana-ur.png`), and the whole rendered
/// text of its body checked: no English word outside citations (`<bdi>`, `<code>`, links and
/// the law's citations and short titles), ids (sections, facts, the law's digest), numbers and
/// [`ALLOWED`]. Every English word found is reported with the element it sits in.
#[test]
fn urdu_page_renders_in_chromium() {
    let Some(chromium) = chromium() else { return };
    let html = page(&["--lang", "ur", "eval", "--format", "html", LARKANA]);
    let dom = render_dom(&chromium, "eval-larkana-ur", &html);
    let rendered = text_of(&dom);
    assert!(rendered.contains("چارج شیٹ"), "{rendered}");
    assert!(rendered.contains("PPC s.371-A"), "{rendered}");
    let program = crate::support::program();
    let mut skipped = citations_and_ids(&program);
    skipped.extend(
        CITATION_PHRASES
            .iter()
            .map(|(phrase, _)| (*phrase).to_owned()),
    );
    // The case's own words: its title.
    let case: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join(LARKANA)).unwrap()).unwrap();
    skipped.push(case["case"]["title"].as_str().unwrap().to_owned());
    // Longest first, so a citation is taken out before a shorter one inside it.
    skipped.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let english = english_words(&dom, &skipped, &abbreviations(&program));
    assert!(
        english.is_empty(),
        "{} English words on the Urdu page:\n{}",
        english.len(),
        english.join("\n")
    );
}

/// Parts of citations the law's texts write in English inside their Urdu (citations stay as the
/// official text and the legal briefs write them), each with its reason.
const CITATION_PHRASES: [(&str, &str); 19] = [
    (
        "Anti-Rape (Investigation and Trial) Act",
        "an Act's short title, named in an open question",
    ),
    ("Anti-Rape", "the same Act, cited by its short name"),
    (
        "Protection of Women (Criminal Laws Amendment) Act",
        "an amending Act's short title",
    ),
    ("Pakistan Code", "the official statute website's name"),
    (
        "TIP",
        "the US Trafficking in Persons Reports, cited by their name and years",
    ),
    (
        "JJSO",
        "the Juvenile Justice System Ordinance 2000's abbreviation",
    ),
    ("Dawn", "a newspaper cited as a source"),
    ("Chapter", "a chapter of the Penal Code (Chapter V-A)"),
    ("General Clauses Act", "an Act's short title"),
    (
        "federal brief",
        "the project's legal brief cited as a source",
    ),
    (
        "provincial brief",
        "the project's legal brief cited as a source",
    ),
    ("FIA Act", "the FIA Act's short title"),
    ("Schedule entry", "an entry of the FIA Act's Schedule"),
    ("Schedule", "a schedule of an Act (CrPC Schedule II)"),
    ("Act", "part of an Act's title or number (Act IX of 2025)"),
    ("entry", "an entry of a schedule"),
    ("items", "items of a brief's list"),
    ("item", "an item of a brief's list"),
    ("SRO", "a Statutory Regulatory Order's number"),
];

/// Words in Latin letters the Urdu page may show, each with its reason.
const ALLOWED: [(&str, &str); 10] = [
    (
        "cognizance",
        "the legal term glossed once after its Urdu rendering, as the glossary gives it",
    ),
    ("tipnav", "the program's name"),
    ("sha256", "the algorithm of the law's digest, an id"),
    (
        "PKR",
        "the currency code the statutes' amounts are written with",
    ),
    (
        "FIA",
        "the Federal Investigation Agency, as Urdu usage also abbreviates it",
    ),
    (
        "NCCIA",
        "the National Cyber Crime Investigation Agency's official abbreviation",
    ),
    (
        "PPC",
        "the Pakistan Penal Code in citations, as courts cite it",
    ),
    (
        "CrPC",
        "the Code of Criminal Procedure in citations, as courts cite it",
    ),
    (
        "PTPA",
        "the Prevention of Trafficking in Persons Act in citations",
    ),
    (
        "FIR",
        "the First Information Report, as police and courts write it in Urdu",
    ),
];

/// Every section's citation and id, every instrument's short title and id, every fact's name,
/// the options written with an underscore and the date keys.
fn citations_and_ids(program: &tipnav::model::Program) -> Vec<String> {
    let book = &program.book;
    let mut strings: Vec<String> = book
        .sections
        .keys()
        .flat_map(|id| [tipnav::statute::citation(book, id), id.clone()])
        .collect();
    for instrument in book.instruments.iter() {
        strings.push(instrument.short_title.clone());
        strings.push(instrument.id.clone());
    }
    strings.extend(program.facts.iter().map(|f| f.name.clone()));
    // The options' ids (`unlawful_immoral_purpose`), which notes quote as the case file has them.
    let options = program.facts.iter().filter_map(|f| f.ty.members());
    strings.extend(options.flatten().filter(|o| o.contains('_')).cloned());
    // The date keys (`act-vi-2006`) the research notes name their dates by.
    strings.extend(book.dates.keys().cloned());
    strings
}

/// Each English word in the text of the page's body, with the element it sits in: outside
/// `<bdi>`, `<code>` and links, once the `skipped` strings are taken out.
fn english_words(dom: &str, skipped: &[String], abbreviations: &[String]) -> Vec<String> {
    let dom = without_isolation(dom);
    let body = dom
        .split_once("<body")
        .map_or(dom.as_str(), |(_, body)| body);
    let mut found = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut hidden = 0usize; // how deep inside <bdi>, <code>, <a> or <style>
    for piece in body.split('<').skip(1) {
        let (tag, text) = piece.split_once('>').unwrap_or((piece, ""));
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let hides = ["bdi", "code", "a", "style", "script"].contains(&name.as_str());
        if tag.starts_with('/') {
            open.pop();
            hidden -= usize::from(hides && hidden > 0);
        } else if !tag.ends_with('/') && !["br", "meta", "wbr", "hr"].contains(&name.as_str()) {
            open.push(tag.split_whitespace().take(2).collect::<Vec<_>>().join(" "));
            hidden += usize::from(hides);
        }
        if hidden > 0 {
            continue;
        }
        let mut text = text_of(text);
        for skip in skipped {
            text = text.replace(skip.as_str(), " ");
        }
        let text = without_citation_tokens(&text);
        let element = open.last().map_or("body", String::as_str);
        for word in latin_words(&text, abbreviations) {
            found.push(format!("<{element}> {word}: {text}"));
        }
    }
    found
}

/// Text without the tokens that cite or name rather than say: section references (`s.26`,
/// `ss.7.1-7.4`, the numbers of `Act IX of 2025`), the briefs' files (`organs-and-online.md`),
/// the sources' addresses (`https://...`) and numbered references (`S48`),
/// command-line options (`--all`), "and" between two numbers, quotations of the official text
/// in single quotes, and ids and case-file syntax written as code (`` `begging` ``,
/// `{ include = [...] }`).
fn without_citation_tokens(text: &str) -> String {
    let mut text = text.to_owned();
    for (open, close) in [('\'', '\''), ('`', '`'), ('{', '}')] {
        while let Some(start) = text.find(open) {
            let Some(length) = text[start + 1..].find(close) else {
                break;
            };
            text.replace_range(start..start + length + 2, " ");
        }
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let numeric =
        |token: Option<&&str>| token.is_some_and(|t| t.chars().any(|c| c.is_ascii_digit()));
    let roman = |token: &str| token.len() > 1 && token.chars().all(|c| "IVXLC".contains(c));
    let kept: Vec<&str> = tokens
        .iter()
        .enumerate()
        .filter(|&(at, token)| {
            let bare = token.trim_matches(|c: char| !c.is_alphanumeric() && !"-.".contains(c));
            let before = at.checked_sub(1).and_then(|before| tokens.get(before));
            let after = tokens.get(at + 1);
            let cites = ["s.", "ss.", "--"].iter().any(|p| bare.starts_with(p));
            let brief = bare.ends_with(".md");
            let url = bare.starts_with("http");
            // A numbered reference in a source (`S48`, a page of a scanned document).
            let reference = bare.len() > 1
                && bare.starts_with(|c: char| c.is_ascii_uppercase())
                && bare[1..].chars().all(|c| c.is_ascii_digit());
            let between_numbers = bare == "and" && numeric(before) && numeric(after);
            let act_number = roman(bare) || (bare == "of" && numeric(after));
            !(cites || brief || url || reference || between_numbers || act_number)
        })
        .map(|(_, token)| *token)
        .collect();
    kept.join(" ")
}

/// Words of two or more Latin letters and digits, with a letter, that are neither allowed nor
/// a digest.
fn latin_words<'t>(text: &'t str, abbreviations: &[String]) -> Vec<&'t str> {
    let digest = |w: &str| w.len() == 64 && w.chars().all(|c| c.is_ascii_hexdigit());
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 1 && w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !digest(w) && !ALLOWED.iter().any(|(allowed, _)| allowed == w))
        .filter(|w| !abbreviations.iter().any(|a| a == w))
        .collect()
}

/// The instruments' abbreviations as citations write them: each word in capitals of a short
/// title (`PECA`, `ZARRA`, `CPWA`).
fn abbreviations(program: &tipnav::model::Program) -> Vec<String> {
    let titles = program.book.instruments.iter().map(|i| &i.short_title);
    let words = titles.flat_map(|title| title.split_whitespace());
    words
        .filter(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_owned)
        .collect()
}

#[test]
fn overlaps_page_renders_in_chromium() {
    let Some(chromium) = chromium() else { return };
    let digest = law_digest();
    let html = page(&["overlaps", "--format", "html"]);
    let rendered = render(&chromium, "overlaps", &html);
    for expected in [
        "Offences that can apply on the same facts",
        "pairs of offences can apply together",
        "Picture of the overlaps",
        "declared in the rules",
        "PTPA 2018 s.3",
        "PPC s.371-A",
        "The first 60 of",
        "duplicate offence",
        "Groups of three or more, with the smallest case found on which all apply",
        "groups of pairwise-overlapping offences can all apply on one set of facts",
        "Declared overlaps of three or more sections",
        "All apply together",
        &digest,
    ] {
        assert!(
            rendered.contains(expected),
            "`{expected}` not in the rendered page"
        );
    }
}

/// Issue 16 item 6: the page is a picture a trainer can project, not a 93 x 93 table of 2.4 MB:
/// an inline SVG with a label for each section in a pair (row and column), the first pairs and
/// groups, and every declared group.
#[test]
fn overlaps_page_is_a_picture_with_the_first_groups_and_every_declared_group() {
    let html = page(&["overlaps", "--format", "html"]);
    let json = tipnav(&["overlaps", "--format", "json"]);
    let report: serde_json::Value = crate::support::validated("overlaps", &json.stdout);
    assert!(
        html.len() < 400_000,
        "the overlaps page is {} bytes (it was 2.4 MB with the full matrix)",
        html.len()
    );
    assert_eq!(html.matches("<svg class=\"overlaps\"").count(), 1);
    let mut sections: Vec<&str> = report["overlaps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o.as_object().unwrap()["sections"].as_array().unwrap())
        .map(|s| s.as_str().unwrap())
        .collect();
    sections.sort_unstable();
    sections.dedup();
    assert_eq!(html.matches("<text ").count(), 2 * sections.len());
    assert!(
        html.contains("The first 60 of"),
        "the page says the pair list is cut"
    );
    let count = format!(
        "{} groups of pairwise-overlapping offences",
        report["groups_found"]
    );
    assert!(html.contains(&count), "`{count}` not on the page");
    // Sections are cited as lawyers write them (`PPC s.371-A + PTPA 2018 s.3`), not by id.
    let program = crate::support::program();
    let as_html = |sections: &serde_json::Value, separator: &str| {
        sections
            .as_array()
            .unwrap()
            .iter()
            .map(|s| tipnav::statute::citation(&program.book, s.as_str().unwrap()))
            .collect::<Vec<_>>()
            .join(separator)
    };
    assert!(!html.contains("<code>ppc/"), "a section listed by its id");
    for group in report["groups"].as_array().unwrap().iter().take(20) {
        let row = as_html(&group["sections"], " + ");
        assert!(html.contains(&row), "group {row} not on the page");
    }
    for group in report["declared_groups"].as_array().unwrap() {
        let row = as_html(&group["sections"], ", ");
        assert!(html.contains(&row), "declared group {row} not on the page");
    }
}

/// The law's digest as `tipnav check` prints it.
fn law_digest() -> String {
    let check = tipnav(&["check"]);
    check
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("law "))
        .expect("check prints the digest")
        .to_owned()
}

/// Headless Chromium, if installed. CI installs it (`.ci/run`), so there a missing browser is
/// a failure; elsewhere the test says it skipped.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed: .ci/run installs it (apt-get install chromium)"
        );
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
    }
    found
}

/// Renders `html` in Chromium: returns the text of the rendered DOM, and keeps a screenshot
/// and a PDF print of it under `target/test-artifacts/NAME.{html,png,pdf}`.
fn render(chromium: &Path, name: &str, html: &str) -> String {
    text_of(&render_dom(chromium, name, html))
}

/// Renders `html` in Chromium as [`render`] does, and returns the rendered DOM.
fn render_dom(chromium: &Path, name: &str, html: &str) -> String {
    let file = write_artifact(name, html);
    let url = format!("file://{}", file.display());
    let dom = run_chromium(chromium, &["--dump-dom", &url]);
    let screenshot = artifacts_dir().join(format!("{name}.png"));
    let _ = std::fs::remove_file(&screenshot);
    run_chromium(
        chromium,
        &[
            &format!("--screenshot={}", screenshot.display()),
            "--window-size=1280,2000",
            &url,
        ],
    );
    let png = std::fs::read(&screenshot).expect("chromium writes the screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{}",
        screenshot.display()
    );
    let pdf = artifacts_dir().join(format!("{name}.pdf"));
    let _ = std::fs::remove_file(&pdf);
    run_chromium(
        chromium,
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
            &url,
        ],
    );
    let pdf = std::fs::read(&pdf).expect("chromium prints the page");
    assert!(pdf.starts_with(b"%PDF"));
    dom
}

/// Keeps `html` as `target/test-artifacts/NAME.html` and returns its path.
fn write_artifact(name: &str, html: &str) -> PathBuf {
    let file = artifacts_dir().join(format!("{name}.html"));
    std::fs::write(&file, html).unwrap();
    file
}

/// `target/test-artifacts`, next to the `tmp` folder cargo gives integration tests.
fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("test-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium with a fresh profile and no network services; returns stdout.
fn run_chromium(chromium: &Path, args: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("chromium did not finish in 180 s: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium failed: {args:?}");
    reader.join().unwrap()
}

/// The text of a serialized DOM: the `<head>` dropped, tags removed, entities decoded and
/// white space collapsed.
fn text_of(dom: &str) -> String {
    let body = dom.split_once("<body").map_or(dom, |(_, body)| body);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A case that gives only a date and a province: its handout names the closest sections that
/// may apply and counts the rest, and each decisive question names four sections it decides
/// and counts the rest, as the terminal does, instead of listing most of the law each time.
#[test]
fn a_sparse_case_handout_names_the_closest_and_counts_the_rest() {
    let dir = root().join("target/test-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    let case = dir.join("sparse-summary.toml");
    std::fs::write(&case, "[case]\ndate = 2024-05-01\nprovince = \"punjab\"\n").unwrap();
    let html = page(&["eval", "--format", "html", case.to_str().unwrap()]);
    let row = html
        .split("<dt>May apply</dt>")
        .nth(1)
        .and_then(|rest| rest.split("</dd>").next())
        .expect("the summary has a May apply row");
    let named = row.matches("class=\"cite\"").count();
    assert!((1..=5).contains(&named), "{named} named: {row}");
    assert!(row.contains(" more"), "the others are counted: {row}");
    let decides: Vec<&str> = html
        .split("decides ")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap())
        .collect();
    assert!(!decides.is_empty(), "the page asks decisive questions");
    for line in decides {
        // A citation may hold a comma inside its brackets: "CMRA 1929 (Punjab, 2015 text) s.4".
        let mut depth = 0;
        let outside: String = (line.chars())
            .filter(|c| {
                depth += i32::from(*c == '(') - i32::from(*c == ')');
                depth == 0 && *c != ')'
            })
            .collect();
        assert!(outside.matches(", ").count() <= 4, "{line}");
        assert!(line.ends_with(" more"), "{line}");
    }
}
