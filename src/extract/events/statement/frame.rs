//! The reporting frame's own parts, which are never what was said: the
//! listener of told/warned, the frame's time and medium, the narration after
//! the reported clause.

use super::*;

/// Verbs whose object is the listener, not what was said: "told Newsnight
/// the plan had failed", "warned Kenyan officials against".
pub(super) fn takes_listener(verb: &str) -> bool {
    matches!(verb, "told" | "tell" | "tells" | "warned" | "warn" | "warns")
}

/// Personal pronouns that open a reported clause: "warned he would quit".
pub(super) const SUBJECT_PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "there", "this", "that", "these", "those",
];

/// Pronouns that are the listener: "told him".
pub(super) const OBJECT_PRONOUNS: &[&str] = &["him", "them", "us", "me", "you"];

/// Determiners that open a noun phrase.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
];

/// Lower-case head nouns that may close a listener named in capitals:
/// "told Kenyan officials", "told the BBC's Today programme".
pub(super) const LISTENER_NOUNS: &[&str] = &[
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
pub(super) const HONORIFICS: &[&str] = &[
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
pub(super) fn after_listener(cx: &SentenceContext<'_>, verb: &str, te: usize) -> usize {
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
            && w.class.is_some_and(|c| c.is_auxiliary() || c == WordClass::Negation)
    });
    if clause_follows {
        te
    } else {
        end
    }
}

/// Words of time that a frame may put right after its verb: "said
/// yesterday", "says Friday", "said last week".
pub(super) const TIME_WORDS: &[&str] = &[
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
pub(super) const TIME_NOUNS: &[&str] = &[
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
pub(super) const MONTHS: &[&str] = &[
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
pub(super) const MEDIA: &[&str] = &[
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
pub(super) fn reported_clause(cx: &SentenceContext<'_>, from: usize) -> Option<(usize, usize)> {
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
        && !ws
            .get(i + 1)
            .is_some_and(|w| w.class.is_some_and(|c| c.is_auxiliary() || c == WordClass::Negation))
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
pub(super) const NEXT_ACTS: &[&str] = &[
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
pub(super) fn narration_starts(text: &str, ws: &[Word]) -> Option<usize> {
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
