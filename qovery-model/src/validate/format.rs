//! The string formats the spec names (`uuid`, `uri`, `date-time`), checked without extra
//! dependencies and with the same meaning as JSON Schema's format assertions.

use std::fmt;

/// A string format from the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// RFC 9562 UUID in its hyphenated form (`8-4-4-4-12` hexadecimal digits).
    Uuid,
    /// RFC 3986 absolute URI: a scheme, `:`, then only URI characters.
    Uri,
    /// RFC 3339 `date-time` (`2023-11-07T05:31:56Z`).
    DateTime,
}

impl Format {
    /// The JSON Schema `format` name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Uuid => "uuid",
            Format::Uri => "uri",
            Format::DateTime => "date-time",
        }
    }

    /// What a matching value looks like, for messages.
    pub const fn expectation(self) -> &'static str {
        match self {
            Format::Uuid => "a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a",
            Format::Uri => "an absolute URI such as https://example.com/icon.svg",
            Format::DateTime => "an RFC 3339 date-time such as 2023-11-07T05:31:56Z",
        }
    }

    /// Whether `value` is in this format.
    #[inline]
    pub fn matches(self, value: &str) -> bool {
        match self {
            Format::Uuid => is_uuid(value),
            Format::Uri => is_absolute_uri(value),
            Format::DateTime => is_date_time(value),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` with hexadecimal digits, any case.
pub fn is_uuid(value: &str) -> bool {
    let Ok(bytes) = <&[u8; 36]>::try_from(value.as_bytes()) else {
        return false;
    };
    // One branch-free pass over the fixed 36 bytes (the compiler vectorizes it): a dash where
    // the layout has one, a hexadecimal digit everywhere else. This runs on every valid payload.
    let mut ok = true;
    for (&b, &dash) in bytes.iter().zip(&UUID_DASHES) {
        let digit = b.wrapping_sub(b'0') < 10;
        let letter = (b | 0x20).wrapping_sub(b'a') < 6;
        ok &= if dash { b == b'-' } else { digit | letter };
    }
    ok
}

/// Where the hyphenated layout has its dashes (8, 13, 18 and 23).
const UUID_DASHES: [bool; 36] = {
    let mut dashes = [false; 36];
    dashes[8] = true;
    dashes[13] = true;
    dashes[18] = true;
    dashes[23] = true;
    dashes
};

/// RFC 3986 `absolute-URI` / `URI`: `scheme ":" ...` where the rest holds only unreserved,
/// reserved or percent-encoded characters.
pub fn is_absolute_uri(value: &str) -> bool {
    // The scheme: a letter, then letters, digits, `+`, `-` or `.` up to the first `:`. Any other
    // byte before a `:` (or no `:` at all) means the text before the first `:` is no scheme.
    let all = value.as_bytes();
    if !all.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let mut colon = 1;
    loop {
        match all.get(colon) {
            Some(b':') => break,
            Some(&b) if b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.') => colon += 1,
            _ => return false,
        }
    }
    let rest = &value[colon + 1..];
    // One pass over the bytes, one table lookup each (this runs on every valid payload):
    // percent-encodings, the allowed characters, the number of `#`, and whether any `[` or `]`
    // needs the host check.
    let bytes = rest.as_bytes();
    let mut hashes = 0usize;
    let mut brackets = false;
    let mut i = 0;
    loop {
        // The common case: skip the plain bytes, eight at a time (branch-free within a chunk),
        // then one at a time.
        let (chunks, _) = bytes.get(i..).unwrap_or_default().as_chunks::<8>();
        let plain_chunks = chunks
            .iter()
            .take_while(|chunk| {
                chunk.iter().fold(true, |plain, &b| {
                    plain & (URI_BYTE[usize::from(b)] == PLAIN)
                })
            })
            .count();
        i += plain_chunks * 8;
        let Some(plain) = bytes
            .get(i..)
            .and_then(|tail| tail.iter().position(|&b| URI_BYTE[usize::from(b)] != PLAIN))
        else {
            break;
        };
        i += plain;
        let Some(&b) = bytes.get(i) else {
            break;
        };
        match URI_BYTE[usize::from(b)] {
            PERCENT => {
                let hex = bytes.get(i + 1..i + 3);
                if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                    return false;
                }
                i += 2;
            }
            HASH => hashes += 1,
            BRACKET => brackets = true,
            _ => return false,
        }
        i += 1;
    }
    // At most one fragment delimiter, and `[` `]` only around an IP literal host (without any
    // bracket, `brackets_only_in_host` holds).
    hashes <= 1 && (!brackets || brackets_only_in_host(rest))
}

/// The classes of [`URI_BYTE`].
const NOT_ALLOWED: u8 = 0;
const PLAIN: u8 = 1;
const PERCENT: u8 = 2;
const HASH: u8 = 3;
const BRACKET: u8 = 4;

