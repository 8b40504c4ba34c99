//! `tag`: a Docker tag.
//!
//! Docker's reference grammar: letters, digits, `_`, `.` and `-`, not starting with `.` or `-`,
//! at most 128 characters (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`). Qovery pulls
//! `image_name:tag`, so a tag outside the grammar makes the pull fail.

use super::first_bad_char;
use crate::validate::quote::{self, show};
use crate::validate::{
    Path, Repair, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, codes,
};
use regex::Regex;
use std::sync::LazyLock;

/// The Docker tag grammar, anchored (ECMA-262 compatible: it is also the schema's `pattern`).
pub const TAG_PATTERN: &str = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";

pub(super) static TAG: LazyLock<Regex> = LazyLock::new(|| super::image_name::compile(TAG_PATTERN));

/// [`TAG_PATTERN`] without the regex engine, for the hot path (every valid payload): the same
/// language (ASCII only, so 128 characters are 128 bytes); the tests check it against the regex,
/// which stays the authority.
fn is_tag(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes
        .first()
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        && bytes.len() <= 128
        // One table lookup per byte, no branch.
        && bytes
            .iter()
            .fold(true, |ok, &b| ok & TAG_BYTE[usize::from(b)])
}

/// The bytes of a tag: `[A-Za-z0-9_.-]`.
static TAG_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        // `b` < 256: the cast is exact.
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-');
        b += 1;
    }
    table
};

/// The tag is a Docker tag.
pub const DOCKER_TAG: RuleInfo = RuleInfo {
    code: codes::DOCKER_TAG,
    severity: Severity::Error,
    source: Source::Registry,
    citation: "distribution/reference regexp.go (tag = `[\\w][\\w.-]{0,127}`); Qovery/engine@59fa717 src/environment/models/container.rs:251 pulls `<image_name>:<tag>`",
    pointer: "",
    description: "a Docker tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}` (letters, digits, `_`, `.`, `-`; not starting with `.` or `-`; at most 128 characters)",
    schema: SchemaSupport::Keyword,
};

/// The Docker tag grammar, on the `tag` field (request and response). A blank value is left to
/// `not_blank`.
pub struct DockerTag;

impl<C: ?Sized> Rule<String, C> for DockerTag {
    const RULES: &'static [RuleInfo] = &[DOCKER_TAG];

    fn check(value: &String, _: &C, path: &Path<'_>, report: &mut Report) {
        if is_tag(value) || crate::validate::keyword::is_blank(value) || TAG.is_match(value) {
            return;
        }
        let (problem, help) = diagnose(value);
        let message = format!(
            "{} is not a Docker tag: {problem}; expected letters, digits, `_`, `.` and `-`, not starting with `.` or `-`, at most 128 characters",
            show(value)
        );
        match help {
            Some(Help {
                text,
                tag: Some(tag),
            }) => {
                // Spaces around a tag are certainly not part of it; the tag after the `:` of a
                // full reference leaves its image part behind, which may not be `image_name`.
                let repair =
                    Repair::set_string(format!("set `tag` to `{tag}`"), &path.to_pointer(), tag);
                let repair = if tag == value.trim() {
                    repair
                } else {
                    Repair::unsafe_(repair.title, repair.changes)
                };
                report.push_with_repair(&DOCKER_TAG, path, message, text, repair);
            }
            Some(Help { text, tag: None }) => {
                report.push_with_help(&DOCKER_TAG, path, message, text)
            }
            None => report.push(&DOCKER_TAG, path, message),
        }
    }

    fn schema(schema: &mut serde_json::Map<String, serde_json::Value>) {
        super::add_pattern(schema, TAG_PATTERN);
    }
}

/// The help for a tag that does not match, with the tag it names when there is one.
struct Help<'a> {
    text: String,
    tag: Option<&'a str>,
}

/// What is wrong with a tag that does not match, and a fix when one is obvious.
fn diagnose(value: &str) -> (String, Option<Help<'_>>) {
    fn set(tag: &str) -> Help<'_> {
        Help {
            text: format!("set `tag` to `{tag}`"),
            tag: Some(tag),
        }
    }
    let trimmed = value.trim();
    if trimmed != value && TAG.is_match(trimmed) {
        return ("it has spaces around it".to_owned(), Some(set(trimmed)));
    }
    if let Some(digest) = value
        .strip_prefix('@')
        .or_else(|| value.starts_with("sha256:").then_some(value))
    {
        return (
            "it is a digest".to_owned(),
            Some(Help {
                text: format!(
                    "Qovery pulls by tag: set `tag` to the tag that points to `{digest}`"
                ),
                tag: None,
            }),
        );
    }
    if let Some((_, tag)) = value.rsplit_once(':')
        && TAG.is_match(tag)
    {
        return (
            "it holds `:`, as in a full image reference".to_owned(),
            Some(set(tag)),
        );
    }
    let length = value.chars().count();
    if length > 128 {
        return (format!("it has {length} characters, more than 128"), None);
    }
    if let Some(first) = value.chars().next()
        && matches!(first, '.' | '-')
    {
        return (format!("it starts with `{first}`"), None);
    }
    match first_bad_char(value, |c| {
        !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    }) {
        Some((at, c)) => (
            format!("{} at character {at} is not allowed", quote::char(c)),
            None,
        ),
        None => ("it does not match the grammar".to_owned(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar() {
        for ok in ["1.27", "latest", "v1.2.3-rc.1", "_x", "A_b-C.d"] {
            assert!(TAG.is_match(ok), "{ok}");
        }
        let long = "a".repeat(129);
        for bad in ["", ".x", "-x", "1.27 ", "a:b", "a/b", long.as_str()] {
            assert!(!TAG.is_match(bad), "{bad}");
        }
    }

    use crate::rules::random_strings;

    #[test]
    fn the_fast_matcher_is_the_regex() {
        let long = "a".repeat(128);
        let longer = "a".repeat(129);
        let mut values = random_strings("aZ09_.-:/ é", 50_000, 12);
        values.extend([long, longer, String::new()]);
        for value in values {
            assert_eq!(is_tag(&value), TAG.is_match(&value), "{value:?}");
        }
    }

    #[test]
    fn mistakes_get_a_fix() {
        let help = |value| diagnose(value).1.map(|help| (help.text, help.tag));
        let set = Some(("set `tag` to `1.27`".to_owned(), Some("1.27")));
        assert_eq!(help(" 1.27"), set);
        assert_eq!(help("nginx:1.27"), set);
        assert!(diagnose("@sha256:abc").0.contains("digest"));
        assert_eq!(diagnose(".x").0, "it starts with `.`");
        assert_eq!(diagnose("a/b").0, "`/` at character 2 is not allowed");
    }
}
