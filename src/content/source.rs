//! What reading the content folder gives: each network's files with their
//! text, the assets beside them, and the whole tree.

use std::path::{Path, PathBuf};

use crate::content::model::Section;
use crate::error::Error;

/// A markdown file, read.
#[derive(Debug, Clone, Default)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// When the file was last written, as the file system tells it (a
    /// page's last change outside git).
    pub modified: Option<std::time::SystemTime>,
}

/// A page file of a section.
#[derive(Debug, Clone)]
pub struct PageSource {
    pub section: Section,
    /// Below the section folder, `/`-separated, without `.md`.
    pub rel_path: String,
    pub file: SourceFile,
}

/// A non-markdown file in a section, copied to the output as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub source: PathBuf,
    /// Below the network folder, `/`-separated, e.g. `handreiking/img/a.png`.
    pub rel_path: String,
}

/// One network folder, read.
#[derive(Debug, Clone)]
pub struct NetworkSource {
    pub id: String,
    pub dir: PathBuf,
    pub network_file: SourceFile,
    pub pages: Vec<PageSource>,
    pub assets: Vec<Asset>,
    /// Template overrides in `<network>/templates/`, if the folder exists.
    pub templates_dir: Option<PathBuf>,
}

/// Every network under a content folder.
#[derive(Debug, Clone, Default)]
pub struct SourceTree {
    pub networks: Vec<NetworkSource>,
}

impl SourceTree {
    /// Each page file's text as loaded, by its path (for checks after
    /// validation that point at a line, without reading the file again).
    pub fn page_texts(&self) -> std::collections::HashMap<&Path, &str> {
        self.networks
            .iter()
            .flat_map(|n| &n.pages)
            .map(|p| (p.file.path.as_path(), p.file.text.as_str()))
            .collect()
    }
}

impl SourceTree {
    /// Keeps the network `only` (`--network`); an error naming the networks
    /// there are when it is not one of them.
    pub fn keep_only(&mut self, only: &str) -> Result<(), Error> {
        if !self.networks.iter().any(|n| n.id == only) {
            return Err(Error::NoNetwork {
                name: only.to_string(),
                known: self
                    .networks
                    .iter()
                    .map(|n| n.id.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        self.networks.retain(|n| n.id == only);
        Ok(())
    }
}
