//! Statements: "X said", "said X", "he told reporters", "according to X",
//! with the quote or the reported clause as what was said.

use crate::extract::clauses::{Word, WordClass};
use crate::extract::model::{AgentRole, Event, EventClass, Evidence, Topic};
use crate::extract::sentences::Sentence;

use super::syntax::{coordination_after, previous_word, pronoun_referent_except, subject, PREPOSITIONS};
use super::{EventRules, RuleKind, SentenceContext};

/// Reads the sentence's statement, if any, and returns its speaker (a "we"
/// in the same sentence is the speaker's side).
pub(super) fn read(cx: &SentenceContext<'_>, events: &mut Vec<Event>) -> Option<usize> {
    for (ts, te, rule) in cx.triggers(EventClass::Statement) {
        // "did not say", "was told", "is said to": nobody is reported saying anything
        // (the clause layer is read only when a function word stands right
        // before the verb: most frames are "X said")
        let aux_before = previous_word(cx.text, ts).is_some_and(|w| cx.rules.function_words.class(&w).is_some());
        if aux_before {
            let verb_frame = cx.syntax().frame(ts);
            if verb_frame.negated || verb_frame.passive {
                continue;
            }
        }
        let Some(mut frame) = speaker_and_frame(cx, ts, te) else {
            continue;
        };
        // a speaker named in the sentence before (a headline run into its
        // lead): the frame starts with this sentence
        frame.start = frame.start.max(cx.sentence().start);
        // "X denied Y said ...": a statement denied is not one made
        if denied(cx.text, cx.sentence().start, frame.start) {
            continue;
        }
        let Some(quote) = what_was_said(cx, &frame, ts, te) else {
            continue;
        };
        let mut event = cx.event(EventClass::Statement, rule);
        event.add_agents(AgentRole::Speaker, frame.speakers.iter().copied());
        event.text = quote;
        events.push(event);
        return frame.speakers.first().copied();
    }
    None
}

/// Who spoke, and where the reporting frame around the speech verb lies.
struct Frame {
    /// The speaker, or the speakers of a coordination ("Kenya and Norway said").
    speakers: Vec<usize>,
    /// Where the frame starts: the speaker's mention when it comes first, else the verb.
    start: usize,
    /// Where the frame ends: the verb, or the speaker named after it ("..., said X").
    end: usize,
    /// Whether the speaker is named after the verb: then what follows the
    /// verb is the speaker ("said Naim Kamau, a retired general"), never what was said.
    speaker_after: bool,
}

