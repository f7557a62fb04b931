//! The commands: each runs the pipeline (or part of it) for one thing a
//! user asks, and returns data for the binary to report.
//!
//! - [`build`]: `oogst build` and `oogst check` (the whole pipeline, written
//!   to the output folder or only checked), with [`unchanged`] to skip a
//!   rebuild whose inputs did not change, [`outcome`] for what a build
//!   tells when it ends, and [`check`];
//! - [`publish`]: `oogst publish`, one network as a self-contained archive;
//! - [`watch`] with its [`serve`]r: `oogst watch`, built in memory and
//!   served with live reload;
//! - [`scaffold`]: `oogst new` and `oogst init`.

pub mod build;
pub mod check;
pub mod outcome;
pub mod privacy;
pub mod publish;
pub mod scaffold;
pub mod serve;
pub mod unchanged;
pub mod watch;
