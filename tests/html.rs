//! `--format html`: the page is self-contained and escapes the case's text, and a real browser
//! (headless Chromium) renders it with the key facts; screenshots and a PDF are kept in
//! `target/test-artifacts/` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{root, tipnav};

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
        assert!(sheet.contains("<table class=\"charges\">"), "{name}");
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

/// Issue 17: the Urdu page in Chromium with the Nastaliq font installed (a screenshot is kept
/// as `target/test-artifacts/eval-larkana-ur.png`); its headings and table headers carry no
/// English word outside the citations and ids (`<bdi>`, `<code>`). Reasons and notes written
/// in the rule files are not translated yet, so the check covers the page's frame only.
#[test]
fn urdu_page_renders_in_chromium() {
    let Some(chromium) = chromium() else { return };
    let html = page(&["--lang", "ur", "eval", "--format", "html", LARKANA]);
    let rendered = render(&chromium, "eval-larkana-ur", &html);
    assert!(rendered.contains("چارج شیٹ"), "{rendered}");
    assert!(rendered.contains("PPC s.371-A"), "{rendered}");
    // Every heading, table header and label of the page; citations and ids sit in <bdi> or
    // <code>. Allowed: the program's name and the digest's algorithm, which are names, not
    // English. The law's notes and the statute data's remarks in the cards are not all
    // translated yet (issue 17), so running text is not checked here.
    const NAMES: [&str; 2] = ["tipnav", "sha256"];
    for tag in ["h2", "h3", "h4", "th", "dt"] {
        for cell in elements(&html, tag) {
            let outside = without(&without(&cell, "bdi"), "code");
            let words = text_of(&outside);
            let latin: Vec<&str> = words
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| w.len() > 1 && w.chars().any(|c| c.is_ascii_alphabetic()))
                .filter(|w| !NAMES.contains(w))
                .collect();
            assert!(latin.is_empty(), "English in <{tag}> {cell}: {latin:?}");
        }
    }
}

/// The inner HTML of every `<tag ...>` element (not nested in itself).
fn elements(html: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(end) = after.find(&close) else { break };
        found.push(after[..end].to_owned());
        rest = &after[end + close.len()..];
    }
    found
}

/// HTML with every `<tag>...</tag>` element removed.
fn without(html: &str, tag: &str) -> String {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        out.push_str(&rest[..start]);
        match rest[start..].find(&close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
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
    let as_html = |sections: &serde_json::Value, separator: &str| {
        sections
            .as_array()
            .unwrap()
            .iter()
            .map(|s| format!("<code>{}</code>", s.as_str().unwrap()))
            .collect::<Vec<_>>()
            .join(separator)
    };
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
    text_of(&dom)
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
