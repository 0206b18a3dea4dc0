//! Which of the lexicon's word lists about names a word is in, by one
//! look-up.
//!
//! Reading a run of capitalized words asks of each word whether it is a
//! given name, an honorific, a non-name, a word that opens or ends an
//! organization's name, and so on: up to six look-ups of the same word in
//! six sets of strings, each a probe of a table and a comparison with a
//! string stored elsewhere, most often cache misses (speed pass 10: 280,000
//! look-ups per 3,000 Reuters stories from `name_candidates` alone, and hash
//! look-ups with their string comparisons were 6 % of the samples). One map
//! from a word to the set of its lists answers them all: 163,000.

use rustc_hash::FxHashMap as HashMap;

use crate::extract::lexicon::Lexicon;
use crate::extract::word_lists::word_lists;

/// A set of the lists a word is in (bits of [`NameWords::classes_of`]).
pub(super) type Classes = u16;

/// A known given name (`given_names`).
pub(super) const GIVEN_NAME: Classes = 1;
/// An honorific (`honorifics`: "Mr", "Gen.").
pub(super) const HONORIFIC: Classes = 1 << 1;
/// The word and a period is an honorific ("Gen" for "Gen.").
pub(super) const DOTTED_HONORIFIC: Classes = 1 << 2;
/// A capitalized word that is no name (`non_names`).
pub(super) const NON_NAME: Classes = 1 << 3;
/// A non-name that opens an organization's name (`org_modifiers`).
pub(super) const ORG_MODIFIER: Classes = 1 << 4;
/// A word that ends an organization's name (`org_heads`).
pub(super) const ORG_HEAD: Classes = 1 << 5;
/// A word that ends a thing's name (`thing_heads`).
pub(super) const THING_HEAD: Classes = 1 << 6;
/// A particle inside a person's name (`particles`: "bin", "von").
pub(super) const PARTICLE: Classes = 1 << 7;
/// A headline's verb (`headline_verbs.txt`: "Visits", "Urges").
pub(super) const HEADLINE_VERB: Classes = 1 << 8;

/// Each word of the lists about names, with the lists it is in.
pub(super) struct NameWords {
    classes: HashMap<String, Classes>,
}

impl NameWords {
    pub(super) fn new(lexicon: &Lexicon) -> NameWords {
        let mut classes: HashMap<String, Classes> = HashMap::default();
        let lists = [
            (&lexicon.given_names, GIVEN_NAME),
            (&lexicon.honorifics, HONORIFIC),
            (&lexicon.non_names, NON_NAME),
            (&lexicon.org_modifiers, ORG_MODIFIER),
            (&lexicon.org_heads, ORG_HEAD),
            (&lexicon.thing_heads, THING_HEAD),
            (&lexicon.particles, PARTICLE),
            (&word_lists().headline_verbs, HEADLINE_VERB),
        ];
        for (list, class) in lists {
            for word in list {
                *classes.entry(word.clone()).or_default() |= class;
            }
        }
        for honorific in &lexicon.honorifics {
            if let Some(bare) = honorific.strip_suffix('.') {
                *classes.entry(bare.to_string()).or_default() |= DOTTED_HONORIFIC;
            }
        }
        NameWords { classes }
    }

    /// The lists `word` is in (0 for none).
    pub(super) fn classes_of(&self, word: &str) -> Classes {
        self.classes.get(word).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_in_the_lists_the_lexicon_puts_it_in() {
        let lexicon = Lexicon::load().expect("the lexicon loads");
        let words = NameWords::new(&lexicon);
        let lists = [
            (&lexicon.given_names, GIVEN_NAME),
            (&lexicon.honorifics, HONORIFIC),
            (&lexicon.non_names, NON_NAME),
            (&lexicon.org_modifiers, ORG_MODIFIER),
            (&lexicon.org_heads, ORG_HEAD),
            (&lexicon.thing_heads, THING_HEAD),
            (&lexicon.particles, PARTICLE),
            (&word_lists().headline_verbs, HEADLINE_VERB),
        ];
        for (word, &classes) in &words.classes {
            for (list, class) in lists {
                assert_eq!(list.contains(word), classes & class != 0, "{word}");
            }
            let dotted = lexicon.honorifics.contains(&format!("{word}."));
            assert_eq!(dotted, classes & DOTTED_HONORIFIC != 0, "{word}");
        }
        for (list, class) in lists {
            assert!(list.iter().all(|word| words.classes_of(word) & class != 0));
        }
        assert_eq!(words.classes_of("no such word in any list"), 0);
    }
}
