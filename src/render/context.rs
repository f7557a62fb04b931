//! Template contexts: what every page of a network shares (built once per
//! network) plus each page's own values, and rendering a template with them.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use super::{FileData, OutputFile, RenderInputs, Sink};
use crate::content::model::{NetworkStatus, Section};
use crate::error::Error;
use crate::helpers::urls;
use crate::site::{NetworkSite, Site};
use crate::templates::{Theme, error_chain};
use crate::view::Views;

/// What every page of one network shares: its UI strings and the template
/// values that do not change from page to page.
pub struct Shared {
    pub strings: BTreeMap<String, String>,
    context: Context,
    /// The handreiking's table of contents, for the chapter pages (each
    /// shows it whole, or the part around it), and where each chapter's
    /// URL is in it.
    pub book: Vec<crate::view::Summary>,
    pub book_at: std::collections::HashMap<String, usize>,
    /// The book's entries as template values, made once for all chapters.
    book_values: std::sync::OnceLock<Vec<tera::Value>>,
}

impl Shared {
    /// The template values every page of the network gets.
    pub fn values(&self) -> &Context {
        &self.context
    }

    /// The book's entries at `positions`, as a template list.
    pub fn book_part(&self, positions: &[usize]) -> tera::Value {
        let values = self.book_values.get_or_init(|| {
            self.book
                .iter()
                .map(tera::Value::from_serializable)
                .collect()
        });
        tera::Value::from(
            positions
                .iter()
                .map(|&i| values[i].clone())
                .collect::<Vec<_>>(),
        )
    }
}

impl Shared {
    pub fn new(site: &Site, network: &NetworkSite, inputs: &RenderInputs) -> Self {
        let theme = inputs.themes.of(&network.network.id);
        let strings = theme.strings.for_language(network.network.language);
        let mut context = base_context(site, &strings, network.network.language.code());
        let views = Views {
            site: network,
            strings: &strings,
            today: inputs.today,
            audience: site.audience,
        };
        context.insert("network", &views.network());
        context.insert("closed", &(network.network.status == NetworkStatus::Closed));
        context.insert("book", &Vec::<()>::new());
        let chapters: Vec<_> = network
            .section(Section::Handreiking)
            .map(|c| (c, views.summary(c, "")))
            .collect();
        let book = views.book(&chapters);
        let mut book_at = std::collections::HashMap::new();
        for (i, c) in book.iter().enumerate() {
            book_at.entry(c.url.clone()).or_insert(i);
        }
        Shared {
            strings,
            context,
            book,
            book_at,
            book_values: std::sync::OnceLock::new(),
        }
    }
}

/// Renders one page of a network: the shared context plus its own values.
pub struct Renderer<'a> {
    pub network: &'a NetworkSite,
    theme: &'a Theme,
    pub shared: &'a Shared,
    pub context: Context,
    pub url: String,
    today: jiff::civil::Date,
    audience: crate::audience::Audience,
    /// How many bytes the page is expected to take.
    size_hint: usize,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        inputs: &'a RenderInputs,
        shared: &'a [Shared],
        n: usize,
        url: String,
    ) -> Self {
        let network = &site.networks[n];
        let mut context = shared[n].context.clone();
        context.insert("root", &urls::root_prefix(&url));
        context.insert("current_url", &url);
        context.insert("current_trail", &urls::trail(&url));
        context.insert("canonical", &inputs.base_url.map(|b| format!("{b}{url}")));
        context.insert("feeds", &inputs.base_url.is_some());
        context.insert(
            "description",
            &network.network.summary.clone().unwrap_or_default(),
        );
        Renderer {
            network,
            theme: inputs.themes.of(&network.network.id),
            shared: &shared[n],
            context,
            url,
            today: inputs.today,
            audience: site.audience,
            size_hint: PAGE_SIZE,
        }
    }

    /// Expects the page to take `bytes` or more: its buffer is made that
    /// large at once, instead of growing (and copying) to it.
    pub fn expect_size(&mut self, bytes: usize) {
        self.size_hint = self.size_hint.max(bytes);
    }

    pub fn views(&self) -> Views<'a> {
        Views {
            site: self.network,
            strings: &self.shared.strings,
            today: self.today,
            audience: self.audience,
        }
    }

    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.context.insert(key, value);
    }

    pub fn finish(self, template: &str) -> Result<OutputFile, Error> {
        render_sized(
            self.theme,
            template,
            &self.context,
            self.url,
            self.size_hint,
        )
    }

    /// [`Renderer::finish`] into `sink`, written as it is rendered (the
    /// print page of a large handreiking is tens of MB); returns its path.
    pub fn finish_into(self, template: &str, sink: &dyn Sink) -> Result<String, Error> {
        let path = urls::output_file(&self.url);
        // Why the rendering stopped, when the template (not the file) failed.
        let mut failed = None;
        let mut write = |out: &mut dyn std::io::Write| {
            let mut out = Recording { out, error: None };
            match self.theme.tera.render_to(template, &self.context, &mut out) {
                Ok(()) => Ok(()),
                Err(_) if out.error.is_some() => Err(out.error.take().expect("an error")),
                Err(e) => {
                    failed = Some(e);
                    Err(std::io::Error::other("the template failed"))
                }
            }
        };
        let put = sink.put_written(path.clone(), self.size_hint, &mut write);
        match failed {
            Some(e) => Err(template_error(template, &self.url, &e)),
            None => put.map(|()| path),
        }
    }

    /// Renders `template` into the file `name` beside the page's
    /// `index.html` (a stylesheet, say), not into the page itself.
    pub fn finish_beside(self, template: &str, name: &str) -> Result<OutputFile, Error> {
        let path = format!("{}{name}", self.url);
        let mut file = render_template(self.theme, template, &self.context, self.url)?;
        file.path = path;
        Ok(file)
    }
}

