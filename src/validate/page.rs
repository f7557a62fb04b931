//! Validation of one page file: its front matter per kind, its ids and
//! dates, its URL path, and a meeting's documents.

use crate::content::load::{Asset, PageSource};
use crate::content::model::{
    Action, Attachment, Document, Kind, LooseFile, Meeting, Network, Page, Practice,
    PracticeStatus, Section, Visibility,
};
use crate::content::owners::page_folder;
use crate::content::raw::{
    COMMON_KEYS, DATED_KEYS, MEETING_KEYS, PRACTICE_KEYS, RawDocument, RawPage,
};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::helpers::dates;
use crate::helpers::slug::{slugify, split_number_prefix};

use super::{FileCheck, Registry, parse_file};

/// Validates one page. Returns no page when its front matter cannot be read.
pub fn validate_page(
    source: &PageSource,
    network: &Network,
    registry: &Registry,
    owned: &[&Asset],
) -> (Option<Page>, Diagnostics) {
    let file = &source.file;
    let (split, parsed) = match parse_file::<RawPage>(file) {
        Ok(ok) => ok,
        Err(d) => {
            let mut diags = Diagnostics::default();
            diags.push(d);
            return (None, diags);
        }
    };
    let mut check = FileCheck::new(&file.path, &split);
    let kind_name = source.section.kind_name();
    let mut allowed = allowed_keys(source.section);
    allowed.extend(network.extra_keys.iter().map(String::as_str));
    check.warn_unknown_keys(&allowed, &parsed.unknown_keys, kind_name);
    super::check_stray_front_matter(&mut check, &split);
    if crate::content::load::is_mdx(&file.path) {
        check.diags.push(
            Diagnostic::warning(&file.path, 1, 1, "an .mdx file is read as plain markdown: its imports and components are not run")
                .with_hint("rename it to .md; oogst reports each import and component it finds, so you can replace them with markdown"),
        );
    }
    let raw = parsed.value;

    let from_heading = raw
        .title
        .is_none()
        .then(|| first_heading(&split.body))
        .flatten();
    let title = match (&raw.title, from_heading) {
        (Some(t), _) if !t.0.trim().is_empty() => super::entities(t.0.trim()),
        (None, Some(heading)) => heading,
        _ => {
            let hint = if split.has_front_matter {
                "add `title: ...` to the front matter, or start the text with a heading: # Title"
                    .to_string()
            } else {
                "start the file with a front matter block:\n  ---\n  title: ...\n  ---".to_string()
            };
            check.error_at_key("title", format!("the {kind_name} has no title"), hint);
            String::new()
        }
    };
    let visibility = match raw.visibility.as_deref() {
        None => network.default_visibility(source.section),
        Some(v) => Visibility::parse(v).unwrap_or_else(|| {
            check.error_at_value(
                "visibility",
                v,
                format!("unknown visibility '{v}'"),
                "visibility is `public` (everyone) or `network` (participants only)".into(),
            );
            Visibility::Network
        }),
    };
    let mut date = check.date("date", raw.date.as_ref());
    let updated = check.date("updated", raw.updated.as_ref());
    if registry.complete {
        for theme in &raw.themes {
            check.check_id("themes", theme, &registry.themes, "theme");
        }
    }
    let slug = raw.slug.as_ref().map(|s| s.0.as_str());
    if let Some(written) = slug
        && slugify(written).is_empty()
    {
        check.error_at_key(
            "slug",
            format!("the slug '{written}' has no letters or digits to make a web address of"),
            "write a slug of lowercase letters, digits and dashes, e.g. slug: dagstart, or remove it".into(),
        );
    }
    let (path, number) = url_path(source, slug);
    let last = source.rel_path.rsplit('/').next().unwrap_or("");
    if slug.is_none() && !is_index(&source.rel_path) && slugify(last).is_empty() {
        check.error_at_key(
            "title",
            format!("the file name '{last}.md' has no letters or digits to make a web address of"),
            "rename the file (e.g. after its title), or give it a `slug:`".into(),
        );
    }
    let kind = match source.section {
        Section::Meetings => {
            if date.is_none() && raw.date.is_none() {
                date = date_from_file_name(&source.rel_path);
                if date.is_none() {
                    let name = source.rel_path.rsplit('/').next().unwrap_or("");
                    let hint = match dates::guess_in_file_name(name) {
                        Some(guess) => format!("the file name holds a date with a two-digit year: if the meeting was then, add `date: {guess}`"),
                        None => "add `date: 2024-02-01`, or put the date in the file name: 2024-02-01-titel.md".into(),
                    };
                    check.error_at_key("date", "the meeting has no date".into(), hint);
                }
            }
            Kind::Meeting(Box::new(meeting(&raw, source, registry, owned, &mut check)))
        }
        Section::Practices => Kind::Practice(practice(&raw, registry, &mut check)),
        Section::Handreiking => Kind::Chapter,
        Section::Lessons => Kind::Lesson,
        Section::Pages => Kind::Page,
    };
    let slug_line = slug.map(|_| check.loc.key("slug").0);
    let extra = extra_values(&raw.extra, &parsed.unknown_keys, &split, network);
    let diags = check.diags;
    let page = Page {
        network: network.id.clone(),
        section: source.section,
        source: file.path.clone(),
        rel_path: source.rel_path.clone(),
        path,
        title,
        summary: raw.summary.as_deref().map(super::entities),
        visibility,
        draft: raw.draft,
        tags: raw.tags,
        themes: raw.themes,
        date,
        updated,
        last_change: None,
        weight: raw.weight.or(number).unwrap_or(i64::MAX),
        is_index: is_index(&source.rel_path),
        slug_line,
        extra,
        parent: None,
        attachments: owned
            .iter()
            .map(|a| Attachment {
                source: a.source.clone(),
                rel_path: a.rel_path.clone(),
            })
            .collect(),
        kind,
        body: split.body,
        body_line: split.body_line,
    };
    (Some(page).filter(|_| !diags.has_errors()), diags)
}

