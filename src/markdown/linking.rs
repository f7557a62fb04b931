//! Links, images and raw HTML inside a body: each destination goes to the
//! resolver (the links stage), hidden targets become text, raw HTML gets
//! its URLs rewritten, and iframes are kept only from allowed hosts.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::sanitize::is_unsafe_url;
use super::{Link, LinkKind, State, has_file_extension, link_kind, raw_html};
use crate::diagnostic::Diagnostic;

/// What a link or image tag says.
pub(super) struct LinkTag<'e> {
    link_type: LinkType,
    dest_url: CowStr<'e>,
    title: CowStr<'e>,
    id: CowStr<'e>,
}

/// The tag to write for a link or image whose destination became `href`:
/// an image always (without a source when hidden), a link only when it
/// points somewhere.
fn opened(link: LinkTag<'_>, image: bool, href: Option<String>) -> Option<Tag<'_>> {
    match (image, href) {
        (true, href) => Some(Tag::Image {
            link_type: link.link_type,
            dest_url: href.map_or(CowStr::Borrowed(""), CowStr::from),
            title: link.title,
            id: link.id,
        }),
        (false, Some(href)) => Some(Tag::Link {
            link_type: link.link_type,
            dest_url: href.into(),
            title: link.title,
            id: link.id,
        }),
        (false, None) => None,
    }
}

impl<'e> State<'_, 'e> {
    /// A link or an image opens: its destination resolved, or the tag
    /// dropped (its text stays) when the target is hidden or missing.
    pub(super) fn start_link(&mut self, tag: Tag<'e>, offset: usize) {
        let (image, link) = match tag {
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => (
                false,
                LinkTag {
                    link_type,
                    dest_url,
                    title,
                    id,
                },
            ),
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => (
                true,
                LinkTag {
                    link_type,
                    dest_url,
                    title,
                    id,
                },
            ),
            _ => return,
        };
        let wiki = matches!(link.link_type, LinkType::WikiLink { .. });
        if image && wiki && !has_file_extension(&link.dest_url) {
            return self.note_embed(link, offset);
        }
        if image {
            self.embeds.push(false);
        }
        let kind = if image {
            LinkKind::Image
        } else {
            link_kind(link.link_type)
        };
        let href = self.link(&link.dest_url, offset, kind);
        if !image && href.is_some() && link.link_type == (LinkType::WikiLink { has_pothole: false })
        {
            self.wiki_text = Some(link.dest_url.to_string());
        }
        self.dropped_links.push(href.is_none());
        if let Some(tag) = opened(link, image, href) {
            self.emit(Event::Start(tag));
        }
    }

    /// The text of a wiki link written without `|text`: `[[Page#anchor]]`
    /// shows as "Page".
    pub(super) fn wiki_link_text(&mut self, text: CowStr<'e>) {
        let written = self.wiki_text.take().unwrap_or_default();
        let shown = match text.as_ref() == written {
            true => written
                .split('#')
                .next()
                .unwrap_or(&written)
                .trim()
                .to_string(),
            false => text.to_string(),
        };
        self.emit(Event::Text(shown.into()));
    }

    pub(super) fn end_link(&mut self) {
        self.wiki_text = None;
        if !self.dropped_links.pop().unwrap_or(false) {
            self.emit(Event::End(TagEnd::Link));
        }
    }

    pub(super) fn end_image(&mut self) {
        let dropped = self.dropped_links.pop().unwrap_or(false);
        match self.embeds.pop().unwrap_or(false) {
            true if !dropped => self.emit(Event::End(TagEnd::Link)),
            true => {}
            false => self.emit(Event::End(TagEnd::Image)),
        }
    }

    /// Emits the HTML block read so far, its links resolved.
    pub(super) fn flush_html(&mut self) {
        if let Some((text, lines)) = self.html_block.take() {
            let html = self.resolve_html(&text, &lines);
            self.emit(Event::Html(html.into()));
        }
    }

    /// Raw HTML with every URL in it resolved like a markdown link; `lines`
    /// maps places in `html` to places in the body.
    pub(super) fn resolve_html(&mut self, html: &str, lines: &[(usize, usize)]) -> String {
        let mut ids = std::mem::take(&mut self.rendered.ids);
        let prefix = self.options.id_prefix;
        let html = raw_html::rewrite_urls_and_ids(html, &mut ids, prefix, |tag, url, at| {
            let line = lines.partition_point(|(start, _)| *start <= at).max(1) - 1;
            let (start, offset) = lines[line];
            let kind = match tag {
                "a" | "area" | "form" | "blockquote" | "q" => LinkKind::Markdown,
                _ => LinkKind::Image,
            };
            if tag == "iframe" && !self.options.allow_scripts {
                return self.embed(url, offset + at - start);
            }
            self.link(url, offset + at - start, kind)
        });
        self.rendered.ids = ids;
        html
    }

    /// An iframe's source: kept when it is an https address on a host the
    /// network allows, else dropped with a warning (the sanitiser then
    /// removes the frame).
    pub(super) fn embed(&mut self, url: &str, offset: usize) -> Option<String> {
        let host = url
            .strip_prefix("https://")
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .map(|h| h.to_ascii_lowercase());
        if let Some(host) = &host
            && self
                .options
                .embeds
                .iter()
                .any(|e| e.eq_ignore_ascii_case(host))
        {
            return Some(url.to_string());
        }
        let (line, column) = self.lines.locate(offset);
        let hint = match &host {
            Some(host) => {
                format!("to show embeds from {host}, add it to _network.md: embeds: [{host}]")
            }
            None => {
                "embeds must be https:// addresses on a host listed under `embeds:` in _network.md"
                    .into()
            }
        };
        self.rendered.diagnostics.push(
            Diagnostic::warning(
                self.path,
                line,
                column,
                format!("the embedded frame '{url}' is removed"),
            )
            .with_hint(hint),
        );
        None
    }

    /// `![[Note]]`: Obsidian shows the note inside the page; oogst links
    /// to it, and says so.
    pub(super) fn note_embed(&mut self, link: LinkTag<'e>, offset: usize) {
        let LinkTag {
            dest_url,
            title,
            id,
            ..
        } = link;
        self.embeds.push(true);
        let (line, column) = self.lines.locate(offset);
        self.rendered.diagnostics.push(
            Diagnostic::warning(self.path, line, column, format!("![[{dest_url}]] would show another note inside this page; oogst links to it instead"))
                .with_hint(format!("write [[{dest_url}]] for a link, or copy the text you want here")),
        );
        match self.link(&dest_url, offset, LinkKind::Wiki) {
            Some(href) => {
                self.wiki_text = Some(dest_url.to_string());
                self.dropped_links.push(false);
                self.emit(Event::Start(Tag::Link {
                    link_type: LinkType::WikiLink { has_pothole: false },
                    dest_url: href.into(),
                    title,
                    id,
                }));
            }
            None => self.dropped_links.push(true),
        }
    }

    /// The href for a link, or `None` to show only its text.
    pub(super) fn link(
        &mut self,
        destination: &str,
        offset: usize,
        kind: LinkKind,
    ) -> Option<String> {
        if !self.options.allow_scripts && is_unsafe_url(destination, kind == LinkKind::Image) {
            return None;
        }
        let (line, column) = self.lines.locate(offset);
        match self.links.resolve(destination, kind, (line, column)) {
            Link::Href(href) => Some(href),
            Link::Hidden => {
                self.rendered.diagnostics.push(
                    Diagnostic::warning(self.path, line, column, format!("the link to '{destination}' points to a page or file this audience cannot see; only its text is shown"))
                        .with_hint("make the target public, or keep the link knowing that public readers see plain text"),
                );
                None
            }
            Link::Broken => None,
            Link::Missing { message, hint } => {
                self.rendered
                    .diagnostics
                    .push(Diagnostic::error(self.path, line, column, message).with_hint(hint));
                None
            }
        }
    }
}
