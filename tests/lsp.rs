//! The language server in process: real JSON-RPC frames (read by `lsp-server`'s own framing)
//! over `Connection::memory()`, and the exact diagnostics, hover text, completion items and
//! errors it answers. `tests/lsp_stdio.rs` drives the built binary and Neovim.

use lsp_server::{Connection, Message};
use serde_json::{Value, json};
use std::path::Path;
use std::thread::JoinHandle;
use std::time::Duration;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A client talking to a server thread.
struct Client {
    connection: Connection,
    server: Option<JoinHandle<u8>>,
    next_id: i64,
    /// The server's capabilities, as its answer to `initialize` gave them.
    capabilities: Value,
}

/// One message as it travels: a `Content-Length` frame, read back by `lsp-server`.
fn frame(message: &Value) -> Message {
    let body = message.to_string();
    let framed = format!("Content-Length: {}\r\n\r\n{body}", body.len());
    match Message::read(&mut framed.as_bytes()) {
        Ok(Some(message)) => message,
        other => panic!("not a message: {other:?}"),
    }
}

impl Client {
    fn start() -> Client {
        Client::start_with(json!({}))
    }

    fn start_with(capabilities: Value) -> Client {
        let (server, connection) = Connection::memory();
        let server = std::thread::spawn(move || qovery_lint::lsp::serve(server));
        let mut client = Client {
            connection,
            server: Some(server),
            next_id: 0,
            capabilities: Value::Null,
        };
        let result = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        );
        assert_eq!(result["result"]["capabilities"]["textDocumentSync"], 2);
        assert_eq!(result["result"]["serverInfo"]["name"], "qovery-lint");
        client.capabilities = result["result"]["capabilities"].clone();
        client.notify("initialized", json!({}));
        client
    }

    fn send(&self, message: Value) {
        let mut message = message;
        message["jsonrpc"] = json!("2.0");
        self.connection
            .sender
            .send(frame(&message))
            .unwrap_or_else(|e| panic!("the server is gone: {e}"));
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(json!({ "method": method, "params": params }));
    }

    /// The next message from the server, as JSON.
    fn receive(&self) -> Value {
        let message = self
            .connection
            .receiver
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|e| panic!("no message from the server: {e}"));
        serde_json::to_value(&message).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Sends a request and returns the whole response (`result` or `error`), skipping
    /// notifications sent meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "id": id, "method": method, "params": params }));
        loop {
            let message = self.receive();
            if message["id"] == id {
                return message;
            }
        }
    }

    /// The next diagnostics published for `uri`, with their version.
    fn diagnostics(&self, uri: &str) -> (Value, Value) {
        loop {
            let message = self.receive();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
            {
                let params = &message["params"];
                return (params["diagnostics"].clone(), params["version"].clone());
            }
        }
    }

    fn open(&self, uri: &str, language: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text
            } }),
        );
        self.diagnostics(uri).0
    }

    fn hover(&mut self, uri: &str, line: u32, character: u32) -> Value {
        self.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )["result"]
            .clone()
    }

    fn completion(&mut self, uri: &str, line: u32, character: u32) -> Value {
        self.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )["result"]
            .clone()
    }

    /// `shutdown` then `exit`: the server's exit status.
    fn stop(mut self) -> u8 {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        self.server
            .take()
            .map(|s| s.join().unwrap_or_else(|_| panic!("the server panicked")))
            .unwrap_or_else(|| panic!("no server"))
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("creating a temporary directory: {e}"))
}

fn uri_in(dir: &Path, name: &str) -> String {
    format!("file://{}/{name}", dir.display())
}

