//! `parley extract --format mentions`: one JSON object per document and line,
//! its mentions with code-point offsets, entity types and entity IRIs, its
//! entities and its events with their evidence. The Python package returns
//! the same object as a dict.
//!
//! The line is made on the worker thread that extracted the document, so it
//! appends to a byte buffer rather than writing to the output.

use serde::Serialize;

use crate::error::ParleyError;
use crate::extract::codes::event_codes;
use crate::extract::model::{EntityKey, EntityKind, Extraction};
use crate::rdf::mint;
use crate::text::Document;

/// One document's extraction as JSON: the line of `extract --format mentions`
/// and the dict of the Python package's `Extractor.extract`, one shape for
/// both. Entities, mentions and events point to each other by IRI, the IRIs
/// of the document's RDF graph. Fields are documented in `python/README.md`.
#[derive(Serialize)]
struct MentionsLine<'a> {
    id: &'a str,
    mentions: Vec<MentionOut<'a>>,
    entities: Vec<EntityOut<'a>>,
    events: Vec<EventOut<'a>>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    entity: String,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    entity: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    alt_labels: Vec<&'a str>,
    /// ISO 3166-1 alpha-3 code of a state.
    iso_code: Option<&'a str>,
    wikidata: Option<&'a str>,
    mentions: usize,
    represents: Vec<String>,
    roles: Vec<&'a str>,
    /// The state a place lies in or an organization is based in.
    located_in: Option<String>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    event: String,
    #[serde(rename = "type")]
    kind: &'static str,
    date: Option<String>,
    /// Agents in the kind's role order, each role named by its ontology property.
    agents: Vec<AgentOut>,
    topic: Option<&'static str>,
    status: Option<&'static str>,
    location: Option<String>,
    /// What was demanded, agreed, claimed or threatened; a statement's quote.
    text: Option<&'a str>,
    plover_type: Option<&'static str>,
    cameo_code: Option<&'static str>,
    evidence: EvidenceOut<'a>,
}

#[derive(Serialize)]
struct AgentOut {
    role: &'static str,
    entity: String,
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    rule: &'a str,
}

/// Appends the mentions line of `doc` (ending with a line feed) to `out`.
pub fn append_mentions(doc: &Document, extraction: &Extraction, out: &mut Vec<u8>) -> Result<(), ParleyError> {
    serde_json::to_writer(&mut *out, &mentions_line(doc, extraction)).map_err(|error| ParleyError::Serialization {
        what: "mentions".into(),
        source: Box::new(error),
    })?;
    out.push(b'\n');
    Ok(())
}

