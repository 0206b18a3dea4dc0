//! The event table: one row per event and source/target pair, the shape
//! event-data users (ICEWS, POLECAT, Phoenix, GDELT) work with.
//!
//! Rows are read from one document's named graph, not from an
//! [`Extraction`](crate::Extraction): `parley events` reads them from a store
//! and the Python package from the quads it has just made, and both go through
//! [`event_rows`], so a table cannot depend on where the graph came from.
//!
//! Which agents are the source and which the target is declared once, in
//! [`EVENT_KINDS`](crate::EVENT_KINDS): the kind's `actor` role is the source
//! and its `target` role (a demand's addressee, a threat's target) the target.
//! A kind without a target role whose agents are linked pairwise
//! ([`Edges::Between`]: meetings, agreements) gives a row per pair of its
//! agents, in IRI order. Any other event gives a row per actor with no target.
//! An event with fewer agents than a pair still gives one row, with empty
//! cells where an agent is missing: every event is in the table.

use oxigraph::model::{Quad, Term};
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::vocab::{self, dcterms, parley, rdf, rdfs};
use crate::kinds::{AgentRole, Edges, EventClass};

/// The columns of the event table, in order (`docs/events.md` says what each holds).
pub const EVENT_COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "document_id",
    "event_type",
    "plover_type",
    "cameo_code",
    "source_label",
    "source_iri",
    "source_iso",
    "target_label",
    "target_iri",
    "target_iso",
    "topic",
    "status",
    "location",
    "location_iri",
    "text",
    "evidence",
    "evidence_start",
    "evidence_end",
    "rule",
];

/// One row of the event table; `None` is an empty cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRow {
    /// The event's IRI.
    pub event_id: String,
    /// The day the event took place (`YYYY-MM-DD`), when the text dates it.
    pub date: Option<String>,
    /// The id of the document it was read from.
    pub document_id: String,
    /// The kind: Meeting, Demand, Agreement, Statement, Claim, Threat.
    pub event_type: &'static str,
    pub plover_type: Option<String>,
    pub cameo_code: Option<String>,
    pub source_label: Option<String>,
    pub source_iri: Option<String>,
    /// ISO 3166-1 alpha-3 code of the source's state (see [`state_code`]).
    pub source_iso: Option<String>,
    pub target_label: Option<String>,
    pub target_iri: Option<String>,
    pub target_iso: Option<String>,
    /// Local name of the topic (`Ceasefire`, ...).
    pub topic: Option<String>,
    /// Local name of a meeting's status (`Held`, `Planned`, ...).
    pub status: Option<String>,
    /// Label of the place a meeting takes place in.
    pub location: Option<String>,
    pub location_iri: Option<String>,
    /// What was demanded, agreed, claimed or threatened; a statement's quote.
    pub text: Option<String>,
    /// The evidence sentence(s).
    pub evidence: String,
    /// Code-point offsets of the evidence in the document text (end exclusive).
    pub evidence_start: Option<u64>,
    pub evidence_end: Option<u64>,
    /// The rule that fired.
    pub rule: Option<String>,
}

impl EventRow {
    /// The row's cells as text, in [`EVENT_COLUMNS`] order.
    pub fn cells(&self) -> [Option<String>; 21] {
        let text = |value: &Option<String>| value.clone();
        [
            Some(self.event_id.clone()),
            text(&self.date),
            Some(self.document_id.clone()),
            Some(self.event_type.to_owned()),
            text(&self.plover_type),
            text(&self.cameo_code),
            text(&self.source_label),
            text(&self.source_iri),
            text(&self.source_iso),
            text(&self.target_label),
            text(&self.target_iri),
            text(&self.target_iso),
            text(&self.topic),
            text(&self.status),
            text(&self.location),
            text(&self.location_iri),
            text(&self.text),
            Some(self.evidence.clone()),
            self.evidence_start.map(|n| n.to_string()),
            self.evidence_end.map(|n| n.to_string()),
            text(&self.rule),
        ]
    }
}

/// The triples of one graph by subject.
struct Graph<'a> {
    by_subject: FxHashMap<&'a str, Vec<(&'a str, &'a Term)>>,
}

impl<'a> Graph<'a> {
    fn objects(&self, subject: &str, predicate: &str) -> impl Iterator<Item = &'a Term> + '_ {
        let predicate = predicate.to_owned();
        self.by_subject
            .get(subject)
            .into_iter()
            .flatten()
            .filter(move |(p, _)| *p == predicate)
            .map(|(_, object)| *object)
    }

