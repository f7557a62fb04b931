//! Content: reading files, the raw front matter and the validated model.

pub mod front_matter;
pub mod load;
pub mod model;
pub mod owners;
pub mod raw;