/// What each byte is after the scheme: unreserved, gen-delims and sub-delims are allowed (`%`,
/// `#`, `[` and `]` with more checks); anything else, non-ASCII included, is not.
static URI_BYTE: [u8; 256] = {
    let mut table = [NOT_ALLOWED; 256];
    let mut c: u8 = 0;
    let mut b = 0;
    while b < 256 {
        table[b] = match c {
            b'%' => PERCENT,
            b'#' => HASH,
            b'[' | b']' => BRACKET,
            b'-' | b'.' | b'_' | b'~' // unreserved
            | b':' | b'/' | b'?' | b'@' // gen-delims
            | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' // sub-delims
            => PLAIN,
            _ if c.is_ascii_alphanumeric() => PLAIN,
            _ => NOT_ALLOWED,
        };
        c = c.wrapping_add(1);
        b += 1;
    }
    table
};

/// `[` and `]` are gen-delims reserved for the IP-literal host of an authority
/// (`https://[::1]:8080/`): anywhere else, or unbalanced, the URI is invalid.
fn brackets_only_in_host(hier_part: &str) -> bool {
    let (authority, path_and_more) = match hier_part.strip_prefix("//") {
        Some(after) => {
            let end = after.find(['/', '?', '#']).unwrap_or(after.len());
            after.split_at(end)
        }
        None => ("", hier_part),
    };
    if path_and_more.contains(['[', ']']) {
        return false;
    }
    let host_and_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if !host_and_port.contains(['[', ']']) {
        return true;
    }
    let Some(inside) = host_and_port.strip_prefix('[') else {
        return false;
    };
    let Some((literal, after)) = inside.split_once(']') else {
        return false;
    };
    let port_ok = after.is_empty()
        || after
            .strip_prefix(':')
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()));
    !literal.is_empty()
        && literal
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.' | b'v' | b'V'))
        && port_ok
}

/// RFC 3339 section 5.6 `date-time`, with calendar and clock ranges checked.
pub fn is_date_time(value: &str) -> bool {
    parse_date_time(value).is_some()
}

