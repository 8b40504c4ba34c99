//! What a line's text is, for the position tables and the renderer alike: the bytes before its
//! `\n`, without a `\r` just before the `\n` (a `\r\n` break) or ending the input. A lone `\r`
//! inside a line stays (it is not a line break here, and it is counted in columns).

/// `line`, the bytes of one line up to (not including) its `\n` or the end of the input,
/// without the `\r` that ends it, if one does.
#[inline]
pub(crate) fn text(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}
