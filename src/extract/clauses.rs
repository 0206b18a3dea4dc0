//! The clause layer: a shallow syntax of one sentence that every event rule reads.
//!
//! Event rules used to look at windows of characters around a trigger: "the
//! clause" was the text between two subordinators found by substring search,
//! and a "not" anywhere in the sentence cancelled every event in it. This
//! module reads a sentence once into words with their closed-class roles
//! (`ontology/lexicon/function_words.tsv`), splits it into clauses, and tells
//! for a predicate its frame: modality (asserted, future, conditional,
//! obligation, infinitive), negation and voice, from the auxiliaries right
//! before it. Distances are counted in words, never in bytes.
//!
//! It is deliberately shallow: no parse tree, no tagger model, nothing
//! fetched at run time. Closed-class words carry most of what events need
//! (is it negated? is it only planned? where does the clause end?), and open
//! class words are left to the trigger rules and the gazetteers.
//!
//! *Invariant:* clause spans tile the sentence: every byte of the sentence
//! lies in exactly one clause, in order.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::extract::sentences::{self, Sentence, Token};
use crate::extract::word_lists::word_lists;

/// A span of the document text in bytes: the unit inside extraction.
/// Conversion to code points happens once, at the output (`extract::mod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> ByteSpan {
        debug_assert!(start <= end, "{start}..{end}");
        ByteSpan { start, end }
    }
}

/// The closed-class role of a word (see `function_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// Opens a subordinate clause: a clause boundary before it.
    Subordinator,
    /// Sets up a condition ("if", "unless"): hypothetical, not a boundary.
    Condition,
    /// Contrasts two clauses ("but", "whereas"): a clause boundary before it.
    Contrast,
    /// Joins words or clauses ("and", "or").
    Coordinator,
    Future,
    Conditional,
    Obligation,
    Be,
    Have,
    Do,
    Negation,
    To,
    /// May stand between an auxiliary and its verb.
    Adverb,
    /// Opens a relative clause.
    Relative,
    /// Opens a subordinate clause only before a subject pronoun or after
    /// "even" ("as he began a visit", "even as protests flared"); elsewhere
    /// a preposition ("as a result", "such as Kenya").
    SubordinatorBeforeSubject,
}

impl WordClass {
    /// An auxiliary or modal: "is", "has", "will", "would", "must", "did".
    /// After a verb it opens a clause of its own ("warned the government
    /// would", "traders it says have been held").
    pub fn is_auxiliary(self) -> bool {
        matches!(
            self,
            WordClass::Be
                | WordClass::Have
                | WordClass::Future
                | WordClass::Conditional
                | WordClass::Obligation
                | WordClass::Do
        )
    }

    /// The class named in the data file's second column.
    pub fn parse(name: &str) -> Option<WordClass> {
        Some(match name {
            "subordinator" => WordClass::Subordinator,
            "condition" => WordClass::Condition,
            "contrast" => WordClass::Contrast,
            "coordinator" => WordClass::Coordinator,
            "future" => WordClass::Future,
            "conditional" => WordClass::Conditional,
            "obligation" => WordClass::Obligation,
            "be" => WordClass::Be,
            "have" => WordClass::Have,
            "do" => WordClass::Do,
            "negation" => WordClass::Negation,
            "to" => WordClass::To,
            "adverb" => WordClass::Adverb,
            "relative" => WordClass::Relative,
            "subordinator_before_subject" => WordClass::SubordinatorBeforeSubject,
            _ => return None,
        })
    }

    /// Whether a clause boundary stands before a word of this class.
    fn opens_clause(self) -> bool {
        matches!(self, WordClass::Subordinator | WordClass::Contrast)
    }
}

/// The function-word lexicon, compiled once.
#[derive(Debug, Default)]
pub struct FunctionWords {
    classes: FxHashMap<String, WordClass>,
    /// For each first byte of a function word, one bit per length (in bytes)
    /// that function words starting with it have: most words of a sentence
    /// are none, and this turns them away without hashing them.
    lengths_by_first_byte: Vec<u32>,
}

