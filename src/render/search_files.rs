//! The search indexes, one script per network, loaded by `search.js`.

use super::Env;
use super::bodies;
use crate::content::model::{Kind, Network, Person};
use crate::error::Error;
use crate::helpers::urls;
use crate::output::{FileData, OutputFile, Sink};
use crate::search;
use crate::site::NetworkSite;

/// Network `n`'s search index, as `<network>/static/search-index.js`.
pub(super) fn search_index(env: &Env, n: usize) -> OutputFile {
    OutputFile {
        path: search_index_path(env, n),
        data: FileData::Bytes(with_index(env, n, |index| {
            search::to_script(index).into_bytes()
        })),
    }
}

/// [`search_index`] into `sink`, written as it is made (the index of
/// 10,000 pages is about 27 MB); returns its path.
pub(super) fn put_search_index(env: &Env, n: usize, sink: &dyn Sink) -> Result<String, Error> {
    let path = search_index_path(env, n);
    with_index(env, n, |index| {
        let size = search::script_size(index);
        sink.put_written(path.clone(), size, &mut |out| {
            search::write_script(index, out)
        })
    })?;
    Ok(path)
}

fn search_index_path(env: &Env, n: usize) -> String {
    let id = &env.site.networks[n].network.id;
    format!("{}static/search-index.js", urls::of(&[id]))
}

/// `f` of network `n`'s search index, made of its pages' analyses and
/// its directory's.
fn with_index<T>(env: &Env, n: usize, f: impl FnOnce(&search::Index) -> T) -> T {
    let network = &env.site.networks[n];
    let bodies = &env.bodies.networks[n];
    let mut analyser = search::Analyser::new(&bodies.stems);
    let directory: Vec<search::Analysed> =
        directory_documents(network, &bodies.home, &env.shared[n].strings)
            .into_iter()
            .map(|d| analyser.analyse(d))
            .collect();
    let pages = bodies.pages.iter().map(|b| &b.search);
    f(&search::build(
        &network.network.title,
        &bodies.stems,
        pages.chain(&directory),
    ))
}

/// Page `p` as the search index reads it: its title, headings (`toc`),
/// front matter and body `text`.
pub(super) fn search_document(
    network: &NetworkSite,
    p: usize,
    toc: &[crate::markdown::Heading],
    text: String,
    strings: &std::collections::BTreeMap<String, String>,
) -> search::Document {
    use search::Field;
    let page = &network.pages[p];
    let mut fields = vec![(Field::Title, page.title.clone())];
    fields.push((
        Field::Heading,
        toc.iter()
            .map(|h| h.title.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    ));
    let mut meta: Vec<&str> = page.summary.iter().map(String::as_str).collect();
    // The page's themes and tags by their labels: a page on "Werkdruk" is
    // found by that word, even where its text says it otherwise.
    let themes = &network.network.themes;
    meta.extend(page.themes.iter().map(|id| {
        themes
            .iter()
            .find(|t| &t.id == id)
            .map_or(id.as_str(), |t| t.label.as_str())
    }));
    meta.extend(page.tags.iter().map(String::as_str));
    match &page.kind {
        Kind::Meeting(m) => {
            meta.extend(
                m.agenda
                    .iter()
                    .chain(&m.decisions)
                    .chain(&m.insights)
                    .map(String::as_str),
            );
            meta.extend(m.actions.iter().map(|a| a.what.as_str()));
        }
        Kind::Practice(pr) => {
            meta.extend(pr.results.as_deref());
            let org = pr
                .organisation
                .as_ref()
                .and_then(|id| network.network.organisations.iter().find(|o| &o.id == id));
            meta.extend(org.map(|o| o.name.as_str()));
        }
        _ => {}
    }
    fields.push((Field::Meta, meta.join(" ")));
    fields.push((Field::Body, text));
    let kind = format!("kind_{}", page.kind.name());
    search::Document {
        url: urls::of(&[&network.network.id, &page.path]),
        title: page.title.clone(),
        kind: strings.get(&kind).cloned().unwrap_or(kind),
        fields,
    }
}

/// The pages of a network that are not content files: its home (found by
/// the network's name and what its home says), each person (by name, role,
/// organisation and expertise: "wie weet wat") and each organisation.
fn directory_documents(
    network: &NetworkSite,
    home: &bodies::Body,
    strings: &std::collections::BTreeMap<String, String>,
) -> Vec<search::Document> {
    let kind = |key: &str| strings.get(key).cloned().unwrap_or_else(|| key.to_string());
    let n = &network.network;
    let mut documents = vec![search::Document {
        url: urls::of(&[&n.id]),
        title: n.title.clone(),
        kind: kind("kind_network"),
        fields: vec![
            (search::Field::Title, n.title.clone()),
            // Its summary and opening paragraph, as body text: the network
            // names many themes, and the pages on each come first.
            (
                search::Field::Body,
                format!("{} {}", n.summary.as_deref().unwrap_or(""), home.summary),
            ),
        ],
    }];
    let person = kind("kind_person");
    documents.extend(n.people.iter().map(|p| person_document(n, p, &person)));
    let organisation = kind("kind_organisation");
    documents.extend(n.organisations.iter().map(|o| search::Document {
        url: urls::of(&[&n.id, "organisations", &o.id]),
        title: o.name.clone(),
        kind: organisation.clone(),
        fields: vec![
            (search::Field::Title, o.name.clone()),
            (
                search::Field::Meta,
                format!(
                    "{} {}",
                    o.region.as_deref().unwrap_or(""),
                    o.sector.as_deref().unwrap_or("")
                ),
            ),
        ],
    }));
    documents
}

/// A person: by name, role and organisation, and by expertise, which weighs
/// as little as body text: pages on a theme come before the people who know
/// about it.
fn person_document(n: &Network, p: &Person, kind: &str) -> search::Document {
    let organisation = p
        .organisation
        .as_ref()
        .and_then(|id| n.organisations.iter().find(|o| &o.id == id))
        .map_or("", |o| o.name.as_str());
    let expertise: Vec<&str> = p
        .expertise
        .iter()
        .map(|id| {
            n.themes
                .iter()
                .find(|t| &t.id == id)
                .map_or(id.as_str(), |t| t.label.as_str())
        })
        .collect();
    search::Document {
        url: urls::of(&[&n.id, "people", &p.id]),
        title: p.name.clone(),
        kind: kind.to_string(),
        fields: vec![
            (search::Field::Title, p.name.clone()),
            (
                search::Field::Meta,
                format!("{} {organisation}", p.role.as_deref().unwrap_or("")),
            ),
            (search::Field::Body, expertise.join(", ")),
        ],
    }
}
