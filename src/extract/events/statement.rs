//! Statements: "X said", "said X", "he told reporters", "according to X",
//! with the quote or the reported clause as what was said.

use crate::extract::model::{AgentRole, Event, EventClass, Evidence, Topic};
use crate::extract::sentences::Sentence;

use super::syntax::{coordination_after, previous_word, subject, PREPOSITIONS};
use super::{EventRules, RuleKind, SentenceContext};

/// Reads the sentence's statement, if any, and returns its speaker (a "we"
/// in the same sentence is the speaker's side).
pub(super) fn read(cx: &SentenceContext<'_>, events: &mut Vec<Event>) -> Option<usize> {
    for (ts, te, rule) in cx.triggers(EventClass::Statement) {
        let Some((speaker, frame_start)) = speaker_and_frame(cx, ts, te) else {
            continue;
        };
        let Some(quote) = what_was_said(cx, frame_start, te) else {
            continue;
        };
        let mut event = cx.event(EventClass::Statement, rule);
        event.add_agents(AgentRole::Speaker, [speaker]);
        event.text = quote;
        events.push(event);
        return Some(speaker);
    }
    None
}

/// The speaker of the speech verb at `ts..te` and where the reporting frame
/// starts ("Thai officials | said on Monday"): the speaker's mention when it
/// comes first, else the verb. "According to X" names its speaker after it.
fn speaker_and_frame(cx: &SentenceContext<'_>, ts: usize, te: usize) -> Option<(usize, usize)> {
    let text = cx.text;
    if text[ts..te].eq_ignore_ascii_case("according to") {
        let after = coordination_after(&cx.view, te, cx.sentence().end);
        return after.first().map(|f| (f.entity, ts));
    }
    if let Some(f) = subject(&cx.view, cx.doc, ts).first() {
        let between = &text[f.end..ts];
        if !between.contains(['\u{201C}', '\u{201D}', '"'])
            && between.len() < MAX_FRAME_GAP
            && opens_its_segment(between)
        {
            return Some((f.entity, f.start));
        }
    }
    let verb = text[ts..te].to_lowercase();
    // "said Foreign Minister X": the speaker after the verb (not after "told",
    // whose object is the listener)
    if !verb.starts_with("told") && !verb.starts_with("tell") {
        // only where the frame is inverted ("..., said X") or closes the
        // sentence: in "said X had agreed", X is who the words are about
        let inverted = text[cx.sentence().start..ts]
            .trim_end()
            .ends_with([',', '"', '\u{201D}']);
        let after = coordination_after(&cx.view, te, cx.sentence().end);
        if let Some(f) = after.first().filter(|f| title_only(&text[te..f.start])) {
            let rest = text[f.end..cx.sentence().end].trim_start();
            if inverted || rest.is_empty() || rest.starts_with([',', '.', ';']) {
                return Some((f.entity, ts));
            }
        }
    }
    match previous_word(text, ts).as_deref() {
        Some("he" | "she") => {
            // the frame starts at the pronoun
            let before = text[..ts].trim_end();
            let at = before
                .char_indices()
                .rfind(|&(_, c)| !c.is_alphanumeric())
                .map_or(0, |(i, c)| i + c.len_utf8())
                .max(cx.sentence().start);
            cx.pronoun(ts).map(|p| (p, at))
        }
        _ => None,
    }
}

/// How far before its verb a speaker may be named, in bytes: "X, who led
/// the delegation to the talks in Geneva last year, said".
const MAX_FRAME_GAP: usize = 160;

/// Whether the words between a speech verb and a name after it are a title
/// at most: "said | Foreign Minister | X", "said | the Kenyan envoy, | X".
fn title_only(gap: &str) -> bool {
    let gap = gap.trim();
    gap.is_empty() || (gap.split_whitespace().count() <= 4 && !gap.contains([';', '"', '\u{201C}', '\u{201D}']))
}

/// Whether a subject separated from its verb by a comma stands right before
/// that comma: "Kamau, the foreign minister, said", "X, who ..., said" (an
/// apposition or a relative clause) but not "Kenya reopened the border, the
/// ministry said", where Kenya belongs to what was said.
fn opens_its_segment(between: &str) -> bool {
    !between.contains(',') || between.trim_start().starts_with(',') || between.trim_start().starts_with("'s,")
}

