//! Every word `#[qovery(...)]` understands, written once.
//!
//! The keys are [`Symbol`]s: the parser compares paths with them, the "unknown key" error lists
//! and suggests from the same per-place tables, and the unit test below checks that the crate
//! documentation's tables name each one. The enumerated values (`severity`, `source`, `format`)
//! are Rust enums declared with their spellings by [`enumerated!`], so `expand/` only sees typed
//! values.

use std::fmt::{self, Display};
use syn::Path;

/// A key of `#[qovery(...)]`, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symbol(pub &'static str);

impl Symbol {
    /// The symbol of `keys` that `path` is, if any.
    pub fn find(keys: &[Symbol], path: &Path) -> Option<Symbol> {
        keys.iter().copied().find(|key| *path == *key)
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, symbol: &Symbol) -> bool {
        self.is_ident(symbol.0)
    }
}

impl Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

pub const ATTRIBUTE: Symbol = Symbol("qovery");

pub const RANGE: Symbol = Symbol("range");
pub const LENGTH: Symbol = Symbol("length");
pub const PATTERN: Symbol = Symbol("pattern");
pub const NOT_BLANK: Symbol = Symbol("not_blank");
pub const NON_EMPTY: Symbol = Symbol("non_empty");
pub const FORMAT: Symbol = Symbol("format");
pub const KNOWN: Symbol = Symbol("known");
pub const NESTED: Symbol = Symbol("nested");
pub const CUSTOM: Symbol = Symbol("custom");
pub const EACH: Symbol = Symbol("each");
pub const DEFAULT: Symbol = Symbol("default");
pub const EXAMPLE: Symbol = Symbol("example");
pub const NULL_AS_ABSENT: Symbol = Symbol("null_as_absent");
pub const SEVERITY: Symbol = Symbol("severity");
pub const SOURCE: Symbol = Symbol("source");
pub const CODE: Symbol = Symbol("code");
pub const DESCRIPTION: Symbol = Symbol("description");
pub const CITE: Symbol = Symbol("cite");
pub const MIN: Symbol = Symbol("min");
pub const MAX: Symbol = Symbol("max");
pub const RULE: Symbol = Symbol("rule");
pub const SCHEMA: Symbol = Symbol("schema");
pub const CONTEXT: Symbol = Symbol("context");

/// The keys of a field's `#[qovery(...)]`, in the documentation's order.
pub const FIELD_KEYS: &[Symbol] = &[
    RANGE,
    LENGTH,
    PATTERN,
    NOT_BLANK,
    NON_EMPTY,
    FORMAT,
    KNOWN,
    NESTED,
    CUSTOM,
    EACH,
    DEFAULT,
    EXAMPLE,
    NULL_AS_ABSENT,
    SEVERITY,
    SOURCE,
    CODE,
    DESCRIPTION,
    CITE,
];

/// The rules `each(...)` applies to every element.
pub const EACH_KEYS: &[Symbol] = &[
    RANGE, LENGTH, PATTERN, NOT_BLANK, NON_EMPTY, FORMAT, KNOWN, CUSTOM,
];

/// The metadata keys: they describe the rules of their attribute.
pub const META_KEYS: &[Symbol] = &[SEVERITY, SOURCE, CODE, DESCRIPTION, CITE];

/// The bounds inside `range(...)` and `length(...)`.
pub const BOUND_KEYS: &[Symbol] = &[MIN, MAX];

/// The keys of a type's `#[qovery(...)]`.
pub const CONTAINER_KEYS: &[Symbol] = &[RULE, SCHEMA, CONTEXT];

/// A closed set of values an attribute names, each with its spelling in `#[qovery(...)]`.
pub trait Enumerated: Copy + 'static {
    /// What the value is, for messages (`source`).
    const WHAT: &'static str;
    /// Every value, in the documentation's order.
    const ALL: &'static [Self];
    /// The spelling in `#[qovery(...)]`.
    fn name(self) -> &'static str;
    /// The value spelled `name`.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.name() == name)
    }
}

