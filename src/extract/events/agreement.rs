//! Agreements: "X and Y agreed", "X signed a treaty with Y", "reached a deal",
//! parties from the subject (with its coordination) and a "with" object; a
//! "we agreed" inside a quote is the speaker's side; "both sides agreed" the
//! two sides of the last meeting; "the accord between X and Y" and "the
//! agreement was signed by X and Y" name their parties after the trigger.

use std::collections::BTreeSet;

use crate::extract::dates::Tense;
use crate::extract::entities::DocEntities;
use crate::extract::model::{AgentRole, EntityKind, Event, EventClass, MeetingStatus, Topic};

use crate::extract::clauses::{Frame, Modality};

use super::referents::Pronoun;
use super::syntax::{clause_end, coordination_after, previous_word, subject, two_sides};
use super::{RuleKind, SentenceContext, TriggerSense};

/// Reads the sentence's agreement, if any. `speaker` is the sentence's
/// speaker (for "we agreed"); `meetings` the meetings read so far and
/// `events` the other events (for "both sides agreed").
pub(super) fn read(cx: &SentenceContext<'_>, speaker: Option<usize>, meetings: &[Event], events: &mut Vec<Event>) {
    for (ts, te, rule) in cx.triggers(EventClass::Agreement) {
        if !cx.overlapped_by(RuleKind::Veto(EventClass::Agreement), ts, te)
            && one(cx, (ts, te, rule), speaker, meetings, events)
        {
            return;
        }
    }
}

/// The agreement of the trigger `ts..te` of `rule`, if it is one; true when
/// it was read (as a new event or as more parties of one told before).
fn one(
    cx: &SentenceContext<'_>,
    (ts, te, rule): (usize, usize, usize),
    speaker: Option<usize>,
    meetings: &[Event],
    events: &mut Vec<Event>,
) -> bool {
    let frame = cx.syntax().frame(ts);
    if frame.negated
        || frame.modality == Modality::Conditional
        || cx.overlapped_by(RuleKind::Negation, ts, te)
        || cx.overlapped_by(RuleKind::Hypothetical, ts, te)
    {
        return false;
    }
    let (text, doc, s) = (cx.text, cx.doc, cx.sentence());
    let obj_end = clause_end(text, te, s.end);
    // the trigger's sense is read once: it runs the rule's regex again for its groups
    let sense = cx.trigger_sense(rule, ts);
    if sense == Some(TriggerSense::JointDecision) {
        return joint_decision(cx, (ts, te, rule), obj_end, events);
    }
    if is_deal_noun(cx, &text[ts..te]) {
        return nominal(cx, (ts, te, rule), obj_end, events);
    }
    // "the signed accord" is no agreement told
    let adjective_use =
        previous_word(text, ts).is_some_and(|w| matches!(w.as_ref(), "the" | "an" | "a" | "contacts" | "accords"));
    let mut we = false;
    let mut parties: BTreeSet<usize> = if frame.passive {
        // "the agreement was signed by X and Y"
        agents_after_word(cx, te, obj_end, "by")
    } else {
        let mut parties: BTreeSet<usize> = subject(&cx.view, doc, ts).iter().map(|f| f.entity).collect();
        if parties.is_empty() {
            parties.extend(unnamed_subject(cx, ts, speaker, meetings, events, &mut we));
        }
        parties
    };
    // one party agrees *with* someone: "signed a trade accord with Norway"
    parties.extend(agents_after_word(cx, te, obj_end, "with"));
    // an offer accepted is agreed with whoever made it: "accepted Pyongyang's offer",
    // "accepted an offer by Pyongyang"
    if sense == Some(TriggerSense::AcceptedOffer) {
        parties.extend(offer_maker(cx, ts, te, obj_end));
    }
    // "X agreed" alone is consent, not an agreement between parties: one
    // party must agree *with* someone, or sign or reach a named deal
    // "the accord was signed by": the deal is named by the subject
    let told_before = frame.passive && definite_deal_subject(cx, ts);
    let named_deal = told_before || names_deal(cx, ts, te, obj_end);
    // "the G8 had agreed to spend 0.7%": a body of states agrees among its
    // members, when the agreement is told as made ("urged EC ministers to
    // agree", "until EC ministers agree", "their agreed quota" are not)
    let among_members =
        parties.len() == 1 && parties.iter().all(|&p| cx.is_multilateral(p)) && told_as_made(cx, ts, frame);
    if parties.is_empty() || !(parties.len() >= 2 || named_deal || we || among_members) || adjective_use {
        return false;
    }
    // a minister's signature is their state's: "he signed a communiqué"
    parties.extend(cx.states_represented(&parties));
    // "joined forces", "teamed up": cooperation is an agreement between states or
    // bodies, not between two singers recording a song
    if sense == Some(TriggerSense::Cooperation) && !parties.iter().any(|&p| doc.entities[p].kind != EntityKind::Person)
    {
        return false;
    }
    // "the agreement was signed by X and Y": the deal told before, not a new one
    if told_before {
        if let Some(earlier) = events.iter_mut().rev().find(|e| e.class == EventClass::Agreement) {
            earlier.add_agents(AgentRole::Party, parties);
            return true;
        }
    }
    let mut event = cx.event(EventClass::Agreement, rule);
    event.add_agents(AgentRole::Party, parties);
    event.topic = Some(deal_topic(cx, deal_named_before(cx, ts).unwrap_or(ts), te, obj_end));
    event.text = text[te..obj_end].trim().to_string();
    event.date = cx.date_near(s.start, s.end, te, Tense::Past);
    events.push(event);
    true
}

