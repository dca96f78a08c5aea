//! Issue 17, Urdu: every string a person reads has an Urdu version (the law's headings,
//! summaries, titles, questions and options, and every string the program translates), the
//! Urdu report (table, Markdown, JSON with English ids), the right-to-left HTML page, and
//! `--lang` / `TIPNAV_LANG`.

use tipnav::i18n;

use crate::support::{program, redact, root, tipnav, tipnav_with, without_isolation};

const LARKANA: &str = "examples/larkana-girl-sold.toml";

/// Every string of the shipped law a person reads (instrument titles, section headings and
/// summaries, version summaries, fact questions, option labels) has a current Urdu translation.
#[test]
fn every_string_of_the_shipped_law_has_urdu() {
    let program = program();
    let catalog = i18n::catalog("ur").unwrap_or_else(|f| panic!("{:?}", f.0));
    let strings = i18n::law::law_strings(&program);
    assert!(strings.len() > 500, "{} strings", strings.len());
    let missing: Vec<&str> = strings
        .iter()
        .filter(|s| catalog.law(&s.context, &s.english).is_none())
        .map(|s| s.context.as_str())
        .collect();
    assert!(missing.is_empty(), "no Urdu for: {missing:#?}");
    i18n::check::check(&program, true).unwrap_or_else(|f| panic!("{:?}", f.0));
}

/// The walk reaches every kind of law string an output prints, not only headings and
/// summaries: a kind dropped from it would leave its strings in English without `check`
/// noticing.
#[test]
fn the_walk_reaches_every_kind_of_law_string() {
    let strings = i18n::law::law_strings(&program());
    let kinds = [
        ("date ", " label"),
        ("section ", " cite_as"),
        ("section ", " note"),
        ("section ", " cognizance"),
        ("offence ", " cite"),
        ("offence ", " waiver cite"),
        ("protection ", " cite"),
        ("fact ", " derivation cite"),
        ("overlap ", " cite"),
        ("precedence ", " cite"),
        ("note ", " text"),
        ("indicator ", " cite"),
    ];
    for (start, end) in kinds {
        assert!(
            strings
                .iter()
                .any(|s| s.context.starts_with(start) && s.context.ends_with(end)),
            "no law string `{start}... {end}`"
        );
    }
}

/// Words that make a run of Latin-script words English prose rather than a name or a
/// citation (`Act IX of 2025`, `Capital of the Federation`).
const FUNCTION_WORDS: [&str; 27] = [
    "the", "is", "a", "an", "of", "and", "to", "for", "not", "by", "with", "or", "be", "was",
    "are", "in", "on", "that", "it", "this", "as", "from", "at", "which", "no", "any", "but",
];

/// The English prose in a text: runs of four or more Latin-script words with at least two
/// function words and a lowercase word that is not one (a title such as `Prevention of
/// Trafficking in Persons Rules` is a name). Addresses and quotations of the official text
/// (in quotes) are left out: they stay as written.
fn english_prose(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let unquoted = without_quotes_and_addresses(text);
    let words = unquoted.split_whitespace().chain(std::iter::once("|"));
    for word in words {
        let latin = word.starts_with(|c: char| c.is_ascii_alphabetic())
            && word
                .chars()
                .all(|c| c.is_ascii_alphabetic() || "'-".contains(c));
        if latin {
            run.push(word);
            continue;
        }
        let function = run
            .iter()
            .filter(|w| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
            .count();
        let lowercase = run.iter().any(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
        });
        if run.len() >= 4 && function >= 2 && lowercase {
            found.push(run.join(" "));
        }
        run.clear();
    }
    found
}

/// The text with `'...'` and `"..."` quotations and web addresses blanked out.
fn without_quotes_and_addresses(text: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    for word in text.split_inclusive(char::is_whitespace) {
        if quote.is_none() && word.starts_with("http") {
            out.push(' ');
            continue;
        }
        for c in word.chars() {
            match quote {
                Some(open) if c == open => quote = None,
                Some(_) => {}
                None if c == '"' || (c == '\'' && !out.ends_with(char::is_alphanumeric)) => {
                    quote = Some(c);
                }
                None => out.push(c),
            }
        }
        if quote.is_some() {
            out.push(' ');
        }
    }
    out
}

