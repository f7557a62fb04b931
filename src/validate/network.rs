//! Validation of `_network.md`: the network's settings and the ids that its
//! pages may refer to.

use crate::helpers::escape::decode_entities;
use std::collections::BTreeMap;

use crate::content::front_matter;
use crate::content::load::NetworkSource;
use crate::content::model::{
    Language, Network, NetworkStatus, Organisation, Person, ReadingLevel, Section, Theme,
    Visibility,
};
use crate::content::raw::{NETWORK_KEYS, RawNetwork};
use crate::diagnostic::{Diagnostic, Diagnostics};

use super::{FileCheck, parse_file};

/// The ids a network defines, each with its display name.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub people: BTreeMap<String, String>,
    pub organisations: BTreeMap<String, String>,
    pub themes: BTreeMap<String, String>,
    /// Whether a practice needs a `consent:` to be public.
    pub require_consent: bool,
    /// False when `_network.md` could not be read: ids are then not checked,
    /// so that one broken file does not drown the report.
    pub complete: bool,
}

/// Validates a network file. Always returns a network (with what could be
/// read) so that its pages can still be checked.
pub fn validate_network(
    source: &NetworkSource,
    diagnostics: &mut Diagnostics,
) -> (Network, Registry) {
    let file = &source.network_file;
    let fallback = fallback_network(source);
    check_folder_name(source, diagnostics);
    let (split, parsed) = match parse_file::<RawNetwork>(file) {
        Ok(ok) => ok,
        Err(d) => {
            diagnostics.push(d);
            return (fallback, Registry::default());
        }
    };
    let mut check = FileCheck::new(&file.path, &split);
    check.warn_unknown_keys(NETWORK_KEYS, &parsed.unknown_keys, "network");
    super::check_stray_front_matter(&mut check, &split);
    check.warn_yaml_traps(&split.front_matter, split.front_matter_line);
    let raw = parsed.value;
    let registry = registry(&raw, &mut check);
    check_addresses(&raw, &mut check);
    let title = title(&raw, &mut check).unwrap_or_else(|| fallback.title.clone());
    let status = status(&raw, &mut check);
    let started = check.date("started", raw.started.as_ref());
    let closed = check.date("closed", raw.closed.as_ref());
    let language = language(&raw, &mut check);
    let defaults = defaults(&raw.defaults, &mut check);
    let visibility = visibility(&raw, &mut check);
    let reading_level = reading_level(&raw, &mut check);
    diagnostics.extend(check.diags);
    let network = Network {
        id: source.id.clone(),
        source: file.path.clone(),
        visibility,
        title,
        summary: raw.summary.as_deref().map(decode_entities),
        status,
        started,
        closed,
        language,
        theme: raw.theme.unwrap_or_else(|| "default".into()),
        themes: themes(raw.themes),
        organisations: organisations(raw.organisations),
        people: people(raw.people),
        defaults,
        allow_scripts: raw.allow_scripts,
        show_authors: raw.show_authors.unwrap_or(true),
        require_consent: raw.require_consent,
        privacy: raw.privacy,
        reading_level,
        extra_keys: raw.extra_keys,
        embeds: raw.embeds,
        region: raw.region,
        tags: raw.tags,
        body: split.body,
        body_line: split.body_line,
    };
    (network, registry)
}

/// `reading_level:` one of A2, B1, B2, C1; B1 when not given.
fn reading_level(raw: &RawNetwork, check: &mut FileCheck) -> ReadingLevel {
    let Some(written) = raw.reading_level.as_deref() else {
        return ReadingLevel::default();
    };
    ReadingLevel::parse(written).unwrap_or_else(|| {
        check.error_at_value(
            "reading_level",
            written,
            format!("unknown reading level '{written}'"),
            "write one of the language levels A2, B1, B2 or C1: reading_level: B1".into(),
        );
        ReadingLevel::default()
    })
}

/// `title:`, required.
fn title(raw: &RawNetwork, check: &mut FileCheck) -> Option<String> {
    match &raw.title {
        Some(t) if !t.0.trim().is_empty() => Some(decode_entities(&t.0)),
        _ => {
            check.error_at_key(
                "title",
                "the network has no title".into(),
                "add `title: Naam van het netwerk` to the front matter".into(),
            );
            None
        }
    }
}

