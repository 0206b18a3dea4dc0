//! RDF: from an [`Extraction`] to quads, and from quads to files and a store.
//!
//! Each document becomes one named graph whose IRI is the document node
//! (`pid:doc/<id>`), holding the document's description, every entity it
//! mentions and every event read from it. Graph-per-document is what lets
//! `parley build` replace a re-extracted document atomically, and what lets a
//! scorer ask "which states were found in this document?".
//!
//! No blank nodes are ever produced: every node has a minted IRI
//! ([`mint`]), so two runs over the same input give graphs that compare
//! exactly, and entity nodes from different documents merge by IRI.

mod events;
pub mod mint;
#[cfg(feature = "store")]
mod shards;
#[cfg(feature = "store")]
mod store;
pub mod vocab;

use rustc_hash::FxHashSet;
use std::io::Write;

use chrono::NaiveDate;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term, Triple};

pub use events::{event_rows, EventRow, EVENT_COLUMNS};
#[cfg(feature = "store")]
pub use shards::{is_shard, read_shards, split_shards, ShardGraph, Shards};
#[cfg(feature = "store")]
pub use store::{content_hash, Checkpoints, DocumentWriter, EntitySummary, ParleyStore, QueryDeadline, StoreStats};

use crate::error::ParleyError;
use crate::extract::model::{EntityId, EntityKey, EntityKind, Event, Extraction};
use crate::text::Document;
use vocab::{dcterms, owl, parley, prov, rdf, rdfs, schema, skos, xsd};

/// RDF serializations Parley writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GraphFormat {
    /// Turtle: triples only (the union of all document graphs), with prefixes.
    Turtle,
    /// N-Triples: triples only (the union of all document graphs).
    NTriples,
    /// N-Quads: one named graph per document.
    NQuads,
    /// TriG: one named graph per document, with prefixes.
    TriG,
    /// JSON-LD: one named graph per document.
    JsonLd,
    /// RDF/XML: triples only (the union of all document graphs).
    RdfXml,
}

impl GraphFormat {
    /// True for formats that keep named graphs (N-Quads, TriG, JSON-LD).
    pub fn keeps_graphs(self) -> bool {
        self.rdf_format().supports_datasets()
    }

    fn rdf_format(self) -> RdfFormat {
        match self {
            GraphFormat::Turtle => RdfFormat::Turtle,
            GraphFormat::NTriples => RdfFormat::NTriples,
            GraphFormat::NQuads => RdfFormat::NQuads,
            GraphFormat::TriG => RdfFormat::TriG,
            GraphFormat::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
            GraphFormat::RdfXml => RdfFormat::RdfXml,
        }
    }
}

/// Writes quads in `format`.
///
/// Dataset formats get the quads in the order given (callers pass them
/// grouped by graph, which keeps TriG and JSON-LD compact). Triple formats get
/// the union of the graphs: graph names dropped, duplicate triples (an entity
/// described in several documents) written once, sorted by subject so each
/// node's description stays together. That needs the triples in memory.
pub fn write_quads<W: Write, I>(format: GraphFormat, quads: I, writer: W) -> Result<W, ParleyError>
where
    I: IntoIterator<Item = Result<Quad, ParleyError>>,
{
    let mut serializer = RdfSerializer::from_format(format.rdf_format());
    for (prefix, namespace) in vocab::PREFIXES {
        serializer = serializer
            .with_prefix(*prefix, *namespace)
            .map_err(|error| ParleyError::Serialization {
                what: "prefixes".into(),
                source: Box::new(error),
            })?;
    }
    let mut serializer = serializer.for_writer(writer);
    if format.keeps_graphs() {
        for quad in quads {
            serializer.serialize_quad(&quad?)?;
        }
    } else {
        let mut seen = FxHashSet::default();
        let mut triples: Vec<Triple> = Vec::new();
        for quad in quads {
            let triple = Triple::from(quad?);
            if seen.insert(triple.clone()) {
                triples.push(triple);
            }
        }
        drop(seen);
        // Equal keys keep their order: a node's triples stay as the document gave them.
        triples.sort_by_cached_key(|triple| triple.subject.to_string());
        for triple in &triples {
            serializer.serialize_triple(triple)?;
        }
    }
    let mut writer = serializer.finish()?;
    // These serializers stop right after the last `]` or `>`: end the file
    // with a newline like the others, so it prints cleanly in a terminal.
    if matches!(format, GraphFormat::JsonLd | GraphFormat::RdfXml) {
        writer.write_all(b"\n")?;
    }
    Ok(writer)
}

