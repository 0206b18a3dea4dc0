//! End-to-end tests of the `parley` command line.
//!
//! The texts are written here, not taken from a corpus, and the assertions
//! hold for any correct extractor (the document node always exists, errors
//! are one line, ...): extraction quality is tested elsewhere.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad, Triple};
use tempfile::TempDir;

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, content).unwrap();
    path
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    run_with_stdin(args, "")
}

fn run_with_stdin(args: &[&str], stdin: &str) -> Run {
    let output = parley().args(args).write_stdin(stdin).output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The error contract: non-zero status, exactly one line on stderr that
/// starts with `parley: ` and contains every `expected` piece, no panic.
fn assert_one_line_error(run: &Run, expected: &[&str]) {
    assert_ne!(run.code, 0, "stderr: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "stderr: {:?}", run.stderr);
    assert!(lines[0].starts_with("parley: "), "{}", lines[0]);
    for piece in expected {
        assert!(lines[0].contains(piece), "{:?} not in {:?}", piece, lines[0]);
    }
}

const GOOD: &str = "Russian and Ukrainian delegations met in Istanbul on Friday.\n";

#[test]
fn help_of_every_subcommand() {
    let top = run(&["--help"]);
    assert_eq!(top.code, 0);
    assert!(top.stdout.contains("Exit status"));
    for sub in ["extract", "build", "query", "export", "stats", "entities"] {
        let help = run(&[sub, "--help"]);
        assert_eq!(help.code, 0, "{sub}: {}", help.stderr);
        assert!(help.stdout.contains("Usage: parley "), "{sub}");
        assert!(help.stdout.contains("Example"), "{sub} help has no example");
    }
}

#[test]
fn usage_errors_exit_1() {
    let bad_date = run(&["extract", "--date", "2025-13-01", "x.txt"]);
    assert_eq!(bad_date.code, 1);
    assert!(bad_date.stderr.contains("bad date \"2025-13-01\", expected YYYY-MM-DD"));
    let no_store = run(&["build", "x.txt"]);
    assert_eq!(no_store.code, 1);
}

#[test]
fn every_bad_input_is_one_line_naming_the_file() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let empty_dir = d.join("nothing");
    fs::create_dir(&empty_dir).unwrap();
    write(&empty_dir, "notes.md", "not an input");
    let missing = d.join("x.txt");
    let cases: Vec<(PathBuf, Vec<String>)> = vec![
        (missing.clone(), vec![format!("no such file: {}", p(&missing))]),
        (
            empty_dir.clone(),
            vec![p(&empty_dir).into(), "no .txt or .jsonl".into()],
        ),
        (write(d, "a.pdf", "text"), vec!["a.pdf".into(), "unsupported".into()]),
        (
            write(d, "latin1.txt", b"caf\xe9 talks"),
            vec!["latin1.txt: not valid UTF-8 at byte 3".into()],
        ),
        (write(d, "bin.txt", b"ab\0cd"), vec!["bin.txt".into(), "binary".into()]),
        (write(d, "empty.txt", ""), vec!["empty.txt".into(), "empty".into()]),
        (
            write(d, "blank.txt", " \n\t\r\n"),
            vec!["blank.txt".into(), "empty".into()],
        ),
        (
            write(d, "empty.jsonl", "\n\n"),
            vec!["empty.jsonl".into(), "empty".into()],
        ),
        (
            write(
                d,
                "json.jsonl",
                "{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\": \"b\", \"text\": \n",
            ),
            vec!["json.jsonl:2: invalid JSON: ".into()],
        ),
        (
            write(d, "noid.jsonl", "{\"text\":\"A.\"}\n"),
            vec!["noid.jsonl:1: missing \"id\"".into()],
        ),
        (
            write(d, "notext.jsonl", "{\"id\":\"a\"}\n"),
            vec!["notext.jsonl:1: missing \"text\"".into()],
        ),
        (
            write(d, "numid.jsonl", "{\"id\":7,\"text\":\"A.\"}\n"),
            vec!["numid.jsonl:1: \"id\" must be a string".into()],
        ),
        (
            write(d, "blanktext.jsonl", "{\"id\":\"a\",\"text\":\"  \"}\n"),
            vec!["blanktext.jsonl:1: empty document".into()],
        ),
        (
            write(d, "array.jsonl", "[1]\n"),
            vec!["array.jsonl:1: expected a JSON object".into()],
        ),
        (
            write(
                d,
                "date.jsonl",
                "\n{\"id\":\"a\",\"text\":\"A.\",\"date\":\"2025-13-01\"}\n",
            ),
            vec!["date.jsonl:2: bad date \"2025-13-01\", expected YYYY-MM-DD".into()],
        ),
        (
            write(
                d,
                "dup.jsonl",
                "{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":\"a\",\"text\":\"B.\"}\n",
            ),
            vec!["dup.jsonl:2: duplicate document id \"a\"".into(), "dup.jsonl:1".into()],
        ),
        (
            write(
                d,
                "badline.jsonl",
                b"{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":\"b\",\"text\":\"\xff\"}\n",
            ),
            vec!["badline.jsonl:2: not valid UTF-8 at byte 41".into()],
        ),
    ];
    for (path, expected) in &cases {
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        let result = run(&["extract", p(path)]);
        assert_eq!(result.code, 1, "{}: {}", p(path), result.stderr);
        assert_one_line_error(&result, &expected);
        // what is written is whole: the good documents of the input, if any
        parse(RdfFormat::Turtle, &result.stdout);
    }
    // A duplicate id across two files names both.
    let other = d.join("other");
    fs::create_dir(&other).unwrap();
    let first = write(d, "same.txt", GOOD);
    let second = write(&other, "same.txt", GOOD);
    let result = run(&["extract", p(&first), p(&second)]);
    assert_one_line_error(&result, &[p(&second), "duplicate document id \"same\"", p(&first)]);
}

#[test]
fn extract_writes_the_good_documents_and_reports_the_bad_ones() {
    let dir = TempDir::new().unwrap();
    let input = write(
        dir.path(),
        "mixed.jsonl",
        "{\"id\":\"one\",\"text\":\"Ghana met Togo in Accra.\"}\n{\"id\": 2}\n{\"id\":\"three\",\"text\":\"Peru met Chile.\"}\n",
    );
    let result = run(&["extract", p(&input), "--format", "nquads"]);
    assert_eq!(result.code, 1);
    assert_one_line_error(&result, &["mixed.jsonl:2", "\"id\" must be a string"]);
    let graphs: BTreeSet<String> = parse(RdfFormat::NQuads, &result.stdout)
        .into_iter()
        .map(|quad| quad.graph_name.to_string())
        .collect();
    let expected: BTreeSet<String> = ["one", "three"].iter().map(|id| format!("<{DOC}{id}>")).collect();
    assert_eq!(graphs, expected);
}

#[test]
fn extract_output_does_not_depend_on_the_number_of_jobs() {
    let dir = TempDir::new().unwrap();
    let lines: String = (0..1200)
        .map(|i| {
            format!(
                "{{\"id\":\"d{i}\",\"text\":\"Foreign Minister Ana Ruiz of Peru met her Chilean counterpart in Lima on day {i}. Peru demanded talks.\"}}\n"
            )
        })
        .collect();
    let input = write(dir.path(), "many.jsonl", lines);
    let one = run(&["extract", p(&input), "--format", "nquads", "--jobs", "1"]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    for jobs in ["2", "3"] {
        let many = run(&["extract", p(&input), "--format", "nquads", "--jobs", jobs]);
        assert_eq!(many.code, 0, "{}", many.stderr);
        assert!(
            one.stdout == many.stdout,
            "--jobs {jobs} wrote other output than --jobs 1"
        );
    }
    assert_eq!(
        parse(RdfFormat::NQuads, &one.stdout)
            .iter()
            .map(|q| q.graph_name.to_string())
            .collect::<BTreeSet<_>>()
            .len(),
        1200
    );
}

/// N-Quads output of `extract`, parsed.
fn extract_quads(args: &[&str], stdin: &str) -> Vec<Quad> {
    let mut all = vec!["extract", "--format", "nquads"];
    all.extend_from_slice(args);
    let result = run_with_stdin(&all, stdin);
    assert_eq!(result.code, 0, "{}", result.stderr);
    parse(RdfFormat::NQuads, &result.stdout)
}

fn parse(format: RdfFormat, text: &str) -> Vec<Quad> {
    RdfParser::from_format(format)
        .for_reader(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{format:?} does not parse: {e}\n{text}"))
}

const DOC: &str = "https://w3id.org/parley/id/doc/";
const DCTERMS_ID: &str = "http://purl.org/dc/terms/identifier";

#[test]
fn extract_document_node_in_its_own_graph() {
    let dir = TempDir::new().unwrap();
    // CRLF kept as is: 4 code points, not 3; a BOM is dropped.
    let file = write(dir.path(), "talks 1.txt", "\u{FEFF}a\r\nb");
    let quads = extract_quads(&[p(&file)], "");
    let graph = format!("<{DOC}talks%201>");
    assert!(quads.iter().all(|q| q.graph_name.to_string() == graph), "{quads:?}");
    let id = quads.iter().find(|q| q.predicate.as_str() == DCTERMS_ID).unwrap();
    assert_eq!(id.object.to_string(), "\"talks 1\"");
    assert!(quads.iter().any(|q| q.predicate.as_str().ends_with("#characterCount")
        && q.object.to_string() == "\"4\"^^<http://www.w3.org/2001/XMLSchema#integer>"));
    // Every event (if any) comes from this document.
    let derived: Vec<_> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == "http://www.w3.org/ns/prov#wasDerivedFrom")
        .collect();
    assert!(derived.iter().all(|q| q.object.to_string() == graph));
}

#[test]
fn extract_reads_stdin_by_default_and_jsonl_metadata() {
    let quads = extract_quads(&[], GOOD);
    assert!(quads
        .iter()
        .any(|q| q.predicate.as_str() == DCTERMS_ID && q.object.to_string() == "\"stdin\""));

    let dir = TempDir::new().unwrap();
    let jsonl = write(
        dir.path(),
        "news.jsonl",
        "{\"id\":\"n1\",\"text\":\"A.\",\"date\":\"2025-05-16\",\"title\":\"T\",\"url\":\"https://example.org/n1\",\"extra\":1}\n\n{\"id\":\"n2\",\"text\":\"B.\"}\n",
    );
    let quads = extract_quads(&["--date", "2024-01-02", p(&jsonl)], "");
    let date_of = |id: &str| {
        quads
            .iter()
            .find(|q| {
                q.subject.to_string() == format!("<{DOC}{id}>")
                    && q.predicate.as_str() == "http://purl.org/dc/terms/date"
            })
            .map(|q| q.object.to_string())
    };
    let xsd_date = "^^<http://www.w3.org/2001/XMLSchema#date>";
    assert_eq!(date_of("n1"), Some(format!("\"2025-05-16\"{xsd_date}")));
    assert_eq!(date_of("n2"), Some(format!("\"2024-01-02\"{xsd_date}")));
    assert!(quads.iter().any(|q| q.predicate.as_str() == "https://schema.org/url"));
}

#[test]
fn extract_turtle_parses_and_uses_prefixes() {
    let result = run_with_stdin(&["extract"], GOOD);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result
        .stdout
        .contains("@prefix parley: <https://w3id.org/parley/ontology#>"));
    let triples = parse(RdfFormat::Turtle, &result.stdout);
    assert!(triples.iter().any(|q| q.predicate.as_str() == DCTERMS_ID));
    assert!(triples.iter().all(|q| q.graph_name.is_default_graph()));
    assert!(!result.stdout.contains("_:"), "no blank nodes");
}

#[test]
fn extract_mentions_is_json_lines() {
    let dir = TempDir::new().unwrap();
    let jsonl = write(
        dir.path(),
        "m.jsonl",
        "{\"id\":\"m1\",\"text\":\"Zelensky met Erdogan in Ankara.\"}\n{\"id\":\"m2\",\"text\":\"NATO and Russia.\"}\n",
    );
    let result = run(&["extract", "--format", "mentions", p(&jsonl)]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, id) in lines.iter().zip(["m1", "m2"]) {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["id"], id);
        let mentions = value["mentions"].as_array().expect("mentions is an array");
        for mention in mentions {
            for key in ["start", "end", "text", "type", "entity"] {
                assert!(mention.get(key).is_some(), "{key} missing in {mention}");
            }
            assert!(mention["entity"]
                .as_str()
                .unwrap()
                .starts_with("https://w3id.org/parley/id/"));
        }
    }
}

