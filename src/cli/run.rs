//! Reads and lints every input, in parallel, and hands the results over in input order as
//! they complete.
//!
//! Each file is opened read-only and read up to the size limit (`--max-bytes`): a larger file
//! gets one `limit` error and is not parsed. A file that cannot be read, or that disappeared
//! since it was found, gets one `io` error; every other file is still checked.
//!
//! Workers take the inputs in order, a few consecutive ones at a time, and render what they
//! linted; the worker that completes the next files to hand over hands them over, with the ones
//! after them that are done (ripgrep's printers render per worker the same way). A worker waits
//! before checking an input more than [`WINDOW_PER_JOB`] times the jobs ahead of the next one to
//! hand over, so at most that many results are held whatever the number of files.

use super::placement;
use crate::engine::{self, FileReport, INTERNAL, IO, Linted};
use crate::render::Emitter;
use crate::select::{Input, describe};
use crate::settings::{Format, Settings};
use crossbeam_channel::TrySendError;
use qovery_model::document;
use qovery_model::validate::{Diagnostic, Position, Severity};
use std::collections::BTreeMap;
use std::io::{self, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The name standard input is reported under when `--stdin-filename` is not given.
pub const STDIN_NAME: &str = "<stdin>";

/// Results a worker may run ahead of the next one handed over, per job: enough that a slow file
/// rarely stops the others, few enough that memory does not grow with the files.
pub const WINDOW_PER_JOB: usize = 16;

/// What is known of the inputs before they are produced: it decides how many workers are worth
/// starting, and whether they prepare while they wait for the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inputs {
    /// Directories to walk: how many files is unknown, and the first comes only once the first
    /// directory is listed (workers build the checker's tables meanwhile).
    Walked,
    /// This many inputs named on the command line: they come at once.
    Named(usize),
}

impl Inputs {
    /// From the command-line paths, by their names alone (no system call): `-` and a name with
    /// a payload extension are taken for files, anything else for a directory. A wrong guess
    /// costs speed, never a result.
    pub fn of_paths(paths: &[std::path::PathBuf]) -> Inputs {
        use crate::select::{is_payload_name, is_stdin};
        if paths
            .iter()
            .all(|path| is_stdin(path) || is_payload_name(path))
        {
            Inputs::Named(paths.len())
        } else {
            Inputs::Walked
        }
    }

    /// The threads worth running for these inputs, at most `jobs`: named inputs get one for
    /// each [`MIN_INPUTS_PER_JOB`] (a thread costs more than checking fewer files: measured,
    /// 8 files took 3.6 ms over two threads and 2.5 ms on one).
    pub fn jobs(self, jobs: usize) -> usize {
        match self {
            Inputs::Walked => jobs,
            Inputs::Named(count) => jobs.min(count / MIN_INPUTS_PER_JOB).max(1),
        }
    }
}

/// The fewest named inputs that make another thread worth starting (see [`Inputs::jobs`]).
pub const MIN_INPUTS_PER_JOB: usize = 32;

