//! Benchmark of the static analysis (`tipnav overlaps`, `tipnav gaps`): the whole shipped law,
//! and synthetic laws with 2, 5 and 10 times as many offences (copies of the shipped ones under
//! new ids), to show how the cost grows. Run with `cargo bench --bench analysis`.

use std::time::{Duration, Instant};

use tipnav::analysis::{Encoding, gaps, groups, overlaps};
use tipnav::command::load_law;
use tipnav::model::Program;

fn main() {
    let (_, program) = load_law(None, &[]).expect("the shipped law checks");
    let today: jiff::civil::Date = "2026-11-29".parse().unwrap();
    println!(
        "{:<10} {:>9} {:>12} {:>14} {:>10} {:>10} {:>10} {:>10}",
        "law", "offences", "encode", "overlaps", "pairs", "groups", "found", "gaps"
    );
    for factor in [1, 2, 5, 10] {
        let law = scaled(&program, factor);
        let (encoding, encode) = timed(|| Encoding::new(&law));
        let mut encoding = encoding;
        let (found, overlap_time) = timed(|| overlaps(&mut encoding, Some(today), today));
        let (grouped, group_time) = timed(|| groups(&mut encoding, &found, Some(today), today));
        let (_, gap_time) = timed(|| gaps(&mut encoding, Some(today), today));
        let bound = if grouped.complete { "" } else { ">=" };
        println!(
            "{:<10} {:>9} {:>12} {:>14} {:>10} {:>10} {:>10} {:>10}",
            format!("x{factor}"),
            law.offences.len(),
            format!("{:.0?}", encode),
            format!("{:.0?}", overlap_time),
            found.len(),
            format!("{:.0?}", group_time),
            format!("{bound}{}", grouped.found),
            format!("{:.0?}", gap_time)
        );
        if factor == 1 {
            let total = encode + overlap_time + group_time + gap_time;
            let verdict = if total < Duration::from_secs(1) {
                "meets"
            } else {
                "misses"
            };
            println!("shipped law: {total:.0?} in all ({verdict} the 1 s target)");
        }
    }
}

/// The shipped law with `factor` copies of every offence (the copies under ids `…~k`).
fn scaled(program: &Program, factor: usize) -> Program {
    let mut law = program.clone();
    for copy in 1..factor {
        for offence in &program.offences {
            let rename = |id: &str| format!("{id}~{copy}");
            let mut clone = offence.clone();
            clone.section = rename(&offence.section);
            clone.base = offence.base.as_deref().map(rename);
            let section = program.book.sections[&offence.section].clone();
            law.book.sections.insert(
                clone.section.clone(),
                tipnav::statute::Section {
                    id: clone.section.clone(),
                    ..section
                },
            );
            law.offences.push(clone);
        }
    }
    law
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = work();
    (value, started.elapsed())
}
