//! The `qovery-lint` command line, run as a user runs it: exit statuses, discovery (recursion
//! order, symbolic link loops, missing and unreadable paths), standard input, configuration,
//! every output format (JSON field by field, GitHub escaping, SARIF validated against the SARIF
//! 2.1.0 schema), and snapshots of the text, github and sarif output of the broken examples.

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BROKEN_WEB: &str = "examples/payloads/broken-web.json";
const BROKEN_WORKER: &str = "examples/payloads/broken-worker.yaml";
const MINIMAL: &str = "examples/payloads/minimal.json";
const REGISTRY_ID: &str = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

/// The binary, run from the repository root, with no `NO_COLOR` inherited.
fn lint() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qovery-lint"));
    cmd.current_dir(ROOT).env_remove("NO_COLOR");
    cmd
}

/// `qovery-lint check --no-config` (so that no configuration file around changes the result).
fn check() -> Command {
    let mut cmd = lint();
    cmd.args(["check", "--no-config"]);
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd
        .output()
        .unwrap_or_else(|e| panic!("running qovery-lint: {e}"));
    String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("stdout is not UTF-8: {e}"))
}

fn json_of(cmd: &mut Command) -> Value {
    let text = stdout_of(cmd.args(["--format", "json"]));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("creating a temporary directory: {e}"))
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{parent:?}: {e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
}

fn request(image_name: &str, extra: &str) -> String {
    format!(
        "{{\n  \"name\": \"api\",\n  \"registry_id\": \"{REGISTRY_ID}\",\n  \"image_name\": \"{image_name}\",\n  \"tag\": \"1.4.2\",{extra}\n  \"healthchecks\": {{}}\n}}\n"
    )
}

