//! Reading dates as people write them, and writing them in the page's language.

use jiff::civil::{Date, Time};

use crate::content::model::{Language, When};

/// Parses `2024-02-01`, `2024-02-01T10:00:00+01:00`, `2024-02-01 10:00:00 +0100`
/// and the like. The time is kept as written; a UTC offset is accepted and
/// not applied, because a meeting happened at the local time in its notes.
pub fn parse(text: &str) -> Option<When> {
    let text = text.trim();
    let date_part = text.get(..10)?;
    let date = parse_date(date_part)?;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(When { date, time: None });
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?.trim_start();
    let (time_part, zone) = match rest.find(['Z', 'z', '+', '-', ' ']) {
        Some(i) => (&rest[..i], rest[i..].trim()),
        None => (rest, ""),
    };
    if !is_offset(zone) {
        return None;
    }
    Some(When {
        date,
        time: Some(parse_time(time_part)?),
    })
}

/// For a date written the Dutch way (`31-12-2024`, `1/2/2024`,
/// `31.12.2024`), the same date as oogst reads it: `2024-12-31`.
pub fn suggest(text: &str) -> Option<String> {
    let mut parts = text.trim().split(['-', '/', '.']);
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || day.len() > 2 || month.len() > 2 {
        return None;
    }
    let date = Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()?;
    Some(format_iso(date))
}

/// The date in a file name, written the ISO way (`2024-02-01-start`), the
/// Dutch way (`16-03-2009`) or with the month's name in Dutch or English
/// (`notulen-28-november-2025`, `verslag_3_mrt_2024`).
pub fn in_file_name(name: &str) -> Option<Date> {
    name_words(name).windows(3).find_map(|w| {
        let (year, month, day) = if w[0].len() == 4 {
            (number(w[0], 4)?, number(w[1], 2)?, number(w[2], 2)?)
        } else if w[2].len() == 4 && w[0].len() <= 2 {
            let month = number(w[1], 2).or_else(|| month_by_name(w[1]))?;
            (number(w[2], 4)?, month, number(w[0], 2)?)
        } else {
            return None;
        };
        Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
    })
}

/// For a file name with a date whose year has two digits (`notulen-16-03-09`),
/// the date it most likely means, for a hint: `2009-03-16`.
pub fn guess_in_file_name(name: &str) -> Option<String> {
    name_words(name).windows(3).find_map(|w| {
        let day = number(w[0], 2)?;
        let month = number(w[1], 2).or_else(|| month_by_name(w[1]))?;
        let short = number(w[2], 2).filter(|_| w[2].len() == 2)?;
        let year = if short < 50 {
            2000 + short
        } else {
            1900 + short
        };
        let date = Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?;
        Some(format_iso(date))
    })
}

/// The words of a file name, split at `-`, `_`, spaces and dots.
fn name_words(name: &str) -> Vec<&str> {
    name.split(['-', '_', ' ', '.'])
        .filter(|w| !w.is_empty())
        .collect()
}

