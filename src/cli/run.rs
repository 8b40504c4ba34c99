//! Reads and checks every input, in parallel, and returns the reports in input order.
//!
//! Each file is opened read-only and read up to the size limit (`--max-bytes`): a larger file
//! gets one `limit` error and is not parsed. A file that cannot be read, or that disappeared
//! since it was found, gets one `io` error; every other file is still checked.

use super::args::FormatArg;
use super::config::Settings;
use super::discover::{Input, describe};
use qovery_model::document::{self, CheckOptions, DocumentKind, Syntax};
use qovery_model::validate::{Diagnostic, Position, Report, Severity};
use std::io::{self, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The code of the diagnostic given to an input that cannot be read.
pub const IO: &str = "io";

/// The code of the diagnostic given to an input the checker failed on, or that a fix broke (a
/// bug: please report).
pub use crate::fix::INTERNAL;

/// The name standard input is reported under when `--stdin-filename` is not given.
pub const STDIN_NAME: &str = "<stdin>";

/// One checked input.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The path as found (or the name of standard input), as shown in every output.
    pub name: String,
    /// The bytes that were checked, kept for the text output's source lines (`None` for the
    /// other formats).
    pub source: Option<Vec<u8>>,
    /// Every problem, in file order.
    pub report: Report,
    /// The input could not be read (or checked) at all.
    pub unreadable: bool,
}

impl Checked {
    /// Valid: no error, and with `deny_warnings` no diagnostic at all.
    pub fn is_valid(&self, deny_warnings: bool) -> bool {
        if deny_warnings {
            self.report.is_empty()
        } else {
            self.report.is_valid()
        }
    }
}

/// Checks every input over `settings.jobs` threads; the result is in input order.
pub fn run(inputs: &[Input], settings: &Settings) -> Vec<Checked> {
    let next = AtomicUsize::new(0);
    let jobs = settings.jobs.clamp(1, inputs.len().max(1));
    let mut slots: Vec<Option<Checked>> = vec![None; inputs.len()];
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(index) else {
                            break;
                        };
                        done.push((index, check_input(input, settings)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            // `check_input` catches panics, so a worker cannot fail; if one did, its inputs are
            // reported below as not checked.
            if let Ok(done) = worker.join() {
                for (index, checked) in done {
                    if let Some(slot) = slots.get_mut(index) {
                        *slot = Some(checked);
                    }
                }
            }
        }
    });
    slots
        .into_iter()
        .zip(inputs)
        .map(|(slot, input)| {
            slot.unwrap_or_else(|| {
                failed(
                    input_name(input, settings),
                    INTERNAL,
                    "the checker failed on this input; please report it".to_owned(),
                )
            })
        })
        .collect()
}

fn input_name(input: &Input, settings: &Settings) -> String {
    match input {
        Input::File(path) | Input::Failed { path, .. } => path.display().to_string(),
        Input::Stdin => settings
            .stdin_filename
            .clone()
            .unwrap_or_else(|| STDIN_NAME.to_owned()),
    }
}

/// The kind of a document: `--kind` (or the configuration's `kind`), else by name: a file named
/// `*.response.json`, `*.response.yaml` or `*.response.yml` is a response, any other a request.
pub fn kind_for(name: &str, settings: &Settings) -> DocumentKind {
    if let Some(kind) = settings.kind {
        return kind;
    }
    let lower = name.to_ascii_lowercase();
    if [".response.json", ".response.yaml", ".response.yml"]
        .iter()
        .any(|suffix| lower.ends_with(suffix))
    {
        DocumentKind::Response
    } else {
        DocumentKind::Request
    }
}

fn check_input(input: &Input, settings: &Settings) -> Checked {
    let (name, bytes) = match read_input(input, settings) {
        Ok(read) => read,
        Err(checked) => return checked,
    };
    let options = options_for(&name, settings);
    match catch_unwind(AssertUnwindSafe(|| document::check(&bytes, &options))) {
        Ok(report) => Checked {
            name,
            source: keep_source(settings, &report).then_some(bytes),
            report,
            unreadable: false,
        },
        Err(_) => failed(
            name,
            INTERNAL,
            "the checker failed on this input; please report it".to_owned(),
        ),
    }
}

/// Whether the bytes of a checked document are kept until the output: for the text output's
/// source lines, and for the line and column of fixes. Only when there is something to show: the
/// bytes of a clean file are not kept (10,000 files would keep them all until the output).
pub fn keep_source(settings: &Settings, report: &Report) -> bool {
    !report.is_empty()
        && (settings.format == FormatArg::Text
            || report.diagnostics().iter().any(|d| d.fix.is_some()))
}

