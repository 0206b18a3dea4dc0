//! The shape the code keeps so that a newcomer can read it: no source file
//! over 900 lines, no function over 150, and an ARCHITECTURE.md whose code
//! map names every source file and no file that is gone.
//!
//! These read the sources as text. Functions are measured from the line that
//! opens them to the line that closes them at the same indentation, which is
//! how `cargo fmt` (checked in CI) lays every function out.

use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 900;
const MAX_FUNCTION_LINES: usize = 150;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted, as paths relative to the crate root.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join(dir), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| p.strip_prefix(root()).unwrap().to_path_buf())
        .collect()
}

/// (name, first line, length) of each function in `source` (lines 1-based).
fn functions(source: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let mut words = body.split_whitespace().peekable();
        // qualifiers that may come before `fn`
        while let Some(word) = words.peek() {
            if word.starts_with("pub") || matches!(*word, "const" | "async" | "unsafe" | "extern" | "\"C\"") {
                words.next();
            } else {
                break;
            }
        }
        if words.next() != Some("fn") {
            continue;
        }
        let Some(name) = words.next().map(|w| w.split(['(', '<']).next().unwrap_or(w)) else {
            continue;
        };
        // a declaration without a body (in a trait) has no closing brace
        if line.ends_with(';') {
            continue;
        }
        let closing = format!("{indent}}}");
        let Some(end) = lines[i..].iter().position(|l| *l == closing) else {
            continue;
        };
        found.push((name.to_string(), i + 1, end + 1));
    }
    found
}

#[test]
fn no_source_file_is_over_900_lines() {
    let too_long: Vec<String> = rust_files("src")
        .iter()
        .filter_map(|path| {
            let lines = fs::read_to_string(root().join(path)).unwrap().lines().count();
            (lines > MAX_FILE_LINES).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(too_long.is_empty(), "over {MAX_FILE_LINES} lines: {too_long:?}");
}

#[test]
fn no_function_is_over_150_lines() {
    let mut too_long = Vec::new();
    for path in rust_files("src") {
        let source = fs::read_to_string(root().join(&path)).unwrap();
        for (name, line, length) in functions(&source) {
            if length > MAX_FUNCTION_LINES {
                too_long.push(format!("{}:{line} {name} ({length} lines)", path.display()));
            }
        }
    }
    assert!(too_long.is_empty(), "over {MAX_FUNCTION_LINES} lines: {too_long:?}");
}

#[test]
fn the_function_measure_counts_a_function_to_its_closing_brace() {
    let source = "fn a() {\n    x();\n}\n\nimpl T {\n    pub(crate) fn b(&self) -> u8 {\n        if c {\n        }\n        1\n    }\n}\n";
    assert_eq!(
        functions(source),
        vec![("a".to_string(), 1, 3), ("b".to_string(), 6, 5)]
    );
}

/// The words of ARCHITECTURE.md set in backticks.
fn architecture_code_words() -> Vec<String> {
    let text = fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    text.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

#[test]
fn the_code_map_names_every_source_file() {
    let words = architecture_code_words();
    let named = |path: &Path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        if name == "mod.rs" {
            // a module directory is named as `dir/`, or by its path
            let dir = path.parent().unwrap().file_name().unwrap().to_str().unwrap();
            words
                .iter()
                .any(|w| w.ends_with(&format!("{dir}/")) || w.ends_with(&format!("{dir}/mod.rs")))
        } else {
            words.iter().any(|w| w == name || w.ends_with(&format!("/{name}")))
        }
    };
    let missing: Vec<String> = rust_files("src")
        .iter()
        .filter(|p| !named(p))
        .map(|p| p.display().to_string())
        .collect();
    assert!(missing.is_empty(), "not in ARCHITECTURE.md's code map: {missing:?}");
}

#[test]
fn the_code_map_names_no_file_that_is_gone() {
    let mut all: Vec<PathBuf> = Vec::new();
    for dir in ["src", "tests", "benches", "examples"] {
        if root().join(dir).is_dir() {
            all.extend(rust_files(dir));
        }
    }
    all.push(PathBuf::from("build.rs"));
    let gone: Vec<String> = architecture_code_words()
        .into_iter()
        .filter(|w| w.ends_with(".rs") && !w.contains(' '))
        .filter(|w| !all.iter().any(|p| p.ends_with(w)))
        .collect();
    assert!(
        gone.is_empty(),
        "ARCHITECTURE.md names files that do not exist: {gone:?}"
    );
}
