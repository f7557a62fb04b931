//! Themes: Tera templates, UI strings and static files, in three layers:
//! built into the binary < `themes/<name>/` < `content/<network>/templates/`.
//! A later layer replaces files of the same name from an earlier one.

use std::collections::BTreeMap;
use std::path::Path;

use tera::Tera;
use walkdir::WalkDir;

use crate::content::load::{SourceTree, relative_slash_path};
use crate::error::Error;
use crate::strings::Strings;

/// The default theme, the whole folder, so the binary works with no theme
/// folder and nothing of it can be forgotten in a hand-kept list.
static BUILTIN: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The files of the built-in theme below `folder`, by path below it.
fn builtin(folder: &str) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack: Vec<&include_dir::Dir> = BUILTIN.get_dir(folder).into_iter().collect();
    while let Some(dir) = stack.pop() {
        stack.extend(dir.dirs());
        for file in dir.files() {
            let path = file.path().to_string_lossy().replace('\\', "/");
            let rel = path[folder.len()..].trim_start_matches('/').to_string();
            files.insert(rel, file.contents().to_vec());
        }
    }
    files
}

/// The themes of one build: the portal's (the default theme) and each
/// network's, with the network's own template overrides.
pub struct Themes {
    pub portal: Theme,
    /// By network id.
    pub networks: std::collections::HashMap<String, Theme>,
}

impl Themes {
    /// The theme of the network `id`.
    pub fn of(&self, id: &str) -> &Theme {
        &self.networks[id]
    }
}

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
    let mut templates: BTreeMap<String, String> =
        builtin("templates").into_iter().map(text).collect();
    let builtin_strings = BUILTIN
        .get_file("strings.yaml")
        .and_then(include_dir::File::contents_utf8)
        .unwrap_or_default();
    let mut strings = Strings::parse(builtin_strings).map_err(|e| Error::Template {
        name: "strings.yaml (built in)".into(),
        message: e.message,
    })?;
    let mut static_files = builtin("static");
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

/// Every file below `dir` (only `.html` and `.css` templates when
/// `html_only`), by relative path.
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
            || (html_only && !name.ends_with(".html") && !name.ends_with(".css"))
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
/// Each network's theme (from `themes_dir`) with its overrides, and the
/// portal's.
pub fn load_all(themes_dir: &Path, tree: &SourceTree) -> Result<Themes, Error> {
    let portal = load(themes_dir, "default", None)?;
    let mut networks = std::collections::HashMap::new();
    for network in &tree.networks {
        let name = theme_name(&network.network_file.text);
        let theme = load(themes_dir, &name, network.templates_dir.as_deref())?;
        networks.insert(network.id.clone(), theme);
    }
    Ok(Themes { portal, networks })
}

/// The `theme:` of a network file, read leniently: a broken network file is
/// reported by validation, and then builds with the default theme.
fn theme_name(network_file: &str) -> String {
    #[derive(serde::Deserialize, Default)]
    struct OnlyTheme {
        theme: Option<String>,
    }
    crate::content::front_matter::split(network_file)
        .ok()
        .and_then(|s| crate::yaml::parse::<OnlyTheme>(&s.front_matter).ok())
        .and_then(|t| t.theme)
        .unwrap_or_else(|| "default".into())
}
