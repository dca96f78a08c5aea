//! Embeds the shipped law (`statutes/*.toml`, `rules/*.rules`) in the binary, so `tipnav eval`
//! works from any folder. Generates `$OUT_DIR/law.rs` with one `include_str!` per file, and
//! `$OUT_DIR/law.bin`: the shipped law already loaded, parsed and checked by the crate's own
//! front end (the modules included below), serialized with postcard. A run without `--law`
//! or `--amend` reads that instead of parsing the law again, which would otherwise dominate a
//! single `tipnav eval`. If the shipped law does not check, `law.bin` is left empty and the
//! binary parses the law at run time, where the diagnostics can be shown.

// The front end's modules, compiled into this script as they are into the crate. Items the
// script does not use are expected, and lints that spare the crate's public API (court ids
// such as `Court::SpecialCourt`, a method that reads only its arguments) would fire here,
// where nothing is public.
#![allow(
    dead_code,
    unreachable_pub,
    unused_imports,
    clippy::enum_variant_names,
    clippy::unused_self
)]

#[path = "src/check/mod.rs"]
mod check;
#[path = "src/compile.rs"]
mod compile;
#[path = "src/diagnostic.rs"]
mod diagnostic;
#[path = "src/failure.rs"]
mod failure;
#[path = "src/ids.rs"]
mod ids;
#[path = "src/model/mod.rs"]
mod model;
#[path = "src/overlay.rs"]
mod overlay;
#[path = "src/source.rs"]
mod source;
#[path = "src/statute/mod.rs"]
mod statute;
#[path = "src/syntax/mod.rs"]
mod syntax;

/// The build script only compiles the law, in English: the front end's calls to translate a
/// word (`src/i18n`) return it as it is here.
mod i18n {
    pub(crate) fn tr(english: &'static str) -> &'static str {
        english
    }

    pub(crate) fn trf(template: &'static str, args: &[(&str, &str)]) -> String {
        let mut text = template.to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

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
        let files = sorted_files(&dir, extension)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()));
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
            embed_entry(&mut code, &format!("{folder}/{name}"), &path);
        }
        writeln!(code, "];").unwrap();
    }
    embed_examples(&root, &mut code);
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    fs::write(out.join("law.rs"), code).expect("OUT_DIR is writable");
    let mut locales = String::new();
    embed_locales(Path::new(&root), &mut locales);
    fs::write(out.join("locales.rs"), locales).expect("OUT_DIR is writable");
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
        // A package built without its examples still builds; the web app then has none.
        let Ok(files) = sorted_files(&Path::new(root).join(folder), "toml") else {
            continue;
        };
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy();
            embed_entry(code, &format!("{folder}/{name}"), &path);
        }
    }
    writeln!(code, "];").unwrap();
}

/// The files in `dir` whose names end in `.extension`, sorted so the build is reproducible.
fn sorted_files(dir: &Path, extension: &str) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = fs::read_dir(dir)?
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    Ok(files)
}

/// One `(name, text)` entry of an embedded file list.
fn embed_entry(code: &mut String, name: &str, path: &Path) {
    writeln!(
        code,
        "    ({name:?}, include_str!({:?})),",
        path.display().to_string()
    )
    .unwrap();
}

/// Writes `LOCALES` (`$OUT_DIR/locales.rs`, which `src/i18n` includes): every
/// `locales/LANG/AREA.po` as (language, area, text), so a new language is new files only.
fn embed_locales(root: &Path, code: &mut String) {
    println!("cargo::rerun-if-changed=locales");
    let mut files: Vec<_> = fs::read_dir(root.join("locales"))
        .into_iter()
        .flatten()
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.is_dir())
        .flat_map(|dir| fs::read_dir(dir).expect("readable locale folder"))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "po"))
        .collect();
    files.sort();
    writeln!(
        code,
        "/// Shipped `locales/LANG/AREA.po` files: (language, area, text)."
    )
    .unwrap();
    writeln!(code, "pub(crate) const LOCALES: &[(&str, &str, &str)] = &[").unwrap();
    for path in files {
        let area = path.file_stem().unwrap().to_string_lossy();
        let language = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy();
        writeln!(
            code,
            "    ({language:?}, {area:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
}
