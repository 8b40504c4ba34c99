//! `qovery-lint schema [--kind request|response] [--draft 2020-12|07|openapi3] [--out DIR]`:
//! prints one schema (default: the request, 2020-12), or writes them to a directory (every
//! kind and draft, unless `--kind` or `--draft` narrows it).

use super::args::{DraftArg, KindArg, SchemaArgs};
use super::schema_export;
use super::{EXIT_OK, EXIT_USAGE, report_error, with_stdout};

/// Runs the command; returns the exit status.
pub fn run(args: &SchemaArgs) -> u8 {
    let Some(dir) = &args.out else {
        let schema = schema_export::schema(
            args.kind.unwrap_or(KindArg::Request),
            args.draft.unwrap_or(DraftArg::Draft2020_12),
        );
        return with_stdout(|out| {
            serde_json::to_writer_pretty(&mut *out, &schema)?;
            writeln!(out)
        });
    };
    if let Err(error) = std::fs::create_dir_all(dir) {
        report_error(format!("{}: cannot create the directory: {error}", dir.display()));
        return EXIT_USAGE;
    }
    let kinds: Vec<KindArg> = args.kind.map_or(KindArg::ALL.to_vec(), |k| vec![k]);
    let drafts: Vec<DraftArg> = args.draft.map_or(DraftArg::ALL.to_vec(), |d| vec![d]);
    let mut written = Vec::new();
    for &kind in &kinds {
        for &draft in &drafts {
            let path = dir.join(schema_export::file_name(kind, draft));
            let text = match serde_json::to_string_pretty(&schema_export::schema(kind, draft)) {
                Ok(text) => text + "\n",
                Err(error) => {
                    report_error(format!("cannot serialize a schema: {error}"));
                    return EXIT_USAGE;
                }
            };
            if let Err(error) = std::fs::write(&path, text) {
                report_error(format!("{}: cannot write: {error}", path.display()));
                return EXIT_USAGE;
            }
            written.push(path);
        }
    }
    let status = with_stdout(|out| {
        for path in &written {
            writeln!(out, "wrote {}", path.display())?;
        }
        Ok(())
    });
    if status == EXIT_OK { EXIT_OK } else { status }
}