    /// The smallest value (IRI or literal value) of `predicate`, so that a
    /// graph that says two things gives the same answer whatever its order.
    fn value(&self, subject: &str, predicate: &str) -> Option<String> {
        self.objects(subject, predicate)
            .map(term_value)
            .min()
            .map(str::to_owned)
    }

    /// The IRIs `predicate` points to, sorted.
    fn iris(&self, subject: &str, predicate: &str) -> Vec<&'a str> {
        let mut iris: Vec<&str> = self
            .objects(subject, predicate)
            .filter_map(|term| match term {
                Term::NamedNode(node) => Some(node.as_str()),
                _ => None,
            })
            .collect();
        iris.sort_unstable();
        iris.dedup();
        iris
    }

    fn has_type(&self, subject: &str, class: &str) -> bool {
        self.iris(subject, rdf::TYPE.as_str()).contains(&class)
    }

    /// ISO code of the state an agent stands for: a state's own code; else
    /// that of the state a person or organization represents (the first by
    /// IRI), else that of the state an organization is based in or a place
    /// lies in.
    fn state_code(&self, agent: &str, depth: usize) -> Option<String> {
        if self.has_type(agent, parley::STATE.as_str()) {
            return self.value(agent, parley::ISO_CODE.as_str());
        }
        if depth == 0 {
            return None;
        }
        let via = [parley::REPRESENTS, parley::BASED_IN, parley::LOCATED_IN];
        via.iter().find_map(|property| {
            self.iris(agent, property.as_str())
                .into_iter()
                .find_map(|other| self.state_code(other, depth - 1))
        })
    }
}

fn term_value(term: &Term) -> &str {
    match term {
        Term::NamedNode(node) => node.as_str(),
        Term::Literal(literal) => literal.value(),
        // no blank node is ever minted
        _ => "",
    }
}

/// The local name of an ontology IRI (`...#Held` is `Held`).
fn local_name(iri: String) -> String {
    match iri.rsplit_once('#') {
        Some((_, local)) => local.to_owned(),
        None => iri,
    }
}

/// The rows of one document graph (all `quads` in one named graph), sorted
/// by evidence offset, then event IRI, then source and target IRI.
pub fn event_rows(quads: &[Quad]) -> Vec<EventRow> {
    let mut by_subject: FxHashMap<&str, Vec<(&str, &Term)>> = FxHashMap::default();
    for quad in quads {
        if let oxigraph::model::NamedOrBlankNode::NamedNode(subject) = &quad.subject {
            by_subject
                .entry(subject.as_str())
                .or_default()
                .push((quad.predicate.as_str(), &quad.object));
        }
    }
    let graph = Graph { by_subject };
    let document = |subject: &str| graph.has_type(subject, parley::DOCUMENT.as_str());
    let document_id = graph
        .by_subject
        .keys()
        .filter(|subject| document(subject))
        .filter_map(|subject| graph.value(subject, dcterms::IDENTIFIER.as_str()))
        .min()
        .unwrap_or_default();
    let mut rows = Vec::new();
    let mut subjects: Vec<&str> = graph.by_subject.keys().copied().collect();
    subjects.sort_unstable();
    for event in subjects {
        let Some(class) = EventClass::all().find(|class| graph.has_type(event, vocab::event_class(*class).as_str()))
        else {
            continue;
        };
        let def = class.def();
        let agents = |role: AgentRole| graph.iris(event, vocab::role_property(role).as_str());
        let actors = agents(def.actor);
        let pairs: Vec<(Option<&str>, Option<&str>)> = match (def.target, def.edges) {
            (Some((target, _)), _) => {
                let targets = agents(target);
                let sources = optional(&actors);
                let targets = optional(&targets);
                sources
                    .iter()
                    .flat_map(|source| targets.iter().map(move |target| (*source, *target)))
                    .collect()
            }
            (None, Edges::Between(role, _)) if role == def.actor && actors.len() >= 2 => actors
                .iter()
                .enumerate()
                .flat_map(|(i, a)| actors[i + 1..].iter().map(move |b| (Some(*a), Some(*b))))
                .collect(),
            _ => optional(&actors).into_iter().map(|source| (source, None)).collect(),
        };
        let label = |agent: Option<&str>| agent.and_then(|iri| graph.value(iri, rdfs::LABEL.as_str()));
        let iso = |agent: Option<&str>| agent.and_then(|iri| graph.state_code(iri, 2));
        let location_iri = graph
            .iris(event, parley::LOCATION.as_str())
            .first()
            .map(|s| s.to_string());
        let number = |property: &str| graph.value(event, property).and_then(|value| value.parse().ok());
        for (source, target) in pairs {
            rows.push(EventRow {
                event_id: event.to_owned(),
                date: graph.value(event, parley::DATE.as_str()),
                document_id: document_id.clone(),
                event_type: def.name,
                plover_type: graph.value(event, parley::PLOVER_TYPE.as_str()),
                cameo_code: graph.value(event, parley::CAMEO_CODE.as_str()),
                source_label: label(source),
                source_iri: source.map(str::to_owned),
                source_iso: iso(source),
                target_label: label(target),
                target_iri: target.map(str::to_owned),
                target_iso: iso(target),
                topic: graph.value(event, parley::TOPIC_PROP.as_str()).map(local_name),
                status: graph.value(event, parley::STATUS.as_str()).map(local_name),
                location: label(location_iri.as_deref()),
                location_iri: location_iri.clone(),
                text: def
                    .text_property
                    .and_then(|property| graph.value(event, vocab::parley_term(property).as_str())),
                evidence: graph.value(event, parley::EVIDENCE.as_str()).unwrap_or_default(),
                evidence_start: number(parley::START_OFFSET.as_str()),
                evidence_end: number(parley::END_OFFSET.as_str()),
                rule: graph.value(event, parley::RULE.as_str()),
            });
        }
    }
    rows.sort_by(|a, b| {
        (a.evidence_start, &a.event_id, &a.source_iri, &a.target_iri).cmp(&(
            b.evidence_start,
            &b.event_id,
            &b.source_iri,
            &b.target_iri,
        ))
    });
    rows
}

