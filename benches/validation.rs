//! Criterion benchmarks: the typed validator and the raw-document checker against the real
//! alternatives, in the same run.
//!
//! Groups (see BENCHMARKS.md for the numbers and the ratios):
//! - `typed_validate`: `Validate::validate` on a parsed `ContainerRequest` vs jsonschema's
//!   `is_valid` on the same payload as a `serde_json::Value`, against our exported schema
//!   (`qovery_model::schema::schema`, 2020-12), formats asserted on both sides;
//! - `bytes_to_verdict`: `document::check` from raw bytes vs `serde_json` into a `Value` then
//!   jsonschema, with the parse floors (`IgnoredAny`, `Value`) alongside;
//! - `invalid_report`: the full report (pointers, positions, messages) for a payload with five
//!   mistakes, vs the valid case;
//! - `scaling`: ports and storage arrays of 1, 10, 100 and 1,000 entries.
//!
//! Run: `cargo bench --bench validation` (add `-- --quick` for a fast pass).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qovery_model::document::{CheckOptions, check};
use qovery_model::model::ContainerRequest;
use qovery_model::schema::{self, Document, Draft};
use qovery_model::validate::Validate;
use serde::de::IgnoredAny;
use serde_json::{Value, json};
use std::hint::black_box;

const VALID: &[u8] = include_bytes!("data/request.json");
const INVALID: &[u8] = include_bytes!("data/request-invalid.json");

/// The library's exported 2020-12 request schema (what `qovery-lint schema` prints and
/// `schemas/container-request.schema.json` holds).
fn exported_schema() -> Value {
    schema::schema(Document::Request, Draft::Draft2020_12)
}

/// jsonschema with format assertion on (`uuid`, `uri`, `uri-reference`; the unknown `int32` is
/// ignored), as check-jsonschema does by default and as our validator always does: both sides
/// check the same formats.
fn validator() -> jsonschema::Validator {
    match jsonschema::options()
        .should_validate_formats(true)
        .build(&exported_schema())
    {
        Ok(validator) => validator,
        Err(error) => panic!("the exported schema does not compile: {error}"),
    }
}

fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> T {
    match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(error) => panic!("benchmark payload does not parse: {error}"),
    }
}

fn typed_validate(c: &mut Criterion) {
    let typed: ContainerRequest = parse(VALID);
    let value: Value = parse(VALID);
    let validator = validator();
    assert!(
        typed.validate().is_empty(),
        "the benchmark payload must be valid"
    );
    assert!(
        validator.is_valid(&value),
        "jsonschema must accept the benchmark payload"
    );

    let mut group = c.benchmark_group("typed_validate");
    group.bench_function("qovery_validate", |b| {
        b.iter(|| black_box(&typed).validate())
    });
    group.bench_function("jsonschema_is_valid", |b| {
        b.iter(|| validator.is_valid(black_box(&value)))
    });
    group.finish();
}

fn bytes_to_verdict(c: &mut Criterion) {
    let validator = validator();
    let options = CheckOptions::new();
    assert!(check(VALID, &options).is_empty());

    let mut group = c.benchmark_group("bytes_to_verdict");
    group.throughput(Throughput::Bytes(VALID.len() as u64));
    group.bench_function("qovery_check", |b| {
        b.iter(|| check(black_box(VALID), &options))
    });
    group.bench_function("serde_value_then_jsonschema", |b| {
        b.iter(|| {
            let value: Value = parse(black_box(VALID));
            validator.is_valid(&value)
        })
    });
    group.bench_function("floor_ignored_any", |b| {
        b.iter(|| parse::<IgnoredAny>(black_box(VALID)))
    });
    group.bench_function("floor_serde_value", |b| {
        b.iter(|| parse::<Value>(black_box(VALID)))
    });
    group.bench_function("floor_typed_deserialize", |b| {
        b.iter(|| parse::<ContainerRequest>(black_box(VALID)))
    });
    group.finish();
}

fn invalid_report(c: &mut Criterion) {
    let options = CheckOptions::new();
    let report = check(INVALID, &options);
    assert!(
        report.len() >= 5,
        "the invalid payload must report its five mistakes"
    );

    let mut group = c.benchmark_group("invalid_report");
    group.bench_function("valid", |b| b.iter(|| check(black_box(VALID), &options)));
    group.bench_function("five_mistakes", |b| {
        b.iter(|| check(black_box(INVALID), &options))
    });
    group.finish();
}

/// The benchmark payload with `n` distinct ports and `n` distinct storages.
fn with_entries(n: usize) -> Vec<u8> {
    let mut value: Value = parse(VALID);
    let ports: Vec<Value> = (0..n)
        .map(|i| {
            json!({
                "name": format!("p{i}"),
                "internal_port": 1000 + i,
                "publicly_accessible": false,
                "protocol": "TCP"
            })
        })
        .collect();
    let storage: Vec<Value> = (0..n)
        .map(|i| json!({"type": "FAST_SSD", "size": 10, "mount_point": format!("/data/{i}")}))
        .collect();
    value["ports"] = Value::Array(ports);
    value["storage"] = Value::Array(storage);
    // Keep the probes pointing at a declared port.
    value["healthchecks"]["readiness_probe"]["type"]["http"]["port"] = json!(1000);
    value["healthchecks"]["liveness_probe"]["type"]["tcp"]["port"] = json!(1000);
    match serde_json::to_vec(&value) {
        Ok(bytes) => bytes,
        Err(error) => panic!("cannot serialize the scaled payload: {error}"),
    }
}

fn scaling(c: &mut Criterion) {
    let options = CheckOptions::new();
    let mut group = c.benchmark_group("scaling");
    for n in [1usize, 10, 100, 1000] {
        let bytes = with_entries(n);
        let typed: ContainerRequest = parse(&bytes);
        let report = typed.validate();
        assert!(
            report.is_empty(),
            "scaled payload must be valid: {report:?}"
        );
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(
            BenchmarkId::new("qovery_validate", n),
            &typed,
            |b, typed| b.iter(|| typed.validate()),
        );
        group.bench_with_input(BenchmarkId::new("qovery_check", n), &bytes, |b, bytes| {
            b.iter(|| check(bytes, &options))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    typed_validate,
    bytes_to_verdict,
    invalid_report,
    scaling
);
criterion_main!(benches);