/// One document's named graph (IRI = the document node), its triples in the
/// order they were first made, without duplicates.
///
/// The graph describes the document node, every entity of the extraction (so
/// any entity an event or relation points to is described in the same graph)
/// and every event. Entity ids that point outside `extraction.entities` are
/// skipped rather than trusted.
///
/// Nodes are minted once and referred to by index, and literals borrow from
/// the document and its extraction: oxigraph's [`Quad`] owns every string, and
/// making one per triple (four IRIs cloned each time) was a tenth of
/// `extract`'s time. Quads are made only where they are needed
/// ([`DocumentGraph::to_quads`]); N-Quads are written straight from here
/// ([`DocumentGraph::append_nquads`]).
pub struct DocumentGraph<'a> {
    /// Every IRI node of the graph: the document first, then the entities in
    /// extraction order, then the events.
    nodes: Vec<NamedNode>,
    /// How many entities follow the document in `nodes`.
    entity_count: usize,
    /// The triples, each once, in the order first made.
    triples: Vec<Triple3<'a>>,
    /// Where the triples of the last subject begin in `triples`.
    last_subject_from: usize,
    /// Whether subjects have come in increasing order so far (see [`DocumentGraph::add`]).
    subjects_in_order: bool,
}

/// A triple of a [`DocumentGraph`].
type Triple3<'a> = (NodeId, NamedNodeRef<'static>, Object<'a>);

/// Index into [`DocumentGraph::nodes`].
type NodeId = usize;

/// The node of the document itself, which is also the graph name.
const DOCUMENT_NODE: NodeId = 0;

