//! `parley build` from N-Quads shards and `parley events`, end to end on the
//! example articles (`examples/articles.jsonl`, written for Parley).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles.jsonl");

fn parley(args: &[&str]) -> (i32, Vec<u8>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_parley")).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        output.stdout,
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn ok(args: &[&str]) -> Vec<u8> {
    let (code, stdout, stderr) = parley(args);
    assert_eq!(code, 0, "parley {args:?}: {stderr}");
    stdout
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn store(dir: &TempDir, name: &str, inputs: &[&str]) -> PathBuf {
    let path = dir.path().join(name);
    let mut args = vec!["build"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["--store", p(&path), "-q"]);
    ok(&args);
    path
}

fn export(store: &Path) -> Vec<u8> {
    ok(&["export", "--store", p(store)])
}

#[test]
fn a_store_built_from_shards_equals_one_built_from_the_documents() {
    let dir = TempDir::new().unwrap();
    let nquads = ok(&["extract", ARTICLES, "--format", "nquads"]);
    // two shards, one plain and one gzipped, in a directory with Spark's marker file
    let lines: Vec<&[u8]> = nquads.split_inclusive(|b| *b == b'\n').collect();
    let half = lines.len() / 2;
    // cut between graphs, as the shards of the Spark job are
    let graph = |line: &[u8]| line.rsplit(|b| *b == b' ').nth(1).map(<[u8]>::to_vec);
    let cut = (half..lines.len())
        .find(|i| graph(lines[*i]) != graph(lines[i - 1]))
        .unwrap();
    let shards = dir.path().join("nquads");
    fs::create_dir(&shards).unwrap();
    fs::write(shards.join("part-00000.nq"), lines[..cut].concat()).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&lines[cut..].concat()).unwrap();
    fs::write(shards.join("part-00001.nq.gz"), gz.finish().unwrap()).unwrap();
    fs::write(shards.join("_SUCCESS"), "").unwrap();

    let from_text = store(&dir, "text.store", &[ARTICLES]);
    let from_shards = store(&dir, "shards.store", &[p(&shards)]);
    let expected = export(&from_text);
    assert!(!expected.is_empty());
    assert_eq!(export(&from_shards), expected);
    // the bulk loader gives the same store as transactions
    let bulk = dir.path().join("bulk.store");
    ok(&["build", p(&shards), "--store", p(&bulk), "--loader", "bulk", "-q"]);
    assert_eq!(export(&bulk), expected);
    // building the shards again replaces each graph: nothing is duplicated
    ok(&["build", p(&shards), "--store", p(&from_shards), "-q"]);
    assert_eq!(export(&from_shards), expected);
}

#[test]
fn a_bad_shard_line_costs_only_its_graph() {
    let dir = TempDir::new().unwrap();
    let nquads = String::from_utf8(ok(&["extract", ARTICLES, "--format", "nquads"])).unwrap();
    let first_graph = nquads.lines().next().unwrap().rsplit(' ').nth(1).unwrap().to_owned();
    // break one line of the first document's graph
    let broken = nquads.replacen(" .\n", " oops .\n", 1);
    let shard = dir.path().join("broken.nq");
    fs::write(&shard, broken).unwrap();
    let store = dir.path().join("s.store");
    let (code, stdout, stderr) = parley(&["build", p(&shard), "--store", p(&store), "-q"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("parley: {}:1: invalid N-Quads", p(&shard))),
        "{stderr}"
    );
    let summary = String::from_utf8(stdout).unwrap();
    let line = |words: &[&str]| summary.lines().any(|l| l.split_whitespace().eq(words.iter().copied()));
    assert!(line(&["documents", "added", "4"]), "{summary}");
    assert!(line(&["documents", "skipped", "1"]), "{summary}");
    let exported = String::from_utf8(export(&store)).unwrap();
    assert!(!exported.contains(&first_graph));
}

/// The rows an event gives, from the extraction JSON: the source and target
/// roles of each kind, as docs/events.md states them.
fn expected_rows(event: &serde_json::Value) -> usize {
    let agents = |role: &str| {
        event["agents"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["role"] == role)
            .count()
    };
    let at_least_one = |n: usize| n.max(1);
    match event["type"].as_str().unwrap() {
        "Demand" => at_least_one(agents("demandedBy")) * at_least_one(agents("demandedOf")),
        "Threat" => at_least_one(agents("threatenedBy")) * at_least_one(agents("threatTarget")),
        "Meeting" => at_least_one(agents("participant") * agents("participant").saturating_sub(1) / 2),
        "Agreement" => at_least_one(agents("party") * agents("party").saturating_sub(1) / 2),
        "Statement" => at_least_one(agents("speaker")),
        "Claim" => at_least_one(agents("claimant")),
        other => panic!("unknown kind {other}"),
    }
}

#[test]
fn events_give_one_row_per_event_and_agent_pair() {
    let dir = TempDir::new().unwrap();
    let store = store(&dir, "s.store", &[ARTICLES]);
    let mentions = String::from_utf8(ok(&["extract", ARTICLES, "--format", "mentions"])).unwrap();
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for line in mentions.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        for event in value["events"].as_array().unwrap() {
            expected.insert(event["event"].as_str().unwrap().to_owned(), expected_rows(event));
        }
    }
    let table = String::from_utf8(ok(&["events", "--store", p(&store), "--format", "jsonl"])).unwrap();
    let mut rows: BTreeMap<String, usize> = BTreeMap::new();
    let mut pairs = BTreeSet::new();
    for line in table.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        *rows.entry(row["event_id"].as_str().unwrap().to_owned()).or_default() += 1;
        let pair = (
            row["event_id"].to_string(),
            row["source_iri"].to_string(),
            row["target_iri"].to_string(),
        );
        assert!(pairs.insert(pair), "a pair twice: {line}");
        assert!(row["document_id"].is_string() && row["evidence"].is_string());
    }
    assert!(!expected.is_empty());
    assert_eq!(rows, expected);

    // the other formats hold the same rows
    let tsv = String::from_utf8(ok(&["events", "--store", p(&store), "--format", "tsv"])).unwrap();
    assert_eq!(tsv.lines().count(), table.lines().count() + 1);
    let parquet = dir.path().join("events.parquet");
    ok(&[
        "events",
        "--store",
        p(&store),
        "--format",
        "parquet",
        "--output",
        p(&parquet),
    ]);
    let bytes = fs::read(&parquet).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
}

#[test]
fn events_of_a_missing_store_is_a_one_line_error() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nothing.store");
    let (code, _, stderr) = parley(&["events", "--store", p(&missing)]);
    assert_eq!(code, 2);
    assert_eq!(stderr.trim_end(), format!("parley: {}: no such store", p(&missing)));
}
