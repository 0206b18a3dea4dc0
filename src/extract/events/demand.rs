//! Demands: "X demanded", "urged Y to", "called on Y to", "called for", with
//! the addressee where the verb takes one and one event per topic named in
//! what is demanded. "X was urged by Y to" turns the demand around.

use std::collections::BTreeSet;

use crate::extract::clauses::{Modality, WordClass};
use crate::extract::dates::Tense;
use crate::extract::entities::Role;
use crate::extract::model::{AgentRole, EntityKind, Event, EventClass, Topic};
use crate::extract::word_lists::{word_lists, Addressee};

use super::referents::{self, inside_quotation, Pronoun};
use super::syntax::{self, clause_end, coordination_after, object, previous_word, subject};
use super::{Demanded, RuleKind, SentenceContext};

/// Verbs whose object is whom the demand is addressed to ("urged Russia to",
/// "called on the Council to"; `addressee_verbs.tsv`); "called for X's
/// release" names no addressee.
fn takes_addressee(verb: &str) -> bool {
    word_lists().addressee_verb(verb).is_some() || verb.ends_with(" on")
}

/// "seek support", "sought Kenya's help": a request for support, help or
/// aid (`events.tsv` lists the nouns).
fn is_seeking(verb: &str) -> bool {
    verb.starts_with("seek") || verb.starts_with("sought")
}

/// Verbs that are a demand only with an addressee: "asked" alone is a question.
fn needs_addressee(verb: &str) -> bool {
    word_lists().addressee_verb(verb) == Some(Addressee::Must)
}

/// "wants" is a demand only of someone told to act: "wants Norway to pay",
/// "wants other donor nations to match" (at most two words between the
/// addressee and "to"), never "wants to join" or "wants Norway's support".
/// The base form "press" likewise, with "to" or "for": "to press Japan to
/// buy", "press Kohl for similar action", never "told the press Japan would".
fn someone_told_to(
    cx: &SentenceContext<'_>,
    addressee: &BTreeSet<usize>,
    (te, clause_end): (usize, usize),
    next: &[&str],
) -> bool {
    let Some(last) = addressee_end(cx, addressee, (te, clause_end)) else {
        return false;
    };
    let words: Vec<&str> = cx.text[last..clause_end].split_whitespace().take(3).collect();
    words.iter().position(|w| next.contains(w)).is_some_and(|i| i <= 2)
}

/// Where the last mention of the addressee after the verb ends.
pub(super) fn addressee_end(
    cx: &SentenceContext<'_>,
    addressee: &BTreeSet<usize>,
    (te, clause_end): (usize, usize),
) -> Option<usize> {
    cx.view
        .agents()
        .iter()
        .filter(|f| f.start >= te && f.end <= clause_end && addressee.contains(&f.entity))
        .map(|f| f.end)
        .max()
}

/// Whether what follows the listener of "asked" is a question: a word that
/// opens one ("if", "whether": `question_openers.txt`) or a colon before the
/// question itself.
fn asked_a_question(cx: &SentenceContext<'_>, addressee: &BTreeSet<usize>, (te, clause_end): (usize, usize)) -> bool {
    let Some(last) = addressee_end(cx, addressee, (te, clause_end)) else {
        return false;
    };
    let after = &cx.text[last..];
    if after.starts_with(':') {
        return true;
    }
    after
        .split_whitespace()
        .next()
        .is_some_and(|w| word_lists().question_openers.contains(&w.to_lowercase()))
}

/// Reads the sentence's demands and returns what the first one asks for.
/// Each trigger is tried in turn until one gives a demand.
/// `speaker` is the sentence's speaker (for "I urge" inside a quotation).
pub(super) fn read(cx: &SentenceContext<'_>, speaker: Option<usize>, events: &mut Vec<Event>) -> Option<Demanded> {
    cx.triggers(EventClass::Demand)
        .into_iter()
        .filter(|&(ts, te, _)| !cx.overlapped_by(RuleKind::Veto(EventClass::Demand), ts, te))
        .find_map(|trigger| one(cx, trigger, speaker, events))
}

