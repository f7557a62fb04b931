//! A recurring meeting: how often, until when, and the dates that gives.

use jiff::ToSpan;
use jiff::civil::Date;

/// How a meeting recurs (`series:`): every `interval` weeks or months from
/// its date, until a date or for `count` meetings (the first included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Series {
    pub interval: u32,
    pub unit: SeriesUnit,
    pub until: Option<Date>,
    pub count: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesUnit {
    Week,
    Month,
}

impl Series {
    /// The dates of the series' meetings, the first (`start`) included, in
    /// order; at most [`MAX_MEETINGS`].
    pub fn dates(&self, start: Date) -> Vec<Date> {
        let limit = self.count.unwrap_or(MAX_MEETINGS).min(MAX_MEETINGS);
        let mut dates = Vec::new();
        for k in 0..limit {
            let step = (k * self.interval) as i64;
            let span = match self.unit {
                SeriesUnit::Week => (step * 7).days(),
                // From the start each time, so that the 31st stays the
                // month's last day instead of drifting.
                SeriesUnit::Month => step.months(),
            };
            let Ok(date) = start.checked_add(span) else {
                break;
            };
            if self.until.is_some_and(|until| date > until) {
                break;
            }
            dates.push(date);
        }
        dates
    }

    /// `FREQ=WEEKLY;INTERVAL=6;COUNT=4`, for a calendar's RRULE; `until`
    /// is given as the calendar wants it (a date, or a UTC time).
    pub fn rrule(&self, until: impl Fn(Date) -> String) -> String {
        let freq = match self.unit {
            SeriesUnit::Week => "WEEKLY",
            SeriesUnit::Month => "MONTHLY",
        };
        let mut rule = format!("FREQ={freq};INTERVAL={}", self.interval);
        if let Some(count) = self.count {
            rule.push_str(&format!(";COUNT={count}"));
        }
        if let Some(date) = self.until {
            rule.push_str(&format!(";UNTIL={}", until(date)));
        }
        rule
    }
}

/// The most meetings one series may hold, so that a slip (`count: 5000`)
/// cannot flood a calendar.
pub const MAX_MEETINGS: u32 = 200;

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_series_ends_at_its_count_or_its_date() {
        let six_weeks = Series {
            interval: 6,
            unit: SeriesUnit::Week,
            until: Some(date(2027, 4, 1)),
            count: None,
        };
        assert_eq!(
            six_weeks.dates(date(2027, 1, 11)),
            [date(2027, 1, 11), date(2027, 2, 22)]
        );
        let monthly = Series {
            interval: 1,
            unit: SeriesUnit::Month,
            until: None,
            count: Some(3),
        };
        assert_eq!(
            monthly.dates(date(2027, 1, 31)),
            [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)]
        );
        assert_eq!(
            monthly.rrule(|d| d.to_string()),
            "FREQ=MONTHLY;INTERVAL=1;COUNT=3"
        );
    }
}
