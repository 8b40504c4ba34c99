//! The pre-commit hook works: `pre-commit try-repo` builds the `qovery-lint` hook of this
//! repository (`.pre-commit-hooks.yaml`, `language: rust`) and runs it in a scratch git
//! repository, where it passes a good payload and fails a bad one; `qovery-lint-fix` fixes a
//! payload and fails, then passes on the fixed file.
//!
//! **Slow**: pre-commit installs the hook with `cargo install --path .`, a release build of the
//! linter (a few minutes on a small machine), into a fresh `PRE_COMMIT_HOME`.
//!
//! The hook repository is a copy of this working tree committed in a scratch repository (not
//! this repository's HEAD, which `try-repo` would clone as committed), so the test checks the
//! files as they are. `pre-commit` comes from `PATH` or, when missing, is installed from PyPI
//! into a temporary virtualenv (`python3 -m venv`, `pip install pre-commit`). Without `python3`
//! the test fails with a message.
//!
//! Opt-in (`#[ignore]`): it needs the network and minutes, so the README's test command skips it
//! and `.ci/run` runs it explicitly with `cargo test --test precommit -- --ignored`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Never copied into the hook repository: build output, version control (a directory, or in a
/// worktree a file), local benchmark data.
const SKIPPED: &[&str] = &["target", ".git", "bench-data", "wip"];

fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {:?}: {e}", cmd.get_program()))
}

fn run_ok(cmd: &mut Command) -> Output {
    let output = run(cmd);
    assert!(
        output.status.success(),
        "{cmd:?} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn works(program: impl AsRef<OsStr>, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `pre-commit` from PATH, or installed into a virtualenv under `scratch`.
fn pre_commit(scratch: &Path) -> PathBuf {
    if works("pre-commit", "--version") {
        return PathBuf::from("pre-commit");
    }
    assert!(
        works("python3", "--version"),
        "pre-commit is not on PATH and python3 is missing, so it cannot be installed from PyPI: \
         install python3 (or pre-commit), or set QOVERY_LINT_SKIP_PRECOMMIT=1 to skip this test"
    );
    let venv = scratch.join("venv");
    run_ok(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    let bin = venv.join("bin");
    run_ok(
        Command::new(bin.join("pip"))
            .args(["install", "--quiet", "pre-commit"])
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1"),
    );
    bin.join("pre-commit")
}

/// Copies the working tree, minus [`SKIPPED`] whatever their kind: in a git worktree `.git` is a
/// file naming the real repository, and copied along it made the scratch `git init` and
/// `git commit` write onto the worktree's branch (fix; it happened). Symbolic links to files
/// (the crates' `LICENSE-*`) are copied as the files they point to.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{to:?}: {e}"));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{from:?}: {e}")) {
        let entry = entry.unwrap_or_else(|e| panic!("{from:?}: {e}"));
        let name = entry.file_name();
        if SKIPPED.iter().any(|s| OsStr::new(s) == name) {
            continue;
        }
        // `metadata` follows symbolic links.
        let kind = std::fs::metadata(entry.path())
            .unwrap_or_else(|e| panic!("{:?}: {e}", entry.path()))
            .file_type();
        if kind.is_dir() {
            copy_tree(&entry.path(), &to.join(&name));
        } else if kind.is_file() {
            std::fs::copy(entry.path(), to.join(&name))
                .unwrap_or_else(|e| panic!("{:?}: {e}", entry.path()));
        }
    }
}

/// `program` without the caller's `GIT_*` variables: with `GIT_DIR` (or `GIT_INDEX_FILE`, set
/// when the tests run inside a git hook) inherited, `git init` and `git commit` in the scratch
/// directories would write into the caller's repository.
fn without_git_environment(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = Command::new(program);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("GIT_") {
            cmd.env_remove(name);
        }
    }
    cmd
}

