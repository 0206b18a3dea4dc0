//! Meetings: talks, summits, visits, calls. One candidate per trigger, read
//! within its clause: participants (and the states ministers represent), the
//! place after "in"/"at", the status from the cues near the trigger, hosts
//! and mediators. Meetings told more than once are merged later
//! (`merge::meetings`).

use std::collections::BTreeSet;

use regex::{Regex, RegexBuilder};

use crate::extract::dates::{self, Tense};
use crate::extract::model::{AgentRole, EntityKind, Event, EventClass, MeetingStatus};
use crate::extract::word_lists::word_lists;

use super::referents::pronoun_in;
use super::syntax::{object, previous_word, refers_back, subject};
use super::{Demanded, RuleKind, SentenceContext};
use crate::extract::entities::Found;

/// How far after the trigger a status cue still speaks of it ("talks | will
/// resume next week", "talks between President Reagan and Nakasone, |
/// scheduled for Thursday"), in words of the clause, a name as one.
const CUE_REACH_AFTER_TRIGGER: usize = 6;

/// Reads the sentence's meetings into `meetings`. `demanded` is what a demand
/// in the sentence asks for: a meeting inside it is proposed.
/// `events` are the other events told so far (for "both sides": the parties
/// of an agreement).
pub(super) fn read(cx: &SentenceContext<'_>, demanded: Option<&Demanded>, events: &[Event], meetings: &mut Vec<Event>) {
    for (ts, te, rule) in cx.triggers(EventClass::Meeting) {
        if let Some(meeting) = one(cx, demanded, (meetings, events), ts, te, rule) {
            meetings.push(meeting);
        }
    }
}

