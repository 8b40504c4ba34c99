//! The engine behind `qovery-lint`: configuration, file selection, checking, fixes and rendering,
//! shared by its front ends (`check`, `check --fix`, `lsp`), which stay thin.
//!
//! The checking itself is [`qovery_model::document`]'s; this crate decides which files are
//! checked and how, applies the team's rule levels and suppressions, and presents the result.
#![forbid(unsafe_code)]

pub mod cli;
pub mod engine;
pub mod fix;
pub mod lsp;
pub mod render;
pub mod select;
pub mod settings;
