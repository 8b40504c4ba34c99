//! Resource limits shared by the JSON and YAML parsers.

/// Resource limits applied while parsing a document.
///
/// The size of the document itself is limited by the caller, before parsing.
///
/// New limits may be added, so the struct is `#[non_exhaustive]`: start from
/// [`Limits::DEFAULT`] and change the fields you need.
///
/// ```
/// use qovery_model::document::limits::Limits;
///
/// let mut limits = Limits::DEFAULT;
/// limits.max_depth = 32;
/// assert_eq!(limits.max_nodes, 1_000_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// Maximum nesting depth of arrays and objects (sequences and mappings).
    ///
    /// The root container is at depth 1, so `[[1]]` has a depth of 2 and scalars add nothing.
    /// Opening a container deeper than this is a syntax error of kind
    /// [`SyntaxErrorKind::DepthLimit`](super::parse::SyntaxErrorKind::DepthLimit), reported at
    /// the opening bracket. For YAML, an alias that would expand past this depth is refused the
    /// same way. Both parsers work with an explicit stack, so any value is safe with respect to
    /// the call stack; note that YAML flow collections (`[`, `{`) cannot nest deeper than 255
    /// levels whatever this value. Default: 128.
    pub max_depth: usize,
    /// Maximum number of nodes (values: scalars, arrays and objects; keys are not counted) in
    /// the tree produced.
    ///
    /// For YAML, a node produced by expanding an alias counts once per expansion, so that an
    /// alias "bomb" ("billion laughs") is refused quickly with
    /// [`SyntaxErrorKind::NodeLimit`](super::parse::SyntaxErrorKind::NodeLimit) instead of
    /// exhausting memory. Default: 1,000,000.
    pub max_nodes: usize,
}

impl Limits {
    /// The default limits: depth 128, 1,000,000 nodes.
    pub const DEFAULT: Limits = Limits {
        max_depth: 128,
        max_nodes: 1_000_000,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::Limits;

    #[test]
    fn defaults() {
        let limits = Limits::default();
        assert_eq!(limits.max_depth, 128);
        assert_eq!(limits.max_nodes, 1_000_000);
        assert_eq!(limits, Limits::DEFAULT);
    }
}
