//! `/sparql`: the SPARQL 1.1 Protocol, read-only.
//!
//! A query is evaluated on a thread of its own while the request's thread
//! waits for it at most `--timeout`: when the time is up the request is
//! answered at once (503) and the query's cancellation token is set, which
//! Oxigraph checks at every quad it reads, so the evaluation stops soon
//! after. Waiting on a channel rather than on the evaluation is what makes
//! the answer arrive within the limit even when the query is stuck in a
//! long computation between two reads of the store.
//!
//! Results are written whole into memory, up to `--max-rows` rows (or
//! triples), before the reply starts: a query that fails, runs out of time or
//! grows past the limit gets a clean error status instead of a 200 cut short.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use oxigraph::model::GraphName;
use oxigraph::sparql::{CancellationToken, QueryResults, QuerySolutionIter, SparqlEvaluator};

use super::http::{self, HttpError, Reply, Seconds};
use super::{Incoming, State};
use crate::error::ParleyError;
use crate::present::{write_results, ResultsFormat};
use crate::rdf::{write_quads, GraphFormat, ParleyStore};

/// The limits every query runs under.
#[derive(Debug, Clone, Copy)]
pub struct QueryLimits {
    /// Time from the start of the evaluation to the answer.
    pub timeout: Duration,
    /// Rows of a SELECT, triples of a CONSTRUCT or DESCRIBE.
    pub max_rows: usize,
}

/// Media types of SELECT and ASK results, the default first.
const SOLUTION_TYPES: &[(&str, ResultsFormat)] = &[
    ("application/sparql-results+json", ResultsFormat::Json),
    ("application/sparql-results+xml", ResultsFormat::Xml),
    ("text/csv", ResultsFormat::Csv),
    ("text/tab-separated-values", ResultsFormat::Tsv),
    ("application/json", ResultsFormat::Json),
    ("application/xml", ResultsFormat::Xml),
];

/// Media types of CONSTRUCT and DESCRIBE results, the default first.
const GRAPH_TYPES: &[(&str, GraphFormat)] = &[
    ("text/turtle", GraphFormat::Turtle),
    ("application/n-triples", GraphFormat::NTriples),
    ("application/n-quads", GraphFormat::NQuads),
    ("application/trig", GraphFormat::TriG),
    ("application/ld+json", GraphFormat::JsonLd),
    ("application/rdf+xml", GraphFormat::RdfXml),
    ("text/plain", GraphFormat::NTriples),
];

const READ_ONLY: &str =
    "SPARQL updates are refused: this endpoint is read-only (add documents with POST /documents or parley build --server)";

/// The query text of a protocol request, or the error to answer with.
pub fn query_of(request: &Incoming) -> Result<String, HttpError> {
    let form;
    let params: &[(String, String)] = match request.method.as_str() {
        "GET" => &request.query,
        "POST" => match http::media_type(request.header("content-type").unwrap_or("")).as_str() {
            "application/x-www-form-urlencoded" => {
                form = http::parse_form(&String::from_utf8_lossy(&request.body));
                &form
            }
            "application/sparql-query" => {
                if has_dataset(&request.query) {
                    return Err(dataset_refused());
                }
                return String::from_utf8(request.body.clone())
                    .map_err(|_| HttpError::bad_request("the query is not valid UTF-8"));
            }
            "application/sparql-update" => return Err(HttpError::new(403, READ_ONLY)),
            other => {
                return Err(HttpError::new(
                    415,
                    format!(
                        "cannot read a query sent as {other:?}: send application/sparql-query or a form (query=...)"
                    ),
                ))
            }
        },
        other => {
            return Err(HttpError::new(
                405,
                format!("{other} is not allowed on /sparql: use GET or POST"),
            ))
        }
    };
    if http::first(params, "update").is_some() {
        return Err(HttpError::new(403, READ_ONLY));
    }
    if has_dataset(params) {
        return Err(dataset_refused());
    }
    match http::all(params, "query").as_slice() {
        [query] => Ok((*query).to_owned()),
        [] => Err(HttpError::bad_request("no query: give the parameter query=...")),
        _ => Err(HttpError::bad_request("give the parameter query once")),
    }
}

fn has_dataset(params: &[(String, String)]) -> bool {
    params
        .iter()
        .any(|(name, _)| name == "default-graph-uri" || name == "named-graph-uri")
}

fn dataset_refused() -> HttpError {
    HttpError::bad_request(
        "default-graph-uri and named-graph-uri are not supported: name graphs with FROM and FROM NAMED in the query",
    )
}

/// Runs `query` under `limits` and answers in the format `accept` asks for.
pub(super) fn answer(state: &State, query: String, accept: Option<&str>) -> Reply {
    match evaluate_in_time(state, query, accept.map(str::to_owned)) {
        Ok(reply) => reply,
        Err(error) => error.into(),
    }
}

fn evaluate_in_time(state: &State, query: String, accept: Option<String>) -> Result<Reply, HttpError> {
    let limits = state.options.limits;
    let token = CancellationToken::new();
    let deadline = Instant::now() + limits.timeout;
    let reply = {
        let (store, token) = (Arc::clone(&state.store), token.clone());
        in_time(state, move || {
            evaluate(&store, &query, accept.as_deref(), limits, deadline, token)
        })
    };
    // Stops the evaluation if it is still going (harmless once it is over).
    token.cancel();
    reply
}

