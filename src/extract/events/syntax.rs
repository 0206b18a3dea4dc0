//! Shared reading of a sentence around a trigger: who is the subject, what
//! follows the verb, where the clause ends (whom a pronoun stands for is
//! `referents.rs`).
//!
//! Every event rule reads agents through these, so a fix to subject finding
//! (a relative clause, a coordination) reaches every kind at once.

use crate::extract::ascii::{bare_lower_case, contains_any, lower_case};
use crate::extract::entities::{DocEntities, Found};
use crate::extract::word_lists::word_lists;
use std::borrow::Cow;

/// A sentence being read: its text and the mentions inside it.
pub(super) struct View<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub found: Vec<&'a Found>,
    /// The subset of `found` that can act.
    pub agents: Vec<&'a Found>,
    /// Nouns for people who act for a state or body ("officials"): the
    /// rules' `acting_nouns`.
    pub acting_nouns: &'a rustc_hash::FxHashSet<String>,
}

impl<'a> View<'a> {
    pub fn body(&self) -> &'a str {
        &self.text[self.start..self.end]
    }

    /// The mentions of the sentence that can act (people, states and
    /// organizations as actors), found once when the view is made.
    pub fn agents(&self) -> &[&'a Found] {
        &self.agents
    }
}

pub(super) fn is_agent(f: &Found, doc: &DocEntities) -> bool {
    is_agent_kind(f, doc) && f.actor
}

/// Whether a mention names someone who could act: a person, a state or an
/// organization, whether or not it acts in its sentence.
pub(super) fn is_agent_kind(f: &Found, doc: &DocEntities) -> bool {
    use crate::extract::model::EntityKind::*;
    matches!(doc.entities[f.entity].kind, Person | State | Organization)
}

pub(super) fn previous_word(text: &str, at: usize) -> Option<Cow<'_, str>> {
    previous_word_span(text, at).map(|(start, end)| lower_case(&text[start..end]))
}

/// The byte span of the word before `at` (letters, digits and hyphens),
/// over the spaces between.
pub(super) fn previous_word_span(text: &str, at: usize) -> Option<(usize, usize)> {
    let before = text[..at].trim_end();
    // back over ASCII letters, digits and hyphens without decoding; other
    // characters, past the first byte that is not ASCII, decoded
    let ascii = before
        .bytes()
        .rev()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-'))
        .map_or(0, |back| before.len() - back);
    let start = match ascii.checked_sub(1).map(|i| before.as_bytes()[i]) {
        Some(b) if !b.is_ascii() => before[..ascii]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric() && *c != '-')
            .map_or(0, |(i, c)| i + c.len_utf8()),
        _ => ascii,
    };
    (start < before.len()).then_some((start, before.len()))
}

/// Whether a preposition governs the phrase at `at`, through a determiner:
/// "for Kiev", "for the Forum 2000 foundation".
pub(super) fn preceded_by_preposition(text: &str, at: usize) -> bool {
    let at = before_address(text, at);
    let Some(word) = previous_word(text, at) else {
        return false;
    };
    if matches!(word.as_ref(), "the" | "a" | "an" | "its" | "his" | "her" | "their") {
        let before = text[..at].trim_end();
        let start = before.len() - word.len();
        return previous_word(text, start).is_some_and(|w| word_lists().prepositions.contains(w.as_ref()));
    }
    word_lists().prepositions.contains(word.as_ref())
}

/// How many words of address and rank may stand between a preposition and
/// the name it governs: "to | Prime Minister | Tony Blair".
const ADDRESS_WORDS_BEFORE_NAME: usize = 3;

