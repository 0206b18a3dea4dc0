//! Fingerprints the data files under `ontology/` (rules, gazetteers, word
//! lists, all embedded in the binary) as `PARLEY_DATA_HASH`, so that a store
//! can tell whether a document was extracted with the same rules: `parley
//! build` skips a stored document only when its text, metadata and this
//! fingerprint are unchanged.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=ontology");
    let mut paths = Vec::new();
    files(Path::new("ontology"), &mut paths);
    paths.sort();
    // SipHash with fixed keys: the same files give the same value in every
    // build by one compiler, which is all a fingerprint of the binary needs
    let mut hasher = DefaultHasher::new();
    for path in &paths {
        hasher.write(path.to_string_lossy().as_bytes());
        hasher.write(&fs::read(path).unwrap_or_default());
    }
    println!("cargo:rustc-env=PARLEY_DATA_HASH={:016x}", hasher.finish());
}
