//! Event rules: meetings, demands, agreements, statements and claims.
//!
//! Each sentence is matched against the trigger rules of `rules/events.tsv`
//! (one `RegexSet` pass tells which kinds can fire); the agents, topic, status
//! and date of an event are then read from the entity mentions around the
//! trigger. Rules prefer to miss rather than guess: an event without an agent
//! is dropped, a date only comes from the event's own sentence, and a negated
//! or hypothetical trigger gives nothing.

use std::collections::BTreeSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::error::ParleyError;
use crate::extract::dates::{self, Tense};
use crate::extract::entities::{DocEntities, Found, Role};
use crate::extract::lexicon::{EventRule, Lexicon, EVENTS, TOPICS};
use crate::extract::model::{Event, EventKind, Evidence, MeetingStatus, Topic};
use crate::extract::sentences::Sentence;

/// The compiled event rules.
pub struct EventRules {
    pub rules: Vec<EventRule>,
    set: RegexSet,
    regexes: Vec<Regex>,
    topics: AhoCorasick,
    topic_of_pattern: Vec<(Topic, bool)>,
}

const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "over",
    "for",
    "by",
    "about",
    "against",
    "as",
    "between",
    "into",
    "after",
    "before",
    "than",
    "like",
    "including",
];

impl EventRules {
    pub fn compile(lexicon: &Lexicon) -> Result<EventRules, ParleyError> {
        let bad = |line: usize, message: String| ParleyError::Lexicon {
            file: EVENTS.path.to_string(),
            line,
            message,
        };
        let patterns: Vec<&str> = lexicon.event_rules.iter().map(|r| r.pattern.as_str()).collect();
        let set = RegexSetBuilder::new(&patterns)
            .case_insensitive(true)
            .build()
            .map_err(|e| bad(0, e.to_string()))?;
        let regexes = lexicon
            .event_rules
            .iter()
            .map(|r| {
                RegexBuilder::new(&r.pattern)
                    .case_insensitive(true)
                    .build()
                    .map_err(|e| bad(0, format!("rule {}: {e}", r.id)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut forms = Vec::new();
        let mut topic_of_pattern = Vec::new();
        for (topic, keywords) in &lexicon.topics {
            for k in keywords {
                let prefix = k.ends_with('*');
                forms.push(k.trim_end_matches('*').to_string());
                topic_of_pattern.push((*topic, prefix));
            }
        }
        let topics = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&forms)
            .map_err(|e| ParleyError::Lexicon {
                file: TOPICS.path.to_string(),
                line: 0,
                message: e.to_string(),
            })?;
        Ok(EventRules {
            rules: lexicon.event_rules.clone(),
            set,
            regexes,
            topics,
            topic_of_pattern,
        })
    }

    /// Ids of the rules whose pattern matches `sentence` (for rule tests and `explain`).
    pub fn matching_rules(&self, sentence: &str) -> Vec<&str> {
        self.set
            .matches(sentence)
            .iter()
            .map(|i| self.rules[i].id.as_str())
            .collect()
    }

    /// Topics named in `text`, in order, without repeats.
    pub fn topics_in(&self, text: &str) -> Vec<Topic> {
        let mut out = Vec::new();
        for m in self.topics.find_iter(text) {
            let (topic, prefix) = self.topic_of_pattern[m.pattern().as_usize()];
            let before_ok = !text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric);
            let after_ok = prefix || !text[m.end()..].chars().next().is_some_and(char::is_alphanumeric);
            if before_ok && after_ok && !out.contains(&topic) {
                out.push(topic);
            }
        }
        out
    }
}

/// A sentence being read: its text and the mentions inside it.
struct View<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    found: Vec<&'a Found>,
}

impl<'a> View<'a> {
    fn body(&self) -> &'a str {
        &self.text[self.start..self.end]
    }

    fn agents(&self, doc: &DocEntities) -> Vec<&'a Found> {
        self.found.iter().copied().filter(|f| is_agent(f, doc)).collect()
    }
}

fn is_agent(f: &Found, doc: &DocEntities) -> bool {
    use crate::extract::model::EntityKind::*;
    matches!(doc.entities[f.entity].kind, Person | State | Organization) && f.actor
}

fn previous_word(text: &str, at: usize) -> Option<String> {
    let before = text[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric() && *c != '-')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &before[start..];
    (!w.is_empty()).then(|| w.to_lowercase())
}

