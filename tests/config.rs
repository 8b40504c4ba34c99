//! `qovery-lint check` in a repository: file selection (gitignore, hidden files, include and
//! exclude, the not-a-payload skip), rule levels from `.qovery-lint.toml` and the command line,
//! YAML suppression comments, multi-document YAML, the per-file cap and `--show-config`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const REGISTRY_ID: &str = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("creating a temporary directory: {e}"))
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{parent:?}: {e}"));
    }
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
}

/// `qovery-lint check ARGS` run in `dir`: exit status, standard output, standard error.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_qovery-lint"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .arg("check")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running qovery-lint: {e}"));
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (status, stdout, stderr) = run(dir, &all);
    let report = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}\n{stderr}"));
    (status, report)
}

fn paths(report: &Value) -> Vec<&str> {
    report["files"]
        .as_array()
        .unwrap_or_else(|| panic!("no files: {report}"))
        .iter()
        .map(|f| f["path"].as_str().unwrap_or_default())
        .collect()
}

/// `(code, severity, line, document, suppressed)` of every diagnostic of file `index`.
fn findings(report: &Value, index: usize) -> Vec<(String, String, u64, u64, bool)> {
    report["files"][index]["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("no diagnostics: {report}"))
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["severity"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or(0),
                d["document"].as_u64().unwrap_or(99),
                d["suppressed"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

fn finding(
    code: &str,
    severity: &str,
    line: u64,
    document: u64,
    suppressed: bool,
) -> (String, String, u64, u64, bool) {
    (
        code.to_owned(),
        severity.to_owned(),
        line,
        document,
        suppressed,
    )
}

/// A valid request in JSON, with `extra` members before `healthchecks`.
fn request(name: &str, extra: &str) -> String {
    format!(
        "{{\n  \"name\": \"{name}\",\n  \"registry_id\": \"{REGISTRY_ID}\",\n  \"image_name\": \"acme/{name}\",\n  \"tag\": \"1.4.2\",{extra}\n  \"healthchecks\": {{}}\n}}\n"
    )
}

/// A valid request in YAML (6 lines), then `extra`.
fn yaml_request(name: &str, extra: &str) -> String {
    format!(
        "name: {name}\nregistry_id: {REGISTRY_ID}\nimage_name: acme/{name}\ntag: \"1.4.2\"\nhealthchecks: {{}}\n{extra}"
    )
}

/// A repository: a gitignored directory, hidden files, files that are not payloads, payloads in
/// nested folders.
fn repository() -> tempfile::TempDir {
    let dir = temp_dir();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".git")).unwrap_or_else(|e| panic!("{e}"));
    write(root, ".gitignore", "vendor/\n");
    write(
        root,
        "vendor/lib/package.json",
        "{\"name\": \"lib\", \"version\": \"1.0.0\"}\n",
    );
    write(
        root,
        "vendor/payload.json",
        &request("vendored", "\n  \"cpu\": -1,"),
    );
    write(
        root,
        ".hidden/api.json",
        &request("hidden", "\n  \"cpu\": -1,"),
    );
    write(
        root,
        "package.json",
        "{\"name\": \"app\", \"private\": true}\n",
    );
    write(
        root,
        "docs/openapi.yaml",
        "openapi: 3.0.3\ninfo:\n  title: App\n",
    );
    write(root, "docs/list.json", "[1, 2]\n");
    write(root, "notes.txt", "not checked\n");
    write(root, "payloads/api.json", &request("api", ""));
    write(
        root,
        "payloads/teams/web/web.json",
        &request("web", "\n  \"cpu\": -1,"),
    );
    write(
        root,
        "payloads/teams/worker.yaml",
        &yaml_request("worker", "memroy: 512\n"),
    );
    dir
}

#[test]
fn a_walk_skips_unparsable_files_that_name_no_payload_member() {
    let dir = temp_dir();
    let root = dir.path();
    // JSON with comments (a TypeScript configuration) and a YAML template: neither parses, and
    // neither names a payload's member.
    write(
        root,
        "tsconfig.json",
        "{\n  // strict mode\n  \"compilerOptions\": { \"strict\": true }\n}\n",
    );
    write(
        root,
        "chart/values.yaml",
        "replicas: {{ .Values.replicas }\n",
    );
    // A broken payload: a trailing comma.
    write(
        root,
        "payloads/api.json",
        "{\"name\": \"api\", \"image_name\": \"acme/api\",}\n",
    );
    let (status, report) = json(root, &["."]);
    assert_eq!(status, 1);
    assert_eq!(paths(&report), ["payloads/api.json"]);
    assert_eq!(report["files"][0]["diagnostics"][0]["code"], "syntax");
    assert_eq!(
        report["skipped"],
        serde_json::json!(["chart/values.yaml", "tsconfig.json"])
    );
    // Named on the command line, it is checked whatever it holds.
    let (status, report) = json(root, &["tsconfig.json"]);
    assert_eq!(status, 1);
    assert_eq!(report["files"][0]["diagnostics"][0]["code"], "syntax");
}

#[test]
fn a_walk_honours_gitignore_and_hidden_files_and_skips_what_is_not_a_payload() {
    let repo = repository();
    let (status, report) = json(repo.path(), &["."]);
    assert_eq!(status, 1);
    assert_eq!(
        paths(&report),
        [
            "payloads/api.json",
            "payloads/teams/web/web.json",
            "payloads/teams/worker.yaml"
        ]
    );
    assert_eq!(
        report["skipped"],
        serde_json::json!(["docs/list.json", "docs/openapi.yaml", "package.json"])
    );
    assert_eq!(
        findings(&report, 1),
        [finding("range", "error", 6, 0, false)]
    );
    assert_eq!(
        findings(&report, 2),
        [finding("unknown_member", "warning", 6, 0, false)]
    );
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 3, "valid": 2, "invalid": 1, "errors": 1, "warnings": 1,
                           "suppressed": 0, "skipped": 3})
    );

    let (_, text, _) = run(repo.path(), &["-q", "payloads", "docs", "package.json"]);
    // Named on the command line: checked whatever it holds.
    assert!(text.contains(" --> package.json:1:1\n"), "{text}");
    assert!(
        text.ends_with(
            "qovery-lint: 2 files skipped: not container payloads\n\
         qovery-lint: 4 files checked, 2 valid, 2 invalid (5 errors, 2 warnings)\n"
        ),
        "{text}"
    );

    let (_, text, _) = run(repo.path(), &["-v", "docs"]);
    assert_eq!(
        text,
        "qovery-lint: skipped docs/list.json: not a container payload\n\
         qovery-lint: skipped docs/openapi.yaml: not a container payload\n\
         qovery-lint: 2 files skipped: not container payloads\n\
         qovery-lint: 0 files checked, 0 valid, 0 invalid (0 errors, 0 warnings)\n"
    );

    // A gitignored file named explicitly is checked.
    let (status, report) = json(repo.path(), &["vendor/payload.json"]);
    assert_eq!((status, paths(&report)), (1, vec!["vendor/payload.json"]));
}

