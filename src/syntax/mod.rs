//! Parsing rule files: text in, [`ast::RuleFile`] out. Pest's pairs never leave `parser.rs`;
//! names are not resolved here (that is `check`'s job).

pub mod ast;
mod error;
mod parser;

pub use error::SyntaxError;
pub use parser::{MAX_NESTING, MAX_OPERATORS, parse};
