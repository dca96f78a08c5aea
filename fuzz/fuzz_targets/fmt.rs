#![no_main]

//! `tipnav fmt`: any rule text is either refused with a diagnostic or laid out in a form that
//! is a fixed point (formatting it again changes nothing).

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        common::fmt(text);
    }
});