/// The text of the body's first heading when it is a level-1 heading
/// (`# Title`, or `Title` underlined with `===`) before any other text: the
/// title of pages written for tools that take it from there. The markdown
/// stage leaves out a leading heading equal to the title, so it is not
/// printed twice.
pub(crate) fn first_heading(body: &str) -> Option<String> {
    let mut lines = body
        .split('\n')
        .map(str::trim_end)
        .skip_while(|l| l.trim().is_empty() || is_comment_line(l) || is_mdx_import(l));
    let first = lines.next()?;
    let indent = first.len() - first.trim_start().len();
    let text = if indent < 4 && first.trim_start().starts_with("# ") {
        let text = first.trim_start()[2..].trim();
        // A closing sequence of #s, and an explicit {#id}, are not text.
        let text = text.trim_end_matches('#').trim_end();
        match text.rfind("{#").filter(|_| text.ends_with('}')) {
            Some(at) => text[..at].trim_end(),
            None => text,
        }
    } else if lines
        .next()
        .is_some_and(|u| !u.trim().is_empty() && u.trim().chars().all(|c| c == '='))
    {
        first.trim()
    } else {
        return None;
    };
    let plain = crate::markdown::reader_text(text);
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    (!plain.is_empty()).then_some(plain)
}

fn is_mdx_import(line: &str) -> bool {
    line.starts_with("import ") || line.starts_with("export ")
}

fn is_comment_line(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("<!--") && line.ends_with("-->")
}

/// `extra:` and the values of the network's own keys, which the parse
/// left aside: the front matter is read again as a map for them.
fn extra_values(
    extra: &std::collections::BTreeMap<String, serde_json::Value>,
    unknown: &[String],
    split: &crate::content::front_matter::Split,
    network: &Network,
) -> std::collections::BTreeMap<String, serde_json::Value> {
    let mut values = extra.clone();
    let own: Vec<&String> = network
        .extra_keys
        .iter()
        .filter(|k| unknown.contains(k))
        .collect();
    if own.is_empty() {
        return values;
    }
    let all: std::collections::BTreeMap<String, serde_json::Value> =
        crate::yaml::parse(&split.front_matter).unwrap_or_default();
    for key in own {
        if let Some(value) = all.get(key) {
            values.insert(key.clone(), value.clone());
        }
    }
    values
}

fn allowed_keys(section: Section) -> Vec<&'static str> {
    let specific = match section {
        Section::Meetings => MEETING_KEYS,
        Section::Practices => PRACTICE_KEYS,
        _ => DATED_KEYS,
    };
    COMMON_KEYS.iter().chain(specific).copied().collect()
}

