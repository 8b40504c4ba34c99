//! Standard input and output as a [`Connection`], framed by `lsp-server`'s
//! [`Message::read`]/[`Message::write`] (no framing of our own).
//!
//! `lsp-server`'s own `Connection::stdio` ends the reader at the first message whose JSON does
//! not parse; this reader logs it on standard error and reads on, since the `Content-Length`
//! framing was intact and the next message is whole. It stops at the end of input, after an
//! `exit` notification, or when the server has stopped listening.

use crossbeam_channel::{Receiver, Sender, bounded};
use lsp_server::{Connection, Message};
use std::io::{self, ErrorKind, Write};
use std::thread::{self, JoinHandle};

/// The threads that move messages between the channels and standard input and output.
pub struct Threads {
    reader: JoinHandle<()>,
    writer: JoinHandle<()>,
}

impl Threads {
    /// Waits for the writer to flush everything the server sent (it stops once the server has
    /// dropped its sender). The reader is not waited for: it may be blocked on standard input,
    /// which a client that keeps it open never closes.
    pub fn join(self) {
        let _ = self.writer.join();
        drop(self.reader);
    }
}

/// A connection over standard input and output; `None` if a thread cannot be started.
pub fn stdio() -> Option<(Connection, Threads)> {
    let (to_server, from_client): (Sender<Message>, Receiver<Message>) = bounded(0);
    let (to_client, from_server): (Sender<Message>, Receiver<Message>) = bounded(0);
    let writer = thread::Builder::new()
        .name("lsp-writer".to_owned())
        .spawn(move || {
            let stdout = io::stdout();
            let mut stdout = stdout.lock();
            for message in from_server {
                if message
                    .write(&mut stdout)
                    .and_then(|()| stdout.flush())
                    .is_err()
                {
                    // The client is gone; the server finds out when its input ends.
                    break;
                }
            }
        })
        .ok()?;
    let reader = thread::Builder::new()
        .name("lsp-reader".to_owned())
        .spawn(move || {
            let mut stdin = io::stdin().lock();
            loop {
                match Message::read(&mut stdin) {
                    Ok(Some(message)) => {
                        let exit =
                            matches!(&message, Message::Notification(n) if n.method == "exit");
                        if to_server.send(message).is_err() || exit {
                            break;
                        }
                    }
                    Ok(None) => break,
                    Err(error) if error.kind() == ErrorKind::InvalidData => {
                        super::log(&format!("ignored a malformed message: {error}"));
                    }
                    Err(error) => {
                        super::log(&format!("cannot read standard input: {error}"));
                        break;
                    }
                }
            }
        })
        .ok()?;
    Some((
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        Threads { reader, writer },
    ))
}
