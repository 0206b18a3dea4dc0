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
mod ascii;
pub mod bench;
mod clauses;
pub mod codes;
mod datafile;
mod dates;
mod entities;
mod gazetteer;
mod lexicon;
pub mod model;
pub mod rule_examples;
mod sentences;
mod word_lists;

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
    ///
    /// A document longer than [`WINDOW_BYTES`] is read in windows of about
    /// that size, cut at paragraph breaks where there are any (see
    /// [`windows`]), and the windows' results are joined: entities with the
    /// same key become one, offsets are shifted to the whole text. Several
    /// steps of extraction look back over the whole document (a surname finds
    /// the full name mentioned last, a descriptor the person who represents
    /// the state); bounded by a window they cost the same per byte whatever
    /// the length, so a book-length text takes time in proportion to its
    /// length. News articles are far shorter than a window and are read whole.
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.extract_in_windows(doc, WINDOW_BYTES)
    }

    /// [`Extractor::extract`] with windows of `window` bytes, for tests that
    /// need windows on short texts.
    #[doc(hidden)]
    pub fn extract_in_windows(&self, doc: &Document, window: usize) -> Extraction {
        let text = doc.text.as_str();
        let to_char = CharIndex::new(text);
        let mut joined = Joined::default();
        for (start, end) in windows(text, window) {
            let part = self.extract_window(doc, &text[start..end], start, &to_char);
            if start == 0 && end == text.len() {
                return part;
            }
            joined.add(part);
        }
        joined.extraction
    }

    /// Extraction of `text`, the part of `doc`'s text that starts at byte
    /// `offset`, with offsets in code points of the whole text.
    fn extract_window(&self, doc: &Document, text: &str, offset: usize, to_char: &CharIndex<'_>) -> Extraction {
        let sentences = sentences::split(text);
        // the matchers read wrapped lines as one; offsets are the same in both texts
        let joined = sentences::join_wrapped_lines(text, &sentences);
        let found = self.entities.recognize(&doc.id, &joined, &sentences, doc.date);
        let events = self.events.events(&joined, &sentences, &found, doc.date);
        let mentions = found
            .found
            .iter()
            .map(|f| Mention {
                start: to_char.at(offset + f.start),
                end: to_char.at(offset + f.end),
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
                e.evidence.start = to_char.at(offset + e.evidence.start);
                e.evidence.end = to_char.at(offset + e.evidence.end);
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

/// The length past which a document is read in windows (see
/// [`Extractor::extract`]): thirty times a typical news article, more than
/// twice the longest story of Reuters-21578.
pub const WINDOW_BYTES: usize = 32 * 1024;

/// Byte spans that tile `text`, each at most `size` bytes long unless a single
/// character is longer. A window ends after the last paragraph break (a blank
/// line) in its second half, else after the last line break there, else after
/// the last sentence end (". "), else after the last space, else on the last
/// character boundary: a cut never splits a character, and splits a sentence
/// only when a text has no break at all for half a window.
pub fn windows(text: &str, size: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let size = size.max(8);
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            // an empty text is one empty window, so that it is still extracted
            return (start == 0 && text.is_empty()).then(|| {
                start = 1;
                (0, 0)
            });
        }
        let end = if text.len() - start <= size {
            text.len()
        } else {
            window_end(text, start, size)
        };
        let window = (start, end);
        start = end;
        Some(window)
    })
}

/// Where the window of `text` that starts at `start` ends (see [`windows`]).
fn window_end(text: &str, start: usize, size: usize) -> usize {
    let mut limit = start + size;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut half = start + size / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    let tail = &text[half..limit];
    let after = |found: Option<usize>, len: usize| found.map(|at| half + at + len);
    after(tail.rfind("\n\n"), 2)
        .or_else(|| after(tail.rfind("\n\r\n"), 3))
        .or_else(|| after(tail.rfind('\n'), 1))
        .or_else(|| after(tail.rfind(". "), 2))
        .or_else(|| after(tail.rfind(' '), 1))
        .filter(|&end| end > start)
        .unwrap_or(if limit > start {
            limit
        } else {
            // one character longer than a window
            start + text[start..].chars().next().map_or(1, char::len_utf8)
        })
}

/// Extractions of a document's windows joined into one: the entities of each
/// window mapped onto those already seen by key.
#[derive(Default)]
struct Joined {
    extraction: Extraction,
    by_key: rustc_hash::FxHashMap<model::EntityKey, model::EntityId>,
}

impl Joined {
    fn add(&mut self, part: Extraction) {
        let ids: Vec<model::EntityId> = part.entities.iter().map(|e| self.entity_id(e)).collect();
        let joined = &mut self.extraction;
        for (entity, &id) in part.entities.into_iter().zip(&ids) {
            let into = &mut joined.entities[id];
            into.mentions += entity.mentions;
            if entity.label != into.label {
                into.alt_labels.insert(entity.label);
            }
            into.alt_labels.extend(entity.alt_labels);
            into.alt_labels.remove(&into.label);
            into.represents.extend(entity.represents.iter().map(|&r| ids[r]));
            into.roles.extend(entity.roles);
            into.iso3 = into.iso3.take().or(entity.iso3);
            into.wikidata = into.wikidata.take().or(entity.wikidata);
            into.located_in = into.located_in.or(entity.located_in.map(|l| ids[l]));
        }
        joined.mentions.extend(part.mentions.into_iter().map(|mut m| {
            m.entity = ids[m.entity];
            m
        }));
        joined.events.extend(part.events.into_iter().map(|mut e| {
            e.agents = e.agents.into_iter().map(|(role, a)| (role, ids[a])).collect();
            e.location = e.location.map(|l| ids[l]);
            e
        }));
    }

