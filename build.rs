//! Embeds the shipped law (`statutes/*.toml`, `rules/*.rules`) in the binary, so `tipnav eval`
//! works from any folder. Generates `$OUT_DIR/law.rs` with one `include_str!` per file.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::new();
    for (constant, folder, extension) in [
        ("STATUTES", "statutes", "toml"),
        ("RULES", "rules", "rules"),
        ("AMENDMENTS", "rules/amendments", "rules"),
    ] {
        println!("cargo::rerun-if-changed={folder}");
        let dir = Path::new(&root).join(folder);
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
            .map(|entry| entry.expect("readable directory entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == extension))
            .collect();
        files.sort();
        writeln!(
            code,
            "/// Shipped `{folder}/*.{extension}` files: (name, text)."
        )
        .unwrap();
        writeln!(code, "pub(crate) const {constant}: &[(&str, &str)] = &[").unwrap();
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy();
            writeln!(
                code,
                "    ({:?}, include_str!({:?})),",
                format!("{folder}/{name}"),
                path.display().to_string()
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("law.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
