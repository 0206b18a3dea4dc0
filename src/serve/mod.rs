//! `parley serve`: the store as a service, over HTTP.
//!
//! Why a server at all: one process owns a Parley store (RocksDB's lock; a
//! second process opening it read-only beside a writer is undefined
//! behaviour in Oxigraph), so without one, a store being built cannot be
//! queried, and only the `parley` command can read it. The server opens the
//! store read-write, once, and becomes the only way in while it runs:
//!
//! - `/sparql` (`sparql.rs`): the SPARQL 1.1 Protocol, read-only, each query
//!   under a time limit and a result-size limit;
//! - `/entities`, `/explain`, `/graph.*`, `/api/*` (`views.rs`): what the
//!   `entities`, `explain` and `graph` commands print, by URL, and the data of
//!   the web page;
//! - `/` (`web.rs`, `assets/`): a page for people who do not write SPARQL;
//! - `POST /documents` (`ingest.rs`), with `--ingest` and a token: documents
//!   added while queries go on. Each document is one transaction, so a query
//!   sees a document whole or not at all.
//!
//! While it runs, the server leaves a file in the store directory
//! ([`SERVED_FILE`], its URL) so that `parley build` on that store can say
//! where to send documents instead of only "locked".
//!
//! The HTTP layer is `tiny_http`: blocking, a thread per connection, no
//! async runtime, which suits a server whose work is blocking RocksDB reads.
//! Requests are handled on a fixed pool of threads; every reply is built
//! whole before it is sent (see `http.rs`).

mod http;
mod ingest;
mod sparql;
mod views;
mod web;

pub mod client;

use std::fs;
use std::io::Read;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::ParleyError;
use crate::extract::Extractor;
use crate::rdf::{EntitySummary, ParleyStore};

pub use http::HttpError;
use http::Reply;
pub use sparql::QueryLimits;

/// The file, in the store directory, that holds the URL of the server
/// serving the store (removed when it stops).
pub const SERVED_FILE: &str = "PARLEY_SERVER";

/// The URL of the `parley serve` that said it serves the store in `dir`, if any.
///
/// Read only to explain a lock error: a file left by a server that crashed
/// is never taken as proof that one runs.
pub fn served_url(dir: &Path) -> Option<String> {
    let text = fs::read_to_string(dir.join(SERVED_FILE)).ok()?;
    let url = text.trim();
    (!url.is_empty()).then(|| url.to_owned())
}

/// How `parley serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on (`127.0.0.1:7878`; port 0 picks a free one).
    pub bind: String,
    /// Limits of every SPARQL query.
    pub limits: QueryLimits,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Send `Access-Control-Allow-Origin: *` and answer preflight requests.
    pub cors: bool,
    /// With a token, `POST /documents` adds documents to the store for
    /// requests that carry it (`Authorization: Bearer <token>`).
    pub ingest_token: Option<String>,
    /// Threads that handle requests.
    pub threads: usize,
}

/// What every request handler shares.
struct State {
    store: Arc<ParleyStore>,
    options: ServeOptions,
    /// Compiled only when ingestion is on.
    extractor: Option<Extractor>,
    /// One ingestion at a time: two transactions replacing the same document
    /// would conflict.
    writing: Mutex<()>,
    /// `store.entities()` is a store-wide query; the page searches it often.
    /// Cleared whenever documents are added.
    entities: RwLock<Option<Arc<Vec<EntitySummary>>>>,
    /// Queries whose thread is still running (see `sparql::in_time`).
    running: Arc<AtomicUsize>,
}

impl State {
    fn entities(&self) -> Result<Arc<Vec<EntitySummary>>, ParleyError> {
        if let Some(entities) = self.entities.read().ok().and_then(|cached| cached.clone()) {
            return Ok(entities);
        }
        let entities = Arc::new(self.store.entities()?);
        if let Ok(mut cached) = self.entities.write() {
            *cached = Some(Arc::clone(&entities));
        }
        Ok(entities)
    }

    fn forget_entities(&self) {
        if let Ok(mut cached) = self.entities.write() {
            *cached = None;
        }
    }
}

/// A running server: bound, answering once [`Server::run`] is called.
pub struct Server {
    http: Arc<tiny_http::Server>,
    state: Arc<State>,
    address: SocketAddr,
    stop: Arc<AtomicBool>,
}

/// Stops a [`Server`] from another thread (a signal handler).
#[derive(Clone)]
pub struct StopHandle(Arc<AtomicBool>);