#[derive(Serialize)]
struct SiteView {
    /// `public` or `network`.
    audience: &'static str,
    generator: &'static str,
}

/// The values every template sees.
pub fn base_context(site: &Site, strings: &BTreeMap<String, String>, language: &str) -> Context {
    let mut context = Context::new();
    context.insert(
        "site",
        &SiteView {
            audience: site.audience.as_str(),
            generator: concat!("oogst ", env!("CARGO_PKG_VERSION")),
        },
    );
    context.insert("t", strings);
    context.insert("lang", language);
    context
}

/// The context of a page above the networks (portal, themes, coverage).
pub fn portal_context(
    site: &Site,
    inputs: &RenderInputs,
    url: &str,
) -> (Context, BTreeMap<String, String>) {
    let strings = inputs.themes.portal.strings.for_language(inputs.language);
    let mut context = base_context(site, &strings, inputs.language.code());
    context.insert("network", &None::<()>);
    context.insert("closed", &false);
    context.insert("root", &urls::root_prefix(url));
    context.insert("current_url", url);
    context.insert("current_trail", &urls::trail(url));
    context.insert("canonical", &inputs.base_url.map(|b| format!("{b}{url}")));
    context.insert("feeds", &inputs.base_url.is_some());
    context.insert(
        "description",
        strings.get("portal_intro").map_or("", String::as_str),
    );
    (context, strings)
}

pub fn render_template(
    theme: &Theme,
    template: &str,
    context: &Context,
    url: String,
) -> Result<OutputFile, Error> {
    render_sized(theme, template, context, url, PAGE_SIZE)
}

/// What a page usually takes: its buffer starts this large.
const PAGE_SIZE: usize = 32 * 1024;

/// [`render_template`] into a buffer of `capacity` bytes to start with.
fn render_sized(
    theme: &Theme,
    template: &str,
    context: &Context,
    url: String,
    capacity: usize,
) -> Result<OutputFile, Error> {
    let mut html = Vec::with_capacity(capacity);
    theme
        .tera
        .render_to(template, context, &mut html)
        .map_err(|e| template_error(template, &url, &e))?;
    Ok(OutputFile {
        path: urls::output_file(&url),
        data: FileData::Bytes(html),
    })
}

/// `template` failed with `error`, rendering the page at `url`.
fn template_error(template: &str, url: &str, error: &tera::Error) -> Error {
    Error::Template {
        name: format!(
            "{template} (rendering {})",
            if url.is_empty() { "the portal" } else { url }
        ),
        message: error_chain(error),
    }
}

/// Passes writes on, and keeps the first error of the file written to:
/// the template's own errors are told apart from the disk's.
struct Recording<'a> {
    out: &'a mut dyn std::io::Write,
    error: Option<std::io::Error>,
}

impl std::io::Write for Recording<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.out.write(bytes).inspect_err(|e| {
            self.error
                .get_or_insert_with(|| std::io::Error::new(e.kind(), e.to_string()));
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
