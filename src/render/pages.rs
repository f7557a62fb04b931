//! The pages of a network's content: home, section lists, the practice
//! catalogue's facet pages, each page, and the handreiking's print page.

use super::{Env, OutputFile};
use crate::content::model::{Kind, Section};
use crate::error::Error;
use crate::helpers::urls;
use crate::index::Facet;
use crate::site::schedule::{is_upcoming, upcoming};
use crate::view::{Group, LinkView, Listed, PageView, SectionView, Summary};

pub fn home(env: &Env, n: usize) -> Result<OutputFile, Error> {
    let network = &env.site.networks[n];
    let mut r = env.renderer(n, urls::of(&[&network.network.id]));
    let list = |section: Section, count: usize| -> Vec<Summary> {
        network
            .sections
            .get(&section)
            .into_iter()
            .flatten()
            .filter(|&&i| !is_upcoming(&network.pages[i], env.inputs.today))
            .take(count)
            .map(|&i| env.summary(n, i))
            .collect()
    };
    let next_meeting = upcoming(network, env.inputs.today)
        .first()
        .map(|&(i, when)| env.summary_on(n, i, when));
    r.insert("content", &env.bodies.networks[n].home.html());
    r.insert("next_meeting", &next_meeting);
    r.insert("recent_meetings", &list(Section::Meetings, 5));
    r.insert("recent_practices", &list(Section::Practices, 6));
    r.insert("lessons", &list(Section::Lessons, usize::MAX));
    r.insert("handreiking", &book_block(env, n));
    r.finish("network.html")
}

/// The handreiking as a block of the network home: its title and summary
/// (from its introduction) and its numbered top-level chapters (and
/// folders); none without one.
fn book_block(env: &Env, n: usize) -> Option<crate::view::BookBlock> {
    let network = &env.site.networks[n];
    let chapters = network.sections.get(&Section::Handreiking)?;
    let intro = chapters
        .iter()
        .copied()
        .find(|&i| network.pages[i].path == Section::Handreiking.dir());
    let r = env.renderer(n, String::new());
    let listed: Vec<_> = chapters
        .iter()
        .map(|&i| (&network.pages[i], env.summary(n, i)))
        .collect();
    let top = r
        .views()
        .book(&listed)
        .into_iter()
        .filter(|c| c.depth == 0 && !c.number.is_empty())
        .collect();
    let (title, summary) = match intro {
        Some(i) => {
            let s = env.summary(n, i);
            (Some(s.title), s.summary)
        }
        None => (None, String::new()),
    };
    Some(crate::view::BookBlock {
        title,
        summary,
        url: urls::of(&[&network.network.id, Section::Handreiking.dir()]),
        chapters: top,
    })
}

pub fn section(env: &Env, n: usize, section: Section) -> Result<OutputFile, Error> {
    let network = &env.site.networks[n];
    let indices = network
        .sections
        .get(&section)
        .map_or(&[][..], Vec::as_slice);
    let is_intro = |i: usize| network.pages[i].path == section.dir();
    let listed: Vec<usize> = indices.iter().copied().filter(|&i| !is_intro(i)).collect();
    let intro_page = indices.iter().copied().find(|&i| is_intro(i));
    let intro = intro_page.map(|i| env.bodies.networks[n].pages[i].html());
    let mut r = env.renderer(n, urls::of(&[&network.network.id, section.dir()]));
    let views = r.views();
    // The entries made once per build; the handreiking's contents number
    // and nest its chapters.
    let pages = match section {
        Section::Handreiking => {
            let chapters: Vec<_> = listed
                .iter()
                .map(|&i| (&network.pages[i], env.summary(n, i)))
                .collect();
            views
                .book(&chapters)
                .into_iter()
                .map(Listed::from)
                .collect()
        }
        _ => listed.iter().map(|&i| env.listed(n, i)).collect(),
    };
    let view = SectionView {
        name: section.dir(),
        // The handreiking's contents carry the book's own title.
        title: match intro_page {
            Some(i) if section == Section::Handreiking => network.pages[i].title.clone(),
            _ => views.t(&format!("section_{}", section.dir())),
        },
        url: r.url.clone(),
        groups: if section == Section::Meetings {
            let past = listed
                .iter()
                .copied()
                .filter(|&i| !is_upcoming(&network.pages[i], env.inputs.today));
            by_year(env, n, past)
        } else {
            Vec::new()
        },
        pages,
        intro,
        facets: if section == Section::Practices {
            views.facets(None)
        } else {
            Vec::new()
        },
    };
    if section == Section::Lessons {
        r.insert(
            "lessons_by_theme",
            &views.lessons_by_theme(&|i| env.listed(n, i)),
        );
    }
    if section == Section::Meetings {
        let coming: Vec<Summary> = upcoming(network, env.inputs.today)
            .into_iter()
            .map(|(i, when)| env.summary_on(n, i, when))
            .collect();
        r.insert("upcoming", &coming);
    }
    r.insert("section", &view);
    r.insert("facet", &None::<()>);
    r.finish(section_template(section))
}

