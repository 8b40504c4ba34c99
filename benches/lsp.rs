//! The language server's latency: from a `didChange` sent to its `publishDiagnostics` received.
//!
//! Groups (see BENCHMARKS.md, "Language server"):
//! - `lsp_memory`: the server in process (`Connection::memory()`), so the time is the server's
//!   own: applying the incremental change, checking, converting to UTF-16 ranges, serializing;
//! - `lsp_pipe`: the release binary `qovery-lint lsp` over a pipe, as an editor runs it (adds
//!   framing, two process switches and the reader and writer threads).
//!
//! Each for the 1.5 KB benchmark payload valid and with its five mistakes, and for a ~1 MB
//! payload (the same with 4,700 ports and storages) valid and with the same mistakes. Every
//! iteration changes `memory` between 1024 and 1025, which keeps the verdict.
//!
//! Run: `cargo bench --bench lsp -- --warm-up-time 1 --measurement-time 3`.

use criterion::{Criterion, criterion_group, criterion_main};
use lsp_server::{Connection, Message, Notification};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

const VALID: &str = include_str!("data/request.json");
const INVALID: &str = include_str!("data/request-invalid.json");
/// Ports and storages in the large payload: about 1 MB pretty-printed.
const ENTRIES: usize = 4_700;

/// The payload with `n` distinct ports and storages, pretty-printed (as a file in an editor).
fn large(source: &str, n: usize) -> String {
    let mut value: Value = serde_json::from_str(source).unwrap_or_else(|e| panic!("{e}"));
    value["ports"] = (0..n)
        .map(|i| {
            json!({ "name": format!("p{i}"), "internal_port": 1000 + i,
                    "publicly_accessible": false, "protocol": "TCP" })
        })
        .collect();
    value["storage"] = (0..n)
        .map(|i| json!({"type": "FAST_SSD", "size": 10, "mount_point": format!("/data/{i}")}))
        .collect();
    value["healthchecks"]["readiness_probe"]["type"]["http"]["port"] = json!(1000);
    value["healthchecks"]["liveness_probe"]["type"]["tcp"]["port"] = json!(1000);
    serde_json::to_string_pretty(&value).unwrap_or_else(|e| panic!("{e}"))
}

/// The cases: name, text.
fn cases() -> Vec<(&'static str, String)> {
    vec![
        ("1.5KB_valid", VALID.to_owned()),
        ("1.5KB_five_mistakes", INVALID.to_owned()),
        ("1MB_valid", large(VALID, ENTRIES)),
        ("1MB_five_mistakes", large(INVALID, ENTRIES)),
    ]
}

fn did_open(uri: &str, text: &str) -> Value {
    json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": {
        "uri": uri, "languageId": "json", "version": 0, "text": text } } })
}

/// The `version`th change: `memory` (line 9, columns 12 to 16) set to 1024 or 1025.
fn did_change(uri: &str, version: i32) -> Value {
    let memory = if version % 2 == 0 { "1024" } else { "1025" };
    json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": { "uri": uri, "version": version },
        "contentChanges": [{ "range": {
            "start": { "line": 9, "character": 12 }, "end": { "line": 9, "character": 16 }
        }, "text": memory }] } })
}

fn initialize() -> Value {
    json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": { "processId": null, "rootUri": null, "capabilities": {} } })
}

fn message(value: &Value) -> Message {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{e}"))
}

fn is_publish(message: &Message) -> bool {
    matches!(message, Message::Notification(Notification { method, .. })
        if method == "textDocument/publishDiagnostics")
}

fn in_memory(c: &mut Criterion) {
    let mut group = c.benchmark_group("lsp_memory");
    for (name, text) in cases() {
        let (server, client) = Connection::memory();
        let thread = std::thread::spawn(move || qovery_lint::lsp::serve(server));
        let send = |value: Value| {
            client
                .sender
                .send(message(&value))
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let published = || loop {
            let got = client.receiver.recv().unwrap_or_else(|e| panic!("{e}"));
            if is_publish(&got) {
                return got;
            }
        };
        send(initialize());
        let _ = client.receiver.recv();
        send(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
        let uri = format!("file:///bench/{name}.json");
        send(did_open(&uri, &text));
        published();
        let mut version = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                version += 1;
                send(did_change(&uri, version));
                published()
            })
        });
        send(json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }));
        let _ = client.receiver.recv();
        send(json!({ "jsonrpc": "2.0", "method": "exit" }));
        let _ = thread.join();
    }
    group.finish();
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_qovery-lint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        let stdin = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
        let stdout = BufReader::new(child.stdout.take().unwrap_or_else(|| panic!("no stdout")));
        Server {
            child,
            stdin,
            stdout,
        }
    }

    fn send(&mut self, value: &Value) {
        message(value)
            .write(&mut self.stdin)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    fn receive(&mut self) -> Message {
        match Message::read(&mut self.stdout) {
            Ok(Some(message)) => message,
            other => panic!("{other:?}"),
        }
    }

    fn published(&mut self) {
        while !is_publish(&self.receive()) {}
    }

    /// The server's resident memory, in KiB (Linux).
    fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}

fn over_a_pipe(c: &mut Criterion) {
    let mut group = c.benchmark_group("lsp_pipe");
    for (name, text) in cases() {
        let mut server = Server::start();
        server.send(&initialize());
        let _ = server.receive();
        server.send(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
        let before = server.rss_kib();
        let uri = format!("file:///bench/{name}.json");
        server.send(&did_open(&uri, &text));
        server.published();
        if let (Some(before), Some(after)) = (before, server.rss_kib()) {
            eprintln!(
                "{name}: {} bytes; resident memory {before} KiB before the open, {after} KiB after (+{} KiB)",
                text.len(),
                after.saturating_sub(before)
            );
        }
        let mut version = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                version += 1;
                server.send(&did_change(&uri, version));
                server.published();
            })
        });
        server.send(&json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }));
        let _ = server.receive();
        server.send(&json!({ "jsonrpc": "2.0", "method": "exit" }));
        let _ = server.stdin.flush();
        let _ = server.child.wait();
        let _ = server.stdout.fill_buf();
    }
    group.finish();
}

criterion_group!(benches, in_memory, over_a_pipe);
criterion_main!(benches);
