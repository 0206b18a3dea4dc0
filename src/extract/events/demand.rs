//! Demands: "X demanded", "urged Y to", "called on Y to", "called for", with
//! the addressee where the verb takes one and one event per topic named in
//! what is demanded. "X was urged by Y to" turns the demand around.

use std::collections::BTreeSet;

use crate::extract::dates::Tense;
use crate::extract::entities::Role;
use crate::extract::model::{AgentRole, Event, EventClass, Topic};

use super::syntax::{clause_end, object, previous_word, subject};
use super::{Demanded, RuleKind, SentenceContext};

/// Verbs whose object is whom the demand is addressed to ("urged Russia to",
/// "called on the Council to"); "called for X's release" names no addressee.
fn takes_addressee(verb: &str) -> bool {
    verb.starts_with("urg")
        || verb.ends_with(" on")
        || verb.starts_with("ask")
        || verb.starts_with("press")
        || verb.starts_with("appeal")
        || verb.starts_with("request")
}

/// Verbs that are a demand only with an addressee: "asked" alone is a question.
fn needs_addressee(verb: &str) -> bool {
    verb.starts_with("ask") || verb.starts_with("press")
}

/// Reads the sentence's demands and returns what the first one asks for.
pub(super) fn read(cx: &SentenceContext<'_>, events: &mut Vec<Event>) -> Option<Demanded> {
    let rule = cx.rule_of(RuleKind::Trigger(EventClass::Demand))?;
    let (ts, te) = cx.trigger_at(rule).filter(|&(ts, te)| !cx.overlapped_by(RuleKind::Veto(EventClass::Demand), ts, te))?;
    let (text, doc, view, s) = (cx.text, cx.doc, &cx.view, cx.sentence());
    let verb = text[ts..te].to_lowercase();
    let passive = cx.overlapped_by(RuleKind::DemandPassive, ts, te);
    let mut by: BTreeSet<usize> = BTreeSet::new();
    let mut addressee: BTreeSet<usize> = BTreeSet::new();
    if passive {
        // "X was urged by Y to ...": Y demanded of X; without "by", nobody is known to demand
        addressee.extend(subject(view, doc, ts).iter().map(|f| f.entity));
        let clause = &text[te..clause_end(text, te, s.end)];
        if let Some(i) = clause.find(" by ") {
            let at = te + i + " by ".len();
            by.extend(view.agents(doc).iter().filter(|f| f.start >= at && f.start <= at + 4).map(|f| f.entity));
        }
    } else {
        by.extend(subject(view, doc, ts).iter().map(|f| f.entity));
        if by.is_empty() && matches!(previous_word(text, ts).as_deref(), Some("he" | "she")) {
            by.extend(cx.pronoun(ts));
        }
    }
    let obj_end = clause_end(text, te, s.end);
    let object_text = &text[te..obj_end];
    if takes_addressee(&verb) && !passive {
        addressee.extend(
            object(view, doc, te).iter().filter(|f| !f.possessive).map(|f| f.entity).filter(|e| !by.contains(e)),
        );
    }
    let topics = cx.rules.topics_in(object_text);
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
    if by.is_empty() || cx.negated() || (needs_addressee(&verb) && addressee.is_empty()) {
        return None;
    }
    let topics = if topics.is_empty() { vec![Topic::OtherTopic] } else { topics };
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
    Some(Demanded { start: te, end: obj_end, by })
}
