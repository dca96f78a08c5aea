#![no_main]

//! Amendment overlays: any text applied with `--amend` on the shipped law goes through the
//! same front end as the binary (parse, apply, check); an overlay that checks is evaluated on
//! the shipped examples. Never a panic; every diagnostic renders.

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        common::overlay(text);
    }
});
