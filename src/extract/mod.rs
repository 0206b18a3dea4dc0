//! Extraction: from a document's text to entities, mentions and events.
//!
//! The extractor knows nothing of RDF: it produces [`Extraction`] values that
//! `rdf` serializes. Rules and gazetteers are data under `ontology/`, compiled
//! once by [`Extractor::new`] into matchers shared by every document (and by
//! threads: an `Extractor` is `Sync`).
//!
//! The pipeline for one document: sentences -> gazetteer and name mentions ->
//! within-document resolution (surnames, descriptors, represents) -> event
//! rules -> byte offsets converted to code points for the output.

#[doc(hidden)]
pub mod bench;
mod clauses;
pub mod codes;
mod datafile;
mod dates;
mod entities;
mod gazetteer;
mod lexicon;
pub mod model;
mod sentences;

mod events;

use crate::error::ParleyError;
use crate::text::Document;
use model::{Extraction, Mention};

/// Compiled rules and gazetteers. Build once, use for every document.
pub struct Extractor {
    entities: entities::EntityRules,
    events: events::EventRules,
}

impl Extractor {
    /// Loads and compiles the embedded rule and gazetteer files.
    pub fn new() -> Result<Extractor, ParleyError> {
        let lexicon = lexicon::Lexicon::load()?;
        let events = events::EventRules::compile(&lexicon)?;
        let entities = entities::EntityRules::compile(lexicon)?;
        Ok(Extractor { entities, events })
    }

    /// Extracts entities, mentions and events from one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let text = doc.text.as_str();
        let sentences = sentences::split(text);
        // the matchers read wrapped lines as one; offsets are the same in both texts
        let joined = sentences::join_wrapped_lines(text, &sentences);
        let found = self.entities.recognize(&doc.id, &joined, &sentences, doc.date);
        let events = self.events.events(&joined, &sentences, &found, doc.date);
        let to_char = CharIndex::new(text);
        let mentions = found
            .found
            .iter()
            .map(|f| Mention {
                start: to_char.at(f.start),
                end: to_char.at(f.end),
                text: text[f.start..f.end].to_string(),
                entity: f.entity,
            })
            .collect();
        let events = events
            .into_iter()
            .map(|mut e| {
                if matches!(joined, std::borrow::Cow::Owned(_)) {
                    // evidence is quoted as the user wrote it, line breaks and all
                    e.evidence.text = text[e.evidence.start..e.evidence.end].to_string();
                }
                e.evidence.start = to_char.at(e.evidence.start);
                e.evidence.end = to_char.at(e.evidence.end);
                e
            })
            .collect();
        Extraction {
            entities: found.entities,
            mentions,
            events,
        }
    }

    /// Like [`Extractor::extract`], but a bug that panics on this document
    /// becomes an error naming it, so callers can go on with the others.
    pub fn try_extract(&self, doc: &Document) -> Result<Extraction, ParleyError> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.extract(doc))).map_err(|payload| {
            let message = crate::error::panic_message(payload.as_ref());
            ParleyError::Extraction {
                document: doc.id.clone(),
                message: message.lines().next().unwrap_or("").chars().take(200).collect(),
            }
        })
    }

    /// Ids of the event rules whose trigger matches a sentence.
    pub fn matching_rules(&self, sentence: &str) -> Vec<String> {
        self.events
            .matching_rules(sentence)
            .into_iter()
            .map(String::from)
            .collect()
    }

    /// Every event rule as (id, example sentence), for tests and documentation.
    pub fn rule_examples(&self) -> Vec<(String, String)> {
        self.events
            .rules
            .iter()
            .map(|r| (r.id.clone(), r.example.clone()))
            .collect()
    }
}

/// Byte offset to code-point offset, for one text.
///
/// The code-point offset of a byte offset is the number of bytes before it
/// that start a character (are not UTF-8 continuation bytes). An ASCII text
/// (most wire copy) needs no table; otherwise the count is kept for every
/// block of [`CharIndex::BLOCK`] bytes and the rest counted on demand. A table
/// of every character's offset cost eight bytes per character, allocated and
/// freed for each document.
enum CharIndex<'a> {
    Ascii,
    Blocks {
        bytes: &'a [u8],
        /// `before[k]`: characters that start in `bytes[..k * BLOCK]`.
        before: Vec<usize>,
    },
}

impl<'a> CharIndex<'a> {
    const BLOCK: usize = 256;

    fn new(text: &'a str) -> CharIndex<'a> {
        if text.is_ascii() {
            return CharIndex::Ascii;
        }
        let bytes = text.as_bytes();
        let mut before = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut count = 0;
        before.push(0);
        for block in bytes.chunks(Self::BLOCK) {
            count += starts_of_chars(block);
            before.push(count);
        }
        CharIndex::Blocks { bytes, before }
    }

    /// The code-point offset of `byte`, a character boundary of the text.
    fn at(&self, byte: usize) -> usize {
        match self {
            CharIndex::Ascii => byte,
            CharIndex::Blocks { bytes, before } => {
                let block = byte / Self::BLOCK;
                before[block] + starts_of_chars(&bytes[block * Self::BLOCK..byte])
            }
        }
    }
}

/// The bytes of `bytes` that start a character.
fn starts_of_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn char_index_counts_code_points_before_each_boundary() {
        // long enough for several blocks, with one-, two-, three- and four-byte characters
        let text = "Kyiv – Київ, 東京 and 🇺🇦 ".repeat(40);
        for text in [text.as_str(), "plain ASCII text", ""] {
            let index = CharIndex::new(text);
            for (chars, (byte, _)) in text.char_indices().enumerate() {
                assert_eq!(index.at(byte), chars, "byte {byte}");
            }
            assert_eq!(index.at(text.len()), text.chars().count());
        }
    }
}
