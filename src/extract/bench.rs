//! The extraction stages one at a time, for `benches/stages.rs`.
//!
//! **Unstable; not part of Parley's API.** Re-exported as `parley::bench`
//! (hidden from the docs) only so the criterion benchmarks can time the
//! stages that [`Extractor::extract`] runs in one go. Each function is a thin
//! call into the stage itself, with no logic of its own; results are opaque
//! and only report their size, so the stages' types stay private.

use super::{entities, gazetteer, lexicon, sentences, Extractor};
use crate::error::ParleyError;
use crate::text::Document;

/// The sentences of one text.
pub struct Sentences(Vec<sentences::Sentence>);

impl Sentences {
    /// How many sentences (headlines included).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the text has no sentence.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Sentence splitting: `sentences::split`.
pub fn split_sentences(text: &str) -> Sentences {
    Sentences(sentences::split(text))
}

/// Word tokens of every sentence: `sentences::tokens`; returns how many.
pub fn tokenize(text: &str, sentences: &Sentences) -> usize {
    sentences
        .0
        .iter()
        .map(|s| sentences::tokens(text, s.start, s.end).len())
        .sum()
}

/// The gazetteer automaton alone (every state, place, organization and
/// public-figure name), compiled from the same embedded data as the one
/// inside an [`Extractor`].
pub struct Gazetteer(gazetteer::Gazetteer);

impl Gazetteer {
    /// Loads the embedded lexicon and compiles the gazetteer.
    pub fn new() -> Result<Gazetteer, ParleyError> {
        let lexicon = lexicon::Lexicon::load()?;
        Ok(Gazetteer(gazetteer::Gazetteer::compile(&lexicon)?))
    }

    /// Gazetteer matching of every sentence (`Gazetteer::find`); returns the
    /// number of hits.
    pub fn hits(&self, text: &str, sentences: &Sentences) -> usize {
        sentences
            .0
            .iter()
            .map(|s| self.0.find(text, s.start, s.end).len())
            .sum()
    }
}

/// Event rule matching of every sentence (the trigger `RegexSet`, then each
/// modifier rule on its own); returns
/// the number of (sentence, rule) matches.
pub fn trigger_matches(extractor: &Extractor, text: &str, sentences: &Sentences) -> usize {
    sentences
        .0
        .iter()
        .map(|s| extractor.events.matching_rules(&text[s.start..s.end]).len())
        .sum()
}

/// The entities of one document after recognition and within-document
/// resolution.
pub struct Entities(entities::DocEntities);

impl Entities {
    /// How many distinct entities.
    pub fn entities(&self) -> usize {
        self.0.entities.len()
    }

    /// How many mentions.
    pub fn mentions(&self) -> usize {
        self.0.found.len()
    }
}

/// Entity recognition and resolution (`EntityRules::recognize`): gazetteer,
/// titles, names, then surnames, descriptors and whom people represent.
pub fn recognize(extractor: &Extractor, doc: &Document, sentences: &Sentences) -> Entities {
    Entities(extractor.entities.recognize(&doc.id, &doc.text, &sentences.0, doc.date))
}

/// Event rules (`EventRules::events`) on recognized entities; returns the
/// number of events.
pub fn events(extractor: &Extractor, doc: &Document, sentences: &Sentences, entities: &Entities) -> usize {
    extractor
        .events
        .events(&doc.text, &sentences.0, &entities.0, doc.date)
        .len()
}
