//! Small helpers every stage uses: slugs and heading ids, site URLs, dates
//! as people write them, paths, HTML escaping, and compact copies of what
//! a build keeps.

pub mod compact;
pub mod dates;
pub mod escape;
pub mod paths;
pub mod slug;
pub mod urls;