/// Whether the conditional modal before the verb at `ts` is "would"
/// ("would insist"), not "could", "might" or "may".
fn modal_is_would(cx: &SentenceContext<'_>, ts: usize) -> bool {
    let syntax = cx.syntax();
    syntax
        .words
        .iter()
        .rev()
        .filter(|w| w.span.end <= ts)
        .take(MODAL_REACH)
        .find(|w| w.class == Some(WordClass::Conditional))
        .is_some_and(|w| cx.text[w.span.start..w.span.end].eq_ignore_ascii_case("would"))
}

/// How many words before a demand verb its modal may stand: "would not
/// have been" is four.
const MODAL_REACH: usize = 4;

/// The demand of one trigger, if it is one.
fn one(
    cx: &SentenceContext<'_>,
    (ts, te, rule): (usize, usize, usize),
    speaker: Option<usize>,
    events: &mut Vec<Event>,
) -> Option<Demanded> {
    let (text, s) = (cx.text, cx.sentence());
    let verb = text[ts..te]
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let frame = cx.syntax().frame(ts);
    if frame.negated || cx.overlapped_by(RuleKind::Negation, ts, te) {
        return None;
    }
    // "a future government could request", "he may call for hearings": a
    // demand that may be made is none. "would" is most often the future of
    // a report ("said they would insist on"), and "I would urge them" a
    // demand made politely: both stay.
    if frame.modality == Modality::Conditional && !modal_is_would(cx, ts) {
        return None;
    }
    let passive = cx.overlapped_by(RuleKind::DemandPassive, ts, te);
    let mut obj_end = clause_end(text, te, s.end);
    // a demand quoted ends with the quotation: "We demand access," she told AFP
    if inside_quotation(text, s.start, ts) {
        if let Some(close) = text[te..obj_end].find(['"', '\u{201D}']) {
            obj_end = te + close;
        }
    }
    let Demanders {
        by,
        mut addressee,
        demanded_before,
        noun,
    } = demanders(cx, (ts, te), &verb, obj_end, passive, speaker)?;
    // what a demand noun asks for follows "for", "that" or "to" ("Brazil's
    // request for an extension"); without one the words after it are the
    // sentence going on ("Iraq's request has been one of resignation")
    let opened = verb.ends_with(" for")
        || NOUN_OBJECT_OPENERS
            .iter()
            .any(|w| text[te..obj_end].trim_start().starts_with(w));
    if noun && !opened {
        obj_end = te;
    }
    let object_text = &text[te..obj_end];
    let topics = if demanded_before {
        cx.rules.topics_in(&text[s.start..ts])
    } else {
        cx.rules.topics_in(object_text)
    };
    let demand = DemandSpan {
        span: (ts, te, obj_end),
        verb: &verb,
        passive,
        by: &by,
        topics: &topics,
    };
    add_addressees(cx, &demand, &mut addressee);
    if by.is_empty() || (needs_addressee(&verb) && addressee.is_empty()) {
        return None;
    }
    if verb.starts_with("want") && !someone_told_to(cx, &addressee, (te, obj_end), &["to"]) {
        return None;
    }
    if verb == "press" && !someone_told_to(cx, &addressee, (te, obj_end), &["to", "for"]) {
        return None;
    }
    if verb.starts_with("ask") && asked_a_question(cx, &addressee, (te, obj_end)) {
        return None; // "asked Mr Myers if he ever knew", "asked Mr Sullivan: \"..."
    }
    let topics = if topics.is_empty() {
        vec![Topic::OtherTopic]
    } else {
        topics
    };
    let date = cx.date_near(s.start, s.end, ts, Tense::Past);
    for topic in topics {
        let mut event = cx.event(EventClass::Demand, rule);
        event.add_agents(AgentRole::Demander, by.iter().copied());
        event.add_agents(AgentRole::Addressee, addressee.iter().copied());
        event.topic = Some(topic);
        event.text = object_text.trim().to_string();
        event.date = date;
        events.push(event);
    }
    Some(Demanded {
        start: te,
        end: obj_end,
        by,
        of: addressee,
    })
}