/// The speaker of the speech verb at `ts..te` and where the reporting frame
/// starts ("Thai officials | said on Monday"): the speaker's mention when it
/// comes first, else the verb. "According to X" names its speaker after it,
/// and so does an inverted frame ("..., said X").
fn speaker_and_frame(cx: &SentenceContext<'_>, ts: usize, te: usize) -> Option<Frame> {
    let (text, s) = (cx.text, cx.sentence());
    let verb = text[ts..te].to_lowercase();
    if verb == "according to" {
        let after = coordination_after(&cx.view, te, s.end);
        let last = after.last()?;
        return Some(Frame {
            speakers: dedup(after.iter().map(|f| f.entity)),
            start: ts,
            end: last.end,
            speaker_after: true,
        });
    }
    // "said Foreign Minister X": the speaker after the verb, but not after
    // "told", whose object is the listener; only where the frame is inverted
    // ("..., said X") or closes the sentence: in "said X had agreed", X is
    // who the words are about
    // "I wrote", "we said": the pronoun speaks, not a name after the verb
    let pronoun_subject = matches!(previous_word(text, ts).as_deref(), Some("i" | "we" | "you"));
    let named_after = |inverted: bool| -> Option<Frame> {
        if verb.starts_with("told") || verb.starts_with("tell") || pronoun_subject {
            return None;
        }
        let after = coordination_after(&cx.view, te, s.end);
        after.first().filter(|f| title_only(&text[te..f.start]))?;
        let last = after.last()?;
        let rest = text[last.end..s.end].trim_start();
        // "said a Home Office spokesman.": a role noun or two may follow the name
        let role: usize = rest
            .split_whitespace()
            .take(2)
            .take_while(|w| w.starts_with(|c: char| c.is_lowercase()))
            .map(|w| w.len() + 1)
            .sum();
        let closes = |r: &str| r.is_empty() || r.starts_with([',', '.', ';', '(']);
        // "said Hannah Kamau of the Refugee Council": her body, after the name
        let affiliation = inverted && (rest.starts_with("of ") || rest.starts_with("from "));
        let after_role = rest.get(role.min(rest.len())..).unwrap_or("").trim_start();
        let role_only = role > 0 && closes(after_role) && !rest[..role.min(rest.len())].contains(['"', '\u{201C}']);
        (closes(rest) || affiliation || inverted && (role_only || frame_adverbial(rest))).then(|| Frame {
            speakers: dedup(after.iter().map(|f| f.entity)),
            start: ts,
            end: last.end,
            speaker_after: true,
        })
    };
    let inverted = text[s.start..ts]
        .trim_end()
        .ends_with([',', '"', '\u{201D}', '\'', '\u{2019}']);
    if inverted {
        if let Some(frame) = named_after(true) {
            return Some(frame);
        }
    }
    // "he said", "..., she told": the pronoun right before the verb is its
    // subject; so is a pronoun opening the sentence when the verb is
    // coordinated with an earlier one ("He welcomed the plan and said")
    let coordinated = after_coordinator(cx, ts);
    let opening_pronoun = coordinated
        && cx
            .syntax()
            .words
            .first()
            .is_some_and(|w| matches!(text[w.span.start..w.span.end].to_lowercase().as_str(), "he" | "she"));
    if opening_pronoun || matches!(previous_word(text, ts).as_deref(), Some("he" | "she")) {
        // the frame starts at the pronoun
        let before = text[..ts].trim_end();
        let at = before
            .char_indices()
            .rfind(|&(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8())
            .max(s.start);
        let at = if opening_pronoun { s.start } else { at };
        // "He told Ms Sturgeon": the pronoun is not the listener named after the verb
        let listener_end = after_listener(cx, &verb, te);
        let listeners: Vec<usize> = cx
            .view
            .found
            .iter()
            .filter(|f| f.start >= te && f.end <= listener_end)
            .map(|f| f.entity)
            .collect();
        return pronoun_referent_except(cx.doc, cx.sentences, cx.si, ts, &listeners).map(|p| Frame {
            speakers: vec![p],
            start: at,
            end: te,
            speaker_after: false,
        });
    }
    let subjects = subject(&cx.view, cx.doc, ts);
    if let Some(f) = subjects.first() {
        let between = &text[f.end..ts];
        let same_clause =
            !may_cross_clauses(cx, between) || cx.syntax().clause_index(f.start) == cx.syntax().clause_index(ts);
        let quoted = between.contains(['\u{201C}', '\u{201D}', '"']);
        // "Kenya denied the report and said": the subject of the first verb
        let accepted = if coordinated {
            !quoted && coordinated_verb(cx, (f.start, f.end), ts)
        } else {
            !quoted && same_clause && opens_its_segment(between) || set_off(cx, between)
        };
        if between.len() < MAX_FRAME_GAP && accepted {
            // "Kenya and Norway said": every subject joined by "and"
            let mut speakers = vec![f.entity];
            let mut first = *f;
            for g in &subjects[1..] {
                if !text[g.end..first.start]
                    .split_whitespace()
                    .any(|w| w == "and" || w == "&")
                {
                    break;
                }
                speakers.push(g.entity);
                first = g;
            }
            return Some(Frame {
                speakers: dedup(speakers.into_iter()),
                start: first.start,
                end: te,
                speaker_after: false,
            });
        }
    }
    if let Some(frame) = named_after(false) {
        return Some(frame);
    }
    None
}

/// Ids in their first order, each once.
fn dedup(ids: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
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
/// that comma: "Kamau, the foreign minister, said", "X, who ..., said",
/// "Kamau, executive partner of a law firm said" (an apposition or a
/// relative clause) but not "Kenya reopened the border, the ministry said",
/// where Kenya belongs to what was said.
fn opens_its_segment(between: &str) -> bool {
    !between.contains(',') || between.trim_start().starts_with(',') || between.trim_start().starts_with("'s,")
}

/// Whether the words between a subject and its verb are set off from both:
/// an apposition or a relative clause between commas, dashes or brackets,
/// perhaps with the verb's auxiliaries and adverbs after it ("Kamau, who led
/// the talks in May, said", "Kamau - a former envoy - said", "The envoy,
/// Kamau, also said", "Kamau, the envoy, had said"), or a relative clause
/// that opens after the name ("Kamau, who presents the show tells").
fn set_off(cx: &SentenceContext<'_>, between: &str) -> bool {
    let between = between.trim();
    let opens = between.starts_with([',', '(', '-', '\u{2013}', '\u{2014}']);
    let relative = [", who ", ", which "]
        .iter()
        .any(|r| between.starts_with(r.trim_end()) && between.len() > r.len());
    // the verb's own auxiliaries and adverbs: "..., also said", "..., had said"
    let mut closing = between;
    while let Some((head, word)) = closing.rsplit_once(char::is_whitespace) {
        if cx.rules.function_words.class(word).is_some_and(|c| {
            matches!(
                c,
                WordClass::Adverb | WordClass::Have | WordClass::Do | WordClass::Future
            )
        }) {
            closing = head.trim_end();
        } else {
            break;
        }
    }
    let closes = closing.len() > 1 && closing.ends_with([',', ')', '-', '\u{2013}', '\u{2014}']);
    opens && (closes || relative && !between.contains(['(', ')']))
}

/// Whether "and" or "but" stands right before the verb at `ts`, adverbs aside.
fn after_coordinator(cx: &SentenceContext<'_>, ts: usize) -> bool {
    let mut at = ts;
    while let Some(word) = previous_word(cx.text, at) {
        match word.as_str() {
            "and" | "but" => return true,
            w if cx.rules.function_words.class(w) == Some(WordClass::Adverb) => {
                at = cx.text[..at].trim_end().len() - word.len();
            }
            _ => return false,
        }
    }
    false
}

/// Whether the words between a subject and its verb may hold a clause
/// boundary (a subordinator, a contrast, a semicolon or a dash): only then
/// is the clause layer asked.
fn may_cross_clauses(cx: &SentenceContext<'_>, between: &str) -> bool {
    between.contains([';', '-', '\u{2013}', '\u{2014}'])
        || between.split_whitespace().any(|w| {
            matches!(
                cx.rules
                    .function_words
                    .class(w.trim_matches(|c: char| !c.is_alphanumeric())),
                Some(WordClass::Subordinator | WordClass::Contrast)
            )
        })
}

/// Whether the verb at `ts` is coordinated with an earlier verb of the
/// subject that ends at `subject_end`: "Kamau welcomed the move but added",
/// "the ministry denied the report and said". "and" or "but" stands right
/// before the verb (adverbs aside), and no other clause boundary between.
fn coordinated_verb(cx: &SentenceContext<'_>, subject: (usize, usize), ts: usize) -> bool {
    let (subject_start, subject_end) = subject;
    let syntax = cx.syntax();
    let words = &syntax.words;
    // the subject opens its clause ("In May, the ministry denied ... and said"),
    // not the object of the first verb ("He dispelled the idea that Kenya was
    // isolated and said")
    let clause = syntax.clause_span(subject_start);
    let leading: Vec<String> = words
        .iter()
        .filter(|w| w.span.start >= clause.start && w.span.end <= subject_start)
        .map(|w| cx.text[w.span.start..w.span.end].to_lowercase())
        .collect();
    if leading.len() > 5
        || leading
            .iter()
            .any(|w| w == "that" || SUBJECT_PRONOUNS.contains(&w.as_str()))
    {
        return false;
    }
    let i = words.partition_point(|w| w.span.start < ts);
    let Some(before) = words[..i].iter().rev().find(|w| w.class != Some(WordClass::Adverb)) else {
        return false;
    };
    let lower = cx.text[before.span.start..before.span.end].to_lowercase();
    if !matches!(lower.as_str(), "and" | "but") || before.span.start < subject_end {
        return false;
    }
    // only one step back: the clause of the coordinator's left side holds the subject
    let boundaries = syntax.clause_index(before.span.start) - syntax.clause_index(subject_end.saturating_sub(1));
    boundaries <= 1 && !cx.text[subject_end..ts].contains(['"', '\u{201C}', '\u{201D}', ';'])
}

/// Words before a speaker that deny the statement: "Mr Kamau denied Ms Otieno
/// said ...", "denies that the minister told".
const DENIALS: &[&str] = &["denied", "denies", "deny", "denying", "disputed", "disputes", "dispute"];

/// Whether the speaker whose frame starts at `frame_start` is the object of a denial.
fn denied(text: &str, sentence_start: usize, frame_start: usize) -> bool {
    // up to four words back, within the clause: "denied that Senator Kamau said"
    let before = &text[sentence_start..frame_start.max(sentence_start)];
    let clause = before
        .rsplit([',', ';', ':', '"', '\u{201C}', '\u{201D}'])
        .next()
        .unwrap_or("");
    clause
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| DENIALS.contains(&w.to_lowercase().as_str()))
}

/// What was said, never the reporting frame around it: the quotation that
/// the frame introduces or closes, else the clause before a frame that
/// follows a comma ("Kenya reopened the border, the ministry said"), else
/// the clause after the verb ("said that ..."), without the frame's own
/// parts: its listener ("told reporters"), its adverbials ("said on Monday",
/// "in a statement") and the narration that follows the reported clause
/// ("..., and called for talks"). None when the sentence says nothing but
/// who spoke.
fn what_was_said(cx: &SentenceContext<'_>, frame: &Frame, ts: usize, te: usize) -> Option<String> {
    let (text, body, s) = (cx.text, cx.body(), cx.sentence());
    // the end of a quote opened in an earlier sentence: what comes before its
    // close, when that close comes before the speech verb (in `He said: "We
    // ...` the odd quote mark opens a quotation, it closes none)
    if closes_open_quote(body) {
        if let Some(i) = body.find(['\u{201D}', '"']).filter(|&i| s.start + i < frame.start) {
            return Some(body[..i].trim().to_string()).filter(|q| !q.is_empty());
        }
    }
    let content_before = clause_before(cx, frame.start);
    let verb = text[ts..te].to_lowercase();
    // `Kamau said:` closing its sentence: what was said is the quotation that
    // opens the next one (a new paragraph)
    if text[te.max(frame.end)..s.end].trim() == ":" {
        return quotation_after(cx);
    }
    // where the frame ends: after the verb, its listener ("told Ms Kamau:")
    let listener_end = if frame.speaker_after {
        frame.end
    } else {
        after_listener(cx, &text[ts..te].to_lowercase(), te)
    };
    if let Some(q) = direct_quote(text, s, frame.start, listener_end.max(frame.end)) {
        return Some(q);
    }
    if frame.speaker_after {
        // "According to X, S": what follows the speaker, when nothing precedes
        // the frame; "S, said X, a retired general": never what follows X
        return content_before.or_else(|| {
            let rest = text[frame.end..s.end].trim_start();
            let mut rest = rest.strip_prefix(',')?.trim();
            // "According to X, founder of a firm, S": an apposition of the speaker first
            if let Some((apposition, after)) = rest.split_once(", ") {
                let words: Vec<&str> = apposition.split_whitespace().collect();
                let describes = words.len() <= 8
                    && words.iter().all(|w| {
                        !matches!(
                            cx.rules.function_words.class(w),
                            Some(
                                WordClass::Be
                                    | WordClass::Have
                                    | WordClass::Future
                                    | WordClass::Conditional
                                    | WordClass::Obligation
                                    | WordClass::Do
                                    | WordClass::Negation
                                    | WordClass::Subordinator
                                    | WordClass::Condition
                                    | WordClass::Relative
                            )
                        )
                    })
                    && !words
                        .iter()
                        .any(|w| SUBJECT_PRONOUNS.contains(&w.to_lowercase().as_str()));
                if describes && after.split_whitespace().count() >= 3 {
                    rest = after;
                }
            }
            let rest = rest.trim_end_matches(['.', ' ']);
            (rest.split_whitespace().count() >= 3).then(|| rest.to_string())
        });
    }
    // "S1, X said, S2" joins both; "X said S" is S, even after a title set
    // before the name ("Eritrea's foreign minister, Yonas Tekle, said S")
    let parenthetical = text[te..s.end].trim_start().starts_with(',');
    // "The Tories, he said, can cut taxes": the frame splits one clause
    let opening = text[s.start..frame.start].trim_end();
    let split_clause = parenthetical && opening.ends_with(',') && opening.split_whitespace().count() < 4;
    // "traders it says have been held": the verb sits in a reduced relative
    // clause, and what follows it lacks its subject; it reports no statement
    if starts_with_auxiliary(cx, te) && !split_clause {
        return None;
    }
    let after = reported_clause(cx, listener_end)
        .filter(|&(a, _)| !opens_relative(cx, a))
        .map(|(a, b)| (clean(&text[a..b]), has_auxiliary(cx, a, b)))
        .filter(|(a, aux)| !a.is_empty() && (!starts_adverbial(a) || *aux || split_clause || warns_of(&verb, a)))
        .map(|(a, _)| a);
    let content_before = if split_clause {
        Some(clean(&text[s.start..frame.start])).filter(|b| !b.is_empty())
    } else {
        content_before
    };
    let quote = match (content_before, after) {
        (Some(b), Some(a)) if parenthetical => format!("{b} {a}"),
        (_, Some(a)) => a,
        (Some(b), None) => b,
        (None, None) => return None,
    };
    Some(quote).filter(|q| !q.trim().is_empty())
}

/// The quotation that opens the sentence after this one, up to its close
/// or the end of that sentence: what a `said:` at the end of a paragraph
/// introduces.
fn quotation_after(cx: &SentenceContext<'_>) -> Option<String> {
    let next = cx.sentences.get(cx.si + 1)?;
    let body = cx.text[next.start..next.end].trim_start();
    let rest = body.strip_prefix(['"', '\u{201C}'])?;
    let end = rest.find(['"', '\u{201D}']).unwrap_or(rest.len());
    Some(clean(&rest[..end])).filter(|q| !q.is_empty())
}

/// Whether reported words are what a warning is about: "warned of further
/// strikes", "warned Kenyan officials against visiting the island".
fn warns_of(verb: &str, said: &str) -> bool {
    verb.starts_with("warn") && ["of ", "against ", "about "].iter().any(|p| said.starts_with(p))
}

/// The spaces and punctuation around reported words trimmed, and a quote
/// mark at either end only where it has no partner inside: `"We came," he`
/// keeps none, `the plan was "regressive"` keeps both.
fn clean(s: &str) -> String {
    let mut t = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';'));
    loop {
        let before = t.len();
        let straight_odd = t.matches('"').count() % 2 == 1;
        let opens = t.matches('\u{201C}').count();
        let closes = t.matches('\u{201D}').count();
        if (straight_odd && t.starts_with('"')) || (opens > closes && t.starts_with('\u{201C}')) {
            t = &t[t.chars().next().map_or(0, char::len_utf8)..];
        } else if (straight_odd && t.ends_with('"')) || (closes > opens && t.ends_with('\u{201D}')) {
            t = &t[..t.len() - t.chars().next_back().map_or(0, char::len_utf8)];
        } else if t.starts_with(['"', '\u{201C}']) && t.ends_with(['"', '\u{201D}']) && t.len() > 2 && {
            // one quotation from end to end: its marks are the frame's
            let inner = &t[1..t.len() - 1];
            !inner.contains(['"', '\u{201C}', '\u{201D}'])
        } {
            t = t
                .trim_start_matches(['"', '\u{201C}'])
                .trim_end_matches(['"', '\u{201D}']);
        }
        t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '.'));
        if t.len() == before {
            break;
        }
    }
    t.to_string()
}

