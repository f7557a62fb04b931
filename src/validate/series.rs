//! A recurring meeting's `series:`: how often it recurs and until when.

use super::FileCheck;
use crate::content::model::series::MAX_MEETINGS;
use crate::content::model::{Series, SeriesUnit};
use crate::content::raw::RawPage;

/// Reads `series: {every: 6 weeks, until: 2027-12-31}` (or `count: 6`);
/// every problem is an error at its key.
pub(super) fn series(raw: &RawPage, check: &mut FileCheck) -> Option<Series> {
    let written = raw.series.as_ref()?;
    let Some(every) = written.every.as_ref() else {
        check.error_at_key(
            "series",
            "the series does not say how often the meeting recurs".into(),
            "add `every:`, for example `series: {every: 6 weeks, until: 2027-12-31}`".into(),
        );
        return None;
    };
    let Some((interval, unit)) = interval(&every.0) else {
        check.error_at_value(
            "series",
            &every.0,
            format!("'{}' is not an interval (series.every)", every.0),
            "write a number of weeks or months: every: week, every: 6 weeks, every: month, every: 2 months".into(),
        );
        return None;
    };
    let until = check
        .date_named("series", "until", written.until.as_ref())
        .map(|w| w.date);
    if until.is_none() && written.count.is_none() {
        check.error_at_key(
            "series",
            "the series has no end".into(),
            "end it with a date or a number of meetings: `until: 2027-12-31` or `count: 6`".into(),
        );
        return None;
    }
    if written.count.is_some_and(|c| c == 0 || c > MAX_MEETINGS) {
        check.error_at_key(
            "series",
            format!("a series holds from 1 to {MAX_MEETINGS} meetings (series.count)"),
            "give the number of meetings, the first included: count: 6".into(),
        );
        return None;
    }
    Some(Series {
        interval,
        unit,
        until,
        count: written.count,
    })
}

/// `week`, `2 weeks`, `month`, `3 months`, in English or Dutch.
fn interval(written: &str) -> Option<(u32, SeriesUnit)> {
    let written = written.trim().to_lowercase();
    let (number, unit) = match written.split_once(' ') {
        Some((n, unit)) => (n.trim().parse::<u32>().ok()?, unit.trim()),
        None => (1, written.as_str()),
    };
    let unit = match unit {
        "week" | "weeks" | "weken" => SeriesUnit::Week,
        "month" | "months" | "maand" | "maanden" => SeriesUnit::Month,
        _ => return None,
    };
    (1..=52).contains(&number).then_some((number, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_are_read_in_english_and_dutch() {
        assert_eq!(interval("week"), Some((1, SeriesUnit::Week)));
        assert_eq!(interval("6 weeks"), Some((6, SeriesUnit::Week)));
        assert_eq!(interval("2 maanden"), Some((2, SeriesUnit::Month)));
        assert_eq!(interval("Month"), Some((1, SeriesUnit::Month)));
        assert_eq!(interval("fortnight"), None);
        assert_eq!(interval("0 weeks"), None);
    }
}