/// `_index.md` and `index.md` (as MkDocs, Hugo and Docusaurus write it)
/// are the page of the folder they stand in.
fn is_index(rel_path: &str) -> bool {
    crate::content::owners::is_index_name(rel_path.rsplit('/').next().unwrap_or(rel_path))
}

/// The URL path below the network and the ordering number from the file
/// name. Handreiking chapters lose their numeric prefixes (`01-start` ->
/// `start`); a folder's `_index.md` or `index.md` stands for the folder itself.
fn url_path(source: &PageSource, slug: Option<&str>) -> (String, Option<i64>) {
    let mut parts: Vec<&str> = source.rel_path.split('/').collect();
    if is_index(&source.rel_path) {
        parts.pop();
    }
    let mut number = None;
    let mut segments: Vec<String> = Vec::with_capacity(parts.len());
    for part in &parts {
        let (n, rest) = match source.section {
            Section::Handreiking => split_number_prefix(part),
            _ => (None, *part),
        };
        number = n;
        segments.push(slugify(rest));
    }
    if let (Some(slug), Some(last)) = (slug, segments.last_mut()) {
        *last = slugify(slug);
    }
    let mut path = match source.section {
        Section::Pages => String::new(),
        s => s.dir().to_string(),
    };
    for segment in segments.iter().filter(|s| !s.is_empty()) {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(segment);
    }
    (path, number)
}

fn date_from_file_name(rel_path: &str) -> Option<crate::content::model::When> {
    let name = rel_path.rsplit('/').next()?;
    let date = dates::in_file_name(name)?;
    Some(crate::content::model::When { date, time: None })
}

fn meeting(
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
    }
    let actions = raw
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if a.what.as_deref().is_none_or(|w| w.trim().is_empty()) {
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
                what: super::entities(a.what.as_deref().unwrap_or_default()),
                who: a.who.clone(),
                due: check.date("actions", a.due.as_ref()),
                done: a.done,
            }
        })
        .collect();
    let texts = |items: &[String]| items.iter().map(|t| super::entities(t)).collect();
    Meeting {
        location: raw.location.as_deref().map(super::entities),
        online: raw.online,
        facilitator: raw
            .facilitator
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(super::entities),
        attendees: raw.attendees.clone(),
        organisations: raw.organisations.clone(),
        agenda: texts(&raw.agenda),
        decisions: texts(&raw.decisions),
        actions,
        insights: texts(&raw.insights),
        documents: documents(raw, source, owned, check),
    }
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
        title: title.map_or_else(|| file_name.clone(), super::entities),
        size: std::fs::metadata(&asset.source).map_or(0, |m| m.len()),
        source: asset.source.clone(),
        file_name,
    }
}

fn practice(raw: &RawPage, registry: &Registry, check: &mut FileCheck) -> Practice {
    if registry.complete {
        if let Some(org) = &raw.organisation {
            check.check_id("organisation", org, &registry.organisations, "organisation");
        }
        if let Some(contact) = &raw.contact {
            check.check_id("contact", contact, &registry.people, "person");
        }
    }
    let status = raw.status.as_deref().and_then(|s| {
        let found = PracticeStatus::ALL.into_iter().find(|p| p.as_str() == s);
        if found.is_none() {
            check.error_at_value(
                "status",
                s,
                format!("unknown practice status '{s}'"),
                "status is one of: idea, experiment, applied, evaluated".into(),
            );
        }
        found
    });
    Practice {
        organisation: raw.organisation.clone(),
        region: raw.region.clone(),
        sector: raw.sector.clone(),
        status,
        results: raw.results.as_deref().map(super::entities),
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

#[cfg(test)]
mod tests {
    use super::first_heading;

    #[test]
    fn the_first_level_one_heading_is_a_title() {
        assert_eq!(
            first_heading("\n# Werkdruk *samen* aanpakken ##\n\nTekst").as_deref(),
            Some("Werkdruk samen aanpakken")
        );
        assert_eq!(
            first_heading("<!-- notitie -->\nDe dagstart\n==========\n").as_deref(),
            Some("De dagstart")
        );
        assert_eq!(first_heading("# Kop {#eigen-id}\n").as_deref(), Some("Kop"));
        assert_eq!(first_heading("Tekst eerst.\n\n# Kop\n"), None);
        assert_eq!(first_heading("## Kop\n"), None);
        assert_eq!(first_heading("    # code\n"), None);
    }
}