/// The extraction of `doc` as JSON text: the mentions line without its line feed.
pub fn extraction_json(doc: &Document, extraction: &Extraction) -> Result<String, ParleyError> {
    let mut out = Vec::new();
    append_mentions(doc, extraction, &mut out)?;
    out.pop();
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

fn mentions_line<'a>(doc: &'a Document, extraction: &'a Extraction) -> MentionsLine<'a> {
    let iris: Vec<String> = extraction
        .entities
        .iter()
        .map(|entity| mint::entity_iri(&entity.key).into_string())
        .collect();
    // ids out of range are skipped, as in the RDF graph
    let iri = |id: usize| iris.get(id).cloned();
    let mentions = extraction
        .mentions
        .iter()
        .filter_map(|mention| {
            let entity = extraction.entities.get(mention.entity)?;
            Some(MentionOut {
                start: mention.start,
                end: mention.end,
                text: &mention.text,
                kind: entity.kind.name(),
                entity: iri(mention.entity)?,
            })
        })
        .collect();
    let entities = extraction
        .entities
        .iter()
        .zip(&iris)
        .map(|(entity, entity_iri)| {
            let key_code = match &entity.key {
                EntityKey::State(code) => Some(code.as_str()),
                _ => None,
            };
            EntityOut {
                entity: entity_iri.clone(),
                kind: entity.kind.name(),
                label: &entity.label,
                alt_labels: entity
                    .alt_labels
                    .iter()
                    .filter(|alt| **alt != entity.label)
                    .map(String::as_str)
                    .collect(),
                // as in the graph: a state's code, falling back on its key
                iso_code: (entity.kind == EntityKind::State)
                    .then(|| entity.iso3.as_deref().or(key_code))
                    .flatten(),
                wikidata: entity.wikidata.as_deref(),
                mentions: entity.mentions,
                represents: entity.represents.iter().filter_map(|id| iri(*id)).collect(),
                roles: entity.roles.iter().map(String::as_str).collect(),
                located_in: entity.located_in.and_then(iri),
            }
        })
        .collect();
    let events = extraction
        .events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let def = event.class.def();
            let codes = event_codes(event.class, event.status);
            EventOut {
                event: mint::event_iri(&doc.id, event.class, index + 1).into_string(),
                kind: def.name,
                date: event.date.map(|date| date.format("%Y-%m-%d").to_string()),
                agents: def
                    .roles
                    .iter()
                    .flat_map(|role| {
                        event.agents_in(*role).filter_map(|id| {
                            Some(AgentOut {
                                role: role.property(),
                                entity: iri(id)?,
                            })
                        })
                    })
                    .collect(),
                topic: event.topic.map(|topic| topic.name()),
                status: event.status.map(|status| status.name()),
                location: event.location.and_then(iri),
                text: def.text_property.map(|_| event.text.as_str()),
                plover_type: codes.and_then(|codes| codes.plover.as_deref()),
                cameo_code: codes.map(|codes| codes.cameo.as_str()),
                evidence: EvidenceOut {
                    start: event.evidence.start,
                    end: event.evidence.end,
                    text: &event.evidence.text,
                    rule: &event.evidence.rule,
                },
            }
        })
        .collect();
    MentionsLine {
        id: &doc.id,
        mentions,
        entities,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    #[test]
    fn one_line_of_json_with_code_point_offsets() {
        let doc = Document {
            id: "d\"1".into(),
            text: "Éire: Russia met Ukraine.".into(),
            date: None,
            title: None,
            url: None,
        };
        let extraction = Extractor::new().unwrap().extract(&doc);
        let mut out = Vec::new();
        append_mentions(&doc, &extraction, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches('\n').count(), 1);
        assert!(text.ends_with('\n'));
        let line: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(line["id"], "d\"1");
        let mentions = line["mentions"].as_array().unwrap();
        let russia = mentions.iter().find(|m| m["text"] == "Russia").unwrap();
        assert_eq!((russia["start"].as_u64(), russia["end"].as_u64()), (Some(6), Some(12)));
        assert_eq!(russia["type"], "State");
        assert_eq!(russia["entity"], "https://w3id.org/parley/id/state/RUS");
        // entities and events point to each other by the graph's IRIs
        let entities = line["entities"].as_array().unwrap();
        let rus = entities.iter().find(|e| e["entity"] == russia["entity"]).unwrap();
        assert_eq!(
            (rus["iso_code"].as_str(), rus["label"].as_str()),
            (Some("RUS"), Some("Russia"))
        );
        let meeting = &line["events"][0];
        assert_eq!(meeting["type"], "Meeting");
        assert_eq!(meeting["event"], "https://w3id.org/parley/id/event/d%221/meeting-1");
        let agents: Vec<&str> = meeting["agents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["entity"].as_str().unwrap())
            .collect();
        assert!(agents.contains(&"https://w3id.org/parley/id/state/RUS"), "{agents:?}");
        let evidence = &meeting["evidence"];
        let (start, end) = (evidence["start"].as_u64().unwrap(), evidence["end"].as_u64().unwrap());
        let text: String = doc
            .text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(evidence["text"], text.as_str());
        assert_eq!(
            extraction_json(&doc, &extraction).unwrap() + "\n",
            text_line(&doc, &extraction)
        );
    }

    fn text_line(doc: &Document, extraction: &Extraction) -> String {
        let mut out = Vec::new();
        append_mentions(doc, extraction, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }
}
