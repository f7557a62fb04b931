//! Where a build's time goes (`oogst build --timings`): a clock for the
//! stages, with the memory the build had taken by the end of each, and the
//! render time of each kind of page.

use std::time::Duration;

/// Where a build's time went (`oogst build --timings`): each stage, in
/// order, and the render time of each kind of page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings {
    pub stages: Vec<Stage>,
    pub pages: Vec<JobTiming>,
}

/// One stage of a build: its wall time, and the most memory the build had
/// taken by its end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stage {
    pub name: &'static str,
    pub took: Duration,
    /// Peak resident memory in bytes, where the system tells it (Linux).
    pub peak: Option<u64>,
}

impl Stage {
    /// Stage `name`, which took `took` and ends now.
    pub fn ended(name: &'static str, took: Duration) -> Stage {
        Stage {
            name,
            took,
            peak: peak_memory(),
        }
    }
}

/// The process's peak resident memory so far (`VmHWM`), in bytes.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Wall time since the last lap.
pub struct Clock {
    last: std::time::Instant,
    pub laps: Vec<Stage>,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    /// Records the time since the last lap as stage `name`.
    pub fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push(Stage::ended(name, now - self.last));
        self.last = now;
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
