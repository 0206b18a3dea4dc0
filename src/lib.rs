//! Parley: a rule-based knowledge-graph builder for news about diplomacy and conflict.
//!
//! The pipeline is three steps, one module each: [`load_inputs`] reads
//! documents, [`Extractor`] finds entities and events in them, and
//! [`document_quads`] turns each document's [`Extraction`] into one named
//! graph, which is written out ([`write_quads`]) or kept in a
//! [`ParleyStore`]. The modules are private; everything public is re-exported
//! here, so the paths callers use do not move when files do. [`project`]
//! turns a store into a [`PropertyGraph`] with network measures, for the
//! visualization formats of [`write_network`] and [`write_csv`]. [`explain`]
//! tells why a node is in a store, and the presentation functions
//! ([`write_table`], [`write_results`], [`write_entities`], [`Progress`], ...)
//! are what the commands print. [`push`] sends a store's graphs to another
//! triple store over the SPARQL 1.1 Graph Store Protocol.
//!
//! The on-disk store and what reads it ([`ParleyStore`], [`project`],
//! [`explain`]) are behind the default `store` feature, which brings in
//! RocksDB; without it the crate is extraction and RDF (quads, N-Quads,
//! Turtle, event tables), which is all the Python package needs. The feature
//! is tested only on module declarations (here, in `rdf/mod.rs` and
//! `present/mod.rs`).
mod batch;
mod error;
#[cfg(feature = "store")]
mod explain;
mod extract;
#[cfg(feature = "store")]
mod graph;
mod kinds;
mod present;
#[cfg(feature = "store")]
mod push;
mod rdf;
#[cfg(feature = "store")]
mod serve;
mod text;

pub use batch::{default_jobs, ordered_map, OrderedMap};
pub use error::{panic_message, BoxedError, ParleyError};
#[cfg(feature = "store")]
pub use explain::{explain, resolve};
pub use extract::model::*;
pub use extract::rule_examples::{rule_examples, RuleExample};
pub use extract::Extractor;
#[cfg(feature = "store")]
pub use graph::{
    csv_paths, measures, project, write_csv, write_csv_joined, write_network, AttributeType, Edge, EntityType,
    EventMode, GraphOptions, NetworkFormat, Node, NodeMeasures, PropertyGraph, Value, EDGE_ATTRIBUTES, NODE_ATTRIBUTES,
};
pub use kinds::{
    class_names, event_style, AgentRole, Edges, EventClass, EventKindDef, RoleDef, Style, EVENT_KINDS, ROLES,
};
pub use present::{
    append_mentions, compact_iri, compact_term, escape_controls, extraction_json, one_line, write_results, write_rows,
    write_table, BuildReport, Progress, ResultsFormat,
};
#[cfg(feature = "store")]
pub use present::{
    write_entities, write_push_report, write_stats, EntitiesFormat, EventTableWriter, EventsFormat, PARQUET_ROW_GROUP,
};
#[cfg(feature = "store")]
pub use push::{
    push, Credentials, PushOptions, PushSummary, RetryPolicy, PASSWORD_VARIABLE, RECORD_DIR, USER_VARIABLE,
};
#[cfg(feature = "store")]
pub use rdf::{
    content_hash, is_shard, read_shards, split_shards, Checkpoints, DocumentWriter, EntitySummary, ParleyStore,
    QueryDeadline, ShardGraph, Shards, StoreStats,
};
pub use rdf::{
    document_quads, event_rows, mint, vocab, write_quads, DocumentGraph, EventRow, GraphFormat, EVENT_COLUMNS,
};
#[cfg(feature = "store")]
pub use serve::client::{IngestClient, IngestReport};
#[cfg(feature = "store")]
pub use serve::{served_url, HttpError, QueryLimits, ServeOptions, Server, StopHandle, SERVED_FILE};
pub use text::{
    checked_document, jsonl_from_bytes, load_inputs, parse_date, read_inputs, text_from_bytes, Document,
    DocumentFields, InputError, Inputs, Location, MAX_DOCUMENT_BYTES,
};

/// The extraction stages one at a time, for the criterion benchmarks in
/// `benches/`. **Unstable: not part of the API**; may change or go away in any
/// release.
#[doc(hidden)]
pub use extract::bench;
