//! The record of what was pushed where: for one endpoint, the SHA-256 of
//! each graph's body as last sent and accepted.
//!
//! It lives in the store directory (`push/<key>.tsv`, the key a hash of the
//! endpoint URL), so it travels with the store and RocksDB leaves it alone
//! (RocksDB only touches the files it named). It is an append-only log while a
//! push runs, one line per graph sent, written after each batch; the last line
//! of a graph wins, and a successful push rewrites it compactly. Losing it
//! costs only time: the next push sends everything again, and a `PUT` sent
//! twice changes nothing.
//!
//! File format: a comment line, `endpoint<TAB>URL`, then `HASH<TAB>GRAPH-IRI`
//! lines. A file for another endpoint (a key collision) or an unreadable line
//! is ignored rather than trusted.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::ParleyError;

/// The directory of push records inside a store directory.
pub const RECORD_DIR: &str = "push";

/// The SHA-256 of `body`, as lower-case hex.
pub(crate) fn content_hash(body: &[u8]) -> String {
    Sha256::digest(body).iter().map(|b| format!("{b:02x}")).collect()
}

/// What one endpoint was last sent, and the log new sends are appended to.
pub(crate) struct PushRecord {
    path: PathBuf,
    endpoint: String,
    sent: HashMap<String, String>,
    log: Option<BufWriter<File>>,
}

impl PushRecord {
    /// The record file of `endpoint` in the store directory `store_dir`.
    pub(crate) fn path(store_dir: &Path, endpoint: &str) -> PathBuf {
        let key = &content_hash(endpoint.as_bytes())[..16];
        store_dir.join(RECORD_DIR).join(format!("{key}.tsv"))
    }

    /// Reads the record of `endpoint` (empty when there is none yet).
    pub(crate) fn open(store_dir: &Path, endpoint: &str) -> Result<PushRecord, ParleyError> {
        let path = PushRecord::path(store_dir, endpoint);
        let mut sent = HashMap::new();
        match fs::read_to_string(&path) {
            Ok(text) => {
                let mut lines = text.lines().filter(|line| !line.starts_with('#'));
                let ours = lines.next().and_then(|line| line.strip_prefix("endpoint\t")) == Some(endpoint);
                if ours {
                    for line in lines {
                        if let Some((hash, graph)) = line.split_once('\t') {
                            if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && !graph.is_empty() {
                                sent.insert(graph.to_owned(), hash.to_owned());
                            }
                        }
                    }
                }
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(source) => return Err(ParleyError::PushRecord { path, source }),
        }
        Ok(PushRecord {
            path,
            endpoint: endpoint.to_owned(),
            sent,
            log: None,
        })
    }

    /// Graphs recorded.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.sent.len()
    }

    /// True when `graph` was last sent with exactly this content.
    pub(crate) fn is_current(&self, graph: &str, hash: &str) -> bool {
        self.sent.get(graph).is_some_and(|sent| sent == hash)
    }

    /// Records that `graphs` (IRI, hash) were accepted by the endpoint, in
    /// memory and at the end of the file.
    pub(crate) fn add(&mut self, graphs: &[(String, String)]) -> Result<(), ParleyError> {
        if graphs.is_empty() {
            return Ok(());
        }
        let error = |path: &Path, source| ParleyError::PushRecord {
            path: path.to_owned(),
            source,
        };
        if self.log.is_none() {
            // start from a compact file that names the endpoint, then append
            self.rewrite().map_err(|e| error(&self.path, e))?;
            let file = OpenOptions::new()
                .append(true)
                .open(&self.path)
                .map_err(|e| error(&self.path, e))?;
            self.log = Some(BufWriter::new(file));
        }
        let log = self.log.as_mut().expect("opened above");
        for (graph, hash) in graphs {
            writeln!(log, "{hash}\t{graph}").map_err(|e| error(&self.path, e))?;
            self.sent.insert(graph.clone(), hash.clone());
        }
        log.flush().map_err(|e| error(&self.path, e))
    }