/// The meeting of one trigger at `ts..te`, if it is one.
fn one(
    cx: &SentenceContext<'_>,
    demanded: Option<&Demanded>,
    (earlier, events): (&[Event], &[Event]),
    ts: usize,
    te: usize,
    rule: usize,
) -> Option<Event> {
    if cx.overlapped_by(RuleKind::Veto(EventClass::Meeting), ts, te) {
        return None; // "meet its targets"
    }
    let text = cx.text;
    let clause = cx.syntax().clause_span(ts);
    let (cs, ce) = (clause.start, clause.end.max(te));
    if cx.rules.rules[rule].id.starts_with("meeting.noun") && refers_back(&text[cs..ts]) {
        return None; // "after the meeting", "ahead of the talks": a meeting told before
    }
    let asked = demanded.filter(|d| d.start <= ts && te <= d.end);
    let status = status(cx, cs, ce, te, asked.is_some());
    if status != MeetingStatus::Cancelled && cue(cx, RuleKind::Negation, cs, ce, te) {
        return None;
    }
    let mut participants = participants(cx, asked, status, cs, participants_end(text, cs, (ts, te), ce), ts);
    let visit = cx.rules.rules[rule].id.starts_with("meeting.verb.visit");
    // a visit's destination lies before the next meeting the clause tells:
    // "a visit here by Japanese officials and a visit to Tokyo by an American"
    let next = cx
        .triggers(EventClass::Meeting)
        .into_iter()
        .map(|(s, _, _)| s)
        .filter(|&s| s >= te)
        .min()
        .map_or(ce, |s| s.min(ce));
    let destination = if visit && here(cx, te, next).is_some() {
        here(cx, te, next)
    } else {
        destination(cx, cs, next, te, visit)
    };
    let location = cx
        .view
        .found
        .iter()
        .filter(|f| f.start >= cs && f.end <= ce)
        .find(|f| cx.doc.entities[f.entity].kind == EntityKind::Place && venue_preposition_before(text, cs, f.start))
        .map(|f| f.entity)
        // "the Islamabad summit", "the Geneva talks": the place names the meeting
        .or_else(|| {
            cx.view
                .found
                .iter()
                .find(|f| f.end < ts && f.start >= cs && &text[f.end..ts] == " ")
                .filter(|f| cx.doc.entities[f.entity].kind == EntityKind::Place)
                .map(|f| f.entity)
        })
        .or(destination)
        .or_else(|| here(cx, cs, ce));
    // a visit meets the state of the place visited: "visited Nairobi", "visited slums in Nairobi"
    let visited = destination.or(location.filter(|_| visit));
    // "miners have arrived in Madrid", "Rosenfeld traveled to Washington": a visit by
    // nobody who acts for a state or an organization is a journey, not diplomacy
    let acts_for_someone = participants.iter().any(|&p| {
        let e = &cx.doc.entities[p];
        e.kind != EntityKind::Person || !e.represents.is_empty()
    });
    if visit && !acts_for_someone {
        return None;
    }
    // "visited Kenya's biggest shantytown", "a visit to China's Xinjiang region": the
    // state that owns what is visited
    let owner_visited = || {
        cx.view
            .found
            .iter()
            .find(|f| {
                f.possessive
                    && f.start >= te
                    && cx.doc.entities[f.entity].kind == EntityKind::State
                    && matches!(text[te..f.start].trim(), "" | "to")
            })
            .map(|f| f.entity)
    };
    let host = match visited {
        Some(place) => cx.doc.entities[place].located_in,
        None if visit => owner_visited(),
        None => None,
    };
    if let Some(host) = host {
        // a visit abroad meets the state visited; a minister touring their own country meets nobody
        let sides = super::merge::sides(participants.iter().copied(), cx.doc);
        if !sides.is_empty() && sides.iter().all(|&s| s == host) {
            return None;
        }
        participants.insert(host);
    }
    let tense = if matches!(status, MeetingStatus::Held | MeetingStatus::Cancelled) {
        Tense::Past
    } else {
        Tense::Future
    };
    let date = cx.date_near(cs, ce, ts, tense);
    if participants.is_empty() && super::agreement::names_a_pair(cx, &text[cs..ce]) {
        // "a meeting of foreign ministers of both countries", "Both sides agreed to begin talks"
        participants = super::agreement::the_pair(cx, ts, earlier, events).unwrap_or_default();
    }
    if participants.is_empty() {
        // "The last talks, in New York in September": the meeting series told before
        // (only a noun names a series; "he visited slums in Nairobi" tells a new visit)
        let noun = cx.rules.rules[rule].id.starts_with("meeting.noun");
        let previous = earlier.last().filter(|_| location.is_some() && noun)?;
        participants = previous.role_set(AgentRole::Participant);
    }
    // a wire story tells its own day's meeting where its reporter is, and on that day:
    // "PARIS, March 31 - Poland met the Paris Club", "are today meeting the Chancellor"
    // (only a meeting of two sides: a dateline is no evidence that one side met anyone)
    let verb = cx.rules.rules[rule].id.starts_with("meeting.verb");
    let two_sides = super::merge::sides(participants.iter().copied(), cx.doc).len() >= 2;
    let filed_here = (location.is_none() && !visit && two_sides && date.is_none_or(|d| Some(d) == cx.doc_date))
        .then(|| dateline_venue(cx, (ts, te), verb, (cs, ce)))
        .flatten();
    let (hosts, mediators) = hosts_and_mediators(cx, cs, ce);
    let mut event = cx.event(EventClass::Meeting, rule);
    event.add_agents(
        AgentRole::Participant,
        participants
            .into_iter()
            .chain(hosts.iter().copied())
            .chain(mediators.iter().copied()),
    );
    event.add_agents(AgentRole::Host, hosts);
    event.add_agents(AgentRole::Mediator, mediators);
    event.location = location.or(filed_here);
    event.status = Some(status);
    event.date = date.or(filed_here.and(cx.doc_date));
    Some(event)
}

