//! The README's promises stay true: its two commands are the ones CI runs, and the output it
//! shows for the main job is what the linter prints.

use std::process::Command;

const README: &str = include_str!("../README.md");
const CI: &str = include_str!("../.ci/run");

fn main_job_block() -> &'static str {
    let begin = "<!-- main-job-output:begin -->\n```text\n";
    let end = "\n```\n<!-- main-job-output:end -->";
    let Some(start) = README.find(begin) else {
        panic!("README.md has no main-job-output block")
    };
    let rest = &README[start + begin.len()..];
    let Some(stop) = rest.find(end) else {
        panic!("README.md's main-job-output block is not closed")
    };
    &rest[..stop]
}

#[test]
fn the_readme_shows_the_real_output_of_the_main_job() {
    let output = match Command::new(env!("CARGO_BIN_EXE_qovery-lint"))
        .args(["check", "examples/payloads", "--color", "never"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("cannot run qovery-lint: {error}"),
    };
    assert_eq!(
        output.status.code(),
        Some(1),
        "two example payloads are broken"
    );
    let mut printed = String::from_utf8_lossy(&output.stdout).into_owned();
    printed.push_str(&String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        printed.trim_end(),
        main_job_block(),
        "README.md shows stale output: paste the output of `cargo run -- check examples/payloads --color never`"
    );
}

#[test]
fn ci_runs_the_readme_test_command() {
    let command = "cargo test --workspace --all-features";
    assert!(README.contains(command), "README.md must show `{command}`");
    assert!(CI.contains(command), ".ci/run must run `{command}`");
    assert!(README.contains("cargo run -- check examples/payloads"));
}