fn paths(report: &Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap_or_else(|| panic!("no files: {report}"))
        .iter()
        .map(|f| f["path"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn diagnostics(file: &Value) -> &Vec<Value> {
    file["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("no diagnostics: {file}"))
}

fn codes(file: &Value) -> Vec<&str> {
    diagnostics(file)
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Exit statuses.

#[test]
fn a_valid_file_exits_0_with_a_summary() {
    check()
        .arg(MINIMAL)
        .assert()
        .code(0)
        .stdout("qovery-lint: 1 file checked, 1 valid, 0 invalid (0 errors, 0 warnings)\n");
}

#[test]
fn an_invalid_file_exits_1() {
    check()
        .arg(BROKEN_WEB)
        .assert()
        .code(1)
        .stdout(contains("error[range]"));
}

#[test]
fn a_missing_path_exits_2_and_every_other_file_is_still_checked() {
    let mut cmd = check();
    cmd.args([MINIMAL, "examples/payloads/no-such-file.json", BROKEN_WEB]);
    let output = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains(
            "error[io]: cannot be read: no such file or directory\n --> examples/payloads/no-such-file.json\n"
        ),
        "{text}"
    );
    assert!(text.contains("error[range]"), "{text}");

    let report =
        json_of(check().args([MINIMAL, "examples/payloads/no-such-file.json", BROKEN_WEB]));
    assert_eq!(
        paths(&report),
        [MINIMAL, "examples/payloads/no-such-file.json", BROKEN_WEB]
    );
    let files = &report["files"];
    assert_eq!(files[0]["valid"], true);
    let missing = &files[1];
    assert_eq!(missing["valid"], false);
    assert_eq!(codes(missing), ["io"]);
    assert_eq!(missing["diagnostics"][0]["line"], Value::Null);
    assert!(
        missing["diagnostics"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("no such file or directory"))
    );
    assert_eq!(files[2]["valid"], false);
    assert!(codes(&files[2]).contains(&"range"));
}

#[test]
fn a_bad_flag_exits_2() {
    check()
        .args(["--frobnicate", MINIMAL])
        .assert()
        .code(2)
        .stderr(contains("--frobnicate"));
    check().args(["--format", "xml", MINIMAL]).assert().code(2);
}

#[test]
fn check_without_a_path_exits_2() {
    check().assert().code(2).stderr(contains("PATH"));
}

#[test]
fn an_unknown_registry_kind_flag_exits_2() {
    check()
        .args(["--registry-kind", "QUAY", MINIMAL])
        .assert()
        .code(2)
        .stderr(contains("unknown registry kind `QUAY`"))
        .stderr(contains("GITHUB_CR"));
}

#[test]
fn help_and_version_exit_0() {
    lint()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(contains("check"));
    lint()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(contains(env!("CARGO_PKG_VERSION")));
}

// ---------------------------------------------------------------------------------------------
// The shipped examples.

#[test]
fn the_shipped_examples_are_valid_except_the_broken_ones() {
    let report = json_of(check().arg("examples/payloads"));
    let names = paths(&report);
    assert_eq!(
        names,
        [
            "examples/payloads/broken-web.json",
            "examples/payloads/broken-worker.yaml",
            "examples/payloads/keda-worker.yaml",
            "examples/payloads/minimal.json",
            "examples/payloads/web-service.json",
            "examples/payloads/web-service.response.json",
        ]
    );
    for file in report["files"].as_array().into_iter().flatten() {
        let name = file["path"].as_str().unwrap_or_default();
        if name.contains("broken") {
            assert_eq!(file["valid"], false, "{name}");
            assert!(diagnostics(file).len() >= 5, "{name}: {file}");
        } else {
            assert!(diagnostics(file).is_empty(), "{name}: {file}");
        }
    }
}

#[test]
fn a_response_is_recognised_by_its_name_or_by_kind() {
    let response = "examples/payloads/web-service.response.json";
    check().arg(response).assert().code(0);
    // As a request, its response-only members are unknown.
    let as_request = json_of(check().args(["--kind", "request", response]));
    assert!(codes(&as_request["files"][0]).contains(&"unknown_member"));
    check()
        .args(["--kind", "request", "--strict", response])
        .assert()
        .code(1);
    check()
        .args(["--kind", "response", response])
        .assert()
        .code(0);
    // A request is not a response.
    check()
        .args(["--kind", "response", MINIMAL])
        .assert()
        .code(1);
}

// ---------------------------------------------------------------------------------------------
// The JSON contract.

fn find<'a>(file: &'a Value, code: &str, pointer: &str) -> &'a Value {
    diagnostics(file)
        .iter()
        .find(|d| d["code"] == code && d["pointer"] == pointer)
        .unwrap_or_else(|| panic!("no {code} at {pointer}: {file:#}"))
}

#[test]
fn json_output_follows_the_contract_field_by_field() {
    let report = json_of(check().arg(BROKEN_WEB));
    let top: Vec<&String> = report
        .as_object()
        .into_iter()
        .flat_map(|o| o.keys())
        .collect();
    // `skipped` (files not checked as not payloads) was added within version 1.
    assert_eq!(top, ["version", "files", "skipped", "summary"]);
    assert_eq!(report["version"], 1);

    let file = &report["files"][0];
    let keys: Vec<&String> = file
        .as_object()
        .into_iter()
        .flat_map(|o| o.keys())
        .collect();
    // `omitted` (diagnostics over the per-file cap) was added within version 1.
    assert_eq!(keys, ["path", "valid", "diagnostics", "omitted"]);
    assert_eq!(file["omitted"], 0);
    assert_eq!(file["path"], BROKEN_WEB);
    assert_eq!(file["valid"], false);
    for diagnostic in diagnostics(file) {
        let keys: Vec<&String> = diagnostic
            .as_object()
            .into_iter()
            .flat_map(|o| o.keys())
            .collect();
        // `document` and `suppressed` were added within version 1, and `fix` on a diagnostic
        // that has one.
        let mut expected = vec![
            "severity",
            "code",
            "pointer",
            "message",
            "line",
            "column",
            "document",
            "suppressed",
        ];
        if diagnostic.get("fix").is_some() {
            expected.push("fix");
        }
        assert_eq!(keys, expected);
        assert_eq!(diagnostic["document"], 0);
        assert_eq!(diagnostic["suppressed"], false);
    }

    // The quoted number's fix: its bytes (`"1000"` at offset 161), located.
    assert_eq!(
        find(file, "type", "/cpu")["fix"],
        serde_json::json!({
            "title": "remove the quotes",
            "applicability": "safe",
            "edits": [{
                "start": 161, "end": 167,
                "start_line": 6, "start_column": 10, "end_line": 6, "end_column": 16,
                "replacement": "1000"
            }]
        })
    );
    assert_eq!(
        find(file, "duplicate_key", "/tag")["fix"]["applicability"],
        "unsafe"
    );
    assert!(
        find(file, "range", "/ports/0/internal_port")
            .get("fix")
            .is_none()
    );

    // (code, pointer, severity, line, column), positions as in the file.
    let expected = [
        ("image_name_tag", "/image_name", "error", 4, 17),
        ("type", "/cpu", "error", 6, 10),
        ("unknown_member", "/memroy", "warning", 7, 3),
        ("range", "/ports/0/internal_port", "error", 9, 24),
        (
            "liveness_success_threshold",
            "/healthchecks/liveness_probe/success_threshold",
            "error",
            14,
            28,
        ),
        ("duplicate_key", "/tag", "error", 17, 3),
    ];
    for (code, pointer, severity, line, column) in expected {
        let d = find(file, code, pointer);
        assert_eq!(d["severity"], severity, "{d}");
        assert_eq!(d["line"], line, "{d}");
        assert_eq!(d["column"], column, "{d}");
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    assert!(
        find(file, "range", "/ports/0/internal_port")["message"]
            .as_str()
            .is_some_and(|m| m.contains("65535"))
    );

    let summary = &report["summary"];
    let n = diagnostics(file).len();
    let warnings = diagnostics(file)
        .iter()
        .filter(|d| d["severity"] == "warning")
        .count();
    assert_eq!(summary["files"], 1);
    assert_eq!(summary["valid"], 0);
    assert_eq!(summary["invalid"], 1);
    assert_eq!(summary["errors"], n - warnings);
    assert_eq!(summary["warnings"], warnings);
}

#[test]
fn yaml_positions_are_reported_in_the_yaml_file() {
    let report = json_of(check().arg(BROKEN_WORKER));
    let file = &report["files"][0];
    let required = find(file, "required", "/tag");
    assert_eq!(
        (required["line"].as_u64(), required["column"].as_u64()),
        (Some(2), Some(1))
    );
    let size = find(file, "range", "/storage/0/size");
    assert_eq!(
        (size["line"].as_u64(), size["column"].as_u64()),
        (Some(9), Some(11))
    );
}

// ---------------------------------------------------------------------------------------------
// Options.

#[test]
fn strict_makes_unknown_members_errors() {
    let dir = temp_dir();
    write(
        &dir.path().join("typo.json"),
        &request("acme/api", "\n  \"memroy\": 1024,"),
    );
    let mut lenient = check();
    lenient.current_dir(dir.path()).arg("typo.json");
    lenient
        .assert()
        .code(0)
        .stdout(contains("warning[unknown_member]"));
    let mut strict = check();
    strict
        .current_dir(dir.path())
        .args(["--strict", "typo.json"]);
    strict
        .assert()
        .code(1)
        .stdout(contains("error[unknown_member]"));
}

#[test]
fn deny_warnings_makes_a_file_with_warnings_invalid() {
    let dir = temp_dir();
    write(
        &dir.path().join("warn.json"),
        &request("acme/api", "\n  \"min_running_instances\": 0,"),
    );
    let mut plain = check();
    plain.current_dir(dir.path()).arg("warn.json");
    plain
        .assert()
        .code(0)
        .stdout(contains("1 valid, 0 invalid (0 errors, 1 warning)"));
    let report = json_of(
        check()
            .current_dir(dir.path())
            .args(["--deny-warnings", "warn.json"]),
    );
    assert_eq!(report["files"][0]["valid"], false);
    assert_eq!(report["summary"]["invalid"], 1);
    let mut deny = check();
    deny.current_dir(dir.path())
        .args(["--deny-warnings", "warn.json"]);
    deny.assert().code(1);
}

#[test]
fn quiet_prints_only_problems() {
    check().args(["-q", MINIMAL]).assert().code(0).stdout("");
    check()
        .args(["--quiet", MINIMAL, BROKEN_WEB])
        .assert()
        .code(1)
        .stdout(contains("error[range]"))
        .stdout(contains("qovery-lint: 2 files checked, 1 valid, 1 invalid"));
    check()
        .args(["-q", "--format", "github", MINIMAL])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn max_bytes_refuses_a_larger_file_with_one_limit_error() {
    let report =
        json_of(check().args(["--max-bytes", "100", "examples/payloads/web-service.json"]));
    let file = &report["files"][0];
    assert_eq!(codes(file), ["limit"]);
    let message = file["diagnostics"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.contains("more than the limit of 100 bytes"),
        "{message}"
    );
    assert_eq!(file["diagnostics"][0]["line"], 1);
    check()
        .args(["--max-bytes", "100", "examples/payloads/web-service.json"])
        .assert()
        .code(1);
    // Standard input is read no further than the limit.
    let report = json_of(
        check()
            .args(["--max-bytes", "10", "-"])
            .write_stdin(request("acme/api", "")),
    );
    assert_eq!(codes(&report["files"][0]), ["limit"]);
}

#[test]
fn registry_kind_selects_the_image_name_rules() {
    let dir = temp_dir();
    write(&dir.path().join("a.json"), &request("a", ""));
    let mut none = check();
    none.current_dir(dir.path()).arg("a.json");
    none.assert().code(0);
    let mut ecr = check();
    ecr.current_dir(dir.path())
        .args(["--registry-kind", "ECR", "a.json"]);
    ecr.assert()
        .code(1)
        .stdout(contains("error[image_name_ecr]"));
}

#[test]
fn color_always_never_auto_and_no_color() {
    let colored = |args: &[&str], no_color: bool| {
        let mut cmd = check();
        cmd.args(args).arg(BROKEN_WEB);
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        stdout_of(&mut cmd).contains('\u{1b}')
    };
    assert!(colored(&["--color", "always"], false));
    // An explicit --color always wins over NO_COLOR.
    assert!(colored(&["--color", "always"], true));
    assert!(!colored(&["--color", "never"], false));
    // auto: standard output is not a terminal here.
    assert!(!colored(&["--color", "auto"], false));
    assert!(!colored(&[], true));
}

#[test]
fn jobs_do_not_change_the_output() {
    let one = stdout_of(check().args(["-j", "1", "examples/payloads"]));
    let many = stdout_of(check().args(["--jobs", "8", "examples/payloads"]));
    let auto = stdout_of(check().args(["-j", "0", "examples/payloads"]));
    assert_eq!(one, many);
    assert_eq!(one, auto);
}

// ---------------------------------------------------------------------------------------------
// Standard input.

#[test]
fn stdin_is_checked_under_the_stdin_filename() {
    let yaml = std::fs::read_to_string(Path::new(ROOT).join(BROKEN_WORKER))
        .unwrap_or_else(|e| panic!("{e}"));
    let report = json_of(
        check()
            .args(["--stdin-filename", "deploy/worker.yaml", "-"])
            .write_stdin(yaml.clone()),
    );
    assert_eq!(paths(&report), ["deploy/worker.yaml"]);
    // Parsed as YAML (the name's extension), with the same positions as the file.
    let required = find(&report["files"][0], "required", "/tag");
    assert_eq!(required["line"], 2);

    check()
        .args(["--stdin-filename", "deploy/worker.yaml", "-"])
        .write_stdin(yaml)
        .assert()
        .code(1)
        .stdout(contains(" --> deploy/worker.yaml:2:1"));

    // Without a name: `<stdin>`, JSON.
    let report = json_of(check().arg("-").write_stdin(request("acme/api", "")));
    assert_eq!(paths(&report), ["<stdin>"]);
    assert_eq!(report["files"][0]["valid"], true);
}

#[test]
fn stdin_named_as_a_response_is_a_response() {
    let response = std::fs::read_to_string(
        Path::new(ROOT).join("examples/payloads/web-service.response.json"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    check()
        .args(["--stdin-filename", "svc.response.json", "-"])
        .write_stdin(response)
        .assert()
        .code(0);
}

// ---------------------------------------------------------------------------------------------
// Discovery.

#[test]
fn directories_are_searched_recursively_in_a_stable_order() {
    let dir = temp_dir();
    let tree = dir.path().join("tree");
    let valid = request("acme/api", "");
    for name in [
        "b.json",
        "a/c.yaml",
        "a/b/d.yml",
        "a/z.txt",
        ".hidden/x.json",
        ".dotfile.json",
        "A.JSON",
        "e.json",
    ] {
        write(&tree.join(name), &valid);
    }
    let report = json_of(check().current_dir(dir.path()).arg("tree"));
    assert_eq!(
        paths(&report),
        [
            "tree/A.JSON",
            "tree/a/b/d.yml",
            "tree/a/c.yaml",
            "tree/b.json",
            "tree/e.json",
        ]
    );
    // From inside, without a `./` prefix; a file named on the command line is checked whatever
    // its name, and only once.
    let report = json_of(check().current_dir(&tree).args([".", "a/z.txt", "b.json"]));
    assert_eq!(
        paths(&report),
        [
            "A.JSON",
            "a/b/d.yml",
            "a/c.yaml",
            "b.json",
            "e.json",
            "a/z.txt"
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_reported_and_not_followed() {
    let dir = temp_dir();
    let tree = dir.path().join("tree");
    write(&tree.join("a.json"), &request("acme/api", ""));
    write(&tree.join("sub/b.json"), &request("acme/api", ""));
    std::os::unix::fs::symlink("..", tree.join("sub/loop"))
        .unwrap_or_else(|e| panic!("symlink: {e}"));
    std::os::unix::fs::symlink("sub", tree.join("alias"))
        .unwrap_or_else(|e| panic!("symlink: {e}"));

    let mut cmd = check();
    cmd.current_dir(dir.path())
        .args(["--format", "json", "tree"]);
    let output = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("symbolic link loop"), "{stderr}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}"));
    // `alias` and `sub` are one directory: searched once.
    assert_eq!(paths(&report), ["tree/a.json", "tree/alias/b.json"]);
}

#[cfg(unix)]
#[test]
fn a_dangling_link_gets_an_io_error_and_the_others_are_still_checked() {
    let dir = temp_dir();
    write(&dir.path().join("a.json"), &request("acme/api", ""));
    std::os::unix::fs::symlink("nowhere.json", dir.path().join("gone.json"))
        .unwrap_or_else(|e| panic!("symlink: {e}"));
    let mut cmd = check();
    cmd.current_dir(dir.path()).args(["--format", "json", "."]);
    let output = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(paths(&report), ["a.json", "gone.json"]);
    assert_eq!(report["files"][0]["valid"], true);
    assert_eq!(codes(&report["files"][1]), ["io"]);
}

#[test]
fn the_linter_never_writes_to_the_files_it_checks() {
    let dir = temp_dir();
    let copy = dir.path().join("payloads");
    let source = Path::new(ROOT).join("examples/payloads");
    for entry in std::fs::read_dir(&source).unwrap_or_else(|e| panic!("{e}")) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(entry.path(), {
            std::fs::create_dir_all(&copy).unwrap_or_else(|e| panic!("{e}"));
            copy.join(entry.file_name())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let snapshot = |dir: &Path| -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
        std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .map(|entry| {
                let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
                let meta = std::fs::metadata(&path).unwrap_or_else(|e| panic!("{e}"));
                let modified = meta.modified().unwrap_or_else(|e| panic!("{e}"));
                let content = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
                (path, (content, modified))
            })
            .collect()
    };
    let before = snapshot(&copy);
    for format in ["text", "json", "github", "sarif"] {
        let mut cmd = check();
        cmd.current_dir(dir.path())
            .args(["--strict", "--format", format, "payloads"]);
        cmd.assert().code(1);
    }
    assert_eq!(before, snapshot(&copy));
}

#[test]
fn hostile_files_get_diagnostics_and_nothing_raw_reaches_the_terminal() {
    let dir = temp_dir();
    let base = |image: &str| request(image, "");
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("empty.json", Vec::new()),
        ("blank.yaml", b"   \n\n".to_vec()),
        (
            "bom.json",
            [&b"\xef\xbb\xbf"[..], base("acme/api").as_bytes()].concat(),
        ),
        ("invalid-utf8.json", b"{\"name\": \"\xff\xfe\"}".to_vec()),
        ("nul.json", b"{\"name\": \"a\x00b\"}".to_vec()),
        ("escape.json", b"{\n  \"\x1b[31mred\": 1\n}".to_vec()),
        (
            "escaped-escape.json",
            base("acme/api")
                .replace("\"tag\"", "\"\\u001b[31mtag\"")
                .into_bytes(),
        ),
        (
            "deep-arrays.json",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        ),
        (
            "deep-objects.json",
            format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)).into_bytes(),
        ),
        ("huge-image.json", base(&"A".repeat(1_000_000)).into_bytes()),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // Named, so checked whatever they hold (a walk skips the unparsable ones that name no
    // payload member).
    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    let mut cmd = check();
    cmd.current_dir(dir.path())
        .args(["--color", "never"])
        .args(&names);
    let output = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !stdout.contains('\u{1b}'),
        "a raw escape reached the output"
    );
    assert!(!stdout.contains('\0'));
    // The 1 MB value is elided in the source line, the message and the help.
    assert!(stdout.len() < 40_000, "{} bytes of output", stdout.len());
    assert!(
        stdout.ends_with(
            "qovery-lint: 10 files checked, 1 valid, 9 invalid (10 errors, 1 warning)\n"
        ),
        "{stdout}"
    );

    let report = json_of(check().current_dir(dir.path()).args(&names));
    let by_name: BTreeMap<&str, Vec<&str>> = report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| (f["path"].as_str().unwrap_or_default(), codes(f)))
        .collect();
    assert_eq!(by_name["empty.json"], ["syntax"]);
    assert_eq!(by_name["blank.yaml"], ["syntax"]);
    assert!(by_name["bom.json"].is_empty());
    assert_eq!(by_name["invalid-utf8.json"], ["syntax"]);
    assert_eq!(by_name["nul.json"], ["syntax"]);
    assert_eq!(by_name["escape.json"], ["syntax"]);
    assert_eq!(by_name["deep-arrays.json"], ["limit"]);
    assert_eq!(by_name["deep-objects.json"], ["limit"]);
    assert!(by_name["huge-image.json"].contains(&"length"));
    // Walked, the five that do not parse and name no payload member are skipped.
    let report = json_of(check().current_dir(dir.path()).arg("."));
    assert_eq!(
        report["skipped"],
        serde_json::json!([
            "blank.yaml",
            "empty.json",
            "escape.json",
            "invalid-utf8.json",
            "nul.json"
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// Configuration.

#[test]
fn a_configuration_file_is_found_upward_and_maps_registry_ids_to_kinds() {
    let dir = temp_dir();
    write(
        &dir.path().join(".qovery-lint.toml"),
        &format!("strict = true\n\n[registries]\n\"{REGISTRY_ID}\" = \"SCALEWAY_CR\"\n"),
    );
    let deep = dir.path().join("services/api");
    write(&deep.join("api.json"), &request("api", ""));

    let mut cmd = lint();
    cmd.current_dir(&deep).args(["check", "api.json"]);
    cmd.assert()
        .code(1)
        .stdout(contains("error[image_name_scaleway_cr]"));

    let mut ignored = lint();
    ignored
        .current_dir(&deep)
        .args(["check", "--no-config", "api.json"]);
    ignored.assert().code(0);

    // --config names the file; its `strict` applies.
    let elsewhere = temp_dir();
    write(
        &elsewhere.path().join("typo.json"),
        &request("acme/api", "\n  \"memroy\": 1024,"),
    );
    let mut given = lint();
    given.current_dir(elsewhere.path()).args([
        "check",
        "--config",
        &dir.path().join(".qovery-lint.toml").to_string_lossy(),
        "typo.json",
    ]);
    given
        .assert()
        .code(1)
        .stdout(contains("error[unknown_member]"));
}

#[test]
fn an_unknown_configuration_key_exits_2_with_the_file_and_line() {
    let dir = temp_dir();
    write(
        &dir.path().join(".qovery-lint.toml"),
        "strict = true\nregistery_kind = \"ECR\"\n",
    );
    write(&dir.path().join("a.json"), &request("acme/api", ""));
    let mut cmd = lint();
    cmd.current_dir(dir.path()).args(["check", "a.json"]);
    cmd.assert().code(2).stdout("").stderr(contains(
        ".qovery-lint.toml:2:1: unknown field `registery_kind`",
    ));
}

#[test]
fn a_bad_registry_kind_in_the_configuration_exits_2_with_its_line() {
    let dir = temp_dir();
    write(
        &dir.path().join(".qovery-lint.toml"),
        &format!("[registries]\n\"{REGISTRY_ID}\" = \"QUAY\"\n"),
    );
    write(&dir.path().join("a.json"), &request("acme/api", ""));
    let mut cmd = lint();
    cmd.current_dir(dir.path()).args(["check", "a.json"]);
    cmd.assert().code(2).stderr(contains(
        ".qovery-lint.toml:2:42: unknown registry kind `QUAY`",
    ));
}

#[test]
fn bad_configuration_values_exit_2() {
    for (text, expected) in [
        (
            "format = \"xml\"\n",
            ":1:10: unknown variant `xml`, expected one of `text`",
        ),
        ("jobs = \"four\"\n", ":1:8:"),
        ("strict = \n", ":1:"),
    ] {
        let dir = temp_dir();
        write(&dir.path().join("q.toml"), text);
        let mut cmd = lint();
        cmd.current_dir(dir.path())
            .args(["check", "--config", "q.toml", "-"])
            .write_stdin("{}");
        cmd.assert().code(2).stderr(contains(expected));
    }
    let mut missing = lint();
    missing.args(["check", "--config", "/nonexistent/q.toml", MINIMAL]);
    missing.assert().code(2).stderr(contains("cannot read"));
}

#[test]
fn configuration_defaults_apply_and_flags_win() {
    let dir = temp_dir();
    write(
        &dir.path().join(".qovery-lint.toml"),
        "format = \"github\"\ndeny_warnings = true\n",
    );
    write(
        &dir.path().join("warn.json"),
        &request("acme/api", "\n  \"min_running_instances\": 0,"),
    );
    let mut cmd = lint();
    cmd.current_dir(dir.path()).args(["check", "warn.json"]);
    cmd.assert()
        .code(1)
        .stdout(contains("::warning file=warn.json"));
    let mut text = lint();
    text.current_dir(dir.path())
        .args(["check", "--format", "text", "warn.json"]);
    text.assert()
        .code(1)
        .stdout(contains("warning[min_instances_zero]"));
}

// ---------------------------------------------------------------------------------------------
// GitHub and SARIF.

#[test]
fn github_annotations_are_escaped() {
    let dir = temp_dir();
    // A file name with `,` and `:`, and a key with `%`, a line break and `:`.
    write(
        &dir.path().join("we,ird:name.json"),
        &request("acme/api", "\n  \"50%\\nof: it\": 1,"),
    );
    let out =
        stdout_of(
            check()
                .current_dir(dir.path())
                .args(["--format", "github", "we,ird:name.json"]),
        );
    let line = out
        .lines()
        .find(|l| l.starts_with("::warning "))
        .unwrap_or_else(|| panic!("no annotation:\n{out}"));
    assert!(
        line.starts_with(
            "::warning file=we%2Cird%3Aname.json,line=6,endLine=6,col=3,endColumn=16,title=unknown_member::"
        ),
        "{line}"
    );
    let message = line.split_once("::").map(|(_, m)| m).unwrap_or_default();
    let data = message.split_once("::").map(|(_, d)| d).unwrap_or_default();
    assert!(data.contains("50%25%0Aof: it"), "{data}");
    assert!(!data.contains('\n'));
    assert!(
        out.ends_with("qovery-lint: 1 file checked, 1 valid, 0 invalid (0 errors, 1 warning)\n")
    );
}

fn sarif_schema() -> jsonschema::Validator {
    let path = Path::new(ROOT).join("tests/data/sarif-2.1.0.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    // The published schema's pattern for `language` has a stray `]`, which ECMAScript accepts
    // (annex B) but the `regex` format check does not; the copy stays byte for byte, and the
    // patterns (`language`, `sourceLanguage`) are repaired here to their evident meaning (`xx` or `xx-XX`). Our output has no
    // `language` property.
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(
        text.matches(broken).count(),
        2,
        "the vendored SARIF schema changed"
    );
    let text = text.replace(broken, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("the SARIF schema does not compile: {e}"))
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let validator = sarif_schema();
    let mut cmd = check();
    cmd.args([
        "--format",
        "sarif",
        "examples/payloads",
        "examples/payloads/nope.json",
    ]);
    let text = stdout_of(&mut cmd);
    let log: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "qovery-lint");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap_or_else(|| panic!("no rules"));
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    for code in [
        "io",
        "syntax",
        "type",
        "required",
        "unknown_member",
        "duplicate_key",
        "image_name_tag",
        "range",
    ] {
        assert!(ids.contains(&code), "{code} missing from {ids:?}");
    }
    let results = run["results"]
        .as_array()
        .unwrap_or_else(|| panic!("no results"));
    assert!(!results.is_empty());
    for result in results {
        let id = result["ruleId"].as_str().unwrap_or_default();
        let index = result["ruleIndex"].as_u64().unwrap_or(u64::MAX);
        assert_eq!(
            usize::try_from(index).ok().and_then(|i| ids.get(i)),
            Some(&id),
            "{result}"
        );
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap_or_default();
        assert!(uri.starts_with("examples/payloads/"), "{uri}");
        assert!(result["properties"]["pointer"].is_string());
    }
    let range = results
        .iter()
        .find(|r| r["ruleId"] == "range" && r["properties"]["pointer"] == "/ports/0/internal_port")
        .unwrap_or_else(|| panic!("no range result"));
    assert_eq!(
        range["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({ "startLine": 9, "startColumn": 24, "endLine": 9, "endColumn": 29 })
    );
    assert_eq!(
        range["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "examples/payloads/broken-web.json"
    );
}

#[test]
fn sarif_for_a_clean_run_is_valid_too() {
    let validator = sarif_schema();
    let log: Value = serde_json::from_str(&stdout_of(check().args(["--format", "sarif", MINIMAL])))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(validator.is_valid(&log));
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

// ---------------------------------------------------------------------------------------------
// rules, explain, schema.

#[test]
fn rules_lists_every_code() {
    let text = stdout_of(lint().arg("rules"));
    for code in ["io", "syntax", "image_name_tag", "range", "duplicate_key"] {
        assert!(text.lines().any(|l| l.starts_with(code)), "{code}");
    }
    let json: Value = serde_json::from_str(&stdout_of(lint().args(["rules", "--format", "json"])))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(json.as_array().is_some_and(|a| a.len() > 20));
    let markdown = stdout_of(lint().args(["rules", "--format", "markdown"]));
    assert!(markdown.contains(
        "| <a id=\"code-image_name_tag\"></a>`image_name_tag` | error | request | `/image_name` |"
    ));
    // The linter's own codes are in the structural table, each with its anchor.
    assert!(
        markdown.contains("| <a id=\"code-io\"></a>`io` | error |"),
        "{markdown}"
    );
}

#[test]
fn explain_shows_the_rule_and_its_examples() {
    lint()
        .args(["explain", "image_name_tag"])
        .assert()
        .code(0)
        .stdout(contains("severity: error"))
        .stdout(contains("request /image_name"))
        .stdout(contains("Failing example (request, JSON):"))
        .stdout(contains("error[image_name_tag] at 4:17 /image_name"))
        .stdout(contains("Passing example (request, JSON):"))
        .stdout(contains("reports nothing."));
    lint()
        .args(["explain", "unknown_member"])
        .assert()
        .code(0)
        .stdout(contains("did you mean `memory`?"));
    lint()
        .args(["explain", "no_such_code"])
        .assert()
        .code(2)
        .stderr(contains("unknown code `no_such_code`"));
}

#[test]
fn schema_prints_one_and_writes_all() {
    let schema: Value =
        serde_json::from_str(&stdout_of(lint().arg("schema"))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["title"], "ContainerRequest");
    let response: Value = serde_json::from_str(&stdout_of(
        lint().args(["schema", "--kind", "response", "--draft", "07"]),
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        response["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
    assert_eq!(response["title"], "ContainerResponse");
    let openapi: Value =
        serde_json::from_str(&stdout_of(lint().args(["schema", "--draft", "openapi3"])))
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(openapi["schemas"]["ContainerRequest"].is_object());

    let dir = temp_dir();
    let out = dir.path().join("schemas");
    lint()
        .args(["schema", "--out"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout(contains("container-request.schema.json"));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|e| {
            e.unwrap_or_else(|e| panic!("{e}"))
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "container-request.draft-07.schema.json",
            "container-request.schema.json",
            "container-response.draft-07.schema.json",
            "container-response.schema.json",
            "openapi-components.json",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Snapshots of the broken examples (reviewed by hand when accepted).

#[test]
fn snapshot_text() {
    let out = stdout_of(check().args(["--color", "never", BROKEN_WEB, BROKEN_WORKER]));
    insta::assert_snapshot!("text_broken_examples", out);
}

#[test]
fn snapshot_github() {
    let out = stdout_of(check().args(["--format", "github", BROKEN_WEB, BROKEN_WORKER]));
    insta::assert_snapshot!("github_broken_examples", out);
}

#[test]
fn snapshot_sarif() {
    let text = stdout_of(check().args(["--format", "sarif", BROKEN_WEB, BROKEN_WORKER]));
    let mut log: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    // The driver's rules are the whole catalogue, and `ruleIndex` a position in it: both are
    // checked against each other and the schema above, and left out here so that a new rule
    // does not change this snapshot. No version number either.
    let driver = &mut log["runs"][0]["tool"]["driver"];
    driver["rules"] = Value::from("[the catalogue]");
    driver["version"] = Value::from("[version]");
    for result in log["runs"][0]["results"]
        .as_array_mut()
        .into_iter()
        .flatten()
    {
        if let Some(result) = result.as_object_mut() {
            result.remove("ruleIndex");
        }
    }
    let pretty = serde_json::to_string_pretty(&log).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_snapshot!("sarif_broken_examples", pretty);
}
