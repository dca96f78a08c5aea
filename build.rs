//! Embeds the shipped law (`statutes/*.toml`, `rules/*.rules`) in the binary, so `tipnav eval`
//! works from any folder. Generates `$OUT_DIR/law.rs` with one `include_str!` per file, and
//! `$OUT_DIR/law.bin`: the shipped law already loaded, parsed and checked by the crate's own
//! front end (the modules included below), serialized with postcard. A run without `--law`
//! or `--amend` reads that instead of parsing the law again, which would otherwise dominate a
//! single `tipnav eval`. If the shipped law does not check, `law.bin` is left empty and the
//! binary parses the law at run time, where the diagnostics can be shown.

// The front end's modules, compiled into this script as they are into the crate. Items the
// script does not use are expected, and lints that spare the crate's public API (court ids
// such as `Court::SpecialCourt`) would fire here, where nothing is public.
#![allow(dead_code, unreachable_pub, unused_imports, clippy::enum_variant_names)]

#[path = "src/check/mod.rs"]
mod check;
#[path = "src/compile.rs"]
mod compile;
#[path = "src/diagnostic.rs"]
mod diagnostic;
#[path = "src/model.rs"]
mod model;
#[path = "src/overlay.rs"]
mod overlay;
#[path = "src/source.rs"]
mod source;
#[path = "src/statute/mod.rs"]
mod statute;
#[path = "src/syntax/mod.rs"]
mod syntax;

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::new();
    let mut law = compile::LawFiles {
        statutes: Vec::new(),
        rules: Vec::new(),
    };
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
            let text = fs::read_to_string(&path).expect("law files are UTF-8 text");
            let file = source::SourceFile::new(format!("{folder}/{name}"), text);
            match constant {
                "STATUTES" => law.statutes.push(file),
                "RULES" => law.rules.push(file),
                _ => {}
            }
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
    embed_examples(&root, &mut code);
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    fs::write(out.join("law.rs"), code).expect("OUT_DIR is writable");
    let compiled = match compile::build_program(&law, &[]) {
        Ok(program) => postcard::to_allocvec(&program).expect("the program serializes"),
        Err(_) => Vec::new(),
    };
    fs::write(out.join("law.bin"), compiled).expect("OUT_DIR is writable");
}

/// The shipped case files (`examples/*.toml` and the scenario bank under `examples/scenarios/`),
/// for the web app's "open an example" and the workbench's diff over the bank.
fn embed_examples(root: &str, code: &mut String) {
    println!("cargo::rerun-if-changed=examples");
    println!("cargo::rerun-if-changed=examples/scenarios");
    writeln!(
        code,
        "/// Shipped `examples/**/*.toml` files: (name, text)."
    )
    .unwrap();
    writeln!(code, "pub(crate) const EXAMPLES: &[(&str, &str)] = &[").unwrap();
    for folder in ["examples", "examples/scenarios"] {
        let dir = Path::new(root).join(folder);
        let Ok(entries) = fs::read_dir(&dir) else {
            // A package built without its examples still builds; the web app then has none.
            continue;
        };
        let mut files: Vec<_> = entries
            .map(|entry| entry.expect("readable directory entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
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
    }
    writeln!(code, "];").unwrap();
}
