//! `parley push` against a Graph Store endpoint on loopback that answers as
//! each test tells it and records every request: retries and back-off,
//! the record of what was pushed, refusals, timeouts and Digest
//! authentication. (`.ci/push-test.sh` pushes into real Oxigraph and Virtuoso
//! servers; these tests cover what a healthy server never does.)

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use md5::{Digest, Md5};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use tempfile::TempDir;

/// One request as the endpoint received it.
#[derive(Debug, Clone)]
struct Request {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The graph IRI of `?graph=`, decoded.
    fn graph(&self) -> String {
        let query = self.target.split_once('?').map_or("", |(_, q)| q);
        let value = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("graph="))
            .unwrap_or_else(|| panic!("no graph in {}", self.target));
        percent_decode(value)
    }
}

fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&value[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// What the endpoint answers: a status, extra headers, and a pause first.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    delay: Duration,
}

impl Reply {
    fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            delay: Duration::ZERO,
        }
    }
}

/// Decides the reply to a request, given it and the number of requests
/// received before it.
type Script = Box<dyn Fn(&Request, usize) -> Reply + Send + Sync>;

/// A Graph Store endpoint on a loopback port, one thread per connection
/// (connections are kept alive, as a real server does).
struct FakeEndpoint {
    url: String,
    requests: Arc<Mutex<Vec<Request>>>,
    script: Arc<Mutex<Script>>,
}

impl FakeEndpoint {
    fn start(script: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static) -> FakeEndpoint {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/store", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let script: Arc<Mutex<Script>> = Arc::new(Mutex::new(Box::new(script)));
        let (shared_requests, shared_script) = (Arc::clone(&requests), Arc::clone(&script));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (requests, script) = (Arc::clone(&shared_requests), Arc::clone(&shared_script));
                std::thread::spawn(move || serve(stream, &requests, &script));
            }
        });
        FakeEndpoint { url, requests, script }
    }

    /// Answers from now on with `script`.
    fn rescript(&self, script: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static) {
        *self.script.lock().unwrap() = Box::new(script);
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    fn clear(&self) {
        self.requests.lock().unwrap().clear();
    }
}

fn serve(stream: TcpStream, requests: &Mutex<Vec<Request>>, script: &Mutex<Script>) {
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let (method, target) = (
            parts.next().unwrap_or("").to_owned(),
            parts.next().unwrap_or("").to_owned(),
        );
        let mut headers = Vec::new();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
        let length: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map_or(0, |(_, v)| v.parse().unwrap());
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let request = Request {
            method,
            target,
            headers,
            body,
        };
        let reply = {
            let mut all = requests.lock().unwrap();
            let reply = (script.lock().unwrap())(&request, all.len());
            all.push(request);
            reply
        };
        std::thread::sleep(reply.delay);
        let mut response = format!("HTTP/1.1 {} Scripted\r\nContent-Length: 0\r\n", reply.status);
        for (name, value) in &reply.headers {
            response.push_str(&format!("{name}: {value}\r\n"));
        }
        response.push_str("\r\n");
        if writer.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The number on the `name  N` line of the summary.
    fn field(&self, name: &str) -> u64 {
        self.stdout
            .lines()
            .find_map(|line| {
                let rest = line.strip_prefix(name)?;
                rest.starts_with("  ").then(|| rest.trim().parse().ok())?
            })
            .unwrap_or_else(|| panic!("no {name:?} in {}\nstderr: {}", self.stdout, self.stderr))
    }
}

fn parley(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parley"));
    command
        .args(args)
        .env_remove("PARLEY_PUSH_USER")
        .env_remove("PARLEY_PUSH_PASSWORD");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles.jsonl")
}