/// Where a visitor goes: the place a visit trigger names ("visited Nairobi",
/// "arrived in Oslo"), or a place after a word of travel and "to" in the
/// clause ("officials are coming to Washington for talks", "a trip to Tokyo").
fn destination(cx: &SentenceContext<'_>, cs: usize, ce: usize, te: usize, visit: bool) -> Option<usize> {
    let text = cx.text;
    cx.view
        .found
        .iter()
        .filter(|f| f.start >= cs && f.end <= ce && cx.doc.entities[f.entity].kind == EntityKind::Place)
        // a town or site in a state; "a visit to Latin America" names no venue
        .filter(|f| cx.doc.entities[f.entity].located_in.is_some())
        .find(|f| {
            if visit && f.start >= te && text[te..f.start].trim().is_empty() {
                return true; // "visited Nairobi", "arrived in Oslo"
            }
            if previous_word(text, f.start).as_deref() != Some("to") {
                return false;
            }
            let before_to = text[..f.start].trim_end();
            let before_to = &before_to[..before_to.len() - "to".len()];
            previous_word(text, before_to.len()).is_some_and(|w| cx.rules.motion_verbs.contains(w.as_ref()))
        })
        .map(|f| f.entity)
}

/// The dateline's place for a meeting said to be "here" ("talks here on
/// Monday"): a wire story's "LONDON, March 2 -" is where its reporter is.
fn here(cx: &SentenceContext<'_>, cs: usize, ce: usize) -> Option<usize> {
    let says_here = cx.syntax().words.iter().any(|w| {
        w.span.start >= cs && w.span.end <= ce && cx.text[w.span.start..w.span.end].eq_ignore_ascii_case("here")
    });
    says_here.then(|| cx.doc.dateline.map(|d| d.place)).flatten()
}

/// How many lower-case words may stand between "in"/"at" and a place that
/// modifies the venue: "in an elegant | Moscow mansion".
const VENUE_MODIFIER_WORDS: usize = 3;

/// Whether a place at `at` follows "in" or "at", directly ("in Geneva") or
/// as the modifier of a venue after a few lower-case words opened by an
/// article ("met in an elegant Moscow mansion", "at the Geneva talks"), or
/// in apposition to a noun after an article ("in the Kenyan capital Nairobi").
fn venue_preposition_before(text: &str, cs: usize, at: usize) -> bool {
    let before: Vec<&str> = text[cs..at]
        .split_whitespace()
        .rev()
        .take(VENUE_MODIFIER_WORDS + 1)
        .collect();
    let is_venue_preposition = |w: &str| matches!(w, "in" | "at");
    if before.first().is_some_and(|w| is_venue_preposition(w)) {
        return true;
    }
    let Some(i) = before.iter().position(|w| is_venue_preposition(w)) else {
        return false;
    };
    let gap = &before[..i];
    let article = gap.last().is_some_and(|w| matches!(*w, "a" | "an" | "the"));
    let lower_words = gap.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    // the place is a modifier: a lower-case noun follows it ("Moscow mansion")
    let modifies = text[at..]
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    // a common noun the name is in apposition to, after a name's adjective:
    // "in the Kenyan capital Nairobi" (not "in the northern Gaza Strip")
    let apposed = gap.len() >= 2
        && gap[0].chars().all(char::is_lowercase)
        && gap[1..].iter().any(|w| w.starts_with(char::is_uppercase));
    article && (lower_words && modifies || apposed)
}

/// How many words from a meeting's trigger "today" may stand and still date
/// it: "would be meeting their lawyers today", not "Brent traded today" in a
/// later clause about something else.
const SAME_DAY_REACH_WORDS: usize = 6;

