//! Extraction never fails on real news: every document of the shared corpora
//! (read at run time from ../shared/corpora, never copied into the repo) goes
//! through `try_extract` without an internal error. Guards against rules that
//! slice text at a wrong offset, the way a coordination of overlapping
//! mentions once did on a Reuters story.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use parley::{Document, Extractor};

fn corpus(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(path)
}

fn check_jsonl(path: &str, text_fields: &[&str]) -> usize {
    let extractor = Extractor::new().unwrap();
    let file = std::fs::File::open(corpus(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let text: Vec<&str> = text_fields
            .iter()
            .filter_map(|f| value.get(*f).and_then(|v| v.as_str()))
            .collect();
        let doc = Document {
            id: format!("{path}:{}", i + 1),
            text: text.join("\n"),
            date: None,
            title: None,
            url: None,
        };
        n += 1;
        if let Err(e) = extractor.try_extract(&doc) {
            failures.push(e.to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} documents failed, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    n
}

#[test]
fn every_reuters_story_extracts_without_internal_error() {
    assert!(check_jsonl("reuters21578/reuters21578.jsonl", &["title", "dateline", "body"]) > 20_000);
}

#[test]
fn every_bbc_article_extracts_without_internal_error() {
    assert!(check_jsonl("bbc/bbc_articles.jsonl", &["title", "text"]) > 2_000);
}