/// How many words before a deal noun its noun phrase may start: "the |
/// U.S.-Japanese semiconductor trade | agreement".
const NOUN_PHRASE_REACH: usize = 5;

/// An agreement told as a noun phrase: "the U.S.-Japanese semiconductor
/// agreement", "Japan's 1986 pact with the United States", "the accord
/// between Chile and Peru". The parties are the states and organizations
/// named in the phrase before the noun and in a "with" or "between" right
/// after it; two are needed, or it is a deal told before ("under the
/// agreement").
fn nominal(
    cx: &SentenceContext<'_>,
    (ts, te, rule): (usize, usize, usize),
    end: usize,
    events: &mut Vec<Event>,
) -> bool {
    let text = cx.text;
    let np_start = cx.noun_phrase_start(ts, NOUN_PHRASE_REACH);
    let mut parties = cx.sides_named_in(np_start, ts);
    let after = text[te..end].trim_start().to_lowercase();
    if after.starts_with("between ") || after.starts_with("with ") {
        let at = te + (text[te..end].len() - text[te..end].trim_start().len()) + after.find(' ').unwrap_or(0);
        parties.extend(coordination_after(&cx.view, at, end).iter().map(|f| f.entity));
    }
    told_as_phrase(cx, rule, parties, (np_start, te, end), np_start..te, events)
}

/// Pushes the agreement a phrase tells, if it names two parties or more:
/// its topic read over `ts..te` and what follows up to `end`, its text the
/// span `text`.
fn told_as_phrase(
    cx: &SentenceContext<'_>,
    rule: usize,
    parties: BTreeSet<usize>,
    (ts, te, end): (usize, usize, usize),
    text: std::ops::Range<usize>,
    events: &mut Vec<Event>,
) -> bool {
    if parties.len() < 2 {
        return false;
    }
    let mut event = cx.event(EventClass::Agreement, rule);
    event.add_agents(AgentRole::Party, parties);
    event.topic = Some(deal_topic(cx, ts, te, end));
    event.text = cx.text[text].trim().to_string();
    events.push(event);
    true
}

/// Where the deal a participle speaks of starts, when it stands right
/// before it: "its nuclear cooperation agreements, signed more than 20
/// years ago" (the topic is in the noun phrase, not after the verb).
fn deal_named_before(cx: &SentenceContext<'_>, ts: usize) -> Option<usize> {
    let before = cx.text[..ts].trim_end().strip_suffix(',')?;
    let (start, end) = super::syntax::previous_word_span(cx.text, before.len())?;
    is_deal_noun(cx, &cx.text[start..end]).then(|| cx.noun_phrase_start(start, NOUN_PHRASE_REACH))
}

/// A decision taken together: "the decision by India and Pakistan to open a
/// bus link across the ceasefire line". The parties are the coordination
/// after "by"; two are needed. The topic is what was decided.
fn joint_decision(
    cx: &SentenceContext<'_>,
    (ts, te, rule): (usize, usize, usize),
    end: usize,
    events: &mut Vec<Event>,
) -> bool {
    let parties: BTreeSet<usize> = coordination_after(&cx.view, te, end).iter().map(|f| f.entity).collect();
    told_as_phrase(cx, rule, parties, (ts, te, end), te..end, events)
}

