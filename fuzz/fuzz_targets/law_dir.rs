#![no_main]

//! `--law DIR`: a copy of the shipped law with one file replaced by the input (the first byte
//! picks which statute or rule file). The whole law goes through the front end; a law that
//! checks evaluates a case. Never a panic; every diagnostic renders.

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::law_dir(data);
});