/// A demand being read: its trigger and object span (trigger start, trigger
/// end, object end), the trigger's words, whether it is passive, who makes
/// it and its topics.
struct DemandSpan<'d> {
    span: (usize, usize, usize),
    verb: &'d str,
    passive: bool,
    by: &'d BTreeSet<usize>,
    topics: &'d [Topic],
}

/// Adds whom the demand is made of, trying each way a text says it in turn
/// until one names someone: the verb's object ("urged Britain and Argentina
/// to"), the person an object pronoun stands for, the subject of a "that"
/// clause, whose support is sought, "from X", the state of forces asked to
/// withdraw, the owner of sanctions asked to be lifted, and the one other
/// side the sentence names.
fn add_addressees(cx: &SentenceContext<'_>, demand: &DemandSpan<'_>, addressee: &mut BTreeSet<usize>) {
    let (text, view) = (cx.text, &cx.view);
    let DemandSpan {
        span: (ts, te, obj_end),
        verb,
        passive,
        by,
        topics,
    } = *demand;
    let object_text = &text[te..obj_end];
    if !passive && (takes_addressee(verb) || verb.ends_with("that")) {
        // "urged Britain and Argentina to": the object with those coordinated after it
        let first = object(view, te).into_iter().find(|f| !f.possessive);
        let coordinated = first.map(|f| coordination_after(view, f.start, obj_end));
        addressee.extend(
            first
                .into_iter()
                .chain(coordinated.into_iter().flatten())
                .filter(|f| !f.possessive)
                .map(|f| f.entity)
                .filter(|e| !by.contains(e)),
        );
    }
    // "wrote to Taoiseach Micheal Martin to request a meeting", "appealed to the
    // Council to demand": whom the subject turned to asks through the infinitive
    if addressee.is_empty() && !passive && text[..ts].ends_with(" to ") {
        addressee.extend(
            view.agents()
                .iter()
                .filter(|f| f.end + " to ".len() == ts && !by.contains(&f.entity))
                .filter(|f| syntax::preceded_by_preposition(text, f.start))
                .map(|f| f.entity),
        );
    }
    // "would urge him to": whom the pronoun stands for
    if addressee.is_empty() && !passive && takes_addressee(verb) {
        addressee.extend(object_pronoun_referent(cx, te, by));
    }
    // "demanded that Russia withdraw": the subject of the clause demanded is asked
    if addressee.is_empty() && !passive {
        let lead = object_text.len() - object_text.trim_start().len();
        if let Some(rest) = object_text[lead..].strip_prefix("that ") {
            let at = te + object_text.len() - rest.len();
            addressee.extend(
                object(view, at)
                    .iter()
                    .filter(|f| !f.possessive)
                    .map(|f| f.entity)
                    .filter(|e| !by.contains(e)),
            );
        }
    }
    // "sought Kenya's support": whose support is sought is asked for it
    if addressee.is_empty() && !passive && is_seeking(verb) {
        addressee.extend(
            view.found
                .iter()
                .filter(|f| f.start > ts && f.end <= te && f.possessive && f.actor)
                .map(|f| f.entity)
                .filter(|e| !by.contains(e)),
        );
    }
    // "demanded the release of the crew from Borduria"
    if addressee.is_empty() && !passive {
        if let Some(i) = object_text.find(" from ") {
            let at = te + i + " from ".len();
            addressee.extend(agents_at(cx, at).filter(|e| !by.contains(e)));
        }
    }
    if topics.contains(&Topic::Withdrawal) && addressee.is_empty() {
        // "withdrawal of all Russian forces": the forces' state is asked to leave
        addressee.extend(
            view.found
                .iter()
                .filter(|f| f.start >= te && f.end <= obj_end && f.role == Role::Adjective && f.actor)
                .map(|f| f.entity)
                .filter(|e| !by.contains(e))
                .take(1),
        );
    }
    // "called for the embargo to be lifted": of whoever keeps it
    if addressee.is_empty() && !passive && topics.contains(&Topic::Sanctions) && asks_to_end(object_text) {
        addressee.extend(sanctions_owner(cx, te, obj_end).filter(|e| !by.contains(e)));
    }
    // "Kiev called for his immediate release" after "Russia's FSB said it had detained a
    // Ukrainian journalist": a demand that names no addressee is made of the one other side
    // the sentence names
    if addressee.is_empty() && !passive && !takes_addressee(verb) {
        addressee.extend(sole_other_side(cx, by));
    }
}