#[test]
fn english_prose_is_found_and_names_and_citations_are_not() {
    assert_eq!(
        english_prose("عدالت: the court may add a fine, PTPA 2018 s.3(1)"),
        ["the court may add a"]
    );
    for quiet in [
        "Act IX of 2025 سے PTPA s.3(3)(c)",
        "Vagrancy (Capital of the Federation) Act 1950 نافذ",
        "'The human trafficking shall be punishable as under' سے",
        "دیکھیں https://example.org/is-the-law-in-force-for-a-while",
        "Prevention of Trafficking in Persons Rules 2020 میں",
    ] {
        assert_eq!(english_prose(quiet), Vec::<String>::new(), "{quiet}");
    }
}

/// No Urdu law string is English prose left untranslated: citations, names and quotations of
/// the official text stay in English, the words around them are Urdu.
#[test]
fn no_urdu_law_string_is_english_prose() {
    let program = program();
    let catalog = i18n::catalog("ur").unwrap_or_else(|f| panic!("{:?}", f.0));
    let english: Vec<(String, Vec<String>)> = i18n::law::law_strings(&program)
        .into_iter()
        .filter_map(|s| {
            let urdu = catalog.law(&s.context, &s.english)?;
            let prose = english_prose(urdu);
            (!prose.is_empty()).then_some((s.context, prose))
        })
        .collect();
    assert!(english.is_empty(), "English prose in Urdu: {english:#?}");
}

/// `show --lang ur` of a section with version notes prints each note, cognizance text,
/// element and clause citation in Urdu, and no English prose at all.
#[test]
fn show_in_urdu_prints_the_law_in_urdu() {
    let program = program();
    let catalog = i18n::catalog("ur").unwrap_or_else(|f| panic!("{:?}", f.0));
    let run = tipnav_with(
        &["show", "ptpa-2018/3", "--no-pager"],
        &[("COLUMNS", "400"), ("TIPNAV_LANG", "ur")],
    );
    assert_eq!(run.status, 0, "{}", run.render());
    let notes: Vec<i18n::law::LawString> = i18n::law::law_strings(&program)
        .into_iter()
        .filter(|s| {
            s.context.starts_with("section ptpa-2018/3 version ") && s.context.ends_with(" note")
        })
        .collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    let text = crate::support::unwrapped(&run.stdout);
    for note in notes {
        let urdu = catalog.law(&note.context, &note.english).unwrap();
        assert!(
            text.contains(urdu),
            "{} not in Urdu:\n{}",
            note.context,
            run.stdout
        );
        assert!(!text.contains(&note.english), "{} in English", note.context);
    }
    assert_eq!(
        english_prose(&run.stdout),
        Vec::<String>::new(),
        "{}",
        run.stdout
    );
}

/// The strings the program passes to `tr` or `trf`, read from its source as xgettext would:
/// the first string literal of each call; and both forms a `trn` call counts with.
fn program_strings() -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(root().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            found.extend(literals_after(&text, "tr("));
            found.extend(literals_after(&text, "trf("));
            found.extend(plural_forms(&text));
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The string literals that open a call to `call` (`tr(` but not `str(`).
fn literals_after(text: &str, call: &str) -> Vec<String> {
    calls(text, call)
        .filter_map(|rest| literal(rest.trim_start()))
        .map(|(literal, _)| literal)
        .collect()
}

/// The singular and plural of each `trn(count, "one", "other", ...)` call.
fn plural_forms(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for rest in calls(text, "trn(") {
        // The count comes first (a name or a field, no comma in it), then the two forms.
        let forms = rest.split_once(',').map(|(_, forms)| forms.trim_start());
        let Some((one, rest)) = forms.and_then(literal) else {
            continue;
        };
        let other = rest.trim_start().strip_prefix(',').map(str::trim_start);
        found.push(one);
        found.extend(other.and_then(literal).map(|(other, _)| other));
    }
    found
}

/// The text after each call to `call` (`tr(` but not `str(`).
fn calls<'t>(text: &'t str, call: &'t str) -> impl Iterator<Item = &'t str> {
    text.match_indices(call).filter_map(move |(at, _)| {
        let before = text[..at].chars().next_back();
        let inside_a_name = before.is_some_and(|c| c.is_alphanumeric() || c == '_');
        (!inside_a_name).then(|| &text[at + call.len()..])
    })
}

/// The string literal `text` opens with, unescaped, and the text after it.
fn literal(text: &str) -> Option<(String, &str)> {
    let rest = text.strip_prefix('"')?;
    let mut literal = String::new();
    let mut chars = rest.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some((literal, &rest[at + 1..])),
            '\\' => literal.push(match chars.next() {
                Some((_, 'n')) => '\n',
                Some((_, other)) => other,
                None => break,
            }),
            c => literal.push(c),
        }
    }
    Some((literal, ""))
}