/// Where the words before a name end once its honorific, its rank and a
/// parenthesis after them are left out: the name's governor is read from
/// there ("to Mr Blair", "to Taoiseach (Irish PM) Micheal Martin", "a
/// spokesman for President Bush").
fn before_address(text: &str, at: usize) -> usize {
    let lists = word_lists();
    let mut before = text[..at].trim_end();
    for _ in 0..ADDRESS_WORDS_BEFORE_NAME {
        if before.ends_with(')') {
            if let Some(open) = before.rfind('(') {
                before = before[..open].trim_end();
                continue;
            }
        }
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if word.is_empty() || !word.starts_with(char::is_uppercase) {
            break;
        }
        if !lists.address_words.contains(&word.trim_end_matches('.').to_lowercase()) {
            break;
        }
        before = before[..before.len() - word.len()].trim_end();
    }
    // "after Mr Blair told", "as Foreign Secretary Jack Straw said": a word that
    // opens a clause makes the name its subject, not a preposition's object
    let opens_clause = || {
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        lists.subordinators.contains(&word.to_lowercase())
    };
    if before.len() == text[..at].trim_end().len() || opens_clause() {
        at // nothing left out: the name's own position, with the space before it
    } else {
        before.len()
    }
}

/// Whether the mention at `at` follows "<members> of (the)" or "<spokesman>
/// for (the)" (`member_nouns.txt`).
fn speaks_through_members(text: &str, at: usize) -> bool {
    let before = text[..before_address(text, at)].trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    let Some(rest) = before.strip_suffix(" of").or_else(|| before.strip_suffix(" for")) else {
        return false;
    };
    let Some(noun) = rest.split_whitespace().next_back() else {
        return false;
    };
    if !word_lists().member_nouns.contains(&noun.to_lowercase()) {
        return false;
    }
    // "Filip Sebek, the spokesman for the Forum": an apposition; the person speaks
    let before_noun = rest[..rest.len() - noun.len()].trim_end();
    let before_noun = before_noun
        .strip_suffix(" the")
        .or_else(|| before_noun.strip_suffix(" a"))
        .unwrap_or(before_noun);
    !before_noun.ends_with(',')
}

/// The subject of a trigger: the nearest agent before it in the same clause
/// that is not the object of a preposition ("a non-starter for Kiev, which
/// ... demands" still finds Kiev through the relative pronoun).
pub(super) fn subject<'a>(view: &View<'a>, doc: &DocEntities, at: usize) -> Vec<&'a Found> {
    let text = view.text;
    // "As Mr Brown announced the date, Ernst & Young urged him": the
    // sentence's opening clause holds no subject of a verb after its comma
    let opening_clause_end = opening_clause_end(view, doc)
        .filter(|&comma| comma < at)
        .unwrap_or(view.start);
    let candidates: Vec<&Found> = view
        .agents()
        .iter()
        .copied()
        .filter(|f| f.end <= at && f.start >= opening_clause_end)
        .collect();
    let mut chosen: Vec<&Found> = Vec::new();
    for f in candidates.iter().rev() {
        // a quote opening right at the trigger does not separate it from its subject:
        // `X had "agreed in principle"`
        let between = text[f.end..at].trim_end_matches(|c: char| c == '"' || c == '\u{201C}' || c.is_whitespace());
        if contains_any(between, &['\u{201C}', '\u{201D}', '"']) || between.contains(';') {
            break;
        }
        // "those who have long demanded his ouster", "a technician who urged the
        // electors": the trigger is in a relative clause of someone unnamed
        if relative_of_another(between, view.acting_nouns) || reported_clause_subject(between) {
            break;
        }
        // "Iraq's U.S.-backed government said": a name glued to a participle by a
        // hyphen modifies the subject's noun
        if text[f.end..]
            .strip_prefix('-')
            .is_some_and(|rest| rest.starts_with(char::is_lowercase))
        {
            continue;
        }
        // "criticised Mr Brown's plan and called on": a possessor is not the subject
        if f.possessive && doc.entities[f.entity].kind == crate::extract::model::EntityKind::Person {
            continue;
        }
        let prep = preceded_by_preposition(text, f.start) && !speaks_through_members(text, f.start);
        let relative = between.trim_start().starts_with(", which")
            || between.trim_start().starts_with(", who")
            || between.trim_start().starts_with("which")
            || between.trim_start().starts_with("who");
        if prep && !relative {
            continue;
        }
        // "the case of Joseph Scholes, who hanged himself in 2002, and urged": the
        // relative clause has closed, and the trigger goes on the main clause
        let closed_relative = relative && {
            let end = between.trim_end();
            end.ends_with(", and") || end.ends_with(", but")
        };
        if closed_relative {
            continue;
        }
        // "Colin Asplin, Blackpool Hotel Association said": the body is the
        // person's apposition, and the person speaks
        if let Some(person) = person_before_affiliation(text, doc, &candidates, f) {
            chosen.push(person);
            break;
        }
        chosen.push(f);
        // coordination: "Moscow and Kiev", "France and West Germany"
        let mut last = *f;
        for g in candidates.iter().rev() {
            if g.end > last.start {
                continue; // overlapping or later mentions
            }
            let gap = text[g.end..last.start].trim();
            let words = gap.split_whitespace().count();
            let titled_and = gap.starts_with("and ")
                && words <= 5
                && !gap.contains(',')
                && gap
                    .split_whitespace()
                    .skip(1)
                    .all(|w| w.chars().next().is_some_and(|c| c.is_lowercase() || c.is_uppercase()));
            if gap == "and" || gap == "," || gap == ", and" || gap == "and the" || titled_and {
                chosen.push(g);
                last = g;
            } else {
                break;
            }
        }
        break;
    }
    chosen
}

