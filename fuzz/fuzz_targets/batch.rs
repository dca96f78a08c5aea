#![no_main]

//! Batch lines: any bytes in give exactly one JSON output line per input line, each either a
//! summary or an `errors` object, and never a panic.

#[path = "common.rs"]
mod common;

use std::sync::OnceLock;

use tipnav::batch::{Detail, Job, run};

fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap())
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let job = Job::Eval {
        program: common::program(),
        detail: Detail::Summary,
    };
    let today = jiff::civil::date(2026, 1, 1);
    let mut out = Vec::new();
    let stats = run(&job, pool(), "fuzz", data, &mut out, today).expect("writing to memory");
    let lines: Vec<&[u8]> = out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), stats.lines, "one output line per input line");
    for line in lines {
        let value: serde_json::Value = serde_json::from_slice(line).expect("output is JSON");
        assert!(value.get("summary").is_some() != value.get("errors").is_some());
    }
});
