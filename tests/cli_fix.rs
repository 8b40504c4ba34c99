//! `check --fix`, `--unsafe-fixes`, `--diff` and `--exit-non-zero-on-fix`, run as a user runs
//! them: files fixed in place (permissions kept), what remains reported, the diff written
//! without touching the file, standard input fixed to standard output, and the broken examples
//! left with only what has no safe fix.

use assert_cmd::Command;
use qovery_lint::fix::fix_document;
use qovery_model::document::{CheckOptions, DocumentKind, Syntax, check};
use qovery_model::validate::Applicability;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn check_cmd() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qovery-lint"));
    cmd.current_dir(ROOT)
        .env("NO_COLOR", "1")
        .args(["check", "--no-config"]);
    cmd
}

fn copy_of(example: &str, dir: &Path) -> PathBuf {
    let to = dir.join(example);
    std::fs::copy(Path::new(ROOT).join("examples/payloads").join(example), &to)
        .unwrap_or_else(|e| panic!("{example}: {e}"));
    to
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn fix_writes_the_safe_fixes_and_reports_what_remains() {
    let dir = temp_dir();
    let path = copy_of("broken-web.json", dir.path());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let output = check_cmd()
        .arg("--fix")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // An error without a safe fix is left (70000 is out of range): status 1.
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    // The quoted number, the missing external port, the liveness threshold; the tag's move is
    // unsafe here, since `tag` is given twice with other values.
    assert!(
        stderr.contains("qovery-lint: 3 fixes applied in 1 file"),
        "{stderr}"
    );
    assert!(stdout.contains("error[range]"), "{stdout}");
    assert!(!stdout.contains("error[type]"), "{stdout}");
    let fixed = read(&path);
    assert!(fixed.contains("  \"cpu\": 1000,\n"), "{fixed}");
    assert!(fixed.contains("\"success_threshold\": 1\n"), "{fixed}");
    assert!(
        fixed.contains("\"protocol\": \"HTTP\", \"external_port\": 443 }"),
        "{fixed}"
    );
    // Unsafe fixes are not applied: the misspelt member and the duplicate key stay.
    assert!(fixed.contains("\"memroy\": 2048"), "{fixed}");
    assert_eq!(fixed.matches("\"tag\"").count(), 2, "{fixed}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode, 0o600);
    }
    // Only the file is in the directory: the temporary file was renamed over it.
    let entries = std::fs::read_dir(dir.path())
        .map(Iterator::count)
        .unwrap_or(0);
    assert_eq!(entries, 1);
}

#[test]
fn unsafe_fixes_also_rename_and_deduplicate() {
    let dir = temp_dir();
    let path = copy_of("broken-web.json", dir.path());
    let output = check_cmd()
        .args(["--fix", "--unsafe-fixes"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("fixes applied in 1 file"), "{stderr}");
    let fixed = read(&path);
    assert!(fixed.contains("\"memory\": 2048"), "{fixed}");
    assert_eq!(fixed.matches("\"tag\"").count(), 1, "{fixed}");
}

#[test]
fn diff_prints_what_fix_would_do_and_writes_nothing() {
    let dir = temp_dir();
    let path = copy_of("broken-web.json", dir.path());
    let before = read(&path);
    let output = check_cmd()
        .arg("--diff")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&output.stdout);
    let name = path.display().to_string();
    assert!(
        diff.starts_with(&format!("--- {name}\n+++ {name}\n@@ ")),
        "{diff}"
    );
    assert!(
        diff.contains("\n-  \"cpu\": \"1000\",\n+  \"cpu\": 1000,\n"),
        "{diff}"
    );
    assert_eq!(read(&path), before);

    // Nothing to fix: status 0, an empty diff.
    let clean = copy_of("minimal.json", dir.path());
    let output = check_cmd()
        .arg("--diff")
        .arg(&clean)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
}

#[test]
fn standard_input_is_fixed_to_standard_output() {
    let input = "cpu: \"500\"   # millicores\nname: api\n";
    let output = check_cmd()
        .args(["--fix", "--stdin-filename", "x.yaml", "-"])
        .write_stdin(input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "cpu: 500   # millicores\nname: api\n"
    );
    // The report of what remains goes to standard error.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error[required]"), "{stderr}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn every_document_of_a_yaml_stream_is_fixed() {
    // Mistakes in the first, second and a flow-mapping third document; the comments, the
    // markers and the other bytes stay.
    let input = concat!(
        "# web\n",
        "name: web\n",
        "registry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\n",
        "image_name: acme/web\n",
        "tag: '1'\n",
        "cpu: \"500\"   # millicores\n",
        "healthchecks: {}\n",
        "---\n",
        "name: worker\n",
        "registry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\n",
        "image_name: acme/worker\n",
        "tag: '2'\n",
        "memory: 512.0\n",
        "healthchecks: {}\n",
        "--- {name: cron, registry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a, image_name: acme/cron, tag: '3', cpu: '250', healthchecks: {}}\n",
    );
    let output = check_cmd()
        .args(["--fix", "--stdin-filename", "x.yaml", "-"])
        .write_stdin(input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        input
            .replace("cpu: \"500\"", "cpu: 500")
            .replace("memory: 512.0", "memory: 512")
            .replace("cpu: '250'", "cpu: 250"),
        "{stderr}"
    );
    assert!(
        stderr.contains("qovery-lint: 3 fixes applied in 1 file"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn exit_non_zero_on_fix_fails_when_a_file_changed() {
    let dir = temp_dir();
    let path = dir.path().join("p.json");
    let minimal = read(&Path::new(ROOT).join("examples/payloads/minimal.json"));
    std::fs::write(&path, minimal.replacen("{", "{\n  \"cpu\": \"500\",", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = || {
        check_cmd()
            .args(["--fix", "--exit-non-zero-on-fix"])
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(run().status.code(), Some(1));
    assert_eq!(run().status.code(), Some(0));
    assert!(read(&path).contains("\"cpu\": 500,"));
}

/// The broken examples, fixed, then checked again: what is left has no safe fix.
#[test]
fn the_broken_examples_keep_only_what_has_no_safe_fix() {
    for (example, syntax) in [
        ("broken-web.json", Syntax::Json),
        ("broken-worker.yaml", Syntax::Yaml),
    ] {
        let bytes = std::fs::read(Path::new(ROOT).join("examples/payloads").join(example))
            .unwrap_or_else(|e| panic!("{e}"));
        let options = CheckOptions::new()
            .kind(DocumentKind::Request)
            .syntax(syntax);
        let fixed = fix_document(&bytes, &options, Applicability::Safe, &|_| true);
        assert!(fixed.applied > 0, "{example}");
        let again = check(&fixed.output, &options);
        assert_eq!(again, fixed.report, "{example}");
        let left: Vec<(&str, Option<Applicability>)> = again
            .diagnostics()
            .iter()
            .map(|d| (d.code, d.fix.as_ref().map(|f| f.applicability)))
            .collect();
        assert!(
            left.iter()
                .all(|(_, fix)| *fix != Some(Applicability::Safe)),
            "{example}: {left:?}"
        );
        assert!(!left.is_empty(), "{example}");
    }
}

/// Rule levels apply to fixes: a rule turned off in the configuration is not fixed.
#[test]
fn a_rule_turned_off_is_not_fixed() {
    let dir = temp_dir();
    let path = copy_of("broken-web.json", dir.path());
    let config = dir.path().join("lint.toml");
    std::fs::write(&config, "[rules]\ntype = \"off\"\n").unwrap_or_else(|e| panic!("{e}"));
    let output = Command::new(env!("CARGO_BIN_EXE_qovery-lint"))
        .current_dir(ROOT)
        .args(["check", "--fix", "--config"])
        .arg(&config)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2 fixes applied in 1 file"), "{stderr}");
    let fixed = read(&path);
    assert!(fixed.contains("\"cpu\": \"1000\""), "{fixed}");
    assert!(fixed.contains("\"success_threshold\": 1\n"), "{fixed}");
}