/// The parties when no agent is the subject: "he signed" (the person the
/// pronoun stands for), "But it accepted" (the state or body the sentence
/// before opens with), "both sides agreed" (the two sides of the last
/// meeting or agreement), "we agreed" inside a quote (the speaker's side;
/// `we` is set, as one party is then enough).
fn unnamed_subject(
    cx: &SentenceContext<'_>,
    ts: usize,
    speaker: Option<usize>,
    meetings: &[Event],
    events: &[Event],
    we: &mut bool,
) -> BTreeSet<usize> {
    let before = cx.text[cx.sentence().start..ts].trim_end().to_lowercase();
    if cx
        .rules
        .pair_phrases
        .iter()
        .any(|p| before.ends_with(p.as_str()) && word_boundary_before(&before, p.len()))
    {
        return the_pair(cx, ts, meetings, events).unwrap_or_default();
    }
    match cx.word_before_predicate(ts).as_deref() {
        Some(word @ ("he" | "she")) => Pronoun::of(word)
            .and_then(|pronoun| cx.pronoun(pronoun, ts))
            .into_iter()
            .collect(),
        Some("it") => cx.it_referent(ts).into_iter().collect(),
        Some("we") => {
            *we = true;
            speaker.map(|s| our_side(cx.doc, s, meetings)).unwrap_or_default()
        }
        _ => BTreeSet::new(),
    }
}

/// The two states "both sides" or "the two countries" at `ts` stand for:
/// the pair the document is about, else the two sides of the meetings and
/// agreements told before.
pub(super) fn the_pair(
    cx: &SentenceContext<'_>,
    ts: usize,
    meetings: &[Event],
    events: &[Event],
) -> Option<BTreeSet<usize>> {
    let earlier = meetings
        .iter()
        .chain(events.iter().filter(|e| e.class == EventClass::Agreement));
    main_pair(cx.doc).or_else(|| two_sides(cx.doc, ts, earlier))
}

/// Whether `text` holds a phrase of `pair_phrases.txt` as whole words.
pub(super) fn names_a_pair(cx: &SentenceContext<'_>, text: &str) -> bool {
    let lower = text.to_lowercase();
    cx.rules.pair_phrases.iter().any(|p| {
        lower.match_indices(p.as_str()).any(|(at, _)| {
            let after = &lower[at + p.len()..];
            word_boundary_before(&lower[..at + p.len()], p.len()) && !after.starts_with(char::is_alphanumeric)
        })
    })
}

/// The two states a document is about, when no earlier event names a pair:
/// the two most mentioned, if a third is mentioned clearly less.
fn main_pair(doc: &DocEntities) -> Option<BTreeSet<usize>> {
    let mut states: Vec<(usize, usize)> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::State && e.mentions > 0)
        .map(|(id, e)| (e.mentions, id))
        .collect();
    states.sort_by(|a, b| b.cmp(a));
    match states.as_slice() {
        [first, second] => Some([first.1, second.1].into()),
        [first, second, third, ..] if third.0 < second.0 => Some([first.1, second.1].into()),
        _ => None,
    }
}

