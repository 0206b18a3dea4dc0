//! Statements: "X said", "said X", "he told reporters", "according to X",
//! with the quote or the reported clause as what was said.

use crate::extract::entities::DocEntities;
use crate::extract::model::{AgentRole, Event, EventClass, Evidence, Topic};
use crate::extract::sentences::Sentence;

use super::syntax::{previous_word, subject, View};
use super::{EventRules, RuleKind, SentenceContext};

/// Reads the sentence's statement, if any, and returns its speaker (a "we"
/// in the same sentence is the speaker's side).
pub(super) fn read(cx: &SentenceContext<'_>, events: &mut Vec<Event>) -> Option<usize> {
    let rule = cx.rule_of(RuleKind::Trigger(EventClass::Statement))?;
    let (text, body, s) = (cx.text, cx.body(), cx.sentence());
    for m in cx.rules.regexes[rule].find_iter(body) {
        let (ts, te) = (s.start + m.start(), s.start + m.end());
        let Some(speaker) = speaker_of(&cx.view, cx.doc, ts, te, &|at| cx.pronoun(at)) else {
            continue;
        };
        let reported = reported_clause(&text[te..s.end]);
        // the end of a quote opened in an earlier sentence: what comes before its close
        let tail = closes_open_quote(body)
            .then(|| body.find(['\u{201D}', '"']).map(|i| body[..i].trim().to_string()))
            .flatten();
        let quote = match tail.or_else(|| quote_text(body)) {
            // a word or two in quotes inside reported speech is a scare quote
            Some(q) if q.split_whitespace().count() > 3 || reported.split_whitespace().count() < 4 => q,
            _ => reported,
        };
        if !quote.trim().is_empty() {
            let mut event = cx.event(EventClass::Statement, rule);
            event.add_agents(AgentRole::Speaker, [speaker]);
            event.text = quote;
            events.push(event);
            return Some(speaker);
        }
    }
    None
}

/// A quote opened in an earlier sentence and attributed where it closes
/// ("“Our position – if ..., sanctions must follow. Pressure ...,” the
/// Ukrainian leader wrote"): the statement gets the whole quote, and a
/// conditional demand in its earlier sentences ("if X rejects ..., sanctions
/// must follow") is the speaker's.
pub(super) fn quotes_across_sentences(rules: &EventRules, text: &str, sentences: &[Sentence], events: &mut Vec<Event>) {
    let Some(conditional) = rules.first_of(RuleKind::DemandConditional) else {
        return;
    };
    let mut added = Vec::new();
    for e in events.iter_mut() {
        if e.class != EventClass::Statement {
            continue;
        }
        let Some(speaker) = e.agents_in(AgentRole::Speaker).next() else {
            continue;
        };
        let Some(si) = sentences.iter().position(|s| s.start == e.evidence.start) else {
            continue;
        };
        let body = &text[sentences[si].start..sentences[si].end];
        if !closes_open_quote(body) {
            continue;
        }
        // walk back to the sentence that opened the quote
        let mut first = si;
        while first > 0 && si - first < 4 {
            first -= 1;
            if opens_quote(&text[sentences[first].start..sentences[first].end]) {
                break;
            }
        }
        if first == si || !opens_quote(&text[sentences[first].start..sentences[first].end]) {
            continue;
        }
        let earlier: Vec<&str> = (first..si)
            .map(|i| &text[sentences[i].start..sentences[i].end])
            .collect();
        let opening = earlier.join(" ").trim_start_matches(['\u{201C}', '"']).to_string();
        e.text = format!("{opening} {}", e.text);
        for i in first..si {
            let s = &sentences[i];
            let sentence = &text[s.start..s.end];
            if let Some(m) = rules.regexes[conditional].find(sentence) {
                // the consequence is what is demanded: "tough sanctions must follow"
                let comma = m.as_str().rfind(',').map_or(0, |c| c + 1);
                let consequence = &m.as_str()[comma..];
                for topic in rules
                    .topics_in(consequence)
                    .into_iter()
                    .filter(|t| *t != Topic::OtherTopic)
                {
                    let mut demand = Event::new(
                        EventClass::Demand,
                        Evidence {
                            start: s.start,
                            end: s.end,
                            text: sentence.to_string(),
                            rule: rules.rules[conditional].id.clone(),
                        },
                    );
                    demand.add_agents(AgentRole::Demander, [speaker]);
                    demand.topic = Some(topic);
                    demand.text = m.as_str().trim().to_string();
                    added.push(demand);
                }
            }
        }
    }
    events.extend(added);
}

/// Who speaks through a speech verb: the subject before it ("X said", "X,
/// who ..., told reporters", "the Ukrainian leader wrote"), a name right
/// after it ("said Medinsky"; not after "told", whose object is the
/// listener), or the person a "he"/"she" stands for.
fn speaker_of(
    view: &View<'_>,
    doc: &DocEntities,
    ts: usize,
    te: usize,
    pronoun: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let text = view.text;
    if let Some(f) = subject(view, doc, ts).first() {
        let between = &text[f.end..ts];
        if !between.contains(['\u{201C}', '\u{201D}', '"']) && between.len() < 160 {
            return Some(f.entity);
        }
    }
    let verb = text[ts..te].to_lowercase();
    if !verb.starts_with("told") && !verb.starts_with("tell") {
        if let Some(f) = view
            .agents(doc)
            .into_iter()
            .find(|f| f.start >= te && text[te..f.start].trim().is_empty())
        {
            return Some(f.entity);
        }
    }
    match previous_word(text, ts).as_deref() {
        Some("he" | "she") => pronoun(ts),
        _ => None,
    }
}

/// Whether a sentence opens a quotation it does not close.
fn opens_quote(sentence: &str) -> bool {
    let open = sentence.matches('\u{201C}').count();
    let close = sentence.matches('\u{201D}').count();
    let straight = sentence.matches('"').count();
    open > close || (open == 0 && straight % 2 == 1 && sentence.trim_start().starts_with('"'))
}

/// Whether a sentence closes a quotation opened before it.
pub(super) fn closes_open_quote(sentence: &str) -> bool {
    let open = sentence.matches('\u{201C}').count();
    let close = sentence.matches('\u{201D}').count();
    let straight = sentence.matches('"').count();
    close > open || (open == 0 && close == 0 && straight % 2 == 1 && !sentence.trim_start().starts_with('"'))
}

/// The text inside quotes in a sentence, if any.
fn quote_text(body: &str) -> Option<String> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find(['\u{201C}', '"']) {
        let after = &rest[open + rest[open..].chars().next()?.len_utf8()..];
        let close = after.find(['\u{201D}', '"'])?;
        out.push(after[..close].trim().to_string());
        rest = &after[close + after[close..].chars().next()?.len_utf8()..];
    }
    let joined = out.join(" ");
    (joined.split_whitespace().count() >= 1 && !joined.is_empty()).then_some(joined)
}

/// Reported speech: the clause after "said", without a leading "that".
fn reported_clause(rest: &str) -> String {
    let rest = rest.trim_start_matches([',', ' ']);
    // "told reporters that ...", "told AFP that ...": the listener is not what was said
    let head: Vec<&str> = rest.split_whitespace().take(5).collect();
    let rest = match head.iter().position(|w| *w == "that") {
        Some(_) => rest.split_once(" that ").map_or(rest, |(_, r)| r),
        None => rest,
    };
    let rest = rest.strip_prefix("that ").unwrap_or(rest);
    rest.trim_end_matches(['.', ' ']).to_string()
}

