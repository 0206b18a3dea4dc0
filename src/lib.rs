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
//! are what the commands print.
mod batch;
mod error;
mod explain;
mod extract;
mod graph;
mod kinds;
mod present;
mod rdf;
mod serve;
mod text;

pub use batch::{default_jobs, ordered_map, OrderedMap};
pub use error::{panic_message, BoxedError, ParleyError};
pub use explain::{explain, resolve};
pub use extract::model::*;
pub use extract::Extractor;
pub use graph::{
    csv_paths, measures, project, write_csv, write_csv_joined, write_network, AttributeType, Edge, EntityType,
    EventMode, GraphOptions, NetworkFormat, Node, NodeMeasures, PropertyGraph, Value, EDGE_ATTRIBUTES, NODE_ATTRIBUTES,
};
pub use kinds::{
    class_names, event_style, AgentRole, Edges, EventClass, EventKindDef, RoleDef, Style, EVENT_KINDS, ROLES,
};
pub use present::{
    append_mentions, compact_iri, compact_term, escape_controls, write_entities, write_results, write_rows,
    write_table, EntitiesFormat, Progress, ResultsFormat,
};
pub use rdf::{
    document_quads, mint, vocab, write_quads, DocumentGraph, DocumentWriter, EntitySummary, GraphFormat, ParleyStore,
    StoreStats,
};
pub use serve::client::{IngestClient, IngestReport};
pub use serve::{served_url, HttpError, QueryLimits, ServeOptions, Server, StopHandle, SERVED_FILE};
pub use text::{
    jsonl_from_bytes, load_inputs, parse_date, read_inputs, text_from_bytes, Document, InputError, Inputs, Location,
};

/// The extraction stages one at a time, for the criterion benchmarks in
/// `benches/`. **Unstable: not part of the API**; may change or go away in any
/// release.
#[doc(hidden)]
pub use extract::bench;
