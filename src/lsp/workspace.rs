//! Which open documents are checked, and how: the configuration that applies to each (the
//! `.qovery-lint.toml` nearest above it, as `check` finds it from the current directory), the
//! selection of `check`'s walk (include, exclude, payload names, the not-a-payload rule), and
//! the one call into the engine.

use crate::engine;
use crate::select;
use crate::settings::{ConfigError, Settings, find_upward};
use qovery_model::validate::Diagnostic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The settings of every configuration file met so far, by file (`None`: no file applies).
#[derive(Debug, Default)]
pub struct Configs {
    loaded: HashMap<Option<PathBuf>, Settings>,
}

impl Configs {
    /// The settings for a document at `path`, and the error of its configuration file when
    /// that file is invalid (the defaults apply then, so the document is still checked; the
    /// error is given once, when the file is first read).
    pub fn for_document(&mut self, path: Option<&Path>) -> (Settings, Option<ConfigError>) {
        let file = path.and_then(Path::parent).and_then(find_upward);
        if let Some(settings) = self.loaded.get(&file) {
            return (settings.clone(), None);
        }
        let (settings, error) = match file.as_deref().map(Settings::from_file) {
            None => (Settings::default(), None),
            Some(Ok(settings)) => (settings, None),
            Some(Err(error)) => (Settings::default(), Some(error)),
        };
        self.loaded.insert(file, settings.clone());
        (settings, error)
    }

    /// Forgets every file read: a configuration file was created, changed or deleted.
    pub fn clear(&mut self) {
        self.loaded.clear();
    }
}

/// Whether a document is checked: a file that `check`'s walk would check under `settings`
/// (include, exclude, payload names); an unsaved buffer by its language.
pub fn selected(path: Option<&Path>, language: &str, settings: &Settings) -> bool {
    match path {
        Some(path) => select::is_candidate(path, settings),
        None => matches!(language, "json" | "yaml"),
    }
}

/// Checks one document as `check` checks a file of this name found by a walk: the rule levels
/// and suppressions applied, nothing for a file that is plainly not a payload, and suppressed
/// diagnostics left out.
pub fn lint(text: &str, name: &str, settings: &Settings) -> Vec<Diagnostic> {
    let report = engine::lint(Path::new(name), text.as_bytes(), settings, true);
    report
        .findings
        .into_iter()
        .filter(|finding| !finding.suppressed)
        .map(|finding| finding.diagnostic)
        .collect()
}

/// The file path of a `file:` URI (percent-decoded), if it is one.
pub fn file_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // `file:///path` (empty authority) or `file://localhost/path`.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    let mut bytes = Vec::with_capacity(path.len());
    let mut input = path.bytes();
    while let Some(byte) = input.next() {
        if byte == b'%' {
            let hex: Vec<u8> = input.by_ref().take(2).collect();
            let value = std::str::from_utf8(&hex)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())?;
            bytes.push(value);
        } else {
            bytes.push(byte);
        }
    }
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::{file_path, selected};
    use std::path::PathBuf;

    #[test]
    fn file_uris() {
        assert_eq!(
            file_path("file:///home/me/my%20app/web.response.json"),
            Some(PathBuf::from("/home/me/my app/web.response.json"))
        );
        assert_eq!(file_path("untitled:Untitled-1"), None);
        assert_eq!(file_path("file:///a%zz"), None);
    }

    #[test]
    fn selection() {
        let settings = crate::settings::Settings::default();
        assert!(selected(
            Some(std::path::Path::new("/a/b.yml")),
            "yaml",
            &settings
        ));
        assert!(!selected(
            Some(std::path::Path::new("/a/b.toml")),
            "toml",
            &settings
        ));
        assert!(selected(None, "json", &settings));
        assert!(!selected(None, "toml", &settings));
    }
}
