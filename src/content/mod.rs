//! Content: reading files, the raw front matter and the validated model.

pub mod followup;
pub mod front_matter;
mod inside;
pub mod load;
pub mod model;
pub mod owners;
pub mod passages;
pub mod raw;
pub mod source;
