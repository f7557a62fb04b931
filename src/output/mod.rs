//! The only module that touches the output folder. It is called after the
//! whole site has rendered without error. A build is staged in a sibling
//! folder (unchanged files hard-linked from the last build, so they are not
//! rewritten) and swapped in with one atomic rename: a killed build, a full
//! disk or a write error leaves the previous output exactly as it was.
//! Nothing outside the output folder is ever deleted.

mod file;
mod lock;
mod stage;
mod writer;

use std::fs;
use std::path::{Component, Path};

use crate::audience::Audience;
use crate::content::model::Visibility;
use crate::error::Error;
pub use file::{Collect, FileData, OutputFile, Sink, WriteBytes};
pub use stage::Stamp;
pub use writer::{Discard, Left, Writer};

pub use stage::staging_paths;

/// Marks a folder as made by oogst, so later builds may replace it, and
/// records which audience it was built for.
pub const MARKER: &str = ".oogst-output";

/// What a write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// The marker's text for `audience`.
fn marker_text(audience: Audience) -> String {
    format!(
        "This folder is oogst's build output; oogst may replace everything in it.\naudience: {}\n",
        audience.as_str()
    )
}

/// The audience a marker records; None for a marker of an older oogst,
/// which did not record it.
fn marker_audience(text: &str) -> Option<Audience> {
    text.lines()
        .find_map(|l| l.strip_prefix("audience:"))
        .and_then(|a| Visibility::parse(a.trim()))
}

/// Refuses output folders that would lose someone's work or mix audiences:
/// the content folder, the project root, a folder that holds either, a
/// folder inside the content, a non-empty folder that oogst did not create,
/// or a folder that holds the other audience's site.
pub fn check_output_dir(
    out: &Path,
    root: &Path,
    content: &Path,
    audience: Audience,
) -> Result<(), Error> {
    let refuse = |reason: String| Error::OutputRefused {
        path: out.to_path_buf(),
        reason,
    };
    let out_abs = crate::helpers::paths::absolute(out);
    let root_abs = crate::helpers::paths::absolute(root);
    let content_abs = crate::helpers::paths::absolute(content);
    if out_abs == content_abs || content_abs.starts_with(&out_abs) {
        return Err(refuse(
            "it is (or holds) the content folder; choose another --out, e.g. public".into(),
        ));
    }
    if root_abs.starts_with(&out_abs) {
        return Err(refuse(
            "it is (or holds) the project root; choose another --out, e.g. public".into(),
        ));
    }
    if out_abs.starts_with(&content_abs) {
        return Err(refuse(
            "it lies inside the content folder; choose a folder outside it, e.g. public".into(),
        ));
    }
    if out.is_file() {
        return Err(refuse("it is a file".into()));
    }
    if !out.is_dir() {
        return Ok(());
    }
    match fs::read_to_string(out.join(MARKER)) {
        Ok(marker) => match marker_audience(&marker) {
            Some(found) if found != audience => Err(refuse(format!(
                "it holds the {} site, and this build is for the {}; build each into its own folder (the participants' site goes to public-network/ by default)",
                audience_name(found),
                audience_name(audience)
            ))),
            _ => Ok(()),
        },
        Err(_) => {
            let mut entries = fs::read_dir(out).map_err(|source| Error::Io {
                path: out.to_path_buf(),
                source,
            })?;
            match entries.next() {
                Some(_) => Err(refuse(
                    "it is not empty and was not made by oogst; empty it or choose another --out"
                        .into(),
                )),
                None => Ok(()),
            }
        }
    }
}

fn audience_name(audience: Audience) -> &'static str {
    match audience {
        Visibility::Public => "public",
        Visibility::Network => "participants' (--audience network)",
    }
}

/// Replaces the contents of `out` (after [`check_output_dir`]) with
/// `files`, atomically: the new site is staged beside `out` and swapped in
/// whole. Only one build writes a folder at a time.
pub fn write(out: &Path, files: &[OutputFile], audience: Audience) -> Result<WriteReport, Error> {
    let writer = Writer::begin(out, audience)?;
    for file in files {
        writer.put(file.clone())?;
    }
    writer.finish()
}

fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `files` into a zip archive at `zip`, each below the folder
/// `prefix/`, in path order. Written beside and renamed, so a failed write
/// leaves no half archive.
pub fn write_zip(
    zip: &Path,
    prefix: &str,
    files: &[OutputFile],
    modified: zip::DateTime,
) -> Result<u64, Error> {
    let err = |source| Error::Write {
        path: zip.to_path_buf(),
        source,
    };
    let zip_err = |e: zip::result::ZipError| err(std::io::Error::other(e));
    let temp = zip.with_extension("zip.oogst-tmp");
    let result = (|| {
        let mut writer = zip::ZipWriter::new(fs::File::create(&temp).map_err(err)?);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(modified);
        let mut sorted: Vec<&OutputFile> = files.iter().collect();
        sorted.sort_by(|a, b| a.path.cmp(&b.path));
        for file in sorted {
            writer
                .start_file(format!("{prefix}/{}", file.path), options)
                .map_err(zip_err)?;
            match &file.data {
                FileData::Bytes(bytes) => {
                    std::io::Write::write_all(&mut writer, bytes).map_err(err)?
                }
                FileData::Copy(source) => {
                    let mut input = fs::File::open(source).map_err(|e| Error::Io {
                        path: source.clone(),
                        source: e,
                    })?;
                    std::io::copy(&mut input, &mut writer).map_err(err)?;
                }
            }
        }
        writer.finish().map_err(zip_err)?;
        fs::rename(&temp, zip).map_err(err)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    Ok(fs::metadata(zip).map_err(err)?.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            data: FileData::Bytes(text.as_bytes().to_vec()),
        }
    }

    /// `oogst check` keeps no file, but refuses what the writer refuses.
    #[test]
    fn discarding_refuses_what_the_writer_refuses() {
        let discard = Discard::new(Path::new("public"));
        discard.put(bytes("a/index.html", "A")).unwrap();
        for (path, problem) in [
            ("a/index.html", "two files of the site have this path"),
            ("../x.html", "leaves the output folder"),
            (MARKER, "leaves the output folder"),
        ] {
            let error = discard.put(bytes(path, "B")).unwrap_err();
            let cause = std::error::Error::source(&error).unwrap().to_string();
            assert!(cause.contains(problem), "{path}: {cause}");
        }
    }

    #[test]
    fn writes_skips_unchanged_and_removes_stale() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = write(
            &out,
            &[bytes("a/index.html", "A"), bytes("b/index.html", "B")],
            Visibility::Public,
        )
        .unwrap();
        assert_eq!(
            first,
            WriteReport {
                written: 2,
                unchanged: 0,
                removed: 0
            }
        );
        let second = write(
            &out,
            &[bytes("a/index.html", "A"), bytes("c.html", "C")],
            Visibility::Public,
        )
        .unwrap();
        assert_eq!(
            second,
            WriteReport {
                written: 1,
                unchanged: 1,
                removed: 1
            }
        );
        assert!(!out.join("b").exists(), "the stale file's folder is gone");
        assert_eq!(
            marker_audience(&fs::read_to_string(out.join(MARKER)).unwrap()),
            Some(Visibility::Public)
        );
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["public"], "no staging folder or lock is left");
    }

    #[test]
    fn an_unchanged_file_keeps_its_inode_and_time() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&out, &[bytes("a.html", "A")], Visibility::Public).unwrap();
        let before = fs::metadata(out.join("a.html")).unwrap();
        write(&out, &[bytes("a.html", "A")], Visibility::Public).unwrap();
        let after = fs::metadata(out.join("a.html")).unwrap();
        assert_eq!(before.ino(), after.ino());
        assert_eq!(before.modified().unwrap(), after.modified().unwrap());
    }

    #[test]
    fn a_replaced_copy_of_the_same_size_and_older_time_is_copied() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("bijlage.pdf");
        let out = dir.path().join("public");
        fs::write(&source, "versie-1").unwrap();
        let copy = OutputFile {
            path: "bijlage.pdf".into(),
            data: FileData::Copy(source.clone()),
        };
        write(&out, std::slice::from_ref(&copy), Visibility::Public).unwrap();
        fs::write(&source, "versie-2").unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        fs::File::options()
            .write(true)
            .open(&source)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let report = write(&out, &[copy], Visibility::Public).unwrap();
        assert_eq!(report.written, 1);
        assert_eq!(
            fs::read_to_string(out.join("bijlage.pdf")).unwrap(),
            "versie-2"
        );
    }

    #[test]
    fn refuses_dangerous_output_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let content = root.join("content");
        let public = Visibility::Public;
        fs::create_dir_all(content.join("net")).unwrap();
        assert!(check_output_dir(&content, root, &content, public).is_err());
        assert!(check_output_dir(root, root, &content, public).is_err());
        assert!(check_output_dir(&content.join("net/out"), root, &content, public).is_err());
        let foreign = root.join("docs");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("keep.txt"), "mine").unwrap();
        let err = check_output_dir(&foreign, root, &content, public).unwrap_err();
        assert!(err.to_string().contains("not made by oogst"), "{err}");
        assert!(check_output_dir(&root.join("public"), root, &content, public).is_ok());
    }

    #[test]
    fn refuses_to_mix_audiences_in_one_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&out, &[bytes("a.html", "A")], Visibility::Network).unwrap();
        let content = dir.path().join("content");
        let err = check_output_dir(&out, dir.path(), &content, Visibility::Public).unwrap_err();
        assert!(
            err.to_string().contains("it holds the participants'"),
            "{err}"
        );
        assert!(check_output_dir(&out, dir.path(), &content, Visibility::Network).is_ok());
    }

    #[test]
    fn rejects_paths_that_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        assert!(write(&out, &[bytes("../x.html", "X")], Visibility::Public).is_err());
        assert!(!dir.path().join("x.html").exists());
    }
}
