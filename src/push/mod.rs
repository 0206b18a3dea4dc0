//! `parley push`: every document's named graph, sent to another triple store
//! by the SPARQL 1.1 Graph Store HTTP Protocol.
//!
//! Why `PUT` per graph (`?graph=IRI`): it replaces the graph whole, so
//! pushing twice leaves the endpoint as pushing once, a retried request can
//! do no harm, and a document rebuilt in Parley replaces its old version on
//! the other side too. Every store that speaks the protocol takes it
//! (Oxigraph at `/store`, Virtuoso at `/sparql-graph-crud-auth`, Fuseki,
//! GraphDB, ...), with nothing to install there.
//!
//! How: graphs are read from the store a batch at a time (memory stays at one
//! batch of bodies), each serialized as N-Triples with its lines sorted, so
//! that the same content always gives the same bytes and the same SHA-256.
//! A graph whose hash is the one [`record`] holds for this endpoint was sent
//! already and is skipped; the others are sent on `jobs` threads, each with
//! its own connection ([`client`]), and recorded once the batch is done. So a
//! second push sends only new and changed documents, and a push cut short
//! (Ctrl-C, an endpoint that went away) resumes where its last batch ended.
//!
//! What the endpoint holds besides Parley's graphs is never touched, and a
//! graph Parley no longer has is not deleted there.

mod auth;
mod client;
mod record;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

pub use auth::{Credentials, PASSWORD_VARIABLE, USER_VARIABLE};
pub use client::RetryPolicy;
pub use record::RECORD_DIR;

use crate::error::ParleyError;
use crate::present::Progress;
use crate::rdf::ParleyStore;
use client::{Endpoint, GraphStoreClient, PutError};
use record::{content_hash, PushRecord};

/// What `parley push` does, besides the store it reads.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The Graph Store endpoint, e.g. `http://localhost:7878/store`.
    pub endpoint: String,
    /// User name and password, answered to the endpoint's challenge.
    pub credentials: Option<Credentials>,
    /// Requests in flight at once (one connection each).
    pub jobs: usize,
    /// Documents read, sent and recorded together.
    pub batch: usize,
    /// How failures that may pass are retried.
    pub retry: RetryPolicy,
    /// The longest one request may take, body and answer included.
    pub timeout: Duration,
    /// Send every graph, whatever the record says was sent before.
    pub all: bool,
}

/// What a push did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PushSummary {
    /// Document graphs in the store.
    pub documents: usize,
    /// Graphs sent and accepted.
    pub sent: usize,
    /// Graphs not sent: the endpoint has them as they are.
    pub unchanged: usize,
    /// Graphs the endpoint refused (each was reported).
    pub refused: usize,
    /// Bytes of N-Triples sent and accepted (retries not counted).
    pub bytes: u64,
    /// Requests sent again after a failure that may pass.
    pub retries: u64,
    /// The record of this endpoint, in the store directory.
    pub record: PathBuf,
}

/// One graph to send: its IRI, body and hash.
struct Outgoing {
    iri: String,
    body: Vec<u8>,
    hash: String,
}