/// What was said, never the reporting frame around it: the quotation, else
/// the clause before a frame that follows a comma ("Kenya reopened the
/// border, the ministry said"), else the clause after the verb ("said that
/// ..."), without the frame's own adverbials ("said on Monday, in the
/// first contact in years" says nothing). None when the sentence says
/// nothing but who spoke.
fn what_was_said(cx: &SentenceContext<'_>, frame_start: usize, te: usize) -> Option<String> {
    let (text, body, s) = (cx.text, cx.body(), cx.sentence());
    // the end of a quote opened in an earlier sentence: what comes before its
    // close, when that close comes before the speech verb (in `He said: "We
    // ...` the odd quote mark opens a quotation, it closes none)
    if closes_open_quote(body) {
        if let Some(i) = body.find(['\u{201D}', '"']).filter(|&i| s.start + i < frame_start) {
            return Some(body[..i].trim().to_string()).filter(|q| !q.is_empty());
        }
    }
    // the speaker's name may begin in the sentence before (a headline run
    // into its lead: "... El Paso\nNatural Gas Co said"): nothing precedes it here
    let before = text[s.start..frame_start.max(s.start)].trim_end();
    let content_before = before
        .strip_suffix(',')
        .map(|b| {
            b.trim()
                .trim_matches(['"', '\u{201C}', '\u{201D}', ' '])
                .trim_end_matches(',')
                .to_string()
        })
        .filter(|b| b.split_whitespace().count() >= 3 && !starts_adverbial(b));
    let after = reported_clause(&text[te..s.end]);
    // "traders it says have been held": the verb sits in a reduced relative
    // clause, and what follows it lacks its subject; it reports no statement
    if starts_with_auxiliary(cx, &after) && quote_text(body).is_none() {
        return None;
    }
    let after_says_something = !starts_adverbial(&after);
    if let Some(q) = quote_text(body) {
        // a word or two in quotes inside reported speech is a scare quote
        if q.split_whitespace().count() > 3 || (content_before.is_none() && after.split_whitespace().count() < 4) {
            return Some(q);
        }
    }
    // "S1, X said, S2" joins both; "X said S" is S, even after a title set
    // before the name ("Eritrea's foreign minister, Yonas Tekle, said S")
    let parenthetical = text[te..s.end].trim_start().starts_with(',');
    let quote = match (content_before, after_says_something && !after.is_empty()) {
        (Some(b), true) if parenthetical => format!("{b} {after}"),
        (_, true) => after,
        (Some(b), false) => b,
        (None, false) => return None,
    };
    Some(quote).filter(|q| !q.trim().is_empty())
}

/// Whether reported words open with an auxiliary ("have been held"), so
/// their subject stands before the speech verb.
fn starts_with_auxiliary(cx: &SentenceContext<'_>, after: &str) -> bool {
    use crate::extract::clauses::WordClass::*;
    let first = after.split_whitespace().next().unwrap_or("");
    matches!(
        cx.rules.function_words.class(first),
        Some(Be | Have | Future | Conditional | Obligation | Do)
    )
}

/// Whether reported words are only the frame's adverbials: a time, a place,
/// a manner ("on Monday", "in a statement", "yesterday", "later").
fn starts_adverbial(after: &str) -> bool {
    let first = after.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    PREPOSITIONS.contains(&first)
        || matches!(
            first,
            "" | "yesterday" | "today" | "later" | "earlier" | "also" | "again"
        )
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
        for s in &sentences[first..si] {
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
    // `said: "We ...`: a colon and an opening quote mark lead into what was said
    let rest = rest.trim_start_matches([',', ' ', ':', '"', '\u{201C}', '\n']);
    // "told reporters that ...", "told AFP that ...": the listener is not what was said
    let head: Vec<&str> = rest.split_whitespace().take(5).collect();
    let rest = match head.iter().position(|w| *w == "that") {
        Some(_) => rest.split_once(" that ").map_or(rest, |(_, r)| r),
        None => rest,
    };
    let rest = rest.strip_prefix("that ").unwrap_or(rest);
    rest.trim_end_matches(['.', ' ']).to_string()
}