/// The words that open what a demand noun asks for: "request for", "demand
/// that", "call to".
const NOUN_OBJECT_OPENERS: [&str; 3] = ["for ", "that ", "to "];

/// Whether what is demanded is an end to something: "the embargo to be
/// lifted", "the lifting of sanctions" (`lifting_verbs.txt`).
fn asks_to_end(object_text: &str) -> bool {
    let lifting = &word_lists().lifting_verbs;
    object_text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| lifting.contains(&w.to_lowercase()))
}

/// How many words may stand between an owner and its ban: "the European
/// Union's | ban", "U.S. | trade sanctions".
const OWNER_REACH: usize = 3;

/// Whose ban, embargo or sanctions a demand to end them names: the state or
/// organization right before such a word in the demand ("the lifting of
/// U.S. sanctions"), else the last one the document names so before it
/// ("the European Union's ban on arms exports ... called for the embargo to
/// be lifted").
fn sanctions_owner(cx: &SentenceContext<'_>, te: usize, obj_end: usize) -> Option<usize> {
    let (text, doc) = (cx.text, cx.doc);
    let bans = &word_lists().ban_nouns;
    let owns_sanctions = |f: &&crate::extract::entities::Found| {
        let kind = doc.entities[f.entity].kind;
        if !matches!(kind, EntityKind::State | EntityKind::Organization) {
            return false;
        }
        let rest = &text[f.end..];
        let rest = ["'s", "\u{2019}s", "'"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest);
        // lower-case words of one noun phrase: "U.S. trade sanctions", not
        // "U.S. trade with Cuba under sanctions"
        rest.split_whitespace()
            .take(OWNER_REACH)
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .take_while(|w| w.starts_with(char::is_lowercase) && w.chars().all(|c| c.is_alphanumeric() || c == '-'))
            .any(|w| bans.contains(w))
    };
    let in_demand = doc
        .found
        .iter()
        .filter(|f| f.start >= te && f.end <= obj_end)
        .find(owns_sanctions);
    in_demand
        .or_else(|| doc.found.iter().rev().filter(|f| f.end <= te).find(owns_sanctions))
        .map(|f| f.entity)
}

/// Whom an object pronoun right after the verb stands for: "urged him to"
/// the person "he" would stand for there, never the demander. ("it" and
/// "them" were tried: they stood for the wrong state or body as often as the
/// right one, "lobbying music providers ... to urge them".)
fn object_pronoun_referent(cx: &SentenceContext<'_>, te: usize, by: &BTreeSet<usize>) -> Option<usize> {
    let pronoun = match cx.text[te..].split_whitespace().next()? {
        "him" => Pronoun::He,
        "her" => Pronoun::She,
        _ => return None,
    };
    let except: Vec<usize> = by.iter().copied().collect();
    referents::pronoun_referent_except(cx, (pronoun, te), &except, None)
}

/// Who makes the demand of the trigger at `ts..te`, whether what is
/// demanded stands before the trigger ("freed the prisoners as demanded
/// by"), and for a passive ("X was urged by Y") the addressee its subject
/// names. None: the trigger is no demand ("domestic demand").
struct Demanders {
    by: BTreeSet<usize>,
    addressee: BTreeSet<usize>,
    demanded_before: bool,
    /// The trigger is a noun ("Brazil's request"), not a verb.
    noun: bool,
}

