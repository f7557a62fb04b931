//! Finds the networks under the content folder and reads their files.
//! Nothing here interprets front matter; that is validation's job.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::content::model::Section;
use crate::diagnostic::{Diagnostic, Diagnostics, nearest};
use crate::error::Error;

use super::inside::Inside;
pub use super::source::{Asset, NetworkSource, PageSource, SourceFile, SourceTree};

/// The file that makes a folder a network.
pub const NETWORK_FILE: &str = "_network.md";
/// The folder of per-network template overrides.
pub const TEMPLATES_DIR: &str = "templates";

/// Reads every network below `content_dir`. Unreadable or non-UTF-8 files and
/// stray folders are reported in `diagnostics`; only a missing content folder
/// is a hard error.
pub fn load(content_dir: &Path, diagnostics: &mut Diagnostics) -> Result<SourceTree, Error> {
    if !content_dir.is_dir() {
        return Err(Error::NoContent {
            path: content_dir.to_path_buf(),
            hint: no_content_hint(content_dir),
        });
    }
    let inside = Inside::new(content_dir);
    let entries = read_dir_sorted(content_dir)?;
    let mut networks = Vec::new();
    for dir in entries.into_iter().filter(|p| p.is_dir()) {
        let name = file_name(&dir);
        if name.starts_with('.') || name.starts_with('_') || !inside.check(&dir, diagnostics) {
            continue;
        }
        if !dir.join(NETWORK_FILE).is_file() {
            diagnostics.push(
                Diagnostic::warning(&dir, 1, 1, format!("folder '{name}' is not a network: it has no {NETWORK_FILE}"))
                    .with_hint(format!("add {}/{NETWORK_FILE} with at least a `title:`, or move the folder out of the content folder", dir.display())),
            );
            continue;
        }
        if let Some(network) = load_network(&dir, &inside, diagnostics)? {
            networks.push(network);
        }
    }
    Ok(SourceTree { networks })
}

fn load_network(
    dir: &Path,
    inside: &Inside,
    diagnostics: &mut Diagnostics,
) -> Result<Option<NetworkSource>, Error> {
    let id = file_name(dir);
    let mut page_paths = Vec::new();
    let mut assets = Vec::new();
    for entry in read_dir_sorted(dir)? {
        let name = file_name(&entry);
        if name.starts_with('.') || name == NETWORK_FILE || name == TEMPLATES_DIR {
            continue;
        }
        if !inside.check(&entry, diagnostics) {
            continue;
        }
        match Section::from_dir(&name) {
            Some(section) if entry.is_dir() => collect_section(
                &entry,
                section,
                inside,
                &mut page_paths,
                &mut assets,
                diagnostics,
            )?,
            _ => diagnostics.push(stray_entry(&entry, &name)),
        }
    }
    let network_path = dir.join(NETWORK_FILE);
    if !inside.check(&network_path, diagnostics) {
        return Ok(None);
    }
    let network_file = read_text(&network_path, diagnostics);
    let pages: Vec<(Section, String, Result<SourceFile, Diagnostic>)> = page_paths
        .into_par_iter()
        .map(|(section, rel_path, path)| (section, rel_path, read_file(&path)))
        .collect();
    let mut sources = Vec::with_capacity(pages.len());
    for (section, rel_path, file) in pages {
        match file {
            Ok(file) => sources.push(PageSource {
                section,
                rel_path,
                file,
            }),
            Err(d) => diagnostics.push(d),
        }
    }
    let templates = dir.join(TEMPLATES_DIR);
    let templates_dir =
        (templates.is_dir() && inside.check(&templates, diagnostics)).then_some(templates);
    Ok(network_file.map(|network_file| NetworkSource {
        id,
        dir: dir.to_path_buf(),
        network_file,
        pages: sources,
        assets,
        templates_dir,
    }))
}

type PagePath = (Section, String, PathBuf);

fn collect_section(
    dir: &Path,
    section: Section,
    inside: &Inside,
    pages: &mut Vec<PagePath>,
    assets: &mut Vec<Asset>,
    diagnostics: &mut Diagnostics,
) -> Result<(), Error> {
    // Links are followed only where they stay in the content folder; the
    // filter leaves out the others (and says so) before they are entered.
    let mut skipped = Diagnostics::default();
    let walker = WalkDir::new(dir)
        .min_depth(1)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            !e.file_name().to_string_lossy().starts_with('.')
                && (!e.path_is_symlink() || inside.check(e.path(), &mut skipped))
        });
    let mut entries = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => entries.push(entry),
            Err(e) if e.loop_ancestor().is_some() => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                diagnostics.push(
                    Diagnostic::warning(
                        &path,
                        1,
                        1,
                        "this link points to a folder that holds it, and is skipped",
                    )
                    .with_hint("remove the link; a folder cannot contain itself"),
                );
            }
            Err(e) => {
                return Err(Error::Walk {
                    path: dir.to_path_buf(),
                    message: e.to_string(),
                });
            }
        }
    }
    diagnostics.extend(skipped);
    for entry in entries {
        if !entry.file_type().is_file() || is_editor_litter(&file_name(entry.path())) {
            continue;
        }
        let rel = relative_slash_path(entry.path(), dir);
        match markdown_stem(&rel) {
            Some(stem) => pages.push((section, stem.to_string(), entry.into_path())),
            None => assets.push(Asset {
                rel_path: format!("{}/{rel}", section.dir()),
                source: entry.into_path(),
            }),
        }
    }
    Ok(())
}