/// The clause a final or parenthetical frame reports, before it: "Kenya
/// reopened the border, | the ministry said", "..., | Prof Kamau said" (a
/// title before the name is the frame's). None when no comma closes it or it
/// is too short or only an adverbial ("On Monday, the minister said").
fn clause_before(cx: &SentenceContext<'_>, frame_start: usize) -> Option<String> {
    let (text, s) = (cx.text, cx.sentence());
    // the speaker's name may begin in the sentence before (a headline run
    // into its lead: "... El Paso\nNatural Gas Co said"): nothing precedes it here
    let before = text[s.start..frame_start.max(s.start)].trim_end();
    // `"We came," he said`: the comma may stand inside the quote marks
    let unquoted = before.trim_end_matches(['"', '\u{201D}', '\'', '\u{2019}']);
    let before = unquoted.strip_suffix(',').or_else(|| {
        // "..., Prof Kamau said": a few capitalized or title words between the comma and the name
        let (head, title) = before.rsplit_once(',')?;
        let title = title.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\u{201D}' | '\''));
        let words: Vec<&str> = title.split_whitespace().collect();
        let titled = !words.is_empty()
            && words.len() <= 4
            && words.iter().all(|w| {
                cx.rules.function_words.class(w).is_none()
                    && !matches!(
                        w.to_lowercase().as_str(),
                        "we" | "they" | "he" | "she" | "it" | "i" | "you"
                    )
                    && !w.contains(['"', '\u{201C}', '\u{201D}', '\''])
            });
        titled.then_some(head)
    })?;
    let content = clean(before.trim().trim_start_matches(['\'', '\u{2018}']));
    // "On Monday, the minister said" has no content, "Under the plan, fees
    // would rise, the minister said" has
    let adverbial = starts_adverbial(&content) && !content.contains(',');
    (content.split_whitespace().count() >= 3 && !adverbial).then_some(content)
}