/// Whether `between` (the text from a candidate subject to its trigger)
/// holds a relative pronoun, not at its start, whose clause holds the
/// trigger: "Kenya said those who have demanded", "a technician who urged".
/// The trigger's subject is then the pronoun's antecedent, someone unnamed,
/// not the candidate ("Kenya, which demanded" opens with the pronoun). The
/// relative clause holds the trigger when only auxiliaries and adverbs stand
/// between them ("which represents the industry said" is another clause's
/// verb), and the antecedent is no predicate of the candidate ("Blair is
/// among those who called for", "Egypt is the only state which signed"),
/// nor in apposition to it ("Ken Pyle, the senator who admitted", "members
/// of Congress, some of whom urged"), nor someone who acts for it ("a
/// Kenyan official who said": `actor_nouns.tsv`, `member_nouns.txt`).
fn relative_of_another(between: &str, acting_nouns: &rustc_hash::FxHashSet<String>) -> bool {
    if between.trim_start().starts_with(',') {
        return false;
    }
    let lists = word_lists();
    let words: Vec<&str> = between.split_whitespace().collect();
    let bare = bare_lower_case;
    let Some(relative) = words
        .iter()
        .enumerate()
        .skip_while(|(_, w)| bare(w).is_empty())
        .skip(1)
        .find(|(_, w)| lists.relatives.contains(bare(w).as_ref()))
        .map(|(i, _)| i)
    else {
        return false;
    };
    let clause = &words[relative + 1..];
    let in_clause = clause.len() <= MAX_WORDS_BEFORE_RELATIVE_VERB
        && !words[relative..].iter().any(|w| w.contains(','))
        && clause.iter().all(|w| {
            let w = bare(w);
            lists.auxiliaries.contains(w.as_ref()) || lists.adverbs.contains(w.as_ref()) || w.ends_with("ly")
        });
    // "a senior Iranian official who said": the antecedent acts for the candidate
    let acts_for_candidate = relative == 1 && acting_nouns.contains(bare(words[0]).as_ref());
    in_clause
        && !acts_for_candidate
        && !words[..relative]
            .iter()
            .any(|w| lists.be_forms.contains(bare(w).as_ref()))
}

