//! The location of a value inside a document, built lazily.
//!
//! Validation walks a value tree and must know where it is so that a violation can name the
//! offending member. Building a JSON Pointer string at every step would allocate on the valid
//! path; instead each step borrows its parent on the stack, and the pointer is only rendered
//! when a violation is recorded (the technique garde uses).

use std::fmt::{self, Write as _};

/// A path from the document root to a value, as a linked list on the stack.
///
/// ```
/// use qovery_model::validate::Path;
///
/// let root = Path::Root;
/// let ports = root.field("ports");
/// let first = ports.index(0);
/// let port = first.field("internal_port");
/// assert_eq!(port.to_pointer(), "/ports/0/internal_port");
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The document root (the empty pointer `""`).
    Root,
    /// A member of an object, by its serde wire name.
    Field {
        /// The object holding the member.
        parent: &'a Path<'a>,
        /// The member's wire name.
        name: &'static str,
    },
    /// An element of an array.
    Index {
        /// The array.
        parent: &'a Path<'a>,
        /// The zero-based index.
        index: usize,
    },
    /// A member of a free-form object, by a key only known at run time.
    Key {
        /// The object holding the member.
        parent: &'a Path<'a>,
        /// The key as written in the document.
        key: &'a str,
    },
}

impl<'a> Path<'a> {
    /// The path of the member `name` of the object at this path.
    #[inline]
    pub fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field { parent: self, name }
    }

    /// The path of element `index` of the array at this path.
    #[inline]
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index {
            parent: self,
            index,
        }
    }

    /// The path of the member `key` (a run-time key) of the object at this path.
    #[inline]
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key { parent: self, key }
    }

    /// Renders the path as an RFC 6901 JSON Pointer (`~` as `~0`, `/` as `~1`).
    pub fn to_pointer(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = self.write_pointer(&mut out);
        out
    }

    fn write_pointer(&self, out: &mut String) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field { parent, name } => {
                parent.write_pointer(out)?;
                out.push('/');
                push_escaped(out, name);
                Ok(())
            }
            Path::Index { parent, index } => {
                parent.write_pointer(out)?;
                write!(out, "/{index}")
            }
            Path::Key { parent, key } => {
                parent.write_pointer(out)?;
                out.push('/');
                push_escaped(out, key);
                Ok(())
            }
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_pointer())
    }
}

/// Appends one reference token to a pointer, escaped as RFC 6901 requires.
pub fn push_escaped(out: &mut String, token: &str) {
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_the_empty_pointer() {
        assert_eq!(Path::Root.to_pointer(), "");
    }

    #[test]
    fn keys_are_escaped() {
        let root = Path::Root;
        let config = root.field("config_json");
        let key = config.key("a/b~c");
        assert_eq!(key.to_pointer(), "/config_json/a~1b~0c");
    }
}