/// Ids the program shows as words through `tr` (statuses, roles, verification labels), and
/// the notice of an unofficial translation.
fn words_for_ids() -> Vec<String> {
    let mut words: Vec<String> = [
        "applies",
        "may_apply",
        "does_not_apply",
        "lead",
        "supporting",
        "possible",
        "official-text",
        "secondary",
        "unverified",
    ]
    .map(str::to_owned)
    .to_vec();
    words.push(i18n::UNOFFICIAL.to_owned());
    words
}

/// Every program string has Urdu, and program.po has no entry the program no longer uses.
#[test]
fn every_program_string_has_urdu() {
    let catalog = i18n::catalog("ur").unwrap_or_else(|f| panic!("{:?}", f.0));
    let mut wanted = program_strings();
    assert!(wanted.len() > 100, "{} strings found in src", wanted.len());
    wanted.extend(words_for_ids());
    wanted.extend(tipnav::serve::page_strings().into_iter().map(str::to_owned));
    let missing: Vec<&String> = wanted
        .iter()
        .filter(|s| catalog.program(s).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "no Urdu in program.po for: {missing:#?}"
    );
    let text = std::fs::read_to_string(root().join("locales/ur/program.po")).unwrap();
    let unused: Vec<String> = i18n::po::parse(&text)
        .unwrap()
        .into_iter()
        .filter(|e| e.context.is_none() && !wanted.contains(&e.english))
        .map(|e| e.english)
        .collect();
    assert!(
        unused.is_empty(),
        "program.po entries nothing uses: {unused:#?}"
    );
}

#[test]
fn the_urdu_report_at_a_terminal() {
    let run = tipnav_with(
        &["eval", LARKANA],
        &[("COLUMNS", "100"), ("TIPNAV_LANG", "ur")],
    );
    assert_eq!(run.status, 0, "{}", run.render());
    assert!(run.stdout.contains(i18n_text("Charge sheet")));
    insta::assert_snapshot!("urdu_report_table", redact(&run.stdout));
}

#[test]
fn the_urdu_report_in_markdown() {
    let run = tipnav(&["--lang", "ur", "eval", "--format", "markdown", LARKANA]);
    assert_eq!(run.status, 0, "{}", run.render());
    let sheet_end = run
        .stdout
        .find("## لاگو ہونے والی دفعات")
        .expect("sections heading");
    insta::assert_snapshot!(
        "urdu_report_markdown_charge_sheet",
        redact(&run.stdout[..sheet_end])
    );
}

/// JSON keeps its ids, statuses and citations in English and carries Urdu in its text fields.
#[test]
fn the_urdu_report_in_json_keeps_english_ids() {
    let run = tipnav(&["eval", "--format", "json", "--lang", "ur", LARKANA]);
    assert_eq!(run.status, 0, "{}", run.render());
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let sheet = &json["charge_sheet"];
    let first = &json["sections"][0];
    assert_eq!(first["status"], "applies");
    assert!(first["id"].as_str().unwrap().contains('/'));
    let view = serde_json::json!({
        "charges": sheet["charges"],
        "trial": sheet["trial"],
        "lead_agency": sheet["lead_agency"],
        "first_section": {"id": first["id"], "citation": first["citation"], "status": first["status"], "heading": first["heading"], "summary": first["summary"]},
    });
    insta::assert_json_snapshot!("urdu_report_json", view);
}