/// `word` as a number of at most `digits` digits.
fn number(word: &str, digits: usize) -> Option<i16> {
    (word.len() <= digits && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// 1 to 12 for a month's name or its usual abbreviation, in Dutch or English.
fn month_by_name(word: &str) -> Option<i16> {
    const SHORT: [&[&str]; 12] = [
        &["jan"],
        &["feb"],
        &["mrt", "maa", "mar"],
        &["apr"],
        &["mei", "may"],
        &["jun"],
        &["jul"],
        &["aug"],
        &["sep", "sept"],
        &["okt", "oct"],
        &["nov"],
        &["dec"],
    ];
    let word = word.to_lowercase();
    (0..12).find_map(|i| {
        let full = word == MONTHS_NL[i] || word == MONTHS_EN[i].to_lowercase();
        (full || SHORT[i].contains(&word.as_str())).then_some(i as i16 + 1)
    })
}

fn parse_date(s: &str) -> Option<Date> {
    let bytes = s.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i16 = s[..4].parse().ok()?;
    let month: i8 = s[5..7].parse().ok()?;
    let day: i8 = s[8..10].parse().ok()?;
    Date::new(year, month, day).ok()
}

fn parse_time(s: &str) -> Option<Time> {
    let mut parts = s.split(':');
    let hour: i8 = parts.next()?.parse().ok()?;
    let minute: i8 = parts.next()?.parse().ok()?;
    let second: i8 = match parts.next() {
        Some(sec) => sec.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Time::new(hour, minute, second, 0).ok()
}

fn is_offset(zone: &str) -> bool {
    if zone.is_empty() || zone.eq_ignore_ascii_case("z") || zone == "UTC" {
        return true;
    }
    let Some(digits) = zone.strip_prefix(['+', '-']) else {
        return false;
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    matches!(digits.len(), 2 | 4) && digits.chars().all(|c| c.is_ascii_digit())
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "31 oktober 2023" or "31 October 2023".
pub fn format_long(date: Date, language: Language) -> String {
    let months = match language {
        Language::Nl => &MONTHS_NL,
        Language::En => &MONTHS_EN,
    };
    format!(
        "{} {} {}",
        date.day(),
        months[(date.month() - 1) as usize],
        date.year()
    )
}

/// "2023-10-31", for `<time datetime>` and sorting.
pub fn format_iso(date: Date) -> String {
    date.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        let d = |y, m, d| Some(Date::new(y, m, d).unwrap());
        assert_eq!(in_file_name("2024-02-01-start"), d(2024, 2, 1));
        assert_eq!(in_file_name("16-03-2009"), d(2009, 3, 16));
        assert_eq!(in_file_name("notulen-28-november-2025"), d(2025, 11, 28));
        assert_eq!(in_file_name("verslag_3_mrt_2024"), d(2024, 3, 3));
        assert_eq!(in_file_name("ALV 5 May 2023"), d(2023, 5, 5));
        assert_eq!(in_file_name("notulen-31-02-2024"), None);
        assert_eq!(in_file_name("versie-2-van-2024"), None);
        assert_eq!(in_file_name("kennismaking"), None);
        assert_eq!(
            guess_in_file_name("notulen-16-03-09").as_deref(),
            Some("2009-03-16")
        );
        assert_eq!(
            guess_in_file_name("bijeenkomst 3 mei 24").as_deref(),
            Some("2024-05-03")
        );
    }

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn dutch_dates_get_a_suggestion() {
        assert_eq!(suggest("31-12-2024").as_deref(), Some("2024-12-31"));
        assert_eq!(suggest("1/2/2024").as_deref(), Some("2024-02-01"));
        assert_eq!(suggest("31.12.2024").as_deref(), Some("2024-12-31"));
        assert_eq!(suggest("31-13-2024"), None);
        assert_eq!(suggest("volgende week"), None);
    }

    #[test]
    fn parses_the_forms_people_write() {
        assert_eq!(parse("2024-02-01").unwrap().date, d(2024, 2, 1));
        let w = parse("2024-02-01T10:00:00+01:00").unwrap();
        assert_eq!(
            (w.date, w.time),
            (d(2024, 2, 1), Some(Time::new(10, 0, 0, 0).unwrap()))
        );
        let w = parse("2024-02-01 10:00:00 +0100").unwrap();
        assert_eq!(w.time, Some(Time::new(10, 0, 0, 0).unwrap()));
        assert!(parse("2024-02-01 14:30").unwrap().time.is_some());
        assert!(parse("2024-02-01T14:30:00Z").is_some());
    }

    #[test]
    fn rejects_impossible_or_foreign_dates() {
        for bad in [
            "2024-02-30",
            "01-02-2024",
            "2024-2-1",
            "morgen",
            "2024-02-01 25:00",
            "2024-02-01 10:00 CET",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn formats_in_dutch_and_english() {
        assert_eq!(
            format_long(d(2023, 10, 31), Language::Nl),
            "31 oktober 2023"
        );
        assert_eq!(
            format_long(d(2023, 10, 31), Language::En),
            "31 October 2023"
        );
    }
}
