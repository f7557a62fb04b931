//! Where a build's time goes (`oogst build --timings`): a clock for the
//! stages, with the processor time of each and the memory the build had
//! taken by its end, and the render time of each kind of page.

use std::time::Duration;

/// Where a build's time went (`oogst build --timings`): each stage, in
/// order, and the render time of each kind of page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings {
    pub stages: Vec<Stage>,
    pub pages: Vec<JobTiming>,
}

/// One stage of a build: its wall time, the processor time of all its
/// threads, and the most memory the build had taken by its end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stage {
    pub name: &'static str,
    pub took: Duration,
    /// User and system time of every thread, where the system tells it
    /// (Linux): more than `took` when the stage ran on several cores.
    pub cpu: Option<Duration>,
    /// Peak resident memory in bytes, where the system tells it (Linux).
    pub peak: Option<u64>,
}

impl Stage {
    /// Stage `name`, from `start` until now.
    pub fn since(name: &'static str, start: &Mark) -> Stage {
        let now = Mark::now();
        Stage {
            name,
            took: now.at - start.at,
            cpu: now
                .cpu
                .zip(start.cpu)
                .map(|(end, start)| end.saturating_sub(start)),
            peak: peak_memory(),
        }
    }
}

/// A moment of a build: the time, and the processor time used so far.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    at: std::time::Instant,
    cpu: Option<Duration>,
}

impl Mark {
    pub fn now() -> Mark {
        Mark {
            at: std::time::Instant::now(),
            cpu: process_cpu(),
        }
    }

    /// The wall time since this moment.
    pub fn elapsed(&self) -> Duration {
        self.at.elapsed()
    }
}

/// The user and system time of every thread of the process so far.
#[cfg(target_os = "linux")]
fn process_cpu() -> Option<Duration> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage fills the struct it is given when it returns 0.
    let usage = unsafe {
        if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
            return None;
        }
        usage.assume_init()
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    Some(time(usage.ru_utime) + time(usage.ru_stime))
}

#[cfg(not(target_os = "linux"))]
fn process_cpu() -> Option<Duration> {
    None
}

/// The process's peak resident memory so far (`VmHWM`), in bytes.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The stages of a build, each timed from the end of the one before.
pub struct Clock {
    last: Mark,
    pub laps: Vec<Stage>,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            last: Mark::now(),
            laps: Vec::new(),
        }
    }

    /// Records the time since the last lap as stage `name`.
    pub fn lap(&mut self, name: &'static str) {
        let stage = Stage::since(name, &self.last);
        self.last = Mark::now();
        self.laps.push(stage);
    }
}

/// How long the pages of one kind took to render (`oogst build --timings`).
#[derive(Debug, Clone, PartialEq)]
pub struct JobTiming {
    /// `page`, `dashboard`, `facet`, ...
    pub kind: &'static str,
    pub pages: usize,
    /// Summed over the pages (rendering runs on every core at once).
    pub total: Duration,
    pub slowest: Duration,
}

/// The render time of each kind of page, slowest kind first.
pub(super) fn timings(rendered: impl Iterator<Item = (&'static str, Duration)>) -> Vec<JobTiming> {
    let mut timings: Vec<JobTiming> = Vec::new();
    for (kind, took) in rendered {
        match timings.iter_mut().find(|t| t.kind == kind) {
            Some(t) => {
                t.pages += 1;
                t.total += took;
                t.slowest = t.slowest.max(took);
            }
            None => timings.push(JobTiming {
                kind,
                pages: 1,
                total: took,
                slowest: took,
            }),
        }
    }
    timings.sort_by_key(|t| std::cmp::Reverse(t.total));
    timings
}