impl FunctionWords {
    pub fn new(rows: impl IntoIterator<Item = (String, WordClass)>) -> FunctionWords {
        let classes: FxHashMap<String, WordClass> = rows.into_iter().map(|(w, c)| (w.to_lowercase(), c)).collect();
        let mut lengths_by_first_byte = vec![0u32; 256];
        for word in classes.keys().filter(|w| w.len() <= Self::LONGEST) {
            let first = word.as_bytes().first().copied().unwrap_or(0);
            lengths_by_first_byte[usize::from(first)] |= 1 << word.len();
        }
        FunctionWords {
            classes,
            lengths_by_first_byte,
        }
    }

    /// No function word is longer than this: longer words need no lookup,
    /// and shorter ones are lowered on the stack, not in a new string.
    const LONGEST: usize = 16;

    /// Whether a function word has the length of `word` and its first byte
    /// in lower case.
    fn may_be_one(&self, word: &str) -> bool {
        let first = word.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        self.lengths_by_first_byte
            .get(usize::from(first))
            .is_some_and(|lengths| lengths & (1 << word.len()) != 0)
    }

    /// The class of a word as written. Contractions count by their ending:
    /// "didn't" is a negation, "we'll" a future.
    pub fn class(&self, word: &str) -> Option<WordClass> {
        const LONGEST: usize = FunctionWords::LONGEST;
        if word.len() <= LONGEST && self.may_be_one(word) {
            // most words have no capital: they are their own lower case
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                if let Some(class) = self.classes.get(word) {
                    return Some(*class);
                }
                return self.contraction_class(word);
            }
            let mut buffer = [0u8; LONGEST];
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            if let Some(class) = std::str::from_utf8(lower).ok().and_then(|w| self.classes.get(w)) {
                return Some(*class);
            }
        }
        self.contraction_class(word)
    }

    /// The class of a contraction by its ending: "didn't" is a negation,
    /// "we'll" a future.
    fn contraction_class(&self, word: &str) -> Option<WordClass> {
        // read from the end: the one or two letters after the last
        // apostrophe, straight or curly, and the letter before it (a scan
        // of every word for an apostrophe, most having none, cost more)
        let bytes = word.as_bytes();
        let n = bytes.len();
        // where an apostrophe ending at byte `end` begins
        let apostrophe_before = |end: usize| match bytes[..end] {
            [.., b'\''] => Some(end - 1),
            [.., 0xE2, 0x80, 0x99] => Some(end - 3),
            _ => None,
        };
        match bytes.last()?.to_ascii_lowercase() {
            b't' => {
                let at = apostrophe_before(n - 1)?;
                (at > 0 && matches!(bytes[at - 1], b'n' | b'N')).then_some(WordClass::Negation)
            }
            b'd' => apostrophe_before(n - 1).map(|_| WordClass::Conditional),
            b'l' if n >= 2 && bytes[n - 2].eq_ignore_ascii_case(&b'l') => {
                apostrophe_before(n - 2).map(|_| WordClass::Future)
            }
            _ => None,
        }
    }
}

/// One word of a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub span: ByteSpan,
    pub class: Option<WordClass>,
    /// Ends in "-ing": after "be" a progressive ("are joining"), not a passive.
    pub present_participle: bool,
}

/// How a predicate is asserted, from the auxiliaries before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// Said to happen or have happened: "met", "has signed", "are meeting".
    Asserted,
    /// "will meet", "is to meet" is left to the status rules.
    Future,
    /// "would meet", "could sign", "if they meet".
    Conditional,
    /// "must withdraw", "should agree".
    Obligation,
    /// "to meet": the verb is governed by another ("agreed to meet").
    Infinitive,
}

/// What the clause layer knows of one predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub modality: Modality,
    /// "did not sign", "never met", "won't meet".
    pub negated: bool,
    /// "was urged", "were signed": a form of "be" before the verb.
    pub passive: bool,
}

/// How many words before a predicate its auxiliaries may stand: "would not
/// have been" is four.
const AUXILIARY_REACH: usize = 4;

/// One sentence read into words and clauses.
#[derive(Debug)]
pub struct SentenceSyntax {
    pub span: ByteSpan,
    pub words: Vec<Word>,
    /// Clauses as word ranges, in order; see [`SentenceSyntax::clause_span`].
    clauses: Vec<Range<usize>>,
    /// Byte span of each clause; together they tile the sentence.
    clause_spans: Vec<ByteSpan>,
}

