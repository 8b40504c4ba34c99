//! From the paths on the command line to the files to check, in a stable order.
//!
//! - A file named on the command line is always checked, whatever its name and whatever
//!   `exclude` says, and only once; `-` is standard input.
//! - A directory is walked the way ripgrep walks it, with the `ignore` crate: `.gitignore` (in a
//!   git repository), `.ignore`, the global git excludes and `.git/info/exclude` are honoured and
//!   hidden entries skipped; entries are sorted by name, symbolic links followed, a link back to
//!   a directory being walked reported as a warning and not followed, and a directory reached
//!   twice walked once.
//! - In a walk, a file is a candidate when it matches `include` (every matched file is checked,
//!   no guessing) or, without `include`, when it is named `*.json`, `*.yaml` or `*.yml` (any case;
//!   the engine then skips it if it is plainly not a container payload); and when it does not
//!   match `exclude`. Globs match the path relative to [`Settings::root`].
//! - A path that does not exist, or a directory that cannot be read, becomes a failed input: it
//!   is reported (with code `io`) in its place and every other input is still checked.

use crate::settings::Settings;
use std::collections::HashSet;
use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, and whether a directory walk found it (rather than the command line).
    File {
        /// The path as found.
        path: PathBuf,
        /// Found by walking a directory: may be skipped as not a payload.
        walked: bool,
    },
    /// Standard input.
    Stdin,
    /// A path that cannot be checked, and why.
    Failed {
        /// The path as found.
        path: PathBuf,
        /// Why it cannot be checked.
        message: String,
    },
}

/// The inputs, and the warnings met while walking.
#[derive(Debug, Default)]
pub struct Selection {
    /// In the order of the command line, each directory's files sorted by name.
    pub inputs: Vec<Input>,
    /// Things skipped on purpose (symbolic link loops, `-` given twice).
    pub warnings: Vec<String>,
}

/// Whether a file with this name is checked by a walk without `include`: `.json`, `.yaml` or
/// `.yml`.
pub fn is_payload_name(path: &Path) -> bool {
    path.extension().and_then(OsStr::to_str).is_some_and(|ext| {
        ["json", "yaml", "yml"]
            .iter()
            .any(|known| ext.eq_ignore_ascii_case(known))
    })
}

/// Expands the command-line paths.
pub fn select(paths: &[PathBuf], settings: &Settings) -> Selection {
    let mut selection = Selection::default();
    let mut stdin_seen = false;
    let mut files = HashSet::new();
    // Shared by every walk: a directory reached again (through a link, or named twice) is
    // walked once.
    let seen_dirs: Arc<Mutex<HashSet<PathBuf>>> = Arc::default();
    let loops: Arc<Mutex<Vec<String>>> = Arc::default();
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin_seen {
                selection
                    .warnings
                    .push("`-` (standard input) given more than once: read once".to_owned());
            } else {
                stdin_seen = true;
                selection.inputs.push(Input::Stdin);
            }
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                walk(
                    path,
                    settings,
                    &seen_dirs,
                    &loops,
                    &mut files,
                    &mut selection,
                );
                selection
                    .warnings
                    .append(&mut loops.lock().unwrap_or_else(PoisonError::into_inner));
            }
            Ok(_) => {
                if files.insert(path.clone()) {
                    selection.inputs.push(Input::File {
                        path: path.clone(),
                        walked: false,
                    });
                }
            }
            Err(error) => selection.inputs.push(Input::Failed {
                path: path.clone(),
                message: describe(&error),
            }),
        }
    }
    selection
}

