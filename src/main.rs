//! `qovery-lint`: lint Qovery container payloads (JSON and YAML) offline, with exact pointers and
//! positions. See `qovery-lint --help`.
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
