#![no_main]

//! The batch plan against the full path, on any line: a line the span-free reader reads, the
//! full reader reads too, with the same id and values, and the summary worked out from the plan
//! is the one evaluation and resolution in full give.

#[path = "common.rs"]
mod common;

use std::sync::OnceLock;

use tipnav::batch::plan::Plan;
use tipnav::output::Evaluated;
use tipnav::output::json::case_summary;
use tipnav::source::SourceFile;
use tipnav::{eval, facts, resolve};

fn plan() -> &'static Plan<'static> {
    static PLAN: OnceLock<Plan<'static>> = OnceLock::new();
    PLAN.get_or_init(|| Plan::new(common::program()).expect("the shipped law can be planned"))
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let program = common::program();
    let today = jiff::civil::date(2026, 1, 1);
    let (id, full) = facts::load_line(line, program);
    let (fast_id, values) = match (plan().read(line), full) {
        (Some(read), Ok(case)) => {
            assert_eq!((&read.0, &read.1), (&id, &case.values), "read differently");
            read
        }
        (Some(_), Err(errors)) => panic!("read a line the full reader refuses: {errors:?}"),
        (None, _) => return,
    };
    let (_, case) = facts::load_line(line, program);
    let case = case.expect("read above");
    let file = SourceFile::new("fuzz".to_owned(), String::new());
    let outcome = eval::evaluate(program, &case, today);
    let evaluated = Evaluated {
        file: &file,
        case: &case,
        resolution: resolve::resolve(program, &outcome),
        alternative: outcome.alternative.as_deref().map(|later| resolve::resolve(program, later)),
        outcome,
        decisive: Vec::new(),
    };
    let full = serde_json::to_value(case_summary(program, &evaluated)).expect("data");
    let planned = serde_json::to_value(plan().summary(values, today)).expect("data");
    assert_eq!(planned, full, "summarised differently ({fast_id:?})");
});
