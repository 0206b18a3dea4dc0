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
    /// The rules without long gaps, in one set: the pass every sentence gets.
    set: RegexSet,
    /// Rule index of each pattern in `set`.
    set_rules: Vec<usize>,
    /// Modifier rules (status, negation, vetoes...) with a long bounded gap
    /// (`.{0,140}`), checked one by one and only in sentences where a rule of
    /// `set` matched. Inside the set they multiplied the lazy DFA's states and
    /// made the one pass slow for every sentence; on their own each stays
    /// small. A modifier means nothing without a trigger in the same
    /// sentence, and triggers are all in `set`, so skipping them where
    /// nothing matched changes no result.
    gapped_rules: Vec<usize>,
    regexes: Vec<Regex>,
    topics: AhoCorasick,
    topic_of_pattern: Vec<(Topic, bool)>,
}

/// Room for each lazy DFA's state cache. The trigger rules have bounded
/// repetitions (`.{0,140}`) that make many DFA states; with regex's default
/// (2 MiB) the cache filled and was rebuilt over and over, and building
/// states took a third of extraction time.
const DFA_CACHE_BYTES: usize = 64 << 20;

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
    "during",
    "following",
    "since",
    "through",
    "toward",
    "towards",
    "under",
    "without",
    "within",
    "across",
    "near",
    "among",
    "amid",
    "despite",
    "via",
];

impl EventRules {
    pub fn compile(lexicon: &Lexicon) -> Result<EventRules, ParleyError> {
        let bad = |line: usize, message: String| ParleyError::Lexicon {
            file: EVENTS.path.to_string(),
            line,
            message,
        };
        // a space in a pattern matches any run of white space, line breaks
        // included: wire copy wraps lines anywhere ("have reached\nbroad agreement")
        let patterns: Vec<String> = lexicon
            .event_rules
            .iter()
            .map(|r| r.pattern.replace(' ', r"\s+"))
            .collect();
        // a trigger rule always goes in the set: it is what makes a sentence worth a second look
        let triggers = ["meeting", "demand", "agreement", "statement", "claim"];
        let long_gap = Regex::new(r"\.\{\d*,\d{3,}\}\??").expect("valid regex");
        let gapped = |i: usize| {
            !triggers.contains(&lexicon.event_rules[i].kind.as_str()) && long_gap.is_match(&patterns[i])
        };
        let (gapped_rules, set_rules): (Vec<usize>, Vec<usize>) = (0..patterns.len()).partition(|&i| gapped(i));
        let set = RegexSetBuilder::new(set_rules.iter().map(|&i| &patterns[i]))
            .case_insensitive(true)
            .dfa_size_limit(DFA_CACHE_BYTES)
            .build()
            .map_err(|e| bad(0, e.to_string()))?;
        let regexes = lexicon
            .event_rules
            .iter()
            .zip(&patterns)
            .map(|(r, p)| {
                RegexBuilder::new(p)
                    .case_insensitive(true)
                    .dfa_size_limit(DFA_CACHE_BYTES)
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
            set_rules,
            gapped_rules,
            regexes,
            topics,
            topic_of_pattern,
        })
    }

    /// Ids of the rules whose pattern matches `sentence` (for rule tests and `explain`).
    pub fn matching_rules(&self, sentence: &str) -> Vec<&str> {
        self.matches(sentence)
            .into_iter()
            .map(|i| self.rules[i].id.as_str())
            .collect()
    }

    /// Indices of the rules that match `sentence`, in rule order; rules with
    /// long gaps only where another rule matched (see `gapped_rules`).
    fn matches(&self, sentence: &str) -> Vec<usize> {
        let mut matched = self.set_matches(sentence);
        if !matched.is_empty() {
            matched.extend(self.gapped_rules.iter().copied().filter(|&i| self.regexes[i].is_match(sentence)));
            matched.sort_unstable();
        }
        matched
    }