/// The dateline's place for a meeting the sentence gives no place: a wire
/// story is filed where its lead happens, and "today" happens there too.
/// The meeting must be told after the dateline (a headline is no part of the
/// story), on no other day ("last week's talks", "next month"), with no other
/// place in its clause ("will meet in Bahrain today", "flying to Japan for
/// talks"), and either be the lead's own verb ("PARIS - Poland met the Paris
/// Club") or said to happen today near its trigger.
fn dateline_venue(
    cx: &SentenceContext<'_>,
    (ts, te): (usize, usize),
    verb: bool,
    (cs, ce): (usize, usize),
) -> Option<usize> {
    let dateline = cx.doc.dateline?;
    let (place, dateline_end) = (dateline.place, dateline.end);
    let text = cx.text;
    let clause = &text[cs..ce];
    let unknown_weekday = cx.doc_date.is_none() && dates::names_weekday(clause);
    if ts < dateline_end || dates::names_other_time(clause) || unknown_weekday {
        return None;
    }
    let elsewhere = cx.view.found.iter().any(|f| {
        f.start >= cs
            && f.end <= ce
            && matches!(cx.doc.entities[f.entity].kind, EntityKind::Place | EntityKind::State)
            && previous_word(text, f.start).is_some_and(|w| matches!(w.as_ref(), "in" | "at" | "to" | "for"))
    });
    if elsewhere {
        return None;
    }
    let words = &cx.syntax().words;
    let first = words
        .partition_point(|w| w.span.end <= ts)
        .saturating_sub(SAME_DAY_REACH_WORDS);
    let last = (words.partition_point(|w| w.span.start < te) + SAME_DAY_REACH_WORDS).min(words.len());
    let near = (first < last).then(|| &text[words[first].span.start.max(cs)..words[last - 1].span.end.min(ce)]);
    let today = near.is_some_and(dates::says_same_day);
    ((verb && is_lead(cx, dateline_end)) || today).then_some(place)
}

/// How many words may follow a dateline's place in a sentence of its own
/// ("PARIS, March 31 -"): its date, not the story.
const DATELINE_TAIL_WORDS: usize = 4;

/// Whether this sentence is the story's lead: the one holding the dateline,
/// or the next when the dateline stands alone (place, date and a dash).
fn is_lead(cx: &SentenceContext<'_>, dateline_end: usize) -> bool {
    let holds = |s: &crate::extract::sentences::Sentence| s.start <= dateline_end && dateline_end < s.end;
    if holds(cx.sentence()) {
        return true;
    }
    cx.si.checked_sub(1).map(|i| &cx.sentences[i]).is_some_and(|before| {
        holds(before) && cx.text[dateline_end..before.end].split_whitespace().count() <= DATELINE_TAIL_WORDS
    })
}

/// Whether a rule of `kind` matches in the clause up to a little after the
/// trigger. Gapped rules (left out of the one-pass set) are tried here.
fn cue(cx: &SentenceContext<'_>, kind: RuleKind, cs: usize, ce: usize, te: usize) -> bool {
    let window_end = cue_reach_end(cx, te, ce);
    let (start, end) = (cx.sentence().start, cx.sentence().end);
    // the window first: it is shorter than the sentence, and most cues are not in it
    cx.rules_of(kind)
        .any(|i| cx.is_match_in(i, cs, window_end) && cx.rule_matches(i))
        || cx
            .rules
            .gapped_rules
            .iter()
            .filter(|&&i| cx.kind(i) == kind)
            .any(|&i| cx.is_match_in(i, cs, window_end) && cx.is_match_in(i, start, end))
}

/// Where the words a status cue may stand in after the trigger at `te`
/// end: [`CUE_REACH_AFTER_TRIGGER`] words, a name with its titles counted
/// as one ("President Wanjiru Kamau", "Norwegian Prime Minister Lars Holm").
fn cue_reach_end(cx: &SentenceContext<'_>, te: usize, ce: usize) -> usize {
    let text = cx.text;
    let words: Vec<_> = cx
        .syntax()
        .words
        .iter()
        .filter(|w| w.span.start >= te && w.span.end <= ce)
        .collect();
    let capitalized = |w: &&crate::extract::clauses::Word| text[w.span.start..].starts_with(char::is_uppercase);
    let inside_name = |at: usize| cx.view.found.iter().any(|f| f.start < at && at < f.end);
    let mut counted = 0;
    let mut end = te.min(ce);
    for (i, w) in words.iter().enumerate() {
        let title_before_name = capitalized(w) && words.get(i + 1).is_some_and(capitalized);
        if !(title_before_name || inside_name(w.span.start)) {
            counted += 1;
            if counted > CUE_REACH_AFTER_TRIGGER {
                break;
            }
        }
        end = w.span.end;
    }
    end
}