/// The agents, or one absent agent when there are none, so that an event
/// without agents in a role still gives a row.
fn optional<'a>(agents: &[&'a str]) -> Vec<Option<&'a str>> {
    if agents.is_empty() {
        vec![None]
    } else {
        agents.iter().map(|agent| Some(*agent)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use crate::rdf::document_quads;
    use crate::text::Document;

    fn rows_of(text: &str) -> Vec<EventRow> {
        let doc = Document {
            id: "d1".into(),
            text: text.into(),
            date: crate::text::parse_date("2025-05-16"),
            title: None,
            url: None,
        };
        let extraction = Extractor::new().unwrap().extract(&doc);
        event_rows(&document_quads(&doc, &extraction))
    }

    #[test]
    fn a_meeting_of_three_gives_a_row_per_pair() {
        let rows = rows_of("Russian, Ukrainian and Turkish officials met in Istanbul on Friday.");
        let meetings: Vec<&EventRow> = rows.iter().filter(|r| r.event_type == "Meeting").collect();
        assert_eq!(meetings.len(), 3, "{rows:#?}");
        let mut pairs: Vec<(&str, &str)> = meetings
            .iter()
            .map(|r| (r.source_iso.as_deref().unwrap(), r.target_iso.as_deref().unwrap()))
            .collect();
        pairs.sort();
        assert_eq!(pairs, [("RUS", "TUR"), ("RUS", "UKR"), ("TUR", "UKR")]);
        assert!(meetings.iter().all(|r| r.date.as_deref() == Some("2025-05-16")));
        assert!(meetings.iter().all(|r| r.location.as_deref() == Some("Istanbul")));
        assert!(meetings.iter().all(|r| r.document_id == "d1" && r.cameo_code.is_some()));
    }

    #[test]
    fn a_demand_goes_from_its_demander_to_its_addressee() {
        let text = "Ukraine urged Russia to accept a ceasefire.";
        let rows = rows_of(text);
        let demand = rows.iter().find(|r| r.event_type == "Demand").expect("a demand");
        assert_eq!(demand.source_iso.as_deref(), Some("UKR"));
        assert_eq!(demand.target_iso.as_deref(), Some("RUS"));
        assert_eq!(demand.plover_type.as_deref(), Some("REQUEST"));
        let (start, end) = (
            demand.evidence_start.unwrap() as usize,
            demand.evidence_end.unwrap() as usize,
        );
        assert_eq!(
            text.chars().skip(start).take(end - start).collect::<String>(),
            demand.evidence
        );
    }
}