    /// Indices of the rules of `set` that match `sentence`, in rule order.
    fn set_matches(&self, sentence: &str) -> Vec<usize> {
        self.set.matches(sentence).into_iter().map(|i| self.set_rules[i]).collect()
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

/// Whether a preposition governs the phrase at `at`, through a determiner:
/// "for Kiev", "for the Forum 2000 foundation".
fn preceded_by_preposition(text: &str, at: usize) -> bool {
    let Some(word) = previous_word(text, at) else {
        return false;
    };
    if matches!(word.as_str(), "the" | "a" | "an" | "its" | "his" | "her" | "their") {
        let before = text[..at].trim_end();
        let start = before.len() - word.len();
        return previous_word(text, start).is_some_and(|w| PREPOSITIONS.contains(&w.as_str()));
    }
    PREPOSITIONS.contains(&word.as_str())
}

/// The subject of a trigger: the nearest agent before it in the same clause
/// that is not the object of a preposition ("a non-starter for Kiev, which
/// ... demands" still finds Kiev through the relative pronoun).
fn subject<'a>(view: &View<'a>, doc: &DocEntities, at: usize) -> Vec<&'a Found> {
    let text = view.text;
    let candidates: Vec<&Found> = view.agents(doc).into_iter().filter(|f| f.end <= at).collect();
    let mut chosen: Vec<&Found> = Vec::new();
    for f in candidates.iter().rev() {
        // a quote opening right at the trigger does not separate it from its subject:
        // `X had "agreed in principle"`
        let between = text[f.end..at].trim_end_matches(|c: char| c == '"' || c == '\u{201C}' || c.is_whitespace());
        if between.contains(['\u{201C}', '\u{201D}', '"']) || between.contains(';') {
            break;
        }
        let prep = preceded_by_preposition(text, f.start);
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
        let mut meetings: Vec<Event> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            if s.headline {
                continue;
            }
            let view = View {
                text,
                start: s.start,
                end: s.end,
                found: doc.found.iter().filter(|f| f.sentence == si).collect(),
            };
            let body = view.body();
            // gapped rules are left out here and tried only where a cue asks for them
            let matched = self.set_matches(body);
            if matched.is_empty() {
                continue;
            }
            let has = |kind: &str| matched.iter().any(|&i| self.rules[i].kind == kind);
            let rule_of = |kind: &str| matched.iter().find(|&&i| self.rules[i].kind == kind).copied();
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
            let pronoun = |at: usize| pronoun_referent(doc, sentences, si, at);
            // an exclusion rule of `kind` matching over the trigger vetoes it
            let vetoed = |kind: &str, ts: usize, te: usize| {
                matched.iter().filter(|&&i| self.rules[i].kind == kind).any(|&i| {
                    self.regexes[i]
                        .find_iter(body)
                        .any(|m| s.start + m.start() < te && ts < s.start + m.end())
                })
            };
            let date_near = |from: usize, to: usize, at: usize, tense: Tense| {
                dates::find(text, from, to, doc_date, tense)
                    .into_iter()
                    .min_by_key(|d| d.start.abs_diff(at))
                    .map(|d| d.date)
            };

            // statements: "X said", "said X", "he told reporters", with the quote or the reported clause
            let mut sentence_speaker: Option<usize> = None;
            if let Some(rule) = rule_of("statement") {
                for m in self.regexes[rule].find_iter(body) {
                    let (ts, te) = (s.start + m.start(), s.start + m.end());
                    let Some(speaker) = self.speaker(&view, doc, ts, te, &pronoun) else {
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
                        sentence_speaker = Some(speaker);
                        events.push(Event {
                            kind: EventKind::Statement { speaker, quote },
                            date: None,
                            evidence: evidence(rule),
                        });
                        break;
                    }
                }
            }

            // demands: one per topic named in what is demanded
            let mut demand_object: Option<(usize, usize, BTreeSet<usize>)> = None;
            if let Some(rule) = rule_of("demand") {
                if let Some((ts, te)) = trigger_at(rule).filter(|&(ts, te)| !vetoed("not-demand", ts, te)) {
                    let verb = text[ts..te].to_lowercase();
                    let passive = vetoed("demand-passive", ts, te);
                    let mut by: BTreeSet<usize> = BTreeSet::new();
                    let mut passive_addressee: BTreeSet<usize> = BTreeSet::new();
                    if passive {
                        // "X was urged by Y to ...": Y demanded of X; without "by", nobody is known to demand
                        passive_addressee.extend(subject(&view, doc, ts).iter().map(|f| f.entity));
                        let clause = &text[te..clause_end(text, te, s.end)];
                        if let Some(i) = clause.find(" by ") {
                            let at = te + i + " by ".len();
                            by.extend(
                                view.agents(doc)
                                    .iter()
                                    .filter(|f| f.start >= at && f.start <= at + 4)
                                    .map(|f| f.entity),
                            );
                        }
                    } else {
                        by.extend(subject(&view, doc, ts).iter().map(|f| f.entity));
                        if by.is_empty() && matches!(previous_word(text, ts).as_deref(), Some("he" | "she")) {
                            by.extend(pronoun(ts));
                        }
                    }
                    let obj_end = clause_end(text, te, s.end);
                    let object_text = &text[te..obj_end];
                    // only verbs that take a person or state as object name an addressee:
                    // "urged Russia to", "called on the Council to"; "called for X's release" does not
                    let takes_addressee = verb.starts_with("urg")
                        || verb.ends_with(" on")
                        || verb.starts_with("ask")
                        || verb.starts_with("press")
                        || verb.starts_with("appeal")
                        || verb.starts_with("request");
                    let mut addressee: BTreeSet<usize> = passive_addressee;
                    if takes_addressee && !passive {
                        addressee.extend(
                            object(&view, doc, te)
                                .iter()
                                .filter(|f| !f.possessive)
                                .map(|f| f.entity)
                                .filter(|e| !by.contains(e)),
                        );
                    }
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
                    let needs_object = verb.starts_with("ask") || verb.starts_with("press");
                    if !by.is_empty() && !negated && !(needs_object && addressee.is_empty()) {
                        demand_object = Some((te, obj_end, by.clone()));
                        let topics = if topics.is_empty() {
                            vec![Topic::OtherTopic]
                        } else {
                            topics
                        };
                        let date = date_near(s.start, s.end, ts, Tense::Past);
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

            // agreements: the subject (and "with X") agreed on one topic
            if let Some(rule) = rule_of("agreement") {
                if let Some((ts, te)) = trigger_at(rule).filter(|&(ts, te)| !vetoed("not-agreement", ts, te)) {
                    let adjective_use = previous_word(text, ts)
                        .is_some_and(|w| matches!(w.as_str(), "the" | "an" | "a" | "contacts" | "accords"));
                    let mut parties: BTreeSet<usize> = subject(&view, doc, ts).iter().map(|f| f.entity).collect();
                    // "“We agreed ...,” he said": we are the speaker's side (the state they
                    // represent); the other side is not named, so one party is enough here
                    let we = parties.is_empty() && previous_word(text, ts).as_deref() == Some("we");
                    if let (true, Some(speaker)) = (we, sentence_speaker) {
                        let sides = &doc.entities[speaker].represents;
                        let own: BTreeSet<usize> = if sides.is_empty() {
                            [speaker].into()
                        } else {
                            sides.clone()
                        };
                        // after talks the speaker took part in, "we" is the sides at the table
                        let table = meetings.iter().rev().find_map(|m| match &m.kind {
                            EventKind::Meeting {
                                participants,
                                status: MeetingStatus::Held,
                                ..
                            } if participants.contains(&speaker) || !participants.is_disjoint(&own) => {
                                let states: BTreeSet<usize> = participants
                                    .iter()
                                    .copied()
                                    .filter(|&p| doc.entities[p].kind == crate::extract::model::EntityKind::State)
                                    .collect();
                                (states.len() >= 2).then_some(states)
                            }
                            _ => None,
                        });
                        parties.extend(table.unwrap_or(own));
                    }
                    let obj_end = clause_end(text, te, s.end);
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
                    // one party agrees *with* someone, or signs or reaches a named deal;
                    // "X agreed" alone is consent, not an agreement between parties
                    let names_deal = DEAL_NOUNS
                        .iter()
                        .any(|n| text[ts..(te + 60).min(obj_end)].to_lowercase().contains(n));
                    if !parties.is_empty()
                        && (parties.len() >= 2 || names_deal || we)
                        && !negated
                        && !hypothetical
                        && !adjective_use
                    {
                        let topic = self
                            .topics_in(rest)
                            .into_iter()
                            .find(|t| *t != Topic::Talks)
                            .unwrap_or(Topic::OtherTopic);
                        let date = date_near(s.start, s.end, te, Tense::Past);
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

            // claims: a state or organization (possessive allowed: "Russia's annexation of Crimea")
            if let Some(rule) = rule_of("claim") {
                if let Some((ts, te)) = trigger_at(rule) {
                    use crate::extract::model::EntityKind::{Organization, State};
                    let claimant = view
                        .found
                        .iter()
                        .rev()
                        .find(|f| {
                            f.end <= ts
                                && matches!(doc.entities[f.entity].kind, State | Organization)
                                && (f.actor || f.possessive)
                        })
                        .map(|f| f.entity);
                    if let (Some(claimant), false) = (claimant, negated) {
                        let rest = &text[te..clause_end(text, te, s.end)];
                        let words = format!("{}{}", &text[ts..te], rest).trim().to_string();
                        events.push(Event {
                            kind: EventKind::Claim {
                                claimant,
                                topic: Topic::Territory,
                                text: words,
                            },
                            date: None,
                            evidence: evidence(rule),
                        });
                    }
                }
            }

            // meetings: one candidate per trigger, read within its clause
            let mut triggers: Vec<(usize, usize, usize)> = matched
                .iter()
                .filter(|&&i| self.rules[i].kind == "meeting")
                .flat_map(|&i| {
                    self.regexes[i]
                        .find_iter(body)
                        .map(move |m| (s.start + m.start(), s.start + m.end(), i))
                })
                .collect();
            triggers.sort();
            let mut last_end = 0;
            for (ts, te, rule) in triggers {
                if ts < last_end {
                    continue;
                }
                last_end = te;
                if vetoed("not-meeting", ts, te) {
                    continue; // "meet its targets"
                }
                let (cs, ce) = clause_around(text, s.start, s.end, ts, te);
                if self.rules[rule].id.starts_with("meeting.noun") && refers_back(&text[cs..ts]) {
                    continue; // "after the meeting", "ahead of the talks": a meeting told before
                }
                let window = &text[cs..(te + 40).min(ce)];
                let window = &window[..floor_boundary(window, window.len())];
                let cue = |kind: &str| {
                    let of_kind = |&&i: &&usize| self.rules[i].kind == kind;
                    matched.iter().filter(of_kind).any(|&i| self.regexes[i].is_match(window))
                        || self.gapped_rules.iter().filter(of_kind).any(|&i| {
                            self.regexes[i].is_match(window) && self.regexes[i].is_match(body)
                        })
                };
                let status = if cue("status-cancelled") {
                    MeetingStatus::Cancelled
                } else if cue("status-proposed")
                    || demand_object.as_ref().is_some_and(|(os, oe, _)| *os <= ts && te <= *oe)
                {
                    MeetingStatus::Proposed
                } else if cue("status-planned") || cue("hypothetical") {
                    MeetingStatus::Planned
                } else {
                    MeetingStatus::Held
                };
                if cue("negation") && status != MeetingStatus::Cancelled {
                    continue;
                }
                let mut participants: BTreeSet<usize> = BTreeSet::new();
                match &demand_object {
                    Some((os, oe, by)) if status == MeetingStatus::Proposed && *os <= ts && te <= *oe => {
                        // the meeting asked for: the people named in the demand, else the demander
                        use crate::extract::model::EntityKind::Person;
                        participants.extend(
                            view.agents(doc)
                                .iter()
                                .filter(|f| f.start >= *os && f.end <= *oe && doc.entities[f.entity].kind == Person)
                                .map(|f| f.entity),
                        );
                        if participants.is_empty() {
                            participants.extend(by.iter().copied());
                        }
                    }
                    _ => {
                        participants.extend(
                            view.agents(doc)
                                .iter()
                                .filter(|f| f.start >= cs && f.end <= ce)
                                .map(|f| f.entity),
                        );
                        if let Some(p) = pronoun_in(text, cs, ts).and_then(&pronoun) {
                            participants.insert(p);
                        }
                    }
                }
                // a minister's meeting is also a meeting of the state they represent
                let represented: Vec<usize> = participants
                    .iter()
                    .flat_map(|&p| doc.entities[p].represents.iter().copied())
                    .collect();
                participants.extend(
                    represented
                        .into_iter()
                        .filter(|&a| doc.entities[a].kind == crate::extract::model::EntityKind::State),
                );
                let location = view
                    .found
                    .iter()
                    .filter(|f| f.start >= cs && f.end <= ce)
                    .find(|f| {
                        doc.entities[f.entity].kind == crate::extract::model::EntityKind::Place
                            && previous_word(text, f.start).is_some_and(|w| matches!(w.as_str(), "in" | "at"))
                    })
                    .map(|f| f.entity);
                let tense = if matches!(status, MeetingStatus::Held | MeetingStatus::Cancelled) {
                    Tense::Past
                } else {
                    Tense::Future
                };
                let date = date_near(cs, ce, ts, tense);
                if participants.is_empty() {
                    // "The last talks, in New York in September": the meeting series told before
                    match meetings.last() {
                        Some(Event {
                            kind: EventKind::Meeting { participants: p, .. },
                            ..
                        }) if location.is_some() => participants = p.clone(),
                        _ => continue,
                    }
                }
                // hosts and mediators: "hosted by Turkey", "Qatar will host", "talks mediated by Egypt"
                let (mut hosts, mut mediators) = (BTreeSet::new(), BTreeSet::new());
                for m in role_regex().captures_iter(&text[cs..ce]) {
                    let whole = m.get(0).expect("group 0");
                    let (rs, re) = (cs + whole.start(), cs + whole.end());
                    let is_host = m.name("host").is_some() || m.name("host_by").is_some();
                    let agents: Vec<usize> = if m.name("host_by").is_some() || m.name("mediator_by").is_some() {
                        object(&view, doc, re).iter().map(|f| f.entity).collect()
                    } else {
                        subject(&view, doc, rs).iter().map(|f| f.entity).collect()
                    };
                    if is_host {
                        hosts.extend(agents)
                    } else {
                        mediators.extend(agents)
                    }
                }
                participants.extend(hosts.iter().chain(&mediators).copied());
                meetings.push(Event {
                    kind: EventKind::Meeting {
                        participants,
                        location,
                        status,
                        hosts,
                        mediators,
                    },
                    date,
                    evidence: evidence(rule),
                });
            }
        }
        let meetings = merge_meetings(meetings)
            .into_iter()
            .filter(|m| matches!(&m.kind, EventKind::Meeting { participants, location, .. } if participants.len() >= 2 || location.is_some()));
        events.extend(meetings);
        self.quotes_across_sentences(text, sentences, &mut events);
        merge_agreements(events, doc)
    }

    /// A quote opened in an earlier sentence and attributed where it closes
    /// ("“Our position – if ..., sanctions must follow. Pressure ...,” the
    /// Ukrainian leader wrote"): the statement gets the whole quote, and a
    /// conditional demand in its earlier sentences ("if X rejects ..., sanctions
    /// must follow") is the speaker's.
    fn quotes_across_sentences(&self, text: &str, sentences: &[Sentence], events: &mut Vec<Event>) {
        let Some(conditional) = self.rules.iter().position(|r| r.kind == "demand-conditional") else {
            return;
        };
        let mut added = Vec::new();
        for e in events.iter_mut() {
            let EventKind::Statement { speaker, quote } = &mut e.kind else {
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
            *quote = format!("{opening} {quote}");
            for i in first..si {
                let s = &sentences[i];
                let sentence = &text[s.start..s.end];
                if let Some(m) = self.regexes[conditional].find(sentence) {
                    // the consequence is what is demanded: "tough sanctions must follow"
                    let comma = m.as_str().rfind(',').map_or(0, |c| c + 1);
                    let consequence = &m.as_str()[comma..];
                    for topic in self
                        .topics_in(consequence)
                        .into_iter()
                        .filter(|t| *t != Topic::OtherTopic)
                    {
                        added.push(Event {
                            kind: EventKind::Demand {
                                by: [*speaker].into_iter().collect(),
                                of: BTreeSet::new(),
                                topic,
                                text: m.as_str().trim().to_string(),
                            },
                            date: None,
                            evidence: Evidence {
                                start: s.start,
                                end: s.end,
                                text: sentence.to_string(),
                                rule: self.rules[conditional].id.clone(),
                            },
                        });
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
    fn speaker(
        &self,
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
}

/// Whether a sentence opens a quotation it does not close.
fn opens_quote(sentence: &str) -> bool {
    let open = sentence.matches('\u{201C}').count();
    let close = sentence.matches('\u{201D}').count();
    let straight = sentence.matches('"').count();
    open > close || (open == 0 && straight % 2 == 1 && sentence.trim_start().starts_with('"'))
}

/// Whether a sentence closes a quotation opened before it.
fn closes_open_quote(sentence: &str) -> bool {
    let open = sentence.matches('\u{201C}').count();
    let close = sentence.matches('\u{201D}').count();
    let straight = sentence.matches('"').count();
    close > open || (open == 0 && close == 0 && straight % 2 == 1 && !sentence.trim_start().starts_with('"'))
}

/// Host and mediator phrases around a meeting trigger.
fn role_regex() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        RegexBuilder::new(
            r"(?P<host_by>\bhosted\s+by)|(?P<mediator_by>\b(?:mediated|brokered|facilitated)\s+by|\bunder\s+the\s+auspices\s+of)|(?P<host>\b(?:hosted|hosts|will\s+host|to\s+host)\b)|(?P<mediator>\b(?:mediated|mediates|brokered|will\s+mediate|to\s+mediate)\b)",
        )
        .case_insensitive(true)
        .build()
        .expect("valid role regex")
    })
}

/// The person "he" or "she" stands for: the first person named in the
/// sentence before it, else the first person named in the nearest earlier
/// sentence that names one. News names the subject first, and the subject is
/// who a later pronoun most often refers to.
fn pronoun_referent(doc: &DocEntities, sentences: &[Sentence], si: usize, at: usize) -> Option<usize> {
    use crate::extract::model::EntityKind::Person;
    let first_person = |sentence: usize, before: usize| {
        doc.found
            .iter()
            .find(|f| f.sentence == sentence && f.start < before && doc.entities[f.entity].kind == Person)
            .map(|f| f.entity)
    };
    first_person(si, at).or_else(|| (0..si).rev().find_map(|i| first_person(i, sentences[i].end)))
}

/// The offset of a "he"/"she" in `text[from..to]`, if any.
fn pronoun_in(text: &str, from: usize, to: usize) -> Option<usize> {
    let clause = &text[from..to];
    clause
        .split_whitespace()
        .any(|w| w == "he" || w == "she" || w == "He" || w == "She")
        .then_some(to)
}

/// The clause around a trigger: from the previous subordinator or semicolon to
/// the next one, within the sentence. "China refused to meet Cameron | after he
/// met the Dalai Lama" holds two meetings.
fn clause_around(text: &str, start: usize, end: usize, ts: usize, te: usize) -> (usize, usize) {
    const SPLITS: &[&str] = &[
        " after ",
        " before ",
        " while ",
        " when ",
        " because ",
        " although ",
        " though ",
        " until ",
        " but ",
        " whereas ",
        "; ",
        " \u{2013} ",
        " \u{2014} ",
        " - ",
    ];
    // line breaks are spaces here: wire copy wraps "agreed\nafter an inconclusive meeting"
    let left = text[start..ts].replace('\n', " ");
    let cs = SPLITS
        .iter()
        .filter_map(|p| left.rfind(p).map(|i| start + i + 1))
        .max()
        .unwrap_or(start);
    let right = text[te..end].replace('\n', " ");
    let ce = SPLITS
        .iter()
        .filter_map(|p| right.find(p).map(|i| te + i))
        .min()
        .unwrap_or(end);
    (cs, ce)
}

/// Whether the words before a meeting noun refer to a meeting already told:
/// a preposition and a definite determiner ("after the meeting", "ahead of
/// the talks", "following the negotiations").
fn refers_back(before: &str) -> bool {
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
        .all(|w| w == "of" || !PREPOSITIONS.contains(&w.as_str()));
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

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
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
    // "told reporters that ...", "told AFP that ...": the listener is not what was said
    let head: Vec<&str> = rest.split_whitespace().take(5).collect();
    let rest = match head.iter().position(|w| *w == "that") {
        Some(_) => rest.split_once(" that ").map_or(rest, |(_, r)| r),
        None => rest,
    };
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

/// One node per meeting: a meeting with the same status as an earlier one,
/// whose participants are a subset or superset of the earlier one's, at a
/// compatible place and date, is the same meeting told again.
fn merge_meetings(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        if let EventKind::Meeting {
            participants,
            location,
            status,
            hosts,
            mediators,
        } = &e.kind
        {
            let target = out.iter_mut().find(|o| match &o.kind {
                EventKind::Meeting {
                    participants: p2,
                    location: l2,
                    status: s2,
                    ..
                } => {
                    s2 == status
                        && (p2.is_subset(participants) || participants.is_subset(p2))
                        && (location.is_none() || l2.is_none() || location == l2)
                        && (e.date.is_none() || o.date.is_none() || e.date == o.date)
                }
                _ => false,
            });
            if let Some(o) = target {
                if let EventKind::Meeting {
                    participants: p2,
                    location: l2,
                    hosts: h2,
                    mediators: m2,
                    ..
                } = &mut o.kind
                {
                    p2.extend(participants.iter().copied());
                    h2.extend(hosts.iter().copied());
                    m2.extend(mediators.iter().copied());
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