/// Whether `between` (the text from a candidate subject to its trigger)
/// holds a reporting verb and, after it, the reported clause's own subject:
/// "Kenyan officials said the two sides agreed", "Kenya told reporters the
/// rebels had demanded". A subject pronoun after the verb most often stands
/// for the candidate ("Kenya said on Monday it agreed"), and a passive
/// ("said the accord was signed") names no subject of its own: both keep the
/// candidate.
fn reported_clause_subject(between: &str) -> bool {
    let lists = word_lists();
    let words: Vec<&str> = between.split_whitespace().collect();
    // borrowed where the word is lower case already (most are): a copy of
    // every word between a subject and its trigger cost more than the rule
    let bare = bare_lower_case;
    // in lower case: "Added" is a word of a name ("Value Added Marketing")
    let reporting = |w: &&str| w.starts_with(char::is_lowercase) && lists.reporting_verbs.contains(bare(w).as_ref());
    let Some(verb) = words.iter().rposition(reporting) else {
        return false;
    };
    let clause = &words[verb + 1..];
    // "said the kingdom wanted stability and called on": a verb joined to the
    // reporting verb's own; "which claims a membership of ..., urged": the
    // clause ended at its comma
    if clause
        .iter()
        .any(|w| w.contains(',') || lists.joining_words.contains(bare(w).as_ref()))
    {
        return false;
    }
    let clause: Vec<Cow<'_, str>> = clause.iter().map(|w| bare(w)).filter(|w| !w.is_empty()).collect();
    // "said it agreed", "said its bank lenders agreed": someone named before
    let refers_back = clause
        .iter()
        .any(|w| lists.personal_pronouns.contains(w.as_ref()) || lists.possessives.contains(w.as_ref()));
    let passive = clause.last().is_some_and(|w| lists.be_forms.contains(w.as_ref()));
    // a lower-case word that is no function word: a noun of the clause's subject
    // ("the rebels"), not "on Monday" or "that"
    let own_subject = words[verb + 1..].iter().any(|w| {
        let b = bare(w);
        let b = b.as_ref();
        w.starts_with(char::is_lowercase)
            && !lists.prepositions.contains(b)
            && !lists.determiners.contains(b)
            && !lists.auxiliaries.contains(b)
            && !lists.adverbs.contains(b)
            && !lists.subject_pronouns.contains(b)
    });
    own_subject && !refers_back && !passive
}

/// Words that may stand between a relative pronoun and its clause's verb
/// ("who have since also demanded").
const MAX_WORDS_BEFORE_RELATIVE_VERB: usize = 4;

/// Where the sentence's opening subordinate clause or adverbial phrase ends
/// (its first comma), when a word of `clause_openers.txt` opens the
/// sentence: "After talks with Kenya, Norway said". A comma right after a
/// person and before a lower-case word opens an apposition instead, and the
/// person is the subject: "Although Jonathan Wolff, senior vice president
/// at ..., noted".
pub(super) fn opening_clause_end(view: &View<'_>, doc: &DocEntities) -> Option<usize> {
    let body = view.body();
    let first = body.split_whitespace().next()?;
    let first = lower_case(first.trim_matches(|c: char| !c.is_alphanumeric()));
    if !word_lists().clause_openers.contains(first.as_ref()) {
        return None;
    }
    // a comma before a space: not the one inside "500,000"
    let comma = view.start + body.find(", ")?;
    let apposition = view.text[comma + 1..].trim_start().starts_with(char::is_lowercase)
        && view
            .agents()
            .iter()
            .any(|f| f.end == comma && doc.entities[f.entity].kind == crate::extract::model::EntityKind::Person);
    (!apposition).then_some(comma)
}

/// The person whose affiliation the organization `f` is, in apposition
/// right after them: "Colin Asplin, Blackpool Hotel Association".
fn person_before_affiliation<'a>(
    text: &str,
    doc: &DocEntities,
    candidates: &[&'a Found],
    f: &Found,
) -> Option<&'a Found> {
    use crate::extract::model::EntityKind::{Organization, Person};
    if doc.entities[f.entity].kind != Organization {
        return None;
    }
    candidates
        .iter()
        .copied()
        .filter(|g| g.end <= f.start && doc.entities[g.entity].kind == Person)
        .max_by_key(|g| g.end)
        .filter(|g| matches!(&text[g.end..f.start], ", " | ", the " | ", The "))
}

