//! When a network meets: each meeting's dates (a recurring one has
//! several), which are still to come, and which fall in a year.

use jiff::civil::Date;

use super::NetworkSite;
use crate::content::model::{Kind, Page, Section, When};

/// The dates page `page` (a meeting) takes place: its date, and the later
/// dates of its `series:`, each at the meeting's time of day.
pub fn dates(page: &Page) -> Vec<When> {
    let (Kind::Meeting(meeting), Some(when)) = (&page.kind, page.date) else {
        return Vec::new();
    };
    match meeting.series {
        Some(series) => series
            .dates(when.date)
            .into_iter()
            .map(|date| When {
                date,
                time: when.time,
            })
            .collect(),
        None => vec![when],
    }
}

/// Whether `page` is a meeting still to come: dated after `today`.
pub fn is_upcoming(page: &Page, today: Date) -> bool {
    matches!(page.kind, Kind::Meeting(_)) && page.date.is_some_and(|d| d.date > today)
}

/// The meetings still to come, soonest first: (page index, date), once for
/// each coming date of a recurring meeting.
pub fn upcoming(network: &NetworkSite, today: Date) -> Vec<(usize, When)> {
    let mut coming: Vec<(usize, When)> = meetings(network)
        .flat_map(|i| dates(&network.pages[i]).into_iter().map(move |d| (i, d)))
        .filter(|(_, when)| when.date > today)
        .collect();
    coming.sort_by_key(|&(i, when)| (when, i));
    coming
}

/// Every meeting date in `year`: (page index, date), in date order.
pub fn in_year(network: &NetworkSite, year: i16) -> Vec<(usize, When)> {
    let mut held: Vec<(usize, When)> = meetings(network)
        .flat_map(|i| dates(&network.pages[i]).into_iter().map(move |d| (i, d)))
        .filter(|(_, when)| when.date.year() == year)
        .collect();
    held.sort_by_key(|&(i, when)| (when, i));
    held
}

/// The years in which the network meets, in order.
pub fn years(network: &NetworkSite) -> Vec<i16> {
    let mut years: Vec<i16> = meetings(network)
        .flat_map(|i| dates(&network.pages[i]))
        .map(|when| when.date.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The network's years: from the year it started to the year it closed
/// (or this year), and every year it has a meeting in.
pub fn network_years(network: &NetworkSite, today: Date) -> Vec<i16> {
    let mut all = years(network);
    let n = &network.network;
    if let Some(started) = n.started {
        let end = match n.status {
            crate::content::model::NetworkStatus::Closed => n.closed.map_or(today, |c| c.date),
            crate::content::model::NetworkStatus::Active => today,
        };
        all.extend(started.date.year()..=end.year().max(started.date.year()));
    } else if n.status == crate::content::model::NetworkStatus::Active && !all.is_empty() {
        all.push(today.year());
    }
    all.sort_unstable();
    all.dedup();
    all
}

fn meetings(network: &NetworkSite) -> impl Iterator<Item = usize> + '_ {
    network
        .sections
        .get(&Section::Meetings)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&i| network.pages[i].path != Section::Meetings.dir())
}
