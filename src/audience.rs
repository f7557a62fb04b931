//! The confidentiality boundary: drops everything the audience may not see,
//! once, right after validation. Downstream stages only ever get what this
//! returns, plus the bare file paths of what was dropped (so that a link to a
//! hidden page can become plain text instead of an error).

use std::path::PathBuf;

use crate::content::model::{Content, Page, Visibility};

/// Who a build is for: the public, or the participants of the networks.
pub type Audience = Visibility;

/// The content one audience may see.
#[derive(Debug, Clone)]
pub struct Visible {
    pub audience: Audience,
    pub content: Content,
    /// Pages that exist but are hidden (drafts, or network-only pages in a
    /// public build): only what identifies them, never their content.
    pub hidden: Vec<HiddenPage>,
    /// Page files that failed validation: (network id, source file, title if one could be read).
    pub broken: Vec<(String, PathBuf, Option<String>)>,
}

/// What link resolution may know of a hidden page: enough to recognise a
/// link to it (and show plain text instead of failing), nothing to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenPage {
    pub source: PathBuf,
    pub network: String,
    pub title: String,
    /// URL path below the network.
    pub path: String,
}

/// Whether `audience` may see `page`. Drafts are seen by nobody.
pub fn may_see(audience: Audience, page: &Page) -> bool {
    !page.draft && (audience == Visibility::Network || page.visibility == Visibility::Public)
}

/// Splits `content` into what `audience` may see and the paths of the rest.
pub fn filter(content: Content, audience: Audience) -> Visible {
    let (pages, hidden): (Vec<Page>, Vec<Page>) = content
        .pages
        .into_iter()
        .partition(|p| may_see(audience, p));
    Visible {
        audience,
        content: Content {
            networks: content.networks,
            pages,
            broken: Vec::new(),
        },
        broken: content.broken,
        hidden: hidden
            .into_iter()
            .map(|p| HiddenPage {
                source: p.source,
                network: p.network,
                title: p.title,
                path: p.path,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Kind, Section};

    fn page(name: &str, visibility: Visibility, draft: bool) -> Page {
        Page {
            network: "n".into(),
            section: Section::Pages,
            source: PathBuf::from(name),
            rel_path: name.into(),
            path: name.into(),
            title: name.into(),
            summary: None,
            visibility,
            draft,
            tags: vec![],
            themes: vec![],
            date: None,
            updated: None,
            last_change: None,
            weight: 0,
            is_index: false,
            kind: Kind::Page,
            body: String::new(),
            body_line: 1,
        }
    }

    #[test]
    fn public_sees_only_public_non_drafts() {
        let content = Content {
            networks: vec![],
            broken: vec![],
            pages: vec![
                page("open", Visibility::Public, false),
                page("intern", Visibility::Network, false),
                page("concept", Visibility::Public, true),
            ],
        };
        let public = filter(content.clone(), Visibility::Public);
        let titles: Vec<&str> = public
            .content
            .pages
            .iter()
            .map(|p| p.title.as_str())
            .collect();
        assert_eq!(titles, ["open"]);
        assert_eq!(public.hidden.len(), 2);

        let network = filter(content, Visibility::Network);
        let titles: Vec<&str> = network
            .content
            .pages
            .iter()
            .map(|p| p.title.as_str())
            .collect();
        assert_eq!(titles, ["open", "intern"]);
        assert_eq!(network.hidden[0].source, PathBuf::from("concept"));
    }
}