fn demanders(
    cx: &SentenceContext<'_>,
    (ts, te): (usize, usize),
    verb: &str,
    obj_end: usize,
    passive: bool,
    speaker: Option<usize>,
) -> Option<Demanders> {
    let (text, doc, view) = (cx.text, cx.doc, &cx.view);
    let mut by: BTreeSet<usize> = BTreeSet::new();
    let mut addressee: BTreeSet<usize> = BTreeSet::new();
    let mut demanded_before = false;
    let mut noun = false;
    if passive {
        // "X was urged by Y to ...": Y demanded of X; without "by", nobody is known to demand
        addressee.extend(subject(view, doc, ts).iter().map(|f| f.entity));
        let clause = &text[te..obj_end];
        if let Some(i) = clause.find(" by ") {
            let at = te + i + " by ".len();
            by.extend(agents_at(cx, at));
        }
    } else if word_lists().noun_or_verb_triggers.contains(verb) && !verb_context(cx, ts) {
        // a noun: "a North Korean call for talks", "Ukraine's demand for", "calls by X for"
        by.extend(noun_phrase_agents(cx, ts));
        if by.is_empty() {
            return None; // "domestic demand", "a call for calm" by nobody named
        }
        noun = true;
    } else if participle_by(cx, ts, te, obj_end) {
        // "prisoners freed as demanded by the kidnappers", "the conditions
        // demanded by the ELN": the demander follows "by"
        let at = te + text[te..obj_end].find("by ").unwrap_or(0) + "by ".len();
        by.extend(agents_at(cx, at));
        if by.is_empty() {
            return None;
        }
        demanded_before = true;
    } else if let Some(word @ ("i" | "we")) = cx.word_before_predicate(ts).as_deref() {
        // "that is what I would urge them to do," he declared: the speaker
        // urges, not someone named before the "I"; "we" is the speaker's side
        if word == "we" {
            by.extend(
                speaker
                    .into_iter()
                    .flat_map(|s| super::merge::sides(std::iter::once(s), doc)),
            );
        } else {
            by.extend(speaker);
        }
    } else {
        by.extend(subject(view, doc, ts).iter().map(|f| f.entity));
        if by.is_empty() {
            let pronoun = cx.word_before_predicate(ts).as_deref().and_then(Pronoun::of);
            by.extend(pronoun.and_then(|pronoun| cx.pronoun(pronoun, ts)));
            by.extend(cx.it_referent(ts));
        }
        // "She has written to the Taoiseach to request a meeting": an infinitive's
        // demander is whoever the main clause is about
        if by.is_empty() && text[..ts].ends_with(" to ") {
            by.extend(cx.main_clause_subject(ts, true));
        }
        if by.is_empty() {
            by.extend(resolution_body(cx, ts));
        }
    }
    Some(Demanders {
        by,
        addressee,
        demanded_before,
        noun,
    })
}

/// How far after a preposition its object's name may start: "by the
/// kidnappers", "from the Borduria ...".
const AFTER_PREPOSITION_REACH: usize = 4;

/// The agents named right after a preposition ending at `at` ("by X",
/// "from X"), within [`AFTER_PREPOSITION_REACH`] bytes for a determiner.
fn agents_at<'c>(cx: &'c SentenceContext<'_>, at: usize) -> impl Iterator<Item = usize> + 'c {
    cx.view
        .agents()
        .iter()
        .filter(move |f| f.start >= at && f.start <= at + AFTER_PREPOSITION_REACH)
        .map(|f| f.entity)
}

/// Whether the demand verb at `ts..te` is a participle with its demander
/// after "by": "as demanded by the kidnappers", "the conditions demanded by
/// the ELN" (a common noun right before it, no auxiliary: "was demanded by"
/// is a passive, read as one).
fn participle_by(cx: &SentenceContext<'_>, ts: usize, te: usize, obj_end: usize) -> bool {
    let text = cx.text;
    let by_follows = text[te..obj_end].trim_start().starts_with("by ");
    let Some(before) = previous_word(text, ts) else {
        return false;
    };
    // "as called for by the Council": any form after "as"
    let as_demanded = before == "as";
    let after_noun = text[ts..te].ends_with("ed")
        && before.starts_with(char::is_lowercase)
        && cx.rules.function_words.class(&before).is_none();
    by_follows && (as_demanded || after_noun)
}

