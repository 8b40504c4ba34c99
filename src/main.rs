//! `qovery-lint`: lint Qovery container payloads (JSON and YAML) offline, with exact pointers and
//! positions. See `qovery-lint --help`.
#![forbid(unsafe_code)]

/// mimalloc, unless the `mimalloc` feature is turned off (see Cargo.toml).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    qovery_lint::cli::main()
}
