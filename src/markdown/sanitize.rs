//! What raw HTML may do: the sanitiser (ammonia) that removes scripts,
//! styles, frames and event handlers, and the URL schemes that run code.

/// Links that run code: `javascript:`, `vbscript:`, and `data:` except images.
pub(super) fn is_unsafe_url(destination: &str, is_image: bool) -> bool {
    let lower: String = destination
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    lower.starts_with("javascript:")
        || lower.starts_with("vbscript:")
        || (lower.starts_with("data:") && !(is_image && lower.starts_with("data:image/")))
}

/// Removes scripts, event handlers and script URLs from HTML, keeping the
/// markup that markdown and highlighting produce; `<iframe>`s are kept
/// only from the `embeds` hosts (their other sources were dropped when the
/// links were resolved).
pub(super) fn clean_html(html: &str, embeds: &[String]) -> String {
    let mut builder = ammonia::Builder::default();
    if !embeds.is_empty() {
        builder.add_tags(["iframe"]).add_tag_attributes(
            "iframe",
            [
                "src",
                "title",
                "width",
                "height",
                "allow",
                "allowfullscreen",
                "loading",
            ],
        );
    }
    builder
        .add_tags([
            "details",
            "summary",
            "figure",
            "figcaption",
            "mark",
            "input",
            "section",
            "div",
            "span",
            "abbr",
            "kbd",
            "sup",
            "sub",
            "video",
            "audio",
            "source",
        ])
        .add_generic_attributes(["id", "class", "title", "lang", "dir", "role"])
        .add_generic_attribute_prefixes(["aria-", "data-"])
        .add_tag_attributes("input", ["type", "checked", "disabled", "aria-label"])
        .add_tag_attributes("details", ["open"])
        .add_tag_attributes("video", ["src", "controls", "poster", "width", "height"])
        .add_tag_attributes("audio", ["src", "controls"])
        .add_tag_attributes("source", ["src", "type"])
        .add_tag_attributes("a", ["href", "hreflang", "name"])
        .link_rel(None);
    builder.clean(html).to_string()
}