#[test]
fn include_checks_every_matched_file_and_exclude_removes_files_from_a_walk() {
    let repo = repository();
    write(
        repo.path(),
        ".qovery-lint.toml",
        "include = [\"payloads/**\", \"docs/*.json\"]\nexclude = [\"web.json\"]\n",
    );
    let (status, report) = json(repo.path(), &["."]);
    assert_eq!(status, 1);
    assert_eq!(
        paths(&report),
        [
            "docs/list.json",
            "payloads/api.json",
            "payloads/teams/worker.yaml"
        ]
    );
    assert_eq!(report["skipped"], serde_json::json!([]));
    assert_eq!(
        findings(&report, 0),
        [finding("type", "error", 1, 0, false)]
    );
    // Excluded, but named: checked.
    let (_, report) = json(repo.path(), &["payloads/teams/web/web.json"]);
    assert_eq!(paths(&report), ["payloads/teams/web/web.json"]);
}

#[test]
fn levels_come_from_rules_then_overrides_then_the_command_line() {
    let repo = repository();
    write(
        repo.path(),
        ".qovery-lint.toml",
        r#"
[rules]
unknown_member = "error"
range = "warn"

[[overrides]]
files = ["payloads/teams/web/*.json"]
rules = { range = "error" }

[[overrides]]
files = ["*.json"]
pointers = ["/ports/*/internal_port"]
rules = { range = "off" }
"#,
    );
    write(
        repo.path(),
        "payloads/ports.json",
        &request(
            "ports",
            "\n  \"cpu\": -1,\n  \"ports\": [{\"internal_port\": 0, \"external_port\": 0, \"publicly_accessible\": true, \"protocol\": \"HTTP\"}],",
        ),
    );
    let (status, report) = json(repo.path(), &["payloads"]);
    assert_eq!(status, 1);
    assert_eq!(
        paths(&report),
        [
            "payloads/api.json",
            "payloads/ports.json",
            "payloads/teams/web/web.json",
            "payloads/teams/worker.yaml"
        ]
    );
    // `[rules]` makes range a warning; the pointer override turns it off at internal_port only
    // (external_port has its own code, a warning by default).
    assert_eq!(
        findings(&report, 1),
        [
            finding("range", "warning", 6, 0, false),
            finding("external_port_range", "warning", 7, 0, false),
        ]
    );
    assert_eq!(
        report["files"][1]["diagnostics"][1]["pointer"],
        "/ports/0/external_port"
    );
    // The later override wins over the earlier one... only where it applies.
    assert_eq!(
        findings(&report, 2),
        [finding("range", "error", 6, 0, false)]
    );
    assert_eq!(
        findings(&report, 3),
        [finding("unknown_member", "error", 6, 0, false)]
    );

    // The command line wins over the file, the last flag for a code wins.
    let (status, report) = json(
        repo.path(),
        &[
            "--deny",
            "range",
            "--allow",
            "unknown_member",
            "--allow",
            "range",
            "--warn",
            "range",
            "payloads",
        ],
    );
    assert_eq!(status, 0);
    assert_eq!(
        findings(&report, 2),
        [finding("range", "warning", 6, 0, false)]
    );
    assert_eq!(findings(&report, 3), []);
    let (status, _) = json(repo.path(), &["--deny-warnings", "payloads"]);
    assert_eq!(status, 1);
    let (status, _) = json(
        repo.path(),
        &[
            "--allow",
            "range",
            "--allow",
            "external_port_range",
            "--allow",
            "unknown_member",
            "--deny-warnings",
            "payloads",
        ],
    );
    assert_eq!(status, 0);
}