/// The folder name is in every web address of the network.
fn check_folder_name(source: &NetworkSource, diagnostics: &mut Diagnostics) {
    let slug = crate::helpers::slug::slugify(&source.id);
    if slug != source.id {
        diagnostics.push(
            Diagnostic::error(
                &source.network_file.path,
                1,
                1,
                format!("the folder name '{}' is used in the network's web addresses, and must be lowercase letters, digits and dashes", source.id),
            )
            .with_hint(format!("rename the folder to '{slug}'")),
        );
    }
}

/// `status:` (active by default); a closed network needs its `closed:` date.
fn status(raw: &RawNetwork, check: &mut FileCheck) -> NetworkStatus {
    let status = match raw.status.as_deref() {
        None | Some("active") => NetworkStatus::Active,
        Some("closed") => NetworkStatus::Closed,
        Some(other) => {
            check.error_at_value(
                "status",
                other,
                format!("unknown status '{other}'"),
                "status is `active` or `closed`".into(),
            );
            NetworkStatus::Active
        }
    };
    if status == NetworkStatus::Closed && raw.closed.is_none() {
        check.error_at_key(
            "status",
            "a closed network needs a `closed:` date".into(),
            "add `closed: 2024-04-30` (the date the network ended)".into(),
        );
    }
    status
}

fn language(raw: &RawNetwork, check: &mut FileCheck) -> Language {
    match raw.language.as_deref() {
        None => Language::Nl,
        Some(l) => Language::parse(l).unwrap_or_else(|| {
            check.error_at_value(
                "language",
                l,
                format!("unknown language '{l}'"),
                "language is `nl` or `en`".into(),
            );
            Language::Nl
        }),
    }
}

/// `visibility:` of the whole network: public unless it says `network`;
/// an unknown value hides it.
fn visibility(raw: &RawNetwork, check: &mut FileCheck) -> Visibility {
    match raw.visibility.as_deref() {
        None => Visibility::Public,
        Some(v) => Visibility::parse(v).unwrap_or_else(|| {
            check.error_at_value(
                "visibility",
                v,
                format!("unknown visibility '{v}'"),
                "visibility is `public` (the network has a public site) or `network` (the whole network is for participants only)".into(),
            );
            Visibility::Network
        }),
    }
}

fn fallback_network(source: &NetworkSource) -> Network {
    let split = front_matter::split(&source.network_file.text).ok();
    // A network file that cannot be read keeps the network closed.
    Network {
        body: split.as_ref().map(|s| s.body.clone()).unwrap_or_default(),
        body_line: split.map_or(1, |s| s.body_line),
        ..Network::placeholder(&source.id, source.network_file.path.clone())
    }
}

/// Collects the ids, reporting missing and duplicate ones and people whose
/// organisation is unknown.
fn registry(raw: &RawNetwork, check: &mut FileCheck) -> Registry {
    let mut registry = Registry {
        complete: true,
        require_consent: raw.require_consent,
        ..Registry::default()
    };
    let themes = raw
        .themes
        .iter()
        .map(|t| (t.id.as_deref(), t.label.as_deref()));
    collect_ids(themes, "themes", "theme", &mut registry.themes, check);
    let orgs = raw
        .organisations
        .iter()
        .map(|o| (o.id.as_deref(), o.name.as_deref()));
    collect_ids(
        orgs,
        "organisations",
        "organisation",
        &mut registry.organisations,
        check,
    );
    let people = raw
        .people
        .iter()
        .map(|p| (p.id.as_deref(), p.name.as_deref()));
    collect_ids(people, "people", "person", &mut registry.people, check);
    for person in &raw.people {
        if let Some(org) = &person.organisation {
            check.check_id("people", org, &registry.organisations, "organisation");
        }
    }
    registry
}