/// The quotations in the sentence that are the speaker's words: those the
/// frame closes (`"We came," she said`), those it introduces when they run
/// to the end of the sentence (`said: "We came"`, `she said, "to listen."`),
/// and those a colon introduces (`..., saying: "We came"`); not words quoted
/// inside reported speech (`said the plan was a "regressive" step`, `said
/// "substantial progress" had been made`), which belong to the reported clause.
fn direct_quote(text: &str, s: &Sentence, frame_start: usize, frame_end: usize) -> Option<String> {
    let only = |from: usize, to: usize, allowed: &[char]| {
        from <= to
            && text[from..to]
                .chars()
                .all(|c| c.is_whitespace() || allowed.contains(&c))
    };
    let lead = [',', ':', '-', '\u{2013}', '\u{2014}', '('];
    let trail = [',', '.', '!', '?', ';', ')', '\'', '\u{2019}'];
    // the quotations of the sentence, as (open, inner start, close, after)
    let mut spans = Vec::new();
    let mut at = s.start;
    while let Some(i) = text[at..s.end].find(['\u{201C}', '"']) {
        let open = at + i;
        let inner = open + text[open..].chars().next()?.len_utf8();
        let Some(j) = text[inner..s.end].find(['\u{201D}', '"']) else {
            break;
        };
        let close = inner + j;
        at = close + text[close..].chars().next()?.len_utf8();
        spans.push((open, inner, close, at));
    }
    let mut out: Vec<&str> = Vec::new();
    for (k, &(open, inner, close, after)) in spans.iter().enumerate() {
        // the quotation ends the sentence, or the next one follows right after it
        let runs_on = only(after, s.end, &trail)
            || spans
                .get(k + 1)
                .is_some_and(|&(next, ..)| only(after, next, &trail) && next >= frame_end);
        // `"We came," Foreign Minister Kamau said`: a title may stand between
        let closed_by_frame = close <= frame_start
            && only(s.start, open, &lead)
            && !text[after..frame_start].contains(['"', '\u{201C}', '\u{201D}'])
            && (only(after, frame_start, &trail)
                || text[after..].trim_start().starts_with(',')
                || text[inner..close].trim_end().ends_with([',', '?', '!']));
        // (a colon introduces a quotation wherever it stands: `warned against
        // complacency, saying: "..."`)
        let introduced =
            open >= frame_end && (only(frame_end, open, &lead) || text[..open].trim_end().ends_with(':')) && runs_on;
        if closed_by_frame || introduced {
            out.push(text[inner..close].trim().trim_end_matches(',').trim_end());
        }
    }
    let joined = out.join(" ");
    (!joined.trim().is_empty()).then_some(joined)
}