/// Entities right after a trigger: "urged Russia to", "called on the Council to".
pub(super) fn object<'a>(view: &View<'a>, at: usize) -> Vec<&'a Found> {
    let text = view.text;
    view.agents()
        .iter()
        .copied()
        .filter(|f| f.start >= at)
        .filter(|f| object_gap(&text[at..f.start]))
        .take(1)
        .collect()
}

/// How many determiners and quantifiers may stand between a verb and the
/// name it governs: "urged | all the other | G8 nations".
const OBJECT_GAP_WORDS: usize = 3;

/// Whether the words between a verb and a name let the name be its object:
/// none, or a particle ("called on", "appealed to", "demanded that") and then
/// determiners and quantifiers ("urged other G8 nations", "called on the").
fn object_gap(gap: &str) -> bool {
    let lists = word_lists();
    // a particle and OBJECT_GAP_WORDS modifiers at most: a longer gap (often the rest
    // of the sentence, for each later agent) is turned away without reading it all
    let words: Vec<String> = gap
        .split_whitespace()
        .take(OBJECT_GAP_WORDS + 2)
        .map(str::to_lowercase)
        .collect();
    if words.len() > OBJECT_GAP_WORDS + 1 {
        return false;
    }
    let particle = words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "on" | "upon" | "of" | "to" | "that"));
    let mut modifiers = &words[usize::from(particle)..];
    // a name's honorific or rank is outside its span: "urged Mr Hockney to",
    // "called on Foreign Minister Kamau to"
    while let Some((last, rest)) = modifiers.split_last() {
        if !lists.address_words.contains(last.trim_end_matches('.')) {
            break;
        }
        modifiers = rest;
    }
    // an indefinite article makes a state's name a nationality: "asked a US banker to"
    let indefinite = |w: &str| matches!(w, "a" | "an");
    modifiers.len() <= OBJECT_GAP_WORDS
        && modifiers.iter().all(|w| {
            !indefinite(w) && (lists.determiners.contains(w.as_str()) || lists.quantifiers.contains(w.as_str()))
        })
}

/// Whether the words before a meeting noun refer to a meeting already told:
/// a preposition and a definite determiner ("after the meeting", "ahead of
/// the talks", "following the negotiations").
pub(super) fn refers_back(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(5)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let Some(det) = words
        .iter()
        .position(|w| matches!(w.as_str(), "the" | "this" | "that" | "these" | "those"))
    else {
        return false;
    };
    // only adjectives and "of" between the determiner and the noun: "the first round of talks",
    // not "for the helicopter during talks"
    let np = words[..det]
        .iter()
        .all(|w| w == "of" || !word_lists().prepositions.contains(w));
    let preposition = words.get(det + 1).is_some_and(|w| {
        matches!(
            w.as_str(),
            "after"
                | "following"
                | "of"
                | "before"
                | "since"
                | "during"
                | "at"
                | "from"
                | "about"
                | "on"
                | "for"
                | "to"
                | "with"
                | "in"
                | "into"
                | "by"
                | "over"
        )
    });
    det <= 3 && np && preposition
}

/// Where the clause after a trigger ends: a semicolon, a dash, or the sentence end.
pub(super) fn clause_end(text: &str, from: usize, end: usize) -> usize {
    let rest = &text[from..end];
    let bytes = rest.as_bytes();
    // a period ends the clause only before a space or the end: not in "5.5bn" or "U.S."
    rest.match_indices(['.', ';', '\u{2013}', '\u{2014}'])
        .find(|&(i, m)| m != "." || bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()) && !is_initial(rest, i))
        .map_or(end, |(i, _)| from + i)
}

/// Whether the period at `dot` closes an initial or an abbreviation of
/// capitals ("U.S.", "J."), which does not end a clause.
fn is_initial(text: &str, dot: usize) -> bool {
    let word = text[..dot].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    !word.is_empty()
        && word.chars().all(|c| c.is_uppercase() || c == '.')
        && word.chars().filter(|c| c.is_uppercase()).count() <= 3
}

