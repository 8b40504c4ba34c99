//! The linter: argument parsing, discovery, checking, and the output formats, one concept per
//! module.

pub mod args;
pub mod catalogue;
pub mod config;
pub mod discover;
pub mod explain;
pub mod fix_cmd;
pub mod output;
pub mod rules_cmd;
pub mod run;
pub mod schema_cmd;

use args::{CheckArgs, Cli, Command, FormatArg};
use clap::Parser;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Exit status: no file has an error.
pub const EXIT_OK: u8 = 0;
/// Exit status: some file has errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit status: usage or configuration error, or a path that does not exist or cannot be read.
pub const EXIT_USAGE: u8 = 2;

/// Parses the command line, runs the command, and returns the exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to standard output with status 0, errors to standard error
            // with status 2.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE));
        }
    };
    let status = match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules(args) => with_stdout(|out| rules_cmd::render(out, args.format)),
        Command::Explain(args) => explain::run(&args.code),
        Command::Schema(args) => schema_cmd::run(&args),
    };
    ExitCode::from(status)
}

/// Prints `message` on standard error as `qovery-lint: error: ...`; a closed standard error is
/// ignored.
pub fn report_error(message: impl std::fmt::Display) {
    let _ = writeln!(io::stderr(), "qovery-lint: error: {message}");
}

/// Prints a warning on standard error.
pub fn report_warning(message: impl std::fmt::Display) {
    let _ = writeln!(io::stderr(), "qovery-lint: warning: {message}");
}

/// Runs `write` on a buffered standard output: status 0, or 2 when writing failed (a closed pipe
/// is not a failure: the reader has all it wanted).
fn with_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> u8 {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(error) => {
            report_error(format!("cannot write the output: {error}"));
            EXIT_USAGE
        }
    }
}

fn check(args: &CheckArgs) -> u8 {
    let settings = match config::resolve(args) {
        Ok(settings) => settings,
        Err(error) => {
            report_error(error);
            return EXIT_USAGE;
        }
    };
    let discovered = discover::discover(&args.paths);
    for warning in &discovered.warnings {
        report_warning(warning);
    }
    if args.fix || args.diff {
        return fix_cmd::run(&discovered.inputs, &settings, args);
    }
    let checked = run::run(&discovered.inputs, &settings);
    let written = with_stdout(|out| render(out, &checked, &settings));
    status(written, &checked, &settings)
}

/// Renders the reports of `checked` in the chosen format.
fn render(
    out: &mut dyn Write,
    checked: &[run::Checked],
    settings: &config::Settings,
) -> io::Result<()> {
    match settings.format {
        FormatArg::Text => output::text::render(
            out,
            checked,
            settings.deny_warnings,
            settings.quiet,
            output::text::color_enabled(settings.color),
            settings.jobs,
        ),
        FormatArg::Json => output::json::render(out, checked, settings.deny_warnings),
        FormatArg::Github => {
            output::github::render(out, checked, settings.deny_warnings, settings.quiet)
        }
        FormatArg::Sarif => output::sarif::render(out, checked),
    }
}

/// The exit status of `check` once `checked` is rendered (`written` is the rendering's).
fn status(written: u8, checked: &[run::Checked], settings: &config::Settings) -> u8 {
    if written != EXIT_OK || checked.iter().any(|c| c.unreadable) {
        EXIT_USAGE
    } else if checked.iter().any(|c| !c.is_valid(settings.deny_warnings)) {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}