/// Whether the words right after the speech verb open with an auxiliary
/// ("traders it says have been held"), so their subject stands before the verb.
fn starts_with_auxiliary(cx: &SentenceContext<'_>, te: usize) -> bool {
    let words = &cx.syntax().words;
    let i = words.partition_point(|w| w.span.start < te);
    words.get(i).is_some_and(|w| {
        cx.text[te..w.span.start].trim().is_empty()
            && !cx.text[w.span.start..w.span.end].ends_with("ing")
            && matches!(
                w.class,
                Some(
                    WordClass::Be
                        | WordClass::Have
                        | WordClass::Future
                        | WordClass::Conditional
                        | WordClass::Obligation
                        | WordClass::Do
                )
            )
    })
}

/// Whether the words at `at` open a relative clause about the frame:
/// "said in an interview, which was recorded on Monday".
fn opens_relative(cx: &SentenceContext<'_>, at: usize) -> bool {
    let words = &cx.syntax().words;
    let i = words.partition_point(|w| w.span.start < at);
    words.get(i).is_some_and(|w| {
        w.class == Some(WordClass::Relative)
            || matches!(
                cx.text[w.span.start..w.span.end].to_lowercase().as_str(),
                "where" | "when"
            )
    })
}

/// Whether the first words of `from..to` hold an auxiliary, so they open a
/// clause: "at no time had it occurred to them" says something, "on Monday,
/// in a statement" does not.
fn has_auxiliary(cx: &SentenceContext<'_>, from: usize, to: usize) -> bool {
    cx.syntax()
        .words
        .iter()
        .filter(|w| w.span.start >= from && w.span.end <= to)
        .take(5)
        .any(|w| {
            matches!(
                w.class,
                Some(
                    WordClass::Be
                        | WordClass::Have
                        | WordClass::Future
                        | WordClass::Conditional
                        | WordClass::Obligation
                        | WordClass::Do
                )
            )
        })
}