fn walk(
    dir: &Path,
    settings: &Settings,
    seen_dirs: &Arc<Mutex<HashSet<PathBuf>>>,
    loops: &Arc<Mutex<Vec<String>>>,
    files: &mut HashSet<PathBuf>,
    selection: &mut Selection,
) {
    let seen = Arc::clone(seen_dirs);
    let loops = Arc::clone(loops);
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        // Siblings share their parent, so ordering their paths orders their names; the path
        // comparison skips the shared prefix, while `sort_by_file_name` parses each path's last
        // component on every comparison (callgrind, 2,000 files: 15 M instructions -> see
        // BENCHMARKS.md).
        .sort_by_file_path(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            if !entry.file_type().is_some_and(|t| t.is_dir()) {
                return true;
            }
            let Ok(canonical) = std::fs::canonicalize(entry.path()) else {
                return true;
            };
            let mut seen = seen.lock().unwrap_or_else(PoisonError::into_inner);
            if seen.insert(canonical.clone()) {
                return true;
            }
            let is_loop = entry.path_is_symlink()
                && entry
                    .path()
                    .parent()
                    .and_then(|parent| std::fs::canonicalize(parent).ok())
                    .is_some_and(|parent| parent.starts_with(&canonical));
            if is_loop {
                loops
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(format!(
                        "{}: symbolic link loop (back to {}), not followed",
                        entry.path().display(),
                        canonical.display()
                    ));
            }
            false
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let path = shown(dir, entry.path());
                if is_candidate(&path, settings) && files.insert(path.clone()) {
                    selection.inputs.push(Input::File { path, walked: true });
                }
            }
            Err(error) => match walk_error(dir, &error) {
                Some(WalkError::Loop(warning)) => selection.warnings.push(warning),
                Some(WalkError::Path(path, message))
                    if is_candidate(&path, settings) || path.is_dir() =>
                {
                    selection.inputs.push(Input::Failed { path, message });
                }
                _ => {}
            },
        }
    }
}

/// Whether a walk checks the file `path` (the language server selects open files with it).
pub fn is_candidate(path: &Path, settings: &Settings) -> bool {
    if settings.include.is_none() && settings.exclude.is_none() {
        return is_payload_name(path);
    }
    let relative = settings.relative(path);
    let included = match &settings.include {
        Some(include) => include.is_match(&relative),
        None => is_payload_name(path),
    };
    included
        && !settings
            .exclude
            .as_ref()
            .is_some_and(|e| e.is_match(&relative))
}

/// What a walk error means here.
enum WalkError {
    /// A symbolic link back to a directory being walked: a warning.
    Loop(String),
    /// A path that cannot be read, and why.
    Path(PathBuf, String),
}

fn walk_error(dir: &Path, error: &ignore::Error) -> Option<WalkError> {
    match error {
        ignore::Error::WithPath { path, err } => match walk_error(dir, err) {
            Some(WalkError::Path(_, message)) => Some(WalkError::Path(shown(dir, path), message)),
            Some(found) => Some(found),
            None => Some(WalkError::Path(shown(dir, path), err.to_string())),
        },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(dir, err)
        }
        ignore::Error::Loop { child, ancestor } => Some(WalkError::Loop(format!(
            "{}: symbolic link loop (back to {}), not followed",
            shown(dir, child).display(),
            ancestor.display()
        ))),
        ignore::Error::Io(io) => Some(WalkError::Path(PathBuf::new(), describe(io))),
        _ => None,
    }
}

/// The path as shown: under `.`, without the `./` prefix (`a.json`, not `./a.json`).
fn shown(dir: &Path, path: &Path) -> PathBuf {
    if dir == Path::new(".") {
        path.strip_prefix(".").unwrap_or(path).to_path_buf()
    } else {
        path.to_path_buf()
    }
}

/// An I/O error in words, without the OS error number when the kind says it all.
pub fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_payload_name;
    use std::path::Path;

    #[test]
    fn payload_names() {
        assert!(is_payload_name(Path::new("a.json")));
        assert!(is_payload_name(Path::new("a/b.YAML")));
        assert!(is_payload_name(Path::new("b.yml")));
        assert!(!is_payload_name(Path::new("b.toml")));
        assert!(!is_payload_name(Path::new("json")));
    }
}