#[test]
fn yaml_comments_suppress_on_their_line_the_next_node_or_the_file() {
    let dir = temp_dir();
    let text = yaml_request(
        "worker",
        "cpu: -1  # qovery-lint: allow(range)\n\
         # qovery-lint: allow(mount_point, range)\n\
         storage:\n  - type: FAST_SSD\n    size: 0\n    mount_point: data\n\
         ports:\n  - internal_port: 0 # qovery-lint: allow(type)\n\
         memroy: 3 # qovery-lint: allow(unknown_membr)\n\
         auto_preview: \"# qovery-lint: allow(type)\"\n\
         # qovery-lint: allow-file(required)\n\
         # qovery-lint: deny(range)\n",
    );
    write(dir.path(), "worker.yaml", &text);
    let (status, report) = json(dir.path(), &["worker.yaml"]);
    assert_eq!(status, 1);
    assert_eq!(
        findings(&report, 0),
        [
            finding("range", "error", 6, 0, true),
            finding("range", "error", 10, 0, true),
            finding("mount_point", "warning", 11, 0, true),
            finding("required", "error", 13, 0, true),
            finding("range", "error", 13, 0, false),
            finding("unused_suppression", "warning", 13, 0, false),
            finding("unknown_member", "warning", 14, 0, false),
            finding("unused_suppression", "warning", 14, 0, false),
            finding("type", "error", 15, 0, false),
            finding("unused_suppression", "warning", 17, 0, false),
        ]
    );
    let messages: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "unused_suppression")
        .map(|d| d["message"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        messages,
        [
            "`allow(type)` silences nothing",
            "unknown code `unknown_membr`; did you mean `unknown_member`?",
            "not a suppression: write `# qovery-lint: allow(CODE, ...)` or `# qovery-lint: allow-file(CODE, ...)`",
        ]
    );
    assert_eq!(report["summary"]["suppressed"], 4);
    assert_eq!(report["summary"]["errors"], 2);
    assert_eq!(report["summary"]["warnings"], 4);
}