/// Whether the words after a speaker named after the verb are the frame's
/// adverbials: "..., said Kamau on Monday", "said Kamau in Nairobi".
fn frame_adverbial(rest: &str) -> bool {
    let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "on" | "in" | "at" | "during" | "after" | "before" | "when" | "as" | "while" | "last" | "this"
    ) || TIME_WORDS.contains(&first.as_str())
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

/// Verbs whose object is the listener, not what was said: "told Newsnight
/// the plan had failed", "warned Kenyan officials against".
fn takes_listener(verb: &str) -> bool {
    matches!(verb, "told" | "tell" | "tells" | "warned" | "warn" | "warns")
}

/// Personal pronouns that open a reported clause: "warned he would quit".
const SUBJECT_PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "there", "this", "that", "these", "those",
];

/// Pronouns that are the listener: "told him".
const OBJECT_PRONOUNS: &[&str] = &["him", "them", "us", "me", "you"];

/// Determiners that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
];

/// Lower-case head nouns that may close a listener named in capitals:
/// "told Kenyan officials", "told the BBC's Today programme".
const LISTENER_NOUNS: &[&str] = &[
    "officials",
    "leaders",
    "ministers",
    "members",
    "delegates",
    "diplomats",
    "lawmakers",
    "voters",
    "supporters",
    "workers",
    "colleagues",
    "counterparts",
    "activists",
    "programme",
    "program",
    "conference",
    "newspaper",
    "radio",
    "television",
    "magazine",
    "reporters",
    "journalists",
    "website",
    "committee",
    "inquiry",
    "hearing",
    "audience",
    "rally",
    "meeting",
    "summit",
    "assembly",
    "channel",
    "show",
    "paper",
    "agency",
    "service",
    "correspondent",
];

/// Words of address and rank before a name: "told Ms Kamau", "warned
/// President Kamau".
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "baroness",
    "president",
    "minister",
    "secretary",
    "prime",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "general",
    "gen",
    "prof",
    "professor",
    "king",
    "queen",
    "prince",
    "princess",
    "premier",
    "mayor",
    "governor",
    "foreign",
    "defence",
    "defense",
];

