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

pub mod mint;
mod store;
pub mod vocab;

use indexmap::IndexSet;
use rustc_hash::{FxBuildHasher, FxHashSet};
use std::io::Write;

use chrono::NaiveDate;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term, Triple};

pub use store::{DocumentWriter, EntitySummary, ParleyStore, StoreStats};

use crate::error::ParleyError;
use crate::extract::model::{EntityId, EntityKey, EntityKind, EventKind, Extraction};
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

/// Collects the quads of one document graph, without duplicates.
/// Appends quads to `out` as N-Quads lines, the same bytes as oxigraph's
/// N-Quads serializer writes.
///
/// This is `extract --format nquads`'s path: it runs on the worker threads
/// (each document's lines are made where it was extracted) and writes
/// straight into a byte buffer. Through the formatter machinery, writing
/// N-Quads took about an eighth of extraction time.
pub fn append_nquads(quads: &[Quad], out: &mut Vec<u8>) {
    for quad in quads {
        append_subject(quad.subject.as_ref(), out);
        out.push(b' ');
        append_iri(quad.predicate.as_str(), out);
        out.push(b' ');
        append_term(quad.object.as_ref(), out);
        match &quad.graph_name {
            GraphName::NamedNode(graph) => {
                out.push(b' ');
                append_iri(graph.as_str(), out);
            }
            GraphName::BlankNode(graph) => {
                out.extend_from_slice(b" _:");
                out.extend_from_slice(graph.as_str().as_bytes());
            }
            GraphName::DefaultGraph => {}
        }
        out.extend_from_slice(b" .\n");
    }
}

