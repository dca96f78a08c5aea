//! The web app end to end (issue 18): `tests/e2e/app.test.mjs` drives headless Chromium through
//! the case form, the report, the law browser, the overlap explorer and the amendment workbench
//! against the real `tipnav serve`. Screenshots go to `target/test-artifacts/`. Without node,
//! its packages or Chromium the test says so and passes, except under CI (`CI=true`), where
//! `.ci/run` installs them and a missing one is a failure.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::support::root;

/// Stops the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What is missing to run the browser test, if anything.
fn missing(e2e: &Path) -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    if Command::new("node").arg("--version").output().is_err() {
        Some("node is not installed".to_owned())
    } else if !e2e.join("node_modules/playwright-core").is_dir() {
        Some("playwright-core is not installed (run `npm ci` in tests/e2e)".to_owned())
    } else if !Path::new(&chromium).exists() {
        Some(format!("Chromium is not at {chromium}"))
    } else {
        None
    }
}

#[test]
fn the_web_app_works_in_a_browser() {
    let root = root();
    let e2e = root.join("tests/e2e");
    if let Some(reason) = missing(&e2e) {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must run the browser test, but {reason}"
        );
        eprintln!("skipped the browser test: {reason}");
        return;
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("tipnav serve starts");
    let stdout = child.stdout.take().expect("piped");
    let server = Server(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .trim()
        .strip_prefix("tipnav serving on ")
        .unwrap_or_else(|| panic!("the server announces its address, not {line:?}"));
    let artifacts = root.join("target/test-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    // The Larkana handout, for the 360 px check of its charge sheet (issue 16).
    let handout = artifacts.join("handout-larkana.html");
    let page = Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args([
            "eval",
            "--format",
            "html",
            "examples/larkana-girl-sold.toml",
        ])
        .current_dir(&root)
        .output()
        .expect("tipnav eval runs");
    assert!(page.status.success());
    std::fs::write(&handout, &page.stdout).unwrap();
    // A case that gives only a date and a province: most of the law may apply to it.
    let sparse_case = artifacts.join("sparse.toml");
    std::fs::write(
        &sparse_case,
        "[case]\ndate = 2024-05-01\nprovince = \"punjab\"\n",
    )
    .unwrap();
    let sparse = Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args(["eval", "--format", "html"])
        .arg(&sparse_case)
        .output()
        .expect("tipnav eval runs");
    assert!(sparse.status.success());
    let sparse_handout = artifacts.join("handout-sparse.html");
    std::fs::write(&sparse_handout, &sparse.stdout).unwrap();
    let output = Command::new("node")
        .arg("app.test.mjs")
        .current_dir(&e2e)
        .env("TIPNAV_URL", url)
        .env("TIPNAV_ARTIFACTS", &artifacts)
        .env("TIPNAV_HANDOUT", &handout)
        .env("TIPNAV_SPARSE_HANDOUT", &sparse_handout)
        .env(
            "TIPNAV_OVERLAY",
            root.join("rules/amendments/one-forum.rules"),
        )
        .output()
        .expect("node runs");
    drop(server);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the browser test failed (screenshots in {}):\n{stdout}\n{stderr}",
        artifacts.display()
    );
}
