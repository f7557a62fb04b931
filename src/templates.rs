//! Themes: Tera templates, UI strings and static files, in three layers:
//! built into the binary < `themes/<name>/` < `content/<network>/templates/`.
//! A later layer replaces files of the same name from an earlier one.

use std::collections::BTreeMap;
use std::path::Path;

use tera::Tera;
use walkdir::WalkDir;

use crate::content::load::relative_slash_path;
use crate::error::Error;
use crate::strings::Strings;

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, so the binary works with no theme folder.
const BUILTIN_TEMPLATES: &[(&str, &str)] = builtin!(
    "base.html",
    "portal.html",
    "network.html",
    "section.html",
    "lessons.html",
    "meetings.html",
    "handreiking.html",
    "meeting.html",
    "practice.html",
    "chapter.html",
    "lesson.html",
    "page.html",
    "practices.html",
    "print.html",
    "people.html",
    "person.html",
    "organisations.html",
    "organisation.html",
    "themes.html",
    "theme.html",
    "tags.html",
    "expertise.html",
    "actions.html",
    "portal_themes.html",
    "portal_theme.html",
    "coverage.html",
    "search.html",
    "partials/page_list.html",
    "partials/toc.html",
    "partials/book_toc.html",
    "partials/closed_notice.html",
    "partials/network_card.html",
    "partials/page_header.html",
    "partials/page_footer.html",
    "partials/person_link.html",
    "partials/action_row.html",
);
const BUILTIN_STRINGS: &str = include_str!("../themes/default/strings.yaml");
const BUILTIN_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        "filter.js",
        include_bytes!("../themes/default/static/filter.js"),
    ),
];

/// A loaded theme, ready to render.
pub struct Theme {
    pub tera: Tera,
    pub strings: Strings,
    /// Files copied to each site's `static/` folder, by relative path.
    pub static_files: BTreeMap<String, Vec<u8>>,
}

/// Loads theme `name` from `themes_dir` over the built-in default, with the
/// templates of `overrides` (a network's `templates/` folder) on top.
pub fn load(themes_dir: &Path, name: &str, overrides: Option<&Path>) -> Result<Theme, Error> {
    let mut templates: BTreeMap<String, String> = BUILTIN_TEMPLATES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let mut strings = Strings::parse(BUILTIN_STRINGS).map_err(|e| Error::Template {
        name: "strings.yaml (built in)".into(),
        message: e.message,
    })?;
    let mut static_files: BTreeMap<String, Vec<u8>> = BUILTIN_STATIC
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
    let dir = themes_dir.join(name);
    if dir.is_dir() {
        templates.extend(
            read_tree(&dir.join("templates"), true)?
                .into_iter()
                .map(text),
        );
        static_files.extend(read_tree(&dir.join("static"), false)?);
        let strings_file = dir.join("strings.yaml");
        if strings_file.is_file() {
            let raw = read(&strings_file)?;
            let theme_strings =
                Strings::parse(&String::from_utf8_lossy(&raw)).map_err(|e| Error::Template {
                    name: format!("{}:{}:{}", strings_file.display(), e.line, e.column),
                    message: e.message,
                })?;
            strings.overlay(theme_strings);
        }
    } else if name != "default" {
        return Err(Error::NoTheme {
            name: name.into(),
            path: dir,
        });
    }
    if let Some(overrides) = overrides {
        templates.extend(read_tree(overrides, true)?.into_iter().map(text));
    }
    let mut tera = Tera::new();
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| Error::Template {
            name: "(theme)".into(),
            message: error_chain(&e),
        })?;
    Ok(Theme {
        tera,
        strings,
        static_files,
    })
}

fn text((name, bytes): (String, Vec<u8>)) -> (String, String) {
    (name, String::from_utf8_lossy(&bytes).into_owned())
}

/// Every file below `dir` (only `.html` when `html_only`), by relative path.
fn read_tree(dir: &Path, html_only: bool) -> Result<BTreeMap<String, Vec<u8>>, Error> {
    let mut files = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::Walk {
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file()
            || name.starts_with('.')
            || (html_only && !name.ends_with(".html"))
        {
            continue;
        }
        files.insert(relative_slash_path(entry.path(), dir), read(entry.path())?);
    }
    Ok(files)
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A Tera error with its causes, on one line each.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    message
}
