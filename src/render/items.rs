//! List entries rendered once. A page is listed on each of its tags' and
//! themes' pages, on the pages of its people and organisations, among a
//! practice's related practices and on every filter page of the catalogue:
//! the theme's `partials/page_item.html` renders its entry the first time
//! such a list at one depth shows it, and every other list at that depth
//! reuses the HTML (`p.html`, which `partials/page_list.html` prints).
//! The entry sees `p`, `root` and what every page of its network shares,
//! never the page that lists it, so the HTML is the same wherever it is
//! reused. Lists that show each page once (a section's, the portal's)
//! leave `p.html` empty and render their entries themselves: keeping those
//! would cost memory and save nothing.

use std::sync::OnceLock;

use tera::value::Key;
use tera::{Context, Value};

use crate::helpers::urls;
use crate::site::Site;
use crate::templates::Theme;

/// The template that renders one entry.
const ITEM: &str = "partials/page_item.html";

/// Depths (`/` in the listing page's URL) whose entries are kept; a list
/// deeper down renders its entries itself.
const DEPTHS: usize = 6;

/// Per network and page, its entry with its HTML per depth: made when a
/// list at that depth first shows it; none when the template failed (the
/// list then renders the entry itself, and reports the error with its
/// page).
pub struct Items {
    slots: Vec<Vec<[OnceLock<Option<Value>>; DEPTHS]>>,
}

/// What renders the entries of one list: the network's theme, the values
/// its pages share, and the listing page's URL.
pub struct ListAt<'a> {
    pub theme: &'a Theme,
    pub shared: &'a Context,
    pub url: &'a str,
}

impl Items {
    pub fn new(site: &Site) -> Self {
        let slots = site
            .networks
            .iter()
            .map(|n| {
                n.pages
                    .iter()
                    .map(|_| std::array::from_fn(|_| OnceLock::new()))
                    .collect()
            })
            .collect();
        Items { slots }
    }

    /// Page `i` of network `n`'s `entry` (made by [`entry`]) with its
    /// HTML for a list at `at`: made the first time, then shared.
    pub fn with_html(&self, n: usize, i: usize, entry: &Value, at: &ListAt) -> Value {
        let depth = at.url.matches('/').count();
        let made = || render(entry, at).map(|html| with(entry, html));
        let item = match self.slots[n][i].get(depth) {
            Some(slot) => slot.get_or_init(made).clone(),
            None => made(),
        };
        item.unwrap_or_else(|| entry.clone())
    }
}

/// `entry` with its HTML for a list at `at`, made now and kept by the
/// caller (the catalogue's entries); `entry` itself when the template
/// fails.
pub fn with_html_now(entry: &Value, at: &ListAt) -> Value {
    match render(entry, at) {
        Some(html) => with(entry, html),
        None => entry.clone(),
    }
}

/// A list entry made of `summary`, with an empty `html` for [`with`] to
/// fill in place.
pub fn entry(summary: Value) -> Value {
    let mut map = summary.into_map().expect("a summary is a map");
    map.insert(Key::Str("html"), Value::none());
    Value::from(map)
}

/// `entry` rendered by the theme's [`ITEM`] for a list at `at`; none when
/// the template fails.
fn render(entry: &Value, at: &ListAt) -> Option<Value> {
    let mut context = at.shared.clone();
    context.insert("root", &urls::root_prefix(at.url));
    context.insert_value("p", entry.clone());
    let mut html = Vec::with_capacity(1024);
    at.theme.tera.render_to(ITEM, &context, &mut html).ok()?;
    String::from_utf8(html).ok().map(Value::from)
}

/// `entry` with its `html`: a copy of its values, which its own `html`
/// (see [`entry`]) lets take the HTML without growing.
fn with(entry: &Value, html: Value) -> Value {
    let mut map = entry.as_map().cloned().unwrap_or_default();
    map.insert(Key::Str("html"), html);
    Value::from(map)
}
