//! The settings of `check`: the configuration file (given, found upward from the current
//! directory, or none with `--no-config`), then the command line over it.

use super::args::CheckArgs;
use crate::settings::{ConfigError, Level, Settings, find_upward, parse_registry_kind};

/// Resolves the settings of `check`. `levels` are the `--allow`/`--warn`/`--deny` options in
/// command-line order (`(flag, code, level)`), the last one for a code winning.
pub fn resolve(
    args: &CheckArgs,
    levels: &[(&'static str, String, Level)],
) -> Result<Settings, ConfigError> {
    let config_file = if args.no_config {
        None
    } else if let Some(path) = &args.config {
        Some(path.clone())
    } else {
        std::env::current_dir()
            .ok()
            .and_then(|dir| find_upward(&dir))
    };
    let mut settings = match &config_file {
        Some(path) => Settings::from_file(path)?,
        None => Settings::default(),
    };
    if let Some(kind) = &args.registry_kind {
        let kind = parse_registry_kind(kind)
            .map_err(|m| ConfigError::usage(format!("--registry-kind: {m}")))?;
        settings.context = settings.context.clone().with_registry_kind(kind);
    }
    if let Some(kind) = args.kind {
        settings.kind = Some(kind.document_kind());
    }
    if args.strict || args.no_strict {
        settings.strict = args.strict;
    }
    if args.deny_warnings || args.no_deny_warnings {
        settings.deny_warnings = args.deny_warnings;
    }
    if let Some(format) = args.format {
        settings.format = format;
    }
    if let Some(color) = args.color {
        settings.color = color;
    }
    match args.jobs {
        Some(0) => settings.jobs = Settings::default().jobs,
        Some(jobs) => settings.jobs = jobs,
        None => {}
    }
    if let Some(max_bytes) = args.max_bytes {
        settings.max_bytes = max_bytes;
    }
    if let Some(max) = args.max_diagnostics {
        settings.max_diagnostics = max;
    }
    settings.quiet = args.quiet;
    settings.verbose = args.verbose;
    settings.stdin_filename.clone_from(&args.stdin_filename);
    for (flag, code, level) in levels {
        settings.set_level_from_flag(flag, code, *level)?;
    }
    Ok(settings)
}
