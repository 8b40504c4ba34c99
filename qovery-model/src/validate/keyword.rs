//! The checks behind the attribute keywords of `#[derive(Validate)]` (`range`, `length`,
//! `pattern`, `not_blank`, `non_empty`, `format`, `known`).
//!
//! The derive emits calls to these functions; they only allocate when they record a violation.

use super::fix::Repair;
use super::format::Format;
use super::path::Path;
use super::report::Report;
use super::rule::RuleInfo;
use regex::Regex;
use std::fmt::Display;

pub use super::quote::show;

/// Values with a length: strings count Unicode scalar values (as JSON Schema's `minLength`
/// does), collections count items.
pub trait Length {
    /// The length in the unit JSON Schema uses for this type.
    fn length(&self) -> usize;
    /// The unit, for messages (`characters`, `items`).
    const UNIT: &'static str;
    /// Cheap bounds `(lower, upper)` on [`Length::length`], so that a bound check can often skip
    /// counting: a string of `n` bytes has between `n / 4` (rounded up) and `n` characters.
    /// The default computes the length.
    #[inline]
    fn length_bounds(&self) -> (usize, usize) {
        let n = self.length();
        (n, n)
    }
}

impl Length for str {
    fn length(&self) -> usize {
        self.chars().count()
    }
    const UNIT: &'static str = "characters";
    #[inline]
    fn length_bounds(&self) -> (usize, usize) {
        // A character is 1 to 4 bytes of UTF-8.
        (self.len().div_ceil(4), self.len())
    }
}

impl Length for String {
    fn length(&self) -> usize {
        self.as_str().length()
    }
    const UNIT: &'static str = "characters";
    #[inline]
    fn length_bounds(&self) -> (usize, usize) {
        self.as_str().length_bounds()
    }
}

impl<T> Length for Vec<T> {
    #[inline]
    fn length(&self) -> usize {
        self.len()
    }
    const UNIT: &'static str = "items";
}

impl<T> Length for [T] {
    #[inline]
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

/// `range(min = .., max = ..)`: inclusive bounds on an integer.
///
/// The check is inlined into the generated code; recording a violation is not.
#[inline]
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
    if out_of_range(value.into(), min, max) {
        range_violated(rule, value, min, max, path, report);
    }
}

/// Whether `v` is outside the inclusive bounds (an absent bound does not limit).
#[inline]
pub(super) fn out_of_range(v: i64, min: Option<i64>, max: Option<i64>) -> bool {
    min.is_some_and(|min| v < min) || max.is_some_and(|max| v > max)
}

#[cold]
#[inline(never)]
pub(super) fn range_violated<N>(
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
///
/// Characters are only counted when the byte length alone does not settle both bounds.
#[inline]
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
    if needs_count(value, min, max) {
        length_exact(rule, value, min, max, path, report);
    }
}

/// Whether the bounds of `value`'s length that cost nothing (a string's byte length) leave
/// `min` or `max` undecided, so that the length must be counted.
#[inline]
pub(super) fn needs_count<L: Length + ?Sized>(
    value: &L,
    min: Option<usize>,
    max: Option<usize>,
) -> bool {
    let (lower, upper) = value.length_bounds();
    !(min.is_none_or(|min| lower >= min) && max.is_none_or(|max| upper <= max))
}

