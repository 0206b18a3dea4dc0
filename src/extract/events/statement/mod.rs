//! Statements: "X said", "said X", "he told reporters", "according to X",
//! with the quote or the reported clause as what was said.
//!
//! `quote.rs` finds what was said, `frame.rs` the parts of the reporting
//! frame that are not (its listener, time, medium and the narration after
//! it), `across.rs` quotes that run over several sentences.

mod across;
mod frame;
mod quote;

use crate::extract::ascii::lower_case;
use across::closes_open_quote;
pub(super) use across::quotes_across_sentences;
use frame::*;
use quote::*;

use crate::extract::clauses::{Word, WordClass};
use crate::extract::entities::Found;
use crate::extract::model::{AgentRole, Event, EventClass, Evidence, Topic};
use crate::extract::sentences::Sentence;

use super::referents::{inside_quotation, person_gender, pronoun_referent_except, Pronoun};
use super::syntax::{coordination_after, previous_word, subject};
use super::{EventRules, RuleKind, SentenceContext};
use crate::extract::ascii::contains_any;
use crate::extract::word_lists::word_lists;

/// The rule of verbs that judge rather than report ("criticised",
/// "described ... as"; `rules/events.tsv`).
const EVALUATION_RULE: &str = "statement.evaluation";

/// Reads the sentence's statement, if any, and returns its speaker (a "we"
/// in the same sentence is the speaker's side).
pub(super) fn read(cx: &SentenceContext<'_>, events: &mut Vec<Event>) -> Option<usize> {
    let mut first_speaker = None;
    // the end of the last statement's verb: a later one must be a contrasted
    // report ("Blair said ..., but the Tories say ...")
    let mut reported_after: Option<usize> = None;
    // a verb that reports words ("saying it would cost jobs") tells more than one
    // that judges a thing ("condemned the move"): judgements are read last, and
    // only where no report in the sentence gave a statement
    let mut triggers = cx.triggers(EventClass::Statement);
    triggers.sort_by_key(|&(ts, _, rule)| (cx.rules.rules[rule].id == EVALUATION_RULE, ts));
    for (ts, te, rule) in triggers {
        if reported_after.is_some_and(|end| ts < end || !after_contrast(cx, ts)) {
            continue;
        }
        // "... the changes it has announced," he said: a speech verb inside the
        // quotation is part of what was said, not the sentence's frame
        let s = cx.sentence();
        let closed_after = contains_any(&cx.text[te..s.end], &['"', '\u{201D}']);
        if closed_after && inside_quotation(cx.text, s.start, ts) {
            continue;
        }
        // "added two more patrol boats": another sense of the verb (`not-statement`)
        if cx.overlapped_by(RuleKind::Veto(EventClass::Statement), ts, te) {
            continue;
        }
        // "the acknowledged leader", "an admitted militant": after a determiner
        // that is no subject ("the", "its"; not "this"), the verb is an adjective
        // (the whole token before: "Kan'an said" ends with "an", no determiner)
        let lists = word_lists();
        let token_before = cx.text[..ts].split_whitespace().next_back().map(str::to_lowercase);
        let determiner_before = token_before
            .is_some_and(|w| lists.determiners.contains(w.as_str()) && !lists.subject_pronouns.contains(w.as_str()));
        if determiner_before {
            continue;
        }
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
        let Some(mut frame) = speaker_and_frame(cx, ts, te, events) else {
            continue;
        };
        // "Kyodo News reported", "according to Reuters": a news medium relays
        // what others said; it is no party to the story (as in meetings)
        if frame.speakers.iter().all(|s| cx.doc.news_media.contains(s)) {
            continue;
        }
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
        first_speaker = first_speaker.or(frame.speakers.first().copied());
        reported_after = Some(te);
    }
    first_speaker
}

/// Whether the speech verb at `ts` closes a contrasted report: "but" or
/// "while", a short subject, the verb ("..., but the Tories say", "...,
/// while the Tories say").
fn after_contrast(cx: &SentenceContext<'_>, ts: usize) -> bool {
    let words = &cx.syntax().words;
    let verb = words.partition_point(|w| w.span.start < ts);
    (verb.saturating_sub(4)..verb).any(|at| contrasted_report_at(cx.text, words, at) == Some(verb))
}