/// How the document called `name` is checked.
pub fn options_for(name: &str, settings: &Settings) -> CheckOptions {
    CheckOptions::new()
        .kind(kind_for(name, settings))
        .syntax(Syntax::from_path(Path::new(name)))
        .context(settings.context.clone())
        .strict(settings.strict)
        .max_bytes(settings.max_bytes)
}

/// The name and the bytes of an input, or what it is reported as when it cannot be checked
/// (unreadable, over the size limit).
pub fn read_input(input: &Input, settings: &Settings) -> Result<(String, Vec<u8>), Checked> {
    let name = input_name(input, settings);
    let bytes = match input {
        Input::Failed { message, .. } => {
            return Err(failed(name, IO, format!("cannot be read: {message}")));
        }
        Input::File(path) => read_file(path, settings.max_bytes),
        Input::Stdin => read_limited(io::stdin().lock(), settings.max_bytes),
    };
    let bytes = match bytes {
        Ok(Contents::Bytes(bytes)) => bytes,
        Ok(Contents::TooLarge(size)) => {
            let what = match size {
                Some(size) => format!("the file is {size} bytes"),
                None => "the input is larger than that".to_owned(),
            };
            let mut report = Report::new();
            report.push_diagnostic(
                Diagnostic::new(
                    "",
                    document::codes::LIMIT,
                    Severity::Error,
                    format!(
                        "{what}, more than the limit of {} bytes (--max-bytes); it was not checked",
                        settings.max_bytes
                    ),
                )
                .with_position(Position { line: 1, column: 1 }),
            );
            return Err(Checked {
                name,
                source: None,
                report,
                unreadable: false,
            });
        }
        Err(error) => {
            return Err(failed(
                name,
                IO,
                format!("cannot be read: {}", describe(&error)),
            ));
        }
    };
    Ok((name, bytes))
}

/// A checked input with one diagnostic saying why it was not checked.
pub fn failed(name: String, code: &'static str, message: String) -> Checked {
    let mut report = Report::new();
    report.push_diagnostic(Diagnostic::new("", code, Severity::Error, message));
    Checked {
        name,
        source: None,
        report,
        unreadable: true,
    }
}

/// What reading gave.
enum Contents {
    Bytes(Vec<u8>),
    /// Over the limit; the size when known.
    TooLarge(Option<u64>),
}

fn read_file(path: &Path, max_bytes: usize) -> io::Result<Contents> {
    // Read-only: the linter never writes to the files it checks.
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    if meta.is_file() && meta.len() > max_bytes as u64 {
        return Ok(Contents::TooLarge(Some(meta.len())));
    }
    // The size is known: one buffer of that size plus one byte to see the end, so the file is
    // read in two `read` calls instead of small probing reads and regrowths.
    let capacity = usize::try_from(meta.len())
        .unwrap_or(max_bytes)
        .min(max_bytes)
        .saturating_add(1);
    read_limited_into(file, max_bytes, Vec::with_capacity(capacity))
}

/// Reads at most `max_bytes + 1` bytes: enough to know the input is too large, never more.
fn read_limited(reader: impl Read, max_bytes: usize) -> io::Result<Contents> {
    read_limited_into(reader, max_bytes, Vec::new())
}

/// [`read_limited`] into `bytes` (empty, with any capacity).
fn read_limited_into(
    reader: impl Read,
    max_bytes: usize,
    mut bytes: Vec<u8>,
) -> io::Result<Contents> {
    reader
        .take((max_bytes as u64).saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() > max_bytes {
        Ok(Contents::TooLarge(None))
    } else {
        Ok(Contents::Bytes(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::{Contents, IO, check_input, read_limited};
    use crate::cli::args::{ColorArg, FormatArg};
    use crate::cli::config::Settings;
    use crate::cli::discover::Input;
    use qovery_model::validate::Context;

    fn settings() -> Settings {
        Settings {
            kind: None,
            context: Context::new(),
            strict: false,
            deny_warnings: false,
            format: FormatArg::Json,
            color: ColorArg::Never,
            jobs: 1,
            quiet: false,
            max_bytes: 1024,
            stdin_filename: None,
        }
    }

    #[test]
    fn a_file_that_disappeared_gets_one_io_diagnostic() {
        let path = std::env::temp_dir().join("qovery-lint-test-never-created.json");
        let checked = check_input(&Input::File(path), &settings());
        assert!(checked.unreadable);
        let codes: Vec<&str> = checked
            .report
            .diagnostics()
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(codes, [IO]);
        assert!(
            checked.report.diagnostics()[0]
                .message
                .contains("no such file")
        );
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let big = std::io::repeat(b'x');
        assert!(matches!(
            read_limited(big, 10),
            Ok(Contents::TooLarge(None))
        ));
        let small: &[u8] = b"{}";
        assert!(matches!(read_limited(small, 2), Ok(Contents::Bytes(b)) if b == b"{}"));
    }
}