/// `git` in `dir`, isolated from the caller's repository and configuration.
fn git(dir: &Path) -> Command {
    let mut cmd = without_git_environment("git");
    cmd.current_dir(dir).args([
        "-c",
        "user.name=qovery-lint tests",
        "-c",
        "user.email=tests@example.invalid",
        "-c",
        "commit.gpgsign=false",
        "-c",
        "init.defaultBranch=main",
    ]);
    cmd
}

#[test]
#[ignore = "slow and online: installs pre-commit and release-builds the hook; .ci/run runs it with --ignored"]
fn the_pre_commit_hook_passes_a_good_payload_and_fails_a_bad_one() {
    assert!(works("git", "--version"), "git is needed to run pre-commit");
    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pre_commit = pre_commit(scratch.path());

    // The hook repository: this working tree, committed.
    let hooks = scratch.path().join("hook-repo");
    copy_tree(Path::new(ROOT), &hooks);
    run_ok(git(&hooks).args(["init", "--quiet"]));
    run_ok(git(&hooks).args(["add", "--all"]));
    run_ok(git(&hooks).args(["commit", "--quiet", "--message", "hook repository"]));

    // The user's repository, with one good and one bad payload.
    let project = scratch.path().join("project");
    std::fs::create_dir_all(&project).unwrap_or_else(|e| panic!("{e}"));
    let payloads = Path::new(ROOT).join("examples/payloads");
    for (from, to) in [
        ("minimal.json", "good.json"),
        ("broken-web.json", "bad.json"),
    ] {
        std::fs::copy(payloads.join(from), project.join(to)).unwrap_or_else(|e| panic!("{e}"));
    }
    run_ok(git(&project).args(["init", "--quiet"]));
    run_ok(git(&project).args(["add", "good.json", "bad.json"]));

    let try_hook = |hook: &str, file: &str| {
        run(without_git_environment(&pre_commit)
            .current_dir(&project)
            .env("PRE_COMMIT_HOME", scratch.path().join("pre-commit-home"))
            .env("PRE_COMMIT_COLOR", "never")
            .arg("try-repo")
            .arg(&hooks)
            .args([hook, "--verbose", "--color", "never", "--files", file]))
    };

    let try_repo = |file: &str| try_hook("qovery-lint", file);
    let good = try_repo("good.json");
    let good_out = String::from_utf8_lossy(&good.stdout);
    assert!(
        good.status.success(),
        "the hook failed on good.json ({}):\n{good_out}\n{}",
        good.status,
        String::from_utf8_lossy(&good.stderr)
    );
    assert!(good_out.contains("Passed"), "{good_out}");

    let bad = try_repo("bad.json");
    let bad_out = String::from_utf8_lossy(&bad.stdout);
    assert_eq!(
        bad.status.code(),
        Some(1),
        "{bad_out}\n{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    assert!(bad_out.contains("Failed"), "{bad_out}");
    assert!(bad_out.contains("error[range]"), "{bad_out}");
    assert!(bad_out.contains("bad.json:9:24"), "{bad_out}");

    // The fixer changes the file and fails, as pre-commit expects of a fixer; run again on the
    // fixed file, it passes.
    let minimal =
        std::fs::read_to_string(payloads.join("minimal.json")).unwrap_or_else(|e| panic!("{e}"));
    let fixable = minimal.replacen("{", "{\n  \"cpu\": \"500\",", 1);
    std::fs::write(project.join("fixable.json"), &fixable).unwrap_or_else(|e| panic!("{e}"));
    run_ok(git(&project).args(["add", "fixable.json"]));
    let fixed = try_hook("qovery-lint-fix", "fixable.json");
    let fixed_out = String::from_utf8_lossy(&fixed.stdout);
    assert_eq!(fixed.status.code(), Some(1), "{fixed_out}");
    let after =
        std::fs::read_to_string(project.join("fixable.json")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(after, fixable.replace("\"500\"", "500"));
    let again = try_hook("qovery-lint-fix", "fixable.json");
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}