/// Runs `work` on a thread of its own and waits for it at most the time
/// limit: then answers 503, whether or not `work` ever finishes.
///
/// Oxigraph checks the cancellation token whenever it reads the store, but
/// not inside work done in memory (a count over a cross product goes on
/// after its token is cancelled). So the threads still running are counted,
/// and past as many as the server has request threads, a new query is
/// refused with 503 rather than piling up more of them.
pub(super) fn in_time<T, F>(state: &State, work: F) -> Result<T, HttpError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, HttpError> + Send + 'static,
{
    let timeout = state.options.limits.timeout;
    let running = Arc::clone(&state.running);
    let most = state.options.threads.max(1);
    if running.fetch_add(1, Ordering::SeqCst) >= most {
        running.fetch_sub(1, Ordering::SeqCst);
        return Err(HttpError::new(
            503,
            format!("{most} queries are running (some past their time limit): try again later"),
        ));
    }
    let (sender, receiver) = mpsc::sync_channel(1);
    let spawned = {
        let running = Arc::clone(&running);
        thread::Builder::new().name("query".into()).spawn(move || {
            let result = work();
            running.fetch_sub(1, Ordering::SeqCst);
            // the request may have given up waiting: nobody to tell then
            let _ = sender.send(result);
        })
    };
    if let Err(error) = spawned {
        running.fetch_sub(1, Ordering::SeqCst);
        return Err(HttpError::new(503, format!("cannot start the query: {error}")));
    }
    match receiver.recv_timeout(timeout) {
        Ok(result) => result,
        Err(_) => Err(timed_out(timeout)),
    }
}

fn timed_out(timeout: Duration) -> HttpError {
    HttpError::new(
        503,
        format!(
            "the query was stopped at the time limit of {} (parley serve --timeout)",
            Seconds(timeout.as_secs_f64())
        ),
    )
}

/// Evaluates and serializes on the query's own thread.
fn evaluate(
    store: &ParleyStore,
    query: &str,
    accept: Option<&str>,
    limits: QueryLimits,
    deadline: Instant,
    token: CancellationToken,
) -> Result<Reply, HttpError> {
    let max_rows = limits.max_rows;
    let results = match store.query_cancellable(query, token.clone()) {
        Ok(results) => results,
        Err(ParleyError::SparqlSyntax(cause)) => {
            // An update sent as a query is refused as an update, not as a syntax error.
            if SparqlEvaluator::new().parse_update(query).is_ok() {
                return Err(HttpError::new(403, READ_ONLY));
            }
            return Err(HttpError::bad_request(format!("SPARQL syntax error: {cause}")));
        }
        Err(error) => return Err(evaluation_failed(&error)),
    };
    // Stops the results at the row limit or the deadline, and remembers which.
    let stop = Rc::new(Cell::new(None::<Stop>));
    let rows = Rc::new(Cell::new(0usize));
    let guard = {
        let (stop, rows) = (Rc::clone(&stop), Rc::clone(&rows));
        move || -> bool {
            rows.set(rows.get() + 1);
            if rows.get() > max_rows {
                stop.set(Some(Stop::TooManyRows));
            } else if Instant::now() > deadline {
                token.cancel();
                stop.set(Some(Stop::TimeLimit));
            }
            stop.get().is_none()
        }
    };
    let written = match results {
        QueryResults::Boolean(_) | QueryResults::Solutions(_) => {
            let offers: Vec<&str> = SOLUTION_TYPES.iter().map(|(media, _)| *media).collect();
            let media = http::negotiate(accept, &offers).ok_or_else(|| not_acceptable(&offers))?;
            let format = SOLUTION_TYPES.iter().find(|(m, _)| *m == media).map(|(_, f)| *f);
            let format = format.unwrap_or(ResultsFormat::Json);
            let results = match results {
                QueryResults::Solutions(solutions) => {
                    let variables: Arc<[_]> = solutions.variables().into();
                    QueryResults::Solutions(QuerySolutionIter::new(
                        variables,
                        solutions.take_while(move |_| guard()),
                    ))
                }
                other => other,
            };
            write_results(results, format, Vec::new()).map(|body| (media, body))
        }
        QueryResults::Graph(triples) => {
            let offers: Vec<&str> = GRAPH_TYPES.iter().map(|(media, _)| *media).collect();
            let media = http::negotiate(accept, &offers).ok_or_else(|| not_acceptable(&offers))?;
            let format = GRAPH_TYPES.iter().find(|(m, _)| *m == media).map(|(_, f)| *f);
            let format = format.unwrap_or(GraphFormat::Turtle);
            let quads = triples.take_while(move |_| guard()).map(|triple| {
                triple
                    .map(|t| t.in_graph(GraphName::DefaultGraph))
                    .map_err(|e| ParleyError::SparqlEvaluation(Box::new(e)))
            });
            write_quads(format, quads, Vec::new()).map(|body| (media, body))
        }
    };
    match stop.get() {
        Some(Stop::TooManyRows) => {
            return Err(HttpError::bad_request(format!(
                "the result has more than {max_rows} rows, the limit of this server (parley serve --max-rows): add a LIMIT to the query"
            )))
        }
        Some(Stop::TimeLimit) => return Err(timed_out(limits.timeout)),
        None => {}
    }
    let (media, body) = written.map_err(|error| evaluation_failed(&error))?;
    let content_type = if media.starts_with("text/") {
        format!("{media}; charset=utf-8")
    } else {
        media.to_owned()
    };
    Ok(Reply::ok(content_type, body))
}

#[derive(Debug, Clone, Copy)]
enum Stop {
    TooManyRows,
    TimeLimit,
}

fn not_acceptable(offers: &[&str]) -> HttpError {
    HttpError::new(
        406,
        format!(
            "cannot answer in the accepted types; this query gives {}",
            offers.join(", ")
        ),
    )
}

fn evaluation_failed(error: &ParleyError) -> HttpError {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    // a query stopped by its token ends here only if the deadline passed
    HttpError::new(500, message)
}