/// The agents of a coordination that starts right after `at` and ends
/// before `end`: "between Kenya and Norway", "by Secretary of State George
/// Shultz and Foreign Minister Vahit Halefoglu". The first agent must follow
/// `at` with at most a determiner or title words between; each next one must
/// follow "and", a comma, or ", and" (titles allowed after them).
pub(super) fn coordination_after<'a>(view: &View<'a>, at: usize, end: usize) -> Vec<&'a Found> {
    let text = view.text;
    let mut out: Vec<&Found> = Vec::new();
    let mut from = at;
    for f in view.agents().iter().copied().filter(|f| f.start >= at && f.end <= end) {
        if f.start < from {
            continue; // inside or overlapping the last one
        }
        let gap = text[from..f.start].trim();
        let joiner = if out.is_empty() {
            // "with the Italian finance minister Domenico Siniscalco"
            Some(gap)
                .filter(|g| !g.contains([',', ';', '"', '(']) && g.split_whitespace().count() <= 5)
                .map(|_| "")
        } else {
            ["and", ",", ", and", "&"]
                .iter()
                .find_map(|j| gap.strip_prefix(j))
                .map(str::trim_start)
        };
        match joiner {
            Some(rest) if title_words(rest) => {
                out.push(f);
                from = f.end;
            }
            _ => break,
        }
    }
    out
}

/// Whether `words` can stand between a joiner and a name: nothing, a
/// determiner, or a few words of a title ("Foreign Minister", "the Prime
/// Minister of").
fn title_words(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    // "her Norwegian counterpart", "the chief negotiator": a possessive or an
    // article opens a role described in ordinary words
    let described = matches!(words.first(), Some(&("her" | "his" | "their" | "its" | "the")))
        && words.len() <= 4
        && !words.iter().any(|w| w.contains([',', ';', '"']));
    described
        || words.len() <= 5
            && words.iter().all(|w| {
                matches!(*w, "the" | "of" | "its" | "his" | "her" | "their")
                    || w.chars().next().is_some_and(char::is_uppercase)
            })
}

/// The two sides of the story at this point: of the meetings and agreements
/// told before `before` (a byte offset) that have exactly two states, the
/// pair most mentioned in the document (the story's protagonists, not a
/// visitor's host), the latest on a tie. "Both sides agreed to ..." after
/// "talks between India and Pakistan".
pub(super) fn two_sides<'e>(
    doc: &DocEntities,
    before: usize,
    earlier: impl Iterator<Item = &'e crate::extract::model::Event>,
) -> Option<std::collections::BTreeSet<usize>> {
    use crate::extract::model::{AgentRole, EntityKind};
    earlier
        .filter(|e| e.evidence.start < before)
        .filter_map(|e| {
            let states: std::collections::BTreeSet<usize> = e
                .agents
                .iter()
                .filter(|(role, _)| matches!(role, AgentRole::Participant | AgentRole::Party))
                .map(|(_, id)| *id)
                .filter(|&id| doc.entities[id].kind == EntityKind::State)
                .collect();
            let mentions: usize = states.iter().map(|&id| doc.entities[id].mentions).sum();
            (states.len() == 2).then_some(((mentions, e.evidence.start), states))
        })
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, states)| states)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read over the bytes, the word before a place is the one read over
    /// the characters.
    #[test]
    fn the_previous_word_is_found_over_bytes_as_over_characters() {
        fn by_characters(text: &str, at: usize) -> Option<(usize, usize)> {
            let before = text[..at].trim_end();
            let start = before
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_alphanumeric() && *c != '-')
                .map_or(0, |(i, c)| i + c.len_utf8());
            (start < before.len()).then_some((start, before.len()))
        }
        let pieces = ["", "a", "7", "-", " ", ",", "\u{e9}", "\u{2014}", "\u{a0}", "x-y"];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c} ");
                    for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                        assert_eq!(previous_word_span(&text, at), by_characters(&text, at), "{text:?} {at}");
                    }
                }
            }
        }
    }
}
