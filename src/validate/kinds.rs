//! What a meeting and a practice add to a page: a meeting's date from its
//! file name, its people, actions and documents; a practice's
//! organisation, contact and status.

use super::{FileCheck, Registry};
use crate::content::load::{Asset, PageSource};
use crate::content::model::{
    Action, Document, LooseFile, Meeting, Practice, PracticeStatus, Section,
};
use crate::content::owners::page_folder;
use crate::content::raw::{RawDocument, RawOnline, RawPage};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::helpers::dates;
use crate::helpers::escape::decode_entities;

pub(super) fn date_from_file_name(rel_path: &str) -> Option<crate::content::model::When> {
    let name = rel_path.rsplit('/').next()?;
    let date = dates::in_file_name(name)?;
    Some(crate::content::model::When { date, time: None })
}

/// The error for a meeting without a date, with the exact `date:` to write
/// when its file name holds a date with a two-digit year.
pub(super) fn no_date(check: &mut FileCheck, rel_path: &str) {
    let name = rel_path.rsplit('/').next().unwrap_or("");
    let hint = match dates::guess_in_file_name(name) {
        Some(guess) => format!(
            "the file name holds a date with a two-digit year: if the meeting was then, add `date: {guess}`"
        ),
        None => {
            "add `date: 2024-02-01`, or put the date in the file name: 2024-02-01-titel.md".into()
        }
    };
    check.error_at_key("date", "the meeting has no date".into(), hint);
}

pub(super) fn meeting(
    raw: &RawPage,
    source: &PageSource,
    registry: &Registry,
    owned: &[&Asset],
    check: &mut FileCheck,
) -> Meeting {
    if registry.complete {
        for id in &raw.attendees {
            check.check_id("attendees", id, &registry.people, "person");
        }
        for id in &raw.organisations {
            check.check_id("organisations", id, &registry.organisations, "organisation");
        }
        check_prepared_by(raw, registry, check);
    }
    let actions = actions(raw, registry, check);
    check_facilitator(raw, registry, check);
    let texts = |items: &[String]| items.iter().map(|t| decode_entities(t)).collect();
    Meeting {
        prepared_by: raw.prepared_by.clone(),
        series: super::series::series(raw, check),
        end: end_time(raw, check),
        location: raw.location.as_deref().map(decode_entities),
        online: raw
            .online
            .as_ref()
            .is_some_and(|o| !matches!(o, RawOnline::Flag(false))),
        online_link: online_link(raw, check),
        unnamed: 0,
        facilitator: raw
            .facilitator
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(decode_entities),
        attendees: raw.attendees.clone(),
        organisations: raw.organisations.clone(),
        agenda: texts(&raw.agenda),
        decisions: texts(&raw.decisions),
        actions,
        insights: texts(&raw.insights),
        documents: documents(raw, source, owned, check),
    }
}

/// A meeting's actions; each needs a `what`, unless it refers to an
/// earlier one (`ref:`), whose text it takes.
fn actions(raw: &RawPage, registry: &Registry, check: &mut FileCheck) -> Vec<Action> {
    raw.actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if a.refers.is_none() && a.what.as_deref().is_none_or(|w| w.trim().is_empty()) {
                check.error_at_key(
                    "actions",
                    format!("action {} has no `what`", i + 1),
                    "describe each action: `- what: ...`".into(),
                );
            }
            if let (Some(who), true) = (&a.who, registry.complete) {
                check.check_id("actions", who, &registry.people, "person");
            }
            Action {
                id: a.id.clone(),
                refers: a.refers.clone(),
                what: decode_entities(a.what.as_deref().unwrap_or_default()),
                who: a.who.clone(),
                due: check.date_named("actions", "due", a.due.as_ref()),
                done: a.done,
                followed_in: None,
            }
        })
        .collect()
}

/// `prepared_by:` names people or organisations of the network.
fn check_prepared_by(raw: &RawPage, registry: &Registry, check: &mut FileCheck) {
    for id in &raw.prepared_by {
        if registry.organisations.contains_key(id) {
            continue;
        }
        let mut known = registry.people.clone();
        known.extend(registry.organisations.clone());
        check.check_id("prepared_by", id, &known, "person or organisation");
    }
}

/// The link of `online: https://…`; another text is an error at its value.
fn online_link(raw: &RawPage, check: &mut FileCheck) -> Option<String> {
    let Some(RawOnline::Link(link)) = &raw.online else {
        return None;
    };
    let link = link.trim();
    if super::network::is_web_address(link) {
        return Some(link.to_string());
    }
    check.error_at_value(
        "online",
        link,
        format!("'{link}' is not a link to join the meeting (online)"),
        "write `online: true`, or the whole address to join: online: https://teams.example.org/…"
            .into(),
    );
    None
}

/// A meeting's `end:` time (`15:30`); anything else is an error at its value.
fn end_time(raw: &RawPage, check: &mut FileCheck) -> Option<jiff::civil::Time> {
    let written = raw.end.as_ref()?.0.trim().to_string();
    let parsed = written
        .split_once(':')
        .and_then(|(h, m)| Some((h.parse::<i8>().ok()?, m.parse::<i8>().ok()?)))
        .and_then(|(h, m)| jiff::civil::Time::new(h, m, 0, 0).ok());
    if parsed.is_none() {
        check.error_at_value(
            "end",
            &written,
            format!("'{written}' is not a time of day (end)"),
            "write the time the meeting ends as hours and minutes: end: 15:30".into(),
        );
    }
    parsed
}

