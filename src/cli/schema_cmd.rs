//! `qovery-lint schema [--kind request|response] [--draft 2020-12|07|openapi3] [--out DIR]`:
//! prints one schema (default: the request, 2020-12), or writes them to a directory: every file
//! of the library's export (`qovery_model::schema::all`), or the ones `--kind` and `--draft`
//! select.

use super::args::{DraftArg, KindArg, SchemaArgs};
use super::{EXIT_USAGE, report_error, with_stdout};
use qovery_model::schema::{self, Document, Draft};
use serde_json::Value;
use std::path::PathBuf;

/// Runs the command; returns the exit status.
pub fn run(args: &SchemaArgs) -> u8 {
    let Some(dir) = &args.out else {
        let value = schema::schema(
            args.kind.unwrap_or(KindArg::Request).schema_document(),
            args.draft.unwrap_or(DraftArg::Draft2020_12).draft(),
        );
        return with_stdout(|out| out.write_all(schema::render(&value).as_bytes()));
    };
    let written = if args.kind.is_none() && args.draft.is_none() {
        schema::write_all(dir)
    } else {
        write_selected(dir, args)
    };
    match written {
        Ok(paths) => with_stdout(|out| {
            for path in &paths {
                writeln!(out, "wrote {}", path.display())?;
            }
            Ok(())
        }),
        Err(error) => {
            report_error(format!(
                "{}: cannot write the schemas: {error}",
                dir.display()
            ));
            EXIT_USAGE
        }
    }
}

/// The files `--kind` and `--draft` select, named as in the full export.
fn files(args: &SchemaArgs) -> Vec<(&'static str, Value)> {
    let documents: Vec<Document> = args
        .kind
        .map_or(Document::ALL.to_vec(), |k| vec![k.schema_document()]);
    let drafts: Vec<Draft> = args.draft.map_or(Draft::ALL.to_vec(), |d| vec![d.draft()]);
    let mut files = Vec::new();
    for &draft in &drafts {
        if draft == Draft::OpenApi3 {
            files.push((schema::OPENAPI_FILE, schema::openapi_document()));
            continue;
        }
        for &document in &documents {
            if let Some(name) = document.file_name(draft) {
                files.push((name, schema::schema(document, draft)));
            }
        }
    }
    files
}

fn write_selected(dir: &std::path::Path, args: &SchemaArgs) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, value) in files(args) {
        let path = dir.join(name);
        std::fs::write(&path, schema::render(&value))?;
        written.push(path);
    }
    Ok(written)
}
