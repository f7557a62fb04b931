//! What the preview server serves: the site's files in memory, the last
//! build's errors, the open pages' event streams, and, while the rest of
//! the site is built after one page was rendered first, which files may be
//! served meanwhile.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::net::TcpStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, RwLock};

/// What the server serves; the watcher replaces it after each build.
pub struct Served {
    files: RwLock<HashMap<String, Arc<Vec<u8>>>>,
    /// The problems of the last build, when it failed (shown in an overlay).
    pub(super) errors: RwLock<Option<String>>,
    pub(super) clients: Mutex<Vec<TcpStream>>,
    /// This server among others (a restarted watch starts a new one).
    started: u64,
    /// Counts the changes to what is served. A page knows the version it
    /// was served with; when its event stream (re)connects it hears the
    /// current one and reloads if they differ, so a change made while it
    /// was loading, or while the server restarted, is not missed.
    version: AtomicU64,
    /// Whether the site's language (oogst.yaml) is English, for the
    /// overlay and the page for a missing address.
    pub(super) english: std::sync::atomic::AtomicBool,
    /// The URLs of pages this edition leaves out (`net/meetings/x/`): a
    /// request for one says why it is missing and how to preview it.
    hidden: RwLock<std::collections::HashSet<String>>,
    /// While the rest of the site is built after one page was rendered
    /// first ([`Served::first`]): the files that may be served meanwhile.
    /// A request for any other waits until the build is in ([`Served::settle`],
    /// `replace` or `fail`): no page is served from before the edit.
    pending: Mutex<Option<HashSet<String>>>,
    settled: Condvar,
}

impl Default for Served {
    fn default() -> Self {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Served {
            files: RwLock::default(),
            errors: RwLock::default(),
            clients: Mutex::default(),
            started,
            version: AtomicU64::new(0),
            english: Default::default(),
            hidden: RwLock::default(),
            pending: Mutex::default(),
            settled: Condvar::new(),
        }
    }
}

impl Served {
    /// Replaces the whole site (after a good build) and clears the errors.
    pub fn replace(&self, files: HashMap<String, Arc<Vec<u8>>>) {
        *self.files.write().unwrap_or_else(|e| e.into_inner()) = files;
        *self.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
        self.changed();
        self.release();
    }

    /// Updates some files only (an incremental build) and clears the errors.
    pub fn update(&self, changed: Vec<(String, Arc<Vec<u8>>)>) {
        self.files
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .extend(changed);
        *self.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
        self.changed();
        self.release();
    }

    /// Serves `first` (the pages an edit was rendered into first) at once,
    /// and of the rest only the files in `fixed`, which the edit cannot
    /// change; requests for any other file wait until the whole site is
    /// in. Counts as a change: open pages are told to reload.
    pub fn first(&self, first: HashMap<String, Arc<Vec<u8>>>, fixed: &HashSet<String>) {
        let mut servable = fixed.clone();
        servable.extend(first.keys().cloned());
        // Under the lock that requests read under (see `wait_for`).
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        *pending = Some(servable);
        self.files
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .extend(first);
        self.changed();
    }

    /// Takes `gone` (the page this edition no longer has, and the files in
    /// its folder) out at once, and counts `hidden` (its URL, unless it is
    /// a draft) among the pages the participants' edition has; of the rest
    /// only the files in `fixed` are served until the whole site is in, as
    /// after [`Served::first`].
    /// Fail closed: from here no request gets the page, nor a list from
    /// before the edit that still names it.
    pub fn withdraw(&self, gone: &[String], hidden: Option<String>, fixed: &HashSet<String>) {
        let mut servable = fixed.clone();
        servable.extend(gone.iter().cloned());
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        *pending = Some(servable);
        let mut files = self.files.write().unwrap_or_else(|e| e.into_inner());
        for key in gone {
            files.remove(key);
        }
        drop(files);
        self.hidden
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .extend(hidden);
        self.changed();
    }

