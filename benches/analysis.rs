//! Benchmark of the static analysis (`tipnav overlaps`, `tipnav gaps`): the whole shipped law
//! (on every date, as `tipnav overlaps` reads it, and on one date), and synthetic laws with 2, 5
//! and 10 times as many offences (copies of the shipped ones under new ids), to show how the
//! cost grows: pairs, the maximal jointly applicable sets, groups and gaps. Run with
//! `cargo bench --bench analysis`.

use std::time::{Duration, Instant};

use tipnav::analysis::{Encoding, gaps, groups, joint_sets, overlaps};
use tipnav::model::{OffenceId, Program};
use tipnav::pipeline::law::load_law;

fn main() {
    let (_, program) = load_law(None, &[]).expect("the shipped law checks");
    let today: jiff::civil::Date = "2026-11-29".parse().unwrap();
    println!(
        "{:<14} {:>8} {:>8} {:>9} {:>7} {:>8} {:>5} {:>8} {:>6} {:>7}",
        "law",
        "offences",
        "encode",
        "overlaps",
        "pairs",
        "joint",
        "sets",
        "groups",
        "found",
        "gaps"
    );
    // `tipnav overlaps` reads every date by default; the scaled laws are read on one date.
    let runs = [
        ("x1 all dates", 1, None),
        ("x1", 1, Some(today)),
        ("x2", 2, Some(today)),
        ("x5", 5, Some(today)),
        ("x10", 10, Some(today)),
    ];
    for (name, factor, date) in runs {
        let law = scaled(&program, factor);
        let (encoding, encode) = timed(|| Encoding::new(&law));
        let mut encoding = encoding;
        let (found, overlap_time) = timed(|| overlaps(&mut encoding, date, today));
        let (joint, joint_time) = timed(|| joint_sets(&encoding, date));
        let (grouped, group_time) = timed(|| groups(&encoding, &found, date, today));
        let (_, gap_time) = timed(|| gaps(&mut encoding, date.or(Some(today)), today));
        let bound = if grouped.complete { "" } else { ">=" };
        println!(
            "{:<14} {:>8} {:>8} {:>9} {:>7} {:>8} {:>5} {:>8} {:>6} {:>7}",
            name,
            law.offences.len(),
            format!("{:.0?}", encode),
            format!("{:.0?}", overlap_time),
            found.len(),
            format!("{:.0?}", joint_time),
            joint.sets.len(),
            format!("{:.0?}", group_time),
            format!("{bound}{}", grouped.found),
            format!("{:.0?}", gap_time)
        );
        if date.is_none() {
            let total = encode + overlap_time + group_time;
            let verdict = if total < Duration::from_secs(1) {
                "meets"
            } else {
                "misses"
            };
            println!("shipped law, overlaps: {total:.0?} ({verdict} the 1 s target)");
        }
    }
    println!("(groups includes its own joint search; joint is shown alone for the growth)");
}

/// The shipped law with `factor` copies of every offence (the copies under ids `…~k`).
fn scaled(program: &Program, factor: usize) -> Program {
    let mut law = program.clone();
    for copy in 1..factor {
        for offence in &program.offences {
            let rename = |id: &str| format!("{id}~{copy}");
            let mut clone = offence.clone();
            clone.section = rename(&offence.section);
            // Copy `k` of offence `i` sits at `k * n + i`: its base is the base's copy `k`.
            clone.base =
                (offence.base).map(|base| OffenceId(copy * program.offences.len() + base.0));
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
