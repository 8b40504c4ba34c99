//! The syntax layer: raw bytes to one span-annotated tree, whatever the format, and byte offsets
//! to lines and columns. It knows nothing of the model.

pub mod json;
pub(crate) mod lex;
pub mod limits;
pub mod parse;
pub mod position;
pub mod tree;
#[cfg(feature = "yaml")]
pub mod yaml;
