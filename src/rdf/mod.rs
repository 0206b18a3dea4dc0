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

use std::collections::HashSet;
use std::io::Write;

use chrono::NaiveDate;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term, Triple};

pub use store::{EntitySummary, ParleyStore, StoreStats};

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
        let mut seen = HashSet::new();
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
struct GraphBuilder {
    graph: GraphName,
    quads: Vec<Quad>,
    seen: HashSet<Quad>,
}

impl GraphBuilder {
    fn add(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        let quad = Quad::new(subject.clone(), predicate, object, self.graph.clone());
        if self.seen.insert(quad.clone()) {
            self.quads.push(quad);
        }
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
        quads: Vec::new(),
        seen: HashSet::new(),
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
    g.quads
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