/// Cancelled, proposed (also when a demand asks for it), planned (or
/// hypothetical), else held.
fn status(cx: &SentenceContext<'_>, cs: usize, ce: usize, te: usize, asked: bool) -> MeetingStatus {
    // "will top the agenda when he welcomes Chirac to a summit", "will visit
    // Tanzania before chairing a meeting": a clause of time takes its tense
    // from the clause it depends on
    let cs = if takes_tense_of_main_clause(&cx.text[cs..ce]) {
        cx.sentence().start
    } else {
        cs
    };
    let cue = |kind| cue(cx, kind, cs, ce, te);
    if cue(RuleKind::Status(MeetingStatus::Cancelled)) {
        MeetingStatus::Cancelled
    } else if cue(RuleKind::Status(MeetingStatus::Proposed)) || asked {
        MeetingStatus::Proposed
    } else if cue(RuleKind::Status(MeetingStatus::Planned)) || cue(RuleKind::Hypothetical) {
        MeetingStatus::Planned
    } else {
        MeetingStatus::Held
    }
}

/// Whether a clause has no tense of its own: it opens with a conjunction of
/// time whose clause is in the present for a future event ("when he
/// welcomes", "once the envoys arrive"), or with one before a gerund
/// ("before chairing a meeting", "after meeting the envoys").
fn takes_tense_of_main_clause(clause: &str) -> bool {
    let clause = clause.trim_start_matches(|c: char| !c.is_alphanumeric());
    let present_for_future = ["when ", "When ", "once ", "Once ", "as soon as ", "As soon as "]
        .iter()
        .any(|c| clause.starts_with(c));
    present_for_future || opens_with_gerund_of_time(clause)
}

/// Whether a clause is a conjunction (`clause_openers.txt`) and a gerund
/// ("before chairing a meeting", "after meeting the envoys"), whose subject
/// and tense are its main clause's.
fn opens_with_gerund_of_time(clause: &str) -> bool {
    let mut words = clause
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace();
    words
        .next()
        .is_some_and(|w| word_lists().clause_openers.contains(&w.to_lowercase()))
        && words.next().is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
}

/// Who meets: for a meeting a demand asks for, the people named in the
/// demand (else the demander); otherwise every agent of the clause, and the
/// person a "he"/"she" before the trigger stands for. A minister's meeting is
/// also a meeting of the state they represent.
fn participants(
    cx: &SentenceContext<'_>,
    asked: Option<&Demanded>,
    status: MeetingStatus,
    cs: usize,
    ce: usize,
    ts: usize,
) -> BTreeSet<usize> {
    let doc = cx.doc;
    let mut participants: BTreeSet<usize> = BTreeSet::new();
    match asked {
        Some(d) if status == MeetingStatus::Proposed => {
            participants.extend(
                cx.view
                    .agents()
                    .iter()
                    .filter(|f| {
                        f.start >= d.start && f.end <= d.end && doc.entities[f.entity].kind == EntityKind::Person
                    })
                    .map(|f| f.entity),
            );
            // "wrote to the Taoiseach to request a meeting", "asked Norway for talks": the
            // meeting asked for is between who asks and whom, and whoever the talks are "with";
            // only where the meeting is what is asked for, a few words after whom it is asked
            // of ("urged China to begin peace talks"), not an errand on the way ("urged China
            // to exert its influence over North Korea to resume talks")
            let asked_of_end = super::demand::addressee_end(cx, &d.of, (d.start, ts)).unwrap_or(d.start);
            let asked_for_directly =
                cx.text[asked_of_end.min(ts)..ts].split_whitespace().count() <= MEETING_ASKED_GAP_WORDS;
            if participants.is_empty() {
                participants.extend(d.by.iter().copied());
            }
            if participants.is_empty() || asked_for_directly {
                participants.extend(d.of.iter().copied());
                participants.extend(
                    cx.view
                        .agents()
                        .iter()
                        .filter(|f| f.start >= d.start && f.end <= d.end)
                        .filter(|f| previous_word(cx.text, f.start).as_deref() == Some("with"))
                        .map(|f| f.entity),
                );
            }
        }
        _ => {
            participants.extend(
                cx.view
                    .agents()
                    .iter()
                    .filter(|f| f.start >= cs && f.end <= ce && !aimed_at(cx.text, f.start))
                    .filter(|f| !only_where_from(cx, f) && !someone_close_to(cx, f))
                    // "talks in Zurich, according to the Reuters news agency": a medium reports
                    .filter(|f| !cx.doc.news_media.contains(&f.entity))
                    .map(|f| f.entity),
            );
            if let Some(p) = pronoun_in(cx.text, cs, ts).and_then(|pronoun| cx.pronoun(pronoun, ts)) {
                participants.insert(p);
            }
            if opens_with_gerund_of_time(&cx.text[cs..ce]) {
                participants.extend(cx.main_clause_subject(cs, false));
            }
        }
    }
    participants.extend(cx.states_represented(&participants));
    participants
}