/// Seconds since 0000-01-01T00:00:00Z (proleptic Gregorian), with the offset applied, plus the
/// fractional part as written; used to compare two date-times. `None` when not RFC 3339.
pub fn parse_date_time(value: &str) -> Option<(i64, u64)> {
    let b = value.as_bytes();
    if b.len() < 20 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = b.get(range)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(
            digits
                .iter()
                .fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0')),
        )
    };
    let year = num(0..4)?;
    let month = num(5..7)?;
    let day = num(8..10)?;
    let hour = num(11..13)?;
    let minute = num(14..16)?;
    let second = num(17..19)?;
    if b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    let mut fraction = 0u64;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 9 {
                fraction = fraction * 10 + u64::from(b[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start).min(9)..9 {
            fraction *= 10;
        }
    }
    let offset_minutes = match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() => {
            let oh = num(i + 1..i + 3)?;
            let om = num(i + 4..i + 6)?;
            if b[i + 3] != b':' || oh > 23 || om > 59 {
                return None;
            }
            let total = oh * 60 + om;
            if *sign == b'-' { -total } else { total }
        }
        _ => return None,
    };
    // Days from civil (Howard Hinnant's algorithm), shifted to year 0.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    // A leap second (`:60`) only exists as the last second of a UTC day: 23:59:60Z, or the same
    // instant written with an offset.
    if second == 60 && (seconds - 60).rem_euclid(86_400) != 86_340 {
        return None;
    }
    Some((seconds, fraction))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matcher this module used before the branch-free one: the reference it must agree with.
    fn is_uuid_reference(value: &str) -> bool {
        let bytes = value.as_bytes();
        bytes.len() == 36
            && [8, 13, 18, 23].into_iter().all(|i| bytes[i] == b'-')
            && [0..8, 9..13, 14..18, 19..23, 24..36]
                .into_iter()
                .all(|group| bytes[group].iter().all(u8::is_ascii_hexdigit))
    }

    #[test]
    fn the_uuid_matcher_is_the_reference() {
        let valid = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
        let mut values = crate::rules::random_strings("0aF-g", 20_000, 37);
        // Every single-byte change of a valid UUID, with bytes around each class boundary.
        for i in 0..36 {
            for c in "/09:@AFG`afg-~ \u{0}\u{7f}".chars() {
                let mut value = valid.as_bytes().to_vec();
                value[i] = c as u8;
                values.push(String::from_utf8(value).unwrap_or_default());
            }
            values.push(format!("{}é{}", &valid[..i], &valid[i + 1..]));
            values.push(valid[..i].to_owned());
        }
        values.push(valid.to_uppercase());
        for value in values {
            assert_eq!(is_uuid(&value), is_uuid_reference(&value), "{value:?}");
        }
    }

    /// The matcher this module used before the byte loops: the reference it must agree with.
    fn is_absolute_uri_reference(value: &str) -> bool {
        let Some((scheme, rest)) = value.split_once(':') else {
            return false;
        };
        let mut scheme_chars = scheme.bytes();
        let scheme_ok = scheme_chars.next().is_some_and(|b| b.is_ascii_alphabetic())
            && scheme_chars.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
        if !scheme_ok {
            return false;
        }
        let bytes = rest.as_bytes();
        let mut hashes = 0usize;
        let mut brackets = false;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            match URI_BYTE[usize::from(b)] {
                PLAIN => {
                    i += 1;
                    while bytes
                        .get(i)
                        .is_some_and(|&b| URI_BYTE[usize::from(b)] == PLAIN)
                    {
                        i += 1;
                    }
                    continue;
                }
                PERCENT => {
                    let hex = bytes.get(i + 1..i + 3);
                    if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                        return false;
                    }
                    i += 2;
                }
                HASH => hashes += 1,
                BRACKET => brackets = true,
                _ => return false,
            }
            i += 1;
        }
        hashes <= 1 && (!brackets || brackets_only_in_host(rest))
    }

    #[test]
    fn the_uri_matcher_is_the_reference() {
        let mut values = crate::rules::random_strings("a1+-.:/%#[]é_ ?@fA", 200_000, 12);
        values.extend(crate::rules::random_strings("a:/%#[]", 100_000, 9));
        for value in values {
            assert_eq!(
                is_absolute_uri(&value),
                is_absolute_uri_reference(&value),
                "{value:?}"
            );
        }
    }

    #[test]
    fn uuids() {
        assert!(is_uuid("3c90c3cc-0d44-4b50-8888-8dd25736052a"));
        assert!(is_uuid("3C90C3CC-0D44-4B50-8888-8DD25736052A"));
        assert!(!is_uuid("3c90c3cc0d444b5088888dd25736052a"));
        assert!(!is_uuid("<string>"));
        assert!(!is_uuid("3c90c3cc-0d44-4b50-8888-8dd25736052g"));
        assert!(!is_uuid("3c90c3cc-0d44-4b50-8888-8dd25736052a-"));
        assert!(!is_uuid("3c90c3cc00d44-4b50-8888-8dd25736052a"));
        assert!(!is_uuid("3c90c3cc-0d44-4b50-8888-8dd2573605é"));
        assert!(!is_uuid("-c90c3cc-0d44-4b50-8888-8dd25736052a"));
    }

    #[test]
    fn uris() {
        assert!(is_absolute_uri("https://example.com/icon.svg"));
        assert!(is_absolute_uri("app://qovery.console/nginx"));
        assert!(is_absolute_uri("urn:isbn:0451450523"));
        assert!(is_absolute_uri("https://example.com/a%20b"));
        assert!(!is_absolute_uri("<string>"));
        assert!(!is_absolute_uri("/relative/path"));
        assert!(!is_absolute_uri("https://example.com/a b"));
        assert!(!is_absolute_uri("https://example.com/%zz"));
        assert!(!is_absolute_uri("1http://x"));
        assert!(is_absolute_uri("https://[::1]:8080/x"));
        assert!(!is_absolute_uri("https://[::1"));
        assert!(!is_absolute_uri("https://example.com/[a]"));
        assert!(is_absolute_uri("https://example.com/%23#fragment"));
        assert!(!is_absolute_uri("https://example.com/#a#b"));
        assert!(!is_absolute_uri("https://example.com/é"));
        assert!(!is_absolute_uri("https://example.com/%2"));
    }

    #[test]
    fn date_times() {
        assert!(is_date_time("2023-11-07T05:31:56Z"));
        assert!(is_date_time("2023-11-07t05:31:56.123456789+02:00"));
        assert!(is_date_time("2024-02-29T00:00:00Z"));
        assert!(!is_date_time("2023-02-29T00:00:00Z"));
        assert!(!is_date_time("2023-11-07 05:31:56Z"));
        assert!(!is_date_time("2023-11-07T05:31:56"));
        assert!(!is_date_time("2023-13-07T05:31:56Z"));
        assert!(!is_date_time("2023-11-07T24:00:00Z"));
        assert!(!is_date_time("2023-11-07T05:31:56.Z"));
        assert!(is_date_time("2016-12-31T23:59:60Z"));
        assert!(is_date_time("2017-01-01T00:59:60+01:00"));
        assert!(!is_date_time("2024-03-01T10:00:60Z"));
    }

    #[test]
    fn date_times_compare_across_offsets() {
        let utc = parse_date_time("2023-11-07T05:31:56Z");
        let paris = parse_date_time("2023-11-07T06:31:56+01:00");
        assert_eq!(utc, paris);
        assert!(parse_date_time("2023-11-07T05:31:55Z") < utc);
    }
}