    /// Rewrites the file with one line per graph (after a push that got to
    /// the end), through a temporary file renamed over it.
    pub(crate) fn compact(mut self) -> Result<(), ParleyError> {
        if self.log.take().is_none() {
            return Ok(()); // nothing was appended
        }
        self.rewrite().map_err(|source| ParleyError::PushRecord {
            path: self.path.clone(),
            source,
        })
    }

    fn rewrite(&self) -> io::Result<()> {
        let dir = self.path.parent().expect("the record is in a directory");
        fs::create_dir_all(dir)?;
        let temporary = self.path.with_extension("tsv.tmp");
        let mut out = BufWriter::new(File::create(&temporary)?);
        writeln!(
            out,
            "# parley push: SHA-256 of each graph's N-Triples as last accepted by this endpoint"
        )?;
        writeln!(out, "endpoint\t{}", self.endpoint)?;
        let mut graphs: Vec<(&String, &String)> = self.sent.iter().collect();
        graphs.sort();
        for (graph, hash) in graphs {
            writeln!(out, "{hash}\t{graph}")?;
        }
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&temporary, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(graph: &str, body: &str) -> (String, String) {
        (graph.to_owned(), content_hash(body.as_bytes()))
    }

    #[test]
    fn what_was_added_is_current_after_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let mut record = PushRecord::open(dir.path(), "http://a/store").unwrap();
        assert_eq!(record.len(), 0);
        record.add(&[entry("urn:g1", "one"), entry("urn:g2", "two")]).unwrap();
        record.add(&[entry("urn:g1", "one, changed")]).unwrap();
        // the log holds both lines of g1; the last one wins on reading
        let reread = PushRecord::open(dir.path(), "http://a/store").unwrap();
        assert!(reread.is_current("urn:g1", &content_hash(b"one, changed")));
        assert!(!reread.is_current("urn:g1", &content_hash(b"one")));
        assert!(reread.is_current("urn:g2", &content_hash(b"two")));
        assert!(!reread.is_current("urn:g3", &content_hash(b"two")));
        record.compact().unwrap();
        let text = fs::read_to_string(PushRecord::path(dir.path(), "http://a/store")).unwrap();
        assert_eq!(
            text.lines().count(),
            4,
            "comment, endpoint, one line per graph:\n{text}"
        );
        let compacted = PushRecord::open(dir.path(), "http://a/store").unwrap();
        assert_eq!(compacted.len(), 2);
        assert!(compacted.is_current("urn:g1", &content_hash(b"one, changed")));
    }

    #[test]
    fn each_endpoint_has_its_own_record() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = PushRecord::open(dir.path(), "http://a/store").unwrap();
        a.add(&[entry("urn:g1", "one")]).unwrap();
        let b = PushRecord::open(dir.path(), "http://b/store").unwrap();
        assert!(!b.is_current("urn:g1", &content_hash(b"one")));
        assert_ne!(
            PushRecord::path(dir.path(), "http://a/store"),
            PushRecord::path(dir.path(), "http://b/store")
        );
    }

    #[test]
    fn a_file_naming_another_endpoint_or_torn_lines_are_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let path = PushRecord::path(dir.path(), "http://a/store");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let hash = content_hash(b"one");
        fs::write(&path, format!("endpoint\thttp://other/store\n{hash}\turn:g1\n")).unwrap();
        assert_eq!(PushRecord::open(dir.path(), "http://a/store").unwrap().len(), 0);
        // a line cut short by a crash, and one with a bad hash
        fs::write(
            &path,
            format!(
                "endpoint\thttp://a/store\n{hash}\turn:g1\n{}\n12zz\turn:g3\n",
                &hash[..20]
            ),
        )
        .unwrap();
        let record = PushRecord::open(dir.path(), "http://a/store").unwrap();
        assert_eq!(record.len(), 1);
        assert!(record.is_current("urn:g1", &hash));
    }

    #[test]
    fn an_unreadable_record_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = PushRecord::path(dir.path(), "http://a/store");
        // a directory where the file should be
        fs::create_dir_all(&path).unwrap();
        let error = PushRecord::open(dir.path(), "http://a/store")
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains(&path.display().to_string()), "{error}");
    }
}