/// Declares an [`Enumerated`] enum whose variants are named as in `qovery_model::validate`, so
/// [`variant`](Severity::variant) names the runtime value the emitted code builds.
macro_rules! enumerated {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($variant),+
        }

        impl Enumerated for $name {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl $name {
            /// The variant of the same name in `qovery_model::validate`.
            pub fn variant(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant)),+
                }
            }
        }
    };
}

enumerated! {
    /// `severity = ..`: `validate::Severity`.
    Severity, "severity" {
        Error => "error",
        Warning => "warning",
    }
}

enumerated! {
    /// `source = ..`: `validate::Source`.
    Source, "source" {
        Spec => "spec",
        SpecProse => "spec_prose",
        Kubernetes => "kubernetes",
        Engine => "engine",
        Registry => "registry",
        TerraformProvider => "terraform",
        Console => "console",
        Inferred => "inferred",
    }
}

enumerated! {
    /// `format = ".."`: `validate::Format`.
    Format, "format" {
        Uuid => "uuid",
        Uri => "uri",
        DateTime => "date-time",
    }
}

/// `` `a` or `b` `` for two items, `` one of `a`, `b`, `c` `` for more: what an error lists.
pub fn expected<I: IntoIterator<Item = &'static str>>(items: I) -> String {
    let items: Vec<String> = items.into_iter().map(|i| format!("`{i}`")).collect();
    match items.as_slice() {
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", items.join(", ")),
    }
}

/// The candidate closest to `key`, if close enough to be a typo.
///
/// The mirror of `qovery_model::document::closest` (a proc-macro crate can neither export a
/// function nor depend on `qovery-model`), so a misspelt attribute key and a misspelt member get
/// the same suggestion: a Levenshtein distance ([`strsim::levenshtein`], with the key lowercased)
/// of at most `max(2, len / 4)` for a candidate of `len` bytes, and below the key's length, so a
/// suggestion keeps at least one character of the key. `qovery-model/tests/closest_rule.rs` runs
/// both on one table, through [`crate::__closest`].
pub fn closest<'a>(key: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let key_lower = key.to_lowercase();
    let key_len = key_lower.chars().count();
    candidates
        // The edit distance is at least the difference of the lengths, so a key much longer
        // than a candidate is not compared with it.
        .filter(|candidate| key_len <= candidate.chars().count() + 2.max(candidate.len() / 4))
        .map(|candidate| (strsim::levenshtein(&key_lower, candidate), candidate))
        .filter(|(distance, candidate)| {
            *distance <= 2.max(candidate.len() / 4) && *distance < key_len
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The crate documentation (lib.rs's tables) names every key and every enumerated value.
    #[test]
    fn the_documentation_names_every_key_and_value() {
        let docs = include_str!("lib.rs");
        let mut missing: Vec<String> = FIELD_KEYS
            .iter()
            .chain(CONTAINER_KEYS)
            .chain(BOUND_KEYS)
            .map(|key| format!("`{key}"))
            .chain(Severity::ALL.iter().map(|v| format!("`{}`", v.name())))
            .chain(Source::ALL.iter().map(|v| format!("`{}`", v.name())))
            .chain(Format::ALL.iter().map(|v| format!("\"{}\"", v.name())))
            .filter(|written| !docs.contains(written.as_str()))
            .collect();
        missing.sort();
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn every_key_table_draws_on_the_field_or_container_keys() {
        for key in EACH_KEYS.iter().chain(META_KEYS) {
            assert!(FIELD_KEYS.contains(key), "{key}");
        }
    }

    #[test]
    fn enumerated_values_round_trip_their_spelling() {
        assert_eq!(
            Source::from_name("terraform"),
            Some(Source::TerraformProvider)
        );
        assert_eq!(Source::TerraformProvider.variant(), "TerraformProvider");
        assert_eq!(Format::from_name("date-time"), Some(Format::DateTime));
        assert_eq!(Format::from_name("email"), None);
        assert_eq!(Severity::from_name("Error"), None);
        assert_eq!(
            expected(Severity::ALL.iter().map(|s| s.name())),
            "`error` or `warning`"
        );
        assert_eq!(
            expected(Format::ALL.iter().map(|f| f.name())),
            "one of `uuid`, `uri`, `date-time`"
        );
    }
}