fn collect_ids<'a>(
    entries: impl Iterator<Item = (Option<&'a str>, Option<&'a str>)>,
    key: &str,
    what: &str,
    into: &mut BTreeMap<String, String>,
    check: &mut FileCheck,
) {
    let mut repeats: BTreeMap<&str, usize> = BTreeMap::new();
    for (n, (id, name)) in entries.enumerate() {
        let Some(id) = id.filter(|i| !i.trim().is_empty()) else {
            check.error_at_key(
                key,
                format!("{what} number {} in '{key}' has no id", n + 1),
                format!(
                    "give every {what} an `id:` that pages can refer to, e.g. `id: {}`",
                    crate::helpers::slug::slugify(name.unwrap_or("naam"))
                ),
            );
            continue;
        };
        let slug = crate::helpers::slug::slugify(id);
        if slug != id {
            let fix = match slug.is_empty() {
                true => "use lowercase letters, digits and dashes".to_string(),
                false => format!("write `id: {slug}` (and refer to it as '{slug}')"),
            };
            check.error_at_value(
                key,
                id,
                format!("the {what} id '{id}' is used in web addresses, and must be lowercase letters, digits and dashes"),
                fix,
            );
        }
        let label = name.unwrap_or(id).to_string();
        if into.insert(id.to_string(), label).is_some() {
            let seen = repeats.entry(id).or_insert(0);
            *seen += 1;
            check.error_at_repeated(key, id, *seen, what);
        }
    }
}

/// Organisation websites and people's contact details become links: only
/// web addresses, e-mail addresses and phone numbers are accepted, never a
/// `javascript:` or `data:` address that would run in a reader's browser.
fn check_addresses(raw: &RawNetwork, check: &mut FileCheck) {
    for org in &raw.organisations {
        if let Some(url) = &org.url
            && !is_web_address(url)
        {
            check.error_at_value(
                "organisations",
                url,
                format!("the website '{url}' is not a web address"),
                "write the whole address, starting with https:// (or http://)".into(),
            );
        }
    }
    for person in &raw.people {
        if let Some(contact) = &person.contact
            && crate::helpers::urls::contact_href(contact).is_none()
        {
            check.error_at_value(
                "people",
                contact,
                format!("the contact '{contact}' is not an e-mail address, phone number or web address"),
                "write an e-mail address (naam@example.org), a phone number (+31 30 123 4567) or an https:// address".into(),
            );
        }
    }
}

pub(super) fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(['"', '<', '>', ' '])
}

fn defaults(
    raw: &BTreeMap<String, String>,
    check: &mut FileCheck,
) -> BTreeMap<Section, Visibility> {
    let mut defaults = BTreeMap::new();
    for (section, visibility) in raw {
        let Some(s) = Section::from_dir(section) else {
            let known = Section::ALL.map(Section::dir).join(", ");
            check.error_at_value(
                "defaults",
                section,
                format!("unknown section '{section}' in defaults"),
                format!("sections are: {known}"),
            );
            continue;
        };
        match Visibility::parse(visibility) {
            Some(v) => {
                defaults.insert(s, v);
            }
            None => check.error_at_value(
                "defaults",
                visibility,
                format!("unknown visibility '{visibility}' for {section}"),
                "visibility is `public` or `network`".into(),
            ),
        }
    }
    defaults
}

fn themes(raw: Vec<crate::content::raw::RawTheme>) -> Vec<Theme> {
    raw.into_iter()
        .filter_map(|t| {
            let id = t.id?;
            Some(Theme {
                label: t.label.unwrap_or_else(|| id.clone()),
                id,
                description: t.description,
            })
        })
        .collect()
}

fn organisations(raw: Vec<crate::content::raw::RawOrganisation>) -> Vec<Organisation> {
    raw.into_iter()
        .filter_map(|o| {
            let id = o.id?;
            Some(Organisation {
                name: o.name.unwrap_or_else(|| id.clone()),
                id,
                region: o.region,
                sector: o.sector,
                url: o.url,
            })
        })
        .collect()
}

fn people(raw: Vec<crate::content::raw::RawPerson>) -> Vec<Person> {
    raw.into_iter()
        .filter_map(|p| {
            let id = p.id?;
            Some(Person {
                name: p.name.unwrap_or_else(|| id.clone()),
                id,
                organisation: p.organisation,
                role: p.role,
                expertise: p.expertise,
                contact: p.contact,
                contact_public: p.contact_public,
                public: p.public,
                consent: p.consent.map(|c| c.0),
            })
        })
        .collect()
}
