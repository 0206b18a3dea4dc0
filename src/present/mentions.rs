//! `parley extract --format mentions`: one JSON object per document and line,
//! its mentions with code-point offsets, entity types and entity IRIs.
//!
//! The line is made on the worker thread that extracted the document, so it
//! appends to a byte buffer rather than writing to the output.

use serde::Serialize;

use crate::error::ParleyError;
use crate::extract::model::Extraction;
use crate::rdf::mint;
use crate::text::Document;

#[derive(Serialize)]
struct MentionsLine<'a> {
    id: &'a str,
    mentions: Vec<MentionOut<'a>>,
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

/// Appends the mentions line of `doc` (ending with a line feed) to `out`.
pub fn append_mentions(doc: &Document, extraction: &Extraction, out: &mut Vec<u8>) -> Result<(), ParleyError> {
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
                entity: mint::entity_iri(&entity.key).into_string(),
            })
        })
        .collect();
    serde_json::to_writer(&mut *out, &MentionsLine { id: &doc.id, mentions }).map_err(|error| {
        ParleyError::Serialization {
            what: "mentions".into(),
            source: Box::new(error),
        }
    })?;
    out.push(b'\n');
    Ok(())
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
    }
}