impl SentenceSyntax {
    /// Reads one sentence of `text`.
    pub fn new(text: &str, sentence: &Sentence, lexicon: &FunctionWords) -> SentenceSyntax {
        let tokens = sentences::tokens(text, sentence.start, sentence.end);
        SentenceSyntax::from_tokens(text, sentence, &tokens, lexicon)
    }

    /// Reads one sentence of `text` from its word tokens (`sentences::tokens`).
    pub fn from_tokens(text: &str, sentence: &Sentence, tokens: &[Token], lexicon: &FunctionWords) -> SentenceSyntax {
        let span = ByteSpan::new(sentence.start, sentence.end);
        let words: Vec<Word> = tokens
            .iter()
            .map(|t| Word {
                span: ByteSpan::new(t.start, t.end),
                class: lexicon.class(&text[t.start..t.end]),
                present_participle: text[t.start..t.end].ends_with("ing"),
            })
            .collect();
        let (clauses, clause_spans) = split_clauses(text, span, &words);
        SentenceSyntax {
            span,
            words,
            clauses,
            clause_spans,
        }
    }

    /// The index of the first word that ends after `at`.
    fn word_from(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.end <= at)
    }

    /// The index of the clause holding byte `at`.
    pub fn clause_index(&self, at: usize) -> usize {
        self.clause_spans
            .partition_point(|c| c.end <= at)
            .min(self.clause_spans.len().saturating_sub(1))
    }

    /// The byte span of the clause holding `at`.
    pub fn clause_span(&self, at: usize) -> ByteSpan {
        self.clause_spans
            .get(self.clause_index(at))
            .copied()
            .unwrap_or(self.span)
    }

    /// Every clause's byte span, in order.
    #[cfg(test)]
    pub fn clause_spans(&self) -> &[ByteSpan] {
        &self.clause_spans
    }

    /// The frame of a predicate whose first word starts at `at`: the
    /// auxiliaries, negations and adverbs right before it, within its clause.
    pub fn frame(&self, at: usize) -> Frame {
        let first = self.word_from(at);
        let clause = &self.clauses[self.clause_index(at).min(self.clauses.len().saturating_sub(1))];
        let mut frame = Frame {
            modality: Modality::Asserted,
            negated: false,
            passive: false,
        };
        let from = first.saturating_sub(AUXILIARY_REACH).max(clause.start);
        for word in self.words[from..first].iter().rev() {
            match word.class {
                Some(WordClass::Negation) => frame.negated = true,
                Some(WordClass::Future) if frame.modality == Modality::Asserted => frame.modality = Modality::Future,
                Some(WordClass::Conditional) if frame.modality == Modality::Asserted => {
                    frame.modality = Modality::Conditional
                }
                Some(WordClass::Obligation) if frame.modality == Modality::Asserted => {
                    frame.modality = Modality::Obligation
                }
                Some(WordClass::To) if frame.modality == Modality::Asserted => frame.modality = Modality::Infinitive,
                Some(WordClass::Be) => frame.passive = true,
                Some(WordClass::Have | WordClass::Do | WordClass::Adverb) => {}
                // anything else ends the verb group: "the talks that Kenya did not attend" stops at "that"
                _ => break,
            }
        }
        // "be" before a present participle is the progressive, not the passive: "are joining"
        if self.words.get(first).is_some_and(|w| w.present_participle) {
            frame.passive = false;
        }
        // a "to" that closed the group is the infinitive's own; a condition opens the clause
        if self.words[clause.start..first]
            .iter()
            .any(|w| w.class == Some(WordClass::Condition))
        {
            frame.modality = Modality::Conditional;
        }
        frame
    }
}

