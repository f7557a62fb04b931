//! iCalendar (RFC 5545) files of meetings, to subscribe to: one event per
//! meeting, with a UID that stays when the meeting moves, in the time zone
//! Europe/Amsterdam (a meeting without a time is a whole-day event).

use jiff::civil::{Date, Time};

/// One meeting as a calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across builds and moves: the network and the meeting's path.
    pub uid: String,
    pub title: String,
    pub date: Date,
    pub time: Option<Time>,
    /// When it ends; two hours after its start when not written.
    pub end: Option<Time>,
    pub location: Option<String>,
    pub description: String,
    /// The meeting's page, absolute when the site has a `base_url`.
    pub url: Option<String>,
    /// When the meeting last changed (DTSTAMP): a moved meeting updates.
    pub changed: Date,
    /// How it recurs (`FREQ=WEEKLY;INTERVAL=6;UNTIL=…`), if it does.
    pub rrule: Option<String>,
}

/// The time zone every event is in, with its daylight-saving rules.
const TIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n\
DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// A calendar named `name` with `events`, as the text of an `.ics` file.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    out.push_str("PRODID:-//oogst//oogst//NL\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
    out.push_str(&folded(&format!("X-WR-CALNAME:{}", text(name))));
    out.push_str("X-WR-TIMEZONE:Europe/Amsterdam\r\n");
    out.push_str(TIMEZONE);
    for event in events {
        out.push_str(&vevent(event));
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn vevent(e: &Event) -> String {
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", text(&e.uid)),
        format!("DTSTAMP:{}T000000Z", day(e.changed)),
    ];
    match e.time {
        Some(t) => {
            let start = format!("{}T{:02}{:02}00", day(e.date), t.hour(), t.minute());
            // Two hours, as most meetings of a learning network take.
            let end_time = e
                .end
                .filter(|end| *end > t)
                .unwrap_or_else(|| t.saturating_add(jiff::SignedDuration::from_hours(2)));
            let end = format!(
                "{}T{:02}{:02}00",
                day(e.date),
                end_time.hour(),
                end_time.minute()
            );
            lines.push(format!("DTSTART;TZID=Europe/Amsterdam:{start}"));
            lines.push(format!("DTEND;TZID=Europe/Amsterdam:{end}"));
        }
        None => {
            lines.push(format!("DTSTART;VALUE=DATE:{}", day(e.date)));
            let next = e.date.tomorrow().unwrap_or(e.date);
            lines.push(format!("DTEND;VALUE=DATE:{}", day(next)));
        }
    }
    if let Some(rule) = &e.rrule {
        lines.push(format!("RRULE:{rule}"));
    }
    lines.push(format!("SUMMARY:{}", text(&e.title)));
    if let Some(location) = &e.location {
        lines.push(format!("LOCATION:{}", text(location)));
    }
    if !e.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", text(&e.description)));
    }
    if let Some(url) = &e.url {
        lines.push(format!("URL:{}", url));
    }
    lines.push("END:VEVENT".to_string());
    lines.iter().map(|l| folded(l)).collect()
}

/// The end of a recurrence on day `until`, in the form RFC 5545 wants for
/// an event with a time of day (UTC) or without one (a date).
pub fn until(until: Date, timed: bool) -> String {
    match timed {
        true => format!("{}T235959Z", day(until)),
        false => day(until),
    }
}

/// `2025-06-30` as `20250630`.
fn day(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A TEXT value with its backslashes, semicolons, commas and line breaks escaped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), ended by CRLF.
fn folded(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 74 * 3 + 2);
    let mut rest = line;
    // The first line holds 75 octets; the others 74 after their space.
    let mut width = 75;
    while rest.len() > width {
        let cut = (0..=width)
            .rev()
            .find(|&i| rest.is_char_boundary(i))
            .expect("0 is a boundary");
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        width = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding cuts where the character-by-character definition does.
    #[test]
    fn folding_cuts_where_each_character_would_overflow() {
        let by_char = |line: &str| {
            let mut out = String::new();
            let mut width = 0;
            for c in line.chars() {
                if width + c.len_utf8() > 75 {
                    out.push_str("\r\n ");
                    width = 1;
                }
                out.push(c);
                width += c.len_utf8();
            }
            out + "\r\n"
        };
        for n in [0, 1, 74, 75, 76, 149, 150, 151, 300] {
            for unit in ["a", "é", "€", "😀", "aé"] {
                let line: String = unit.repeat(n).chars().take(n).collect();
                assert_eq!(folded(&line), by_char(&line), "{n} x {unit}");
            }
        }
    }

    fn event(time: Option<Time>) -> Event {
        Event {
            uid: "net/meetings/start@oogst".into(),
            title: "Start; met koffie, en thee".into(),
            date: Date::new(2025, 6, 30).unwrap(),
            time,
            end: None,
            location: Some("Zorgplein Oost, Arnhem".into()),
            description: "Eerste regel\ntweede".into(),
            url: Some("https://kennis.example.org/net/meetings/start/".into()),
            changed: Date::new(2025, 7, 1).unwrap(),
            rrule: None,
        }
    }

    #[test]
    fn a_timed_meeting_is_in_amsterdam_time_and_text_is_escaped() {
        let ics = calendar("Netwerk", &[event(Some(Time::new(13, 30, 0, 0).unwrap()))]);
        assert!(ics.contains("DTSTART;TZID=Europe/Amsterdam:20250630T133000\r\n"));
        assert!(ics.contains("DTEND;TZID=Europe/Amsterdam:20250630T153000\r\n"));
        assert!(ics.contains("SUMMARY:Start\\; met koffie\\, en thee\r\n"));
        assert!(ics.contains("DESCRIPTION:Eerste regel\\ntweede\r\n"));
        assert!(ics.contains("DTSTAMP:20250701T000000Z\r\n"));
    }

    #[test]
    fn a_day_meeting_is_a_whole_day() {
        let ics = calendar("Netwerk", &[event(None)]);
        assert!(ics.contains("DTSTART;VALUE=DATE:20250630\r\nDTEND;VALUE=DATE:20250701\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = folded(&format!("SUMMARY:{}", "ë".repeat(60)));
        for part in line.trim_end().split("\r\n") {
            assert!(part.len() <= 75, "{part}");
        }
        assert_eq!(
            line.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "ë".repeat(60))
        );
    }
}
