//! Small helpers every stage uses: slugs and heading ids, site URLs, dates
//! as people write them, paths, and HTML escaping.

pub mod dates;
pub mod escape;
pub mod paths;
pub mod slug;
pub mod urls;
