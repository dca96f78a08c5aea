//! The shipped statutes and rules load, check, carry their sources, and survive every prefix
//! of every file without a panic.

use tipnav::law::embedded;
use tipnav::statute::{self, SectionKind};

use crate::support::{files, program, root};

#[test]
fn every_offence_version_carries_its_particulars_and_source() {
    let program = program();
    for section in program.book.sections.values() {
        for version in &section.versions {
            assert!(
                version.source.starts_with("http"),
                "{}: source is a URL",
                section.id
            );
            if section.kind == SectionKind::Offence {
                assert!(
                    version.offence.is_some(),
                    "{}: offence particulars",
                    section.id
                );
            }
        }
    }
}

#[test]
fn the_core_sections_are_encoded_in_both_texts() {
    let program = program();
    for id in [
        "ptpa-2018/3",
        "ptpa-2018/3-2",
        "ptpa-2018/4",
        "ptpa-2018/6",
        "ptpa-2018/9",
        "ptpa-2018/10",
    ] {
        let versions = &program.book.sections[id].versions;
        assert_eq!(versions.len(), 2, "{id}: 2018 text and Act IX of 2025");
        assert_eq!(versions[0].until.as_deref(), Some("act-ix-2025"));
    }
    for id in [
        "ptpa-2018/7",
        "ptpa-2018/8",
        "ppc/370",
        "ppc/371",
        "ppc/371-A",
        "ppc/371-B",
        "ppc/374",
        "blsaa-1992/11",
        "eo-1979/17-2",
    ] {
        assert!(program.book.sections.contains_key(id), "{id}");
    }
    for id in [
        "psma-2018/3",
        "psma-2018/4",
        "psma-2018/5",
        "psma-2018/6",
        "eo-1979/17-1",
        "eo-1979/18",
        "eo-1979/22",
    ] {
        assert_eq!(
            program.book.sections[id].versions.len(),
            2,
            "{id}: before and after the 2025 Acts"
        );
    }
    let window = &program.book.dates["act-ix-2025"];
    assert_eq!(window.bound.to_string(), "after 2025-02-17, by 2025-04-23");
    assert_eq!(window.verified.as_str(), "unverified");
}

#[test]
fn prefixes_of_shipped_files_never_panic() {
    let program = program();
    let law = embedded();
    // About 300 prefixes a file: every cut through every kind of construct, in seconds.
    let step = |text: &str| (text.len() / 300).max(1);
    for file in &law.rules {
        for end in (0..file.text.len())
            .step_by(step(&file.text))
            .filter(|&i| file.text.is_char_boundary(i))
        {
            let _ = tipnav::syntax::parse(&file.text[..end]);
        }
    }
    for file in &law.statutes {
        for end in (0..file.text.len())
            .step_by(step(&file.text))
            .filter(|&i| file.text.is_char_boundary(i))
        {
            let prefix = tipnav::source::SourceFile::new(file.name.clone(), &file.text[..end]);
            let _ = statute::load(&[prefix]);
        }
    }
    for path in files("examples", "toml") {
        let text = std::fs::read_to_string(root().join(path)).unwrap();
        for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let _ = tipnav::facts::load(&text[..end], tipnav::facts::Format::Toml, &program);
        }
    }
}

/// `build.rs` compiles the shipped law and the binary reads that; it must be exactly the law
/// the front end makes of the same files at run time.
#[test]
fn the_law_compiled_at_build_time_is_the_law_parsed_at_run_time() {
    let built = program();
    let parsed = match tipnav::pipeline::law::load_law(Some(&root()), &[]) {
        Ok((_, program)) => program,
        Err(failure) => panic!("the law folder checks: {:?}", failure.0),
    };
    assert_eq!(built.digest, parsed.digest);
    let parts = |p: &tipnav::model::Program| {
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            p.book,
            p.facts,
            p.derive_order,
            p.offences,
            p.overlaps,
            p.agency_precedence,
            p.court_precedence,
            p.protections,
            p.venues,
            p.joint,
            p.indicators
        )
    };
    assert!(parts(&built) == parts(&parsed), "the compiled law differs");
    let mut ids: Vec<_> = built.fact_ids.iter().collect();
    let mut again: Vec<_> = parsed.fact_ids.iter().collect();
    ids.sort();
    again.sort();
    assert_eq!(ids, again);
}