/// Lints every input `produce` gives, over up to `settings.jobs` threads (as `inputs` makes
/// worth it), each worker rendering what it linted with `emitter`, and gives each result to
/// `each` in input order (on whichever worker completes it).
///
/// `produce` runs on the calling thread and hands the inputs over in order as it finds them
/// (the directory walk: [`crate::select::select_each`]); the other workers check the first
/// files meanwhile, and the calling thread becomes a worker when it is done, so the walk costs
/// no thread of its own.
pub fn run(
    produce: impl FnOnce(&mut dyn FnMut(Input)),
    inputs: Inputs,
    settings: &Settings,
    emitter: &dyn Emitter,
    mut each: impl FnMut(Linted) + Send,
) {
    let lint =
        |input: &Input, buffer: &mut Vec<u8>| lint_and_render(input, settings, emitter, buffer);
    let jobs = inputs.jobs(settings.jobs);
    if jobs <= 1 {
        let mut buffer = Vec::new();
        produce(&mut |input| each(lint(&input, &mut buffer)));
        return;
    }
    // Bounded: the walk runs no further ahead of the checking than the window, so memory does
    // not grow with the files.
    let size = jobs * WINDOW_PER_JOB;
    let (sender, batches) = crossbeam_channel::bounded::<Batch>(size / BATCH);
    let window = Window::new(size, &mut each);
    let take = |batch: Batch, buffer: &mut Vec<u8>| {
        window.wait_for_room(batch.last());
        let linted = batch
            .inputs
            .iter()
            .map(|input| lint(input, buffer))
            .collect();
        window.done(batch.first, linted);
    };
    let started = placement::Started::default();
    std::thread::scope(|scope| {
        for _ in 1..jobs {
            let (started, take, batches) = (&started, &take, &batches);
            scope.spawn(move || {
                started.here();
                // While the walk lists the first directory these threads have nothing to
                // check: they build what the first invalid file would otherwise wait for (of
                // the kind of every file not named `*.response.*`: see `engine::kind_for`).
                // Named inputs come at once: the first invalid one builds it.
                if inputs == Inputs::Walked {
                    document::prepare(settings.kind.unwrap_or_default());
                }
                let mut buffer = Vec::new();
                batches.iter().for_each(|batch| take(batch, &mut buffer));
            });
        }
        placement::make_room(&started, jobs - 1);
        let mut buffer = Vec::new();
        let send = |mut batch: Batch, buffer: &mut Vec<u8>| {
            // When the workers are behind, the walk checks the oldest waiting batch itself,
            // which makes room: it is the only sender.
            while let Err(TrySendError::Full(back)) = sender.try_send(batch) {
                if let Ok(oldest) = batches.try_recv() {
                    take(oldest, buffer);
                }
                batch = back;
            }
        };
        let mut batch = Batch::starting_at(0);
        produce(&mut |input| {
            batch.inputs.push(input);
            // A batch goes when it is full, or at once when no batch waits (a worker may be
            // idle): a few files are spread over the workers, many go `BATCH` at a time.
            if batch.inputs.len() == BATCH || sender.is_empty() {
                let next = Batch::starting_at(batch.first + batch.inputs.len());
                send(std::mem::replace(&mut batch, next), &mut buffer);
            }
        });
        if !batch.inputs.is_empty() {
            send(batch, &mut buffer);
        }
        drop(sender);
        batches.iter().for_each(|batch| take(batch, &mut buffer));
    });
}

/// The most inputs a worker takes at once: one channel operation, one wait for room and one
/// hand-over for this many files rather than for each (2,000 files over two jobs: 18.5 ->
/// 17.6 ms, median of 121 rounds; BENCHMARKS.md).
const BATCH: usize = 8;

// A batch fits in the window: the batch holding the next input to hand over is always let
// in (`Window::wait_for_room` on its last input), so the run always moves on.
const _: () = assert!(BATCH <= WINDOW_PER_JOB);

/// Consecutive inputs handed to a worker together.
struct Batch {
    /// The index of the first.
    first: usize,
    inputs: Vec<Input>,
}

impl Batch {
    fn starting_at(first: usize) -> Self {
        Batch {
            first,
            inputs: Vec::with_capacity(BATCH),
        }
    }

    /// The index of the last input (of the first when there is none).
    fn last(&self) -> usize {
        self.first + self.inputs.len().saturating_sub(1)
    }
}

/// Lints and renders one input, read into `buffer` (the worker's: its bytes are never kept past
/// the rendering, so one allocation serves every file); a panic on the way (a bug) is one
/// `internal` error, so that every input taken is handed over.
fn lint_and_render(
    input: &Input,
    settings: &Settings,
    emitter: &dyn Emitter,
    buffer: &mut Vec<u8>,
) -> Linted {
    catch_unwind(AssertUnwindSafe(|| {
        let mut linted = check_input(input, settings, buffer);
        if !linted.report.not_a_payload {
            linted.rendered = Some(emitter.render_file(&linted));
            if let Some(source) = linted.source.take() {
                *buffer = source;
            }
        }
        linted
    }))
    .unwrap_or_else(|_| {
        failed(
            input_name(input, settings),
            INTERNAL,
            "the checker failed on this input; please report it".to_owned(),
        )
    })
}

/// The results done but not yet handed over (the reorder window), and the hand-over.
struct Window<'f, F> {
    pending: Mutex<Pending>,
    /// Signalled when `next` moves on.
    room: Condvar,
    /// Taken by one worker at a time: the one handing over (`Pending::handing`).
    each: Mutex<&'f mut F>,
    size: usize,
}

