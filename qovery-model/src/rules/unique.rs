//! Finding duplicates in a list without allocating in the common case.
//!
//! A container has a handful of ports, storages and groups, so the uniqueness rules compare
//! pairwise up to [`PAIRWISE_MAX`] elements: no allocation, and fewer instructions than sorting.
//! A list longer than that (a generated payload, a fuzzer) would make the pairwise walk quadratic,
//! so above it the indices are sorted by key once (O(n log n), one allocation of `n` indices,
//! paid only by such lists). Both walks report the same duplicates in the same order.

use std::cmp::Ordering;

/// The longest list compared pairwise (at most 2,016 comparisons).
pub const PAIRWISE_MAX: usize = 64;

/// Calls `found(index, first)` for every element whose key equals the key of an earlier element,
/// in increasing `index` order, with `first` the index of the first element with that key.
/// Elements whose `key` is `None` take no part.
///
/// `cmp` must be a total order whose `Equal` is the equality wanted (e.g. a case-insensitive
/// order for names).
///
/// ```
/// use qovery_model::rules::unique::for_each_duplicate;
///
/// let ports = [80, 443, 80, 8080, 443];
/// let mut found = Vec::new();
/// for_each_duplicate(&ports, |p| Some(p), |a, b| a.cmp(b), |i, first| found.push((i, first)));
/// assert_eq!(found, [(2, 0), (4, 1)]);
/// ```
#[inline]
pub fn for_each_duplicate<'a, T, K: ?Sized + 'a>(
    items: &'a [T],
    key: impl Fn(&'a T) -> Option<&'a K>,
    cmp: impl Fn(&K, &K) -> Ordering,
    found: impl FnMut(usize, usize),
) {
    // No earlier element to compare with: the usual single port, storage or group, checked
    // where the function is called.
    if items.len() >= 2 {
        find_duplicates(items, key, cmp, found);
    }
}

#[inline(never)]
fn find_duplicates<'a, T, K: ?Sized + 'a>(
    items: &'a [T],
    key: impl Fn(&'a T) -> Option<&'a K>,
    cmp: impl Fn(&K, &K) -> Ordering,
    mut found: impl FnMut(usize, usize),
) {
    if items.len() <= PAIRWISE_MAX {
        for (index, item) in items.iter().enumerate() {
            let Some(k) = key(item) else { continue };
            let first = items[..index]
                .iter()
                .position(|earlier| key(earlier).is_some_and(|e| cmp(e, k) == Ordering::Equal));
            if let Some(first) = first {
                found(index, first);
            }
        }
        return;
    }
    // Large list: sort the indices of the keyed elements by key (stable, so each run of equal
    // keys starts with its first occurrence), then report in index order.
    let mut order: Vec<(usize, &K)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| key(item).map(|k| (i, k)))
        .collect();
    order.sort_by(|a, b| cmp(a.1, b.1));
    let mut pairs = Vec::new();
    let mut run_start = 0;
    for i in 1..order.len() {
        if cmp(order[run_start].1, order[i].1) == Ordering::Equal {
            pairs.push((order[i].0, order[run_start].0));
        } else {
            run_start = i;
        }
    }
    pairs.sort_unstable();
    for (index, first) in pairs {
        found(index, first);
    }
}

/// Compares two strings case-insensitively (Unicode lowercase), without allocating.
pub fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    if a.eq_ignore_ascii_case(b) {
        return Ordering::Equal;
    }
    if a.is_ascii() && b.is_ascii() {
        // The usual case, without the Unicode tables: for ASCII, `char::to_lowercase` is
        // `to_ascii_lowercase`, and byte order is code point order.
        return a
            .bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()));
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duplicates<T, K: ?Sized>(
        items: &[T],
        key: impl Fn(&T) -> Option<&K>,
        cmp: impl Fn(&K, &K) -> Ordering,
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for_each_duplicate(items, key, cmp, |i, f| out.push((i, f)));
        out
    }

    #[test]
    fn small_and_large_lists_report_the_same_pairs() {
        // The same pattern of duplicates, once below and once above the pairwise limit.
        for len in [10usize, 500] {
            let items: Vec<u32> = (0..len as u32).map(|i| i % 7).collect();
            let found = duplicates(&items, |v| Some(v), |a, b| a.cmp(b));
            let expected: Vec<(usize, usize)> = (7..len).map(|i| (i, i % 7)).collect();
            assert_eq!(found, expected, "len {len}");
        }
    }

    #[test]
    fn unkeyed_elements_are_skipped() {
        let names = [Some("a"), None, Some("A"), None];
        let found = duplicates(&names, |n| n.as_ref().map(|s| *s), cmp_ignore_case);
        assert_eq!(found, [(2, 0)]);
    }

    #[test]
    fn case_insensitive_comparison_covers_unicode() {
        assert_eq!(cmp_ignore_case("Http", "hTTP"), Ordering::Equal);
        assert_eq!(cmp_ignore_case("ÉTÉ", "été"), Ordering::Equal);
        assert_ne!(cmp_ignore_case("web", "api"), Ordering::Equal);
        // The ASCII shortcut orders as the Unicode comparison does.
        let unicode = |a: &str, b: &str| {
            a.chars()
                .flat_map(char::to_lowercase)
                .cmp(b.chars().flat_map(char::to_lowercase))
        };
        let words = [
            "", "a", "A", "ab", "aB", "b", "_", "Z", "z", "[", "p10", "P9", "web",
        ];
        for a in words {
            for b in words {
                assert_eq!(cmp_ignore_case(a, b), unicode(a, b), "{a:?} {b:?}");
            }
        }
    }
}
