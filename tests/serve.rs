//! End-to-end tests of `parley serve`: the binary is started on a free port
//! of the loopback interface and spoken to over HTTP with a real client.
//!
//! What is compared is always what the commands print against what the
//! server answers, both made from the same store: the server is started only
//! after the commands ran, since it owns the store while it runs.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// A store built from `examples/articles.jsonl`.
fn example_store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    parley()
        .args(["build", "--quiet", "--store"])
        .arg(&store)
        .arg(examples().join("articles.jsonl"))
        .assert()
        .success();
    (dir, store)
}

fn stdout_of(args: &[&str], store: &Path) -> Vec<u8> {
    let output = parley().args(args).arg("--store").arg(store).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// A running `parley serve`, stopped (killed) when dropped.
struct Served {
    child: Child,
    url: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl Served {
    fn start(store: &Path, extra: &[&str], env: &[(&str, &str)]) -> Served {
        let mut command = Process::new(env!("CARGO_BIN_EXE_parley"));
        command
            .args(["serve", "--bind", "127.0.0.1:0", "--store"])
            .arg(store)
            .args(extra)
            .env_remove("PARLEY_TOKEN")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command.spawn().unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (first, url) = mpsc::channel();
        {
            let log = Arc::clone(&log);
            thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if let Some(start) = line.find("http://") {
                        let url: String = line[start..].split_whitespace().next().unwrap().to_owned();
                        let _ = first.send(url);
                    }
                    log.lock().unwrap().push(line);
                }
            });
        }
        let url = url
            .recv_timeout(Duration::from_secs(60))
            .expect("the server says where it listens");
        Served { child, url, log }
    }

    fn get(&self, path: &str, accept: &str) -> (u16, String, Vec<u8>) {
        let response = agent()
            .get(&format!("{}{path}", self.url))
            .header("Accept", accept)
            .call()
            .unwrap();
        read(response)
    }

    fn post(&self, path: &str, content_type: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String, Vec<u8>) {
        let mut request = agent()
            .post(&format!("{}{path}", self.url))
            .header("Content-Type", content_type);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        read(request.send(body).unwrap())
    }

    /// A query by POST form, results as `accept`.
    fn query(&self, sparql: &str, accept: &str) -> (u16, String, Vec<u8>) {
        let body = form(&[("query", sparql)]);
        self.post(
            "/sparql",
            "application/x-www-form-urlencoded",
            &[("Accept", accept)],
            body.as_bytes(),
        )
    }

    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .new_agent()
}

fn read(mut response: ureq::http::Response<ureq::Body>) -> (u16, String, Vec<u8>) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = response.body_mut().with_config().limit(1 << 30).read_to_vec().unwrap();
    (status, content_type, body)
}