/// A store built from `examples/` (five documents) in a fresh directory.
fn example_store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("news.store");
    let built = parley(&["build", examples().to_str().unwrap(), "--store", p(&store)], &[]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    (dir, store)
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn push(store: &Path, endpoint: &FakeEndpoint, extra: &[&str]) -> Run {
    push_with(store, &endpoint.url, extra, &[])
}

fn push_with(store: &Path, url: &str, extra: &[&str], env: &[(&str, &str)]) -> Run {
    let mut args = vec!["push", "--store", p(store), "--endpoint", url];
    args.extend_from_slice(extra);
    parley(&args, env)
}

/// The graphs of the store, each with its triples, as `parley export` gives them.
fn store_graphs(store: &Path) -> BTreeMap<String, Vec<Triple>> {
    let exported = parley(&["export", "--store", p(store), "--format", "nquads"], &[]);
    let mut graphs: BTreeMap<String, Vec<Triple>> = BTreeMap::new();
    for quad in RdfParser::from_format(RdfFormat::NQuads).for_slice(exported.stdout.as_bytes()) {
        let quad = quad.unwrap();
        let graph = quad.graph_name.to_string();
        let graph = graph.trim_start_matches('<').trim_end_matches('>').to_owned();
        graphs.entry(graph).or_default().push(quad.into());
    }
    for triples in graphs.values_mut() {
        triples.sort_by_key(|t| t.to_string());
    }
    graphs
}

fn ntriples(body: &[u8]) -> Vec<Triple> {
    let mut triples: Vec<Triple> = RdfParser::from_format(RdfFormat::NTriples)
        .for_slice(body)
        .map(|t| t.unwrap().into())
        .collect();
    triples.sort_by_key(|t| t.to_string());
    triples
}

#[test]
fn push_help_has_examples_and_names_the_credential_variables() {
    let help = parley(&["push", "--help"], &[]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("Examples:"));
    assert!(help.stdout.contains("PARLEY_PUSH_USER") && help.stdout.contains("PARLEY_PUSH_PASSWORD"));
}

#[test]
fn every_graph_is_put_whole_and_a_second_push_sends_nothing() {
    let (_dir, store) = example_store();
    let endpoint = FakeEndpoint::start(|_, _| Reply::status(201));
    let first = push(&store, &endpoint, &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let graphs = store_graphs(&store);
    assert_eq!(graphs.len(), 5);
    assert_eq!(
        (first.field("documents"), first.field("sent"), first.field("unchanged")),
        (5, 5, 0)
    );
    let requests = endpoint.requests();
    assert_eq!(requests.len(), 5);
    let mut bytes = 0;
    for request in &requests {
        assert_eq!(request.method, "PUT");
        assert!(request
            .target
            .starts_with("/store?graph=https%3A%2F%2Fw3id.org%2Fparley%2Fid%2Fdoc%2F"));
        assert_eq!(request.header("content-type"), Some("application/n-triples"));
        assert_eq!(request.header("authorization"), None, "no credentials were asked for");
        // the body is exactly the graph's triples
        let graph = request.graph();
        assert_eq!(ntriples(&request.body), graphs[&graph], "{graph}");
        bytes += request.body.len() as u64;
    }
    assert_eq!(first.field("bytes sent"), bytes);

    endpoint.clear();
    let second = push(&store, &endpoint, &[]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!((second.field("sent"), second.field("unchanged")), (0, 5));
    assert!(
        endpoint.requests().is_empty(),
        "the second push sent {:?}",
        endpoint.requests()
    );

    // --all sends everything again
    let all = push(&store, &endpoint, &["--all"]);
    assert_eq!((all.field("sent"), all.field("unchanged")), (5, 0));
    assert_eq!(endpoint.requests().len(), 5);
}

#[test]
fn only_new_and_changed_documents_are_sent_again() {
    let (dir, store) = example_store();
    let endpoint = FakeEndpoint::start(|_, _| Reply::status(204));
    assert_eq!(push(&store, &endpoint, &[]).field("sent"), 5);
    endpoint.clear();
    // one document rebuilt with other text, one new document
    let first_line = std::fs::read_to_string(examples()).unwrap();
    let mut changed: serde_json::Value = serde_json::from_str(first_line.lines().next().unwrap()).unwrap();
    let id = changed["id"].as_str().unwrap().to_owned();
    changed["text"] = "Kenya and Ethiopia agreed to reopen the border crossing at Moyale.".into();
    let new = serde_json::json!({"id": "new-document", "date": "2026-06-01",
        "text": "Norway's foreign minister met her Colombian counterpart in Oslo."});
    let input = dir.path().join("more.jsonl");
    std::fs::write(&input, format!("{changed}\n{new}\n")).unwrap();
    let built = parley(&["build", p(&input), "--store", p(&store)], &[]);
    assert_eq!(built.code, 0, "{}", built.stderr);

    let again = push(&store, &endpoint, &[]);
    assert_eq!(
        (again.field("documents"), again.field("sent"), again.field("unchanged")),
        (6, 2, 4)
    );
    let mut sent: Vec<String> = endpoint.requests().iter().map(Request::graph).collect();
    sent.sort();
    let doc = "https://w3id.org/parley/id/doc/";
    assert_eq!(sent, [format!("{doc}{id}"), format!("{doc}new-document")]);
    // each endpoint has its own record: another URL gets everything
    let other = FakeEndpoint::start(|_, _| Reply::status(201));
    assert_eq!(push(&store, &other, &[]).field("sent"), 6);
}

#[test]
fn a_503_is_retried_after_a_pause_and_the_push_succeeds() {
    let (_dir, store) = example_store();
    let endpoint = FakeEndpoint::start(|_, n| Reply::status(if n == 0 { 503 } else { 201 }));
    let started = Instant::now();
    let run = push(&store, &endpoint, &["--jobs", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "the first retry waits 0.5 s"
    );
    assert_eq!((run.field("sent"), run.field("retries")), (5, 1));
    let requests = endpoint.requests();
    assert_eq!(requests.len(), 6);
    assert_eq!(requests[0].target, requests[1].target, "the same graph is sent again");
    assert_eq!(requests[0].body, requests[1].body);
}

#[test]
fn retry_after_is_followed() {
    let (_dir, store) = example_store();
    let endpoint = FakeEndpoint::start(|_, n| {
        if n == 0 {
            Reply {
                status: 429,
                headers: vec![("Retry-After".into(), "2".into())],
                delay: Duration::ZERO,
            }
        } else {
            Reply::status(201)
        }
    });
    let started = Instant::now();
    let run = push(&store, &endpoint, &["--jobs", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(run.field("retries"), 1);
}

#[test]
fn an_endpoint_that_keeps_failing_stops_the_push_and_what_was_sent_is_kept() {
    let (_dir, store) = example_store();
    // the first two graphs go in, then the server fails for good
    let endpoint = FakeEndpoint::start(|_, n| Reply::status(if n < 2 { 201 } else { 500 }));
    let run = push(&store, &endpoint, &["--jobs", "1", "--batch", "1", "--retries", "2"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(lines[0].starts_with("parley: "));
    for piece in [
        endpoint.url.as_str(),
        "failed 3 times in a row",
        "HTTP 500",
        "push again",
    ] {
        assert!(lines[0].contains(piece), "{piece:?} not in {}", lines[0]);
    }
    // two accepted, then one graph tried 1 + 2 times; nothing after it
    assert_eq!(endpoint.requests().len(), 5);

    // the server is back: only the three graphs it never took are sent
    endpoint.rescript(|_, _| Reply::status(201));
    endpoint.clear();
    let resumed = push(&store, &endpoint, &[]);
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    assert_eq!((resumed.field("sent"), resumed.field("unchanged")), (3, 2));
}

#[test]
fn a_refused_graph_is_reported_and_the_others_are_sent() {
    let (_dir, store) = example_store();
    let refused = "https://w3id.org/parley/id/doc/hanoi-trade-agreement";
    let endpoint =
        FakeEndpoint::start(move |request, _| Reply::status(if request.graph() == refused { 400 } else { 201 }));
    let run = push(&store, &endpoint, &[]);
    assert_eq!(run.code, 2);
    assert_eq!((run.field("sent"), run.field("refused")), (4, 1));
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].contains(&format!("graph <{refused}> refused: HTTP 400")),
        "{}",
        lines[0]
    );
    assert_eq!(endpoint.requests().len(), 5, "a 400 is not retried");
    // it was not recorded: the next push tries it (and only it) again
    endpoint.rescript(|_, _| Reply::status(201));
    endpoint.clear();
    let again = push(&store, &endpoint, &[]);
    assert_eq!((again.code, again.field("sent"), again.field("unchanged")), (0, 1, 4));
    assert_eq!(endpoint.requests()[0].graph(), refused);
}

#[test]
fn a_request_that_times_out_is_sent_again() {
    let (_dir, store) = example_store();
    let endpoint = FakeEndpoint::start(|_, n| Reply {
        status: 201,
        headers: Vec::new(),
        delay: if n == 0 { Duration::from_secs(3) } else { Duration::ZERO },
    });
    let run = push(&store, &endpoint, &["--jobs", "1", "--timeout", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!((run.field("sent"), run.field("retries")), (5, 1));
    assert_eq!(endpoint.requests().len(), 6);
}

#[test]
fn a_redirect_is_reported_not_followed() {
    let (_dir, store) = example_store();
    let endpoint = FakeEndpoint::start(|_, _| Reply {
        status: 301,
        headers: vec![("Location".into(), "http://elsewhere.example/store".into())],
        delay: Duration::ZERO,
    });
    let run = push(&store, &endpoint, &["--jobs", "1"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("HTTP 301: the endpoint redirects to \"http://elsewhere.example/store\""),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert_eq!(endpoint.requests().len(), 1, "nothing follows the redirect");
}

#[test]
fn nobody_listening_is_an_unavailable_endpoint() {
    let (_dir, store) = example_store();
    // a port that was free a moment ago
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/store");
    let run = push_with(&store, &url, &["--retries", "1"], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("failed 2 times in a row"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

/// A server that wants HTTP Digest (MD5, qop=auth), as Virtuoso does; it
/// checks each answer as RFC 7616 computes it.
fn digest_endpoint(user: &'static str, password: &'static str) -> FakeEndpoint {
    const REALM: &str = "SPARQL";
    const NONCE: &str = "0123456789abcdef";
    let md5 = |text: String| -> String {
        Md5::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    FakeEndpoint::start(move |request, _| {
        let challenge = Reply {
            status: 401,
            headers: vec![(
                "WWW-Authenticate".into(),
                format!(r#"Digest realm="{REALM}", nonce="{NONCE}", opaque="x", qop="auth", algorithm="MD5""#),
            )],
            delay: Duration::ZERO,
        };
        let Some(authorization) = request.header("authorization") else {
            return challenge;
        };
        let field = |name: &str| -> String {
            let start = authorization.find(&format!("{name}=")).map(|i| i + name.len() + 1);
            let rest = start.map_or("", |i| &authorization[i..]);
            let rest = rest.strip_prefix('"').unwrap_or(rest);
            rest[..rest.find(['"', ',']).unwrap_or(rest.len())].to_owned()
        };
        let ha1 = md5(format!("{user}:{REALM}:{password}"));
        let ha2 = md5(format!("{}:{}", request.method, request.target));
        let expected = md5(format!("{ha1}:{NONCE}:{}:{}:auth:{ha2}", field("nc"), field("cnonce")));
        let right = field("username") == user && field("uri") == request.target && field("response") == expected;
        if right {
            Reply::status(201)
        } else {
            challenge
        }
    })
}

#[test]
fn digest_credentials_come_from_the_environment() {
    let (_dir, store) = example_store();
    let endpoint = digest_endpoint("dba", "s3cret");
    let credentials = [("PARLEY_PUSH_USER", "dba"), ("PARLEY_PUSH_PASSWORD", "s3cret")];
    let run = push_with(&store, &endpoint.url, &["--jobs", "1"], &credentials);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.field("sent"), 5);
    let requests = endpoint.requests();
    // one challenge, then every request answered up front, the nonce counted
    assert_eq!(requests.len(), 6, "{requests:#?}");
    assert!(requests[0].header("authorization").is_none());
    let counts: Vec<String> = requests[1..]
        .iter()
        .map(|r| {
            let header = r.header("authorization").unwrap();
            let at = header.find("nc=").unwrap() + 3;
            header[at..at + 8].to_owned()
        })
        .collect();
    assert_eq!(counts, ["00000001", "00000002", "00000003", "00000004", "00000005"]);
    assert!(requests.iter().all(|r| !r.target.contains("s3cret")));
}

#[test]
fn missing_or_wrong_credentials_are_one_line_errors() {
    let (_dir, store) = example_store();
    let endpoint = digest_endpoint("dba", "s3cret");
    let none = push_with(&store, &endpoint.url, &[], &[]);
    assert_eq!(none.code, 2);
    assert!(
        none.stderr
            .contains("HTTP 401: the endpoint wants a user name and password"),
        "{}",
        none.stderr
    );
    let wrong = [("PARLEY_PUSH_USER", "dba"), ("PARLEY_PUSH_PASSWORD", "guess")];
    let refused = push_with(&store, &endpoint.url, &[], &wrong);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("refused the credentials"), "{}", refused.stderr);
    assert_eq!(refused.stderr.lines().count(), 1, "{}", refused.stderr);
    let half = push_with(&store, &endpoint.url, &[], &[("PARLEY_PUSH_USER", "dba")]);
    assert_eq!(half.code, 1);
    assert!(
        half.stderr.contains("PARLEY_PUSH_PASSWORD is not set"),
        "{}",
        half.stderr
    );
}

#[test]
fn credentials_in_the_url_and_bad_urls_are_refused_before_anything_is_sent() {
    let (_dir, store) = example_store();
    for (url, expected) in [
        ("http://dba:dba@127.0.0.1:1/store", "not in the URL"),
        ("127.0.0.1:7878/store", "must start with http:// or https://"),
    ] {
        let run = push_with(&store, url, &[], &[]);
        assert_eq!(run.code, 1, "{url}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{url}: {}", run.stderr);
    }
    let no_store = push_with(&store.with_extension("missing"), "http://127.0.0.1:1/store", &[], &[]);
    assert_eq!(no_store.code, 2);
    assert!(no_store.stderr.contains("no such store"), "{}", no_store.stderr);
}