/// Whether the `len` last bytes of `text` start a word.
fn word_boundary_before(text: &str, len: usize) -> bool {
    !text[..text.len() - len]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// The agents of the coordination after the first `word` in `te..end`:
/// "with Norway", "by X and Y".
fn agents_after_word(cx: &SentenceContext<'_>, te: usize, end: usize, word: &str) -> BTreeSet<usize> {
    let text = cx.text;
    let found =
        cx.syntax().words.iter().find(|w| {
            w.span.start > te && w.span.end <= end && text[w.span.start..w.span.end].eq_ignore_ascii_case(word)
        });
    let Some(w) = found else {
        return BTreeSet::new();
    };
    coordination_after(&cx.view, w.span.end, end)
        .iter()
        .map(|f| f.entity)
        .collect()
}

/// Who made an offer: a possessive inside the trigger ("accepted Norway's
/// offer"), or the agents right after a "by" or "from" that follows it
/// ("accepted an offer by Pyongyang").
fn offer_maker(cx: &SentenceContext<'_>, ts: usize, te: usize, end: usize) -> BTreeSet<usize> {
    // a possessive is no actor of the sentence's own (the view's agents leave it out)
    let mut makers: BTreeSet<usize> = cx
        .view
        .found
        .iter()
        .filter(|f| f.start >= ts && f.end <= te && f.possessive && super::syntax::is_agent_kind(f, cx.doc))
        .map(|f| f.entity)
        .collect();
    let next = cx
        .syntax()
        .words
        .iter()
        .find(|w| w.span.start >= te && w.span.end <= end);
    if let Some(w) = next {
        let word = &cx.text[w.span.start..w.span.end];
        if word.eq_ignore_ascii_case("by") || word.eq_ignore_ascii_case("from") {
            makers.extend(coordination_after(&cx.view, w.span.end, end).iter().map(|f| f.entity));
        }
    }
    makers
}

/// Whether `word` starts with a deal noun ("agreements", "communiqué").
fn is_deal_noun(cx: &SentenceContext<'_>, word: &str) -> bool {
    let word = word.to_lowercase();
    cx.rules.deal_nouns.iter().any(|n| word.starts_with(n.as_str()))
}

/// Whether a deal noun starts one of the trigger's words or of the few words
/// after it ("signed a five-year trade treaty").
fn names_deal(cx: &SentenceContext<'_>, ts: usize, te: usize, end: usize) -> bool {
    let words = cx
        .syntax()
        .words
        .iter()
        .filter(|w| w.span.start >= ts && w.span.start < end);
    let trigger_words = words.clone().take_while(|w| w.span.end <= te).count();
    words
        .take(trigger_words + DEAL_NOUN_REACH)
        .any(|w| is_deal_noun(cx, &cx.text[w.span.start..w.span.end]))
}

/// How many words after the trigger a deal noun may stand: "signed | a
/// five-year defence and economic | agreement".
const DEAL_NOUN_REACH: usize = 7;

/// Whether the subject before a passive trigger is a definite deal noun
/// phrase: "The agreement was signed by ...", "The accord, reached in May, was".
fn definite_deal_subject(cx: &SentenceContext<'_>, ts: usize) -> bool {
    let clause = cx.syntax().clause_span(ts);
    let before: Vec<&str> = cx
        .syntax()
        .words
        .iter()
        .filter(|w| w.span.start >= clause.start && w.span.end <= ts)
        .take(4)
        .map(|w| &cx.text[w.span.start..w.span.end])
        .collect();
    before
        .first()
        .is_some_and(|w| ["the", "this", "that"].iter().any(|d| w.eq_ignore_ascii_case(d)))
        && before.iter().skip(1).take(2).any(|w| is_deal_noun(cx, w))
}

/// The topic of a deal: named in the trigger ("reached a ceasefire
/// agreement") or in what follows it up to a relative clause, a comma or a
/// phrase of place ("across the ceasefire line")
/// ("agreed to exchange prisoners", "signed a trade accord with"); a meeting
/// word alone is no topic ("agreed at the talks"). Otherwise OtherTopic.
fn deal_topic(cx: &SentenceContext<'_>, ts: usize, te: usize, end: usize) -> Topic {
    let after = &cx.text[te..end];
    // a relative clause or an aside says more of the deal, not what it is
    // about; "agreed that ..." right after the verb is what was agreed
    let cut = [
        " that ",
        " which ",
        " who ",
        ", ",
        " under which ",
        " after ",
        " following ",
        // where, not what: "a bus link across the ceasefire line"
        " across ",
        " along ",
    ]
    .iter()
    .filter_map(|w| after.find(w))
    .filter(|&i| !(i == 0 && after.starts_with(" that ")))
    .min()
    .unwrap_or(after.len());
    let words = format!("{} {}", &cx.text[ts..te], &after[..cut]);
    cx.rules
        .topics_in(&words)
        .into_iter()
        .find(|t| *t != Topic::Talks)
        .unwrap_or(Topic::OtherTopic)
}

/// Who "we" are for a speaker: after talks the speaker took part in, the
/// states at the table; otherwise the states the speaker represents (or the
/// speaker).
fn our_side(doc: &DocEntities, speaker: usize, meetings: &[Event]) -> BTreeSet<usize> {
    let own = super::merge::sides(std::iter::once(speaker), doc);
    let table = meetings.iter().rev().find_map(|m| {
        if m.class != EventClass::Meeting || m.status != Some(MeetingStatus::Held) {
            return None;
        }
        let participants = m.role_set(AgentRole::Participant);
        if !participants.contains(&speaker) && participants.is_disjoint(&own) {
            return None;
        }
        let states: BTreeSet<usize> = participants
            .into_iter()
            .filter(|&p| doc.entities[p].kind == EntityKind::State)
            .collect();
        (states.len() >= 2).then_some(states)
    });
    table.unwrap_or(own)
}

/// Whether the agreement verb at `ts` is told as made: asserted (no "to",
/// "will" or "would" before it), not in a clause of time or condition
/// ("until EC ministers agree"), not negated in a longer way ("have not been
/// able to agree"), and a verb, not an adjective ("their agreed quota").
fn told_as_made(cx: &SentenceContext<'_>, ts: usize, frame: Frame) -> bool {
    let clause = cx.syntax().clause_span(ts);
    let opens_with_condition = cx.text[clause.start..ts].split_whitespace().next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "until" | "if" | "unless" | "when" | "once" | "before"
        )
    });
    // after a possessive (a determiner is `adjective_use` in `one`)
    let adjective =
        previous_word(cx.text, ts).is_some_and(|w| matches!(w.as_ref(), "its" | "their" | "his" | "her" | "our"));
    let failed = cx.text[clause.start..ts]
        .split_whitespace()
        .any(|w| matches!(w, "not" | "failed" | "failure" | "unable" | "never"));
    frame.modality == Modality::Asserted && !opens_with_condition && !adjective && !failed
}
