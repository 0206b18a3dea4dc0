//! Typed errors of the library.
//!
//! Every message is one line and names what failed (a file, a file and line,
//! a store directory) so that the binary can print it as is after `parley: `.
//! Causes from dependencies are kept as `source`s rather than pasted into the
//! message, so an error chain never repeats itself.
use std::error::Error as StdError;
use std::io;
use std::path::PathBuf;

use thiserror::Error;

use crate::text::InputError;

/// A boxed error from a dependency, kept as the source of a [`ParleyError`].
///
/// Boxed rather than typed so that only `rdf::store` depends on oxigraph's
/// storage types.
pub type BoxedError = Box<dyn StdError + Send + Sync + 'static>;

/// Everything that can go wrong in the library.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ParleyError {
    /// A rule or gazetteer data file is malformed.
    #[error("{file}:{line}: {message}")]
    Lexicon { file: String, line: usize, message: String },

    /// A rule failed on one document: a bug in Parley, reported instead of
    /// crashing so that the other documents still go through.
    #[error("document {document:?}: internal error in extraction ({message}); please report it")]
    Extraction { document: String, message: String },

    /// An input document could not be read or is not acceptable.
    #[error(transparent)]
    Input(#[from] InputError),

    /// The directory exists but holds something other than a Parley store.
    #[error("{}: not a Parley store", path.display())]
    NotAStore {
        /// The store directory as given.
        path: PathBuf,
    },

    /// A command that reads a store was given a directory that does not exist.
    #[error("{}: no such store", path.display())]
    NoSuchStore {
        /// The store directory as given.
        path: PathBuf,
    },

    /// Another process holds the store open for writing (RocksDB's lock):
    /// one process owns a store at a time, and every command, even one
    /// that only reads, is refused at once rather than made to wait.
    #[error("{}: store is locked by another process (a build, or `parley serve`); wait for it to finish, or query the server that owns it (`parley serve`, `parley build --server URL`)", path.display())]
    StoreLocked {
        /// The store directory as given.
        path: PathBuf,
    },

    /// The device the store is on is full. What the store held before the
    /// failed commit is intact (a commit is atomic, and the files of a failed
    /// bulk checkpoint are removed); after a failed transaction RocksDB needs
    /// some free space to open the store again.
    #[error("{}: no space left on the device; the store keeps what it held and what this build committed: free some space and run the build again (documents already stored are skipped)", path.display())]
    DiskFull {
        /// The store directory as given.
        path: PathBuf,
        /// The underlying storage error.
        #[source]
        source: BoxedError,
    },

    /// Any other failure of the store: I/O, corruption, a failed commit.
    #[error("{}: store error", path.display())]
    Store {
        /// The store directory as given.
        path: PathBuf,
        /// The underlying storage error.
        #[source]
        source: BoxedError,
    },

    /// The SPARQL query does not parse.
    #[error("SPARQL syntax error")]
    SparqlSyntax(#[source] BoxedError),

    /// The SPARQL query parsed but its evaluation failed.
    #[error("SPARQL evaluation error")]
    SparqlEvaluation(#[source] BoxedError),

    /// A query ran past its time limit (`parley query --timeout`) and was stopped.
    #[error(
        "query stopped after {seconds} s (--timeout): narrow it (LIMIT, more specific patterns) or allow it longer"
    )]
    QueryTimeout {
        /// The limit, in seconds, as given.
        seconds: f64,
    },

    /// `parley graph --query` was given a query other than CONSTRUCT.
    #[error("the graph query must be a SPARQL CONSTRUCT query")]
    NotConstruct,

    /// `--around` names no node of the graph.
    #[error("no node {name:?} in the graph (give an IRI, a prefixed name such as state:RUS, or a label)")]
    NoSuchNode {
        /// The IRI, prefixed name or label as given.
        name: String,
    },

    /// `--around` names a label that several nodes carry.
    #[error("{count} nodes are labelled {name:?} ({candidates}, ...); give the IRI instead")]
    AmbiguousNode {
        /// The label as given.
        name: String,
        /// How many nodes carry it.
        count: usize,
        /// The first few of their IRIs, comma-separated.
        candidates: String,
    },

    /// `parley explain` was given a prefixed name with a prefix Parley does
    /// not declare.
    #[error("unknown prefix {prefix:?} in {name:?}")]
    UnknownPrefix {
        /// The prefix, without its colon.
        prefix: String,
        /// The whole name as given.
        name: String,
    },

    /// `parley explain` was given something that is neither an IRI nor a
    /// prefixed name.
    #[error("{name:?} is not an IRI or a prefixed name such as state:RUS")]
    NotANodeName {
        /// The name as given.
        name: String,
    },

    /// `parley explain` was given a name that expands to an invalid IRI.
    #[error("{name:?} is not a valid IRI")]
    InvalidIri {
        /// The name as given.
        name: String,
        /// What the IRI parser found.
        #[source]
        source: BoxedError,
    },

    /// `parley explain` was given a node the store says nothing about.
    #[error("{} is not in the store", if name == shown { shown.clone() } else { format!("{name} ({shown})") })]
    NotInStore {
        /// The name as given.
        name: String,
        /// The node as Parley prints it (a prefixed name or `<IRI>`).
        shown: String,
    },

    /// RDF or query results could not be serialized.
    #[error("cannot serialize {what}")]
    Serialization {
        /// What was being written ("Turtle", "query results", ...).
        what: String,
        /// The underlying error.
        #[source]
        source: BoxedError,
    },

    /// `parley serve` cannot listen on the address given.
    #[error("cannot listen on {address}")]
    Bind {
        /// The address as given (`127.0.0.1:7878`).
        address: String,
        /// What the socket layer said.
        #[source]
        source: BoxedError,
    },

    /// A `parley serve` that `build --server` sends documents to cannot be
    /// reached or refused them.
    #[error("server {url}: {message}")]
    Server {
        /// The server's URL.
        url: String,
        /// The transport error, or the status and message the server answered.
        message: String,
    },

    /// `parley push --endpoint` is not a URL Parley can send graphs to.
    #[error("{endpoint}: {reason}")]
    InvalidEndpoint {
        /// The endpoint as given.
        endpoint: String,
        /// What is wrong with it.
        reason: String,
    },

    /// `PARLEY_PUSH_USER` and `PARLEY_PUSH_PASSWORD` must be set together.
    #[error("set both PARLEY_PUSH_USER and PARLEY_PUSH_PASSWORD, or neither ({missing} is not set)")]
    IncompleteCredentials {
        /// The variable that is missing.
        missing: &'static str,
    },

    /// The endpoint asked for credentials that were not given, or refused
    /// those given (`401`, `403`).
    #[error("{endpoint}: {}", if *need_credentials {
        format!("HTTP {status}: the endpoint wants a user name and password (set PARLEY_PUSH_USER and PARLEY_PUSH_PASSWORD)")
    } else {
        format!("HTTP {status}: the endpoint refused the credentials (PARLEY_PUSH_USER, PARLEY_PUSH_PASSWORD)")
    })]
    EndpointUnauthorized {
        /// The endpoint URL.
        endpoint: String,
        /// The HTTP status.
        status: u16,
        /// True when no credentials had been given.
        need_credentials: bool,
    },

    /// The endpoint answered with a redirection: the URL given is not the
    /// Graph Store endpoint itself.
    #[error("{endpoint}: HTTP {status}: the endpoint redirects to {location:?}; give that URL as --endpoint")]
    EndpointRedirected {
        /// The endpoint URL.
        endpoint: String,
        /// The HTTP status (3xx).
        status: u16,
        /// Where it redirects to (empty when it did not say).
        location: String,
    },

    /// The endpoint kept failing (`5xx`, timeouts, refused connections) after
    /// every retry; what was sent before is recorded, so pushing again resumes.
    #[error("{endpoint}: failed {attempts} times in a row; the graphs sent so far are recorded, push again to go on")]
    EndpointUnavailable {
        /// The endpoint URL.
        endpoint: String,
        /// Attempts made for the last graph.
        attempts: u32,
        /// The last failure.
        #[source]
        source: BoxedError,
    },

    /// The endpoint refused one graph (a `4xx`); the others are still sent.
    #[error("{endpoint}: graph <{graph}> refused")]
    GraphRefused {
        /// The endpoint URL.
        endpoint: String,
        /// The graph (document) IRI.
        graph: String,
        /// The status and what the server said.
        #[source]
        source: BoxedError,
    },

    /// The record of what was pushed could not be read or written.
    #[error("{}: cannot read or write the push record", path.display())]
    PushRecord {
        /// The record file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: io::Error,
    },

    /// Writing the output failed (including a closed pipe).
    #[error("cannot write output")]
    Io(#[from] io::Error),
}

impl ParleyError {
    /// True when the error is only a closed output pipe (`parley ... | head`),
    /// which a command-line tool treats as success.
    pub fn is_broken_pipe(&self) -> bool {
        let mut current: Option<&(dyn StdError + 'static)> = Some(self);
        while let Some(error) = current {
            if let Some(io) = error.downcast_ref::<io::Error>() {
                if io.kind() == io::ErrorKind::BrokenPipe {
                    return true;
                }
            }
            current = error.source();
        }
        false
    }
}

/// The message a panic was raised with (`panic!("...")` gives a `&str` or a
/// `String`), or "panic" when it carried something else.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panic".to_string())
}
