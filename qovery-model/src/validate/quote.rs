//! How a message quotes what the user wrote: a whole value, a part of one, one character. Every
//! message of the crate (typed rules, the document checker's syntax and structure) quotes
//! through these, so the same input reads the same in every message.

use std::borrow::Cow;

/// The most characters of a user value a message copies: a message stays short whatever the
/// size of the input it quotes.
const MAX_QUOTED_CHARS: usize = 60;

/// The first [`MAX_QUOTED_CHARS`] characters of `value`, or `None` when it is no longer.
fn head(value: &str) -> Option<&str> {
    let (cut, _) = value.char_indices().nth(MAX_QUOTED_CHARS)?;
    value.get(..cut)
}

/// A whole user value for a message: a Rust string literal (quotes, escapes), cut after
/// 60 characters with the full length said.
#[must_use]
pub fn show(value: &str) -> String {
    match head(value) {
        None => format!("{value:?}"),
        Some(head) => format!("{head:?}... ({} characters)", value.chars().count()),
    }
}

/// A part of a user value for a message, which the caller quotes (in backticks): whole when it
/// has at most 60 characters, else its first 60 characters and `…`.
#[must_use]
pub fn clip(value: &str) -> Cow<'_, str> {
    match head(value) {
        None => value.into(),
        Some(head) => format!("{head}…").into(),
    }
}

/// One character for a message: `` `x` `` when it is visible, else its code point and, for the
/// characters met in payloads, its name (`U+0009 (tab)`). A backtick is named, as it cannot be
/// quoted in backticks.
#[must_use]
pub fn char(c: char) -> String {
    let name = match c {
        '\0' => Some("NUL"),
        '\t' => Some("tab"),
        '\n' => Some("line feed"),
        '\r' => Some("carriage return"),
        ' ' => Some("space"),
        '`' => Some("backtick"),
        '\u{A0}' => Some("no-break space"),
        '\u{200B}' => Some("zero-width space"),
        '\u{FEFF}' => Some("byte order mark"),
        _ => None,
    };
    match name {
        Some(name) => format!("U+{:04X} ({name})", u32::from(c)),
        None if c.is_control() || c.is_whitespace() => format!("U+{:04X}", u32::from(c)),
        None => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::{char, clip, show};

    #[test]
    fn characters_are_quoted_or_named_by_code_point() {
        assert_eq!(char('x'), "`x`");
        assert_eq!(char('é'), "`é`");
        assert_eq!(char('\t'), "U+0009 (tab)");
        assert_eq!(char(' '), "U+0020 (space)");
        assert_eq!(char('\n'), "U+000A (line feed)");
        assert_eq!(char('`'), "U+0060 (backtick)");
        assert_eq!(char('\u{A0}'), "U+00A0 (no-break space)");
        assert_eq!(char('\u{1}'), "U+0001");
        assert_eq!(char('\u{2003}'), "U+2003");
    }

    #[test]
    fn values_are_cut_after_sixty_characters() {
        let sixty = "é".repeat(60);
        assert_eq!(show(&sixty), format!("\"{sixty}\""));
        assert_eq!(clip(&sixty), sixty);
        let long = format!("{sixty}ab");
        assert_eq!(show(&long), format!("\"{sixty}\"... (62 characters)"));
        assert_eq!(clip(&long), format!("{sixty}…"));
        assert_eq!(show("a\"b"), r#""a\"b""#);
    }
}