/// Clause boundaries: before a subordinator or a contrast word, after a
/// semicolon, and at a dash set off by spaces. Returns word ranges and byte
/// spans that tile `span`.
fn split_clauses(text: &str, span: ByteSpan, words: &[Word]) -> (Vec<Range<usize>>, Vec<ByteSpan>) {
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (byte where the clause starts, its first word)
    let lower_word = |w: &Word| text[w.span.start..w.span.end].to_ascii_lowercase();
    for (i, word) in words.iter().enumerate() {
        let opens = match word.class {
            Some(WordClass::SubordinatorBeforeSubject) => {
                let subject_follows = words
                    .get(i + 1)
                    .is_some_and(|next| word_lists().subject_pronouns.contains(&lower_word(next)));
                let after_even = i > 0 && lower_word(&words[i - 1]) == "even";
                subject_follows || after_even
            }
            class => class.is_some_and(WordClass::opens_clause),
        };
        // "even as": the clause starts at "even"
        let first = if opens
            && word.class == Some(WordClass::SubordinatorBeforeSubject)
            && i > 0
            && lower_word(&words[i - 1]) == "even"
        {
            i - 1
        } else {
            i
        };
        if first > 0 && opens {
            cuts.push((words[first].span.start, first));
        }
    }
    let bytes = text.as_bytes();
    // over the bytes, undecoded: the cuts are ASCII or start with E2, a
    // lead byte, so each byte matched starts a character
    let mut next = span.start;
    while let Some(offset) = memchr::memchr3(b';', b'-', 0xE2, &bytes[next..span.end]) {
        let at = next + offset;
        next = at + 1;
        let spaced = |len: usize| {
            at > span.start
                && bytes[at - 1].is_ascii_whitespace()
                && bytes.get(at + len).is_some_and(|b| b.is_ascii_whitespace())
        };
        let cut = match bytes[at] {
            b';' => Some(at + 1),
            // U+2013 and U+2014, the en and em dashes
            0xE2 if matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x93 | 0x94])) && spaced(3) => Some(at),
            b'-' if spaced(1) => Some(at),
            _ => None,
        };
        if let Some(cut) = cut {
            cuts.push((cut, words.partition_point(|w| w.span.start < cut)));
        }
    }
    cuts.sort_unstable();
    cuts.dedup_by_key(|c| c.0);
    let mut ranges = Vec::with_capacity(cuts.len() + 1);
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    let (mut start, mut first) = (span.start, 0);
    for (cut, word) in cuts {
        if cut <= start || cut >= span.end {
            continue;
        }
        ranges.push(first..word.max(first));
        spans.push(ByteSpan::new(start, cut));
        (start, first) = (cut, word.max(first));
    }
    ranges.push(first..words.len());
    spans.push(ByteSpan::new(start, span.end));
    (ranges, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick rejection by first byte and length turns no function word
    /// away, whatever its case: every word of the lexicon is still found, in
    /// lower, upper and title case.
    #[test]
    fn every_function_word_is_found_in_any_case() {
        let words = lexicon();
        assert!(
            words.classes.len() > 50,
            "only {} function words read",
            words.classes.len()
        );
        for (word, class) in &words.classes {
            let title: String = word
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(word.chars().skip(1))
                .collect();
            for form in [word.clone(), word.to_ascii_uppercase(), title] {
                assert_eq!(words.class(&form), Some(*class), "{form}");
            }
        }
    }

    /// Read from the end, a contraction has the class it has by a search
    /// for its last apostrophe.
    #[test]
    fn a_contraction_is_read_from_its_end() {
        fn by_search(word: &str) -> Option<WordClass> {
            let apostrophe = word.rfind(['\'', '\u{2019}'])?;
            let before = &word[..apostrophe];
            let after = word[apostrophe..].trim_start_matches(['\'', '\u{2019}']);
            match after.to_ascii_lowercase().as_str() {
                "t" if before.ends_with(['n', 'N']) => Some(WordClass::Negation),
                "ll" => Some(WordClass::Future),
                "d" => Some(WordClass::Conditional),
                _ => None,
            }
        }
        let words = lexicon();
        let pieces = [
            "", "n", "N", "we", "x", "l", "t", "d", "\u{e9}", "'", "\u{2019}", "\u{2018}", "''",
        ];
        let ends = ["t", "T", "d", "D", "ll", "LL", "lL", "l", "s", "", "tt", "dd", "\u{e9}"];
        for a in pieces {
            for b in pieces {
                for end in ends {
                    let word = format!("{a}{b}{end}");
                    assert_eq!(words.contraction_class(&word), by_search(&word), "{word}");
                }
            }
        }
    }

    fn lexicon() -> FunctionWords {
        let rows = crate::extract::word_lists::function_words(&crate::extract::lexicon::FUNCTION_WORDS);
        FunctionWords::new(rows.expect("function_words.tsv loads").clause)
    }

    fn read(text: &str) -> SentenceSyntax {
        SentenceSyntax::new(
            text,
            &Sentence {
                start: 0,
                end: text.len(),
                headline: false,
            },
            &lexicon(),
        )
    }

    fn clauses(text: &str) -> Vec<&str> {
        read(text)
            .clause_spans()
            .iter()
            .map(|s| text[s.start..s.end].trim())
            .collect()
    }

    fn frame_of(text: &str, verb: &str) -> Frame {
        read(text).frame(text.find(verb).expect("verb in text"))
    }

    #[test]
    fn clauses_split_at_subordinators_semicolons_and_dashes() {
        assert_eq!(
            clauses("China refused to meet Cameron after he met the Dalai Lama."),
            vec!["China refused to meet Cameron", "after he met the Dalai Lama."]
        );
        assert_eq!(
            clauses("Kenya agreed; Norway did not."),
            vec!["Kenya agreed;", "Norway did not."]
        );
        assert_eq!(
            clauses("The talks \u{2013} the first in years \u{2013} ended."),
            vec!["The talks", "\u{2013} the first in years", "\u{2013} ended."]
        );
        // a hyphen inside a word is no dash; "and" joins, it does not split
        assert_eq!(
            clauses("Kenya and Norway signed a cease-fire."),
            vec!["Kenya and Norway signed a cease-fire."]
        );
    }

    #[test]
    fn as_opens_a_clause_only_before_a_subject_or_after_even() {
        let clause_of = |text: &str, word: &str| {
            let syntax = read(text);
            let span = syntax.clause_span(text.find(word).unwrap());
            text[span.start..span.end].trim().to_string()
        };
        let text = "Kamau said Chile should act as she began a visit.";
        assert_eq!(clause_of(text, "visit"), "as she began a visit.");
        let text = "Kenya and Chile met, even as protests flared.";
        assert_eq!(clause_of(text, "protests"), "even as protests flared.");
        let text = "Kenya and Chile met as a first step.";
        assert_eq!(clause_of(text, "step"), text);
        let text = "Kenya has met Chile since 1990.";
        assert_eq!(clause_of(text, "1990"), text);
    }

    #[test]
    fn clause_spans_tile_the_sentence() {
        let text =
            "Talks began when the envoys arrived; they ended - as expected - but nobody left, although it rained.";
        let syntax = read(text);
        let spans = syntax.clause_spans();
        assert_eq!(spans.first().map(|s| s.start), Some(0));
        assert_eq!(spans.last().map(|s| s.end), Some(text.len()));
        for pair in spans.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for at in 0..text.len() {
            assert!(
                syntax.clause_span(at).start <= at && at < syntax.clause_span(at).end,
                "byte {at}"
            );
        }
    }

    #[test]
    fn frames_read_negation_modality_and_voice() {
        let asserted = Frame {
            modality: Modality::Asserted,
            negated: false,
            passive: false,
        };
        assert_eq!(frame_of("Kenya signed the accord.", "signed"), asserted);
        assert_eq!(frame_of("Kenya has already signed the accord.", "signed"), asserted);
        assert!(frame_of("Kenya did not sign the accord.", "sign").negated);
        assert!(frame_of("Kenya didn't sign the accord.", "sign").negated);
        assert!(frame_of("Kenya never signed the accord.", "signed").negated);
        assert_eq!(
            frame_of("The ministers will meet in Oslo.", "meet").modality,
            Modality::Future
        );
        assert_eq!(
            frame_of("The ministers could meet in Oslo.", "meet").modality,
            Modality::Conditional
        );
        assert_eq!(
            frame_of("Russia must withdraw its troops.", "withdraw").modality,
            Modality::Obligation
        );
        assert_eq!(
            frame_of("Kenya agreed to meet Norway.", "meet").modality,
            Modality::Infinitive
        );
        assert!(frame_of("The minister was urged to resign.", "urged").passive);
        assert!(!frame_of("Kenya and Norway are joining forces.", "joining").passive);
        assert_eq!(
            frame_of("If they meet, the war ends.", "meet").modality,
            Modality::Conditional
        );
    }

    #[test]
    fn negation_stays_in_its_clause() {
        // the "not" of the first clause does not reach the second's verb
        let text = "Kenya did not attend, but Norway signed the accord.";
        assert!(read(text).frame(text.find("attend").unwrap()).negated);
        assert!(!read(text).frame(text.find("signed").unwrap()).negated);
        // nor does a negation before another verb: "not" ends at the verb group
        let text = "Officials who did not speak said Kenya signed.";
        assert!(!read(text).frame(text.find("signed").unwrap()).negated);
    }
}
