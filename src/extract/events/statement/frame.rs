//! The reporting frame's own parts, which are never what was said: the
//! listener of told/warned, the frame's time and medium, the narration after
//! the reported clause.

use super::*;
use crate::extract::ascii::lower_case;
use crate::extract::dates;
use crate::extract::word_lists::word_lists;

/// A word of time or manner a frame may put right after its verb: "said
/// yesterday", "says Friday", "said publicly" (`frame_adverbs.txt` and the
/// weekdays).
pub(super) fn is_frame_adverb(lower: &str) -> bool {
    word_lists().frame_adverbs.contains(lower) || dates::is_weekday_name(lower)
}

/// A noun of time after "last", "this", "on": "said last week", "said on
/// Monday night" (`time_nouns.txt` and the weekdays).
pub(super) fn is_time_noun(lower: &str) -> bool {
    word_lists().time_nouns.contains(lower) || dates::is_weekday_name(lower)
}

/// Verbs whose object is the listener, not what was said: "told Newsnight
/// the plan had failed", "warned Kenyan officials against"
/// (`listener_verbs.txt`).
pub(super) fn takes_listener(verb: &str) -> bool {
    word_lists().listener_verbs.contains(verb)
}

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
    let lower = |w: &Word| lower_case(&text[w.span.start..w.span.end]);
    let Some(w0) = ws.first() else {
        return te;
    };
    if !text[te..w0.span.start].trim().is_empty() {
        return te; // "told: ..." or a quote mark
    }
    let l0 = lower(w0);
    if word_lists().object_pronouns.contains(l0.as_ref()) {
        return w0.span.end;
    }
    if word_lists().subject_pronouns.contains(l0.as_ref())
        || word_lists().prepositions.contains(l0.as_ref())
        || w0.class.is_some()
    {
        return te;
    }
    let (mut end, mut i) = (te, 0);
    // "told each prisoner", "told several reporters"
    let determiner = word_lists().determiners.contains(l0.as_ref()) || word_lists().quantifiers.contains(l0.as_ref());
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
                || word_lists().determiners.contains(l.as_ref())
                || word_lists().subject_pronouns.contains(l.as_ref())
                || word_lists().prepositions.contains(l.as_ref())
                // "told reporters yesterday", but not "told the BBC's Today programme"
                || text[w.span.start..].starts_with(|c: char| c.is_lowercase())
                    && (is_frame_adverb(&l) || matches!(l.as_ref(), "last" | "next" | "late" | "early")))
        {
            break;
        }
        // a second name opens the reported clause: "told Newsnight | Labour had",
        // but not a name after its title: "told Ms | Kamau"
        if capitals
            && !possessive
            && !joins_names
            && last_lower != "and"
            && !word_lists().address_words.contains(last_lower.as_ref())
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
                possessive
                    || word_lists().listener_nouns.contains(l.as_ref())
                    || word_lists().listener_nouns.contains(next.as_ref())
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
        if capitals && lowers > 0 && word_lists().listener_nouns.contains(l.as_ref()) {
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

/// The reported clause after the frame's end `from`: without the frame's
/// adverbials ("on Monday", "last week", "in a statement"), a leading
/// "that", and the narration after it ("..., and called for talks"). A
/// byte span of the text.
pub(super) fn reported_clause(cx: &SentenceContext<'_>, from: usize) -> Option<(usize, usize)> {
    let (text, s, words) = (cx.text, cx.sentence(), &cx.syntax().words);
    let first = words.partition_point(|w| w.span.start < from);
    let ws: &[Word] = &words[first..];
    // each word lower-cased once, when first asked for: the tests below ask
    // for the same few words many times
    let lowered: Vec<std::cell::OnceCell<String>> = vec![std::cell::OnceCell::new(); ws.len()];
    let lower = |i: usize| -> &str {
        match (ws.get(i), lowered.get(i)) {
            (Some(w), Some(cell)) => cell.get_or_init(|| text[w.span.start..w.span.end].to_lowercase()),
            _ => "",
        }
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
        if possessive(i) || possessive(i + 1) && is_time_noun(lower(i + 1).trim_end_matches("'s")) {
            break;
        }
        let year = |k: usize| lower(k).len() == 4 && lower(k).chars().all(|c| c.is_ascii_digit());
        if matches!(w, "in" | "on") && dates::is_month_name(lower(i + 1)) {
            // "said in November 2003", "said on March 3"
            i += 2;
            while year(i) || lower(i).chars().all(|c| c.is_ascii_digit()) && !lower(i).is_empty() {
                i += 1;
            }
        } else if w == "in" && year(i + 1) {
            i += 2; // "told Kamau in 2003 he would"
        } else if is_frame_adverb(w) {
            i += 1;
        } else if matches!(w, "last" | "this" | "next" | "on" | "late" | "early") && is_time_noun(lower(i + 1)) {
            i += 2;
            if is_time_noun(lower(i)) {
                i += 1; // "on Monday night"
            }
        } else if w == "in" && (2..=4).any(|k| word_lists().statement_media.contains(lower(i + k))) {
            i += (2..=4)
                .find(|&k| word_lists().statement_media.contains(lower(i + k)))
                .unwrap_or(0)
                + 1;
        } else {
            break;
        }
    }
    // "told a news conference in Nairobi that": a place of the frame, up to "that"
    // (only over words that cannot open a clause: in "said in fact it was
    // Kenya that", the "that" is the clause's own)
    if word_lists().prepositions.contains(lower(i)) {
        if let Some(k) = (i + 1..i + 7).find(|&k| lower(k) == "that") {
            let plain = (i + 1..k).all(|j| {
                ws.get(j).is_some_and(|w| w.class.is_none()) && !word_lists().subject_pronouns.contains(lower(j))
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

/// Where the narration after a reported clause begins: a coordinated verb
/// whose subject is the speaker ("and called for talks", ", but defended"),
/// a second report (", adding that ...") or an adjunct of the frame ("after
/// announcing job cuts").
pub(super) fn narration_starts(text: &str, ws: &[Word]) -> Option<usize> {
    let lower = |i: usize| {
        ws.get(i)
            .map(|w| text[w.span.start..w.span.end].to_lowercase())
            .unwrap_or_default()
    };
    for (i, w) in ws.iter().enumerate().skip(1) {
        // only the six words below can cut: most words are turned away by
        // their length and first letter, before anything is lower-cased
        // (no other character lower-cases to one of these ASCII letters)
        let raw = &text[w.span.start..w.span.end];
        if !(3..=6).contains(&raw.len()) || !matches!(raw.as_bytes()[0] | 0x20, b'a' | b'b' | b'w' | b's') {
            continue;
        }
        let word = lower(i);
        let next = lower(i + 1);
        let next_lower = ws
            .get(i + 1)
            .is_some_and(|n| text[n.span.start..].starts_with(|c: char| c.is_lowercase()));
        let comma_before = text[ws[i - 1].span.end..w.span.start].contains(',');
        let cut = match word.as_str() {
            "and" | "but" => {
                next_lower
                    && (word_lists().next_acts.contains(&next)
                        || comma_before && next.len() > 4 && next.ends_with("ed"))
                    || contrasted_report_at(text, ws, i).is_some()
            }
            "after" | "while" => {
                comma_before && next_lower && next.len() > 5 && next.ends_with("ing")
                    // "..., while the Tories say ...": someone else's report
                    || contrasted_report_at(text, ws, i).is_some()
            }
            // a second report of the same speaker: ", adding that ...", ", saying ..."
            "adding" | "saying" => comma_before,
            _ => false,
        };
        if cut {
            // a quote mark closing right before the cut stays with the words,
            // over the comma inside it: `not "perceived as a problem by the voters,"`
            let end = ws[i - 1].span.end;
            let closing = text[end..w.span.start]
                .char_indices()
                .take_while(|&(_, c)| matches!(c, '"' | '\u{201D}' | '\'' | '\u{2019}' | ','))
                .filter(|&(_, c)| c != ',')
                .last()
                .map_or(0, |(k, c)| k + c.len_utf8());
            return Some(end + closing);
        }
    }
    None
}

/// Whether a "but" after `word` means "except": "all but two declined".
pub(super) fn excepting(word: &str) -> bool {
    matches!(
        word,
        "all" | "nothing" | "anything" | "none" | "everything" | "everyone" | "anyone" | "last"
    )
}

/// The words that open someone else's report after a statement: "..., but
/// the Tories say", "..., while the Tories say".
const CONTRAST_WORDS: [&str; 2] = ["but", "while"];

/// The index in `ws` of the verb of a contrasted report that opens at
/// `ws[at]`: a word of [`CONTRAST_WORDS`] (a "but" not meaning "except"),
/// then a [`contrasted_report`]. Read both where a statement's words end
/// and where the second statement's verb is accepted, so the two agree.
pub(super) fn contrasted_report_at(text: &str, ws: &[Word], at: usize) -> Option<usize> {
    let word = &text[ws[at].span.start..ws[at].span.end];
    if !CONTRAST_WORDS.iter().any(|c| word.eq_ignore_ascii_case(c)) {
        return None;
    }
    let before = at
        .checked_sub(1)
        .map(|b| text[ws[b].span.start..ws[b].span.end].to_lowercase());
    if before.is_some_and(|w| excepting(&w)) {
        return None;
    }
    contrasted_report(text, &ws[at + 1..]).map(|k| at + 1 + k)
}

/// After a "but": a report of someone else's, "but the Tories say ...",
/// "but opposition leaders argued ...": a subject of up to four words (a
/// determiner, names, nouns: no function word but a determiner), then a
/// verb of `next_acts.txt` or its plural. Returns the index in `ws` of the verb.
pub(super) fn contrasted_report(text: &str, ws: &[Word]) -> Option<usize> {
    let mut noun_before = false;
    for (k, w) in ws.iter().enumerate().take(5) {
        let raw = &text[w.span.start..w.span.end];
        let lower = raw.to_lowercase();
        // "the Tories say": the plural of a verb listed in the third person
        let act = word_lists().next_acts.contains(&lower) || word_lists().next_acts.contains(&format!("{lower}s"));
        if noun_before && act {
            return Some(k);
        }
        let determiner = word_lists().determiners.contains(&lower);
        let subject_pronoun = k == 0 && word_lists().subject_pronouns.contains(&lower);
        let noun = w.class.is_none() && !determiner && raw.chars().all(|c| c.is_alphabetic() || c == '-');
        if !(determiner || subject_pronoun || noun) || text[w.span.end..].starts_with(',') {
            return None;
        }
        noun_before = noun || subject_pronoun;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::clauses::{FunctionWords, SentenceSyntax};
    use crate::extract::lexicon::FUNCTION_WORDS;
    use crate::extract::word_lists::function_words;

    /// Where the narration after the words following `frame` starts in
    /// `text`, as the rest of the text from there.
    fn narration_after<'t>(text: &'t str, frame: &str) -> Option<&'t str> {
        let lexicon = FunctionWords::new(function_words(&FUNCTION_WORDS).unwrap().clause);
        let sentence = Sentence {
            start: 0,
            end: text.len(),
            headline: false,
        };
        let syntax = SentenceSyntax::new(text, &sentence, &lexicon);
        let from = text.find(frame).unwrap() + frame.len();
        let first = syntax.words.partition_point(|w| w.span.start < from);
        narration_starts(text, &syntax.words[first..]).map(|cut| &text[cut..])
    }

    #[test]
    fn the_speakers_next_act_ends_the_reported_clause() {
        let text = "Kamau said the strike was a last resort, and called for talks.";
        assert_eq!(narration_after(text, "said"), Some(", and called for talks."));
        let text = "Kamau said the plan was fair but defended the cuts.";
        assert_eq!(narration_after(text, "said"), Some(" but defended the cuts."));
        // an adjunct of the frame after a comma
        let text = "Kamau said the firm would grow, after announcing job cuts.";
        assert_eq!(narration_after(text, "said"), Some(", after announcing job cuts."));
        // a quote mark closing before the cut stays with the words
        let text = "Kamau said the plan was \"fair\" and added that it would pass.";
        assert_eq!(narration_after(text, "said"), Some(" and added that it would pass."));
        // a second report of the same speaker, over a comma inside the closing quote
        let text = "Kamau said the plan was \"fair,\" adding that it would pass.";
        assert_eq!(narration_after(text, "said"), Some(" adding that it would pass."));
        let text = "Kamau said the plan was fair, saying it would pass.";
        assert_eq!(narration_after(text, "said"), Some(", saying it would pass."));
    }

    #[test]
    fn a_coordination_inside_what_was_said_is_not_narration() {
        for text in [
            "Kamau said the strike would go on and the union agreed.",
            "Kamau said wages and prices had risen.",
            "Kamau said the firm grew after announcing job cuts.",
            "Kamau said adding staff would help.",
        ] {
            assert_eq!(narration_after(text, "said"), None, "{text}");
        }
    }

    #[test]
    fn weekdays_are_frame_adverbs_and_time_nouns_without_a_list_of_their_own() {
        assert!(is_frame_adverb("yesterday") && is_frame_adverb("friday"));
        assert!(is_time_noun("week") && is_time_noun("monday"));
        assert!(!is_frame_adverb("week") && !is_time_noun("yesterday"));
        assert!(!is_frame_adverb("march"), "months are not frame adverbs");
    }
}