    /// The id in the joined extraction of `entity`, added (without its
    /// mentions and links, which [`Joined::add`] merges) if new.
    fn entity_id(&mut self, entity: &model::Entity) -> model::EntityId {
        if let Some(&id) = self.by_key.get(&entity.key) {
            return id;
        }
        let id = self.extraction.entities.len();
        self.extraction.entities.push(model::Entity {
            key: entity.key.clone(),
            kind: entity.kind,
            label: entity.label.clone(),
            alt_labels: Default::default(),
            iso3: None,
            wikidata: None,
            mentions: 0,
            represents: Default::default(),
            roles: Default::default(),
            located_in: None,
        });
        self.by_key.insert(entity.key.clone(), id);
        id
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
    use super::{windows, CharIndex, Extractor};
    use crate::text::Document;

    fn doc(text: &str) -> Document {
        Document {
            id: "windows".into(),
            text: text.into(),
            date: None,
            title: None,
            url: None,
        }
    }

    #[test]
    fn windows_tile_the_text_on_character_boundaries() {
        let texts = [
            "Kyiv – Київ, 東京 and 🇺🇦 talks.\n\nA second paragraph.\n".repeat(50),
            "no-break-at-all-".repeat(200),
            "é".repeat(1000),
            "Putin met Erdogan. ".repeat(300),
            String::new(),
        ];
        for text in &texts {
            for size in [8, 61, 1000] {
                let spans: Vec<(usize, usize)> = windows(text, size).collect();
                assert_eq!(spans.first().map(|w| w.0), Some(0));
                assert_eq!(spans.last().map(|w| w.1), Some(text.len()));
                for pair in spans.windows(2) {
                    assert_eq!(pair[0].1, pair[1].0, "gap or overlap in {spans:?}");
                }
                for &(start, end) in &spans {
                    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                    assert!(end - start <= size.max(8), "window {start}..{end} over {size}");
                    assert!(end > start || text.is_empty());
                }
            }
        }
    }

    #[test]
    fn windows_end_after_paragraph_breaks() {
        let text = "One paragraph of text here.\n\n".repeat(40);
        let paragraph = "One paragraph of text here.\n\n".len();
        for (_, end) in windows(&text, 200) {
            assert_eq!(end % paragraph, 0, "window ends at {end}, inside a paragraph");
        }
    }

    #[test]
    fn a_text_within_one_window_is_read_whole() {
        let extractor = Extractor::new().unwrap();
        let d = doc("Vladimir Putin met Recep Tayyip Erdogan in Ankara. Putin said Russia wanted a ceasefire.");
        let whole = extractor.extract(&d);
        let windowed = extractor.extract_in_windows(&d, 1 << 20);
        assert_eq!(format!("{:?}", whole.mentions), format!("{:?}", windowed.mentions));
        assert_eq!(whole.events, windowed.events);
    }

    #[test]
    fn windows_join_into_one_extraction_with_offsets_into_the_whole_text() {
        let extractor = Extractor::new().unwrap();
        let paragraph = "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Sochi on Monday, \
                         and Putin said Russia wanted a ceasefire in Syria.\n\n";
        let text = format!("Überblick – Gespräche.\n\n{}", paragraph.repeat(12));
        let d = doc(&text);
        let windowed = extractor.extract_in_windows(&d, 400);
        assert!(windows(&text, 400).count() > 3);
        let chars: Vec<char> = text.chars().collect();
        let at = |start: usize, end: usize| chars[start..end].iter().collect::<String>();
        assert!(!windowed.mentions.is_empty() && !windowed.events.is_empty());
        for m in &windowed.mentions {
            assert_eq!(at(m.start, m.end), m.text);
            assert!(m.entity < windowed.entities.len());
        }
        for e in &windowed.events {
            assert_eq!(at(e.evidence.start, e.evidence.end), e.evidence.text);
            assert!(e.agents.iter().all(|&(_, a)| a < windowed.entities.len()));
        }
        // one entity per key, whatever the number of windows that name it
        let mut keys: Vec<_> = windowed.entities.iter().map(|e| &e.key).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n);
        let total: usize = windowed.entities.iter().map(|e| e.mentions).sum();
        assert_eq!(total, windowed.mentions.len());
        // every window reads the same paragraph the same way
        let whole_paragraph = extractor.extract(&doc(paragraph));
        let putin = |x: &crate::extract::model::Extraction| {
            x.entities
                .iter()
                .find(|e| e.label == "Vladimir Putin")
                .map(|e| e.mentions)
        };
        assert_eq!(putin(&windowed), putin(&whole_paragraph).map(|n| n * 12));
    }

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
