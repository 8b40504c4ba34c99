//! Which open documents are checked, and how: the configuration that applies to each (the
//! `.qovery-lint.toml` nearest above it, as `check` finds it from the current directory), and
//! the one call into the checker.

use crate::cli::args::CheckArgs;
use crate::cli::config::{self, ConfigError, Settings};
use crate::cli::discover::is_payload_name;
use crate::cli::run::options_for;
use qovery_model::document;
use qovery_model::validate::Report;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The settings of every configuration file met so far, by file (`None`: no file applies).
#[derive(Debug, Default)]
pub struct Configs {
    loaded: HashMap<Option<PathBuf>, Settings>,
}

impl Configs {
    /// The settings for a document at `path`, and the error of its configuration file when
    /// that file is invalid (the defaults apply then, so the document is still checked).
    pub fn for_document(
        &mut self,
        path: Option<&Path>,
    ) -> Result<(Settings, Option<ConfigError>), ConfigError> {
        let file = path.and_then(Path::parent).and_then(config::find_upward);
        if let Some(settings) = self.loaded.get(&file) {
            return Ok((settings.clone(), None));
        }
        let (settings, error) = match resolve(file.clone()) {
            Ok(settings) => (settings, None),
            Err(error) => (resolve(None)?, Some(error)),
        };
        self.loaded.insert(file, settings.clone());
        Ok((settings, error))
    }

    /// Forgets every file read: a configuration file was created, changed or deleted.
    pub fn clear(&mut self) {
        self.loaded.clear();
    }
}

/// `check`'s settings with this configuration file, or none.
fn resolve(file: Option<PathBuf>) -> Result<Settings, ConfigError> {
    config::resolve(&CheckArgs {
        paths: Vec::new(),
        stdin_filename: None,
        kind: None,
        registry_kind: None,
        no_config: file.is_none(),
        config: file,
        strict: false,
        deny_warnings: false,
        format: None,
        color: None,
        jobs: Some(1),
        quiet: false,
        max_bytes: None,
    })
}

/// Whether a document is checked: a `.json`, `.yaml` or `.yml` name, as a directory walk of
/// `check` selects (a document with no file name, an unsaved buffer, by its language).
pub fn selected(name: &str, language: Option<&str>) -> bool {
    is_payload_name(Path::new(name)) || language.is_some_and(|l| matches!(l, "json" | "yaml"))
}

/// Checks one document as `check` checks a file of this name under `settings`.
pub fn lint(text: &str, name: &str, settings: &Settings) -> Report {
    document::check(text.as_bytes(), &options_for(name, settings))
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
        assert!(selected("/a/b.yml", None));
        assert!(selected("untitled:1", Some("json")));
        assert!(!selected("/a/b.toml", Some("toml")));
    }
}