/// The one state, other than the demander's own, that the sentence names or
/// names someone of; none when it names several (a demand between two
/// others is of neither, and a guess among them is worse than none) or none.
/// Only states: a person or body the sentence merely mentions is too often
/// the subject of the demand rather than whom it is made of.
fn sole_other_side(cx: &SentenceContext<'_>, by: &BTreeSet<usize>) -> Option<usize> {
    let s = cx.sentence();
    let own: BTreeSet<usize> = by.iter().flat_map(|&e| home_states(cx, e)).collect();
    // every state and organization named counts, actor or not: "Russia's FSB"
    let named = cx.sides_named_in(s.start, s.end).into_iter();
    let others: BTreeSet<usize> = cx
        .view
        .agents()
        .iter()
        .map(|f| f.entity)
        .chain(named)
        .flat_map(|e| home_states(cx, e))
        .filter(|e| !own.contains(e))
        .collect();
    let mut others = others.into_iter();
    let sole = others.next();
    others.next().is_none().then_some(sole).flatten()
}

/// The states an agent stands for: a state itself, the state an
/// organization belongs to, and for a person those of whom they act for.
fn home_states(cx: &SentenceContext<'_>, agent: usize) -> Vec<usize> {
    use crate::extract::model::EntityKind::{Organization, Person, State};
    let entities = &cx.doc.entities;
    let of_one = |e: usize| match entities[e].kind {
        State => Some(e),
        Organization => entities[e].located_in,
        _ => None,
    };
    match entities[agent].kind {
        Person => entities[agent].represents.iter().filter_map(|&e| of_one(e)).collect(),
        _ => of_one(agent).into_iter().collect(),
    }
}

/// Whether the word before a trigger makes it a verb: an agent's mention or
/// a pronoun right before it ("Kenya demands", "they call for"), or an
/// auxiliary, "to", a negation, an adverb or a relative pronoun ("will
/// demand", "to call for", "which demands").
fn verb_context(cx: &SentenceContext<'_>, ts: usize) -> bool {
    use crate::extract::clauses::WordClass::*;
    let text = cx.text;
    if cx
        .view
        .agents()
        .iter()
        .any(|f| f.end <= ts && text[f.end..ts].trim().is_empty())
    {
        return true;
    }
    let i = cx.syntax().words.partition_point(|w| w.span.end <= ts);
    let Some(prev) = i.checked_sub(1).map(|i| cx.syntax().words[i]) else {
        return false;
    };
    let word = text[prev.span.start..prev.span.end].to_lowercase();
    matches!(
        word.as_str(),
        "he" | "she" | "they" | "we" | "it" | "i" | "who" | "which" | "that"
    ) || matches!(
        prev.class,
        Some(Future | Conditional | Obligation | Do | To | Adverb | Negation | Relative | Coordinator | Be | Have)
    )
}

/// How many words before a demand noun its noun phrase may start: "a |
/// recent North Korean | call for".
const NOUN_PHRASE_REACH: usize = 4;

/// States and organizations named in the noun phrase before a demand noun
/// ("Ukraine's demand", "a North Korean call").
fn noun_phrase_agents(cx: &SentenceContext<'_>, ts: usize) -> Vec<usize> {
    let start = cx.noun_phrase_start(ts, NOUN_PHRASE_REACH);
    cx.sides_named_in(start, ts).into_iter().collect()
}

/// How many words into its sentence a resolution may be named as the
/// subject: "The new resolution", "Security Council resolution 1701".
const RESOLUTION_SUBJECT_REACH: usize = 4;

/// The body whose resolution makes the demand at `ts`: "Resolution 1636,
/// passed unanimously last week, called on Syria" is the Security Council's,
/// the last organization named before it whose name holds a word of
/// `resolution_bodies.txt`.
fn resolution_body(cx: &SentenceContext<'_>, ts: usize) -> Option<usize> {
    let opens_with_resolution = cx.text[cx.sentence().start..ts]
        .split_whitespace()
        .take(RESOLUTION_SUBJECT_REACH)
        .any(|w| w.to_lowercase().starts_with("resolution"));
    if !opens_with_resolution {
        return None;
    }
    let bodies = &word_lists().resolution_bodies;
    cx.doc
        .found
        .iter()
        .rev()
        .filter(|f| f.end <= ts)
        .map(|f| f.entity)
        .find(|&e| {
            let entity = &cx.doc.entities[e];
            entity.kind == EntityKind::Organization
                && entity
                    .label
                    .split_whitespace()
                    .any(|w| bodies.contains(&w.to_lowercase()))
        })
}