/// Sends every document graph of `store` that the endpoint does not have as
/// it is to `options.endpoint`. A graph the endpoint refuses is passed to
/// `refused` (and not recorded) and the others go on; an endpoint that keeps
/// failing, or refuses the credentials, ends the push with an error, after
/// recording what was sent.
pub fn push(
    store: &ParleyStore,
    options: &PushOptions,
    progress: &Progress,
    mut refused: impl FnMut(ParleyError),
) -> Result<PushSummary, ParleyError> {
    let endpoint = Endpoint::parse(&options.endpoint)?;
    let mut record = PushRecord::open(store.path(), endpoint.as_str())?;
    let graphs = store.document_graphs()?;
    progress.start_count(graphs.len() as u64);
    let jobs = options.jobs.max(1);
    let mut clients: Vec<GraphStoreClient> = (0..jobs)
        .map(|_| {
            GraphStoreClient::new(
                endpoint.clone(),
                options.credentials.clone(),
                options.retry,
                options.timeout,
            )
        })
        .collect();
    let mut summary = PushSummary {
        documents: graphs.len(),
        record: PushRecord::path(store.path(), endpoint.as_str()),
        ..PushSummary::default()
    };
    let retries = AtomicU64::new(0);
    for chunk in graphs.chunks(options.batch.max(1)) {
        let mut outgoing = Vec::new();
        for graph in chunk {
            let body = store.graph_ntriples(graph.as_ref())?;
            let hash = content_hash(&body);
            if !options.all && record.is_current(graph.as_str(), &hash) {
                summary.unchanged += 1;
                progress.advance(1);
            } else {
                outgoing.push(Outgoing {
                    iri: graph.as_str().to_owned(),
                    body,
                    hash,
                });
            }
        }
        let outcomes = send_batch(&mut clients, &outgoing, progress, &retries);
        let mut accepted = Vec::new();
        let mut fatal = None;
        for (graph, outcome) in outgoing.iter().zip(outcomes) {
            match outcome {
                Some(Ok(())) => {
                    summary.sent += 1;
                    summary.bytes += graph.body.len() as u64;
                    accepted.push((graph.iri.clone(), graph.hash.clone()));
                }
                Some(Err(PutError::Refused(cause))) => {
                    summary.refused += 1;
                    refused(ParleyError::GraphRefused {
                        endpoint: endpoint.as_str().to_owned(),
                        graph: graph.iri.clone(),
                        source: Box::new(cause),
                    });
                }
                Some(Err(PutError::Stopped)) | None => {}
                Some(Err(PutError::Unauthorized {
                    status,
                    need_credentials,
                })) => {
                    fatal.get_or_insert(ParleyError::EndpointUnauthorized {
                        endpoint: endpoint.as_str().to_owned(),
                        status,
                        need_credentials,
                    });
                }
                Some(Err(PutError::Redirected { status, location })) => {
                    fatal.get_or_insert(ParleyError::EndpointRedirected {
                        endpoint: endpoint.as_str().to_owned(),
                        status,
                        location,
                    });
                }
                Some(Err(PutError::Unavailable { attempts, cause })) => {
                    fatal.get_or_insert(ParleyError::EndpointUnavailable {
                        endpoint: endpoint.as_str().to_owned(),
                        attempts,
                        source: cause,
                    });
                }
            }
        }
        record.add(&accepted)?;
        progress.set_message(&format!("{} sent, {} unchanged", summary.sent, summary.unchanged));
        if let Some(error) = fatal {
            return Err(error);
        }
    }
    record.compact()?;
    summary.retries = retries.load(Ordering::Relaxed);
    Ok(summary)
}

/// Sends `outgoing` on one thread per client (at most one per graph); the
/// outcome of each graph, in order (`None`: not tried, the push stopped).
fn send_batch(
    clients: &mut [GraphStoreClient],
    outgoing: &[Outgoing],
    progress: &Progress,
    retries: &AtomicU64,
) -> Vec<Option<Result<(), PutError>>> {
    let outcomes: Vec<Mutex<Option<Result<(), PutError>>>> = outgoing.iter().map(|_| Mutex::new(None)).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let workers = clients.len().min(outgoing.len());
    std::thread::scope(|scope| {
        for client in clients.iter_mut().take(workers) {
            let (next, stop, outcomes) = (&next, &stop, &outcomes);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(graph) = outgoing.get(index) else { break };
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let outcome = match client.put_graph(&graph.iri, &graph.body, stop) {
                    Ok(retried) => {
                        retries.fetch_add(u64::from(retried), Ordering::Relaxed);
                        progress.advance(1);
                        Ok(())
                    }
                    Err(error) => {
                        match error {
                            PutError::Refused(_) => progress.advance(1),
                            PutError::Stopped => {}
                            // every later request would meet the same
                            PutError::Unauthorized { .. }
                            | PutError::Redirected { .. }
                            | PutError::Unavailable { .. } => stop.store(true, Ordering::Relaxed),
                        }
                        Err(error)
                    }
                };
                *outcomes[index].lock().unwrap_or_else(|e| e.into_inner()) = Some(outcome);
            });
        }
    });
    outcomes
        .into_iter()
        .map(|outcome| outcome.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}
