//! Validation of one page file: its front matter per kind, its ids and
//! dates, its URL path, and a meeting's documents.

use crate::content::load::{Asset, PageSource};
use crate::content::model::{Attachment, Kind, Network, Page, Section, Visibility};
use crate::content::raw::{COMMON_KEYS, DATED_KEYS, MEETING_KEYS, PRACTICE_KEYS, RawPage};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::helpers::escape::decode_entities;
use crate::helpers::slug::{slugify, split_number_prefix};

use super::title::first_heading;
use super::{FileCheck, Registry, kinds, parse_file};
use crate::content::front_matter::Split;
use crate::content::model::When;

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
    check_keys(&mut check, source, network, &parsed.unknown_keys, &split);
    super::confidentiality::check_passages(&mut check, &split);
    let raw = &parsed.value;
    let title = title(&mut check, raw, &split, source.section.kind_name());
    let visibility = visibility(&mut check, raw, network, source.section);
    let mut date = check.date("date", raw.date.as_ref());
    let updated = check.date("updated", raw.updated.as_ref());
    let review = check.date("review", raw.review.as_ref());
    check_themes(&mut check, &raw.themes, registry);
    let slug = raw.slug.as_ref().map(|s| s.0.as_str());
    let (path, number) = checked_url_path(&mut check, source, slug);
    let kind = kind(&mut check, raw, source, registry, owned, &mut date);
    let slug_line = slug.map(|_| check.loc.key("slug").0);
    let extra = extra_values(&raw.extra, &parsed.unknown_keys, &split, network);
    let diags = check.diags;
    let raw = parsed.value;
    let page = Page {
        network: network.id.clone(),
        section: source.section,
        source: file.path.clone(),
        rel_path: source.rel_path.clone(),
        path,
        title,
        // An empty `summary: ""` is no summary: the first paragraph shows.
        summary: text(raw.summary.as_deref()),
        visibility,
        draft: raw.draft,
        tags: raw.tags,
        themes: raw.themes,
        date,
        updated,
        review,
        last_change: None,
        weight: raw.weight.or(number).unwrap_or(i64::MAX),
        is_index: is_index(&source.rel_path),
        slug_line,
        extra,
        parent: None,
        attachments: owned.iter().map(|a| attachment(a)).collect(),
        kind,
        body: split.body,
        body_line: split.body_line,
    };
    (Some(page).filter(|_| !diags.has_errors()), diags)
}

/// Optional front-matter text: entities decoded, and empty (`summary: ""`)
/// counted as not written, so the first paragraph shows instead.
pub(super) fn text(written: Option<&str>) -> Option<String> {
    written
        .filter(|s| !s.trim().is_empty())
        .map(decode_entities)
}

fn attachment(asset: &Asset) -> Attachment {
    Attachment {
        source: asset.source.clone(),
        rel_path: asset.rel_path.clone(),
    }
}

/// Unknown keys (but the network's own), front matter written below the
/// block, and an .mdx file.
fn check_keys(
    check: &mut FileCheck,
    source: &PageSource,
    network: &Network,
    unknown: &[String],
    split: &Split,
) {
    let mut allowed = allowed_keys(source.section);
    allowed.extend(network.extra_keys.iter().map(String::as_str));
    check.warn_unknown_keys(&allowed, unknown, source.section.kind_name());
    super::check_stray_front_matter(check, split);
    check.warn_yaml_traps(&split.front_matter, split.front_matter_line);
    if crate::content::load::is_mdx(&source.file.path) {
        check.diags.push(
            Diagnostic::warning(&source.file.path, 1, 1, "an .mdx file is read as plain markdown: its imports and components are not run")
                .with_hint("rename it to .md; oogst reports each import and component it finds, so you can replace them with markdown"),
        );
    }
}

/// The page's title: `title:`, else the first `# heading`; an error without.
fn title(check: &mut FileCheck, raw: &RawPage, split: &Split, kind_name: &str) -> String {
    let from_heading = raw
        .title
        .is_none()
        .then(|| first_heading(&split.body))
        .flatten();
    match (&raw.title, from_heading) {
        (Some(t), _) if !t.0.trim().is_empty() => decode_entities(t.0.trim()),
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
    }
}

fn check_themes(check: &mut FileCheck, themes: &[String], registry: &Registry) {
    if registry.complete {
        for theme in themes {
            check.check_id("themes", theme, &registry.themes, "theme");
        }
    }
}

/// `visibility:`, else the section's default in the network; an unknown
/// value is an error (and hides the page).
fn visibility(
    check: &mut FileCheck,
    raw: &RawPage,
    network: &Network,
    section: Section,
) -> Visibility {
    match raw.visibility.as_deref() {
        None => network.default_visibility(section),
        Some(v) => Visibility::parse(v).unwrap_or_else(|| {
            check.error_at_value(
                "visibility",
                v,
                format!("unknown visibility '{v}'"),
                "visibility is `public` (everyone) or `network` (participants only)".into(),
            );
            Visibility::Network
        }),
    }
}

/// The URL path and ordering number, with errors for a slug or file name
/// that has nothing to make an address of.
fn checked_url_path(
    check: &mut FileCheck,
    source: &PageSource,
    slug: Option<&str>,
) -> (String, Option<i64>) {
    if let Some(written) = slug
        && slugify(written).is_empty()
    {
        check.error_at_key(
            "slug",
            format!("the slug '{written}' has no letters or digits to make a web address of"),
            "write a slug of lowercase letters, digits and dashes, e.g. slug: dagstart, or remove it".into(),
        );
    }
    let last = source.rel_path.rsplit('/').next().unwrap_or("");
    if slug.is_none() && !is_index(&source.rel_path) && slugify(last).is_empty() {
        check.error_at_key(
            "title",
            format!("the file name '{last}.md' has no letters or digits to make a web address of"),
            "rename the file (e.g. after its title), or give it a `slug:`".into(),
        );
    }
    url_path(source, slug)
}

/// What the page's section makes of it: a meeting (which must have a
/// date, from `date:` or its file name), a practice, or a plain kind.
fn kind(
    check: &mut FileCheck,
    raw: &RawPage,
    source: &PageSource,
    registry: &Registry,
    owned: &[&Asset],
    date: &mut Option<When>,
) -> Kind {
    match source.section {
        Section::Meetings => {
            if date.is_none() && raw.date.is_none() {
                *date = kinds::date_from_file_name(&source.rel_path);
                if date.is_none() {
                    kinds::no_date(check, &source.rel_path);
                }
            }
            Kind::Meeting(Box::new(kinds::meeting(
                raw, source, registry, owned, check,
            )))
        }
        Section::Practices => Kind::Practice(kinds::practice(raw, registry, check)),
        Section::Handreiking => Kind::Chapter,
        Section::Lessons => Kind::Lesson,
        Section::Pages => Kind::Page,
    }
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