/// The value of a `name  value` line of `build` or `stats` output.
fn field(output: &str, name: &str) -> usize {
    output
        .lines()
        .find_map(|line| line.strip_prefix(name).map(|rest| rest.trim()))
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("no {name:?} in {output}"))
}

#[test]
fn build_commits_good_documents_and_reports_bad_ones() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("news.store");
    let good = write(dir.path(), "good.txt", GOOD);
    let bad = write(
        dir.path(),
        "bad.jsonl",
        "{\"id\":\"ok\",\"text\":\"Talks.\"}\n{\"id\":\"x\"}\n",
    );
    let result = run(&["build", p(&good), p(&bad), "--store", p(&store)]);
    assert_eq!(result.code, 1, "a skipped document makes the status 1");
    assert_one_line_error(&result, &["bad.jsonl:2: missing \"text\""]);
    assert_eq!(field(&result.stdout, "documents added"), 2);
    assert_eq!(field(&result.stdout, "documents skipped"), 1);

    let stats = run(&["stats", "--store", p(&store)]);
    assert_eq!(stats.code, 0, "{}", stats.stderr);
    assert_eq!(field(&stats.stdout, "documents"), 2);

    let query = run(&[
        "query",
        "--store",
        p(&store),
        "PREFIX parley: <https://w3id.org/parley/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> \
         SELECT ?id WHERE { ?d a parley:Document ; dcterms:identifier ?id } ORDER BY ?id",
    ]);
    assert_eq!(query.code, 0, "{}", query.stderr);
    let lines: Vec<&str> = query.stdout.lines().collect();
    assert_eq!(lines, ["id", "----", "good", "ok", "2 rows"]);
}

