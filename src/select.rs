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
use qovery_model::document::Syntax;
use std::collections::HashSet;
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
    Syntax::of_extension(path).is_some()
}

/// Whether a command-line path names standard input: `-`.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Expands the command-line paths.
pub fn select(paths: &[PathBuf], settings: &Settings) -> Selection {
    let mut inputs = Vec::new();
    let warnings = select_each(paths, settings, |input| inputs.push(input));
    Selection { inputs, warnings }
}

/// [`select`], giving each input to `push` as soon as it is found, in the same order: the
/// checker takes the first files while the walk goes on. Returns the warnings.
pub fn select_each(
    paths: &[PathBuf],
    settings: &Settings,
    mut push: impl FnMut(Input),
) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut stdin_seen = false;
    // A file can be found twice only from two command-line paths: one walk meets a path once.
    let mut files = (paths.len() > 1).then(HashSet::new);
    // Shared by every walk: a directory reached again (through a link, or named twice) is
    // walked once.
    let seen_dirs: Arc<Mutex<HashSet<PathBuf>>> = Arc::default();
    let loops: Arc<Mutex<Vec<String>>> = Arc::default();
    for path in paths {
        if is_stdin(path) {
            if stdin_seen {
                warnings.push("`-` (standard input) given more than once: read once".to_owned());
            } else {
                stdin_seen = true;
                push(Input::Stdin);
            }
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut walk_state = Walk {
                    seen_dirs: &seen_dirs,
                    loops: &loops,
                    files: &mut files,
                    warnings: &mut warnings,
                };
                walk(path, settings, &mut walk_state, &mut push);
                warnings.append(&mut loops.lock().unwrap_or_else(PoisonError::into_inner));
            }
            Ok(_) => {
                if is_new(&mut files, path) {
                    push(Input::File {
                        path: path.clone(),
                        walked: false,
                    });
                }
            }
            Err(error) => push(Input::Failed {
                path: path.clone(),
                message: describe(&error),
            }),
        }
    }
    warnings
}

/// What the walks of one selection share.
struct Walk<'a> {
    seen_dirs: &'a Arc<Mutex<HashSet<PathBuf>>>,
    loops: &'a Arc<Mutex<Vec<String>>>,
    files: &'a mut Option<HashSet<PathBuf>>,
    warnings: &'a mut Vec<String>,
}

fn walk(dir: &Path, settings: &Settings, state: &mut Walk<'_>, push: &mut impl FnMut(Input)) {
    let seen = Arc::clone(state.seen_dirs);
    let loops = Arc::clone(state.loops);
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        // Siblings share their parent, so their paths' bytes order them as their names' bytes
        // do, which is how `Path` orders components: the same order as comparing names, without
        // parsing components on every comparison (callgrind, 2,000 files: `Path::cmp` 10 M
        // instructions; see BENCHMARKS.md). The walk stays sorted rather than sorted once after:
        // which of two links to one directory is walked (the first met) depends on the order.
        .sort_by_file_path(|a, b| a.as_os_str().cmp(b.as_os_str()))
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
    let dot = dir == Path::new(".");
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let path = shown(dot, entry.path());
                if is_candidate(&path, settings) && is_new(state.files, &path) {
                    push(Input::File { path, walked: true });
                }
            }
            Err(error) => match walk_error(dot, &error) {
                Some(WalkError::Loop(warning)) => state.warnings.push(warning),
                Some(WalkError::Path(path, message))
                    if is_candidate(&path, settings) || path.is_dir() =>
                {
                    push(Input::Failed { path, message });
                }
                _ => {}
            },
        }
    }
}