fn append_iri(iri: &str, out: &mut Vec<u8>) {
    // minted and vocabulary IRIs are valid IRIs: nothing in them needs escaping
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

fn append_subject(subject: oxigraph::model::NamedOrBlankNodeRef<'_>, out: &mut Vec<u8>) {
    use oxigraph::model::NamedOrBlankNodeRef;
    match subject {
        NamedOrBlankNodeRef::NamedNode(node) => append_iri(node.as_str(), out),
        NamedOrBlankNodeRef::BlankNode(node) => {
            out.extend_from_slice(b"_:");
            out.extend_from_slice(node.as_str().as_bytes());
        }
    }
}

fn append_term(term: oxigraph::model::TermRef<'_>, out: &mut Vec<u8>) {
    use oxigraph::model::TermRef;
    match term {
        TermRef::NamedNode(node) => append_iri(node.as_str(), out),
        TermRef::BlankNode(node) => {
            out.extend_from_slice(b"_:");
            out.extend_from_slice(node.as_str().as_bytes());
        }
        TermRef::Literal(literal) => {
            append_quoted(literal.value(), out);
            if let Some(language) = literal.language() {
                out.push(b'@');
                out.extend_from_slice(language.as_bytes());
            } else if literal.datatype() != xsd::STRING {
                out.extend_from_slice(b"^^");
                append_iri(literal.datatype().as_str(), out);
            }
        }
        #[allow(unreachable_patterns)]
        other => out.extend_from_slice(other.to_string().as_bytes()),
    }
}

/// A string literal's value in double quotes, escaped as N-Quads wants:
/// the short escapes for quote, backslash and the usual controls, `\uXXXX`
/// for the other controls and the two non-characters U+FFFE and U+FFFF.
fn append_quoted(value: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let bytes = value.as_bytes();
    let mut copied = 0;
    for (at, c) in value.char_indices() {
        let escape: &[u8] = match c {
            '\u{8}' => b"\\b",
            '\t' => b"\\t",
            '\n' => b"\\n",
            '\u{C}' => b"\\f",
            '\r' => b"\\r",
            '"' => b"\\\"",
            '\\' => b"\\\\",
            '\0'..='\u{1F}' | '\u{7F}' | '\u{FFFE}' | '\u{FFFF}' => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[copied..at]);
        if escape.is_empty() {
            out.extend_from_slice(format!("\\u{:04X}", u32::from(c)).as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        copied = at + c.len_utf8();
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

struct GraphBuilder {
    graph: GraphName,
    /// Distinct quads in the order they were first added: the output order.
    quads: IndexSet<Quad, FxBuildHasher>,
}

impl GraphBuilder {
    fn add(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        self.quads.insert(Quad::new(subject.clone(), predicate, object, self.graph.clone()));
    }
}

fn string(value: &str) -> Literal {
    Literal::new_simple_literal(value)
}

fn integer(value: usize) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::INTEGER)
}

fn date(value: NaiveDate) -> Literal {
    Literal::new_typed_literal(value.format("%Y-%m-%d").to_string(), xsd::DATE)
}

/// All quads of one document: its named graph (IRI = the document node).
///
/// The graph describes the document node, every entity of the extraction
/// (so any entity an event or relation points to is described in the same
/// graph) and every event. Entity ids that point outside
/// `extraction.entities` are skipped rather than trusted.
pub fn document_quads(doc: &Document, extraction: &Extraction) -> Vec<Quad> {
    let doc_iri = mint::document_iri(&doc.id);
    let mut g = GraphBuilder {
        graph: GraphName::NamedNode(doc_iri.clone()),
        quads: IndexSet::default(),
    };

    g.add(&doc_iri, rdf::TYPE, parley::DOCUMENT);
    g.add(&doc_iri, dcterms::IDENTIFIER, string(&doc.id));
    if let Some(title) = &doc.title {
        g.add(&doc_iri, dcterms::TITLE, string(title));
    }
    if let Some(value) = doc.date {
        g.add(&doc_iri, dcterms::DATE, date(value));
    }
    if let Some(url) = &doc.url {
        g.add(&doc_iri, schema::URL, Literal::new_typed_literal(url, xsd::ANYURI));
    }
    g.add(&doc_iri, parley::CHARACTER_COUNT, integer(doc.text.chars().count()));

    let entity_iris: Vec<NamedNode> = extraction
        .entities
        .iter()
        .map(|entity| mint::entity_iri(&entity.key))
        .collect();
    let iri_of = |id: EntityId| entity_iris.get(id);

    for (entity, iri) in extraction.entities.iter().zip(&entity_iris) {
        g.add(iri, rdf::TYPE, vocab::entity_class(entity.kind));
        g.add(iri, rdfs::LABEL, string(&entity.label));
        for alt in entity.alt_labels.iter().filter(|alt| **alt != entity.label) {
            g.add(iri, skos::ALT_LABEL, string(alt));
        }
        if entity.kind == EntityKind::State {
            let key_code = match &entity.key {
                EntityKey::State(code) => Some(code),
                _ => None,
            };
            // The contract finds states by isoCode, so fall back on the key.
            if let Some(code) = entity.iso3.as_ref().or(key_code) {
                g.add(iri, parley::ISO_CODE, string(code));
            }
            if let Some(qid) = &entity.wikidata {
                g.add(iri, owl::SAME_AS, mint::wikidata_iri(qid));
            }
        }
        for agent in entity.represents.iter().filter_map(|id| iri_of(*id)) {
            g.add(iri, parley::REPRESENTS, agent.clone());
        }
        for role in &entity.roles {
            g.add(iri, parley::ROLE, string(role));
        }
        if let Some(state) = entity.located_in.and_then(iri_of) {
            // a place lies in its state; an organization belongs to its state
            let property = if entity.kind == EntityKind::Organization {
                parley::BASED_IN
            } else {
                parley::LOCATED_IN
            };
            g.add(iri, property, state.clone());
        }
        // an entity can be in the graph without being named (the state a place
        // lies in, the organization a public figure serves): only a named one is
        // "mentioned in" the document
        if entity.mentions > 0 {
            g.add(iri, parley::MENTIONED_IN, doc_iri.clone());
            g.add(iri, parley::MENTION_COUNT, integer(entity.mentions));
        }
    }

    let label_of = |ids: &mut dyn Iterator<Item = &EntityId>| -> String {
        ids.filter_map(|id| extraction.entities.get(*id))
            .map(|entity| entity.label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };

    for (index, event) in extraction.events.iter().enumerate() {
        let iri = mint::event_iri(&doc.id, &event.kind, index + 1);
        g.add(&iri, rdf::TYPE, vocab::event_class(&event.kind));
        g.add(&iri, prov::WAS_DERIVED_FROM, doc_iri.clone());
        g.add(&iri, parley::EVIDENCE, string(&event.evidence.text));
        g.add(&iri, parley::START_OFFSET, integer(event.evidence.start));
        g.add(&iri, parley::END_OFFSET, integer(event.evidence.end));
        g.add(&iri, parley::RULE, string(&event.evidence.rule));
        if let Some(codes) = crate::extract::codes::event_codes(&event.kind) {
            if let Some(plover) = &codes.plover {
                g.add(&iri, parley::PLOVER_TYPE, string(plover));
            }
            g.add(&iri, parley::CAMEO_CODE, string(&codes.cameo));
        }
        if let Some(value) = event.date {
            g.add(&iri, parley::DATE, date(value));
        }
        let kind_name = event.kind.name();
        let label = match &event.kind {
            EventKind::Meeting {
                participants,
                location,
                status,
                hosts,
                mediators,
            } => {
                for agent in participants.iter().filter_map(|id| iri_of(*id)) {
                    g.add(&iri, parley::PARTICIPANT, agent.clone());
                }
                for agent in hosts.iter().filter_map(|id| iri_of(*id)) {
                    g.add(&iri, parley::HOST, agent.clone());
                }
                for agent in mediators.iter().filter_map(|id| iri_of(*id)) {
                    g.add(&iri, parley::MEDIATOR, agent.clone());
                }
                if let Some(place) = location.and_then(iri_of) {
                    g.add(&iri, parley::LOCATION, place.clone());
                }
                g.add(&iri, parley::STATUS, vocab::meeting_status(*status));
                format!(
                    "{kind_name}: {} ({})",
                    label_of(&mut participants.iter()),
                    status.name()
                )
            }
            EventKind::Demand { by, of, topic, text } => {
                for agent in by.iter().filter_map(|id| iri_of(*id)) {
                    g.add(&iri, parley::DEMANDED_BY, agent.clone());
                }
                for agent in of.iter().filter_map(|id| iri_of(*id)) {
                    g.add(&iri, parley::DEMANDED_OF, agent.clone());
                }
                g.add(&iri, parley::TOPIC_PROP, vocab::topic(*topic));
                g.add(&iri, parley::TEXT, string(text));
                let addressee = label_of(&mut of.iter());
                if addressee.is_empty() {
                    format!("{kind_name}: {} ({})", label_of(&mut by.iter()), topic.name())
                } else {
                    format!(
                        "{kind_name}: {} of {addressee} ({})",
                        label_of(&mut by.iter()),
                        topic.name()
                    )
                }
            }
            EventKind::Agreement { parties, topic, text } => {
                for agent in parties.iter().filter_map(|id| iri_of(*id)) {
                    g.add(&iri, parley::PARTY, agent.clone());
                }
                g.add(&iri, parley::TOPIC_PROP, vocab::topic(*topic));
                g.add(&iri, parley::TEXT, string(text));
                format!("{kind_name}: {} ({})", label_of(&mut parties.iter()), topic.name())
            }
            EventKind::Statement { speaker, quote } => {
                if let Some(agent) = iri_of(*speaker) {
                    g.add(&iri, parley::SPEAKER, agent.clone());
                }
                g.add(&iri, parley::QUOTE, string(quote));
                format!("{kind_name}: {}", label_of(&mut std::iter::once(speaker)))
            }
            EventKind::Claim { claimant, topic, text } => {
                if let Some(agent) = iri_of(*claimant) {
                    g.add(&iri, parley::CLAIMANT, agent.clone());
                }
                g.add(&iri, parley::TOPIC_PROP, vocab::topic(*topic));
                g.add(&iri, parley::TEXT, string(text));
                format!(
                    "{kind_name}: {} ({})",
                    label_of(&mut std::iter::once(claimant)),
                    topic.name()
                )
            }
        };
        g.add(&iri, rdfs::LABEL, string(&label));
    }
    g.quads.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::extract::model::{Entity, Event, Evidence, MeetingStatus, Mention};
    use oxigraph::model::NamedOrBlankNode;

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

    #[test]
    fn appended_nquads_are_the_bytes_oxigraph_writes() {
        let graph = GraphName::NamedNode(NamedNode::new_unchecked("https://example.org/doc/a"));
        let s = NamedNode::new_unchecked("https://example.org/s");
        let p = NamedNode::new_unchecked("https://example.org/p");
        let objects: Vec<Term> = vec![
            NamedNode::new_unchecked("https://example.org/o").into(),
            Literal::new_simple_literal("plain").into(),
            Literal::new_simple_literal("quote \" back \\ tab \t nl \n cr \r bs \u{8} ff \u{C} nul \0 us \u{1F} del \u{7F} \u{FFFE}\u{FFFF} ok é ’ 東").into(),
            Literal::new_language_tagged_literal_unchecked("Kyiv", "en").into(),
            Literal::new_typed_literal("2025-05-16", xsd::DATE).into(),
            Literal::new_typed_literal("typed string", xsd::STRING).into(),
            oxigraph::model::BlankNode::new_unchecked("b0").into(),
        ];
        let mut quads: Vec<Quad> = objects.into_iter().map(|o| Quad::new(s.clone(), p.clone(), o, graph.clone())).collect();
        quads.push(Quad::new(s.clone(), p.clone(), Literal::new_simple_literal(""), GraphName::DefaultGraph));
        let mut ours = Vec::new();
        append_nquads(&quads, &mut ours);
        let theirs = write_quads(GraphFormat::NQuads, quads.iter().cloned().map(Ok), Vec::new()).unwrap();
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
                kind: EventKind::Meeting {
                    participants: [0, 1, 7].into_iter().collect(),
                    location: None,
                    status: MeetingStatus::Held,
                    hosts: Default::default(),
                    mediators: Default::default(),
                },
                date: NaiveDate::from_ymd_opt(2025, 5, 16),
                evidence: Evidence {
                    start: 0,
                    end: 23,
                    text: "Russia and Ukraine met.".into(),
                    rule: "meeting.verb.met".into(),
                },
            }],
        };
        let quads = document_quads(&doc, &extraction);
        let graph = GraphName::NamedNode(mint::document_iri("talks"));
        assert!(quads.iter().all(|q| q.graph_name == graph));
        let event = mint::event_iri("talks", &extraction.events[0].kind, 1);
        let has = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
            quads
                .iter()
                .any(|q| q.subject == NamedOrBlankNode::from(s.clone()) && q.predicate == p && q.object == o)
        };
        assert!(has(
            &event,
            rdfs::LABEL,
            string("Meeting: Russia, Ukraine (Held)").into()
        ));
        assert!(has(&event, parley::STATUS, parley::HELD.into_owned().into()));
        let participants = quads
            .iter()
            .filter(|q| q.subject == NamedOrBlankNode::from(event.clone()) && q.predicate == parley::PARTICIPANT)
            .count();
        assert_eq!(participants, 2, "the dangling entity id 7 is skipped");
        let state = mint::entity_iri(&EntityKey::State("RUS".into()));
        assert!(has(&state, parley::ISO_CODE, string("RUS").into()));
        assert!(has(&doc_iri_of("talks"), dcterms::DATE, date(doc.date.unwrap()).into()));
    }

    fn doc_iri_of(id: &str) -> NamedNode {
        mint::document_iri(id)
    }
}
