//! Small helpers every stage uses: slugs and heading ids, site URLs, dates
//! as people write them, paths, HTML escaping, and compact copies of what
//! a build keeps.

pub mod compact;
pub mod dates;
pub mod escape;
pub mod lines;
pub mod paths;
pub mod slug;
pub mod urls;

/// Frees `value` on a thread of its own, so that the caller goes on at
/// once: the pages of a large site take tens of milliseconds to free, and
/// a build that ends has no need to wait for it. Freed in place when no
/// thread can be started.
pub fn drop_later<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}
