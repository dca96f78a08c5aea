//! The README's first two commands are the quick start, and the example they use is shipped.

use crate::support::root;

#[test]
fn the_readme_starts_with_the_two_setup_commands() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block = readme
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let commands: Vec<&str> = block.lines().collect();
    assert_eq!(
        commands,
        [
            "cargo run --release -- eval examples/larkana-girl-sold.toml",
            "cargo test"
        ]
    );
    assert!(root().join("examples/larkana-girl-sold.toml").exists());
}

#[test]
fn the_readme_shows_the_first_examples_charge_sheet_as_tipnav_prints_it() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let shown = readme
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let run = crate::support::tipnav_with(
        &["eval", "examples/larkana-girl-sold.toml"],
        &[("COLUMNS", "100")],
    );
    let start = run.stdout.find("Charge sheet").unwrap();
    let end = run.stdout.find("Sections that apply").unwrap();
    assert_eq!(shown, format!("{}\n", run.stdout[start..end].trim_end()));
}