    /// Puts in the whole site built after [`Served::first`], whose pages
    /// served first are the same in it: nothing that was served changes,
    /// so open pages need not reload again.
    pub fn settle(&self, files: HashMap<String, Arc<Vec<u8>>>) {
        *self.files.write().unwrap_or_else(|e| e.into_inner()) = files;
        *self.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
        self.release();
    }

    /// Lets the requests that wait for the whole site go.
    fn release(&self) {
        *self.pending.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.settled.notify_all();
    }

    /// Waits, when part of the site is still being built, until the file
    /// at `key` may be served. While the returned guard is held no page
    /// can be put in first: a request that reads the version and the file
    /// under it never gets the version after [`Served::first`] with a file
    /// from before it (which no reload would then replace).
    pub(super) fn wait_for(&self, key: &str) -> MutexGuard<'_, Option<HashSet<String>>> {
        let pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        self.settled
            .wait_while(pending, |p| p.as_ref().is_some_and(|s| !s.contains(key)))
            .unwrap_or_else(|e| e.into_inner())
    }

    /// The file at `key`, once it may be served (see [`Served::wait_for`]).
    #[cfg(test)]
    fn servable(&self, key: &str) -> Option<Arc<Vec<u8>>> {
        let _servable = self.wait_for(key);
        self.file(key)
    }

    /// The language of the preview's own messages.
    pub fn set_language(&self, language: crate::content::model::Language) {
        let english = language == crate::content::model::Language::En;
        self.english.store(english, Ordering::Relaxed);
    }

    /// The URLs of the pages this edition leaves out.
    pub fn set_hidden(&self, urls: std::collections::HashSet<String>) {
        *self.hidden.write().unwrap_or_else(|e| e.into_inner()) = urls;
    }

    pub(super) fn is_hidden(&self, key: &str) -> bool {
        let url = key.strip_suffix("index.html").unwrap_or(key);
        let hidden = self.hidden.read().unwrap_or_else(|e| e.into_inner());
        hidden.contains(url) || hidden.contains(&format!("{url}/"))
    }

    /// Keeps the last good site and shows `errors` over it.
    pub fn fail(&self, errors: String) {
        *self.errors.write().unwrap_or_else(|e| e.into_inner()) = Some(errors);
        self.changed();
        self.release();
    }

    /// Called after the files or errors changed, never before: a page
    /// served with an older version may show newer content (and reloads
    /// once more), never the other way round.
    fn changed(&self) {
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    /// The version of what is served now.
    pub(super) fn version(&self) -> String {
        format!("{:x}-{}", self.started, self.version.load(Ordering::SeqCst))
    }

    /// Tells every open page to reload (`reload`), or to reload only its
    /// stylesheets (`css`). Returns how many pages were told.
    pub fn notify(&self, event: &str) -> usize {
        self.send(event, event)
    }

    /// Tells the open pages that the page at `from` moved to `to` (both
    /// site-relative URLs): the page that was there goes to the new one,
    /// the others reload. Returns how many pages were told.
    pub fn notify_moved(&self, from: &str, to: &str) -> usize {
        self.send("moved", &format!("/{from} /{to}"))
    }

    fn send(&self, event: &str, data: &str) -> usize {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        let message = format!("event: {event}\ndata: {data}\n\n");
        clients.retain_mut(|c| {
            c.write_all(message.as_bytes())
                .and_then(|_| c.flush())
                .is_ok()
        });
        clients.len()
    }

    pub(super) fn file(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        self.files
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> HashMap<String, Arc<Vec<u8>>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Arc::new(v.as_bytes().to_vec())))
            .collect()
    }

    /// A request for `key` on its own thread, which must still wait after
    /// 200 ms (`early` says what an answer then would mean).
    fn waiting_request(
        served: &Arc<Served>,
        key: &'static str,
        early: &str,
    ) -> std::thread::JoinHandle<Option<Arc<Vec<u8>>>> {
        let (tx, rx) = std::sync::mpsc::channel();
        let waiting = Arc::clone(served);
        let request = std::thread::spawn(move || {
            let file = waiting.servable(key);
            // Nobody listens any more once the wait was checked.
            let _ = tx.send(());
            file
        });
        assert!(
            rx.recv_timeout(std::time::Duration::from_millis(200))
                .is_err(),
            "{early}"
        );
        request
    }

    #[test]
    fn while_the_rest_is_built_only_the_page_shown_first_and_fixed_files_are_served() {
        let served = Arc::new(Served::default());
        served.replace(files(&[
            ("a/index.html", "old a"),
            ("b/index.html", "old b"),
            ("static/site.css", "css"),
        ]));
        let fixed: HashSet<String> = ["static/site.css".to_string()].into();
        served.first(files(&[("a/index.html", "new a")]), &fixed);
        assert_eq!(
            served.servable("a/index.html").unwrap().as_slice(),
            b"new a"
        );
        assert_eq!(
            served.servable("static/site.css").unwrap().as_slice(),
            b"css"
        );

        // A request for another page waits for the whole site, and then
        // gets the new page, never the old one.
        let request = waiting_request(
            &served,
            "b/index.html",
            "b was served before the build was in",
        );
        served.settle(files(&[
            ("a/index.html", "new a"),
            ("b/index.html", "new b"),
        ]));
        assert_eq!(request.join().unwrap().unwrap().as_slice(), b"new b");
        assert_eq!(served.servable("gone/index.html"), None);
    }

    #[test]
    fn a_withdrawn_page_and_its_files_go_at_once_and_the_rest_waits() {
        let served = Arc::new(Served::default());
        served.replace(files(&[
            ("a/index.html", "a"),
            ("a/schema.pdf", "pdf"),
            ("b/index.html", "lists a"),
            ("static/site.css", "css"),
        ]));
        let fixed: HashSet<String> = ["static/site.css", "a/schema.pdf"].map(String::from).into();
        let version = served.version();
        let gone = ["a/index.html", "a/schema.pdf"].map(String::from);
        served.withdraw(&gone, Some("a/".into()), &fixed);
        assert_ne!(served.version(), version, "open pages are not told");
        // Answered at once: gone, and said to be hidden.
        assert_eq!(served.servable("a/index.html"), None);
        assert_eq!(served.servable("a/schema.pdf"), None);
        assert!(served.is_hidden("a/index.html"));
        assert_eq!(
            served.servable("static/site.css").unwrap().as_slice(),
            b"css"
        );
        // A page that may still list it waits for the whole site.
        let request = waiting_request(&served, "b/index.html", "b was served from before the edit");
        served.settle(files(&[("b/index.html", "new b")]));
        assert_eq!(request.join().unwrap().unwrap().as_slice(), b"new b");
    }

    #[test]
    fn no_page_is_put_in_first_while_a_request_reads() {
        let served = Arc::new(Served::default());
        served.replace(files(&[("a/index.html", "a"), ("b/index.html", "b")]));
        let reading = served.wait_for("b/index.html");
        let (tx, rx) = std::sync::mpsc::channel();
        let watcher = Arc::clone(&served);
        let put = std::thread::spawn(move || {
            watcher.first(files(&[("a/index.html", "new a")]), &HashSet::new());
            tx.send(()).unwrap();
        });
        assert!(
            rx.recv_timeout(std::time::Duration::from_millis(200))
                .is_err(),
            "a page was put in first while a request read the version and files"
        );
        drop(reading);
        put.join().unwrap();
        assert_eq!(
            served.servable("a/index.html").unwrap().as_slice(),
            b"new a"
        );
    }

    #[test]
    fn a_failed_build_lets_the_waiting_requests_go() {
        let served = Arc::new(Served::default());
        served.replace(files(&[("a/index.html", "a"), ("b/index.html", "b")]));
        let version = served.version();
        served.first(files(&[("a/index.html", "new a")]), &HashSet::new());
        assert_ne!(served.version(), version, "the first page is a change");
        let waiting = Arc::clone(&served);
        let request = std::thread::spawn(move || waiting.servable("b/index.html"));
        served.fail("kapot".into());
        assert_eq!(request.join().unwrap().unwrap().as_slice(), b"b");
    }
}
