//! No input crashes tipnav: seeded random byte mutations of every shipped file go through the
//! loaders without a panic, and input of absurd size or nesting depth gets a diagnostic (exit
//! code 2), not an exhausted memory or an overflowed stack. The cargo-fuzz targets in `fuzz/`
//! explore the same loaders for longer (see the README).

use std::fmt::Write as _;
use std::fs;

use tipnav::facts::{self, Format};
use tipnav::output::report::{DiagnosticStyle, render_diagnostics};
use tipnav::source::SourceFile;
use tipnav::{check, law, statute, syntax};

use crate::support::{files, program, root, tipnav};

/// A tiny xorshift generator: the same mutations on every run and every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).expect("below a usize")
    }
}

/// Bytes that matter to the grammars: brackets, quotes, separators, digits, a multi-byte
/// character and a newline.
const INTERESTING: &[u8] = b"()[]{}\"'=.,:#-_\\\n 09aZ\xc3\xa9";

/// One to four edits: overwrite, insert, delete or repeat a slice.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        let byte = if rng.below(2) == 0 {
            INTERESTING[rng.below(INTERESTING.len())]
        } else {
            u8::try_from(rng.below(256)).expect("a byte")
        };
        match rng.below(4) {
            0 if at < bytes.len() => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            2 if at < bytes.len() => {
                let end = (at + rng.below(16)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                let end = (at + rng.below(64)).min(bytes.len());
                let slice = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, slice);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Renders diagnostics the way the binary does: spans from odd input still point inside it.
fn render<E: miette::Diagnostic + Send + Sync + 'static>(
    errors: impl IntoIterator<Item = E>,
    file: &SourceFile,
) {
    let reports: Vec<miette::Report> = errors
        .into_iter()
        .map(|e| miette::Report::new(e).with_source_code(file.named_source()))
        .collect();
    let style = DiagnosticStyle {
        color: false,
        json: false,
        width: 80,
    };
    let _ = render_diagnostics(&reports, style);
}

/// A case in TOML as the same case in JSON (dates become strings).
fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => f.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(to_json).collect(),
        toml::Value::Table(table) => table.into_iter().map(|(k, v)| (k, to_json(v))).collect(),
    }
}

const MUTATIONS_PER_FILE: usize = 40;

#[test]
fn random_mutations_of_shipped_files_never_panic() {
    let program = program();
    let embedded = law::embedded();
    let book = statute::load(&embedded.statutes).expect("the statutes load");
    let mut rng = Rng(0x5eed_7197_a5c0_ffee);
    let amendments = law::shipped_amendments()
        .into_iter()
        .filter_map(law::shipped_amendment);
    for file in embedded.rules.iter().cloned().chain(amendments) {
        for _ in 0..MUTATIONS_PER_FILE {
            let mutant = SourceFile::new(file.name.clone(), mutate(&file.text, &mut rng));
            match syntax::parse(&mutant.text) {
                Ok(rules) => {
                    if let Err(errors) = check::check(&[(0, &rules)], book.clone()) {
                        render(errors.into_iter().map(|(_, e)| e), &mutant);
                    }
                }
                Err(error) => render([error], &mutant),
            }
        }
    }
    for file in &embedded.statutes {
        for _ in 0..MUTATIONS_PER_FILE {
            let mutant = SourceFile::new(file.name.clone(), mutate(&file.text, &mut rng));
            if let Err(errors) = statute::load(std::slice::from_ref(&mutant)) {
                render(errors.into_iter().map(|(_, e)| e), &mutant);
            }
        }
    }
    let mut cases = files("examples", "toml");
    cases.extend(files("examples/scenarios", "toml"));
    for path in cases {
        let text = fs::read_to_string(root().join(&path)).expect("readable");
        let table: toml::Table = toml::from_str(&text).expect("valid TOML");
        let json = serde_json::to_string_pretty(&to_json(toml::Value::Table(table))).expect("JSON");
        for (text, format) in [(text, Format::Toml), (json, Format::Json)] {
            for _ in 0..MUTATIONS_PER_FILE {
                let mutant = SourceFile::new(path.clone(), mutate(&text, &mut rng));
                if let Err(errors) = facts::load(&mutant.text, format, &program) {
                    render(errors, &mutant);
                }
            }
        }
    }
}

/// Writes `text` to a fresh file named `name` and runs `tipnav ARGS... FILE`.
fn run_on(name: &str, text: &str, args: &[&str]) -> (crate::support::Run, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    fs::write(&path, text).expect("written");
    let path = path.display().to_string();
    let mut args = args.to_vec();
    args.push(&path);
    (tipnav(&args), dir)
}

/// Asserts a clean refusal: exit code 2, nothing on stdout, the expected words on stderr.
fn assert_refused(run: &crate::support::Run, words: &str) {
    assert_eq!(run.status, 2, "{}", run.render());
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains(words), "{}", run.render());
}

fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
    let mut text = open.repeat(depth);
    text.push_str(middle);
    text.push_str(&close.repeat(depth));
    text
}

#[test]
fn a_200_mb_case_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("huge.toml");
    let file = fs::File::create(&path).expect("created");
    // Sparse: 200 MB long, no disk used.
    file.set_len(200 << 20).expect("resized");
    let run = tipnav(&["eval", &path.display().to_string()]);
    assert_refused(&run, "is larger than 4 MiB, the most tipnav reads");
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_case_file_is_refused() {
    let run = tipnav(&["eval", "/dev/zero"]);
    assert_refused(
        &run,
        "cannot read `/dev/zero`: the file is larger than 4 MiB",
    );
}

#[test]
fn a_huge_rule_file_is_refused() {
    let text = "# padding\n".repeat(500_000);
    let (run, _dir) = run_on("huge.rules", &text, &["check", "--amend"]);
    assert_refused(&run, "is larger than 4 MiB");
}

#[test]
fn a_toml_case_nested_100_000_deep_is_a_diagnostic() {
    for text in [
        nested("victim = ", &nested("[", "1", "]", 100_000), "", 1),
        nested("victim = ", &nested("{ a = ", "1", " }", 100_000), "", 1),
        format!("{} = 1\n", vec!["a"; 100_000].join(".")),
        format!("[{}]\n", vec!["a"; 100_000].join(".")),
    ] {
        let (run, _dir) = run_on("deep.toml", &text, &["eval"]);
        assert_refused(&run, "recurs");
    }
}

#[test]
fn a_json_case_nested_100_000_deep_is_a_diagnostic() {
    for text in [
        nested("[", "1", "]", 100_000),
        nested("{\"a\": ", "1", "}", 100_000),
    ] {
        let (run, _dir) = run_on("deep.json", &text, &["eval"]);
        assert_refused(&run, "Maximum nesting depth exceeded");
    }
}

#[test]
fn rule_expressions_nested_100_000_deep_are_a_diagnostic() {
    let derive = |expr: &str| format!("derive victim.deep = {expr} cite \"test\"\n");
    let parens = derive(&nested("(", "victim.child", ")", 100_000));
    let (run, _dir) = run_on("deep.rules", &parens, &["check", "--amend"]);
    assert_refused(&run, "parentheses nested more than 64 deep");
    let nots = derive(&format!("{}victim.child", "not ".repeat(100_000)));
    let (run, _dir) = run_on("deep.rules", &nots, &["check", "--amend"]);
    assert_refused(&run, "expression has more than 256 operators");
    let chain = derive(&vec!["victim.child"; 100_000].join(" or "));
    let (run, _dir) = run_on("deep.rules", &chain, &["check", "--amend"]);
    assert_refused(&run, "expression has more than 256 operators");
}

#[test]
fn a_rule_expression_at_the_limits_checks() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for folder in ["statutes", "rules"] {
        fs::create_dir(dir.path().join(folder)).expect("created");
        for entry in fs::read_dir(root().join(folder)).expect("readable") {
            let path = entry.expect("an entry").path();
            if path.is_file() {
                fs::copy(
                    &path,
                    dir.path().join(folder).join(path.file_name().unwrap()),
                )
                .expect("copied");
            }
        }
    }
    let mut text = String::new();
    let operators = syntax::MAX_OPERATORS;
    let not_chain = format!("{}victim.child", "not ".repeat(operators));
    let or_chain = vec!["victim.child"; operators / 2].join(" or ");
    let parens = nested("(", "victim.child", ")", syntax::MAX_NESTING);
    for (name, expr) in [("nots", not_chain), ("ors", or_chain), ("parens", parens)] {
        writeln!(text, "derive victim.deep_{name} = {expr} cite \"test\"").unwrap();
    }
    fs::write(dir.path().join("rules/deep.rules"), text).expect("written");
    let law = dir.path().display().to_string();
    let run = tipnav(&["check", "--law", &law]);
    assert_eq!(run.status, 0, "{}", run.render());
    let run = tipnav(&["eval", "--law", &law, "examples/larkana-girl-sold.toml"]);
    assert_eq!(run.status, 0, "{}", run.render());
}

/// Found by this test, not the fuzzer: miette pads to a label's column with a format width,
/// which panicked (exit 101) for a label past column 65535.
#[test]
fn a_label_past_column_65535_is_reported_not_a_crash() {
    let long = "x".repeat(3 << 20);
    let (run, _dir) = run_on("long.toml", &format!("{long} = 1\n"), &["eval"]);
    assert_refused(&run, "unknown fact");
    let (run, _dir) = run_on(
        "long.rules",
        &format!("fact victim.{long} : bool \"?\" oops"),
        &["check", "--amend"],
    );
    assert_refused(&run, "syntax::error");
}
