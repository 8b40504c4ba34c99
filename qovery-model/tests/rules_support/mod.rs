//! Shared by `rules_request.rs` and `rules_response.rs`: payloads built from a JSON base and
//! patched, cases that assert the exact diagnostics, and the check that every catalogue entry is
//! exercised by at least one case.

#![allow(dead_code)]

use qovery_model::model::RegistryContext;
use qovery_model::rules;
use qovery_model::validate::{Diagnostic, Severity, Validate};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// One edit of the base payload, in JSON Pointer terms.
#[derive(Debug, Clone)]
pub enum Op {
    /// Sets the member or element at the pointer (`-` appends to an array).
    Set(String, Value),
    /// Removes the member at the pointer.
    Remove(String),
}

/// Sets `pointer` to `value`.
pub fn set(pointer: &str, value: impl Into<Value>) -> Op {
    Op::Set(pointer.to_owned(), value.into())
}

/// Removes `pointer`.
pub fn remove(pointer: &str) -> Op {
    Op::Remove(pointer.to_owned())
}

fn split(pointer: &str) -> Result<(&str, &str), String> {
    pointer
        .rsplit_once('/')
        .ok_or_else(|| format!("bad pointer {pointer:?}"))
}

/// Applies `ops` to `value`.
pub fn apply(value: &mut Value, ops: &[Op]) -> Result<(), String> {
    for op in ops {
        match op {
            Op::Set(pointer, new) => {
                let (parent, token) = split(pointer)?;
                let parent = value
                    .pointer_mut(parent)
                    .ok_or_else(|| format!("no parent for {pointer}"))?;
                match parent {
                    Value::Object(map) => {
                        map.insert(token.to_owned(), new.clone());
                    }
                    Value::Array(items) if token == "-" => items.push(new.clone()),
                    Value::Array(items) => {
                        let index: usize = token
                            .parse()
                            .map_err(|_| format!("bad index in {pointer}"))?;
                        let slot = items
                            .get_mut(index)
                            .ok_or_else(|| format!("no element {pointer}"))?;
                        *slot = new.clone();
                    }
                    _ => return Err(format!("{pointer}: parent is not a container")),
                }
            }
            Op::Remove(pointer) => {
                let (parent, token) = split(pointer)?;
                let parent = value
                    .pointer_mut(parent)
                    .ok_or_else(|| format!("no parent for {pointer}"))?;
                let removed = match parent {
                    Value::Object(map) => map.remove(token).is_some(),
                    Value::Array(items) => match token.parse::<usize>() {
                        Ok(index) if index < items.len() => {
                            items.remove(index);
                            true
                        }
                        _ => false,
                    },
                    _ => false,
                };
                if !removed {
                    return Err(format!("nothing to remove at {pointer}"));
                }
            }
        }
    }
    Ok(())
}