/// The object of a triple, as cheap to make as possible.
#[derive(Debug, PartialEq, Eq)]
enum Object<'a> {
    Node(NodeId),
    Vocabulary(NamedNodeRef<'static>),
    Iri(NamedNode),
    /// A plain string literal borrowed from the document or the extraction.
    Str(&'a str),
    /// A plain string literal made for the graph (event labels).
    String(String),
    Integer(usize),
    Date(NaiveDate),
    AnyUri(&'a str),
}

impl<'a> DocumentGraph<'a> {
    /// The graph of `doc` and its extraction.
    pub fn new(doc: &'a Document, extraction: &'a Extraction) -> DocumentGraph<'a> {
        let mut nodes = Vec::with_capacity(1 + extraction.entities.len() + extraction.events.len());
        nodes.push(mint::document_iri(&doc.id));
        nodes.extend(extraction.entities.iter().map(|entity| mint::entity_iri(&entity.key)));
        // sized once for the usual triples of each node (an entity has about
        // eight, an event fourteen): growing the set rehashed every triple
        // made so far, once per doubling
        let expected = 6 + 8 * extraction.entities.len() + 14 * extraction.events.len();
        let mut g = DocumentGraph {
            nodes,
            entity_count: extraction.entities.len(),
            triples: Vec::with_capacity(expected),
            last_subject_from: 0,
            subjects_in_order: true,
        };
        let d = DOCUMENT_NODE;
        g.add(d, rdf::TYPE, Object::Vocabulary(parley::DOCUMENT));
        g.add(d, dcterms::IDENTIFIER, Object::Str(&doc.id));
        if let Some(title) = &doc.title {
            g.add(d, dcterms::TITLE, Object::Str(title));
        }
        if let Some(value) = doc.date {
            g.add(d, dcterms::DATE, Object::Date(value));
        }
        if let Some(url) = &doc.url {
            g.add(d, schema::URL, Object::AnyUri(url));
        }
        g.add(d, parley::CHARACTER_COUNT, Object::Integer(doc.text.chars().count()));

        let entity_count = g.entity_count;
        // entity `id` is node `id + 1`; ids out of range are dropped
        let node_of = |id: EntityId| (id < entity_count).then_some(id + 1);

        for (id, entity) in extraction.entities.iter().enumerate() {
            let e = id + 1;
            g.add(e, rdf::TYPE, Object::Vocabulary(vocab::entity_class(entity.kind)));
            g.add(e, rdfs::LABEL, Object::Str(&entity.label));
            for alt in entity.alt_labels.iter().filter(|alt| **alt != entity.label) {
                g.add(e, skos::ALT_LABEL, Object::Str(alt));
            }
            if entity.kind == EntityKind::State {
                let key_code = match &entity.key {
                    EntityKey::State(code) => Some(code),
                    _ => None,
                };
                // The contract finds states by isoCode, so fall back on the key.
                if let Some(code) = entity.iso3.as_ref().or(key_code) {
                    g.add(e, parley::ISO_CODE, Object::Str(code));
                }
                if let Some(qid) = &entity.wikidata {
                    g.add(e, owl::SAME_AS, Object::Iri(mint::wikidata_iri(qid)));
                }
            }
            for agent in entity.represents.iter().filter_map(|id| node_of(*id)) {
                g.add(e, parley::REPRESENTS, Object::Node(agent));
            }
            for role in &entity.roles {
                g.add(e, parley::ROLE, Object::Str(role));
            }
            if let Some(state) = entity.located_in.and_then(node_of) {
                // a place lies in its state; an organization belongs to its state
                let property = if entity.kind == EntityKind::Organization {
                    parley::BASED_IN
                } else {
                    parley::LOCATED_IN
                };
                g.add(e, property, Object::Node(state));
            }
            // an entity can be in the graph without being named (the state a place
            // lies in, the organization a public figure serves): only a named one is
            // "mentioned in" the document
            if entity.mentions > 0 {
                g.add(e, parley::MENTIONED_IN, Object::Node(d));
                g.add(e, parley::MENTION_COUNT, Object::Integer(entity.mentions));
            }
        }

        let label_of = |ids: &mut dyn Iterator<Item = EntityId>| -> String {
            ids.filter_map(|id| extraction.entities.get(id))
                .map(|entity| entity.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };

        for (index, event) in extraction.events.iter().enumerate() {
            let v = g.nodes.len();
            g.nodes.push(mint::event_iri(&doc.id, event.class, index + 1));
            g.add(v, rdf::TYPE, Object::Vocabulary(vocab::event_class(event.class)));
            g.add(v, prov::WAS_DERIVED_FROM, Object::Node(d));
            g.add(v, parley::EVIDENCE, Object::Str(&event.evidence.text));
            g.add(v, parley::START_OFFSET, Object::Integer(event.evidence.start));
            g.add(v, parley::END_OFFSET, Object::Integer(event.evidence.end));
            g.add(v, parley::RULE, Object::Str(&event.evidence.rule));
            if let Some(codes) = crate::extract::codes::event_codes(event.class, event.status) {
                if let Some(plover) = &codes.plover {
                    g.add(v, parley::PLOVER_TYPE, Object::Str(plover));
                }
                g.add(v, parley::CAMEO_CODE, Object::Str(&codes.cameo));
            }
            if let Some(value) = event.date {
                g.add(v, parley::DATE, Object::Date(value));
            }
            let def = event.class.def();
            for role in def.roles {
                for agent in event.agents_in(*role).filter_map(node_of) {
                    g.add(v, vocab::role_property(*role), Object::Node(agent));
                }
            }
            if let Some(place) = event.location.and_then(node_of) {
                g.add(v, parley::LOCATION, Object::Node(place));
            }
            if let Some(status) = event.status {
                g.add(v, parley::STATUS, Object::Vocabulary(vocab::meeting_status(status)));
            }
            if let Some(topic) = event.topic {
                g.add(v, parley::TOPIC_PROP, Object::Vocabulary(vocab::topic(topic)));
            }
            if let Some(property) = def.text_property {
                g.add(v, vocab::parley_term(property), Object::Str(&event.text));
            }
            let label = event_label(event, &label_of);
            g.add(v, rdfs::LABEL, Object::String(label));
        }
        g
    }

    /// Adds a triple unless the graph has it. Each node's triples are made
    /// together, and the nodes in increasing order (the document, each
    /// entity, each event), so a triple made before can only be among the
    /// last subject's few: only those are compared (a hash set of all the
    /// triples hashed every IRI and string, for a handful of repeats). Should
    /// a subject come out of order, every triple is compared from then on.
    fn add(&mut self, subject: NodeId, predicate: NamedNodeRef<'static>, object: Object<'a>) {
        let triple = (subject, predicate, object);
        match self.triples.last() {
            Some(&(last, _, _)) if last > subject => self.subjects_in_order = false,
            Some(&(last, _, _)) if last == subject => {}
            _ => self.last_subject_from = self.triples.len(),
        }
        let made = if self.subjects_in_order {
            &self.triples[self.last_subject_from..]
        } else {
            &self.triples[..]
        };
        if !made.contains(&triple) {
            self.triples.push(triple);
        }
    }

    /// The IRIs of the extraction's entities, in its order.
    pub fn entities(&self) -> &[NamedNode] {
        &self.nodes[1..=self.entity_count]
    }

    /// The number of distinct triples in the graph.
    pub fn len(&self) -> usize {
        self.triples.len()
    }

    /// True if the graph has no triples (never the case for a document graph,
    /// which always describes its document).
    pub fn is_empty(&self) -> bool {
        self.triples.is_empty()
    }

    /// The graph's quads, in order.
    pub fn to_quads(&self) -> Vec<Quad> {
        let graph = GraphName::NamedNode(self.nodes[DOCUMENT_NODE].clone());
        self.triples
            .iter()
            .map(|(subject, predicate, object)| {
                Quad::new(
                    self.nodes[*subject].clone(),
                    *predicate,
                    self.term(object),
                    graph.clone(),
                )
            })
            .collect()
    }

    fn term(&self, object: &Object<'_>) -> Term {
        match object {
            Object::Node(node) => self.nodes[*node].clone().into(),
            Object::Vocabulary(node) => node.into_owned().into(),
            Object::Iri(node) => node.clone().into(),
            Object::Str(value) => Literal::new_simple_literal(*value).into(),
            Object::String(value) => Literal::new_simple_literal(value.as_str()).into(),
            Object::Integer(value) => Literal::new_typed_literal(value.to_string(), xsd::INTEGER).into(),
            Object::Date(value) => Literal::new_typed_literal(value.format(DATE_FORMAT).to_string(), xsd::DATE).into(),
            Object::AnyUri(value) => Literal::new_typed_literal(*value, xsd::ANYURI).into(),
        }
    }

    /// Appends the graph as N-Quads lines to `out`: the same bytes as
    /// oxigraph's N-Quads serializer writes for [`DocumentGraph::to_quads`].
    ///
    /// This is `extract --format nquads`'s path: it runs on the worker
    /// threads and writes straight into a byte buffer, with no quad made.
    pub fn append_nquads(&self, out: &mut Vec<u8>) {
        // Reuters-21578 averages 175 bytes a line: reserving once spares the
        // buffer its doublings, each a copy into freshly faulted pages
        out.reserve(self.triples.len() * 192);
        let graph = self.nodes[DOCUMENT_NODE].as_str();
        for (subject, predicate, object) in &self.triples {
            append_iri(self.nodes[*subject].as_str(), out);
            out.push(b' ');
            append_iri(predicate.as_str(), out);
            out.push(b' ');
            match object {
                Object::Node(node) => append_iri(self.nodes[*node].as_str(), out),
                Object::Vocabulary(node) => append_iri(node.as_str(), out),
                Object::Iri(node) => append_iri(node.as_str(), out),
                Object::Str(value) => append_quoted(value, out),
                Object::String(value) => append_quoted(value, out),
                Object::Integer(value) => append_typed(|out| append_decimal(*value, 1, out), xsd::INTEGER, out),
                Object::Date(value) => append_typed(|out| append_date(*value, out), xsd::DATE, out),
                Object::AnyUri(value) => {
                    append_quoted(value, out);
                    out.extend_from_slice(b"^^");
                    append_iri(xsd::ANYURI.as_str(), out);
                }
            }
            out.push(b' ');
            append_iri(graph, out);
            out.extend_from_slice(b" .\n");
        }
    }
}

/// An event's `rdfs:label`: "Demand: Ukraine of Russia (Ceasefire)", the
/// kind's actor first, its target after the kind's word, then the status or
/// topic.
fn event_label(event: &Event, label_of: &dyn Fn(&mut dyn Iterator<Item = EntityId>) -> String) -> String {
    // pushed piece by piece: `format!` cost more than the label
    let def = event.class.def();
    let mut label = String::from(def.name);
    label.push_str(": ");
    label.push_str(&label_of(&mut event.agents_in(def.actor)));
    if let Some((target, word)) = def.target {
        let targets = label_of(&mut event.agents_in(target));
        if !targets.is_empty() {
            for piece in [" ", word, " ", &targets] {
                label.push_str(piece);
            }
        }
    }
    let named = match (event.status, event.topic) {
        (Some(status), _) => Some(status.name()),
        (None, Some(topic)) => Some(topic.name()),
        (None, None) => None,
    };
    if let Some(name) = named {
        for piece in [" (", name, ")"] {
            label.push_str(piece);
        }
    }
    label
}

/// `xsd:date`'s lexical form.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// All quads of one document: its named graph (see [`DocumentGraph`]).
pub fn document_quads(doc: &Document, extraction: &Extraction) -> Vec<Quad> {
    DocumentGraph::new(doc, extraction).to_quads()
}

fn append_iri(iri: &str, out: &mut Vec<u8>) {
    // minted and vocabulary IRIs are valid IRIs: nothing in them needs escaping
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

/// A typed literal whose lexical form needs no escaping (numbers, dates).
fn append_typed(lexical: impl FnOnce(&mut Vec<u8>), datatype: NamedNodeRef<'_>, out: &mut Vec<u8>) {
    out.push(b'"');
    lexical(out);
    out.extend_from_slice(b"\"^^");
    append_iri(datatype.as_str(), out);
}

/// `value` in decimal, zero-padded to at least `width` digits, written
/// digit by digit: through `std::fmt` a number cost some 400 instructions,
/// and every mention and event has some.
fn append_decimal(value: usize, width: usize, out: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = value;
    while rest > 0 || digits.len() - at < width.max(1) {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    out.extend_from_slice(&digits[at..]);
}

/// A date in [`DATE_FORMAT`]: written by hand for the years of four digits
/// (chrono parses the format string on every call), by chrono for others,
/// which it writes with a sign.
fn append_date(date: NaiveDate, out: &mut Vec<u8>) {
    use chrono::Datelike;
    match usize::try_from(date.year()) {
        Ok(year) if year <= 9999 => {
            append_decimal(year, 4, out);
            out.push(b'-');
            append_decimal(date.month() as usize, 2, out);
            out.push(b'-');
            append_decimal(date.day() as usize, 2, out);
        }
        _ => {
            // writing to a Vec cannot fail
            let _ = write!(out, "{}", date.format(DATE_FORMAT));
        }
    }
}

/// A string literal's value in double quotes, escaped as N-Quads wants:
/// the short escapes for quote, backslash and the usual controls, `\uXXXX`
/// for the other controls and the two non-characters U+FFFE and U+FFFF.
fn append_quoted(value: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let bytes = value.as_bytes();
    let mut copied = 0;
    // byte by byte: every character to escape is ASCII but the two
    // non-characters, whose UTF-8 (EF BF BE, EF BF BF) is looked at where an
    // EF byte starts it, so no character is decoded but those escaped; the
    // runs of bytes that cannot start one are passed over by a table lookup
    let mut at = 0;
    while at < bytes.len() {
        // eight bytes at a time where none of them may start an escape
        // (most of a literal): a byte at a time cost a fortieth of extraction
        if let Some(word) = bytes.get(at..at + 8) {
            if !word_may_escape(u64::from_le_bytes(word.try_into().expect("eight bytes"))) {
                at += 8;
                continue;
            }
        }
        if !MAY_ESCAPE[usize::from(bytes[at])] {
            at += 1;
            continue;
        }
        let b = bytes[at];
        let escape: &[u8] = match b {
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0C => b"\\f",
            b'\r' => b"\\r",
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x00..=0x1F | 0x7F => b"",
            0xEF if matches!(bytes.get(at + 1..at + 3), Some([0xBF, 0xBE | 0xBF])) => b"",
            _ => {
                at += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[copied..at]);
        let c = value[at..].chars().next().expect("an escaped byte starts a character");
        if escape.is_empty() {
            out.extend_from_slice(format!("\\u{:04X}", u32::from(c)).as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        copied = at + c.len_utf8();
        at = copied;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

/// Whether any of the eight bytes of `word` is one of [`MAY_ESCAPE`]'s:
/// below 0x20, or 0x22, 0x5C, 0x7F or 0xEF. The tests are the exact
/// "has a zero byte" and "has a byte less than n" tricks of bit twiddling,
/// which never miss a byte (a false alarm only costs the slow path).
fn word_may_escape(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let has_byte = |b: u8| has_zero(word ^ (ONES * u64::from(b)));
    let has_control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0;
    has_control || has_byte(b'"') || has_byte(b'\\') || has_byte(0x7F) || has_byte(0xEF)
}

/// The bytes that may start a character [`append_quoted`] escapes: the
/// controls, quote, backslash, and EF (the lead byte of U+FFFE and U+FFFF).
const MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20 || b == 0x7F || b == b'"' as usize || b == b'\\' as usize || b == 0xEF;
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::extract::model::{AgentRole, Entity, Event, EventClass, Evidence, MeetingStatus, Mention};
    use oxigraph::model::NamedOrBlankNode;

    /// A triple is kept once, also when its subject comes back out of order.
    #[test]
    fn a_repeated_triple_is_kept_once() {
        let mut g = DocumentGraph {
            nodes: Vec::new(),
            entity_count: 0,
            triples: Vec::new(),
            last_subject_from: 0,
            subjects_in_order: true,
        };
        let adds = [
            (0, "a"),
            (0, "b"),
            (0, "a"),
            (1, "a"),
            (2, "c"),
            (1, "a"),
            (2, "c"),
            (1, "d"),
            (2, "c"),
        ];
        for (subject, value) in adds {
            g.add(subject, rdfs::LABEL, Object::Str(value));
        }
        let kept: Vec<(usize, &str)> = g
            .triples
            .iter()
            .map(|(subject, _, object)| match object {
                Object::Str(value) => (*subject, *value),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(kept, [(0, "a"), (0, "b"), (1, "a"), (2, "c"), (1, "d")]);
    }

    fn state(code: &str, label: &str) -> Entity {
        Entity {
            key: EntityKey::State(code.into()),
            kind: EntityKind::State,
            label: label.into(),
            alt_labels: BTreeSet::new(),
            iso3: Some(code.into()),
            wikidata: None,
            mentions: 1,
            represents: BTreeSet::new(),
            roles: BTreeSet::new(),
            located_in: None,
        }
    }

    /// Numbers and dates written by hand are what `std::fmt` and chrono write.
    #[test]
    fn decimals_and_dates_are_those_of_the_formatters() {
        for value in [0, 7, 10, 99, 1234, 1_000_000, usize::MAX] {
            let mut out = Vec::new();
            append_decimal(value, 1, &mut out);
            assert_eq!(out, value.to_string().into_bytes());
        }
        for (y, m, d) in [
            (1987, 3, 9),
            (2026, 12, 31),
            (0, 1, 1),
            (999, 10, 5),
            (9999, 1, 1),
            (10000, 1, 1),
            (-44, 3, 15),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut out = Vec::new();
            append_date(date, &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), date.format(DATE_FORMAT).to_string());
        }
    }

    /// The eight-byte test flags a word exactly when one of its bytes is in
    /// the table, whatever the byte, its place and the bytes around it.
    #[test]
    fn words_that_may_escape_are_those_with_a_byte_of_the_table() {
        for b in 0..=255u8 {
            for place in 0..8 {
                for filler in [b'a', b' ', 0xC3, 0x80, 0xFF, 0x21] {
                    let mut bytes = [filler; 8];
                    bytes[place] = b;
                    let expected = bytes.iter().any(|&x| MAY_ESCAPE[usize::from(x)]);
                    assert_eq!(word_may_escape(u64::from_le_bytes(bytes)), expected, "{bytes:?}");
                }
            }
        }
    }

    /// Every kind of object a document graph holds: IRIs of all three kinds,
    /// plain literals that need every escape, integers, dates, a URL.
    #[test]
    fn appended_nquads_are_the_bytes_oxigraph_writes() {
        let nasty = "quote \" back \\ tab \t nl \n cr \r bs \u{8} ff \u{C} nul \0 us \u{1F} del \u{7F} \u{FFFE}\u{FFFF} ok é ’ 東 \u{FFFD}\u{FEFF}\u{F000}";
        let doc = Document {
            id: "a b/é".into(),
            text: format!("Russia and Ukraine met. {nasty}"),
            date: NaiveDate::from_ymd_opt(2025, 5, 16),
            title: Some(nasty.into()),
            url: Some("https://example.org/news?id=1&x=\"".into()),
        };
        let mut russia = state("RUS", "Russia");
        russia.alt_labels.insert(nasty.into());
        russia.wikidata = Some("Q159".into());
        russia.roles.insert("".into());
        let extraction = Extraction {
            entities: vec![russia, state("UKR", "Ukraine")],
            mentions: Vec::new(),
            events: vec![Event {
                agents: [(AgentRole::Speaker, 0)].into(),
                text: nasty.into(),
                date: NaiveDate::from_ymd_opt(1999, 1, 2),
                ..Event::new(
                    EventClass::Statement,
                    Evidence {
                        start: 24,
                        end: 100,
                        text: nasty.into(),
                        rule: "statement.said".into(),
                    },
                )
            }],
        };
        let graph = DocumentGraph::new(&doc, &extraction);
        let mut ours = Vec::new();
        graph.append_nquads(&mut ours);
        let quads = graph.to_quads();
        assert_eq!(quads.len(), graph.len());
        let theirs = write_quads(GraphFormat::NQuads, quads.into_iter().map(Ok), Vec::new()).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
    }

    #[test]
    fn meeting_graph() {
        let doc = Document {
            id: "talks".into(),
            text: "Russia and Ukraine met.".into(),
            date: NaiveDate::from_ymd_opt(2025, 5, 16),
            title: None,
            url: None,
        };
        let extraction = Extraction {
            entities: vec![state("RUS", "Russia"), state("UKR", "Ukraine")],
            mentions: vec![Mention {
                start: 0,
                end: 6,
                text: "Russia".into(),
                entity: 0,
            }],
            events: vec![Event {
                agents: [0, 1, 7].map(|id| (AgentRole::Participant, id)).into(),
                status: Some(MeetingStatus::Held),
                date: NaiveDate::from_ymd_opt(2025, 5, 16),
                ..Event::new(
                    EventClass::Meeting,
                    Evidence {
                        start: 0,
                        end: 23,
                        text: "Russia and Ukraine met.".into(),
                        rule: "meeting.verb.met".into(),
                    },
                )
            }],
        };
        let entities =
            [EntityKey::State("RUS".into()), EntityKey::State("UKR".into())].map(|key| mint::entity_iri(&key));
        assert_eq!(DocumentGraph::new(&doc, &extraction).entities(), entities);
        let quads = document_quads(&doc, &extraction);
        let graph = GraphName::NamedNode(mint::document_iri("talks"));
        assert!(quads.iter().all(|q| q.graph_name == graph));
        let event = mint::event_iri("talks", extraction.events[0].class, 1);
        let has = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
            quads
                .iter()
                .any(|q| q.subject == NamedOrBlankNode::from(s.clone()) && q.predicate == p && q.object == o)
        };
        assert!(has(
            &event,
            rdfs::LABEL,
            Literal::new_simple_literal("Meeting: Russia, Ukraine (Held)").into()
        ));
        assert!(has(&event, parley::STATUS, parley::HELD.into_owned().into()));
        let participants = quads
            .iter()
            .filter(|q| q.subject == NamedOrBlankNode::from(event.clone()) && q.predicate == parley::PARTICIPANT)
            .count();
        assert_eq!(participants, 2, "the dangling entity id 7 is skipped");
        let state = mint::entity_iri(&EntityKey::State("RUS".into()));
        assert!(has(&state, parley::ISO_CODE, Literal::new_simple_literal("RUS").into()));
        assert!(has(
            &doc_iri_of("talks"),
            dcterms::DATE,
            Literal::new_typed_literal("2025-05-16", xsd::DATE).into()
        ));
    }

    fn doc_iri_of(id: &str) -> NamedNode {
        mint::document_iri(id)
    }
}