struct Pending {
    /// Results by the index of their batch's first input, all after `next`.
    done: BTreeMap<usize, Vec<Linted>>,
    /// The index of the next result to hand over.
    next: usize,
    /// A worker is handing results over.
    handing: bool,
    /// How many workers wait for room: only then does a hand-over wake them (a wake-up is a
    /// system call, and most hand-overs have no one to wake).
    waiting: usize,
}

impl<'f, F: FnMut(Linted)> Window<'f, F> {
    fn new(size: usize, each: &'f mut F) -> Self {
        Window {
            pending: Mutex::new(Pending {
                done: BTreeMap::new(),
                next: 0,
                handing: false,
                waiting: 0,
            }),
            room: Condvar::new(),
            each: Mutex::new(each),
            size,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until input `index` is within the window. The input at `next` always is, and
    /// every input before `index` was taken by a worker, so this ends.
    fn wait_for_room(&self, index: usize) {
        let mut pending = self.lock();
        while index >= pending.next + self.size {
            pending.waiting += 1;
            pending = self
                .room
                .wait(pending)
                .unwrap_or_else(PoisonError::into_inner);
            pending.waiting -= 1;
        }
    }

    /// Adds the results of the inputs from `index` on; when they are the next to hand over
    /// and no worker is handing over, hands them over with every result after them that is
    /// done, until none is.
    fn done(&self, index: usize, linted: Vec<Linted>) {
        let mut pending = self.lock();
        pending.done.insert(index, linted);
        if pending.handing {
            // The worker handing over looks again before it stops.
            return;
        }
        pending.handing = true;
        loop {
            let (mut ready, next, mut handed) = (Vec::new(), pending.next, 0);
            while let Some(entry) = pending.done.first_entry()
                && *entry.key() == next + handed
            {
                let batch = entry.remove();
                handed += batch.len();
                ready.push(batch);
            }
            if ready.is_empty() {
                pending.handing = false;
                return;
            }
            drop(pending);
            {
                let mut each = self.each.lock().unwrap_or_else(PoisonError::into_inner);
                ready.into_iter().flatten().for_each(&mut **each);
            }
            pending = self.lock();
            pending.next += handed;
            if pending.waiting > 0 {
                self.room.notify_all();
            }
        }
    }
}

fn input_name(input: &Input, settings: &Settings) -> String {
    match input {
        // What `display()` shows (invalid UTF-8 replaced), without the formatting machinery:
        // a tenth of the instructions.
        Input::File { path, .. } | Input::Failed { path, .. } => {
            path.to_string_lossy().into_owned()
        }
        Input::Stdin => settings
            .stdin_filename
            .clone()
            .unwrap_or_else(|| STDIN_NAME.to_owned()),
    }
}

/// Reads `input` into `buffer` and lints it.
fn check_input(input: &Input, settings: &Settings, buffer: &mut Vec<u8>) -> Linted {
    match read_input_into(input, settings, buffer) {
        Ok(name) => lint_buffer(name, buffer, settings, is_walked(input)),
        Err(linted) => *linted,
    }
}

/// Whether a directory walk found the input (it may then be skipped as not a payload).
pub fn is_walked(input: &Input) -> bool {
    matches!(input, Input::File { walked: true, .. })
}

/// The name and the bytes of an input, or what it is reported as when it cannot be linted
/// (unreadable, over the size limit).
pub fn read_input(input: &Input, settings: &Settings) -> Result<(String, Vec<u8>), Box<Linted>> {
    let mut bytes = Vec::new();
    read_input_into(input, settings, &mut bytes).map(|name| (name, bytes))
}

/// [`read_input`] into `buffer` (emptied first; its capacity is reused): the name.
fn read_input_into(
    input: &Input,
    settings: &Settings,
    buffer: &mut Vec<u8>,
) -> Result<String, Box<Linted>> {
    let name = input_name(input, settings);
    let read = match input {
        Input::Failed { message, .. } => {
            return Err(Box::new(failed(
                name,
                IO,
                format!("cannot be read: {message}"),
            )));
        }
        Input::File { path, .. } => read_file(path, settings.max_bytes, buffer),
        Input::Stdin => read_limited(io::stdin().lock(), settings.max_bytes, buffer),
    };
    match read {
        Ok(Contents::Read) => Ok(name),
        Ok(Contents::TooLarge(size)) => {
            let what = match size {
                Some(size) => format!("the file is {size} bytes"),
                None => "the input is larger than that".to_owned(),
            };
            let report = FileReport::single(
                Diagnostic::new(
                    "",
                    document::codes::LIMIT,
                    Severity::Error,
                    format!(
                        "{what}, more than the limit of {} bytes (--max-bytes); it was not checked",
                        settings.max_bytes
                    ),
                )
                .with_position(Position { line: 1, column: 1 }),
            );
            Err(Box::new(Linted {
                name,
                source: None,
                report,
                unreadable: false,
                rendered: None,
            }))
        }
        Err(error) => Err(Box::new(failed(
            name,
            IO,
            format!("cannot be read: {}", describe(&error)),
        ))),
    }
}

/// Lints the bytes of the input `name` (a panic of the checker is one `internal` error).
pub fn lint_bytes(name: String, mut bytes: Vec<u8>, settings: &Settings, walked: bool) -> Linted {
    lint_buffer(name, &mut bytes, settings, walked)
}

/// [`lint_bytes`] on the bytes in `buffer`, which the result takes when it keeps them.
fn lint_buffer(name: String, buffer: &mut Vec<u8>, settings: &Settings, walked: bool) -> Linted {
    match catch_unwind(AssertUnwindSafe(|| {
        engine::lint(Path::new(&name), buffer, settings, walked)
    })) {
        Ok(report) => Linted {
            name,
            source: keep_source(settings, &report).then(|| std::mem::take(buffer)),
            report,
            unreadable: false,
            rendered: None,
        },
        Err(_) => failed(
            name,
            INTERNAL,
            "the checker failed on this input; please report it".to_owned(),
        ),
    }
}

/// Whether the bytes of a linted file are kept until the output: for the text output's source
/// lines, and for the lines and columns of fixes. Only when there is something to show: the
/// bytes of a clean file are not kept (10,000 files would keep them all until the output).
pub fn keep_source(settings: &Settings, report: &FileReport) -> bool {
    let mut reported = report.reported().peekable();
    reported.peek().is_some()
        && (settings.format == Format::Text || reported.any(|f| f.diagnostic.fix.is_some()))
}

/// A checked input with one diagnostic saying why it was not checked.
fn failed(name: String, code: &'static str, message: String) -> Linted {
    Linted {
        name,
        source: None,
        report: FileReport::single(Diagnostic::new("", code, Severity::Error, message)),
        unreadable: true,
        rendered: None,
    }
}

/// What reading gave.
enum Contents {
    /// The bytes, in the buffer given.
    Read,
    /// Over the limit; the size when known.
    TooLarge(Option<u64>),
}

fn read_file(path: &Path, max_bytes: usize, buffer: &mut Vec<u8>) -> io::Result<Contents> {
    // Read-only: the linter never writes to the files it checks.
    let file = std::fs::File::open(path)?;
    // No `stat` before reading (one system call in five per file): most files are read in
    // two `read` calls into the worker's buffer (see `READ_AHEAD`), a directory fails the first
    // `read` as its `stat` would have said, and only an input over the limit is asked its
    // size, for the message.
    match read_limited(&file, max_bytes, buffer)? {
        Contents::TooLarge(_) => {
            let size = file
                .metadata()
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len());
            Ok(Contents::TooLarge(size))
        }
        read => Ok(read),
    }
}

/// The room an input is read into at least, in bytes: a payload fits with room to spare, so
/// the buffer, which keeps its capacity from input to input, seldom grows.
const READ_AHEAD: usize = 16 * 1024;

/// Reads at most `max_bytes + 1` bytes into `buffer` (emptied first): enough to know the input
/// is too large, never more.
fn read_limited(reader: impl Read, max_bytes: usize, buffer: &mut Vec<u8>) -> io::Result<Contents> {
    buffer.clear();
    buffer.reserve(READ_AHEAD);
    reader
        .take((max_bytes as u64).saturating_add(1))
        .read_to_end(buffer)?;
    if buffer.len() > max_bytes {
        Ok(Contents::TooLarge(None))
    } else {
        Ok(Contents::Read)
    }
}

#[cfg(test)]
mod tests {
    use super::{
        Contents, IO, Inputs, MIN_INPUTS_PER_JOB, WINDOW_PER_JOB, check_input, read_limited, run,
    };
    use crate::render::json::JsonEmitter;
    use crate::select::Input;
    use crate::settings::{Format, Settings};
    use std::path::PathBuf;