#[test]
fn every_document_of_a_yaml_stream_is_checked() {
    let dir = temp_dir();
    let text = format!(
        "# three documents\n---\n{}---\n{}---\n{}---\n",
        yaml_request("one", "cpu: -1\n"),
        yaml_request("two", ""),
        yaml_request("three", "memroy: 1\n"),
    );
    write(dir.path(), "deploy.yaml", &text);
    let (status, report) = json(dir.path(), &["deploy.yaml"]);
    assert_eq!(status, 1);
    assert_eq!(
        findings(&report, 0),
        [
            finding("range", "error", 8, 0, false),
            finding("unknown_member", "warning", 21, 2, false),
        ]
    );
    let (_, text, _) = run(dir.path(), &["deploy.yaml"]);
    assert!(text.contains(" --> deploy.yaml[0]:8:6\n"), "{text}");
    assert!(text.contains(" --> deploy.yaml[2]:21:1\n"), "{text}");

    // SARIF says which document too.
    let (_, sarif, _) = run(dir.path(), &["--format", "sarif", "deploy.yaml"]);
    let sarif: Value = serde_json::from_str(&sarif).unwrap_or_else(|e| panic!("{e}"));
    let documents: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| &r["properties"]["document"])
        .collect();
    assert_eq!(documents, [&Value::from(0), &Value::from(2)]);
}

#[test]
fn a_flood_is_capped_per_file() {
    let dir = temp_dir();
    let ports: Vec<String> = (0..5)
        .map(|_| "{\"internal_port\": 0}".to_owned())
        .collect();
    write(
        dir.path(),
        "flood.json",
        &request("flood", &format!("\n  \"ports\": [{}],", ports.join(", "))),
    );
    let (status, report) = json(dir.path(), &["--max-diagnostics", "2", "flood.json"]);
    assert_eq!(status, 1);
    assert_eq!(
        report["files"][0]["diagnostics"].as_array().map(Vec::len),
        Some(2)
    );
    // Each port: `range` (0), `required` (`protocol`), and 4 `duplicate_internal_port`.
    assert_eq!(report["files"][0]["omitted"], 12);
    assert_eq!(report["summary"]["errors"], 14);
    let (_, text, _) = run(dir.path(), &["--max-diagnostics", "2", "flood.json"]);
    assert!(
        text.ends_with(
            "flood.json: 12 more diagnostics not shown (max_diagnostics)\n\n\
             qovery-lint: 1 file checked, 0 valid, 1 invalid (14 errors, 0 warnings)\n"
        ),
        "{text}"
    );
}

