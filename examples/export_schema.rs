//! Export the JSON Schema of a container request (or response), for an editor, another
//! validator or an OpenAPI document.
//!
//! ```text
//! cargo run --example export_schema                           # request, JSON Schema 2020-12
//! cargo run --example export_schema -- response draft-07      # response, draft-07
//! cargo run --example export_schema -- request openapi-3.0    # OpenAPI 3.0 components
//! ```
//!
//! The schemas are generated from the same `#[qovery(...)]` declarations as the validator, so
//! the two agree on every bound, pattern and format. Rules JSON Schema cannot express are named
//! in the descriptions.

use qovery_model::schema::{self, DocumentKind, Draft};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let document = match args.next().as_deref() {
        None | Some("request") => DocumentKind::Request,
        Some("response") => DocumentKind::Response,
        Some(other) => {
            eprintln!("unknown document {other:?}: expected `request` or `response`");
            return ExitCode::FAILURE;
        }
    };
    // `2020-12` (the default), `draft-07` or `openapi-3.0`.
    let draft = match args.next().map(|name| name.parse::<Draft>()) {
        None => Draft::Draft2020_12,
        Some(Ok(draft)) => draft,
        Some(Err(error)) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };

    let value = schema::schema(document, draft);
    // `render` writes the schema the way the committed files under `schemas/` are written.
    print!("{}", schema::render(&value));
    ExitCode::SUCCESS
}