/// Who spoke, and where the reporting frame around the speech verb lies.
pub(super) struct Frame {
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
pub(super) fn speaker_and_frame(cx: &SentenceContext<'_>, ts: usize, te: usize, earlier: &[Event]) -> Option<Frame> {
    let (text, s) = (cx.text, cx.sentence());
    let verb = lower_case(&text[ts..te]);
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
    // "Shultz has been more guarded, saying that ...": a participle after a
    // comma reports what the main clause's subject said
    if verb == "saying" {
        let after_comma = text[s.start..ts].trim_end().ends_with(',');
        let speaker = after_comma.then(|| cx.main_clause_subject(ts, true)).flatten()?;
        return Some(Frame {
            speakers: vec![speaker],
            start: ts,
            end: te,
            speaker_after: false,
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
        // the words were counted with one byte of space each; a wider space ("\u{a0}")
        // would put the cut inside a character
        let mut role = role.min(rest.len());
        while !rest.is_char_boundary(role) {
            role -= 1;
        }
        let closes = |r: &str| r.is_empty() || r.starts_with([',', '.', ';', '(']);
        // "said Hannah Kamau of the Refugee Council": her body, after the name
        let affiliation = inverted && (rest.starts_with("of ") || rest.starts_with("from "));
        let after_role = rest[role..].trim_start();
        let role_only = role > 0 && closes(after_role) && !contains_any(&rest[..role], &['"', '\u{201C}']);
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
    let opening_pronoun = if coordinated {
        cx.syntax()
            .words
            .first()
            .and_then(|w| Pronoun::of(&text[w.span.start..w.span.end]))
    } else {
        None
    };
    let pronoun = previous_word(text, ts).as_deref().and_then(Pronoun::of);
    if let Some(pronoun) = pronoun.or(opening_pronoun) {
        return pronoun_frame(cx, (ts, te), &verb, pronoun, opening_pronoun.is_some(), earlier);
    }
    if let Some(f) = subject_before_relative(cx, ts) {
        return Some(Frame {
            speakers: vec![f.entity],
            start: f.start,
            end: te,
            speaker_after: false,
        });
    }
    let subjects = subject(&cx.view, cx.doc, ts);
    if let Some(f) = subjects.first() {
        let between = &text[f.end..ts];
        let same_clause =
            !may_cross_clauses(cx, between) || cx.syntax().clause_index(f.start) == cx.syntax().clause_index(ts);
        let quoted = contains_any(between, &['\u{201C}', '\u{201D}', '"']);
        // "Kenya denied the report and said": the subject of the first verb
        let accepted = if coordinated {
            !quoted && coordinated_verb(cx, (f.start, f.end), ts)
        } else {
            !quoted && same_clause && opens_its_segment(between) || set_off(cx, between)
        };
        if between.len() < MAX_FRAME_GAP && accepted && !own_subject_before(between) {
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

/// The frame of a "he said" or "she told": the pronoun's referent, never a
/// listener named after the verb; `opening`: the pronoun opens the sentence
/// and the verb is coordinated with an earlier one ("He welcomed the plan
/// and said").
fn pronoun_frame(
    cx: &SentenceContext<'_>,
    (ts, te): (usize, usize),
    verb: &str,
    pronoun: Pronoun,
    opening: bool,
    earlier: &[Event],
) -> Option<Frame> {
    let (text, s) = (cx.text, cx.sentence());
    // the frame starts at the pronoun
    let before = text[..ts].trim_end();
    let at = before
        .char_indices()
        .rfind(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8())
        .max(s.start);
    let at = if opening { s.start } else { at };
    // "He told Ms Sturgeon": the pronoun is not the listener named after the verb
    let listener_end = after_listener(cx, verb, te);
    let listeners: Vec<usize> = cx
        .view
        .found
        .iter()
        .filter(|f| f.start >= te && f.end <= listener_end)
        .map(|f| f.entity)
        .collect();
    let running = running_speaker(cx, earlier, pronoun);
    // "The Peter Hain attack, he says, is ...", "... was wrong, he said.": a
    // frame set off after what was said cannot mean someone named in it
    let set_off_after = text[..at].trim_end().ends_with(',')
        && (text[te..s.end].trim_start().starts_with([',', '.']) || text[te..s.end].trim().is_empty());
    let search_before = if set_off_after && !opening { s.start } else { ts };
    let referent = pronoun_referent_except(cx, (pronoun, search_before), &listeners, running);
    referent.map(|p| Frame {
        speakers: vec![p],
        start: at,
        end: te,
        speaker_after: false,
    })
}

/// The subject that opens the sentence when a relative clause or an age set
/// off by commas stands between it and the verb: "Mr Otieno, who met
/// Amina Kamau last week, said"; "Mr Otieno, 32, from Kisumu, Kenya, said".
/// The names inside the clause are not who speaks.
fn subject_before_relative<'a>(cx: &SentenceContext<'a>, ts: usize) -> Option<&'a Found> {
    let (text, s) = (cx.text, cx.sentence());
    if !text[s.start..ts].trim_end().ends_with(',') {
        return None;
    }
    let f = *cx.view.agents().first()?;
    let opening = &text[s.start..f.start];
    // a sentence adverb set off before the subject: "However, Mr Otieno, who ..."
    let opening = match opening.split_once(',') {
        Some((adverb, rest)) if !adverb.trim().contains(' ') => rest,
        _ => opening,
    };
    if f.end >= ts || opening.contains(',') || opening.split_whitespace().count() > MAX_SUBJECT_OPENING_WORDS {
        return None;
    }
    let set_off = text[f.end..ts].strip_prefix(", ")?;
    let relative = ["who ", "whose ", "which "].iter().any(|w| set_off.starts_with(w));
    let age = set_off
        .split_once(',')
        .is_some_and(|(first, _)| !first.is_empty() && first.chars().all(|c| c.is_ascii_digit()));
    (relative || age).then_some(f)
}

/// How many words may open a sentence before its subject's name: "But Labour MP".
const MAX_SUBJECT_OPENING_WORDS: usize = 4;

/// The speaker of the statement just before this sentence, when a "he" or
/// "she" may stand for it: a person of the pronoun's sex or of none known,
/// or a body that spoke through one unnamed person of it ("said a UNHCR
/// spokeswoman. ... she added"; not "Eva Kamau, a member of the Council,
/// said", where "she" is Eva Kamau). "Just before" is the sentence before,
/// or the one before that when the sentence between names no one (a
/// quotation run on).
fn running_speaker(cx: &SentenceContext<'_>, earlier: &[Event], pronoun: Pronoun) -> Option<usize> {
    use crate::extract::model::EntityKind::Person;
    let last = earlier.iter().rev().find(|e| e.class == EventClass::Statement)?;
    let si = cx.si;
    let names_a_person = |i: usize| {
        cx.doc
            .found
            .iter()
            .any(|f| f.sentence == i && cx.doc.entities[f.entity].kind == Person)
    };
    let last_si = (si.saturating_sub(2)..si)
        .rev()
        .find(|&i| last.evidence.start == cx.sentences[i].start)?;
    // a sentence between that names no one carries the quotation on, unless
    // its subject is someone new, whom the pronoun may mean ("A spokesman
    // for the party said ... But he added")
    let someone_new = |i: usize| matches!(cx.unnamed_subject(i), Some(super::referents::UnnamedSubject::New(_)));
    let just_before = last_si + 1 == si || !names_a_person(last_si + 1) && !someone_new(last_si + 1);
    let mut speakers = last.agents_in(AgentRole::Speaker);
    let speaker = speakers.next()?;
    if !just_before || speakers.next().is_some() {
        return None;
    }
    let fits = if cx.doc.entities[speaker].kind == Person {
        pronoun.fits(person_gender(cx.text, cx.doc, speaker))
    } else if names_a_person(last_si) {
        false
    } else {
        // the body's one person named by a noun: "spokeswoman", "spokesperson"
        let lists = word_lists();
        last.evidence.text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            lists.member_nouns.contains(&w) && !w.ends_with('s') && pronoun.fits(lists.name_genders.get(&w).copied())
        })
    };
    fits.then_some(speaker)
}

/// Ids in their first order, each once.
pub(super) fn dedup(ids: impl Iterator<Item = usize>) -> Vec<usize> {
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
pub(super) const MAX_FRAME_GAP: usize = 160;

/// Whether the words between a speech verb and a name after it are a title
/// at most: "said | Foreign Minister | X", "said | the Kenyan envoy, | X".
pub(super) fn title_only(gap: &str) -> bool {
    let gap = gap.trim();
    gap.is_empty() || (gap.split_whitespace().count() <= 4 && !contains_any(gap, &[';', '"', '\u{201C}', '\u{201D}']))
}

/// Whether a subject separated from its verb by a comma stands right before
/// that comma: "Kamau, the foreign minister, said", "X, who ..., said",
/// "Kamau, executive partner of a law firm said" (an apposition or a
/// relative clause) but not "Kenya reopened the border, the ministry said",
/// where Kenya belongs to what was said.
pub(super) fn opens_its_segment(between: &str) -> bool {
    !between.contains(',') || between.trim_start().starts_with(',') || between.trim_start().starts_with("'s,")
}

/// Whether the words right before a verb, after the last comma between it
/// and a name further back, are a noun phrase of their own: "Rebels killed
/// a hostage, Jack Hensley, ..., the group said" (the group speaks, not
/// Hensley). A determiner and one to three lower-case words.
fn own_subject_before(between: &str) -> bool {
    let Some((_, tail)) = between.rsplit_once(',') else {
        return false;
    };
    let words: Vec<&str> = tail.split_whitespace().collect();
    match words.split_first() {
        Some((determiner, nouns)) => {
            word_lists().determiners.contains(determiner.to_lowercase().as_str())
                && (1..=3).contains(&nouns.len())
                && nouns.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        }
        None => false,
    }
}

/// Whether the words between a subject and its verb are set off from both:
/// an apposition or a relative clause between commas, dashes or brackets,
/// perhaps with the verb's auxiliaries and adverbs after it ("Kamau, who led
/// the talks in May, said", "Kamau - a former envoy - said", "The envoy,
/// Kamau, also said", "Kamau, the envoy, had said"), or a relative clause
/// that opens after the name ("Kamau, who presents the show tells").
pub(super) fn set_off(cx: &SentenceContext<'_>, between: &str) -> bool {
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
pub(super) fn after_coordinator(cx: &SentenceContext<'_>, ts: usize) -> bool {
    let mut at = ts;
    while let Some(word) = previous_word(cx.text, at) {
        match word.as_ref() {
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
pub(super) fn may_cross_clauses(cx: &SentenceContext<'_>, between: &str) -> bool {
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
pub(super) fn coordinated_verb(cx: &SentenceContext<'_>, subject: (usize, usize), ts: usize) -> bool {
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
            .any(|w| w == "that" || word_lists().subject_pronouns.contains(w))
    {
        return false;
    }
    // "The communique congratulated President Kamau and stressed": a verb in
    // the past right before the name (its titles aside) makes the name its
    // object; the subject of "stressed" is the communique
    let before_name = words
        .iter()
        .filter(|w| w.span.start >= clause.start && w.span.end <= subject_start)
        .rev()
        .map(|w| &cx.text[w.span.start..w.span.end])
        .find(|w| !w.starts_with(char::is_uppercase));
    if before_name.is_some_and(|w| w.ends_with("ed") && cx.rules.function_words.class(w).is_none()) && leading.len() > 1
    {
        return false;
    }
    let Some(before) = word_before_adverbs(cx, ts) else {
        return false;
    };
    let lower = lower_case(&cx.text[before.span.start..before.span.end]);
    if !matches!(lower.as_ref(), "and" | "but") || before.span.start < subject_end {
        return false;
    }
    // only one step back: the clause of the coordinator's left side holds the subject
    let boundaries = syntax.clause_index(before.span.start) - syntax.clause_index(subject_end.saturating_sub(1));
    boundaries <= 1 && !contains_any(&cx.text[subject_end..ts], &['"', '\u{201C}', '\u{201D}', ';'])
}

/// The word of the sentence before byte `at`, adverbs aside: the "and" of
/// "and then said", the "who" of "who later admitted".
pub(super) fn word_before_adverbs<'c>(cx: &'c SentenceContext<'_>, at: usize) -> Option<&'c Word> {
    let words = &cx.syntax().words;
    let i = words.partition_point(|w| w.span.start < at);
    words[..i].iter().rev().find(|w| w.class != Some(WordClass::Adverb))
}

/// Whether the speaker whose frame starts at `frame_start` is the object of a denial.
pub(super) fn denied(text: &str, sentence_start: usize, frame_start: usize) -> bool {
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
        .any(|w| word_lists().denial_verbs.contains(&w.to_lowercase()))
}
