//! Threats: "X threatened to impose sanctions on Y", "X threatened Y with",
//! "X vowed retaliation", "X warned of consequences", and "X warned that Y
//! would face consequences" (the threatened side is the subject of "face",
//! the threatener the subject of the warning). A threat needs a threatener;
//! whom it is against is given where the sentence says it.

use crate::extract::clauses::Modality;
use crate::extract::model::{AgentRole, Event, EventClass, Topic};

use super::syntax::{clause_end, object, subject};
use super::{RuleKind, SentenceContext};
use crate::extract::word_lists::word_lists;

/// How many words may stand between a threatener and the verb: "Kenya |
/// has repeatedly | threatened".
const SUBJECT_REACH: usize = 3;

/// Whether the words between a subject and its verb are few and unbroken.
fn close_before(gap: &str) -> bool {
    !gap.contains([',', ';', '"', '\u{201C}', '\u{201D}', '(', ')', '-'])
        && gap.split_whitespace().count() <= SUBJECT_REACH
}

/// Whether the person named at `at` is held by others: right after a
/// captive noun ("hostage Margaret Kamau") or in apposition to one ("a
/// British hostage, John Otieno,"). A captive is threatened, never the one
/// who threatens.
fn held_captive(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end().trim_end_matches(',').trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    word_lists().captive_nouns.contains(&word)
}

/// Reads the sentence's threat, if any.
pub(super) fn read(cx: &SentenceContext<'_>, events: &mut Vec<Event>) {
    let Some(rule) = cx.rule_of(RuleKind::Trigger(EventClass::Threat)) else {
        return;
    };
    let Some((ts, te)) = cx.trigger_at(rule) else {
        return;
    };
    let frame = cx.syntax().frame(ts);
    if frame.negated
        || frame.modality == Modality::Conditional
        || cx.overlapped_by(RuleKind::Negation, ts, te)
        || cx.overlapped_by(RuleKind::Hypothetical, ts, te)
        // "fighting threatened to wreck the ceasefire": a risk, not a threat
        || cx.overlapped_by(RuleKind::Veto(EventClass::Threat), ts, te)
    {
        return;
    }
    let (text, doc, view, s) = (cx.text, cx.doc, &cx.view, cx.sentence());
    if text[..ts].ends_with('-') {
        return; // "life-threatening"
    }
    let trigger = text[ts..te].to_lowercase();
    let (threateners, targets): (Vec<usize>, Vec<usize>) = if trigger.contains("face") {
        // "X warned that Y would face ...": Y is threatened, X threatens
        let target: Vec<usize> = subject(view, doc, ts).iter().map(|f| f.entity).collect();
        let warning = text[s.start..ts].to_lowercase().rfind("warn").map(|i| s.start + i);
        let by = warning
            .map(|at| subject(view, doc, at).iter().map(|f| f.entity).collect())
            .unwrap_or_default();
        (by, target)
    } else {
        // the threatener governs the verb: named in its clause, a few words before it
        // at most ("Kenya has repeatedly threatened"), not a name earlier in the sentence
        let clause = cx.syntax().clause_span(ts);
        let by: Vec<usize> = subject(view, doc, ts)
            .iter()
            .filter(|f| f.start >= clause.start && close_before(&text[f.end..ts]) && !held_captive(text, f.start))
            .map(|f| f.entity)
            .collect();
        let end = clause_end(text, te, s.end);
        // "threatened Ukraine with", else "sanctions against / on Y" later in the clause
        let mut target: Vec<usize> = object(view, te).iter().map(|f| f.entity).collect();
        if target.is_empty() {
            target.extend(
                view.agents()
                    .iter()
                    .filter(|f| f.start > te && f.end <= end)
                    .filter(|f| {
                        let before = text[te..f.start].trim_end().to_lowercase();
                        before.ends_with(" against")
                            || before.ends_with(" on")
                            || before.ends_with(" against the")
                            || before.ends_with(" on the")
                    })
                    .map(|f| f.entity)
                    .take(1),
            );
        }
        (by, target)
    };
    let threateners: Vec<usize> = threateners.into_iter().filter(|e| !targets.contains(e)).collect();
    if threateners.is_empty() {
        return;
    }
    let rest = &text[ts..clause_end(text, te, s.end)];
    let topic = cx
        .rules
        .topics_in(rest)
        .into_iter()
        .find(|t| *t != Topic::Talks)
        .unwrap_or(Topic::OtherTopic);
    let mut event = cx.event(EventClass::Threat, rule);
    event.add_agents(AgentRole::Threatener, threateners);
    event.add_agents(AgentRole::Threatened, targets);
    event.topic = Some(topic);
    event.text = rest.trim().to_string();
    event.date = cx.date_near(s.start, s.end, ts, crate::extract::dates::Tense::Past);
    events.push(event);
}