/// A payload (the base with `ops` applied), the context to validate it with, and the exact
/// diagnostics expected (none for a valid twin).
pub struct Case {
    pub name: String,
    pub ops: Vec<Op>,
    pub ctx: RegistryContext,
    pub expected: Vec<(String, &'static str, Severity)>,
}

impl Case {
    pub fn new(
        name: impl Into<String>,
        ops: Vec<Op>,
        expected: Vec<(String, &'static str, Severity)>,
    ) -> Self {
        Case {
            name: name.into(),
            ops,
            ctx: RegistryContext::new(),
            expected,
        }
    }

    /// The same case validated with `ctx`.
    #[must_use]
    pub fn ctx(mut self, ctx: RegistryContext) -> Self {
        self.ctx = ctx;
        self
    }
}

/// `case!("name", [ops...] => [(pointer, code, Severity), ...])`.
macro_rules! case {
    ($name:expr, [$($op:expr),* $(,)?] => [$(($pointer:expr, $code:expr, $severity:ident)),* $(,)?]) => {
        $crate::rules_support::Case::new(
            $name,
            vec![$($op),*],
            vec![$((::std::string::String::from($pointer), $code, ::qovery_model::validate::Severity::$severity)),*],
        )
    };
}

pub const PROBES: [&str; 2] = ["readiness_probe", "liveness_probe"];

/// The rules of one probe, for both probes (the same types in both places, and in both
/// documents). The base must declare ports 8080 and 9090 and have a valid `probe`.
pub fn probe_cases(probe: &str) -> Vec<Case> {
    let p = format!("/healthchecks/{probe}");
    let t = format!("{p}/type");
    // Each probe kind on its own, on a declared port, is valid.
    let kind = |kind: &str, body: Value| set(&t, json!({ kind: body }));
    let mut cases = vec![
        case!(format!("{probe}: tcp on a declared port"), [kind("tcp", json!({"port": 8080}))] => []),
        case!(format!("{probe}: http on a declared port"), [kind("http", json!({"port": 9090, "path": "/", "scheme": "HTTPS"}))] => []),
        case!(format!("{probe}: grpc on a declared port"), [kind("grpc", json!({"port": 8080, "service": null}))] => []),
        case!(format!("{probe}: exec"), [kind("exec", json!({"command": ["sh", "-c", "true"]}))] => []),
        // probe_kind
        case!(format!("{probe}: two kinds"), [kind("tcp", json!({"port": 8080})), set(&format!("{t}/http"), json!({"port": 8080}))]
            => [(t.clone(), "probe_kind", Error)]),
        case!(format!("{probe}: no kind"), [set(&t, json!({}))] => [(t.clone(), "probe_kind", Error)]),
        case!(format!("{probe}: only null kinds"), [set(&t, json!({"tcp": null, "exec": null}))] => [(t.clone(), "probe_kind", Error)]),
        case!(format!("{probe}: type missing"), [remove(&t)] => [(t.clone(), "probe_kind", Error)]),
        case!(format!("{probe}: one kind and a null"), [kind("tcp", json!({"port": 8080})), set(&format!("{t}/http"), Value::Null)] => []),
        // ports
        case!(format!("{probe}: tcp port 0"), [kind("tcp", json!({"port": 0}))] => [(format!("{t}/tcp/port"), "range", Error)]),
        case!(format!("{probe}: http port 65536"), [kind("http", json!({"port": 65536}))] => [(format!("{t}/http/port"), "range", Error)]),
        case!(format!("{probe}: grpc port -1"), [kind("grpc", json!({"port": -1}))] => [(format!("{t}/grpc/port"), "range", Error)]),
        case!(format!("{probe}: tcp port not declared"), [kind("tcp", json!({"port": 5432}))] => [(format!("{t}/tcp/port"), "probe_port_not_declared", Warning)]),
        case!(format!("{probe}: http port not declared"), [kind("http", json!({"port": 8081}))] => [(format!("{t}/http/port"), "probe_port_not_declared", Warning)]),
        case!(format!("{probe}: grpc port not declared"), [kind("grpc", json!({"port": 50051}))] => [(format!("{t}/grpc/port"), "probe_port_not_declared", Warning)]),
        // http
        case!(format!("{probe}: http path without /"), [kind("http", json!({"port": 8080, "path": "health"}))] => [(format!("{t}/http/path"), "http_probe_path_relative", Warning)]),
        case!(format!("{probe}: http path null (the console's empty field)"), [kind("http", json!({"port": 8080, "path": null, "scheme": "HTTP"}))] => []),
        case!(format!("{probe}: http path empty"), [kind("http", json!({"port": 8080, "path": ""}))] => [(format!("{t}/http/path"), "http_probe_path", Error)]),
        case!(format!("{probe}: http scheme lower case"), [kind("http", json!({"port": 8080, "scheme": "https"}))] => [(format!("{t}/http/scheme"), "http_probe_scheme", Error)]),
        // exec
        case!(format!("{probe}: exec without command"), [kind("exec", json!({"command": []}))] => [(format!("{t}/exec/command"), "length", Error)]),
        case!(format!("{probe}: exec blank item"), [kind("exec", json!({"command": ["sh", " "]}))] => [(format!("{t}/exec/command/1"), "blank_exec_command_item", Warning)]),
    ];
    // Timings: negative is Kubernetes' `validateProbe` error; 0 is valid for the initial delay
    // and a warning for the others, which `SetDefaults_Probe` replaces; null is the console's
    // emptied field, read as omitted.
    for (field, zero_is_defaulted) in [
        ("initial_delay_seconds", false),
        ("period_seconds", true),
        ("timeout_seconds", true),
        ("success_threshold", true),
        ("failure_threshold", true),
    ] {
        let pointer = format!("{p}/{field}");
        cases.push(case!(format!("{probe}: {field} -1"), [set(&pointer, -1)] => [(pointer.clone(), "range", Error)]));
        if zero_is_defaulted {
            cases.push(case!(format!("{probe}: {field} 0"), [set(&pointer, 0)] => [(pointer.clone(), "probe_zero_defaulted", Warning)]));
        } else {
            cases.push(case!(format!("{probe}: {field} 0"), [set(&pointer, 0)] => []));
        }
        cases.push(case!(format!("{probe}: {field} 1"), [set(&pointer, 1)] => []));
        cases.push(case!(format!("{probe}: {field} null"), [set(&pointer, Value::Null)] => []));
    }
    cases
}

/// What running the cases found.
#[derive(Default)]
pub struct Outcome {
    /// One line per case whose diagnostics differ from the expectation.
    pub failures: Vec<String>,
    /// Every (code, pointer) reported by a case.
    pub seen: BTreeSet<(&'static str, String)>,
    /// Every diagnostic with the case that produced it, for reading the messages.
    pub transcript: Vec<String>,
}

/// Validates `T` built from `base` patched by each case, and compares the diagnostics with the
/// expectation (as a multiset: the order of independent rules is not part of the contract).
pub fn run<T: DeserializeOwned + Validate<Context = RegistryContext>>(
    base: &Value,
    cases: &[Case],
) -> Outcome {
    let mut outcome = Outcome::default();
    for case in cases {
        let mut payload = base.clone();
        if let Err(error) = apply(&mut payload, &case.ops) {
            outcome
                .failures
                .push(format!("{}: bad patch: {error}", case.name));
            continue;
        }
        let typed: T = match serde_json::from_value(payload) {
            Ok(typed) => typed,
            Err(error) => {
                outcome
                    .failures
                    .push(format!("{}: does not deserialize: {error}", case.name));
                continue;
            }
        };
        let report = typed.validate_with(&case.ctx);
        let mut found: Vec<(String, &'static str, Severity)> = report
            .diagnostics()
            .iter()
            .map(|d| (d.pointer.clone(), d.code, d.severity))
            .collect();
        for d in report.diagnostics() {
            outcome.seen.insert((d.code, d.pointer.clone()));
            outcome
                .transcript
                .push(format!("{:<45} {}", case.name, render(d)));
        }
        let mut expected = case.expected.clone();
        found.sort();
        expected.sort();
        if found != expected {
            outcome.failures.push(format!(
                "{}:\n    expected {expected:?}\n    found    {found:?}\n    messages {:#?}",
                case.name,
                report.diagnostics().iter().map(render).collect::<Vec<_>>()
            ));
        }
    }
    outcome
}

/// A diagnostic on one line, with its help.
pub fn render(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{d} (help: {help})"),
        None => d.to_string(),
    }
}

/// Whether `pointer` matches the catalogue `pattern` (`*` stands for any array index).
pub fn matches_pattern(pointer: &str, pattern: &str) -> bool {
    let mut pointer = pointer.split('/');
    let mut pattern = pattern.split('/');
    loop {
        match (pointer.next(), pattern.next()) {
            (None, None) => return true,
            (Some(token), Some("*")) if token.bytes().all(|b| b.is_ascii_digit()) => {}
            (Some(token), Some(expected)) if token == expected => {}
            _ => return false,
        }
    }
}

/// The catalogue entries of `document` that no case reported, as `code at pattern` lines.
pub fn unexercised(document: &str, seen: &BTreeSet<(&'static str, String)>) -> Vec<String> {
    rules::catalogue()
        .into_iter()
        .filter(|row| row.document == document)
        .filter(|row| {
            !seen.iter().any(|(code, pointer)| {
                *code == row.entry.rule.code && matches_pattern(pointer, &row.entry.pointer)
            })
        })
        .map(|row| format!("{} at {}", row.entry.rule.code, row.entry.pointer))
        .collect()
}

/// Fails listing every failure.
pub fn assert_no_failures(outcome: &Outcome) {
    assert!(
        outcome.failures.is_empty(),
        "{} case(s) failed:\n{}",
        outcome.failures.len(),
        outcome.failures.join("\n")
    );
}

#[test]
fn patterns_match_indices_only_where_they_have_a_star() {
    assert!(matches_pattern("/ports/3/name", "/ports/*/name"));
    assert!(!matches_pattern("/ports/x/name", "/ports/*/name"));
    assert!(!matches_pattern("/ports/3/name", "/ports/*"));
    assert!(matches_pattern("/cpu", "/cpu"));
}
