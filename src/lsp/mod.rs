//! `qovery-lint lsp`: the language server. Every rule of `check`, the spec's documentation and
//! the fixes, in the editor while a payload is typed.
//!
//! Built on rust-analyzer's `lsp-server` (framing, channels, the initialize handshake) and
//! `lsp-types` (the LSP 3.17 types), pinned to exact versions (`=0.10.0`, `=0.97.0`): both are
//! 0.x crates whose minor releases change public types (`lsp-types` replaced `url::Url` with its
//! own `Uri` after 0.95), and a server must not change its wire shapes with a `cargo update`.
//! They keep the server synchronous and small: one thread reads, one writes, one handles, no
//! async runtime (the async `tower-lsp` is unmaintained; its fork `tower-lsp-server` has changed
//! its types crate twice in a year). rust-analyzer, ruff and ty are built the same way.
//!
//! The protocol stays at this edge; everything below it is the engine `check` uses: the same
//! configuration lookup ([`workspace`]), the same checker call, the same codes, messages and
//! severities. Positions are UTF-16 code units, computed from each diagnostic's byte `span`
//! ([`text`]). Standard output carries only protocol messages; logs go to standard error.
//!
//! Robustness: each handler runs under `catch_unwind`, so a panic becomes an error response
//! (or a logged error for a notification) and the server goes on; a message that does not parse
//! is logged and skipped (see `transport`); a request about a document that was never opened gets
//! an empty answer; a document larger than the configured `max_bytes` gets the `limit`
//! diagnostic, as in `check`.

mod actions;
mod completion;
pub mod cursor;
mod diagnostics;
mod hover;
pub mod schema;
pub mod text;
mod transport;
pub mod workspace;

pub use qovery_model::document::{DocumentKind, Syntax};

use crate::engine::kind_for;
use crate::settings::Settings;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument, Exit,
    LogMessage, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, Completion, HoverRequest, RegisterCapability, Request as _, Shutdown,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, MessageType, PositionEncodingKind,
    PublishDiagnosticsParams, Registration, RegistrationParams, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use qovery_model::document::position::Unit;
use qovery_model::validate::Diagnostic;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use text::Text;

/// The code action kind of "apply every safe fix" (`source.fixAll` is the kind editors run on
/// save; the suffix names this server, as ESLint's and ruff's do).
pub const FIX_ALL: &str = "source.fixAll.qovery-lint";

/// The `source` of every diagnostic.
pub const SOURCE: &str = "qovery-lint";

/// Runs the server on standard input and output until the client says `exit` or goes away;
/// returns the exit status (0 after `shutdown` then `exit`, 1 otherwise, as LSP 3.17 says).
pub fn run() -> u8 {
    let Some((connection, threads)) = transport::stdio() else {
        log("cannot start the input and output threads");
        return 1;
    };
    let status = serve(connection);
    threads.join();
    status
}

/// Writes one line on standard error (never standard output: it carries the protocol).
pub(crate) fn log(message: &str) {
    let _ = writeln!(std::io::stderr(), "qovery-lint lsp: {message}");
}

/// Serves one client on `connection` (standard input and output, or an in-memory pair in
/// tests): the initialize handshake, then every message until `exit`. Returns the exit status.
pub fn serve(connection: Connection) -> u8 {
    let (id, params) = match connection.initialize_start() {
        Ok(start) => start,
        Err(error) => {
            log(&format!("no initialize request: {error}"));
            return 1;
        }
    };
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let unit = position_unit(&params);
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    let result = serde_json::json!({
        "capabilities": capabilities(unit),
        "serverInfo": ServerInfo {
            name: SOURCE.to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    if let Err(error) = connection.initialize_finish(id, result) {
        log(&format!("initialize failed: {error}"));
        return 1;
    }
    let mut server = Server {
        sender: connection.sender.clone(),
        documents: HashMap::new(),
        configs: workspace::Configs::default(),
        unit,
        watch,
        shut_down: false,
    };
    // `initialize_finish` has consumed the `initialized` notification.
    server.register_watcher();
    // While the client opens its first document: so that its diagnostics do not wait for the
    // complete path's shapes (a millisecond, built once).
    qovery_model::document::prepare(qovery_model::document::DocumentKind::default());
    for message in &connection.receiver {
        match message {
            Message::Request(request) => server.request(request),
            Message::Notification(notification) if notification.method == Exit::METHOD => {
                return if server.shut_down { 0 } else { 1 };
            }
            Message::Notification(notification) => server.notification(notification),
            Message::Response(_) => {}
        }
    }
    log("the client closed the connection without `exit`");
    1
}

/// The column unit: UTF-8 when the client offers it (`general.positionEncodings`, LSP 3.17): the
/// checker's spans are bytes, so no line is decoded to count UTF-16 units. Otherwise UTF-16,
/// which every client supports.
fn position_unit(params: &InitializeParams) -> Unit {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|general| general.position_encodings.as_ref());
    if offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8)) {
        Unit::Utf8
    } else {
        Unit::Utf16
    }
}

