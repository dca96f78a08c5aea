//! The floor for batch evaluation: the time to merely parse a JSON Lines file of cases, with
//! `serde_json` into a generic value, and with tipnav's own case reader (which also validates
//! every fact against the vocabulary and keeps spans for diagnostics). One thread.
//! Run by `benches/batch.py`; by hand: `cargo bench --bench floor -- FILE.jsonl`.

use std::time::Instant;

use tipnav::facts;
use tipnav::pipeline::law::load_law;

fn main() {
    let Some(path) = std::env::args().skip(1).rfind(|a| a.ends_with(".jsonl")) else {
        eprintln!("usage: cargo bench --bench floor -- FILE.jsonl");
        return;
    };
    let text = std::fs::read_to_string(&path).expect("the input file reads");
    let lines: Vec<&str> = text.lines().collect();
    let (_, program) = load_law(None, &[]).expect("the shipped law checks");

    let start = Instant::now();
    let mut fields = 0;
    for line in &lines {
        let value: serde_json::Value =
            serde_json::from_str(line).expect("generated lines are JSON");
        fields += value.as_object().map_or(0, serde_json::Map::len);
    }
    let serde = start.elapsed();

    let start = Instant::now();
    let mut good = 0;
    for line in &lines {
        good += usize::from(facts::load_line(line, &program).1.is_ok());
    }
    let reader = start.elapsed();

    let plan = tipnav::batch::plan::Plan::new(&program).expect("the shipped law can be planned");
    let start = Instant::now();
    let mut fast = 0;
    for line in &lines {
        fast += usize::from(plan.read(line).is_some());
    }
    let planned = start.elapsed();

    #[expect(
        clippy::cast_precision_loss,
        reason = "a rate printed to no decimal places, from a line count far below 2^52"
    )]
    let rate = |d: std::time::Duration| lines.len() as f64 / d.as_secs_f64();
    println!("lines {} (tables {fields}, valid {good})", lines.len());
    println!("serde_json_value_per_s {:.0}", rate(serde));
    println!("tipnav_reader_per_s {:.0}", rate(reader));
    println!("span_free_reader_per_s {:.0} (read {fast})", rate(planned));
}