#[test]
fn unknown_codes_and_codes_fixed_at_error_are_usage_errors() {
    let dir = temp_dir();
    write(dir.path(), "a.json", &request("a", ""));
    write(
        dir.path(),
        ".qovery-lint.toml",
        "strict = true\n\n[[overrides]]\nfiles = [\"*.json\"]\nrules = { image_nam_tag = \"off\" }\n",
    );
    let (status, _, stderr) = run(dir.path(), &["a.json"]);
    assert_eq!(status, 2);
    assert!(
        stderr.ends_with(
            ".qovery-lint.toml:5:11: unknown code `image_nam_tag`; did you mean `image_name_tag`?\n"
        ),
        "{stderr}"
    );
    let (status, _, stderr) = run(dir.path(), &["--no-config", "--warn", "rnage", "a.json"]);
    assert_eq!(
        (status, stderr.as_str()),
        (
            2,
            "qovery-lint: error: --warn: unknown code `rnage`; did you mean `range`?\n"
        )
    );
    let (status, _, stderr) = run(dir.path(), &["--no-config", "--allow", "syntax", "a.json"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("`syntax` cannot be set to `off`"),
        "{stderr}"
    );
    write(dir.path(), "q.toml", "[rules]\nlevel = \"loud\"\n");
    let (status, _, stderr) = run(dir.path(), &["--config", "q.toml", "a.json"]);
    assert_eq!(status, 2);
    assert!(
        stderr
            .contains("q.toml:2:9: unknown variant `loud`, expected one of `off`, `warn`, `error`"),
        "{stderr}"
    );
}

#[test]
fn show_config_prints_the_effective_configuration_and_no_flags_turn_switches_off() {
    let dir = temp_dir();
    write(
        dir.path(),
        ".qovery-lint.toml",
        "strict = true\ndeny_warnings = true\nexclude = [\"legacy/**\"]\n\n[rules]\nrange = \"warn\"\n\n[[overrides]]\nfiles = [\"*.json\"]\npointers = [\"/ports/*/external_port\"]\nrules = { range = \"off\" }\n",
    );
    let (status, text, _) = run(
        dir.path(),
        &["--show-config", "--deny", "type", "--no-strict"],
    );
    assert_eq!(status, 0);
    let text = text.replace(&dir.path().display().to_string(), "ROOT");
    assert_eq!(
        text,
        "configuration file: ROOT/.qovery-lint.toml\n\
         root: ROOT\n\
         kind: by file name\n\
         strict: false\n\
         deny_warnings: true\n\
         max_bytes: 1048576\n\
         max_diagnostics: 200\n\
         include: *.json, *.yaml, *.yml that look like container payloads\n\
         exclude: legacy/**\n\
         rules: range = warn\n\
         override for *.json at /ports/*/external_port: range = off\n\
         command line: type = error\n"
    );
    write(dir.path(), "a.json", &request("a", "\n  \"memroy\": 1,"));
    let (status, _, _) = run(dir.path(), &["a.json"]);
    assert_eq!(status, 1, "strict and deny_warnings from the file");
    let (status, _, _) = run(dir.path(), &["--no-strict", "a.json"]);
    assert_eq!(status, 1, "still deny_warnings");
    let (status, _, _) = run(dir.path(), &["--no-strict", "--no-deny-warnings", "a.json"]);
    assert_eq!(status, 0);
    let (status, _, _) = run(dir.path(), &["--no-deny-warnings", "a.json"]);
    assert_eq!(status, 1, "still strict");
}

#[test]
fn a_mixed_run_in_text() {
    let repo = repository();
    write(
        repo.path(),
        ".qovery-lint.toml",
        "[rules]\nunknown_member = \"error\"\n",
    );
    write(
        repo.path(),
        "payloads/stream.yaml",
        &format!(
            "{}---\n{}",
            yaml_request("first", "cpu: -1 # qovery-lint: allow(range)\n"),
            yaml_request(
                "second",
                "# qovery-lint: allow(range)\nmemory: -1\nmemroy: 2 # qovery-lint: allow(type)\n"
            ),
        ),
    );
    let (status, text, _) = run(repo.path(), &["."]);
    assert_eq!(status, 1);
    insta::assert_snapshot!("mixed_run", text);
}

#[test]
fn the_documented_example_is_a_valid_configuration() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/configuration.md"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let example = doc
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap_or_else(|| panic!("no TOML example in docs/configuration.md"));
    let dir = temp_dir();
    write(dir.path(), ".qovery-lint.toml", example);
    let (status, text, stderr) = run(dir.path(), &["--show-config"]);
    assert_eq!(status, 0, "{stderr}");
    let text = text.replace(&dir.path().display().to_string(), "ROOT");
    assert_eq!(
        text,
        "configuration file: ROOT/.qovery-lint.toml\n\
         root: ROOT\n\
         kind: request\n\
         strict: false\n\
         deny_warnings: false\n\
         max_bytes: 1048576\n\
         max_diagnostics: 200\n\
         include: deploy/qovery/**/*.json, deploy/qovery/**/*.yaml\n\
         exclude: **/fixtures/**, *.draft.json\n\
         rules: image_name_registry_host = off, probe_port_not_declared = error, unknown_member = warn\n\
         override for deploy/qovery/legacy/**: range = warn, unknown_member = off\n\
         override for *.json at /ports/*/external_port: range = off\n"
    );
}