/// Each diagnostic as `line:character-line:character severity code`.
fn brief(diagnostics: &Value) -> Vec<String> {
    diagnostics
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {diagnostics}"))
        .iter()
        .map(|d| {
            let r = &d["range"];
            format!(
                "{}:{}-{}:{} {} {}",
                r["start"]["line"],
                r["start"]["character"],
                r["end"]["line"],
                r["end"]["character"],
                d["severity"],
                d["code"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

const RULES_LINK: &str =
    "https://github.com/qovery-model/qovery-model/blob/main/RULES.md#code-duplicate_key";

#[test]
fn diagnostics_of_the_broken_example_are_checks_with_ranges_links_and_second_places() {
    let dir = temp_dir();
    let uri = uri_in(dir.path(), "broken-web.json");
    let text = read("examples/payloads/broken-web.json");
    let client = Client::start();
    let diagnostics = client.open(&uri, "json", &text);
    // check's 1-based lines and columns, 0-based, and each value or key whole.
    assert_eq!(
        brief(&diagnostics),
        [
            "3:16-3:44 1 image_name_tag",
            "5:9-5:15 1 type",
            "6:2-6:10 2 unknown_member",
            "8:4-8:5 2 public_port_without_external_port",
            "8:23-8:28 1 range",
            "12:54-12:58 2 probe_port_not_declared",
            "13:27-13:28 1 liveness_success_threshold",
            "16:2-16:7 1 duplicate_key",
        ]
    );
    // The same messages as `check`.
    let checked = qovery_model::document::check(
        text.as_bytes(),
        &qovery_model::document::CheckOptions::new(),
    );
    let messages: Vec<String> = checked
        .diagnostics()
        .iter()
        .map(|d| match &d.help {
            Some(help) => format!("{}\nhelp: {help}", d.message),
            None => d.message.clone(),
        })
        .collect();
    let published: Vec<&str> = diagnostics
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(published, messages);
    assert_eq!(
        diagnostics[7],
        json!({
            "range": { "start": { "line": 16, "character": 2 }, "end": { "line": 16, "character": 7 } },
            "severity": 1,
            "code": "duplicate_key",
            "codeDescription": { "href": RULES_LINK },
            "source": "qovery-lint",
            "message": "duplicate key `tag`: most parsers keep only the last value, hiding the earlier one\nhelp: remove one of the two members",
            "relatedInformation": [{
                "location": {
                    "uri": uri,
                    "range": { "start": { "line": 4, "character": 2 }, "end": { "line": 4, "character": 7 } }
                },
                "message": "first occurrence of `tag`"
            }]
        })
    );
    assert_eq!(
        diagnostics[5]["relatedInformation"],
        json!([{
            "location": {
                "uri": uri,
                "range": { "start": { "line": 8, "character": 23 }, "end": { "line": 8, "character": 28 } }
            },
            "message": "declared internal port 70000"
        }])
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn utf16_or_utf8_ranges_after_non_ascii_text() {
    let dir = temp_dir();
    let uri = uri_in(dir.path(), "api.yaml");
    // `é` is one UTF-16 unit (two bytes), `🦀` two units (four bytes).
    let text = "name: \"é🦀\"\nregistry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\nimage_name: a/b\ntag: \"1\"\nhealthchecks: {}\nports: [{internal_port: 8080, name: \"é🦀\", is_default: maybe}]\n";
    let client = Client::start();
    let diagnostics = client.open(&uri, "yaml", text);
    // `check` says column 55 for `maybe`: 1-based, in characters; the protocol's 0-based
    // UTF-16 column is also 55, since the crab is two units.
    assert_eq!(
        brief(&diagnostics),
        ["5:8-5:9 1 required", "5:55-5:60 1 type"]
    );
    assert_eq!(client.capabilities["positionEncoding"], "utf-16");
    assert_eq!(client.stop(), 0);
    // A client that offers UTF-8 gets it: columns in bytes (`é` two, `🦀` four).
    let client =
        Client::start_with(json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }));
    assert_eq!(client.capabilities["positionEncoding"], "utf-8");
    let diagnostics = client.open(&uri, "yaml", text);
    assert_eq!(
        brief(&diagnostics),
        ["5:8-5:9 1 required", "5:58-5:63 1 type"]
    );
    assert_eq!(client.stop(), 0);
    // One that offers only UTF-32 gets the default.
    let client = Client::start_with(json!({ "general": { "positionEncodings": ["utf-32"] } }));
    assert_eq!(client.capabilities["positionEncoding"], "utf-16");
    assert_eq!(client.stop(), 0);
}

#[test]
fn changes_are_incremental_and_diagnostics_clear_when_fixed_or_closed() {
    let dir = temp_dir();
    let uri = uri_in(dir.path(), "api.json");
    let text = read("examples/payloads/minimal.json");
    let client = Client::start();
    assert_eq!(
        brief(&client.open(&uri, "json", &text)),
        Vec::<String>::new()
    );
    // `"tag": "1.0.0"` becomes `"tag": 1`: a type error, then back.
    let line = text
        .lines()
        .position(|l| l.contains("\"tag\""))
        .unwrap_or_else(|| panic!("no tag"));
    let start = text
        .lines()
        .nth(line)
        .and_then(|l| l.find("\"1"))
        .unwrap_or_else(|| panic!("no value"));
    let end = text
        .lines()
        .nth(line)
        .map(|l| l.trim_end_matches(',').len())
        .unwrap_or_default();
    let change = |version: i32, first: usize, last: usize, new: &str| {
        json!({
            "textDocument": { "uri": uri, "version": version },
            "contentChanges": [{
                "range": {
                    "start": { "line": line, "character": first },
                    "end": { "line": line, "character": last }
                },
                "text": new
            }]
        })
    };
    client.notify("textDocument/didChange", change(2, start, end, "1"));
    let (diagnostics, version) = client.diagnostics(&uri);
    assert_eq!(version, 2);
    assert_eq!(
        brief(&diagnostics),
        [format!("{line}:{start}-{line}:{} 1 type", start + 1)]
    );
    client.notify(
        "textDocument/didChange",
        change(3, start, start + 1, "\"1.0.0\""),
    );
    let (diagnostics, version) = client.diagnostics(&uri);
    assert_eq!((brief(&diagnostics), version), (Vec::new(), json!(3)));
    client.notify("textDocument/didChange", change(4, start, start, "{"));
    let (diagnostics, _) = client.diagnostics(&uri);
    assert_eq!(brief(&diagnostics).len(), 1);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    let (diagnostics, version) = client.diagnostics(&uri);
    assert_eq!((diagnostics, version), (json!([]), Value::Null));
    assert_eq!(client.stop(), 0);
}

#[test]
fn a_syntax_error_gets_what_the_checker_gives() {
    let dir = temp_dir();
    let uri = uri_in(dir.path(), "api.json");
    let client = Client::start();
    // It names `image_name`: a payload (a broken file that names no payload member is not
    // one, as in a walk).
    let diagnostics = client.open(
        &uri,
        "json",
        "{\n  \"image_name\": \"api\",\n  \"cpu\": 5,,\n}\n",
    );
    assert_eq!(brief(&diagnostics), ["2:11-2:12 1 syntax"]);
    assert_eq!(
        diagnostics[0]["message"],
        qovery_model::document::check(
            b"{\n  \"image_name\": \"api\",\n  \"cpu\": 5,,\n}\n",
            &qovery_model::document::CheckOptions::new()
        )
        .diagnostics()[0]
            .message
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn configuration_is_looked_up_and_reread_when_it_changes() {
    let dir = temp_dir();
    let config = dir.path().join(".qovery-lint.toml");
    std::fs::write(&config, "strict = true\n").unwrap_or_else(|e| panic!("{e}"));
    let nested = dir.path().join("payloads");
    std::fs::create_dir(&nested).unwrap_or_else(|e| panic!("{e}"));
    let uri = uri_in(&nested, "web.json");
    let text = read("examples/payloads/minimal.json").replacen('{', "{\"nope\": 1,", 1);
    let client = Client::start();
    assert_eq!(
        brief(&client.open(&uri, "json", &text)),
        ["0:1-0:7 1 unknown_member"]
    );
    std::fs::write(&config, "strict = false\n").unwrap_or_else(|e| panic!("{e}"));
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": format!("file://{}", config.display()), "type": 2 }] }),
    );
    assert_eq!(
        brief(&client.diagnostics(&uri).0),
        ["0:1-0:7 2 unknown_member"]
    );
    // A response, by its name.
    let response = uri_in(&nested, "web.response.json");
    let diagnostics = client.open(
        &response,
        "json",
        &read("examples/payloads/web-service.response.json"),
    );
    assert_eq!(brief(&diagnostics), Vec::<String>::new());
    let as_request = client.open(
        &uri_in(&nested, "copy.json"),
        "json",
        &read("examples/payloads/web-service.response.json"),
    );
    assert!(
        brief(&as_request)
            .iter()
            .any(|d| d.ends_with("unknown_member"))
    );
    // Not a payload's name: not checked.
    assert_eq!(
        client.open(&uri_in(&nested, "notes.txt"), "plaintext", "{"),
        json!([])
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn hover_shows_the_spec_and_the_rule_explanation() {
    let dir = temp_dir();
    let uri = uri_in(dir.path(), "broken-web.json");
    let mut client = Client::start();
    client.open(&uri, "json", &read("examples/payloads/broken-web.json"));
    // On the name `"cpu"` (line 5).
    let hover = client.hover(&uri, 5, 4);
    assert_eq!(
        hover["range"],
        json!({ "start": { "line": 5, "character": 2 }, "end": { "line": 5, "character": 7 } })
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert_eq!(
        hover["contents"]["value"],
        "**`cpu`** · `integer` (int32) · 0 to 2147483647 · default `500` · optional\n\nCPU, in millicores (1000 = 1 CPU; example 1250). Defaults to `defaults::CPU` (500) when omitted."
    );
    // On its value, where the `type` diagnostic is: the explanation follows.
    let hover = client.hover(&uri, 5, 11);
    let value = hover["contents"]["value"].as_str().unwrap_or_default();
    let explain = qovery_lint::cli::explain::text("type").unwrap_or_else(|| panic!("no explain"));
    assert!(value.starts_with("**`cpu`** · `integer`"), "{value}");
    assert!(
        value.ends_with(&format!(
            "\n\n---\n\n**error[type]**: expected an integer, found the string \"1000\"\n\n```text\n{}\n```",
            explain.trim_end()
        )),
        "{value}"
    );
    // YAML, on a value.
    let yaml = uri_in(dir.path(), "w.yaml");
    client.open(&yaml, "yaml", "ports:\n  - protocol: HTTP\n");
    let hover = client.hover(&yaml, 1, 15);
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .starts_with(
                "**`protocol`** · `string` · one of `\"HTTP\"`, `\"GRPC\"`, `\"TCP\"`, `\"UDP\"`"
            ),
        "{hover}"
    );
    assert_eq!(client.hover(&yaml, 2, 0), Value::Null);
    assert_eq!(client.stop(), 0);
}

fn labels(items: &Value) -> Vec<&str> {
    items
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item["label"].as_str())
        .collect()
}

#[test]
fn completion_offers_missing_members_required_first_and_enum_values() {
    let dir = temp_dir();
    let mut client = Client::start();
    let json_uri = uri_in(dir.path(), "api.json");
    client.open(
        &json_uri,
        "json",
        "{\n  \"ports\": [{ \"name\": \"web\", \"pro\" }],\n  \"auto_deploy\": \n}\n",
    );
    let items = client.completion(&json_uri, 1, 30);
    assert_eq!(
        labels(&items),
        [
            "internal_port",
            "publicly_accessible",
            "id",
            "external_port",
            "is_default",
            "protocol",
            "public_path",
            "public_path_rewrite"
        ]
    );
    let protocol = items
        .as_array()
        .into_iter()
        .flatten()
        .find(|item| item["label"] == "protocol")
        .unwrap_or_else(|| panic!("no protocol"));
    assert_eq!(
        protocol["textEdit"],
        json!({
            "range": { "start": { "line": 1, "character": 29 }, "end": { "line": 1, "character": 34 } },
            "newText": "\"protocol\": "
        })
    );
    assert_eq!(protocol["sortText"], "1006");
    let items = client.completion(&json_uri, 2, 17);
    assert_eq!(labels(&items), ["true", "false", "null"]);
    assert_eq!(items[0]["textEdit"]["newText"], "true");

    let yaml_uri = uri_in(dir.path(), "api.yaml");
    client.open(
        &yaml_uri,
        "yaml",
        "name: api\nports:\n  - protocol: \n    name: web\n\n",
    );
    let items = client.completion(&yaml_uri, 2, 14);
    assert_eq!(labels(&items), ["HTTP", "GRPC", "TCP", "UDP"]);
    assert_eq!(
        items[2]["textEdit"],
        json!({
            "range": { "start": { "line": 2, "character": 14 }, "end": { "line": 2, "character": 14 } },
            "newText": "TCP"
        })
    );
    let items = client.completion(&yaml_uri, 4, 0);
    let names = labels(&items);
    assert_eq!(
        &names[..4],
        ["registry_id", "image_name", "tag", "healthchecks"]
    );
    assert!(
        !names.contains(&"name") && !names.contains(&"ports"),
        "{names:?}"
    );
    assert_eq!(items[0]["textEdit"]["newText"], "registry_id: ");
    assert_eq!(client.stop(), 0);
}

/// `text` with the protocol's text edits applied (line and UTF-16 column positions; the tests'
/// texts are ASCII, so a column is a byte of its line).
fn apply_edits(text: &str, edits: &Value) -> String {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap_or_default() as usize;
        let column = position["character"].as_u64().unwrap_or_default() as usize;
        text.split_inclusive('\n')
            .take(line)
            .map(str::len)
            .sum::<usize>()
            + column
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .as_array()
        .map(|edits| {
            edits
                .iter()
                .map(|edit| {
                    (
                        offset(&edit["range"]["start"]),
                        offset(&edit["range"]["end"]),
                        edit["newText"].as_str().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.0));
    let mut out = text.to_owned();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn fix_all_and_quick_fixes_edit_as_check_fix_does() {
    let dir = temp_dir();
    let uri = uri_in(dir.path(), "broken-web.json");
    let text = read("examples/payloads/broken-web.json");
    let mut client = Client::start();
    client.open(&uri, "json", &text);
    let whole =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 99, "character": 0 } });
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": whole,
            "context": { "diagnostics": [], "only": ["source.fixAll"] }
        }),
    );
    let actions = &actions["result"];
    assert_eq!(actions.as_array().map(Vec::len), Some(1), "{actions}");
    assert_eq!(actions[0]["kind"], "source.fixAll.qovery-lint");
    let fixed = apply_edits(&text, &actions[0]["edit"]["changes"][&uri]);
    // What `check --fix` writes for the same file.
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_qovery-lint"))
        .args([
            "check",
            "--no-config",
            "--fix",
            "--stdin-filename",
            "broken-web.json",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(text.as_bytes())?;
            }
            child.wait_with_output()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fixed, String::from_utf8_lossy(&cli.stdout));
    assert_ne!(fixed, text);
    // The quick fix of the quoted number (0-based 5:9-5:15): its own edit only.
    let at =
        json!({ "start": { "line": 5, "character": 10 }, "end": { "line": 5, "character": 10 } });
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": at,
            "context": { "diagnostics": [], "only": ["quickfix"] }
        }),
    );
    let actions = &actions["result"];
    assert_eq!(actions.as_array().map(Vec::len), Some(1), "{actions}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(actions[0]["diagnostics"][0]["code"], "type");
    let edits = &actions[0]["edit"]["changes"][&uri];
    assert_eq!(
        edits,
        &json!([{ "range": { "start": { "line": 5, "character": 9 }, "end": { "line": 5, "character": 15 } }, "newText": "1000" }]),
        "{}",
        actions[0]["title"]
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn unknown_methods_unopened_documents_and_huge_documents() {
    let dir = temp_dir();
    let mut client = Client::start();
    let response = client.request("qovery/nothing", json!({}));
    assert_eq!(response["error"]["code"], -32601);
    assert_eq!(
        response["error"]["message"],
        "unknown method `qovery/nothing`"
    );
    let never = uri_in(dir.path(), "never.json");
    assert_eq!(client.hover(&never, 0, 0), Value::Null);
    assert_eq!(client.completion(&never, 0, 0), json!([]));
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": never },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [] }
        }),
    );
    assert_eq!(actions["result"], json!([]));
    // Bad parameters: an error response, the server goes on.
    let response = client.request("textDocument/hover", json!({ "position": 3 }));
    assert_eq!(response["error"]["code"], -32602);
    // A change to a document that is not open is ignored.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": never, "version": 2 }, "contentChanges": [{ "text": "{}" }] }),
    );
    // 5 MB: the `limit` diagnostic, as `check` gives it.
    let huge = uri_in(dir.path(), "huge.json");
    let text = format!("{{\"name\": \"{}\"}}", "x".repeat(5 * 1024 * 1024));
    let diagnostics = client.open(&huge, "json", &text);
    assert_eq!(brief(&diagnostics), ["0:0-0:1 1 limit"]);
    assert_eq!(
        client.hover(&huge, 0, 3)["contents"]["value"]
            .as_str()
            .map(|v| v.starts_with("**`name`**")),
        Some(true)
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let mut client = Client::start();
    client.notify("exit", Value::Null);
    let status = client
        .server
        .take()
        .map(|s| s.join().unwrap_or_else(|_| panic!("panicked")));
    assert_eq!(status, Some(1));
}

#[test]
fn the_client_registers_a_configuration_watcher_when_it_can() {
    let client = Client::start_with(json!({
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
    }));
    let request = client.receive();
    assert_eq!(request["method"], "client/registerCapability");
    assert_eq!(
        request["params"]["registrations"][0]["registerOptions"],
        json!({ "watchers": [{ "globPattern": "**/.qovery-lint.toml" }] })
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn rule_levels_suppressions_exclude_and_not_a_payload_as_check_has_them() {
    let dir = temp_dir();
    std::fs::write(
        dir.path().join(".qovery-lint.toml"),
        "exclude = [\"legacy/**\"]\n\n[rules]\nunknown_member = \"error\"\nrange = \"off\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let client = Client::start();
    // `range` off, `unknown_member` an error, as `check` under this file.
    let text = read("examples/payloads/broken-web.json");
    let diagnostics = client.open(&uri_in(dir.path(), "web.json"), "json", &text);
    let found = brief(&diagnostics);
    assert!(
        found.contains(&"6:2-6:10 1 unknown_member".to_owned()),
        "{found:?}"
    );
    assert!(!found.iter().any(|d| d.ends_with(" range")), "{found:?}");
    // A YAML suppression comment silences its code on its line; one that silences nothing
    // (`range` is off here, and 500 is in range anyway) is reported.
    let yaml = "name: api\nregistry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\nimage_name: a/b\ntag: \"1\"\nhealthchecks: {}\ncpu: 500 # qovery-lint: allow(range)\nnope: 1 # qovery-lint: allow(unknown_member)\n";
    let diagnostics = client.open(&uri_in(dir.path(), "w.yaml"), "yaml", yaml);
    assert_eq!(brief(&diagnostics), ["5:9-5:36 2 unused_suppression"]);
    // Excluded by the configuration, and plainly not a payload: nothing.
    std::fs::create_dir(dir.path().join("legacy")).unwrap_or_else(|e| panic!("{e}"));
    let excluded = client.open(
        &uri_in(&dir.path().join("legacy"), "web.json"),
        "json",
        &text,
    );
    assert_eq!(excluded, json!([]));
    let package =
        "{\"name\": \"my-app\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"jest\"}}";
    assert_eq!(
        client.open(&uri_in(dir.path(), "package.json"), "json", package),
        json!([])
    );
    assert_eq!(client.stop(), 0);
}