/// Whether `path` was not selected before (`files`: the paths selected so far, when a path may
/// be found twice).
fn is_new(files: &mut Option<HashSet<PathBuf>>, path: &Path) -> bool {
    files
        .as_mut()
        .is_none_or(|files| files.insert(path.to_path_buf()))
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

fn walk_error(dot: bool, error: &ignore::Error) -> Option<WalkError> {
    match error {
        ignore::Error::WithPath { path, err } => match walk_error(dot, err) {
            Some(WalkError::Path(_, message)) => Some(WalkError::Path(shown(dot, path), message)),
            Some(found) => Some(found),
            None => Some(WalkError::Path(shown(dot, path), err.to_string())),
        },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(dot, err)
        }
        ignore::Error::Loop { child, ancestor } => Some(WalkError::Loop(format!(
            "{}: symbolic link loop (back to {}), not followed",
            shown(dot, child).display(),
            ancestor.display()
        ))),
        ignore::Error::Io(io) => Some(WalkError::Path(PathBuf::new(), describe(io))),
        _ => None,
    }
}

/// The path as shown: under `.`, without the `./` prefix (`a.json`, not `./a.json`).
/// `dot`: the walk's directory is `.` (compared once a walk: 300 instructions).
fn shown(dot: bool, path: &Path) -> PathBuf {
    if dot {
        // The walk joins names to `.` with `/`: a text prefix, cut without parsing components.
        if let Some(rest) = path.to_str().and_then(|p| p.strip_prefix("./")) {
            return PathBuf::from(rest);
        }
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
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Input, is_payload_name, select};
    use crate::settings::Settings;
    use std::path::{Path, PathBuf};

    /// Depth first, each directory's entries by name (`OsStr` order), the reference order.
    fn reference_walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .collect();
        entries.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        for entry in entries {
            if entry.is_dir() {
                reference_walk(&entry, out);
            } else {
                out.push(entry);
            }
        }
    }

    /// Names whose bytes order differently from their paths' once joined (` `, `-` and `.` sort
    /// before `/`, so `a/` comes before `a b.json` only by name; upper case before lower,
    /// non-ASCII last): the walk gives the order of a depth-first walk with each directory's
    /// names sorted.
    #[test]
    fn the_walk_orders_by_name_directory_by_directory() {
        let Ok(dir) = tempfile::tempdir() else {
            return;
        };
        let names = [
            "a.json",
            "a/b.json",
            "a/a.json",
            "a-b.json",
            "a0.json",
            "a b.json",
            "B.json",
            "\u{e9}.json",
            "a.b/c.json",
            "a.b/c/d.json",
            "a.b/c.json.yml",
            "ab/a.json",
            "z.json",
        ];
        for name in names {
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(&path, "{}").unwrap_or_else(|e| panic!("{e}"));
        }
        let selection = select(&[dir.path().to_path_buf()], &Settings::default());
        let walked: Vec<PathBuf> = selection
            .inputs
            .iter()
            .map(|input| match input {
                Input::File { path, .. } => path.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        let mut expected = Vec::new();
        reference_walk(dir.path(), &mut expected);
        assert_eq!(walked, expected);
        let relative: Vec<String> = walked
            .iter()
            .filter_map(|p| p.strip_prefix(dir.path()).ok())
            .map(|p| p.display().to_string())
            .collect();
        assert_eq!(
            relative,
            [
                "B.json",
                "a/a.json",
                "a/b.json",
                "a b.json",
                "a-b.json",
                "a.b/c/d.json",
                "a.b/c.json",
                "a.b/c.json.yml",
                "a.json",
                "a0.json",
                "ab/a.json",
                "z.json",
                "\u{e9}.json",
            ]
        );
    }

    #[test]
    fn payload_names() {
        assert!(is_payload_name(Path::new("a.json")));
        assert!(is_payload_name(Path::new("a/b.YAML")));
        assert!(is_payload_name(Path::new("b.yml")));
        assert!(!is_payload_name(Path::new("b.toml")));
        assert!(!is_payload_name(Path::new("json")));
        assert!(!is_payload_name(Path::new(".json")));
        assert!(!is_payload_name(Path::new("a.json/b")));
        assert!(is_payload_name(Path::new("a.b/.c.Json")));
        assert!(!is_payload_name(Path::new("a.")));
    }
}
