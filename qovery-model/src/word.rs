//! Eight bytes at a time, in safe code: the byte scans of the hot paths (string contents and
//! indentation in the fast-path reader, line breaks, dots in mount points).
//!
//! A word is eight bytes read little-endian, so its lowest byte comes first. A `flags` value has
//! the high bit of each flagged byte set. The usual "has a zero byte" trick flags every byte it
//! looks for, and may also flag bytes *after* a true one (a borrow runs upward): the lowest flag
//! is always exact, later ones must be checked when they matter.

/// `b` in each of the eight bytes.
pub(crate) const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The word at `pos`, if eight bytes remain.
#[cfg_attr(
    not(feature = "document"),
    allow(dead_code, reason = "used by the document checker")
)]
#[inline]
pub(crate) fn at(bytes: &[u8], pos: usize) -> Option<u64> {
    // `pos + 8` cannot overflow: a slice is at most `isize::MAX` bytes long, and a `pos` past
    // its end gives `None`.
    let chunk: &[u8; 8] = bytes.get(pos..pos + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(*chunk))
}

/// Flags the bytes of `word` equal to `b`.
#[inline]
pub(crate) const fn equal(word: u64, b: u8) -> u64 {
    let x = word ^ splat(b);
    x.wrapping_sub(splat(0x01)) & !x & splat(0x80)
}

/// Flags the bytes of `word` below `n` (`n` at most 0x80).
#[cfg_attr(
    not(feature = "document"),
    allow(dead_code, reason = "used by the document checker")
)]
#[inline]
pub(crate) const fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(splat(n)) & !word & splat(0x80)
}

/// The index, 0 to 7, of the lowest byte of `flags` that is not zero (`flags` is not 0): the
/// lowest flagged byte.
#[cfg_attr(
    not(feature = "document"),
    allow(dead_code, reason = "used by the document checker")
)]
#[inline]
pub(crate) const fn first(flags: u64) -> usize {
    (flags.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::{at, below, equal, first};

    #[test]
    fn the_lowest_flag_is_the_first_matching_byte() {
        let mut rng = crate::test_rng::Rng(0x05EE_D0FB_17E5);
        let alphabet = [
            b'"', b'\\', b'\n', 0x00, 0x01, 0x0B, 0x1F, b' ', b'a', 0x7F, 0x80, 0xFF,
        ];
        for _ in 0..100_000 {
            let bytes: Vec<u8> = (0..8)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let Some(word) = at(&bytes, 0) else {
                panic!("eight bytes make a word");
            };
            for b in [b'"', b'\\', b'\n', b' '] {
                let expected = bytes.iter().position(|&x| x == b);
                let flags = equal(word, b);
                assert_eq!(
                    (flags != 0).then(|| first(flags)),
                    expected,
                    "{bytes:?} {b}"
                );
            }
            let expected = bytes.iter().position(|&x| x < 0x20);
            let flags = below(word, 0x20);
            assert_eq!((flags != 0).then(|| first(flags)), expected, "{bytes:?}");
        }
        assert_eq!(at(b"1234567", 0), None);
        assert_eq!(at(b"12345678", 1), None);
    }
}
