//! Agreements: "X and Y agreed", "X signed a treaty with Y", "reached a deal",
//! parties from the subject (with its coordination) and a "with" object; a
//! "we agreed" inside a quote is the speaker's side.

use std::collections::BTreeSet;

use crate::extract::dates::Tense;
use crate::extract::entities::DocEntities;
use crate::extract::model::{AgentRole, EntityKind, Event, EventClass, MeetingStatus, Topic};

use super::syntax::{clause_end, previous_word, subject};
use super::{RuleKind, SentenceContext};

/// Nouns that make a single party's "signed"/"reached" an agreement.
const DEAL_NOUNS: &[&str] = &[
    "agreement",
    "deal",
    "accord",
    "treaty",
    "pact",
    "memorandum",
    "convention",
    "understanding",
    "settlement",
    "ceasefire",
    "truce",
    "protocol",
    "armistice",
];

/// Reads the sentence's agreement, if any. `speaker` is the sentence's
/// speaker (for "we agreed"); `meetings` the meetings read so far.
pub(super) fn read(cx: &SentenceContext<'_>, speaker: Option<usize>, meetings: &[Event], events: &mut Vec<Event>) {
    let Some(rule) = cx.rule_of(RuleKind::Trigger(EventClass::Agreement)) else {
        return;
    };
    let Some((ts, te)) =
        cx.trigger_at(rule).filter(|&(ts, te)| !cx.overlapped_by(RuleKind::Veto(EventClass::Agreement), ts, te))
    else {
        return;
    };
    let (text, doc, s) = (cx.text, cx.doc, cx.sentence());
    let adjective_use =
        previous_word(text, ts).is_some_and(|w| matches!(w.as_str(), "the" | "an" | "a" | "contacts" | "accords"));
    let mut parties: BTreeSet<usize> = subject(&cx.view, doc, ts).iter().map(|f| f.entity).collect();
    // "“We agreed ...,” he said": we are the speaker's side (the state they
    // represent); the other side is not named, so one party is enough here
    let we = parties.is_empty() && previous_word(text, ts).as_deref() == Some("we");
    if let (true, Some(speaker)) = (we, speaker) {
        parties.extend(our_side(doc, speaker, meetings));
    }
    let obj_end = clause_end(text, te, s.end);
    let rest = &text[te..obj_end];
    if let Some(w) = rest.find(" with ") {
        let at = te + w + " with ".len();
        parties.extend(cx.view.agents(doc).iter().filter(|f| f.start >= at && f.start <= at + 4).map(|f| f.entity));
    }
    // one party agrees *with* someone, or signs or reaches a named deal;
    // "X agreed" alone is consent, not an agreement between parties
    let names_deal = DEAL_NOUNS.iter().any(|n| text[ts..(te + 60).min(obj_end)].to_lowercase().contains(n));
    if parties.is_empty()
        || !(parties.len() >= 2 || names_deal || we)
        || cx.negated()
        || cx.hypothetical()
        || adjective_use
    {
        return;
    }
    let topic = cx.rules.topics_in(rest).into_iter().find(|t| *t != Topic::Talks).unwrap_or(Topic::OtherTopic);
    let mut event = cx.event(EventClass::Agreement, rule);
    event.add_agents(AgentRole::Party, parties);
    event.topic = Some(topic);
    event.text = rest.trim().to_string();
    event.date = cx.date_near(s.start, s.end, te, Tense::Past);
    events.push(event);
}

/// Who "we" are for a speaker: after talks the speaker took part in, the
/// states at the table; otherwise the states the speaker represents (or the
/// speaker).
fn our_side(doc: &DocEntities, speaker: usize, meetings: &[Event]) -> BTreeSet<usize> {
    let sides = &doc.entities[speaker].represents;
    let own: BTreeSet<usize> = if sides.is_empty() { [speaker].into() } else { sides.clone() };
    let table = meetings.iter().rev().find_map(|m| {
        if m.class != EventClass::Meeting || m.status != Some(MeetingStatus::Held) {
            return None;
        }
        let participants = m.role_set(AgentRole::Participant);
        if !participants.contains(&speaker) && participants.is_disjoint(&own) {
            return None;
        }
        let states: BTreeSet<usize> =
            participants.into_iter().filter(|&p| doc.entities[p].kind == EntityKind::State).collect();
        (states.len() >= 2).then_some(states)
    });
    table.unwrap_or(own)
}
