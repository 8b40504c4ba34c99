//! A loop for instruction counting (callgrind): runs one case `count` times. The machine is
//! shared and noisy, so the profiles in BENCHMARKS.md count instructions rather than time;
//! `benches/instructions.sh` runs this under callgrind twice (`count` and `2 * count`) and prints
//! the difference divided by `count`: the cost of one call, without the start-up and the
//! one-time statics (the compiled shape, the regexes).
//!
//! Cases: `check-valid`, `check-invalid` (`document::check` on `data/request.json` and
//! `data/request-invalid.json`), `validate` (typed validation of the valid request),
//! `floor-ignored-any` (serde_json into `IgnoredAny`), `floor-typed` (serde_json into the model),
//! `jsonschema-is-valid` (jsonschema's `is_valid`, formats asserted, on the parsed valid request
//! against the exported 2020-12 schema: the peer of `validate`, as in `benches/validation.rs`).

use qovery_model::document::{CheckOptions, check};
use qovery_model::model::ContainerRequest;
use qovery_model::schema::{self, Document, Draft};
use qovery_model::validate::Validate;
use serde::de::IgnoredAny;
use std::hint::black_box;
use std::process::ExitCode;

const VALID: &[u8] = include_bytes!("data/request.json");
const INVALID: &[u8] = include_bytes!("data/request-invalid.json");

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; the case and the count are the other two arguments.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (Some(case), Some(count)) = (args.first(), args.get(1).and_then(|c| c.parse().ok())) else {
        eprintln!("usage: instructions <case> <count> (cases: see the file's documentation)");
        return ExitCode::from(2);
    };
    let options = CheckOptions::new();
    let Ok(typed) = serde_json::from_slice::<ContainerRequest>(VALID) else {
        eprintln!("benches/data/request.json does not parse");
        return ExitCode::FAILURE;
    };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(VALID) else {
        eprintln!("benches/data/request.json does not parse");
        return ExitCode::FAILURE;
    };
    let exported = schema::schema(Document::Request, Draft::Draft2020_12);
    let Ok(validator) = jsonschema::options()
        .should_validate_formats(true)
        .build(&exported)
    else {
        eprintln!("the exported schema does not compile");
        return ExitCode::FAILURE;
    };
    let run: Box<dyn Fn()> = match case.as_str() {
        "check-valid" => Box::new(|| drop(black_box(check(black_box(VALID), &options)))),
        "check-invalid" => Box::new(|| drop(black_box(check(black_box(INVALID), &options)))),
        "validate" => Box::new(|| drop(black_box(black_box(&typed).validate()))),
        "jsonschema-is-valid" => Box::new(|| {
            black_box(validator.is_valid(black_box(&value)));
        }),
        "floor-ignored-any" => Box::new(|| {
            let _ = black_box(serde_json::from_slice::<IgnoredAny>(black_box(VALID)));
        }),
        "floor-typed" => Box::new(|| {
            let _ = black_box(serde_json::from_slice::<ContainerRequest>(black_box(VALID)));
        }),
        other => {
            eprintln!("unknown case `{other}`");
            return ExitCode::from(2);
        }
    };
    for _ in 0..count {
        run();
    }
    ExitCode::SUCCESS
}