#[test]
fn rebuilding_a_document_replaces_it() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("new").join("parents").join("s");
    let good = write(dir.path(), "good.txt", GOOD);
    let first = run(&["build", p(&good), "--store", p(&store)]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let second = run(&["build", p(&good), "--store", p(&store), "--force"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let written = field(&first.stdout, "quads written");
    assert!(written > 0);
    assert_eq!(field(&second.stdout, "quads written"), written);
    let stats = run(&["stats", "--store", p(&store)]);
    assert_eq!(
        field(&stats.stdout, "quads"),
        written,
        "the second build replaced the first"
    );
    assert_eq!(field(&stats.stdout, "quads"), field(&stats.stdout, "triples"));
}

/// Every quad of a store, as sorted N-Quads lines.
fn store_lines(store: &Path) -> Vec<String> {
    let export = run(&["export", "--store", p(store), "--format", "nquads"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    let mut lines: Vec<String> = export.stdout.lines().map(String::from).collect();
    lines.sort();
    lines
}

#[test]
fn bulk_and_transaction_loads_store_the_same_graphs() {
    let dir = TempDir::new().unwrap();
    let article = |i: usize| {
        format!(
            "{{\"id\":\"n{i}\",\"text\":\"President Ana Ruiz of Peru met Chile's foreign minister in Lima. Peru demanded talks on item {i}.\"}}\n"
        )
    };
    let first: String = (0..700).map(article).collect();
    let input = write(dir.path(), "first.jsonl", first);
    let (bulk, single) = (dir.path().join("bulk"), dir.path().join("single"));
    for (store, loader) in [(&bulk, "bulk"), (&single, "transaction")] {
        let result = run(&[
            "build",
            p(&input),
            "--store",
            p(store),
            "--loader",
            loader,
            "--jobs",
            "2",
        ]);
        assert_eq!(result.code, 0, "{}", result.stderr);
        assert_eq!(field(&result.stdout, "documents added"), 700);
    }
    let lines = store_lines(&bulk);
    assert!(lines.len() > 700 * 10);
    assert_eq!(lines, store_lines(&single));
    // Loading again in bulk, with documents already there and new ones:
    // the old are replaced (not doubled), the new added.
    let second: String = (600..800).map(article).collect();
    let more = write(dir.path(), "second.jsonl", second);
    for store in [&bulk, &single] {
        let result = run(&["build", p(&more), "--store", p(store), "--loader", "bulk"]);
        assert_eq!(result.code, 0, "{}", result.stderr);
    }
    let lines = store_lines(&bulk);
    assert_eq!(lines, store_lines(&single));
    let all = dir.path().join("all");
    let both: String = (0..800).map(article).collect();
    let input = write(dir.path(), "all.jsonl", both);
    assert_eq!(
        run(&["build", p(&input), "--store", p(&all), "--loader", "transaction"]).code,
        0
    );
    assert_eq!(lines, store_lines(&all));
}

#[test]
fn a_directory_of_other_files_is_not_a_store() {
    let dir = TempDir::new().unwrap();
    let other = dir.path().join("photos");
    fs::create_dir(&other).unwrap();
    write(&other, "cat.jpg", "meow");
    let good = write(dir.path(), "good.txt", GOOD);
    for args in [
        vec!["build", p(&good), "--store", p(&other)],
        vec!["stats", "--store", p(&other)],
        vec!["query", "--store", p(&other), "ASK {}"],
        vec!["export", "--store", p(&other)],
    ] {
        let result = run(&args);
        assert_eq!(result.code, 2, "{args:?}");
        assert_one_line_error(&result, &[&format!("{}: not a Parley store", p(&other))]);
    }
    assert_eq!(fs::read_dir(&other).unwrap().count(), 1, "nothing was written into it");
    // A file is not a store either, and a missing store is not created by readers.
    let missing = dir.path().join("missing");
    let result = run(&["stats", "--store", p(&missing)]);
    assert_one_line_error(&result, &["no such store"]);
    assert!(!missing.exists());
    let result = run(&["stats", "--store", p(&good)]);
    assert_one_line_error(&result, &["not a Parley store"]);
}

#[test]
fn a_rebuild_skips_unchanged_documents_and_extracts_changed_ones() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("s");
    let jsonl = |second: &str| {
        format!(
            "{{\"id\":\"a\",\"text\":\"Kenya and Ethiopia held talks in Nairobi.\"}}\n\
             {{\"id\":\"b\",\"text\":\"{second}\"}}\n"
        )
    };
    let input = write(
        dir.path(),
        "news.jsonl",
        jsonl("Peru demanded that Chile reopen the border."),
    );
    let first = run(&["build", p(&input), "--store", p(&store)]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(field(&first.stdout, "documents added"), 2);
    let before = store_lines(&store);

    let again = run(&["build", p(&input), "--store", p(&store)]);
    assert_eq!(field(&again.stdout, "documents added"), 0);
    assert_eq!(field(&again.stdout, "documents unchanged"), 2);
    assert_eq!(store_lines(&store), before);

    // another date is another document content: extracted again
    let dated = run(&["build", p(&input), "--store", p(&store), "--date", "2025-05-16"]);
    assert_eq!(field(&dated.stdout, "documents added"), 2);
    let back = run(&["build", p(&input), "--store", p(&store)]);
    assert_eq!(field(&back.stdout, "documents added"), 2);
    assert_eq!(store_lines(&store), before);

    // one changed text: only that document is extracted again
    write(
        dir.path(),
        "news.jsonl",
        jsonl("Peru demanded that Bolivia reopen the border."),
    );
    let changed = run(&["build", p(&input), "--store", p(&store)]);
    assert_eq!(field(&changed.stdout, "documents added"), 1);
    assert_eq!(field(&changed.stdout, "documents unchanged"), 1);
    let now = store_lines(&store);
    assert!(now.iter().any(|l| l.contains("Bolivia")) && !now.iter().any(|l| l.contains("Chile")));

    let forced = run(&["build", p(&input), "--store", p(&store), "--force"]);
    assert_eq!(field(&forced.stdout, "documents added"), 2);
    assert_eq!(field(&forced.stdout, "documents unchanged"), 0);
    assert_eq!(store_lines(&store), now);

    // one content hash per document, in the store's default graph only
    let hashes = run(&[
        "query",
        "--store",
        p(&store),
        "--format",
        "csv",
        "SELECT ?d ?h WHERE { ?d <https://w3id.org/parley/ontology#contentHash> ?h }",
    ]);
    assert_eq!(hashes.stdout.lines().count(), 3, "{}", hashes.stdout);
    assert!(!now.iter().any(|l| l.contains("contentHash")));
}

#[test]
fn a_store_held_by_a_running_build_refuses_other_commands_at_once() {
    use std::io::Write as _;
    use std::process::{Command as Process, Stdio};
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("s");
    // a build from standard input holds the store until its input ends
    let mut build = Process::new(env!("CARGO_BIN_EXE_parley"))
        .args(["build", "-", "--store", p(&store)])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut refused = None;
    for _ in 0..200 {
        let stats = run(&["stats", "--store", p(&store)]);
        if stats.code != 0 && stats.stderr.contains("locked") {
            refused = Some(stats);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let stats = refused.expect("stats was never refused while the build held the store");
    assert_eq!(stats.code, 2);
    assert_one_line_error(&stats, &["store is locked by another process", "wait", "parley serve"]);
    let query = run(&["query", "--store", p(&store), "ASK { ?s ?p ?o }"]);
    assert_eq!(query.code, 2);
    assert!(query.stderr.contains("locked"), "{}", query.stderr);

    let mut stdin = build.stdin.take().unwrap();
    stdin.write_all(b"Kenya and Ethiopia held talks in Nairobi.").unwrap();
    drop(stdin);
    let output = build.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(run(&["stats", "--store", p(&store)]).code, 0);
}

#[test]
fn a_locked_store_is_reported() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s");
    let _held = parley::ParleyStore::open(&path).unwrap();
    let result = run(&["stats", "--store", p(&path)]);
    assert_eq!(result.code, 2);
    assert_one_line_error(&result, &["store is locked by another process"]);
}

#[test]
fn queries_on_an_empty_store() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s");
    drop(parley::ParleyStore::open(&path).unwrap());
    let store = p(&path);

    let select = run(&["query", "--store", store, "SELECT ?s ?c WHERE { ?s a ?c }"]);
    assert_eq!(select.code, 0, "{}", select.stderr);
    assert_eq!(select.stdout, "s  c\n-  -\n0 rows\n");

    // The only statement is the store marker, in the default graph.
    let all = run(&["query", "--store", store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"]);
    assert!(all
        .stdout
        .contains("pid:store  dcterms:conformsTo  <https://w3id.org/parley/ontology>"));
    assert!(all.stdout.ends_with("1 row\n"));
    let named = run(&["query", "--store", store, "ASK { GRAPH ?g { ?s ?p ?o } }"]);
    assert_eq!(named.stdout, "false\n");

    let json = run(&[
        "query",
        "--store",
        store,
        "--format",
        "json",
        "SELECT ?s WHERE { ?s a ?c }",
    ]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["results"]["bindings"], serde_json::json!([]));

    let construct = run(&[
        "query",
        "--store",
        store,
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    assert_eq!(construct.code, 0, "{}", construct.stderr);
    assert!(parse(RdfFormat::Turtle, &construct.stdout).is_empty());

    let export = run(&["export", "--store", store, "--format", "nquads"]);
    assert_eq!(
        (export.code, export.stdout.as_str()),
        (0, ""),
        "the marker is not exported"
    );

    let stats = run(&["stats", "--store", store]);
    assert_eq!(field(&stats.stdout, "documents"), 0);
    assert_eq!(field(&stats.stdout, "triples"), 0);
}

#[test]
fn malformed_sparql_is_one_line() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s");
    drop(parley::ParleyStore::open(&path).unwrap());
    let result = run(&["query", "--store", p(&path), "SELEKT ?x WHERE { ?x ?y }"]);
    assert_eq!(result.code, 1);
    assert_one_line_error(&result, &["parley: SPARQL syntax error: "]);

    let missing = dir.path().join("q.rq");
    let result = run(&["query", "--store", p(&path), "--file", p(&missing)]);
    assert_eq!(result.code, 1);
    assert_one_line_error(&result, &["no such file: ", "q.rq"]);
}

#[test]
fn query_results_formats() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("s");
    let good = write(dir.path(), "good.txt", GOOD);
    assert_eq!(run(&["build", p(&good), "--store", p(&store)]).code, 0);
    let q = "SELECT ?d ?id WHERE { ?d <http://purl.org/dc/terms/identifier> ?id }";
    let table = run(&["query", "--store", p(&store), q]);
    assert!(table.stdout.contains("doc:good  good"), "{}", table.stdout);
    assert!(table.stdout.ends_with("1 row\n"));
    let csv = run(&["query", "--store", p(&store), "--format", "csv", q]);
    assert_eq!(csv.stdout, "d,id\r\nhttps://w3id.org/parley/id/doc/good,good\r\n");
    let tsv = run(&["query", "--store", p(&store), "--format", "tsv", q]);
    assert!(tsv.stdout.starts_with("?d\t?id\n"));
    let xml = run(&["query", "--store", p(&store), "--format", "xml", q]);
    assert!(xml.stdout.contains("<sparql"));
}

#[test]
fn export_formats_agree() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("s");
    let jsonl = write(
        dir.path(),
        "docs.jsonl",
        "{\"id\":\"d 1\",\"text\":\"Russia and Ukraine met in Istanbul.\",\"date\":\"2025-05-16\",\"title\":\"Talks \\\"today\\\"\",\"url\":\"https://example.org/1\"}\n\
         {\"id\":\"d/2\",\"text\":\"Hamas urged Israel to agree to a ceasefire.\\nLine two.\"}\n",
    );
    let good = write(dir.path(), "third.txt", GOOD);
    let built = run(&["build", p(&jsonl), p(&good), "--store", p(&store)]);
    assert_eq!(built.code, 0, "{}", built.stderr);

    let export = |format: &str| {
        let result = run(&["export", "--store", p(&store), "--format", format]);
        assert_eq!(result.code, 0, "{format}: {}", result.stderr);
        result.stdout
    };
    let reference: HashSet<Quad> = parse(RdfFormat::NQuads, &export("nquads")).into_iter().collect();
    assert!(reference
        .iter()
        .all(|q| matches!(q.graph_name, GraphName::NamedNode(_))));
    let graphs: HashSet<_> = reference.iter().map(|q| q.graph_name.clone()).collect();
    assert_eq!(graphs.len(), 3);
    let triples: HashSet<Triple> = reference.iter().cloned().map(Triple::from).collect();

    let jsonld = RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    };
    for (name, format) in [("trig", RdfFormat::TriG), ("jsonld", jsonld)] {
        let quads: HashSet<Quad> = parse(format, &export(name)).into_iter().collect();
        assert_eq!(quads, reference, "{name}");
    }
    for (name, format) in [
        ("turtle", RdfFormat::Turtle),
        ("ntriples", RdfFormat::NTriples),
        ("rdfxml", RdfFormat::RdfXml),
    ] {
        let text = export(name);
        let parsed: Vec<Triple> = parse(format, &text).into_iter().map(Triple::from).collect();
        let set: HashSet<Triple> = parsed.iter().cloned().collect();
        assert_eq!(set, triples, "{name}");
        assert_eq!(parsed.len(), set.len(), "{name} repeats triples");
    }
    // The default is TriG, and --output writes a file.
    let out = dir.path().join("out.trig");
    assert_eq!(run(&["export", "--store", p(&store), "--output", p(&out)]).code, 0);
    let written: HashSet<Quad> = parse(RdfFormat::TriG, &fs::read_to_string(&out).unwrap())
        .into_iter()
        .collect();
    assert_eq!(written, reference);
    // extract gives the same graphs as build + export.
    let extracted: HashSet<Quad> = extract_quads(&[p(&jsonl), p(&good)], "").into_iter().collect();
    assert_eq!(extracted, reference);
}

const TWO_SPELLINGS: &str = r#"{"id": "warsaw-talks", "text": "Volodymyr Zelensky met the Polish president in Warsaw on Monday. Zelensky said the talks were useful.", "date": "2025-03-10"}
{"id": "berlin-call", "text": "Ukraine's president, Volodymyr Zelenskyy, spoke with the German chancellor by phone on Tuesday.", "date": "2025-03-11"}
"#;

#[test]
fn entities_merges_spellings_across_documents() {
    let dir = TempDir::new().unwrap();
    let input = write(dir.path(), "two.jsonl", TWO_SPELLINGS);
    let path = dir.path().join("s");
    let store = p(&path);
    assert_eq!(run(&["build", p(&input), "--store", store]).code, 0);

    // Zelensky and Zelenskyy, in two documents, are one person: three mentions
    // (the second sentence's bare surname too), two documents, both other spellings.
    let tsv = run(&[
        "entities",
        "--store",
        store,
        "--type",
        "person,place",
        "--format",
        "tsv",
    ]);
    assert_eq!(tsv.code, 0, "{}", tsv.stderr);
    assert_eq!(
        tsv.stdout,
        "iri\ttype\tlabel\tmentions\tdocuments\talt_labels\n\
         https://w3id.org/parley/id/person/volodymyr-zelensky\tPerson\tVolodymyr Zelensky\t3\t2\tVolodymyr Zelenskyy|Zelensky\n\
         https://w3id.org/parley/id/place/warsaw\tPlace\tWarsaw\t1\t1\t\n"
    );

    // the table: most mentions first, then by label; --limit keeps the head
    let table = run(&["entities", "--store", store, "--limit", "3"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{}", table.stdout);
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["entity", "type", "label", "mentions", "documents", "alt_labels"]
    );
    assert!(lines[2].starts_with(
        "person:volodymyr-zelensky  Person  Volodymyr Zelensky  3         2          Volodymyr Zelenskyy, Zelensky"
    ));
    assert!(lines[3].starts_with("state:DEU "), "{}", lines[3]);
    assert!(lines[4].starts_with("state:POL "), "{}", lines[4]);
    assert_eq!(lines[5], "3 rows");

    let json = run(&["entities", "--store", store, "--type", "State", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let states: Vec<&str> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["Germany", "Poland", "Ukraine"]);
    assert_eq!(value[0]["type"], "State");
    assert_eq!(value[0]["mentions"], 1);
    assert_eq!(value[0]["alt_labels"], serde_json::json!(["German"]));
}

#[test]
fn entities_of_an_empty_or_missing_store() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s");
    drop(parley::ParleyStore::open(&path).unwrap());
    let empty = run(&["entities", "--store", p(&path)]);
    assert_eq!((empty.code, empty.stdout.as_str()), (0, "entity  type  label  mentions  documents  alt_labels\n------  ----  -----  --------  ---------  ----------\n0 rows\n"));
    let json = run(&["entities", "--store", p(&path), "--format", "json"]);
    assert_eq!(json.stdout, "[]\n");

    let missing = run(&["entities", "--store", p(&dir.path().join("nope"))]);
    assert_eq!(missing.code, 2);
    assert_one_line_error(&missing, &["no such store"]);
    let bad_type = run(&["entities", "--store", p(&path), "--type", "event"]);
    assert_eq!(bad_type.code, 1);
}

#[test]
fn event_iris_stay_the_same_when_a_store_is_rebuilt() {
    // a user who bookmarks `event:talks/meeting-1` must find the same event
    // after rebuilding the store from the same input, in another store too
    let dir = TempDir::new().unwrap();
    let input = write(
        dir.path(),
        "talks.txt",
        "Kenya and Norway held talks in Oslo on Monday. Kenya urged Norway to accept a ceasefire. \
         Kenya threatened to impose sanctions on Norway.\n",
    );
    let events = |store: &Path| -> Vec<String> {
        let mut iris: Vec<String> = store_lines(store)
            .into_iter()
            .filter(|l| l.starts_with("<https://w3id.org/parley/id/event/"))
            .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
            .collect();
        iris.dedup();
        iris
    };
    let first = dir.path().join("first.store");
    let second = dir.path().join("second.store");
    for store in [&first, &first, &second] {
        let build = run(&["build", p(&input), "--store", p(store)]);
        assert_eq!(build.code, 0, "{}", build.stderr);
    }
    let iris = events(&first);
    assert!(iris.iter().any(|i| i.contains("/talks/meeting-")), "{iris:?}");
    assert!(iris.iter().any(|i| i.contains("/talks/threat-")), "{iris:?}");
    assert_eq!(iris, events(&second));
    assert_eq!(store_lines(&first), store_lines(&second));
}

#[test]
fn a_document_over_the_size_limit_is_refused_by_name_and_the_others_go_through() {
    let dir = TempDir::new().unwrap();
    let long = "Talks went on. ".repeat(parley::MAX_DOCUMENT_BYTES / 15 + 1);
    let big = write(dir.path(), "book.txt", &long);
    let small = write(dir.path(), "note.txt", "Kenya and Ethiopia held talks in Nairobi.");
    let run = run(&["extract", p(&big), p(&small), "--format", "nquads"]);
    assert_eq!(run.code, 1);
    assert_one_line_error(&run, &["book.txt", "over the limit of 16.0 MiB", "split it"]);
    assert!(
        run.stdout.contains("/doc/note>"),
        "{}",
        &run.stdout[..run.stdout.len().min(300)]
    );

    let line = serde_json::json!({"id": "book", "text": long}).to_string();
    let jsonl = write(dir.path(), "books.jsonl", line + "\n");
    let run = run_with_stdin(&["extract", p(&jsonl), "--format", "nquads"], "");
    assert_one_line_error(&run, &["books.jsonl:1", "over the limit"]);
}

#[test]
fn query_timeout_stops_a_runaway_query_with_a_clear_error() {
    let dir = TempDir::new().unwrap();
    let text = write(
        dir.path(),
        "talks.txt",
        "Kenya and Ethiopia held talks in Nairobi on Monday. Kenya demanded that Ethiopia reopen the border.",
    );
    let store = dir.path().join("store");
    assert_eq!(run(&["build", p(&text), "--store", p(&store)]).code, 0);
    // a product of five patterns over every quad: billions of rows, counted in memory
    let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
    let output = parley()
        .args(["query", "--store", p(&store), "--timeout", "0.5", runaway])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stopped = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert_eq!(stopped.code, 1, "stderr: {}", stopped.stderr);
    assert_one_line_error(&stopped, &["query stopped after 0.5 s", "--timeout"]);

    // a query that ends in time is not disturbed, and the store opens again at once
    let quick = run(&["query", "--store", p(&store), "--timeout", "30", "ASK { ?s ?p ?o }"]);
    assert_eq!(quick.code, 0, "{}", quick.stderr);
    assert!(quick.stdout.contains("true"));
    let zero = run(&["query", "--store", p(&store), "--timeout", "0", "ASK { ?s ?p ?o }"]);
    assert_ne!(zero.code, 0);
    assert!(zero.stderr.contains("positive number of seconds"), "{}", zero.stderr);
}