impl StopHandle {
    /// Asks the server to stop: it finishes the requests in hand and returns.
    pub fn stop(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// How often idle request threads look at the stop flag.
const POLL: Duration = Duration::from_millis(200);

impl Server {
    /// Binds `options.bind` for `store` and writes [`SERVED_FILE`].
    pub fn bind(store: ParleyStore, options: ServeOptions) -> Result<Server, ParleyError> {
        let extractor = match &options.ingest_token {
            Some(_) => Some(Extractor::new()?),
            None => None,
        };
        let http = tiny_http::Server::http(options.bind.as_str()).map_err(|source| ParleyError::Bind {
            address: options.bind.clone(),
            source,
        })?;
        let address = http.server_addr().to_ip().ok_or_else(|| ParleyError::Bind {
            address: options.bind.clone(),
            source: "not an IP address".into(),
        })?;
        let server = Server {
            http: Arc::new(http),
            state: Arc::new(State {
                store: Arc::new(store),
                options,
                extractor,
                writing: Mutex::new(()),
                entities: RwLock::new(None),
                running: Arc::new(AtomicUsize::new(0)),
            }),
            address,
            stop: Arc::new(AtomicBool::new(false)),
        };
        let marker = server.state.store.path().join(SERVED_FILE);
        fs::write(&marker, format!("{}\n", server.url())).map_err(|source| ParleyError::Store {
            path: marker,
            source: Box::new(source),
        })?;
        Ok(server)
    }

    /// The address bound (with the port chosen when 0 was asked).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://address`.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn stop_handle(&self) -> StopHandle {
        StopHandle(Arc::clone(&self.stop))
    }

    /// Answers requests until stopped, then removes [`SERVED_FILE`] and
    /// closes the store.
    pub fn run(self) -> Result<(), ParleyError> {
        let threads = self.state.options.threads.max(1);
        let workers: Vec<_> = (0..threads)
            .map(|n| {
                let (http, state, stop) = (Arc::clone(&self.http), Arc::clone(&self.state), Arc::clone(&self.stop));
                thread::Builder::new()
                    .name(format!("http-{n}"))
                    .spawn(move || {
                        while !stop.load(Ordering::SeqCst) {
                            match http.recv_timeout(POLL) {
                                Ok(Some(request)) => handle(&state, request),
                                Ok(None) => {}
                                Err(_) => thread::sleep(POLL),
                            }
                        }
                    })
                    .map_err(ParleyError::Io)
            })
            .collect::<Result<_, _>>()?;
        for worker in workers {
            let _ = worker.join();
        }
        let _ = fs::remove_file(self.state.store.path().join(SERVED_FILE));
        Ok(())
    }
}

/// A request as the handlers see it: read whole, body included.
pub(crate) struct Incoming {
    pub method: String,
    pub path: String,
    /// The decoded query string.
    pub query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Incoming {
    /// The first header `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        http::first(&self.query, name)
    }
}

fn handle(state: &Arc<State>, mut request: tiny_http::Request) {
    let started = Instant::now();
    let remote = request
        .remote_addr()
        .map_or_else(|| "-".to_owned(), |a| a.ip().to_string());
    let method = request.method().as_str().to_owned();
    let url = request.url().to_owned();
    let reply = match read(state, &mut request) {
        Ok(incoming) => route(state, &incoming),
        Err(error) => error.into(),
    };
    let status = reply.status;
    let bytes = reply.body.len();
    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(status);
    response.add_header(header("Content-Type", &reply.content_type));
    if state.options.cors {
        response.add_header(header("Access-Control-Allow-Origin", "*"));
        response.add_header(header("Access-Control-Allow-Methods", "GET, POST, OPTIONS"));
        response.add_header(header(
            "Access-Control-Allow-Headers",
            "Accept, Authorization, Content-Type",
        ));
    }
    let _ = request.respond(response);
    // The access log: one line per request, the URL cut to keep it a line.
    let mut shown: String = url.chars().take(300).collect();
    if shown.len() < url.len() {
        shown.push_str("...");
    }
    eprintln!(
        "{remote} \"{method} {shown}\" {status} {bytes} {:.1}ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    // names and values here are ASCII, made by this module
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| tiny_http::Header::from_bytes(&b"X-Invalid"[..], &b"1"[..]).expect("ASCII header"))
}

/// Reads the request whole; a body over the limit is refused unread.
fn read(state: &State, request: &mut tiny_http::Request) -> Result<Incoming, HttpError> {
    let limit = state.options.max_body_bytes;
    let too_large = || {
        HttpError::new(
            413,
            format!("the request body is larger than the limit of {limit} bytes (parley serve --max-body-mb)"),
        )
    };
    if request.body_length().is_some_and(|length| length > limit) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    request
        .as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|error| HttpError::bad_request(format!("cannot read the request body: {error}")))?;
    if body.len() > limit {
        return Err(too_large());
    }
    let (path, query) = request.url().split_once('?').unwrap_or((request.url(), ""));
    Ok(Incoming {
        method: request.method().as_str().to_ascii_uppercase(),
        path: path.to_owned(),
        query: http::parse_form(query),
        headers: request
            .headers()
            .iter()
            .map(|h| {
                (
                    h.field.as_str().as_str().to_ascii_lowercase(),
                    h.value.as_str().to_owned(),
                )
            })
            .collect(),
        body,
    })
}

fn route(state: &Arc<State>, request: &Incoming) -> Reply {
    let result = match (request.method.as_str(), request.path.as_str()) {
        ("OPTIONS", _) if state.options.cors => Ok(Reply {
            status: 204,
            content_type: "text/plain".into(),
            body: Vec::new(),
        }),
        (_, "/sparql") => sparql::query_of(request).map(|query| sparql::answer(state, query, request.header("accept"))),
        ("GET", "/health") => Ok(Reply::ok("text/plain; charset=utf-8", "ok\n")),
        ("GET", "/entities") => views::entities(state, request),
        ("GET", "/explain") => views::explain(state, request),
        ("GET", path) if path.starts_with("/graph.") => views::graph(state, request),
        ("GET", "/api/entity") => views::entity(state, request),
        ("GET", "/api/examples") => Ok(views::examples()),
        ("GET", "/api/styles") => Ok(views::styles()),
        ("POST", "/documents") => ingest::documents(state, request),
        ("GET", path) => web::asset(path).ok_or_else(|| HttpError::not_found(format!("no page {path}"))),
        (method, path) => Err(HttpError::new(405, format!("{method} is not allowed on {path}"))),
    };
    match result {
        Ok(reply) => reply,
        Err(error) => error.into(),
    }
}