    fn settings() -> Settings {
        Settings {
            format: Format::Json,
            jobs: 1,
            max_bytes: 1024,
            ..Settings::default()
        }
    }

    #[test]
    fn a_directory_read_as_a_file_is_one_io_diagnostic() {
        let checked = check_input(
            &Input::File {
                path: std::env::temp_dir(),
                walked: false,
            },
            &settings(),
            &mut Vec::new(),
        );
        assert!(checked.unreadable);
        let messages: Vec<&str> = checked
            .report
            .findings
            .iter()
            .map(|f| f.diagnostic.message.as_str())
            .collect();
        assert_eq!(messages, ["cannot be read: is a directory"]);
    }

    #[test]
    fn a_file_that_disappeared_gets_one_io_diagnostic() {
        let path = std::env::temp_dir().join("qovery-lint-test-never-created.json");
        let checked = check_input(
            &Input::File {
                path,
                walked: false,
            },
            &settings(),
            &mut Vec::new(),
        );
        assert!(checked.unreadable);
        let codes: Vec<&str> = checked
            .report
            .findings
            .iter()
            .map(|f| f.diagnostic.code)
            .collect();
        assert_eq!(codes, [IO]);
        assert!(
            checked.report.findings[0]
                .diagnostic
                .message
                .contains("no such file")
        );
    }