/// The template of a section's list page.
fn section_template(section: Section) -> &'static str {
    match section {
        Section::Meetings => "meetings.html",
        Section::Handreiking => "handreiking.html",
        Section::Practices => "practices.html",
        Section::Lessons => "lessons.html",
        Section::Pages => "section.html",
    }
}

/// A static page of the catalogue: the practices with one facet value
/// chosen (the address a reader without JavaScript can share).
pub fn facet(env: &Env, n: usize, facet: Facet, key: &str) -> Result<OutputFile, Error> {
    let network = &env.site.networks[n];
    let value = network.index.facets[&facet]
        .iter()
        .find(|v| v.key == key)
        .expect("facet jobs come from the index");
    let mut r = env.renderer(
        n,
        urls::of(&[&network.network.id, "practices", facet.as_str(), key]),
    );
    let views = r.views();
    let facets = views.facets(Some((facet, key)));
    let current = facets
        .iter()
        .find(|f| f.name == facet.as_str())
        .and_then(|f| f.values.iter().find(|v| v.current))
        .cloned();
    let view = SectionView {
        name: "practices",
        title: views.t("section_practices"),
        url: urls::of(&[&network.network.id, "practices"]),
        // Filled below, from values made once for all filter pages.
        pages: Vec::new(),
        groups: Vec::new(),
        intro: None,
        facets,
    };
    #[derive(serde::Serialize)]
    struct Current {
        name: &'static str,
        title: String,
        value: Option<crate::view::FacetValueView>,
    }
    // Every practice, those without the value hidden, so that the filters
    // can widen or combine the selection on this page too.
    let chosen: std::collections::HashSet<usize> = value.pages.iter().copied().collect();
    let pages: Vec<tera::Value> = env
        .catalogue(n, &r.url)
        .iter()
        .map(|(i, shown, hidden)| match chosen.contains(i) {
            true => shown.clone(),
            false => hidden.clone(),
        })
        .collect();
    let mut section = tera::Value::from_serializable(&view)
        .into_map()
        .expect("a section view is a map");
    section.insert("pages".into(), tera::Value::from(pages));
    r.context
        .insert_value("section", tera::Value::from(section));
    r.insert(
        "facet",
        &Current {
            name: facet.as_str(),
            title: views.t(&format!("facet_{}", facet.as_str())),
            value: current,
        },
    );
    r.finish("practices.html")
}

/// The catalogue's stylesheet that filters without JavaScript: a rule per
/// facet value (the theme's `facets.css`), beside the catalogue page.
pub fn facet_styles(env: &Env, n: usize) -> Result<OutputFile, Error> {
    let network = &env.site.networks[n];
    let mut r = env.renderer(n, urls::of(&[&network.network.id, "practices"]));
    let view = SectionView {
        name: "practices",
        title: String::new(),
        url: r.url.clone(),
        pages: Vec::new(),
        groups: Vec::new(),
        intro: None,
        facets: r.views().facets(None),
    };
    r.insert("section", &view);
    r.finish_beside("facets.css", "facets.css")
}