/// The documents of a meeting: those listed in the front matter (which must
/// be files the meeting owns), then any other file it owns. Files in the
/// folder of a meeting stored below it belong to that meeting.
fn documents(
    raw: &RawPage,
    source: &PageSource,
    owned: &[&Asset],
    check: &mut FileCheck,
) -> Vec<Document> {
    let folder = format!("{}/", page_folder(source));
    let in_folder: Vec<&Asset> = owned
        .iter()
        .copied()
        .filter(|a| a.rel_path.starts_with(&folder))
        .collect();
    let mut documents = Vec::new();
    for doc in &raw.documents {
        let (file, title) = match doc {
            RawDocument::File(f) => (f.as_str(), None),
            RawDocument::Titled { file, title } => (file.as_str(), title.as_deref()),
        };
        match in_folder
            .iter()
            .find(|a| a.rel_path[folder.len()..] == *file)
        {
            Some(asset) => documents.push(document(asset, &folder, title)),
            None => check.error_at_value(
                "documents",
                file,
                format!("document '{file}' is not in the meeting's folder"),
                format!("put the file in {folder} beside the meeting, or fix the name"),
            ),
        }
    }
    for asset in in_folder {
        if !documents.iter().any(|d| d.source == asset.source) {
            documents.push(document(asset, &folder, None));
        }
    }
    documents
}

fn document(asset: &Asset, folder: &str, title: Option<&str>) -> Document {
    let file_name = asset.rel_path[folder.len()..].to_string();
    Document {
        title: title.map_or_else(|| file_name.clone(), decode_entities),
        size: std::fs::metadata(&asset.source).map_or(0, |m| m.len()),
        source: asset.source.clone(),
        file_name,
    }
}

pub(super) fn practice(raw: &RawPage, registry: &Registry, check: &mut FileCheck) -> Practice {
    if registry.complete {
        if let Some(org) = &raw.organisation {
            check.check_id("organisation", org, &registry.organisations, "organisation");
        }
        if let Some(contact) = &raw.contact {
            check.check_id("contact", contact, &registry.people, "person");
        }
        if let Some(by) = raw.consent.as_ref().and_then(|c| c.by.as_ref()) {
            check.check_id("consent", by, &registry.people, "person");
        }
    }
    let consent_by = raw.consent.as_ref().and_then(|c| c.by.clone());
    if registry.require_consent && consent_by.is_none() {
        check.diags.push(
            Diagnostic::warning(check.path, check.loc.key("title").0, 1, "this practice waits for consent: the network requires it, so it stays in the participants' edition")
                .with_hint("once the organisation agrees, add `consent: {by: <person id>, date: 2024-02-01}` to the front matter"),
        );
    }
    let status = raw.status.as_deref().and_then(|s| {
        let found = PracticeStatus::ALL.into_iter().find(|p| p.as_str() == s);
        if found.is_none() {
            check.error_at_value(
                "status",
                s,
                format!("unknown practice status '{s}'"),
                match dutch_status(s) {
                    Some(meant) => format!("write it in English: status: {}", meant.as_str()),
                    None => "status is one of: idea, experiment, applied, evaluated".into(),
                },
            );
        }
        found
    });
    Practice {
        organisation: raw.organisation.clone(),
        region: raw.region.clone(),
        sector: raw.sector.clone(),
        status,
        results: super::page::text(raw.results.as_deref()),
        consent_by,
        contact: raw.contact.clone(),
    }
}

/// Files in `meetings/` that belong to no meeting are never copied (they may
/// be confidential); say so, so nobody wonders where they went.
pub fn check_stray_meeting_files(
    loose: &[LooseFile],
    network: &str,
    diagnostics: &mut Diagnostics,
) {
    for file in loose
        .iter()
        .filter(|f| f.network == network && f.section == Section::Meetings)
    {
        diagnostics.push(
            Diagnostic::warning(&file.file.source, 1, 1, "this file belongs to no meeting and is not published")
                .with_hint("put a meeting's documents in a folder named like its file: meetings/2024-02-01-titel/"),
        );
    }
}

/// The English status for what a Dutch writer naturally types.
fn dutch_status(written: &str) -> Option<PracticeStatus> {
    match written.trim().to_lowercase().as_str() {
        "idee" => Some(PracticeStatus::Idea),
        "experiment" | "pilot" | "proef" => Some(PracticeStatus::Experiment),
        "toegepast" | "in gebruik" | "ingevoerd" => Some(PracticeStatus::Applied),
        "geëvalueerd" | "geevalueerd" | "geevalueeerd" => Some(PracticeStatus::Evaluated),
        _ => None,
    }
}

/// `facilitator:` is a person id or a name; a single word close to a
/// person id but not one is most likely a misspelt id, which would
/// otherwise print as a name.
fn check_facilitator(raw: &RawPage, registry: &Registry, check: &mut FileCheck) {
    let Some(written) = raw.facilitator.as_deref().map(str::trim) else {
        return;
    };
    if written.contains(' ') || registry.people.contains_key(written) {
        return;
    }
    if let Some(id) =
        crate::diagnostic::nearest(written, registry.people.keys().map(String::as_str))
    {
        let (line, column) = check.loc.value("facilitator", written);
        check.diags.push(
            Diagnostic::warning(
                check.path,
                line,
                column,
                format!("'{written}' is no person id, and is shown as a name"),
            )
            .with_hint(format!(
                "did you mean the person id '{id}'? Write facilitator: {id}"
            )),
        );
    }
}