    /// Over 1 to 4 workers, walked or named, more inputs than the window holds, every result is
    /// handed over once, rendered, in input order, and `run` returns only when all were.
    #[test]
    fn results_come_in_input_order_whatever_the_jobs() {
        let inputs: Vec<Input> = (0..20 * WINDOW_PER_JOB)
            .map(|i| Input::Failed {
                path: PathBuf::from(format!("f{i}.json")),
                message: "gone".to_owned(),
            })
            .collect();
        let expected: Vec<String> = (0..inputs.len()).map(|i| format!("f{i}.json")).collect();
        let hints = [Inputs::Walked, Inputs::Named(inputs.len())];
        for (jobs, hint) in (1..=4).flat_map(|jobs| hints.map(|hint| (jobs, hint))) {
            let settings = Settings { jobs, ..settings() };
            let mut names = Vec::new();
            let produce = |push: &mut dyn FnMut(Input)| inputs.iter().cloned().for_each(push);
            run(
                produce,
                hint,
                &settings,
                &JsonEmitter::new(false),
                |linted| {
                    assert!(linted.rendered.is_some_and(|r| r.contains(&linted.name)));
                    names.push(linted.name);
                },
            );
            assert_eq!(names, expected, "{jobs} jobs, {hint:?}");
        }
    }

    /// Named payloads and `-` are counted; any other name may be a directory, so a walk.
    #[test]
    fn inputs_are_told_by_their_names() {
        let paths = |names: &[&str]| names.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(
            Inputs::of_paths(&paths(&["a.json", "b/c.YAML", "-"])),
            Inputs::Named(3)
        );
        assert_eq!(
            Inputs::of_paths(&paths(&["a.json", "payloads"])),
            Inputs::Walked
        );
        assert_eq!(Inputs::of_paths(&paths(&["."])), Inputs::Walked);
        assert_eq!(Inputs::of_paths(&[]), Inputs::Named(0));
    }

    /// A walk gets every job; named inputs one job for each `MIN_INPUTS_PER_JOB`, at least one.
    #[test]
    fn few_named_inputs_get_fewer_threads() {
        assert_eq!(Inputs::Walked.jobs(4), 4);
        assert_eq!(Inputs::Named(0).jobs(4), 1);
        assert_eq!(Inputs::Named(MIN_INPUTS_PER_JOB - 1).jobs(4), 1);
        assert_eq!(Inputs::Named(2 * MIN_INPUTS_PER_JOB).jobs(4), 2);
        assert_eq!(Inputs::Named(100 * MIN_INPUTS_PER_JOB).jobs(4), 4);
        assert_eq!(Inputs::Named(100 * MIN_INPUTS_PER_JOB).jobs(1), 1);
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let big = std::io::repeat(b'x');
        let mut buffer = b"left over".to_vec();
        assert!(matches!(
            read_limited(big, 10, &mut buffer),
            Ok(Contents::TooLarge(None))
        ));
        assert_eq!(buffer.len(), 11);
        let small: &[u8] = b"{}";
        assert!(matches!(
            read_limited(small, 2, &mut buffer),
            Ok(Contents::Read)
        ));
        assert_eq!(buffer, b"{}");
    }
}