fn by_year(env: &Env, n: usize, pages: impl Iterator<Item = usize>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for i in pages {
        let date = env.site.networks[n].pages[i].date;
        let year = date.map_or_else(String::new, |d| d.date.year().to_string());
        match groups.last_mut() {
            Some(g) if g.title == year => g.pages.push(env.listed(n, i)),
            _ => groups.push(Group {
                title: year,
                pages: vec![env.listed(n, i)],
            }),
        }
    }
    groups
}

pub fn page(env: &Env, n: usize, p: usize) -> Result<OutputFile, Error> {
    let network = &env.site.networks[n];
    let page = &network.pages[p];
    let mut r = env.renderer(n, urls::of(&[&network.network.id, &page.path]));
    let views = r.views();
    let body = &env.bodies.networks[n].pages[p];
    let (prev, next) = network.book_links.get(&p).copied().unwrap_or_default();
    let backlinks = backlinks(env, n, p);
    let view = PageView {
        title: page.title.clone(),
        kind: page.kind.name(),
        url: r.url.clone(),
        date: views.date(page.date),
        updated: views.date(page.last_change.as_ref().map(|c| c.date.into())),
        authors: match (&page.last_change, network.network.show_authors) {
            (Some(change), true) => change.authors.clone(),
            _ => Vec::new(),
        },
        summary: page.summary.clone().unwrap_or_else(|| body.summary.clone()),
        content: body.html_for_page(env.bodies.once),
        toc: body.toc.clone(),
        tags: page.tags.iter().map(|t| views.tag(t)).collect(),
        themes: views.themes(&page.themes),
        visibility: page.visibility.as_str(),
        meeting: match &page.kind {
            Kind::Meeting(m) => Some(views.meeting(page, m)),
            _ => None,
        },
        practice: match &page.kind {
            Kind::Practice(pr) => Some(views.practice(p, pr, &|i| env.item(n, i, &r.url))),
            _ => None,
        },
        prev: prev.map(|i| views.link(&network.pages[i])),
        next: next.map(|i| views.link(&network.pages[i])),
        backlinks,
        extra: page.extra.clone(),
    };
    r.insert("description", &view.summary);
    if let Kind::Meeting(_) = page.kind {
        let (carried, more) = views.carried_actions(page);
        r.insert("carried", &carried);
        r.insert("carried_more", &more);
    }
    r.insert("page", &view);
    if page.section == Section::Handreiking {
        let at = r.shared.book_at.get(&r.url).copied();
        let (book, part) = crate::view::book_around(&r.shared.book, at);
        let book = r.shared.book_part(&book);
        r.context.insert_value("book", book);
        r.insert("book_part", &part);
    }
    r.finish(match page.kind {
        Kind::Meeting(_) => "meeting.html",
        Kind::Practice(_) => "practice.html",
        Kind::Chapter => "chapter.html",
        Kind::Lesson => "lesson.html",
        Kind::Page => "page.html",
    })
}

/// The pages that link to page `p` of network `n` ("Genoemd in").
fn backlinks(env: &Env, n: usize, p: usize) -> Vec<LinkView> {
    let id = crate::site::PageId {
        network: n,
        page: p,
    };
    let sources = env.bodies.backlinks.get(&id).into_iter().flatten();
    sources
        .map(|&id| {
            let source = &env.site.networks[id.network].pages[id.page];
            LinkView {
                title: source.title.clone(),
                url: urls::of(&[&source.network, &source.path]),
            }
        })
        .collect()
}

/// A network's search page; without JavaScript it lists pages per theme.
pub fn search(env: &Env, n: usize) -> Result<OutputFile, Error> {
    let network = &env.site.networks[n];
    let mut r = env.renderer(n, urls::of(&[&network.network.id, "search"]));
    let browse: Vec<Group> = network
        .network
        .themes
        .iter()
        .filter_map(|t| {
            let pages = network.index.theme_pages.get(&t.id)?;
            Some(Group {
                title: t.label.clone(),
                pages: pages.iter().map(|&i| env.listed(n, i)).collect(),
            })
        })
        .collect();
    r.insert("browse", &browse);
    r.insert(
        "search_indexes",
        &[format!(
            "{}static/search-index.js",
            urls::of(&[&network.network.id])
        )],
    );
    r.finish("search.html")
}
