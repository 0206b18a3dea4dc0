//! End-to-end tests of `parley explain`, on a store built from a sentence
//! written here.

use std::fs;

use assert_cmd::Command;
use tempfile::TempDir;

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let output = parley().args(args).output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

const TEXT: &str = "Kenya and Norway held talks in Nairobi on Tuesday.\n";

/// A store holding the document `talks` (the sentence above, dated
/// 2026-03-11), and the store's path.
fn store() -> (TempDir, String) {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("talks.txt");
    fs::write(&input, TEXT).unwrap();
    let store = dir.path().join("s.store").to_str().unwrap().to_owned();
    let built = run(&[
        "build",
        input.to_str().unwrap(),
        "--store",
        &store,
        "--date",
        "2026-03-11",
    ]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    (dir, store)
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn explains_an_event_with_its_rule_offsets_and_document() {
    let (_dir, store) = store();
    // The meeting's IRI, as the store has it.
    let found = run(&[
        "query",
        "--store",
        &store,
        "--format",
        "tsv",
        "SELECT ?m WHERE { ?m a <https://w3id.org/parley/ontology#Meeting> }",
    ]);
    let iri = found.stdout.lines().nth(1).expect("one meeting").trim().to_owned();
    let iri = iri.trim_start_matches('<').trim_end_matches('>').to_owned();
    let local = iri
        .strip_prefix("https://w3id.org/parley/id/event/")
        .unwrap()
        .to_owned();
    assert!(local.starts_with("talks/meeting-"), "{local}");

    // Full IRI, <IRI> and event:DOC/... all name the same node.
    let full = run(&["explain", "--store", &store, &iri]);
    assert_eq!(full.code, 0, "{}", full.stderr);
    let bracketed = run(&["explain", "--store", &store, &format!("<{iri}>")]);
    let prefixed = run(&["explain", "--store", &store, &format!("event:{local}")]);
    assert_eq!(full.stdout, bracketed.stdout);
    assert_eq!(full.stdout, prefixed.stdout);

    let out = lines(&full.stdout);
    assert_eq!(out[0], format!("event:{local}"));
    for expected in [
        "type: Meeting",
        "participant: Kenya (state:KEN)",
        "participant: Norway (state:NOR)",
        "location: Nairobi (place:nairobi)",
        "status: Held",
        "date: 2026-03-10",
        "Evidence",
        "document: talks",
        "offsets: 0-50",
        "rule: meeting.verb.met",
        "sentence: Kenya and Norway held talks in Nairobi on Tuesday.",
    ] {
        assert!(out.contains(&expected), "{expected:?} not in\n{}", full.stdout);
    }
    // Evidence comes after the properties.
    let evidence = out.iter().position(|l| *l == "Evidence").unwrap();
    assert!(out.iter().position(|l| *l == "status: Held").unwrap() < evidence);
    assert!(out.iter().position(|l| *l == "rule: meeting.verb.met").unwrap() > evidence);
}

#[test]
fn explains_an_entity_with_its_documents_and_events() {
    let (_dir, store) = store();
    let run = run(&["explain", "--store", &store, "state:KEN"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = lines(&run.stdout);
    for expected in [
        "state:KEN",
        "type: State",
        "label: Kenya",
        "ISO code: KEN",
        "Wikidata: <http://www.wikidata.org/entity/Q114>",
        "Mentioned in",
        "talks: 1 mention",
        "Events",
    ] {
        assert!(out.contains(&expected), "{expected:?} not in\n{}", run.stdout);
    }
    let event = out.last().unwrap();
    assert!(event.starts_with("event:talks/meeting-"), "{event}");
    assert!(
        event.ends_with(": Meeting, participant, rule meeting.verb.met, document talks"),
        "{event}"
    );
}

#[test]
fn place_shows_the_state_it_lies_in() {
    let (_dir, store) = store();
    let run = run(&["explain", "--store", &store, "https://w3id.org/parley/id/place/nairobi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        lines(&run.stdout).contains(&"located in: Kenya (state:KEN)"),
        "{}",
        run.stdout
    );
}

#[test]
fn unknown_node_is_a_one_line_error() {
    let (_dir, store) = store();
    for (node, named) in [
        ("state:XYZ", "state:XYZ"),
        ("nope:thing", "nope"),
        ("event:talks/meeting-99", "event:talks/meeting-99"),
    ] {
        let run = run(&["explain", "--store", &store, node]);
        assert_eq!(run.code, 1, "{node}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{node}: {}", run.stdout);
        let errors = lines(&run.stderr);
        assert_eq!(errors.len(), 1, "{:?}", run.stderr);
        assert!(
            errors[0].starts_with("parley: ") && errors[0].contains(named),
            "{}",
            errors[0]
        );
    }
}

#[test]
fn help_has_an_example() {
    let help = run(&["explain", "--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.contains("Examples:\n  parley explain --store"),
        "{}",
        help.stdout
    );
}
