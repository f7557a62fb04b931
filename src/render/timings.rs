//! Where a build's time goes (`oogst build --timings`): a clock for the
//! stages, and the render time of each kind of page.

use std::time::Duration;

/// Where a build's time went (`oogst build --timings`): each stage's wall
/// time, in order, and the render time of each kind of page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings {
    pub stages: Vec<(&'static str, Duration)>,
    pub pages: Vec<JobTiming>,
}

/// Wall time since the last lap.
pub struct Clock {
    last: std::time::Instant,
    pub laps: Vec<(&'static str, Duration)>,
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
        self.laps.push((name, now - self.last));
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
