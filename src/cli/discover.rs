//! From the paths on the command line to the list of inputs to check, in a stable order.
//!
//! - A file is checked whatever its name (`.yaml`/`.yml` is YAML, anything else JSON).
//! - A directory is searched recursively for `.json`, `.yaml` and `.yml` files (any case),
//!   entries sorted by name; hidden entries (names starting with `.`) are skipped.
//! - Symbolic links are followed; a link back to a directory being searched (a loop) is reported
//!   as a warning and not followed, and a directory reached twice is searched once.
//! - `-` is standard input.
//! - A path that does not exist, or a directory that cannot be read, becomes a failed input:
//!   it is reported (with code `io`) in its place and every other input is still checked.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
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

/// The inputs, and the warnings met while searching.
#[derive(Debug, Default)]
pub struct Discovered {
    /// In the order of the command line, each directory's files sorted by name.
    pub inputs: Vec<Input>,
    /// Things skipped on purpose (symbolic link loops, `-` given twice).
    pub warnings: Vec<String>,
}

/// Whether a directory entry with this name is a payload: `.json`, `.yaml` or `.yml`.
pub fn is_payload_name(path: &Path) -> bool {
    path.extension().and_then(OsStr::to_str).is_some_and(|ext| {
        ["json", "yaml", "yml"]
            .iter()
            .any(|known| ext.eq_ignore_ascii_case(known))
    })
}

/// Expands the command-line paths.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut walker = Walker::default();
    for path in paths {
        if path.as_os_str() == "-" {
            if walker.stdin_seen {
                walker
                    .found
                    .warnings
                    .push("`-` (standard input) given more than once: read once".to_owned());
            } else {
                walker.stdin_seen = true;
                walker.found.inputs.push(Input::Stdin);
            }
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walker.walk(path, &mut Vec::new()),
            Ok(_) => walker.file(path.clone()),
            Err(error) => walker.fail(path.clone(), &error),
        }
    }
    walker.found
}

#[derive(Default)]
struct Walker {
    found: Discovered,
    stdin_seen: bool,
    files: HashSet<PathBuf>,
    dirs: HashSet<PathBuf>,
}

impl Walker {
    fn file(&mut self, path: PathBuf) {
        if self.files.insert(path.clone()) {
            self.found.inputs.push(Input::File(path));
        }
    }

    fn fail(&mut self, path: PathBuf, error: &io::Error) {
        self.found.inputs.push(Input::Failed {
            path,
            message: describe(error),
        });
    }

    /// Searches `dir`; `ancestors` holds the canonical paths of the directories being searched
    /// above it, to recognise a loop.
    fn walk(&mut self, dir: &Path, ancestors: &mut Vec<PathBuf>) {
        let canonical = match std::fs::canonicalize(dir) {
            Ok(canonical) => canonical,
            Err(error) => return self.fail(dir.to_path_buf(), &error),
        };
        if ancestors.contains(&canonical) {
            self.found.warnings.push(format!(
                "{}: symbolic link loop (back to {}), not followed",
                dir.display(),
                canonical.display()
            ));
            return;
        }
        if !self.dirs.insert(canonical.clone()) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => return self.fail(dir.to_path_buf(), &error),
        };
        let mut names = Vec::new();
        for entry in entries {
            match entry {
                // The entry's own type (no `stat` on Linux): a plain file or directory needs no
                // `metadata` call below, only a symbolic link (or an unknown type) does.
                Ok(entry) => names.push((entry.file_name(), entry.file_type().ok())),
                Err(error) => return self.fail(dir.to_path_buf(), &error),
            }
        }
        // Names are unique in a directory: the same order as sorting the names alone.
        names.sort_by(|a, b| a.0.cmp(&b.0));
        ancestors.push(canonical);
        for (name, file_type) in names {
            if name.as_encoded_bytes().first() == Some(&b'.') {
                continue;
            }
            let path = child(dir, &name);
            match file_type {
                Some(t) if t.is_file() => {
                    if is_payload_name(&path) {
                        self.file(path);
                    }
                    continue;
                }
                Some(t) if t.is_dir() => {
                    self.walk(&path, ancestors);
                    continue;
                }
                _ => {}
            }
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.walk(&path, ancestors),
                Ok(_) if is_payload_name(&path) => self.file(path),
                Ok(_) => {}
                // A dangling link, or a link loop, with a payload's name.
                Err(error) if is_payload_name(&path) => self.fail(path, &error),
                Err(_) => {}
            }
        }
        ancestors.pop();
    }
}

/// `dir/name`, or `name` alone under `.` (reported as `a.json`, not `./a.json`).
fn child(dir: &Path, name: &OsStr) -> PathBuf {
    if dir == Path::new(".") {
        PathBuf::from(name)
    } else {
        dir.join(name)
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
