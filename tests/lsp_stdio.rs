//! `qovery-lint lsp` as editors run it: the built binary over standard input and output, with a
//! malformed message and a client that goes away without `shutdown`; and Neovim's built-in LSP
//! client reading back the diagnostics it shows (skipped, with a message, when `nvim` is not
//! installed: `.ci/run` installs it where apt-get can).

use lsp_server::Message;
use serde_json::{Value, json};
use std::io::{BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_qovery-lint");

fn framed(message: &Value) -> Vec<u8> {
    let body = message.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn next(stdout: &mut impl std::io::BufRead) -> Value {
    match Message::read(stdout) {
        Ok(Some(message)) => serde_json::to_value(message).unwrap_or_else(|e| panic!("{e}")),
        other => panic!("not a message on standard output: {other:?}"),
    }
}

#[test]
fn the_binary_survives_a_malformed_message_and_a_client_that_leaves() {
    let mut server = Command::new(BIN)
        .arg("lsp")
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start the server: {e}"));
    let mut stdin = server.stdin.take().unwrap_or_else(|| panic!("no stdin"));
    let mut stdout = BufReader::new(server.stdout.take().unwrap_or_else(|| panic!("no stdout")));
    let mut input = b"Content-Length: 6\r\n\r\n{oops}".to_vec();
    input.extend(framed(&json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": { "processId": null, "rootUri": null, "capabilities": {} }
    })));
    stdin.write_all(&input).unwrap_or_else(|e| panic!("{e}"));
    stdin.flush().unwrap_or_else(|e| panic!("{e}"));
    let response = next(&mut stdout);
    assert_eq!(response["id"], 1);
    assert_eq!(response["result"]["serverInfo"]["name"], "qovery-lint");
    let uri = format!("file://{ROOT}/examples/payloads/broken-worker.yaml");
    let text =
        std::fs::read_to_string(Path::new(ROOT).join("examples/payloads/broken-worker.yaml"))
            .unwrap_or_else(|e| panic!("{e}"));
    let mut input = framed(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
    input.extend(framed(&json!({
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": { "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }
    })));
    stdin.write_all(&input).unwrap_or_else(|e| panic!("{e}"));
    stdin.flush().unwrap_or_else(|e| panic!("{e}"));
    let published = next(&mut stdout);
    assert_eq!(published["method"], "textDocument/publishDiagnostics");
    let codes: Vec<&str> = published["params"]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "required",
            "max_instances_below_min",
            "range",
            "mount_point",
            "scaler_config",
            "enum"
        ]
    );
    // The client goes away: no `shutdown`, no `exit`.
    drop(stdin);
    let output = server.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("ignored a malformed message"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Nothing but frames on standard output: everything was read above.
    let mut rest = Vec::new();
    std::io::Read::read_to_end(&mut stdout, &mut rest).unwrap_or_else(|e| panic!("{e}"));
    assert!(rest.is_empty(), "{}", String::from_utf8_lossy(&rest));
}

#[test]
fn neovim_shows_the_diagnostics() {
    if Command::new("nvim").arg("--version").output().is_err() {
        eprintln!(
            "SKIPPED neovim_shows_the_diagnostics: `nvim` is not installed (apt-get install neovim)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let payload = dir.path().join("broken-web.json");
    std::fs::copy(
        Path::new(ROOT).join("examples/payloads/broken-web.json"),
        &payload,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("shown.txt");
    let status = Command::new("nvim")
        .args([
            "--headless",
            "-u",
            "NONE",
            "-i",
            "NONE",
            "-n",
            "-c",
            "luafile tests/lsp/neovim.lua",
        ])
        .current_dir(ROOT)
        .env("QOVERY_LINT_BIN", BIN)
        .env("PAYLOAD", &payload)
        .env("OUT", &out)
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .stdin(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("nvim: {e}"));
    assert!(status.success(), "nvim: {status}");
    let shown = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}"));
    // Neovim's columns are bytes; the payload is ASCII, so they are the protocol's.
    assert_eq!(
        shown.lines().collect::<Vec<_>>(),
        [
            "3:16-3:44 1 image_name_tag qovery-lint",
            "5:9-5:15 1 type qovery-lint",
            "6:2-6:10 2 unknown_member qovery-lint",
            "8:4-8:5 2 public_port_without_external_port qovery-lint",
            "8:23-8:28 1 range qovery-lint",
            "12:54-12:58 2 probe_port_not_declared qovery-lint",
            "13:27-13:28 1 liveness_success_threshold qovery-lint",
            "16:2-16:7 1 duplicate_key qovery-lint",
            "hover: **`cpu`** · `integer` (int32) · 0 to 2147483647 · default `500` · optional",
            // On the name `"internal_port"` of the port: the members it does not have yet.
            "completion: internal_port id name external_port is_default public_path public_path_rewrite",
        ]
    );
}

#[test]
fn the_vscode_extension_is_well_formed() {
    let dir = Path::new(ROOT).join("editors/vscode");
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("package.json")).unwrap_or_else(|e| panic!("{e}")),
    )
    .unwrap_or_else(|e| panic!("package.json: {e}"));
    assert_eq!(manifest["main"], "./extension.js");
    assert!(manifest["dependencies"]["vscode-languageclient"].is_string());
    assert!(
        manifest["scripts"]["package"]
            .as_str()
            .is_some_and(|s| s.starts_with("vsce package"))
    );
    // Its JavaScript parses (`npm run package` itself needs the registry: run by hand, see
    // docs/editors.md).
    match Command::new("node")
        .arg("--check")
        .arg(dir.join("extension.js"))
        .status()
    {
        Ok(status) => assert!(status.success(), "node --check extension.js: {status}"),
        Err(_) => eprintln!("SKIPPED the node --check part: `node` is not installed"),
    }
}
