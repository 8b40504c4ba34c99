//! rustc-like text: one block per reported diagnostic, rendered by the library's
//! [`qovery_model::render::Renderer`], a line for the diagnostics over the per-file cap, then the
//! summary. Suppressed diagnostics are only counted.
//!
//! ```text
//! error[range]: 70000 is greater than the maximum of 65535
//!  --> examples/payloads/broken-web.json:9:24
//!   |
//! 9 |     { "internal_port": 70000, "publicly_accessible": true }
//!   |                        ^^^^^
//!   |
//!   = pointer: /ports/0/internal_port
//! ```
//!
//! A diagnostic of a document of a multi-document YAML file names it with its 0-based index:
//! ` --> deploy.yaml[2]:3:5`.

use super::{Emitter, EmitterContext, Summary, printable, write_summary};
use crate::engine::Linted;
use crate::settings::Color;
use qovery_model::render::Renderer;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};

/// Whether to color: `always`, `never`, or with `auto` when standard output is a terminal and
/// `NO_COLOR` is unset or empty.
pub fn color_enabled(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

/// The text format.
#[derive(Debug, Clone)]
pub struct TextEmitter {
    renderer: Renderer,
}

impl TextEmitter {
    /// With or without ANSI colors.
    pub fn new(color: bool) -> Self {
        TextEmitter {
            renderer: if color {
                Renderer::styled()
            } else {
                Renderer::plain()
            },
        }
    }
}

impl Emitter for TextEmitter {
    fn render_file(&self, file: &Linted) -> String {
        self.blocks(file)
    }

    fn finish(
        &self,
        out: &mut dyn Write,
        summary: &Summary,
        context: &EmitterContext,
    ) -> io::Result<()> {
        write_summary(out, summary, context)
    }
}

impl TextEmitter {
    /// Every reported diagnostic of `file`, each followed by a blank line, then the line for
    /// the ones over the per-file cap.
    fn blocks(&self, file: &Linted) -> String {
        let mut out = String::new();
        let omitted = file.report.omitted;
        let more = omitted.errors + omitted.warnings;
        if more == 0 && file.report.reported().next().is_none() {
            // Nothing to show, most often: no name to make printable.
            return out;
        }
        let file_name = printable(&file.name);
        for finding in file.report.reported() {
            // `printable(&file.document_name(finding))`: `printable` maps each character on
            // its own and leaves the index's digits and brackets as they are.
            let name = file.document_name_from(&file_name, finding);
            self.renderer.diagnostic_into(
                &mut out,
                &name,
                file.source.as_deref(),
                &finding.diagnostic,
            );
            out.push_str("\n\n");
        }
        if more > 0 {
            let _ = write!(
                out,
                "{file_name}: {more} more diagnostic{} not shown (max_diagnostics)\n\n",
                if more == 1 { "" } else { "s" }
            );
        }
        out
    }
}