#[inline(never)]
pub(super) fn length_exact<L>(
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
#[inline]
pub fn pattern(rule: &RuleInfo, value: &str, regex: &Regex, path: &Path<'_>, report: &mut Report) {
    if !regex.is_match(value) {
        pattern_violated(rule, value, regex, path, report);
    }
}

#[cold]
#[inline(never)]
pub(super) fn pattern_violated(
    rule: &RuleInfo,
    value: &str,
    regex: &Regex,
    path: &Path<'_>,
    report: &mut Report,
) {
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

/// Whether `value` holds only white space, as both Rust (`char::is_whitespace`, Unicode
/// `White_Space`) and ECMA-262 (`\s`, which adds U+FEFF) understand it: a value blank for
/// either side is blank here, so the validator and the schema's pattern agree.
#[inline]
pub fn is_blank(value: &str) -> bool {
    // Fast path: a first byte in `!`..=DEL is a character that is not white space (every ASCII
    // white space character is at most U+0020), so the value is not blank.
    match value.as_bytes().first() {
        Some(&b) if (0x21..=0x7F).contains(&b) => false,
        _ => is_blank_slow(value),
    }
}

#[inline(never)]
fn is_blank_slow(value: &str) -> bool {
    value.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}')
}

/// `not_blank`: at least one character that is not whitespace.
#[inline]
pub fn not_blank(rule: &RuleInfo, value: &str, path: &Path<'_>, report: &mut Report) {
    if is_blank(value) {
        blank(rule, value, path, report);
    }
}

#[cold]
#[inline(never)]
pub(super) fn blank(rule: &RuleInfo, value: &str, path: &Path<'_>, report: &mut Report) {
    let found = if value.is_empty() {
        "an empty string".to_owned()
    } else {
        format!("only whitespace ({})", show(value))
    };
    report.push(rule, path, format!("must not be blank, found {found}"));
}

/// `non_empty`: at least one character or item.
#[inline]
pub fn non_empty<L: Length + ?Sized>(
    rule: &RuleInfo,
    value: &L,
    path: &Path<'_>,
    report: &mut Report,
) {
    if is_empty(value) {
        empty::<L>(rule, path, report);
    }
}

/// Whether `value` has no character or item; a positive lower bound settles it without counting.
#[inline]
pub(super) fn is_empty<L: Length + ?Sized>(value: &L) -> bool {
    value.length_bounds().0 == 0 && value.length() == 0
}

#[cold]
#[inline(never)]
pub(super) fn empty<L: Length + ?Sized>(rule: &RuleInfo, path: &Path<'_>, report: &mut Report) {
    report.push(
        rule,
        path,
        format!("must not be empty, found 0 {}", L::UNIT),
    );
}

/// `format = ".."`: the string must be in the named format.
#[inline]
pub fn format(rule: &RuleInfo, value: &str, format: Format, path: &Path<'_>, report: &mut Report) {
    if !format.matches(value) {
        format_violated(rule, value, format, path, report);
    }
}

#[cold]
#[inline(never)]
pub(super) fn format_violated(
    rule: &RuleInfo,
    value: &str,
    format: Format,
    path: &Path<'_>,
    report: &mut Report,
) {
    report.push(
        rule,
        path,
        format!("{} is not {}", show(value), format.expectation()),
    );
}

/// `known`: an open enumeration must hold one of the values this crate knows.
#[inline]
pub fn known<E: KnownValues + ?Sized>(
    rule: &RuleInfo,
    value: &E,
    path: &Path<'_>,
    report: &mut Report,
) {
    if !value.is_known() {
        unknown(rule, value, path, report);
    }
}

#[cold]
#[inline(never)]
pub(super) fn unknown<E: KnownValues + ?Sized>(
    rule: &RuleInfo,
    value: &E,
    path: &Path<'_>,
    report: &mut Report,
) {
    let message = format!(
        "{} is not one of {}",
        show(value.as_wire()),
        E::KNOWN.join(", ")
    );
    // `http` for `HTTP`: the one known value that differs only in case is certainly the one meant.
    let wire = value.as_wire().trim();
    let mut same_but_case = E::KNOWN.iter().filter(|k| k.eq_ignore_ascii_case(wire));
    match (same_but_case.next(), same_but_case.next()) {
        (Some(known), None) => report.push_with_repair(
            rule,
            path,
            message,
            format!("write `{known}`"),
            Repair::set_string(format!("write `{known}`"), &path.to_pointer(), *known),
        ),
        _ => report.push(rule, path, message),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{SchemaSupport, Severity, Source};

    const RULE: RuleInfo = RuleInfo {
        code: "length",
        severity: Severity::Error,
        source: Source::Inferred,
        citation: "",
        pointer: "",
        description: "",
        schema: SchemaSupport::Keyword,
    };

    /// What `length` reported before it skipped counting: the exact count, always.
    fn length_reference(value: &str, min: Option<usize>, max: Option<usize>) -> Report {
        let mut report = Report::new();
        let path = Path::Root;
        let n = value.chars().count();
        if let Some(min) = min
            && n < min
        {
            report.push(
                &RULE,
                &path,
                format!("has {n} characters, fewer than the minimum of {min}"),
            );
        } else if let Some(max) = max
            && n > max
        {
            report.push(
                &RULE,
                &path,
                format!("has {n} characters, more than the maximum of {max}"),
            );
        }
        report
    }

    #[test]
    fn length_bounds_never_change_the_verdict() {
        let bounds = [None, Some(0), Some(1), Some(2), Some(3), Some(5), Some(8)];
        for value in crate::rules::random_strings("aé€😀 ", 3_000, 9) {
            for min in bounds {
                for max in bounds {
                    let mut report = Report::new();
                    length(&RULE, value.as_str(), min, max, &Path::Root, &mut report);
                    assert_eq!(report, length_reference(&value, min, max), "{value:?}");
                }
            }
        }
    }

    #[test]
    fn the_blank_fast_path_agrees_with_the_definition() {
        let values = crate::rules::random_strings(
            " \t\u{b}\u{c}\r\n\u{85}\u{a0}\u{feff}a!~\u{7f}\u{1f}",
            50_000,
            4,
        );
        for value in values {
            let expected = value.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}');
            assert_eq!(is_blank(&value), expected, "{value:?}");
        }
    }
}
