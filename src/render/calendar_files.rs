//! The calendars to subscribe to: `<network>/meetings.ics` with the
//! meetings this audience may see, and `meetings.ics` with all networks'.

use super::Env;
use crate::calendar::{self, Event};
use crate::content::model::{Kind, Section};
use crate::helpers::urls;
use crate::output::{FileData, OutputFile};

pub(super) fn calendar_files(env: &Env) -> Vec<OutputFile> {
    let mut all = Vec::new();
    let mut out = Vec::new();
    for n in 0..env.site.networks.len() {
        let network = &env.site.networks[n];
        let events = events(env, n);
        out.push(OutputFile {
            path: format!("{}meetings.ics", urls::of(&[&network.network.id])),
            data: FileData::Bytes(calendar::calendar(&network.network.title, &events).into_bytes()),
        });
        all.extend(events);
    }
    all.sort_by_key(|e| (e.date, e.time));
    out.push(OutputFile {
        path: "meetings.ics".into(),
        data: FileData::Bytes(calendar::calendar(&env.portal_title(), &all).into_bytes()),
    });
    out
}

/// The dated meetings of network `n`, as events.
fn events(env: &Env, n: usize) -> Vec<Event> {
    let network = &env.site.networks[n];
    let id = &network.network.id;
    network
        .sections
        .get(&Section::Meetings)
        .into_iter()
        .flatten()
        .map(|&i| (i, &network.pages[i]))
        .filter_map(|(i, page)| {
            let Kind::Meeting(m) = &page.kind else {
                return None;
            };
            let when = page.date?;
            let url = urls::of(&[id, &page.path]);
            Some(Event {
                // The file, not the date: a meeting that moves keeps it.
                uid: format!(
                    "{id}/{}/{}@oogst",
                    Section::Meetings.dir(),
                    page.rel_path.trim_end_matches(".md")
                ),
                title: page.title.clone(),
                date: when.date,
                time: when.time,
                end: m.end,
                location: match m.online {
                    true => Some(m.online_link.clone().unwrap_or_else(|| "online".into())),
                    false => m.location.clone(),
                },
                description: env.summary(n, i).summary,
                url: env.inputs.base_url.map(|base| format!("{base}{url}")),
                changed: page.last_change.as_ref().map_or(when.date, |c| c.date),
                rrule: m
                    .series
                    .map(|s| s.rrule(|d| calendar::until(d, when.time.is_some()))),
            })
        })
        .collect()
}