/// How many words may stand between whom a meeting is asked of and the
/// meeting: "asked Japan | to begin | negotiations", "urged China | to begin
/// peace | talks".
const MEETING_ASKED_GAP_WORDS: usize = 3;

/// Where those who meet may be named up to: the end of a relative clause
/// that holds the trigger ("Jack Straw, who will hold talks in Beijing on
/// Thursday, said an EU arms code ...": the EU does not meet), and before
/// what the meeting is to discuss ("will meet Li Zhaoxing to discuss Hong
/// Kong and the talks on North Korea": topics, not participants).
fn participants_end(text: &str, cs: usize, (ts, te): (usize, usize), ce: usize) -> usize {
    let mut end = ce;
    if let Some(who) = text[cs..ts].rfind(", who ").map(|i| cs + i) {
        if !text[who + 1..ts].contains(',') {
            end = text[te..ce].find(',').map_or(ce, |i| te + i);
        }
    }
    let after = &text[te..end];
    word_lists()
        .topic_openers
        .iter()
        .filter_map(|opener| after.find(opener.as_str()))
        .min()
        .map_or(end, |i| te + i)
}

/// Whether the mention at `at` is where something moves to, not who takes
/// part: "immigration into the EU", "a step towards Turkey". ("about" and
/// "against" were tried: "six-party talks about North Korea" and "a match
/// against Sweden" name those who take part.)
fn aimed_at(text: &str, at: usize) -> bool {
    let word = previous_word(text, at);
    let word = match word.as_deref() {
        Some("the") => previous_word(text, text[..at].trim_end().len() - 3),
        _ => word,
    };
    matches!(word.as_deref(), Some("into" | "toward" | "towards"))
}

/// Whether the state mentioned at `f` is only where the people met come
/// from: "met with refugees from Colombia, Iraq and Rwanda", "investors
/// from Japan"; not "officials from Kenya" or "a delegation from Chile",
/// who act for it (`actor_nouns.tsv`, `member_nouns.txt`). The states of a
/// list after "from" share its noun.
fn only_where_from(cx: &SentenceContext<'_>, f: &Found) -> bool {
    if cx.doc.entities[f.entity].kind != EntityKind::State {
        return false;
    }
    let text = cx.text;
    // back over the list's other names, commas, "and" and "the" to "from"
    let before = &text[cx.sentence().start..f.start];
    let Some(from) = before.rfind(" from ") else {
        return false;
    };
    let list = &before[from + " from ".len()..];
    let in_list = cx
        .view
        .found
        .iter()
        .filter(|g| g.start >= from && g.end <= f.start)
        .fold(list.to_string(), |rest, g| rest.replace(&text[g.start..g.end], ""));
    let only_joins = in_list
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .all(|w| w.is_empty() || matches!(w, "and" | "the" | "former") || w.chars().all(char::is_uppercase));
    let noun = previous_word(text, cx.sentence().start + from).unwrap_or_default();
    only_joins && !cx.rules.acting_nouns.contains(noun.as_ref())
}