/// `diff` in Urdu names the change kinds, courts and overlap kinds in Urdu, counts one case
/// in the singular, and keeps the citations as the official text has them.
#[test]
fn the_urdu_diff_is_in_words() {
    let run = crate::amend::one_forum_diff("markdown", &[("TIPNAV_LANG", "ur")]);
    // Markdown, so that no table cell breaks a term across lines.
    let text = &run.stdout;
    let one = i18n_text("{cases} case compared: {changed} changed, {unchanged} unchanged.");
    let counted = one
        .replace("{cases}", "1")
        .replace("{changed}", "1")
        .replace("{unchanged}", "0");
    assert!(text.contains(&counted), "{text}");
    for english in [
        "Overlap removed",
        "Court of Session",
        "Special Court",
        "forum_conflict",
    ] {
        assert!(
            text.contains(i18n_text(english)),
            "no Urdu `{english}` in:\n{text}"
        );
    }
    assert!(text.contains("PPC s.374"), "{text}");
    // The overlay's own title stays English ("One forum (Court of Session) ..."): it is data.
    for english in [
        "Overlap removed",
        "Special Court",
        "court_of_session",
        "ppc/374",
    ] {
        assert!(!text.contains(english), "`{english}` in:\n{text}");
    }
}

/// The English text of a program string in this test's build (the catalog's Urdu).
fn i18n_text(english: &str) -> &'static str {
    let catalog = Box::leak(Box::new(
        i18n::catalog("ur").unwrap_or_else(|f| panic!("{:?}", f.0)),
    ));
    catalog.program(english).expect("translated")
}

#[test]
fn the_urdu_page_is_right_to_left_with_a_nastaliq_font() {
    let run = tipnav(&["--lang", "ur", "eval", "--format", "html", LARKANA]);
    assert_eq!(run.status, 0, "{}", run.render());
    let html = &run.stdout;
    assert!(html.contains("<html lang=\"ur\" dir=\"rtl\">"), "{html}");
    assert!(
        html.contains("font-family: \"Noto Nastaliq Urdu\""),
        "{html}"
    );
    assert!(
        html.contains("<bdi dir=\"ltr\">PPC s.371-A</bdi>"),
        "{html}"
    );
    assert!(without_isolation(html).contains(i18n_text(i18n::UNOFFICIAL)));
    let english = tipnav(&["eval", "--format", "html", LARKANA]).stdout;
    assert!(english.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(!english.contains("Nastaliq"));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let run = tipnav(&["--lang", "xx", "list"]);
    assert_eq!(run.status, 2, "{}", run.render());
    assert!(
        run.stderr.contains("known languages: en, ur"),
        "{}",
        run.render()
    );
    let run = tipnav_with(&["list"], &[("TIPNAV_LANG", "xx")]);
    assert_eq!(run.status, 2, "{}", run.render());
}

/// The glossary names a source for every term or says it is unverified, and each Urdu term is
/// one the translations use.
#[test]
fn the_glossary_is_sourced_and_used() {
    let text = std::fs::read_to_string(root().join("locales/ur/glossary.toml")).unwrap();
    let glossary: toml::Table = toml::from_str(&text).unwrap();
    let terms = glossary["term"].as_array().unwrap();
    let po: String = ["law", "facts", "program"]
        .iter()
        .map(|a| std::fs::read_to_string(root().join(format!("locales/ur/{a}.po"))).unwrap())
        .collect();
    for term in terms {
        let (source, status) = (
            term["source"].as_str().unwrap(),
            term["status"].as_str().unwrap(),
        );
        match status {
            "unverified" => assert_eq!(source, "unverified", "{term}"),
            "secondary" => assert!(source.starts_with("http"), "{term}"),
            other => panic!("unknown status `{other}` in {term}"),
        }
        let urdu = term["urdu"].as_str().unwrap();
        let first = urdu
            .split(" / ")
            .next()
            .unwrap()
            .split(" (")
            .next()
            .unwrap();
        assert!(
            po.contains(first),
            "`{first}` is in the glossary but no translation uses it"
        );
    }
}

/// The explanation in Urdu: headings, the law used, element names, the rule files' reasons and
/// notes; section ids, fact names and citations as they are.
#[test]
fn the_urdu_explanation() {
    let run = tipnav_with(
        &["explain", LARKANA, "ptpa-2018/3", "--flip", "ptpa-2018/3"],
        &[("COLUMNS", "100"), ("TIPNAV_LANG", "ur")],
    );
    assert_eq!(run.status, 0, "{}", run.render());
    assert!(run.stdout.contains(i18n_text("Jurisdiction")));
    assert!(run.stdout.contains("ptpa-2018/3"));
    insta::assert_snapshot!("urdu_explanation", redact(&run.stdout));
}

/// A case file's diagnostics in Urdu keep their codes, spans and file positions; only the
/// words change.
#[test]
fn case_file_diagnostics_in_urdu() {
    let file = "tests/fixtures/cases/err/several_errors.toml";
    let urdu = tipnav(&["--lang", "ur", "eval", file]);
    let english = tipnav(&["eval", file]);
    assert_eq!((urdu.status, english.status), (2, 2), "{}", urdu.render());
    let shape = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.contains("::") || l.contains(&format!("[{file}:")))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(shape(&urdu.stderr), shape(&english.stderr));
    assert_ne!(urdu.stderr, english.stderr);
    assert!(urdu.stderr.contains("مسائل ملے"), "{}", urdu.render());
    insta::assert_snapshot!("urdu_case_file_diagnostics", urdu.stderr);
}

