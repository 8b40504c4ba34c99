//! `qovery-lint`: lint Qovery container payloads (JSON and YAML) offline, with exact pointers and
//! positions. See `qovery-lint --help`.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    qovery_lint::cli::main()
}