/// Whether the person mentioned at `f` only tells whose relative or aide
/// takes part: "Mr. Annan's wife Nane visited" (`entourage_nouns.txt`).
fn someone_close_to(cx: &SentenceContext<'_>, f: &Found) -> bool {
    if !f.possessive || cx.doc.entities[f.entity].kind != EntityKind::Person {
        return false;
    }
    let after = cx.text[f.end..]
        .trim_start_matches(['\'', '\u{2019}', 's'])
        .trim_start();
    let noun: String = after.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
    word_lists().entourage_nouns.contains(&noun.to_lowercase())
}

/// Hosts and mediators: "hosted by Turkey", "Qatar will host", "talks mediated by Egypt".
fn hosts_and_mediators(cx: &SentenceContext<'_>, cs: usize, ce: usize) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let (mut hosts, mut mediators) = (BTreeSet::new(), BTreeSet::new());
    if !may_name_a_role(&cx.text[cs..ce]) {
        return (hosts, mediators);
    }
    for m in role_regex().captures_iter(&cx.text[cs..ce]) {
        let whole = m.get(0).expect("group 0");
        let (rs, re) = (cs + whole.start(), cs + whole.end());
        let is_host = m.name("host").is_some() || m.name("host_by").is_some();
        let agents: Vec<usize> = if m.name("host_by").is_some() || m.name("mediator_by").is_some() {
            object(&cx.view, re).iter().map(|f| f.entity).collect()
        } else {
            subject(&cx.view, cx.doc, rs).iter().map(|f| f.entity).collect()
        };
        if is_host {
            hosts.extend(agents)
        } else {
            mediators.extend(agents)
        }
    }
    (hosts, mediators)
}

/// Whether `clause` may hold a phrase of [`role_regex`]: each has one of
/// the stems "host", "mediat", "broker", "facilitat" or "auspices", in any
/// case. Most clauses have none, and a byte scan answers for them in a
/// tenth of the regex's search. Only the long s and the Kelvin sign fold
/// to ASCII letters (see `starts.rs`): a clause with either is searched.
fn may_name_a_role(clause: &str) -> bool {
    let bytes = clause.as_bytes();
    let has = |at: usize, stem: &[u8]| {
        bytes
            .get(at..at + stem.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(stem))
    };
    (!clause.is_ascii() && clause.contains(['\u{17F}', '\u{212A}']))
        || (0..bytes.len()).any(|at| match bytes[at] | 0x20 {
            b'h' => has(at, b"host"),
            b'm' => has(at, b"mediat"),
            b'b' => has(at, b"broker"),
            b'f' => has(at, b"facilitat"),
            b'a' => has(at, b"auspices"),
            _ => false,
        })
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

#[cfg(test)]
mod tests {
    use super::{may_name_a_role, role_regex};

    #[test]
    fn a_clause_the_role_phrases_match_passes_the_byte_scan() {
        for clause in [
            "talks hosted by Turkey",
            "Qatar will HOST the talks",
            "talks Mediated by Egypt",
            "a deal brokered by Norway",
            "under the auspices of the UN",
            "a meeting Facilitated  by Oman",
            "talks ho\u{17F}ted by Turkey",
            "a deal bro\u{212A}ered by Norway",
        ] {
            assert!(role_regex().is_match(clause), "{clause:?}");
            assert!(may_name_a_role(clause), "{clause:?}");
        }
        for clause in ["the ministers met in Geneva", "hos ted", "", "h"] {
            assert!(!may_name_a_role(clause), "{clause:?}");
        }
    }
}