/// What to do when there is no content folder: oogst is probably run in
/// the wrong folder (inside `content/`, or inside a network).
fn no_content_hint(content_dir: &Path) -> String {
    let project = content_dir.parent().unwrap_or(Path::new("."));
    let here = crate::helpers::paths::absolute(project);
    let inside = here
        .ancestors()
        .find(|a| a.file_name().is_some_and(|n| n == "content") && a.is_dir());
    match inside.and_then(Path::parent) {
        Some(root) => format!(
            "this folder is inside a content folder; run oogst in the project folder {} (or pass --root {})",
            root.display(),
            root.display()
        ),
        None => "run oogst in the project folder that holds content/ (made by `oogst init`), or pass --root <that folder>".into(),
    }
}

fn stray_entry(path: &Path, name: &str) -> Diagnostic {
    let sections = Section::ALL.map(Section::dir);
    let mut d = Diagnostic::warning(
        path,
        1,
        1,
        format!("'{name}' is not part of the network and is left out"),
    );
    let hint = match nearest(name.trim_end_matches(".md"), sections) {
        Some(s) => format!("did you mean the section folder '{s}/'?"),
        None => format!(
            "a network holds {NETWORK_FILE}, {TEMPLATES_DIR}/ and the section folders {}",
            sections.join("/, ") + "/"
        ),
    };
    d.hint = Some(hint);
    d
}

/// `a/b` for `a/b.md`, in any case of `.md` (`Verslag.MD` is a page too,
/// never a file to copy), and for Docusaurus's `a/b.mdx`, which is read as
/// markdown (validation says what of MDX is not supported).
pub fn markdown_stem(rel: &str) -> Option<&str> {
    [".md", ".mdx"].into_iter().find_map(|ext| {
        let cut = rel.len().checked_sub(ext.len())?;
        let (stem, found) = (rel.get(..cut)?, rel.get(cut..)?);
        (found.eq_ignore_ascii_case(ext) && !stem.is_empty() && !stem.ends_with('/'))
            .then_some(stem)
    })
}

/// Whether the page was written as MDX (`.mdx`).
pub fn is_mdx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("mdx"))
}

/// Editors' swap, backup and temp files, which are never content.
pub fn is_editor_litter(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
}

fn read_text(path: &Path, diagnostics: &mut Diagnostics) -> Option<SourceFile> {
    read_file(path).map_err(|d| diagnostics.push(d)).ok()
}

/// Reads a file as UTF-8, or says which line holds the first bad byte.
pub fn read_file(path: &Path) -> Result<SourceFile, Diagnostic> {
    let (bytes, modified) = read_with_time(path)
        .map_err(|e| Diagnostic::error(path, 1, 1, format!("cannot read the file: {e}")))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            path: path.to_path_buf(),
            text,
            modified,
        }),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = 1 + bytes[..valid].iter().filter(|b| **b == b'\n').count();
            let column = 1 + valid
                - bytes[..valid]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
            Err(
                Diagnostic::error(path, line, column, "the file is not UTF-8 text").with_hint(
                    "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
                ),
            )
        }
    }
}

/// The bytes of a file and when it was last written, from one look at it.
pub fn read_with_time(path: &Path) -> std::io::Result<(Vec<u8>, Option<std::time::SystemTime>)> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    // A File's own `read_to_end` would look at the file again for its
    // size; through `take` it fills the room made here, and a byte more
    // than the size lets the next read show the end.
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    (&file).take(u64::MAX).read_to_end(&mut bytes)?;
    Ok((bytes, meta.modified().ok()))
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(io)?;
    entries.sort();
    Ok(entries)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `path` below `base`, with `/` separators on every platform.
pub fn relative_slash_path(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_utf8_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, b"---\ntitle: caf\xe9\n---\n").unwrap();
        let d = read_file(&path).unwrap_err();
        assert_eq!((d.line, d.column), (2, 11));
        assert!(d.message.contains("not UTF-8"));
    }

    #[test]
    fn md_and_mdx_files_are_pages() {
        assert_eq!(markdown_stem("a/Verslag.MD"), Some("a/Verslag"));
        assert_eq!(markdown_stem("intro.mdx"), Some("intro"));
        assert_eq!(markdown_stem("a/.md"), None);
        assert_eq!(markdown_stem("foto.png"), None);
    }

    #[test]
    fn editor_litter_is_recognised() {
        for name in ["a.md~", ".a.md.swp", "#a.md#", ".#a.md", "x.tmp"] {
            assert!(is_editor_litter(name), "{name}");
        }
        assert!(!is_editor_litter("a.md"));
    }
}