/// Issue 17 part B: `show` in Urdu: headings, table header, kinds, statuses, periods and the
/// navigator's sentences; ids, citations, dates and sources as they are. (The statute notes
/// and element citations are law strings, translated in law.po.)
#[test]
fn the_urdu_show() {
    let run = tipnav_with(
        &["show", "ptpa-2018/3", "--date", "2015-01-01"],
        &[("COLUMNS", "100"), ("TIPNAV_LANG", "ur")],
    );
    assert_eq!(run.status, 0, "{}", run.render());
    assert!(run.stdout.contains(i18n_text("Versions")), "{}", run.stdout);
    assert!(run.stdout.contains("ptpa-2018/3"));
    insta::assert_snapshot!("urdu_show", redact(&run.stdout));
}

/// Issue 17 part B: `overlaps` in Urdu Markdown, on the small test law (the shipped law's
/// analysis takes seconds): headings, sentences, table headers, overlap kinds and yes/no.
#[test]
fn the_urdu_overlaps_in_markdown() {
    let run = tipnav(&[
        "--lang",
        "ur",
        "overlaps",
        "--law",
        "tests/fixtures/analysis/law",
        "--format",
        "markdown",
    ]);
    assert_eq!(run.status, 0, "{}", run.render());
    assert!(run.stdout.contains(i18n_text("forum_conflict")));
    insta::assert_snapshot!("urdu_overlaps_markdown", redact(&run.stdout));
}

/// Issue 17 part B: an unknown fact with its "did you mean" and a value of the wrong type,
/// in Urdu: the type descriptions and suggestions are program strings too.
#[test]
fn misspelt_fact_and_wrong_type_in_urdu() {
    let run = tipnav(&[
        "--lang",
        "ur",
        "eval",
        "tests/fixtures/cases/urdu/misspelt_fact_and_wrong_type.toml",
    ]);
    assert_eq!(run.status, 2, "{}", run.render());
    assert!(run.stderr.contains("facts::unknown_fact"));
    assert!(run.stderr.contains("facts::wrong_type"));
    assert!(run.stderr.contains("`victim.age`"), "{}", run.stderr);
    insta::assert_snapshot!("urdu_misspelt_fact_and_wrong_type", run.stderr);
}

/// The notes on how the answer was reached are written when the report is rendered, so they
/// are in the reader's language: no date (today's law used), a date known only as a month, a
/// date inside an amendment's unknown window, and a closed list's warning, each in Urdu.
#[test]
fn the_notes_on_the_date_and_the_closed_lists_are_in_urdu() {
    let dir = std::env::temp_dir().join(format!("tipnav-urdu-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let undated = dir.join("undated.toml");
    let larkana = std::fs::read_to_string(root().join(LARKANA)).unwrap();
    let without_date: String = (larkana.lines())
        .filter(|line| !line.starts_with("date ="))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&undated, without_date).unwrap();
    let cases = [
        (undated.to_str().unwrap(), "case.date"),
        (
            "examples/scenarios/input-partial-date-month-of-ptpa.toml",
            "case.date",
        ),
        (
            "examples/scenarios/child-punjab-begging-ring-2026.toml",
            "2026-06",
        ),
        (LARKANA, "conduct.purposes"),
    ];
    for (path, shown) in cases {
        let run = tipnav(&["eval", "--format", "json", "--lang", "ur", path]);
        assert_eq!(run.status, 0, "{}", run.render());
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let notes: Vec<&str> = (json["notes"].as_array().unwrap().iter())
            .map(|n| n.as_str().unwrap())
            .collect();
        assert!(
            notes.iter().any(|n| n.contains(shown)),
            "{path}: {notes:#?}"
        );
        for note in notes {
            assert!(english_prose(note).is_empty(), "{path}: English in {note}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