/// `application/x-www-form-urlencoded`, every byte but letters and digits escaped.
fn form(pairs: &[(&str, &str)]) -> String {
    let escape = |text: &str| -> String {
        text.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", escape(name), escape(value)))
        .collect::<Vec<_>>()
        .join("&")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn example_queries() -> Vec<(String, String)> {
    let mut queries: Vec<(String, String)> = fs::read_dir(examples().join("queries"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "rq"))
        .map(|path| (path.display().to_string(), fs::read_to_string(&path).unwrap()))
        .collect();
    queries.sort();
    assert!(queries.len() >= 6, "the example queries are there");
    queries
}

const FORMATS: &[(&str, &str)] = &[
    ("csv", "text/csv"),
    ("tsv", "text/tab-separated-values"),
    ("json", "application/sparql-results+json"),
    ("xml", "application/sparql-results+xml"),
];

#[test]
fn example_queries_over_http_give_the_rows_of_parley_query_in_all_four_formats() {
    let (_dir, store) = example_store();
    let mut expected = Vec::new();
    for (path, _) in example_queries() {
        for (format, _) in FORMATS {
            expected.push(stdout_of(&["query", "--format", format, "--file", &path], &store));
        }
    }
    let first_csv = expected[0].clone();
    let served = Served::start(&store, &[], &[]);
    let mut expected = expected.into_iter();
    for (path, sparql) in example_queries() {
        for (format, media) in FORMATS {
            let want = expected.next().unwrap();
            // GET for one format, POST for the others: both are the protocol
            let (status, content_type, body) = if *format == "csv" {
                served.get(&format!("/sparql?{}", form(&[("query", &sparql)])), media)
            } else {
                served.query(&sparql, media)
            };
            assert_eq!(status, 200, "{path} {format}: {}", text(&body));
            assert!(content_type.starts_with(media), "{path} {format}: {content_type}");
            assert_eq!(text(&body), text(&want), "{path} as {format}");
            // every example gives rows on the example store
            if *format == "csv" {
                assert!(text(&body).lines().count() >= 2, "{path}: no rows");
            }
        }
    }
    // the same through application/sparql-query
    let (_, sparql) = &example_queries()[0];
    let (status, _, body) = served.post(
        "/sparql",
        "application/sparql-query",
        &[("Accept", "text/csv")],
        sparql.as_bytes(),
    );
    assert_eq!(status, 200);
    assert_eq!(text(&body), text(&first_csv));
}

const COUNT_QUADS: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

const COUNT_DOCUMENTS: &str =
    "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a <https://w3id.org/parley/ontology#Document> } }";

/// The number a `SELECT (COUNT(..) AS ?n)` answers, read from its CSV.
fn count(served: &Served, sparql: &str) -> u64 {
    let (status, _, body) = served.query(sparql, "text/csv");
    assert_eq!(status, 200, "{}", text(&body));
    text(&body).lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn an_update_is_refused_however_it_is_sent() {
    let (_dir, store) = example_store();
    let served = Served::start(&store, &[], &[]);
    let before = count(&served, COUNT_QUADS);
    assert!(before > 100);
    let update = "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }";
    let attempts = [
        served.post(
            "/sparql",
            "application/x-www-form-urlencoded",
            &[],
            form(&[("update", update)]).as_bytes(),
        ),
        served.post("/sparql", "application/sparql-update", &[], update.as_bytes()),
        served.post("/sparql", "application/sparql-query", &[], update.as_bytes()),
        served.query(update, "*/*"),
        served.get(&format!("/sparql?{}", form(&[("update", update)])), "*/*"),
    ];
    for (status, _, body) in attempts {
        assert_eq!(status, 403, "{}", text(&body));
        assert!(text(&body).contains("read-only"), "{}", text(&body));
    }
    assert_eq!(count(&served, COUNT_QUADS), before);
}

#[test]
fn a_bad_query_is_a_400_with_the_parsers_message() {
    let (_dir, store) = example_store();
    let served = Served::start(&store, &[], &[]);
    let (status, content_type, body) = served.query("SELECT ?x WHERE { ?x ?p }", "*/*");
    assert_eq!(status, 400);
    assert!(content_type.starts_with("text/plain"));
    let message = text(&body);
    assert!(message.starts_with("SPARQL syntax error: "), "{message}");
    assert!(message.contains("1:"), "the parser's position: {message}");
    let (status, _, body) = served.get("/sparql", "*/*");
    assert_eq!(status, 400);
    assert!(text(&body).contains("query="), "{}", text(&body));
}

#[test]
fn a_query_past_the_timeout_ends_with_an_error_within_a_second_of_it() {
    let (_dir, store) = example_store();
    let served = Served::start(&store, &["--timeout", "1"], &[]);
    // a cross product of the store with itself four times: hours of work
    let endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    for _ in 0..2 {
        let started = Instant::now();
        let (status, _, body) = served.query(endless, "*/*");
        let elapsed = started.elapsed();
        assert_eq!(status, 503, "{}", text(&body));
        assert!(text(&body).contains("time limit of 1 s"), "{}", text(&body));
        assert!(elapsed < Duration::from_secs(2), "answered after {elapsed:?}");
    }
    // the server still answers
    assert!(count(&served, COUNT_DOCUMENTS) == 5);
}

#[test]
fn a_result_over_the_row_limit_is_an_error_not_a_cut() {
    let (_dir, store) = example_store();
    let served = Served::start(&store, &["--max-rows", "10"], &[]);
    let (status, _, body) = served.query("SELECT * WHERE { ?s ?p ?o }", "text/csv");
    assert_eq!(status, 400);
    assert!(text(&body).contains("more than 10 rows"), "{}", text(&body));
    let (status, _, body) = served.query("CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle");
    assert_eq!(status, 400, "{}", text(&body));
    let (status, _, _) = served.query("SELECT * WHERE { ?s ?p ?o } LIMIT 10", "text/csv");
    assert_eq!(status, 200);
}

#[test]
fn a_body_over_the_limit_is_refused() {
    let (_dir, store) = example_store();
    let served = Served::start(&store, &["--max-body-mb", "1"], &[]);
    let padding = format!("# {}\nASK {{}}", "x".repeat(2 << 20));
    let (status, _, body) = served.post("/sparql", "application/sparql-query", &[], padding.as_bytes());
    assert_eq!(status, 413, "{}", text(&body));
    let (status, _, _) = served.post("/sparql", "application/sparql-query", &[], b"ASK {}");
    assert_eq!(status, 200);
}

#[test]
fn construct_results_come_in_every_rdf_format_asked_for() {
    let (_dir, store) = example_store();
    let construct = "CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }";
    let turtle = stdout_of(&["query", construct], &store);
    let served = Served::start(&store, &[], &[]);
    let (status, content_type, body) = served.query(construct, "text/turtle");
    assert_eq!((status, content_type.as_str()), (200, "text/turtle; charset=utf-8"));
    assert_eq!(text(&body), text(&turtle), "the Turtle of parley query");
    let (_, _, ntriples) = served.query(construct, "application/n-triples");
    let triples = text(&ntriples).lines().count();
    assert!(triples > 10);
    for media in [
        "application/n-quads",
        "application/trig",
        "application/ld+json",
        "application/rdf+xml",
    ] {
        let (status, content_type, body) = served.query(construct, media);
        assert_eq!(status, 200, "{media}");
        assert_eq!(content_type, media);
        assert!(text(&body).contains("Nairobi"), "{media}: {}", text(&body));
    }
    let (_, _, jsonld) = served.query(construct, "application/ld+json");
    let value: serde_json::Value = serde_json::from_slice(&jsonld).unwrap();
    assert_eq!(
        value.as_array().map(Vec::len),
        Some(triples),
        "one node per labelled subject"
    );
    let (status, _, _) = served.query(construct, "image/png");
    assert_eq!(status, 406);
}

#[test]
fn views_by_url_are_what_the_commands_print() {
    let (_dir, store) = example_store();
    let entities = stdout_of(&["entities", "--format", "json"], &store);
    let explained = stdout_of(&["explain", "state:ETH"], &store);
    let graphml = stdout_of(
        &[
            "graph",
            "--format",
            "graphml",
            "--events",
            "edges",
            "--types",
            "State,Person",
        ],
        &store,
    );
    let cyjs = stdout_of(
        &["graph", "--format", "cyjs", "--around", "state:KEN", "--depth", "2"],
        &store,
    );
    let others: Vec<Vec<u8>> = ["gexf", "dot"]
        .iter()
        .map(|format| stdout_of(&["graph", "--format", format], &store))
        .collect();
    let served = Served::start(&store, &[], &[]);
    assert_eq!(text(&served.get("/entities", "*/*").2), text(&entities));
    assert_eq!(text(&served.get("/explain?iri=state:ETH", "*/*").2), text(&explained));
    let (status, _, body) = served.get("/graph.graphml?events=edges&types=State,Person", "*/*");
    assert_eq!(status, 200);
    assert_eq!(text(&body), text(&graphml));
    let (_, content_type, body) = served.get("/graph.cyjs?around=state%3AKEN&depth=2", "*/*");
    assert_eq!(content_type, "application/json");
    assert_eq!(text(&body), text(&cyjs));
    for (format, expected) in ["gexf", "dot"].iter().zip(&others) {
        let (status, _, body) = served.get(&format!("/graph.{format}"), "*/*");
        assert_eq!(status, 200, "{format}");
        assert_eq!(text(&body), text(expected), "{format}");
    }
    // entities by name, for the page's search
    let (_, _, found) = served.get("/entities?q=ethiop", "*/*");
    let found: serde_json::Value = serde_json::from_slice(&found).unwrap();
    let labels: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"Ethiopia"), "{labels:?}");
    assert!(labels.iter().all(|l| !l.contains("Eritrea")), "{labels:?}");
    // errors name what is wrong
    let (status, _, body) = served.get("/explain?iri=state:XXX", "*/*");
    assert_eq!(status, 404, "{}", text(&body));
    let (status, _, _) = served.get("/graph.pdf", "*/*");
    assert_eq!(status, 404);
    let (status, _, body) = served.get("/graph.dot?from=yesterday", "*/*");
    assert_eq!(status, 400);
    assert!(text(&body).contains("from="), "{}", text(&body));
}

const TOKEN: &str = "test-token-1234";

/// `n` made-up articles as JSON Lines, ids `prefix-0`, `prefix-1`, ...,
/// each naming a meeting between two states.
fn articles(prefix: &str, n: usize) -> String {
    let pairs = [
        ("Kenya", "Norway"),
        ("Chile", "Peru"),
        ("Ghana", "Togo"),
        ("Japan", "Mongolia"),
    ];
    (0..n)
        .map(|i| {
            let (a, b) = pairs[i % pairs.len()];
            let article = serde_json::json!({
                "id": format!("{prefix}-{i}"),
                "date": "2026-06-10",
                "title": format!("Talks number {i}"),
                "text": format!("The foreign ministers of {a} and {b} met in Geneva on Tuesday to discuss trade, officials said. Round {i} ended without a statement.\n"),
            });
            format!("{article}\n")
        })
        .collect()
}

#[test]
fn ingestion_needs_the_flag_and_the_token() {
    let (_dir, store) = example_store();
    let body = articles("one", 1);
    {
        let served = Served::start(&store, &[], &[("PARLEY_TOKEN", TOKEN)]);
        let auth = format!("Bearer {TOKEN}");
        let (status, _, body) = served.post(
            "/documents",
            "application/x-ndjson",
            &[("Authorization", &auth)],
            body.as_bytes(),
        );
        assert_eq!(status, 403, "{}", text(&body));
        assert!(text(&body).contains("--ingest"));
    }
    let served = Served::start(&store, &["--ingest"], &[("PARLEY_TOKEN", TOKEN)]);
    for headers in [vec![], vec![("Authorization", "Bearer wrong-token-123")]] {
        let (status, _, _) = served.post("/documents", "application/x-ndjson", &headers, body.as_bytes());
        assert_eq!(status, 401);
    }
    assert_eq!(count(&served, COUNT_DOCUMENTS), 5);
    drop(served);
    // --ingest without a token does not start
    let output = parley()
        .args(["serve", "--ingest", "--bind", "127.0.0.1:0", "--store"])
        .arg(&store)
        .env_remove("PARLEY_TOKEN")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("PARLEY_TOKEN"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn queries_are_answered_while_documents_are_added_and_then_see_them() {
    let (dir, store) = example_store();
    let served = Arc::new(Served::start(&store, &["--ingest"], &[("PARLEY_TOKEN", TOKEN)]));
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    // a client that queries without pause while documents go in
    let querying = {
        let (served, done) = (Arc::clone(&served), Arc::clone(&done));
        thread::spawn(move || {
            let mut seen = Vec::new();
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                seen.push(count(&served, COUNT_DOCUMENTS));
            }
            seen.push(count(&served, COUNT_DOCUMENTS));
            seen
        })
    };
    let auth = format!("Bearer {TOKEN}");
    // JSON Lines, extracted by the server, in several requests
    for batch in 0..4 {
        let body = articles(&format!("batch{batch}"), 10);
        let (status, _, answer) = served.post(
            "/documents",
            "application/x-ndjson",
            &[("Authorization", &auth)],
            body.as_bytes(),
        );
        assert_eq!(status, 200, "{}", text(&answer));
        let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
        assert_eq!(answer["added"], 10);
    }
    // one plain-text document
    let (status, _, answer) = served.post(
        "/documents?id=plain-one&date=2026-06-11",
        "text/plain",
        &[("Authorization", &auth)],
        b"Kenya and Norway held talks in Nairobi on Monday.\n",
    );
    assert_eq!(status, 200, "{}", text(&answer));
    // and parley build --server, which extracts here and sends quads
    let input = dir.path().join("more.jsonl");
    fs::write(&input, articles("remote", 25)).unwrap();
    let output = parley()
        .args(["build", "--quiet", "--server", &served.url])
        .arg(&input)
        .env("PARLEY_TOKEN", TOKEN)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let summary = text(&output.stdout);
    assert!(
        summary
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["documents", "added", "25"]),
        "{summary}"
    );
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let seen = querying.join().unwrap();
    // answered all along (count() asserts 200), each time a whole number of documents, never fewer
    assert!(seen.len() > 3, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(*seen.last().unwrap(), 5 + 40 + 1 + 25);
    // the added documents are there, with their events
    let (_, _, csv) = served.query(
        "SELECT ?id WHERE { GRAPH ?d { ?d <http://purl.org/dc/terms/identifier> ?id . ?m a <https://w3id.org/parley/ontology#Meeting> } } ORDER BY ?id",
        "text/csv",
    );
    let csv = text(&csv);
    for id in ["batch0-0", "batch3-9", "plain-one", "remote-24"] {
        assert!(csv.lines().any(|l| l == id), "{id} has a meeting: {csv}");
    }
    // sending a document again replaces it
    let body = articles("batch0", 1);
    let (status, _, _) = served.post(
        "/documents",
        "application/x-ndjson",
        &[("Authorization", &auth)],
        body.as_bytes(),
    );
    assert_eq!(status, 200);
    assert_eq!(count(&served, COUNT_DOCUMENTS), 71);
    // a bad line is reported, the good ones go in
    let body = format!("{}{{\"id\": 3}}\n", articles("late", 1));
    let (status, _, answer) = served.post(
        "/documents",
        "application/x-ndjson",
        &[("Authorization", &auth)],
        body.as_bytes(),
    );
    assert_eq!(status, 200);
    let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!(
        (answer["added"].as_u64(), answer["skipped"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(
        answer["errors"][0].as_str().unwrap().contains("<request>:2"),
        "{answer}"
    );
}

#[test]
fn build_on_a_served_store_says_to_use_the_server() {
    let (dir, store) = example_store();
    let served = Served::start(&store, &[], &[]);
    let input = dir.path().join("more.jsonl");
    fs::write(&input, articles("more", 1)).unwrap();
    let output = parley()
        .args(["build", "--store"])
        .arg(&store)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(
        message.contains(&format!("parley build --server {}", served.url)),
        "{message}"
    );
    assert!(message.contains("store is locked"), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
}

#[test]
fn health_cors_access_log_and_a_clean_stop_on_ctrl_c() {
    let (_dir, store) = example_store();
    {
        let served = Served::start(&store, &[], &[]);
        let response = agent().get(&format!("{}/health", served.url)).call().unwrap();
        assert!(response.headers().get("access-control-allow-origin").is_none());
    }
    let mut served = Served::start(&store, &["--cors"], &[]);
    let (status, _, body) = served.get("/health", "*/*");
    assert_eq!((status, text(&body).as_str()), (200, "ok\n"));
    let response = agent().get(&format!("{}/health", served.url)).call().unwrap();
    assert_eq!(response.headers().get("access-control-allow-origin").unwrap(), "*");
    let (status, _, _) = served.get("/no/such/page", "*/*");
    assert_eq!(status, 404);
    assert!(store.join("PARLEY_SERVER").is_file());
    let status = Process::new("kill")
        .args(["-INT", &served.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = served.child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    assert!(!store.join("PARLEY_SERVER").exists(), "the server removes its file");
    let log = served.log();
    assert!(log.iter().any(|l| l.contains("\"GET /health\" 200")), "{log:?}");
    assert!(log.iter().any(|l| l.contains("\"GET /no/such/page\" 404")), "{log:?}");
    // the store is free again
    parley().args(["stats", "--store"]).arg(&store).assert().success();
}

#[test]
fn an_entitys_timeline_lists_its_events_with_evidence_and_document_by_date() {
    let (_dir, store) = example_store();
    let events_of_ethiopia = stdout_of(
        &[
            "query",
            "--format",
            "csv",
            "SELECT DISTINCT ?e WHERE { ?e ?role <https://w3id.org/parley/id/state/ETH> ; a ?c . \
             FILTER (STRSTARTS(STR(?e), 'https://w3id.org/parley/id/event/')) } ORDER BY ?e",
        ],
        &store,
    );
    let mut expected: Vec<String> = text(&events_of_ethiopia).lines().skip(1).map(str::to_owned).collect();
    expected.sort();
    assert!(expected.len() > 3);
    let served = Served::start(&store, &[], &[]);
    let (status, _, body) = served.get("/api/entity?iri=state:ETH", "*/*");
    assert_eq!(status, 200, "{}", text(&body));
    let entity: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(entity["label"], "Ethiopia");
    assert_eq!(entity["type"], "State");
    let events = entity["events"].as_array().unwrap();
    let mut iris: Vec<String> = events.iter().map(|e| e["event"].as_str().unwrap().to_owned()).collect();
    iris.sort();
    assert_eq!(iris, expected, "every event naming Ethiopia, once");
    let mut days = Vec::new();
    for event in events {
        assert!(!event["evidence"].as_str().unwrap_or("").is_empty(), "{event}");
        assert!(!event["document"].as_str().unwrap_or("").is_empty(), "{event}");
        let roles = event["roles"].as_array().unwrap();
        assert!(
            roles.iter().all(|r| [
                "participant",
                "host",
                "mediator",
                "demander",
                "addressee",
                "party",
                "speaker",
                "claimant",
                "threatener",
                "threatened",
                "location"
            ]
            .contains(&r.as_str().unwrap())),
            "{event}"
        );
        days.push(
            event["date"]
                .as_str()
                .or(event["published"].as_str())
                .unwrap_or("~")
                .to_owned(),
        );
    }
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "by date: {days:?}");
    let (status, _, _) = served.get("/api/entity?iri=state:XXX", "*/*");
    assert_eq!(status, 404);
    let (status, _, body) = served.get("/api/entity?iri=http%3A%2F%2Fa%3E%20%7B", "*/*");
    assert_eq!(status, 400, "{}", text(&body));
    // the page and its assets are served
    let (status, content_type, page) = served.get("/", "text/html");
    assert_eq!((status, content_type.as_str()), (200, "text/html; charset=utf-8"));
    assert!(text(&page).contains("/app.js"));
    let (_, _, styles) = served.get("/api/styles", "*/*");
    let styles: serde_json::Value = serde_json::from_slice(&styles).unwrap();
    for kind in ["State", "Person", "Meeting", "Demand", "Threat"] {
        assert!(styles[kind].as_str().unwrap().starts_with('#'), "{kind}: {styles}");
    }
}
