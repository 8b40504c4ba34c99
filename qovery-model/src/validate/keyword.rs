//! The checks behind the attribute keywords of `#[derive(Validate)]` (`range`, `length`,
//! `pattern`, `not_blank`, `non_empty`, `format`, `known`).
//!
//! The derive emits calls to these functions; they only allocate when they record a violation.

use super::format::Format;
use super::path::Path;
use super::report::Report;
use super::rule::RuleInfo;
use regex::Regex;
use std::fmt::Display;

/// Values with a length: strings count Unicode scalar values (as JSON Schema's `minLength`
/// does), collections count items.
pub trait Length {
    /// The length in the unit JSON Schema uses for this type.
    fn length(&self) -> usize;
    /// The unit, for messages (`characters`, `items`).
    const UNIT: &'static str;
}

impl Length for str {
    fn length(&self) -> usize {
        self.chars().count()
    }
    const UNIT: &'static str = "characters";
}

impl Length for String {
    fn length(&self) -> usize {
        self.as_str().length()
    }
    const UNIT: &'static str = "characters";
}

impl<T> Length for Vec<T> {
    fn length(&self) -> usize {
        self.len()
    }
    const UNIT: &'static str = "items";
}

impl<T> Length for [T] {
    fn length(&self) -> usize {
        self.len()
    }
    const UNIT: &'static str = "items";
}

/// Enumerations whose wire values are a known list, with room for values newer than this crate.
pub trait KnownValues {
    /// The wire values this crate knows, in the spec's order.
    const KNOWN: &'static [&'static str];
    /// The value as written on the wire.
    fn as_wire(&self) -> &str;
    /// Whether the value is one of [`KnownValues::KNOWN`].
    fn is_known(&self) -> bool;
}

/// Renders a user value for a message: quoted, and cut short when long.
pub fn show(value: &str) -> String {
    const MAX: usize = 60;
    let mut chars = value.char_indices();
    match chars.nth(MAX) {
        None => format!("{value:?}"),
        Some((cut, _)) => format!(
            "{:?}... ({} characters)",
            &value[..cut],
            value.chars().count()
        ),
    }
}

/// `range(min = .., max = ..)`: inclusive bounds on an integer.
pub fn range<N>(
    rule: &RuleInfo,
    value: N,
    min: Option<i64>,
    max: Option<i64>,
    path: &Path<'_>,
    report: &mut Report,
) where
    N: Copy + Into<i64> + Display,
{
    let v: i64 = value.into();
    if let Some(min) = min
        && v < min
    {
        report.push(
            rule,
            path,
            format!("{value} is less than the minimum of {min}"),
        );
    } else if let Some(max) = max
        && v > max
    {
        report.push(
            rule,
            path,
            format!("{value} is greater than the maximum of {max}"),
        );
    }
}

/// `length(min = .., max = ..)`: inclusive bounds on a length.
pub fn length<L>(
    rule: &RuleInfo,
    value: &L,
    min: Option<usize>,
    max: Option<usize>,
    path: &Path<'_>,
    report: &mut Report,
) where
    L: Length + ?Sized,
{
    let n = value.length();
    if let Some(min) = min
        && n < min
    {
        report.push(
            rule,
            path,
            format!("has {n} {}, fewer than the minimum of {min}", L::UNIT),
        );
    } else if let Some(max) = max
        && n > max
    {
        report.push(
            rule,
            path,
            format!("has {n} {}, more than the maximum of {max}", L::UNIT),
        );
    }
}

/// `pattern = ".."`: the string must contain a match (JSON Schema's unanchored semantics).
pub fn pattern(rule: &RuleInfo, value: &str, regex: &Regex, path: &Path<'_>, report: &mut Report) {
    if !regex.is_match(value) {
        report.push(
            rule,
            path,
            format!(
                "{} does not match the pattern `{}`",
                show(value),
                regex.as_str()
            ),
        );
    }
}

/// Whether `value` holds only white space, as both Rust (`char::is_whitespace`, Unicode
/// `White_Space`) and ECMA-262 (`\s`, which adds U+FEFF) understand it: a value blank for
/// either side is blank here, so the validator and the schema's pattern agree.
pub fn is_blank(value: &str) -> bool {
    value.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}')
}

/// `not_blank`: at least one character that is not whitespace.
pub fn not_blank(rule: &RuleInfo, value: &str, path: &Path<'_>, report: &mut Report) {
    if is_blank(value) {
        let found = if value.is_empty() {
            "an empty string".to_owned()
        } else {
            format!("only whitespace ({})", show(value))
        };
        report.push(rule, path, format!("must not be blank, found {found}"));
    }
}

/// `non_empty`: at least one character or item.
pub fn non_empty<L: Length + ?Sized>(
    rule: &RuleInfo,
    value: &L,
    path: &Path<'_>,
    report: &mut Report,
) {
    if value.length() == 0 {
        report.push(
            rule,
            path,
            format!("must not be empty, found 0 {}", L::UNIT),
        );
    }
}

/// `format = ".."`: the string must be in the named format.
pub fn format(rule: &RuleInfo, value: &str, format: Format, path: &Path<'_>, report: &mut Report) {
    if !format.matches(value) {
        report.push(
            rule,
            path,
            format!("{} is not {}", show(value), format.expectation()),
        );
    }
}

/// `known`: an open enumeration must hold one of the values this crate knows.
pub fn known<E: KnownValues + ?Sized>(
    rule: &RuleInfo,
    value: &E,
    path: &Path<'_>,
    report: &mut Report,
) {
    if !value.is_known() {
        report.push(
            rule,
            path,
            format!(
                "{} is not one of {}",
                show(value.as_wire()),
                E::KNOWN.join(", ")
            ),
        );
    }
}

/// Compiles a pattern that the derive already compiled at macro time.
///
/// `#[derive(Validate)]` rejects an invalid `pattern` with a compile error, using the same
/// `regex` crate, so for derived code this cannot fail: the pattern is a literal of the source,
/// never input.
#[allow(clippy::expect_used)]
pub fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("pattern checked by #[derive(Validate)] at compile time")
}
