//! The linter: argument parsing, discovery, checking, and the output formats, one concept per
//! module.

pub mod args;
pub mod catalogue;
pub mod config;
pub mod explain;
pub mod fix_cmd;
mod placement;
pub mod rules_cmd;
pub mod run;
pub mod schema_cmd;

use crate::render::{self, EmitterContext, Stream, Summary};
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
/// is not a failure: the reader has all it wanted). The output may be written from any thread.
fn with_stdout(write: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<()>) -> u8 {
    let mut out = BufWriter::new(io::stdout());
    written_status(write(&mut out).and_then(|()| out.flush()))
}

/// The status of writing the output: 0, or 2 when it failed (a closed pipe is not a failure).
fn written_status(written: io::Result<()>) -> u8 {
    match written {
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
    if args.fix || args.diff {
        let selection = select::select(&args.paths, &settings);
        selection.warnings.iter().for_each(report_warning);
        return fix_cmd::run(&selection.inputs, &settings, args);
    }
    let emitter = render::emitter(&settings);
    let mut summary = Summary::default();
    let written = with_stdout(|out| {
        let mut stream = Stream::new(emitter.as_ref(), out, emitter_context(&settings));
        // The walk hands each file to the workers as it finds it; its warnings (link loops)
        // are printed when it ends, on standard error.
        let produce = |push: &mut dyn FnMut(select::Input)| {
            select::select_each(&args.paths, &settings, push)
                .iter()
                .for_each(report_warning);
        };
        let inputs = run::Inputs::of_paths(&args.paths);
        run::run(produce, inputs, &settings, emitter.as_ref(), |linted| {
            stream.file(linted);
        });
        let written;
        (summary, written) = stream.finish();
        written
    });
    exit_status(written, &summary)
}

/// The exit status of a check: 2 when the output could not be written or an input could not be
/// read, else 1 when a file is invalid, else 0.
fn exit_status(written: u8, summary: &Summary) -> u8 {
    if written != EXIT_OK || summary.unreadable > 0 {
        EXIT_USAGE
    } else if summary.invalid > 0 {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}

/// What the formats show beside the files, before any file is checked (the skipped files are
/// named as they come).
fn emitter_context(settings: &Settings) -> EmitterContext {
    EmitterContext {
        deny_warnings: settings.deny_warnings,
        quiet: settings.quiet,
        verbose: settings.verbose,
        skipped: Vec::new(),
    }
}
