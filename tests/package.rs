//! The crate packages as a whole (issue 18, install without Rust's source tree): `cargo
//! package --list` names the build script, the lock file and every statute and rule file the
//! build script compiles into the binary, so `cargo install` from the package can build.

use std::process::Command;

use crate::support::{files, root};

#[test]
fn the_package_holds_everything_the_build_reads() {
    let output = Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(root())
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let listed = String::from_utf8_lossy(&output.stdout);
    let listed: Vec<&str> = listed.lines().collect();
    let mut needed = vec!["build.rs".to_owned(), "Cargo.lock".to_owned()];
    needed.extend(files("statutes", "toml"));
    needed.extend(files("rules", "rules"));
    needed.extend(files("rules/amendments", "rules"));
    needed.extend(files("locales/ur", "po"));
    // The web app's examples and the workbench's scenario bank are built in too.
    needed.extend(files("examples", "toml"));
    needed.extend(files("examples/scenarios", "toml"));
    for file in needed {
        assert!(
            listed.contains(&file.as_str()),
            "{file} is not in the package"
        );
    }
}