/// Where the listener after a verb like "told" ends ([`takes_listener`]):
/// "told | reporters |", "told | BBC Radio's Today programme |", "told |
/// Newsnight | Labour had", "told | him |"; `te` when the verb takes none or
/// none is there ("warned that", "warned he would").
fn after_listener(cx: &SentenceContext<'_>, verb: &str, te: usize) -> usize {
    if !takes_listener(verb) {
        return te;
    }
    let (text, words) = (cx.text, &cx.syntax().words);
    let first = words.partition_point(|w| w.span.start < te);
    let ws: &[Word] = &words[first..];
    let lower = |w: &Word| text[w.span.start..w.span.end].to_lowercase();
    let Some(w0) = ws.first() else {
        return te;
    };
    if !text[te..w0.span.start].trim().is_empty() {
        return te; // "told: ..." or a quote mark
    }
    let l0 = lower(w0);
    if OBJECT_PRONOUNS.contains(&l0.as_str()) {
        return w0.span.end;
    }
    if SUBJECT_PRONOUNS.contains(&l0.as_str()) || PREPOSITIONS.contains(&l0.as_str()) || w0.class.is_some() {
        return te;
    }
    let (mut end, mut i) = (te, 0);
    let determiner = DETERMINERS.contains(&l0.as_str());
    if determiner {
        end = w0.span.end;
        i = 1;
    }
    let (mut capitals, mut lowers, mut possessive) = (false, 0, false);
    let mut last_lower = l0.clone();
    while let Some(w) = ws.get(i) {
        if i >= 8 || !text[end..w.span.start].trim().is_empty() && end > te {
            break; // punctuation closes the listener: "told Ms Kamau: ..."
        }
        let l = lower(w);
        // "told Mr Kamau and Ms Otieno": a coordination of names
        let joins_names = l == "and"
            && capitals
            && ws
                .get(i + 1)
                .is_some_and(|n| text[n.span.start..].starts_with(|c: char| c.is_uppercase()));
        if !joins_names
            && (w.class.is_some()
                || DETERMINERS.contains(&l.as_str())
                || SUBJECT_PRONOUNS.contains(&l.as_str())
                || PREPOSITIONS.contains(&l.as_str())
                // "told reporters yesterday", but not "told the BBC's Today programme"
                || text[w.span.start..].starts_with(|c: char| c.is_lowercase())
                    && (TIME_WORDS.contains(&l.as_str()) || matches!(l.as_str(), "last" | "next" | "late" | "early")))
        {
            break;
        }
        // a second name opens the reported clause: "told Newsnight | Labour had",
        // but not a name after its title: "told Ms | Kamau"
        if capitals
            && !possessive
            && !joins_names
            && last_lower != "and"
            && !HONORIFICS.contains(&last_lower.as_str())
            && cx.view.found.iter().any(|f| f.start == w.span.start)
        {
            break;
        }
        let upper = text[w.span.start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if joins_names {
            // the next name continues the listener
        } else if upper {
            if lowers > 0 {
                break;
            }
            capitals = true;
        } else {
            // "told reporters", "told a news conference", "told Kenyan officials",
            // "told a Commons select committee"
            let next = ws.get(i + 1).map(lower).unwrap_or_default();
            let allowed = if capitals {
                possessive || LISTENER_NOUNS.contains(&l.as_str()) || LISTENER_NOUNS.contains(&next.as_str())
            } else if determiner {
                lowers < 3
            } else {
                lowers < 1
            };
            if !allowed {
                break;
            }
            lowers += 1;
        }
        possessive |=
            l.ends_with("'s") || l.ends_with("\u{2019}s") || l.ends_with('s') && text[w.span.end..].starts_with('\'');
        end = w.span.end;
        last_lower = l.clone();
        i += 1;
        if capitals && lowers > 0 && LISTENER_NOUNS.contains(&l.as_str()) {
            break;
        }
    }
    // "warned the government would": an auxiliary after it makes the listener
    // the reported clause's subject
    let next = words.partition_point(|w| w.span.start < end);
    let clause_follows = words.get(next).is_some_and(|w| {
        text[end..w.span.start].trim().is_empty()
            && matches!(
                w.class,
                Some(
                    WordClass::Be
                        | WordClass::Have
                        | WordClass::Future
                        | WordClass::Conditional
                        | WordClass::Obligation
                        | WordClass::Do
                        | WordClass::Negation
                )
            )
    });
    if clause_follows {
        te
    } else {
        end
    }
}

/// Words of time that a frame may put right after its verb: "said
/// yesterday", "says Friday", "said last week".
const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
    "also",
    "again",
    "previously",
    "separately",
    "repeatedly",
    "publicly",
    "privately",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Nouns of time after "last", "this", "on": "said last week", "said on Monday night".
const TIME_NOUNS: &[&str] = &[
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names after "in" or "on" in a frame: "said in March".
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Where a statement's medium says it: "said in a statement", "said in an interview".
const MEDIA: &[&str] = &[
    "statement",
    "interview",
    "speech",
    "letter",
    "report",
    "briefing",
    "address",
    "broadcast",
    "message",
];

/// The reported clause after the frame's end `from`: without the frame's
/// adverbials ("on Monday", "last week", "in a statement"), a leading
/// "that", and the narration after it ("..., and called for talks"). A
/// byte span of the text.
fn reported_clause(cx: &SentenceContext<'_>, from: usize) -> Option<(usize, usize)> {
    let (text, s, words) = (cx.text, cx.sentence(), &cx.syntax().words);
    let first = words.partition_point(|w| w.span.start < from);
    let ws: &[Word] = &words[first..];
    let lower = |i: usize| {
        ws.get(i)
            .map(|w| text[w.span.start..w.span.end].to_lowercase())
            .unwrap_or_default()
    };
    let mut i = 0;
    // the frame's adverbials
    loop {
        let w = lower(i);
        // "Monday night's vote", "today's decision": a noun phrase, not the frame's time
        let possessive = |k: usize| {
            let n = lower(k);
            n.ends_with("'s") || n.ends_with("\u{2019}s")
        };
        if possessive(i) || possessive(i + 1) && TIME_NOUNS.contains(&lower(i + 1).trim_end_matches("'s")) {
            break;
        }
        let year = |k: usize| lower(k).len() == 4 && lower(k).chars().all(|c| c.is_ascii_digit());
        if matches!(w.as_str(), "in" | "on") && MONTHS.contains(&lower(i + 1).as_str()) {
            // "said in November 2003", "said on March 3"
            i += 2;
            while year(i) || lower(i).chars().all(|c| c.is_ascii_digit()) && !lower(i).is_empty() {
                i += 1;
            }
        } else if w == "in" && year(i + 1) {
            i += 2; // "told Kamau in 2003 he would"
        } else if TIME_WORDS.contains(&w.as_str()) {
            i += 1;
        } else if matches!(w.as_str(), "last" | "this" | "next" | "on" | "late" | "early")
            && TIME_NOUNS.contains(&lower(i + 1).as_str())
        {
            i += 2;
            if TIME_NOUNS.contains(&lower(i).as_str()) {
                i += 1; // "on Monday night"
            }
        } else if w == "in" && (2..=4).any(|k| MEDIA.contains(&lower(i + k).as_str())) {
            i += (2..=4).find(|&k| MEDIA.contains(&lower(i + k).as_str())).unwrap_or(0) + 1;
        } else {
            break;
        }
    }
    // "told a news conference in Nairobi that": a place of the frame, up to "that"
    // (only over words that cannot open a clause: in "said in fact it was
    // Kenya that", the "that" is the clause's own)
    if PREPOSITIONS.contains(&lower(i).as_str()) {
        if let Some(k) = (i + 1..i + 7).find(|&k| lower(k) == "that") {
            let plain = (i + 1..k).all(|j| {
                ws.get(j).is_some_and(|w| w.class.is_none()) && !SUBJECT_PRONOUNS.contains(&lower(j).as_str())
            });
            if plain {
                i = k;
            }
        }
    }
    // "that", but not the pronoun of "said that is not true"
    if lower(i) == "that"
        && !ws.get(i + 1).is_some_and(|w| {
            matches!(
                w.class,
                Some(
                    WordClass::Be
                        | WordClass::Have
                        | WordClass::Future
                        | WordClass::Conditional
                        | WordClass::Obligation
                        | WordClass::Do
                        | WordClass::Negation
                )
            )
        })
    {
        i += 1;
    }
    let start = if i == 0 { from } else { ws.get(i)?.span.start };
    let end = narration_starts(text, &ws[i.min(ws.len())..]).unwrap_or(s.end);
    (start < end).then_some((start, end))
}

/// Verbs that, after "and" or "but", tell the speaker's next act rather
/// than what was said: "said the strike was a last resort, and called for
/// talks", "but defended the plan", "and said".
const NEXT_ACTS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "tells",
    "warned",
    "insisted",
    "stressed",
    "argued",
    "claimed",
    "called",
    "calls",
    "urged",
    "urges",
    "defended",
    "accused",
    "criticised",
    "criticized",
    "welcomed",
    "praised",
    "rejected",
    "denied",
    "dismissed",
    "admitted",
    "announced",
    "pledged",
    "promised",
    "vowed",
    "refused",
    "declined",
    "appealed",
    "described",
    "suggested",
    "questioned",
    "blamed",
    "attacked",
    "stated",
    "noted",
    "explained",
    "conceded",
    "acknowledged",
    "demanded",
    "asked",
    "revealed",
];

/// Where the narration after a reported clause begins: a coordinated verb
/// whose subject is the speaker ("and called for talks", ", but defended"),
/// or an adjunct of the frame ("after announcing job cuts").
fn narration_starts(text: &str, ws: &[Word]) -> Option<usize> {
    let lower = |i: usize| {
        ws.get(i)
            .map(|w| text[w.span.start..w.span.end].to_lowercase())
            .unwrap_or_default()
    };
    for (i, w) in ws.iter().enumerate().skip(1) {
        let word = lower(i);
        let next = lower(i + 1);
        let next_lower = ws
            .get(i + 1)
            .is_some_and(|n| text[n.span.start..].starts_with(|c: char| c.is_lowercase()));
        let comma_before = text[ws[i - 1].span.end..w.span.start].contains(',');
        let cut = match word.as_str() {
            "and" | "but" => {
                next_lower
                    && (NEXT_ACTS.contains(&next.as_str()) || comma_before && next.len() > 4 && next.ends_with("ed"))
            }
            "after" | "while" => comma_before && next_lower && next.len() > 5 && next.ends_with("ing"),
            _ => false,
        };
        if cut {
            // a quote mark closing right before the cut stays with the words
            let end = ws[i - 1].span.end;
            let closing = text[end..w.span.start]
                .char_indices()
                .take_while(|&(_, c)| matches!(c, '"' | '\u{201D}' | '\'' | '\u{2019}'))
                .last()
                .map_or(0, |(k, c)| k + c.len_utf8());
            return Some(end + closing);
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
    close > open
        || (open == 0
            && close == 0
            && straight % 2 == 1
            && !sentence.trim_start().starts_with('"')
            && !first_straight_quote_opens(sentence))
}

/// Whether the first straight quote mark of a sentence opens a quotation:
/// after a space or a colon and before a word (`told the BBC: "We ...`), where
/// a closing one follows a word (`... soon," he said`).
fn first_straight_quote_opens(sentence: &str) -> bool {
    let Some(i) = sentence.find('"') else {
        return false;
    };
    let before = sentence[..i].chars().next_back();
    let after = sentence[i + 1..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '(' | '[' | '-'))
        && after.is_some_and(|c| c.is_alphanumeric() || c == '\'')
}
