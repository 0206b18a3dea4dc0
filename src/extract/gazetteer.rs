//! Gazetteer lookup: every name of every state, place and organization,
//! compiled once into one Aho-Corasick automaton.
//!
//! Matching is case-sensitive (news capitalizes names; "turkey" is a bird) and
//! on whole words; where names overlap the longest wins ("Northern Ireland"
//! over "Ireland", "Latin America" over "America").

use rustc_hash::FxHashSet as HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::error::ParleyError;
use crate::extract::lexicon::Lexicon;

/// What a surface form can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A name of a state ("Russia", "Russian Federation").
    StateName(usize),
    /// An adjective or demonym ("Russian", "Russians").
    StateAdjective(usize),
    /// A capital or seat of government ("Moscow"), a place or the state by context.
    StateCapital(usize),
    /// A government metonym ("the Kremlin").
    StateMetonym(usize),
    Place(usize),
    Organization(usize),
    /// A public figure of `people.tsv`.
    Person(usize),
}

/// A gazetteer hit in a text, byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'g> {
    pub start: usize,
    pub end: usize,
    /// What the matched form names, borrowed from the gazetteer.
    pub targets: &'g [Target],
}

/// The compiled gazetteer.
pub struct Gazetteer {
    automaton: AhoCorasick,
    targets: Vec<Vec<Target>>,
}

impl Gazetteer {
    /// Compiles every surface form of the lexicon.
    pub fn compile(lexicon: &Lexicon) -> Result<Gazetteer, ParleyError> {
        Gazetteer::compile_forms(lexicon, None)
    }

    /// Compiles the upper-case forms of the names of states and places, for
    /// all-caps lines ("U.S. TRADE DEFICIT WIDENS"). Only forms with a period
    /// or at least four letters, and none of `ambiguous` (names that are also
    /// words once the case is gone: "SALE", "GUINEA"); no organizations or
    /// people, whose short forms are too often words in capitals.
    pub fn compile_caps(lexicon: &Lexicon, ambiguous: &HashSet<String>) -> Result<Gazetteer, ParleyError> {
        Gazetteer::compile_forms(lexicon, Some(ambiguous))
    }

    fn compile_forms(lexicon: &Lexicon, caps: Option<&HashSet<String>>) -> Result<Gazetteer, ParleyError> {
        let mut forms: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
        let mut add = |form: &str, target: Target| {
            let form = form.trim();
            if form.is_empty() {
                return;
            }
            let upper;
            let form = match caps {
                None => form,
                Some(ambiguous) => {
                    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
                    let kept = matches!(
                        target,
                        Target::StateName(_)
                            | Target::StateAdjective(_)
                            | Target::StateCapital(_)
                            | Target::StateMetonym(_)
                            | Target::Place(_)
                    ) && (form.contains('.') || letters >= 4)
                        && !ambiguous.contains(form);
                    if !kept {
                        return;
                    }
                    upper = form.to_uppercase();
                    upper.as_str()
                }
            };
            let i = *index.entry(form.to_string()).or_insert_with(|| {
                forms.push(form.to_string());
                targets.push(Vec::new());
                forms.len() - 1
            });
            if !targets[i].contains(&target) {
                targets[i].push(target);
            }
        };
        for (i, s) in lexicon.states.iter().enumerate() {
            add(&s.name, Target::StateName(i));
            for n in &s.names {
                add(n, Target::StateName(i));
            }
            for a in &s.adjectives {
                add(a, Target::StateAdjective(i));
            }
            for c in &s.capitals {
                add(c, Target::StateCapital(i));
            }
            for m in &s.metonyms {
                add(m, Target::StateMetonym(i));
            }
        }
        for (i, o) in lexicon.orgs.iter().enumerate() {
            add(&o.name, Target::Organization(i));
            for a in &o.aliases {
                add(a, Target::Organization(i));
            }
        }
        for (i, p) in lexicon.people.iter().enumerate() {
            add(&p.name, Target::Person(i));
            for a in &p.aliases {
                add(a, Target::Person(i));
            }
        }
        for (i, p) in lexicon.places.iter().enumerate() {
            add(&p.name, Target::Place(i));
            for a in &p.aliases {
                add(a, Target::Place(i));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&forms)
            .map_err(|e| ParleyError::Lexicon {
                file: "ontology/gazetteer".into(),
                line: 0,
                message: e.to_string(),
            })?;
        Ok(Gazetteer { automaton, targets })
    }

    /// Whole-word hits in `text[start..end]`, longest-leftmost, not overlapping.
    pub fn find(&self, text: &str, start: usize, end: usize) -> Vec<Hit<'_>> {
        let slice = &text[start..end];
        let mut candidates: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(slice)
            .filter(|m| is_word_boundary(slice, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut hits: Vec<Hit> = Vec::new();
        let mut covered = 0;
        for (s, e, p) in candidates {
            if s < covered {
                continue;
            }
            covered = e;
            hits.push(Hit {
                start: start + s,
                end: start + e,
                targets: &self.targets[p],
            });
        }
        hits
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    // a hyphen joins words, except between names: "Cuba-U.S. talks", "Eritrean-Ethiopian"
    let left_ok = match before.next() {
        None => true,
        Some('-') => before.next().is_none_or(|c| c.is_uppercase() || !c.is_alphanumeric()),
        Some(c) => !c.is_alphanumeric(),
    };
    // "U.S." ends with a period: the next character may then be anything
    let right_ok = text[..end].ends_with('.')
        || match after.next() {
            None => true,
            Some('-') => after.next().is_none_or(|c| c.is_uppercase() || !c.is_alphanumeric()),
            Some(c) => !c.is_alphanumeric(),
        };
    left_ok && right_ok
}