/// The subject of a trigger: the nearest agent before it in the same clause
/// that is not the object of a preposition ("a non-starter for Kiev, which
/// ... demands" still finds Kiev through the relative pronoun).
fn subject<'a>(view: &View<'a>, doc: &DocEntities, at: usize) -> Vec<&'a Found> {
    let text = view.text;
    let candidates: Vec<&Found> = view.agents(doc).into_iter().filter(|f| f.end <= at).collect();
    let mut chosen: Vec<&Found> = Vec::new();
    for f in candidates.iter().rev() {
        let between = &text[f.end..at];
        if between.contains(['\u{201C}', '\u{201D}', '"']) || between.contains(';') {
            break;
        }
        let prep = previous_word(text, f.start).is_some_and(|w| PREPOSITIONS.contains(&w.as_str()));
        let relative = between.trim_start().starts_with(", which")
            || between.trim_start().starts_with(", who")
            || between.trim_start().starts_with("which")
            || between.trim_start().starts_with("who");
        if prep && !relative {
            continue;
        }
        chosen.push(f);
        // coordination: "Moscow and Kiev", "France and West Germany"
        let mut last = *f;
        for g in candidates.iter().rev().filter(|g| g.end <= last.start) {
            let gap = text[g.end..last.start].trim();
            if gap == "and" || gap == "," || gap == ", and" || gap == "and the" {
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

/// Entities right after a trigger: "urged Russia to", "called on the Council to".
fn object<'a>(view: &View<'a>, doc: &DocEntities, at: usize) -> Vec<&'a Found> {
    let text = view.text;
    view.agents(doc)
        .into_iter()
        .filter(|f| f.start >= at)
        .filter(|f| {
            let gap = text[at..f.start].trim().to_lowercase();
            gap.is_empty()
                || gap == "the"
                || gap == "on"
                || gap == "on the"
                || gap == "of"
                || gap == "of the"
                || gap == "that"
        })
        .take(1)
        .collect()
}

impl EventRules {
    /// Reads every event of a document.
    pub fn events(
        &self,
        text: &str,
        sentences: &[Sentence],
        doc: &DocEntities,
        doc_date: Option<NaiveDate>,
    ) -> Vec<Event> {
        let mut events: Vec<Event> = Vec::new();
        let mut last_speaker: Option<usize> = None;
        for (si, s) in sentences.iter().enumerate() {
            let view = View {
                text,
                start: s.start,
                end: s.end,
                found: doc.found.iter().filter(|f| f.sentence == si).collect(),
            };
            // the last person named before this sentence stands for "he"/"she"
            let person_before = |at: usize| {
                doc.found
                    .iter()
                    .rev()
                    .find(|f| f.start < at && doc.entities[f.entity].kind == crate::extract::model::EntityKind::Person)
                    .map(|f| f.entity)
            };
            if s.headline {
                continue;
            }
            let body = view.body();
            let matched: Vec<usize> = self.set.matches(body).into_iter().collect();
            if matched.is_empty() {
                continue;
            }
            let has = |kind: &str| matched.iter().any(|&i| self.rules[i].kind == kind);
            let rule_of = |kind: &str| matched.iter().find(|&&i| self.rules[i].kind == kind).map(|&i| i);
            let negated = has("negation");
            let hypothetical = has("hypothetical");
            let evidence = |rule: usize| Evidence {
                start: s.start,
                end: s.end,
                text: body.to_string(),
                rule: self.rules[rule].id.clone(),
            };
            let trigger_at = |rule: usize| {
                self.regexes[rule]
                    .find(body)
                    .map(|m| (s.start + m.start(), s.start + m.end()))
            };
            let status = if has("status-cancelled") {
                MeetingStatus::Cancelled
            } else if has("status-proposed") {
                MeetingStatus::Proposed
            } else if has("status-planned") || hypothetical {
                MeetingStatus::Planned
            } else {
                MeetingStatus::Held
            };
            let tense = if matches!(status, MeetingStatus::Held | MeetingStatus::Cancelled) {
                Tense::Past
            } else {
                Tense::Future
            };
            let date = dates::find(text, s.start, s.end, doc_date, tense)
                .first()
                .map(|d| d.date);

            // statements first: they tell who "we" is and who speaks next
            if let Some(rule) = rule_of("statement") {
                for m in self.regexes[rule].find_iter(body) {
                    let (ts, te) = (s.start + m.start(), s.start + m.end());
                    let speaker = self.speaker(&view, doc, ts, te, &person_before);
                    if let Some(speaker) = speaker {
                        last_speaker = Some(speaker);
                        let quote = quote_text(body).unwrap_or_else(|| reported_clause(&text[te..s.end]));
                        if quote.trim().is_empty() {
                            continue;
                        }
                        events.push(Event {
                            kind: EventKind::Statement { speaker, quote },
                            date: None,
                            evidence: evidence(rule),
                        });
                        break;
                    }
                }
            }
            let _ = last_speaker;

            // demands
            let mut demand_object: Option<(usize, usize)> = None;
            if let Some(rule) = rule_of("demand") {
                if let Some((ts, te)) = trigger_at(rule) {
                    let mut by: BTreeSet<usize> = subject(&view, doc, ts).iter().map(|f| f.entity).collect();
                    if by.is_empty() {
                        if let Some(w) = previous_word(text, ts) {
                            if w == "he" || w == "she" {
                                by.extend(person_before(ts));
                            }
                        }
                    }
                    let obj_end = clause_end(text, te, s.end);
                    let object_text = &text[te..obj_end];
                    let addressee: BTreeSet<usize> = object(&view, doc, te)
                        .iter()
                        .map(|f| f.entity)
                        .filter(|e| !by.contains(e))
                        .collect();
                    let mut addressee = addressee;
                    let topics = self.topics_in(object_text);
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
                    let asks_for =
                        !matches!(text[ts..te].to_lowercase().as_str(), "asked" | "pressed") || !addressee.is_empty();
                    if !by.is_empty() && !negated && asks_for {
                        demand_object = Some((te, obj_end));
                        let topics = if topics.is_empty() {
                            vec![Topic::OtherTopic]
                        } else {
                            topics
                        };
                        for topic in topics {
                            events.push(Event {
                                kind: EventKind::Demand {
                                    by: by.clone(),
                                    of: addressee.clone(),
                                    topic,
                                    text: object_text.trim().to_string(),
                                },
                                date,
                                evidence: evidence(rule),
                            });
                        }
                    }
                }
            }

            // agreements
            if let Some(rule) = rule_of("agreement") {
                if let Some((ts, te)) = trigger_at(rule) {
                    let adjective_use = previous_word(text, ts)
                        .is_some_and(|w| matches!(w.as_str(), "the" | "an" | "a" | "contacts" | "accords"));
                    let mut parties: BTreeSet<usize> = subject(&view, doc, ts).iter().map(|f| f.entity).collect();
                    let obj_end = clause_end(text, te, s.end);
                    // "signed a deal with Syldavia"
                    let rest = &text[te..obj_end];
                    if let Some(w) = rest.find(" with ") {
                        let at = te + w + " with ".len();
                        parties.extend(
                            view.agents(doc)
                                .iter()
                                .filter(|f| f.start >= at && f.start <= at + 4)
                                .map(|f| f.entity),
                        );
                    }
                    if !parties.is_empty() && !negated && !hypothetical && !adjective_use {
                        let topic = self
                            .topics_in(rest)
                            .into_iter()
                            .find(|t| *t != Topic::Talks)
                            .unwrap_or(Topic::OtherTopic);
                        events.push(Event {
                            kind: EventKind::Agreement {
                                parties,
                                topic,
                                text: rest.trim().to_string(),
                            },
                            date,
                            evidence: evidence(rule),
                        });
                    }
                }
            }

            // claims
            if let Some(rule) = rule_of("claim") {
                if let Some((ts, te)) = trigger_at(rule) {
                    let claimant = view
                        .found
                        .iter()
                        .rev()
                        .find(|f| {
                            f.end <= ts
                                && matches!(
                                    doc.entities[f.entity].kind,
                                    crate::extract::model::EntityKind::State
                                        | crate::extract::model::EntityKind::Organization
                                )
                                && (f.actor || f.possessive)
                        })
                        .map(|f| f.entity);
                    if let (Some(claimant), false) = (claimant, negated) {
                        let rest = &text[te..clause_end(text, te, s.end)];
                        events.push(Event {
                            kind: EventKind::Claim {
                                claimant,
                                topic: Topic::Territory,
                                text: format!("{}{}", &text[ts..te], rest).trim().to_string(),
                            },
                            date: None,
                            evidence: evidence(rule),
                        });
                    }
                }
            }

            // meetings
            if let Some(rule) = rule_of("meeting") {
                if negated && status != MeetingStatus::Cancelled {
                    continue;
                }
                let Some((ts, _)) = trigger_at(rule) else { continue };
                let mut participants: BTreeSet<usize> = BTreeSet::new();
                if let (MeetingStatus::Proposed, Some((os, oe))) = (status, demand_object) {
                    // the meeting asked for: its participants are named in the demand
                    participants.extend(
                        view.agents(doc)
                            .iter()
                            .filter(|f| {
                                f.start >= os
                                    && f.end <= oe
                                    && doc.entities[f.entity].kind == crate::extract::model::EntityKind::Person
                            })
                            .map(|f| f.entity),
                    );
                } else {
                    participants.extend(view.agents(doc).iter().map(|f| f.entity));
                }
                let location = view
                    .found
                    .iter()
                    .find(|f| {
                        doc.entities[f.entity].kind == crate::extract::model::EntityKind::Place
                            && previous_word(text, f.start).is_some_and(|w| matches!(w.as_str(), "in" | "at"))
                    })
                    .map(|f| f.entity);
                let definite = previous_word(text, ts).is_some_and(|w| matches!(w.as_str(), "the" | "that" | "this"));
                if participants.is_empty() && !(location.is_some() || date.is_some()) {
                    continue;
                }
                let _ = definite;
                events.push(Event {
                    kind: EventKind::Meeting {
                        participants,
                        location,
                        status,
                    },
                    date,
                    evidence: evidence(rule),
                });
            }
        }
        merge_agreements(merge_meetings(events), doc)
    }

    fn speaker(
        &self,
        view: &View<'_>,
        doc: &DocEntities,
        ts: usize,
        te: usize,
        person_before: &dyn Fn(usize) -> Option<usize>,
    ) -> Option<usize> {
        let text = view.text;
        // "X said", "X, ..., told reporters", "the Ukrainian leader wrote"
        let before: Vec<&Found> = view.agents(doc).into_iter().filter(|f| f.end <= ts).collect();
        if let Some(f) = before.last() {
            let between = &text[f.end..ts];
            let short = between.trim().is_empty()
                || between.trim() == "has"
                || between.trim() == "had"
                || between.trim().starts_with(',')
                    && between.trim_end().ends_with(',')
                    && !between.contains(['\u{201C}', '\u{201D}', '"']);
            if short || (between.len() < 40 && !between.contains(['\u{201C}', '\u{201D}', '"', ','])) {
                return Some(f.entity);
            }
        }
        // "said Medinsky", "according to the ministry"
        if let Some(f) = view
            .agents(doc)
            .into_iter()
            .find(|f| f.start >= te && text[te..f.start].trim().is_empty())
        {
            return Some(f.entity);
        }
        // "he said"
        match previous_word(text, ts).as_deref() {
            Some("he" | "she") => person_before(ts),
            _ => None,
        }
    }
}

/// Where the clause after a trigger ends: a semicolon, a dash, or the sentence end.
fn clause_end(text: &str, from: usize, end: usize) -> usize {
    let rest = &text[from..end];
    rest.find(['.', ';', '\u{2013}', '\u{2014}']).map_or(end, |i| from + i)
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
    let rest = rest.strip_prefix("that ").unwrap_or(rest);
    rest.trim_end_matches(['.', ' ']).to_string()
}

/// One node per agreement: two agreements on one topic whose parties stand for
/// the same states ("France and West Germany reached agreement" and "Giraud and
/// his West German counterpart Woerner agreed") are one agreement told twice.
fn merge_agreements(events: Vec<Event>, doc: &DocEntities) -> Vec<Event> {
    let sides = |parties: &BTreeSet<usize>| -> BTreeSet<usize> {
        parties
            .iter()
            .flat_map(|&p| {
                let e = &doc.entities[p];
                if e.represents.is_empty() {
                    vec![p]
                } else {
                    e.represents.iter().copied().collect()
                }
            })
            .collect()
    };
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        if let EventKind::Agreement { parties, topic, .. } = &e.kind {
            let mine = sides(parties);
            let target = out.iter_mut().find(|o| match &o.kind {
                EventKind::Agreement {
                    parties: p2, topic: t2, ..
                } => t2 == topic && sides(p2).intersection(&mine).count() >= mine.len().min(2),
                _ => false,
            });
            if let Some(o) = target {
                if let EventKind::Agreement { parties: p2, .. } = &mut o.kind {
                    p2.extend(parties.iter().copied());
                }
                if o.date.is_none() {
                    o.date = e.date;
                }
                continue;
            }
        }
        out.push(e);
    }
    out
}

/// One node per meeting: a meeting with the same status as an earlier one
/// that shares a participant, or that names at most one participant, is the
/// same meeting told again ("the talks", "the meeting").
fn merge_meetings(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        if let EventKind::Meeting {
            participants,
            location,
            status,
        } = &e.kind
        {
            let target = out.iter_mut().rev().find(|o| match &o.kind {
                EventKind::Meeting {
                    participants: p2,
                    location: l2,
                    status: s2,
                } => {
                    s2 == status
                        && (p2.intersection(participants).next().is_some() || participants.len() <= 1 || p2.len() <= 1)
                        && (location.is_none() || l2.is_none() || location == l2)
                }
                _ => false,
            });
            if let Some(o) = target {
                if let EventKind::Meeting {
                    participants: p2,
                    location: l2,
                    ..
                } = &mut o.kind
                {
                    p2.extend(participants.iter().copied());
                    if l2.is_none() {
                        *l2 = *location;
                    }
                }
                if o.date.is_none() {
                    o.date = e.date;
                }
                continue;
            }
        }
        out.push(e);
    }
    out
}
