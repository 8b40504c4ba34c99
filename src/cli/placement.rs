//! Where the workers run, on Linux: each on a CPU of its own from the start.
//!
//! Linux often queues a thread just created on the CPU of the thread that created it, and the
//! load balancer moves one of the two to an idle CPU only at a later scheduler tick (4 ms
//! apart at 250 Hz): measured on the benchmark machine (2 vCPUs, Linux 6.18), a worker spawned
//! by a busy thread started 0.7 to 1.4 ms late and often shared its CPU with it while the other
//! one stayed idle, a long time in a run of 15 ms. So after spawning, the spawning thread
//! waits briefly for the workers to start; when some have not, it moves itself to a CPU that no
//! started worker is on (its CPU mask narrowed, then restored at once: the scheduler does not
//! move it back), and the workers left queued on its old CPU run there. 2,000 files over two
//! jobs: 17.5 -> 15.4 ms (median of 81 rounds), the spread from the 25th to the 90th
//! percentile 2.9 -> 0.8 ms (BENCHMARKS.md).
//!
//! Nothing is pinned: every thread keeps the mask it had. Elsewhere, or when a call fails
//! (a restricted CPU mask, a seccomp filter), the threads are left where the system put them.

use std::sync::Mutex;
use std::sync::PoisonError;
use std::time::{Duration, Instant};

/// How long the spawning thread waits for the workers to start before it concludes that the
/// others wait for its CPU: a worker given an idle CPU starts within about 100 µs here.
const START_WAIT: Duration = Duration::from_micros(150);

/// The CPUs the workers started on, as they start.
#[derive(Default)]
pub struct Started {
    cpus: Mutex<Vec<Option<usize>>>,
}

impl Started {
    /// Records that the calling worker started, and on which CPU.
    pub fn here(&self) {
        let cpu = current_cpu();
        self.lock().push(cpu);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Option<usize>>> {
        self.cpus.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn count(&self) -> usize {
        self.lock().len()
    }
}

/// Called by the thread that spawned `workers` workers: when some did not start within
/// [`START_WAIT`], moves the calling thread to a CPU no started worker is on (see the module).
pub fn make_room(started: &Started, workers: usize) {
    if workers == 0 {
        return;
    }
    let since = Instant::now();
    // Spinning, not sleeping: while this thread keeps its CPU, a worker queued behind it cannot
    // start there and hide the fact.
    while started.count() < workers && since.elapsed() < START_WAIT {
        std::hint::spin_loop();
    }
    let taken = started.lock().clone();
    if taken.len() < workers {
        move_off(&taken);
    }
}

#[cfg(target_os = "linux")]
fn current_cpu() -> Option<usize> {
    Some(rustix::thread::sched_getcpu())
}

#[cfg(not(target_os = "linux"))]
fn current_cpu() -> Option<usize> {
    None
}

/// Moves the calling thread off its CPU and off `taken`'s, when another CPU of its mask is
/// left.
#[cfg(target_os = "linux")]
fn move_off(taken: &[Option<usize>]) {
    use rustix::thread::{CpuSet, sched_getaffinity, sched_setaffinity};
    let Ok(mask) = sched_getaffinity(None) else {
        return;
    };
    let mut elsewhere = mask;
    let here = rustix::thread::sched_getcpu();
    // A CPU number past the set's size (more than 1,024 CPUs) is left as it is, not indexed.
    for cpu in taken.iter().flatten().chain([&here]) {
        if *cpu < CpuSet::MAX_CPU {
            elsewhere.unset(*cpu);
        }
    }
    if elsewhere.count() == 0 {
        return;
    }
    if sched_setaffinity(None, &elsewhere).is_ok() {
        // The move is done when the call returns; the mask goes back at once.
        let _ = sched_setaffinity(None, &mask);
    }
}

#[cfg(not(target_os = "linux"))]
fn move_off(_taken: &[Option<usize>]) {}

#[cfg(test)]
mod tests {
    use super::{Started, make_room};
    use std::time::{Duration, Instant};

    /// A worker that never starts: the spawning thread waits no longer than `START_WAIT`, moves,
    /// and keeps the CPU mask it had (nothing is pinned).
    #[test]
    fn the_mask_is_kept_and_the_wait_bounded() {
        #[cfg(target_os = "linux")]
        let before = cpus();
        let since = Instant::now();
        make_room(&Started::default(), 1);
        assert!(since.elapsed() < Duration::from_secs(5));
        #[cfg(target_os = "linux")]
        {
            assert!(!before.is_empty());
            assert_eq!(before, cpus());
        }
    }

    /// The CPUs of the calling thread's mask.
    #[cfg(target_os = "linux")]
    fn cpus() -> Vec<usize> {
        use rustix::thread::{CpuSet, sched_getaffinity};
        let mask = sched_getaffinity(None).unwrap_or_else(|e| panic!("{e}"));
        (0..CpuSet::MAX_CPU)
            .filter(|&cpu| mask.is_set(cpu))
            .collect()
    }

    /// Workers that started: no wait, and their CPUs are known.
    #[test]
    fn started_workers_are_counted() {
        let started = Started::default();
        std::thread::scope(|scope| {
            for _ in 0..3 {
                scope.spawn(|| started.here());
            }
        });
        assert_eq!(started.count(), 3);
        make_room(&started, 3);
        #[cfg(target_os = "linux")]
        assert!(started.lock().iter().all(Option::is_some));
    }
}
