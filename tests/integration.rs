//! The single integration test target: the real binary on real files.

mod support;

mod amend;
mod analysis;
mod ask;
mod bad_input;
mod batch;
mod charge_sheet;
mod cli;
mod e2e;
mod evaluation;
mod examples;
mod explain;
mod fmt;
mod hardening;
mod hostile;
mod html;
mod json;
mod navigator;
mod notes;
mod organs_online;
mod package;
mod properties;
mod readme;
mod resources;
mod robustness;
mod schema;
mod serve;
mod shipped_law;
mod structure;
mod urdu;
