//! Parsing rule files: text in, [`ast::RuleFile`] out. Pest's pairs never leave `parser.rs`;
//! names are not resolved here (that is `check`'s job). `fmt` lays a rule file out in the
//! canonical form that `tipnav fmt` writes.

pub mod ast;
mod error;
pub mod fmt;
mod parser;

pub use error::SyntaxError;
pub use parser::{MAX_NESTING, MAX_OPERATORS, parse};
