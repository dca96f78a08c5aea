#![no_main]

//! `tipnav ask` answers: each input line answers the interview's next question, as a scripted
//! interview does. Every answer is accepted or refused with a message, never a panic; the case
//! file written from the answers reads back as the same facts.

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::answers(data);
});
