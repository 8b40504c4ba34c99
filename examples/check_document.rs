//! Check payload files as they are written (JSON or YAML), and print every problem with its line
//! and column.
//!
//! ```text
//! cargo run --example check_document                       # a built-in sample with mistakes
//! cargo run --example check_document -- payload.json ...   # your files (exit status 1 on errors)
//! ```
//!
//! Unlike typed validation, the raw-document checker also reports what a typed value cannot
//! hold: a value of the wrong type, an unknown or duplicated member, a syntax error.

use qovery_model::document::{CheckOptions, Syntax, check};
use qovery_model::validate::Report;
use std::path::Path;
use std::process::ExitCode;

/// A request with mistakes: `cpu` as a string, a misspelled member, a duplicated key, a tag in
/// `image_name`.
const SAMPLE: &str = r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api:1.4.2",
  "tag": "1.4.2",
  "cpu": "500",
  "memroy": 512,
  "tag": "1.4.3",
  "healthchecks": {}
}
"#;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        let report = check(SAMPLE.as_bytes(), &CheckOptions::new());
        print_report("sample.json", &report);
        return ExitCode::SUCCESS;
    }

    let mut failed = false;
    for path in &paths {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("{path}: cannot read: {error}");
                failed = true;
                continue;
            }
        };
        // `.yaml` and `.yml` files are YAML, anything else JSON. Add `.context(...)` with the
        // registry kinds to check `image_name` against its registry.
        let options = CheckOptions::new().syntax(Syntax::from_path(Path::new(path)));
        let report = check(&bytes, &options);
        print_report(path, &report);
        failed |= !report.is_valid();
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `file:line:column: severity[code] /pointer: message`, in file order, like a compiler.
fn print_report(file: &str, report: &Report) {
    if report.is_empty() {
        println!("{file}: ok");
        return;
    }
    for diagnostic in report {
        match diagnostic.position {
            Some(at) => println!("{file}:{}:{}: {diagnostic}", at.line, at.column),
            None => println!("{file}: {diagnostic}"),
        }
        if let Some(help) = &diagnostic.help {
            println!("    help: {help}");
        }
    }
}
