//! One did-you-mean rule: the derive's suggestion for a misspelt `#[qovery(...)]` key
//! (`qovery-model-derive`'s `symbol::closest`, reached through its hidden `__closest!` macro) is
//! the one `document::closest` gives for a misspelt member, on every row of one table that
//! exercises each part of the rule: case folding, the `max(2, len / 4)` threshold on both sides of
//! its edge, the "keeps a character of the key" bound, the length prefilter, ties and non-ASCII.

use qovery_model::document::closest;

/// Asserts that both rules give `expected` for `key` among the candidates.
macro_rules! agree {
    ($key:literal, [$($candidate:literal),* $(,)?], $expected:expr) => {{
        let derive: Option<&str> = qovery_model_derive::__closest!($key, [$($candidate),*]);
        let document = closest($key, [$($candidate),*].into_iter());
        let expected: Option<&str> = $expected;
        assert_eq!((derive, document), (expected, expected), "key {:?}", $key);
    }};
}

#[test]
fn the_derive_and_the_document_checker_suggest_alike() {
    // A transposition is two edits.
    agree!("rnage", ["range", "length"], Some("range"));
    // The key is lowercased; candidates are compared as written.
    agree!("RANGE", ["range", "length"], Some("range"));
    agree!("Default", ["default", "example"], Some("default"));
    // A suggestion keeps at least one character of the key.
    agree!("a", ["tag"], None);
    agree!("ab", ["tag"], None);
    agree!("tg", ["tag"], Some("tag"));
    // The threshold is max(2, len / 4) for a candidate of `len` bytes: 3 for 12.
    agree!("abcdefghi", ["abcdefghijkl"], Some("abcdefghijkl"));
    agree!("abcdefgh", ["abcdefghijkl"], None);
    agree!("xyz", ["abc"], None);
    // A key much longer than every candidate is not one of them.
    agree!("range_range_range", ["range"], None);
    agree!(
        "null_as_absentt",
        ["null_as_absent"],
        Some("null_as_absent")
    );
    // Ties go to the first candidate.
    agree!("rang", ["range", "rank"], Some("range"));
    agree!("rang", ["rank", "range"], Some("rank"));
    agree!("date_time", ["uuid", "uri", "date-time"], Some("date-time"));
    agree!("ránge", ["range"], Some("range"));
    agree!("", ["range"], None);
    agree!("range", [], None);
}
