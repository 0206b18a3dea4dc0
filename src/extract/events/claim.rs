//! Claims of sovereignty or control: "X claims the islands", "Russia's
//! annexation of Crimea"; the claimant is a state or organization before the
//! trigger (a possessive counts).

use crate::extract::model::{AgentRole, EntityKind, Event, EventClass, Topic};

use super::syntax::clause_end;
use super::{RuleKind, SentenceContext};

/// Reads the sentence's claim, if any.
pub(super) fn read(cx: &SentenceContext<'_>, events: &mut Vec<Event>) {
    let Some(rule) = cx.rule_of(RuleKind::Trigger(EventClass::Claim)) else {
        return;
    };
    let Some((ts, te)) = cx.trigger_at(rule) else {
        return;
    };
    let (text, doc) = (cx.text, cx.doc);
    let claimant = cx
        .view
        .found
        .iter()
        .rev()
        .find(|f| {
            f.end <= ts
                && matches!(
                    doc.entities[f.entity].kind,
                    EntityKind::State | EntityKind::Organization
                )
                && (f.actor || f.possessive)
        })
        .map(|f| f.entity);
    let negated = cx.syntax().frame(ts).negated || cx.overlapped_by(RuleKind::Negation, ts, te);
    let Some(claimant) = claimant.filter(|_| !negated) else {
        return;
    };
    let rest = &text[te..clause_end(text, te, cx.sentence().end)];
    let mut event = cx.event(EventClass::Claim, rule);
    event.add_agents(AgentRole::Claimant, [claimant]);
    // a claim of sovereignty or control is over territory unless what is claimed says otherwise
    event.topic = Some(Topic::Territory);
    event.text = format!("{}{}", &text[ts..te], rest).trim().to_string();
    events.push(event);
}