fn capabilities(unit: Unit) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match unit {
            Unit::Utf8 => PositionEncodingKind::UTF8,
            Unit::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".to_owned(), ":".to_owned()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL)]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// One open document.
pub(crate) struct Open {
    /// The text, as the client last sent it.
    text: Text,
    /// The client's version of it.
    version: i32,
    /// The name it is checked under: its path, or its URI and language when it is not a file.
    name: String,
    /// JSON or YAML.
    syntax: Syntax,
    /// Request or response.
    kind: DocumentKind,
    /// How it is checked; `None` when the configuration does not select it.
    settings: Option<Settings>,
    /// The diagnostics of the last check, as the checker gave them.
    diagnostics: Vec<Diagnostic>,
}

struct Server {
    sender: crossbeam_channel::Sender<Message>,
    documents: HashMap<Uri, Open>,
    configs: workspace::Configs,
    /// What a column counts, as agreed at initialization.
    unit: Unit,
    /// Whether the client registers file watchers on request.
    watch: bool,
    shut_down: bool,
}

/// A request's failure: a JSON-RPC error code and message.
type Failure = (i32, String);

fn params<P: DeserializeOwned>(value: Value) -> Result<P, Failure> {
    serde_json::from_value(value).map_err(|error| {
        (
            ErrorCode::InvalidParams as i32,
            format!("invalid params: {error}"),
        )
    })
}

/// Runs `handler` for request `id`; a panic in it is caught and answered as an internal error,
/// so one bad request does not take the server down.
pub(crate) fn guarded<T: Serialize>(
    id: RequestId,
    handler: impl FnOnce() -> Result<T, Failure>,
) -> Response {
    match catch_unwind(AssertUnwindSafe(handler)) {
        Ok(Ok(result)) => Response::new_ok(id, result),
        Ok(Err((code, message))) => Response::new_err(id, code, message),
        Err(_) => Response::new_err(
            id,
            ErrorCode::InternalError as i32,
            "qovery-lint failed on this request (a bug: please report it)".to_owned(),
        ),
    }
}

impl Server {
    fn send(&self, message: impl Into<Message>) {
        // The client went away: the loop ends when its input does.
        let _ = self.sender.send(message.into());
    }

    fn notify<P: Serialize>(&self, method: &str, params: P) {
        self.send(Notification::new(method.to_owned(), params));
    }

    /// Tells the user something in the editor (and on standard error).
    fn show(&self, kind: MessageType, message: String) {
        log(&message);
        self.notify(
            ShowMessage::METHOD,
            lsp_types::ShowMessageParams { typ: kind, message },
        );
    }

    fn request(&mut self, request: Request) {
        let Request {
            id,
            method,
            params: raw,
        } = request;
        if self.shut_down {
            self.send(Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".to_owned(),
            ));
            return;
        }
        let response = match method.as_str() {
            Shutdown::METHOD => {
                self.shut_down = true;
                Response::new_ok(id, ())
            }
            HoverRequest::METHOD => guarded(id, || {
                let p: lsp_types::HoverParams = params(raw)?;
                let at = &p.text_document_position_params;
                Ok(self
                    .documents
                    .get(&at.text_document.uri)
                    .and_then(|open| hover::hover(open, at.position)))
            }),
            Completion::METHOD => guarded(id, || {
                let p: lsp_types::CompletionParams = params(raw)?;
                let at = &p.text_document_position;
                Ok(self
                    .documents
                    .get(&at.text_document.uri)
                    .map(|open| completion::complete(open, at.position))
                    .unwrap_or_default())
            }),
            CodeActionRequest::METHOD => guarded(id, || {
                let p: lsp_types::CodeActionParams = params(raw)?;
                Ok(self
                    .documents
                    .get(&p.text_document.uri)
                    .map(|open| actions::actions(&p.text_document.uri, open, &p))
                    .unwrap_or_default())
            }),
            _ => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method `{method}`"),
            ),
        };
        self.send(response);
    }

    fn notification(&mut self, notification: Notification) {
        let method = notification.method.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| self.notified(notification)));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(message)) => log(&format!("{method}: {message}")),
            Err(_) => self.notify(
                LogMessage::METHOD,
                lsp_types::LogMessageParams {
                    typ: MessageType::ERROR,
                    message: format!("qovery-lint failed on `{method}` (a bug: please report it)"),
                },
            ),
        }
    }

    fn notified(&mut self, notification: Notification) -> Result<(), String> {
        let Notification {
            method,
            params: raw,
        } = notification;
        let parse = |error: Failure| error.1;
        match method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = params(raw).map_err(parse)?;
                let document = p.text_document;
                let open = self.open(
                    &document.uri,
                    &document.language_id,
                    document.text,
                    document.version,
                );
                self.documents.insert(document.uri.clone(), open);
                self.publish(&document.uri);
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = params(raw).map_err(parse)?;
                let uri = p.text_document.uri;
                let Some(open) = self.documents.get_mut(&uri) else {
                    return Err(format!("a change to `{}`, which is not open", uri.as_str()));
                };
                open.text.apply(p.content_changes);
                open.version = p.text_document.version;
                relint(open);
                self.publish(&uri);
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = params(raw).map_err(parse)?;
                self.documents.remove(&p.text_document.uri);
                self.notify(
                    PublishDiagnostics::METHOD,
                    PublishDiagnosticsParams::new(p.text_document.uri, Vec::new(), None),
                );
            }
            DidChangeWatchedFiles::METHOD => {
                // A configuration file changed: every document is re-read under the new one.
                self.configs.clear();
                let uris: Vec<Uri> = self.documents.keys().cloned().collect();
                for uri in uris {
                    if let Some(old) = self.documents.remove(&uri) {
                        let language = match old.syntax {
                            Syntax::Yaml => "yaml",
                            _ => "json",
                        };
                        let open =
                            self.open(&uri, language, old.text.as_str().to_owned(), old.version);
                        self.documents.insert(uri.clone(), open);
                        self.publish(&uri);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Asks the client to report changes of configuration files, when it can.
    fn register_watcher(&self) {
        if !self.watch {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{}", crate::settings::FILE_NAME)),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "qovery-lint-config".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send(Request::new(
            RequestId::from("qovery-lint-register-watcher".to_owned()),
            RegisterCapability::METHOD.to_owned(),
            params,
        ));
    }

    /// A newly opened document, checked.
    fn open(&mut self, uri: &Uri, language: &str, text: String, version: i32) -> Open {
        let path: Option<PathBuf> = workspace::file_path(uri.as_str());
        // The engine reads the syntax from the name: an unsaved buffer is named by its URI and
        // its language, as `--stdin-filename` names standard input.
        let name = match &path {
            Some(path) => path.display().to_string(),
            None if language == "yaml" => format!("{}.yaml", uri.as_str()),
            None => format!("{}.json", uri.as_str()),
        };
        let syntax = Syntax::from_path(std::path::Path::new(&name));
        let (settings, error) = self.configs.for_document(path.as_deref());
        if let Some(error) = error {
            self.show(MessageType::WARNING, format!("{error}; the defaults apply"));
        }
        let kind = kind_for(&name, &settings);
        let settings =
            workspace::selected(path.as_deref(), language, &settings).then_some(settings);
        let mut open = Open {
            text: Text::new(text, self.unit),
            version,
            name,
            syntax,
            kind,
            settings,
            diagnostics: Vec::new(),
        };
        relint(&mut open);
        open
    }

    fn publish(&self, uri: &Uri) {
        let Some(open) = self.documents.get(uri) else {
            return;
        };
        let diagnostics = diagnostics::to_lsp(uri, open, &open.diagnostics);
        self.notify(
            PublishDiagnostics::METHOD,
            PublishDiagnosticsParams::new(uri.clone(), diagnostics, Some(open.version)),
        );
    }
}

/// Checks the document again, as `check` would (after the change, or under new settings).
fn relint(open: &mut Open) {
    open.diagnostics = match &open.settings {
        Some(settings) => workspace::lint(open.text.as_str(), &open.name, settings),
        None => Vec::new(),
    };
}

#[cfg(test)]
mod tests {
    use super::guarded;
    use lsp_server::RequestId;

    #[test]
    fn a_panicking_handler_is_an_error_response() {
        let response = guarded::<()>(RequestId::from(7), || panic!("boom"));
        assert_eq!(response.id, RequestId::from(7));
        let Err(error) = response.response_result else {
            panic!("no error");
        };
        assert_eq!(error.code, -32603);
    }
}
