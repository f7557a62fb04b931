//! The library's error type. Content problems are collected as
//! [`Diagnostics`]; everything here stops a run.

use std::path::PathBuf;

use crate::diagnostic::Diagnostics;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("there is no content folder at {path}: {hint}")]
    NoContent { path: PathBuf, hint: String },

    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("cannot read the folder {path}: {message}")]
    Walk { path: PathBuf, message: String },

    #[error("the content has {} error(s); nothing was written", .0.error_count())]
    Content(Diagnostics),

    #[error("template {name}: {message}")]
    Template { name: String, message: String },

    #[error("there is no network '{name}'; the networks are: {known}")]
    NoNetwork { name: String, known: String },

    #[error("refusing to publish '{network}': {reason}")]
    PublishRefused { network: String, reason: String },

    #[error("theme '{name}' was not found: {path} does not exist")]
    NoTheme { name: String, path: PathBuf },

    #[error("refusing to use {path} as the output folder: {reason}")]
    OutputRefused { path: PathBuf, reason: String },

    #[error(
        "another oogst build is writing {path} right now; wait for it to finish, then build again"
    )]
    Busy { path: PathBuf },

    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}
