//! The linter: argument parsing, discovery, checking, and the output formats, one concept per
//! module.

pub mod args;
pub mod catalogue;
pub mod config;
pub mod explain;
pub mod fix_cmd;
pub mod rules_cmd;
pub mod run;
pub mod schema_cmd;

use crate::engine::Linted;
use crate::render::{self, EmitterContext};
use crate::select;
use crate::settings::{Level, Settings};
use args::{CheckArgs, Cli, Command};
use clap::{ArgMatches, CommandFactory, FromArgMatches};
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
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            // Help and version go to standard output with status 0, errors to standard error
            // with status 2.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE));
        }
    };
    let status = match cli.command {
        Command::Check(args) => {
            let levels = matches
                .subcommand_matches("check")
                .map(level_flags)
                .unwrap_or_default();
            check(&args, &levels)
        }
        Command::Rules(args) => with_stdout(|out| rules_cmd::render(out, args.format)),
        Command::Explain(args) => explain::run(&args.code),
        Command::Schema(args) => schema_cmd::run(&args),
        Command::Lsp => crate::lsp::run(),
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

/// `--allow`, `--warn` and `--deny`, in command-line order: clap keeps each option's values
/// apart, their indices give the order, so the last one for a code wins whatever the flag.
fn level_flags(matches: &ArgMatches) -> Vec<(&'static str, String, Level)> {
    let mut levels = Vec::new();
    for (id, flag, level) in [
        ("allow", "--allow", Level::Off),
        ("warn", "--warn", Level::Warn),
        ("deny", "--deny", Level::Error),
    ] {
        let (Some(indices), Some(values)) =
            (matches.indices_of(id), matches.get_many::<String>(id))
        else {
            continue;
        };
        for (index, code) in indices.zip(values) {
            levels.push((index, flag, code.clone(), level));
        }
    }
    levels.sort_by_key(|(index, ..)| *index);
    levels
        .into_iter()
        .map(|(_, flag, code, level)| (flag, code, level))
        .collect()
}

fn check(args: &CheckArgs, levels: &[(&'static str, String, Level)]) -> u8 {
    let settings = match config::resolve(args, levels) {
        Ok(settings) => settings,
        Err(error) => {
            report_error(error);
            return EXIT_USAGE;
        }
    };
    if args.show_config {
        return with_stdout(|out| out.write_all(settings.describe().as_bytes()));
    }
    let selection = select::select(&args.paths, &settings);
    for warning in &selection.warnings {
        report_warning(warning);
    }
    if args.fix || args.diff {
        return fix_cmd::run(&selection.inputs, &settings, args);
    }
    let mut emitter = render::emitter(&settings);
    let linted = run::run(&selection.inputs, &settings, emitter.as_ref());
    let (linted, context) = emitter_context(linted, &settings);
    let written = with_stdout(|out| emitter.emit(out, &linted, &context));
    if written != EXIT_OK || linted.iter().any(|l| l.unreadable) {
        EXIT_USAGE
    } else if linted.iter().any(|l| !l.is_valid(settings.deny_warnings)) {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}

/// The files to render (the skipped ones, not payloads, set apart) and the context they are
/// rendered with.
fn emitter_context(linted: Vec<Linted>, settings: &Settings) -> (Vec<Linted>, EmitterContext) {
    let (skipped, linted): (Vec<_>, Vec<_>) =
        linted.into_iter().partition(|l| l.report.not_a_payload);
    let context = EmitterContext {
        deny_warnings: settings.deny_warnings,
        quiet: settings.quiet,
        verbose: settings.verbose,
        skipped: skipped.into_iter().map(|l| l.name).collect(),
    };
    (linted, context)
}
