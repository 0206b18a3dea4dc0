//! What a statement says: the quotation or the reported clause, never the frame.

use super::*;
use crate::extract::ascii::{contains_any, lower_case};
use crate::extract::word_lists::word_lists;

/// What was said, never the reporting frame around it: the quotation that
/// the frame introduces or closes, else the clause before a frame that
/// follows a comma ("Kenya reopened the border, the ministry said"), else
/// the clause after the verb ("said that ..."), without the frame's own
/// parts: its listener ("told reporters"), its adverbials ("said on Monday",
/// "in a statement") and the narration that follows the reported clause
/// ("..., and called for talks"). None when the sentence says nothing but
/// who spoke.
pub(super) fn what_was_said(cx: &SentenceContext<'_>, frame: &Frame, ts: usize, te: usize) -> Option<String> {
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
    let verb = lower_case(&text[ts..te]);
    // `Kamau said:` closing its sentence: what was said is the quotation that
    // opens the next one (a new paragraph)
    if text[te.max(frame.end)..s.end].trim() == ":" {
        return quotation_after(cx);
    }
    // where the frame ends: after the verb, its listener ("told Ms Kamau:")
    let listener_end = if frame.speaker_after {
        frame.end
    } else {
        after_listener(cx, &lower_case(&text[ts..te]), te)
    };
    if let Some(q) = direct_quote(text, s, frame.start, listener_end.max(frame.end)) {
        return Some(q);
    }
    if frame.speaker_after {
        // "The tone of the campaign, said Mr Milburn, would be more relaxed":
        // the frame splits one clause, whose predicate follows the speaker
        if let Some(before) = &content_before {
            if let Some(predicate) = predicate_after_frame(cx, frame.end) {
                return Some(format!("{before} {predicate}"));
            }
        }
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
                        !cx.rules.function_words.class(w).is_some_and(|c| {
                            c.is_auxiliary()
                                || matches!(
                                    c,
                                    WordClass::Negation
                                        | WordClass::Subordinator
                                        | WordClass::Condition
                                        | WordClass::Relative
                                )
                        })
                    })
                    && !words
                        .iter()
                        .any(|w| word_lists().subject_pronouns.contains(&w.to_lowercase()));
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
    // "Ken Kamau, the coach who later admitted using steroids, died Sunday":
    // a frame inside a relative clause reports up to the comma that closes it
    let in_relative = frame_in_relative(cx, ts);
    // "As Mr Brown announced the date, Ernst & Young urged him": a frame in the
    // sentence's opening subordinate clause reports up to the comma that ends it
    // (a comma inside a quotation after the verb is the quotation's own)
    let opening_end = super::super::syntax::opening_clause_end(&cx.view, cx.doc)
        .filter(|&comma| comma > te && !contains_any(&text[te..comma], &['"', '\u{201C}', ':']));
    let after = reported_clause(cx, listener_end)
        .map(|(a, b)| match relative_close(cx, a, b).filter(|_| in_relative) {
            Some(comma) => (a, comma),
            None => (a, b),
        })
        .map(|(a, b)| match opening_end.filter(|&comma| a < comma && comma < b) {
            Some(comma) => (a, comma),
            None => (a, b),
        })
        .filter(|&(a, _)| !opens_relative(cx, a))
        .map(|(a, b)| (clean(&text[a..b]), has_auxiliary(cx, a, b)))
        .filter(|(a, aux)| !a.is_empty() && (!starts_adverbial(a) || *aux || split_clause || warns_of(&verb, a)))
        // "S, officials said on Monday, and rescuers raced ...": a clause with a
        // subject of its own joined after the frame is the story going on, not
        // what was said ("S, he said, and could rise in 2006" goes on saying it)
        .filter(|(a, _)| {
            let mut words = a.split_whitespace();
            let first = words.next().unwrap_or("");
            let own_subject = words
                .next()
                .is_some_and(|w| !cx.rules.function_words.class(w).is_some_and(|c| c.is_auxiliary()));
            !(first.starts_with(char::is_lowercase)
                && cx.rules.function_words.class(first) == Some(WordClass::Coordinator)
                && own_subject)
        })
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

/// Whether the speech verb at `ts` is the predicate of a relative clause:
/// "who" right before it, adverbs aside ("who later admitted").
fn frame_in_relative(cx: &SentenceContext<'_>, ts: usize) -> bool {
    super::word_before_adverbs(cx, ts).is_some_and(|w| &cx.text[w.span.start..w.span.end] == "who")
}

/// Where the first straight quotation mark or `curly` (a curly one, three
/// bytes from E2) is in `hay`: what `hay.find(['"', curly])` finds, by a
/// byte search (the character search decoded every character).
fn find_quote_mark(hay: &str, curly: char) -> Option<usize> {
    let mut buffer = [0u8; 4];
    let curly = curly.encode_utf8(&mut buffer).as_bytes();
    let bytes = hay.as_bytes();
    // E2 leads a character, so a match of the curly mark's bytes is one
    memchr::memchr2_iter(b'"', curly[0], bytes).find(|&at| bytes[at] == b'"' || bytes[at..].starts_with(curly))
}

/// Where a relative clause set off by commas closes inside `a..b`: the comma
/// before the main clause's verb (", died Sunday", ", has said", ", left"):
/// a lower-case word that is no preposition, determiner or pronoun. A comma
/// before a subject ("if the bill passed, the community would") or inside a
/// number closes nothing.
fn relative_close(cx: &SentenceContext<'_>, a: usize, b: usize) -> Option<usize> {
    // the quotation marks before each comma, counted on from the last
    // comma's (counted from `a` at each, they made long sentences quadratic)
    let (mut counted, mut straight, mut opening, mut closing) = (a, 0, 0, 0);
    cx.text[a..b].match_indices(", ").find_map(|(i, _)| {
        // a comma inside a quotation: "was "politics, politics, politics""
        let more = &cx.text[counted..a + i];
        straight += more.matches('"').count();
        opening += more.matches('\u{201C}').count();
        closing += more.matches('\u{201D}').count();
        counted = a + i;
        let quoted = straight % 2 == 1 || opening > closing;
        if quoted {
            return None;
        }
        let next = cx.text[a + i + 2..b].split_whitespace().next()?;
        let verb_like = next.starts_with(char::is_lowercase)
            && match cx.rules.function_words.class(next) {
                Some(class) => class.is_auxiliary(),
                None => !word_lists().prepositions.contains(next),
            }
            && !word_lists().subject_pronouns.contains(next)
            && !word_lists().determiners.contains(next);
        verb_like.then_some(a + i)
    })
}

/// The rest of a clause an inverted frame splits: after ", said X," an
/// auxiliary opens it ("would be more relaxed"); an apposition of the
/// speaker (", a retired general") is none.
fn predicate_after_frame(cx: &SentenceContext<'_>, frame_end: usize) -> Option<String> {
    let rest = cx.text[frame_end..cx.sentence().end].trim_start().strip_prefix(',')?;
    let first = rest.split_whitespace().next()?;
    let auxiliary = cx
        .rules
        .function_words
        .class(&first.to_lowercase())
        .is_some_and(|c| c.is_auxiliary() || c == WordClass::Negation);
    auxiliary
        .then(|| clean(rest.trim_end_matches(['.', ' '])))
        .filter(|p| p.split_whitespace().count() >= 2)
}

/// The quotation that opens the sentence after this one, up to its close
/// or the end of that sentence: what a `said:` at the end of a paragraph
/// introduces.
pub(super) fn quotation_after(cx: &SentenceContext<'_>) -> Option<String> {
    let next = cx.sentences.get(cx.si + 1)?;
    let body = cx.text[next.start..next.end].trim_start();
    let rest = body.strip_prefix(['"', '\u{201C}'])?;
    let end = rest.find(['"', '\u{201D}']).unwrap_or(rest.len());
    Some(clean(&rest[..end])).filter(|q| !q.is_empty())
}

/// Whether reported words are what a warning is about: "warned of further
/// strikes", "warned Kenyan officials against visiting the island".
pub(super) fn warns_of(verb: &str, said: &str) -> bool {
    verb.starts_with("warn") && ["of ", "against ", "about "].iter().any(|p| said.starts_with(p))
}

/// The spaces and punctuation around reported words trimmed, and a quote
/// mark at either end only where it has no partner inside: `"We came," he`
/// keeps none, `the plan was "regressive"` keeps both.
pub(super) fn clean(s: &str) -> String {
    let mut t = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';'));
    loop {
        let before = t.len();
        let (straight, opens, closes) = quote_marks(t);
        let straight_odd = straight % 2 == 1;
        if (straight_odd && t.starts_with('"')) || (opens > closes && t.starts_with('\u{201C}')) {
            t = &t[t.chars().next().map_or(0, char::len_utf8)..];
        } else if (straight_odd && t.ends_with('"')) || (closes > opens && t.ends_with('\u{201D}')) {
            t = &t[..t.len() - t.chars().next_back().map_or(0, char::len_utf8)];
        } else if t.starts_with(['"', '\u{201C}']) && t.ends_with(['"', '\u{201D}']) && t.len() > 2 && {
            // one quotation from end to end: its marks are the frame's
            let inner = &t[1..t.len() - 1];
            !contains_any(inner, &['"', '\u{201C}', '\u{201D}'])
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

/// How many straight, opening and closing double quotation marks `s` has,
/// counted in one memchr pass over its bytes (three character searches,
/// each set up again at every step of [`clean`], cost more than the counts).
fn quote_marks(s: &str) -> (usize, usize, usize) {
    let bytes = s.as_bytes();
    let (mut straight, mut opens, mut closes) = (0, 0, 0);
    // U+201C and U+201D are E2 80 9C and E2 80 9D
    for at in memchr::memchr2_iter(b'"', 0xE2, bytes) {
        match bytes.get(at..at + 3) {
            Some([0xE2, 0x80, 0x9C]) => opens += 1,
            Some([0xE2, 0x80, 0x9D]) => closes += 1,
            _ if bytes[at] == b'"' => straight += 1,
            _ => {}
        }
    }
    (straight, opens, closes)
}

/// The clause a final or parenthetical frame reports, before it: "Kenya
/// reopened the border, | the ministry said", "..., | Prof Kamau said" (a
/// title before the name is the frame's). None when no comma closes it or it
/// is too short or only an adverbial ("On Monday, the minister said").
pub(super) fn clause_before(cx: &SentenceContext<'_>, frame_start: usize) -> Option<String> {
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
                    && !contains_any(w, &['"', '\u{201C}', '\u{201D}', '\''])
            });
        titled.then_some(head)
    })?;
    let content = clean(without_wire_credit(before.trim()).trim_start_matches(['\'', '\u{2018}']));
    // "On Monday, the minister said" has no content, "Under the plan, fees
    // would rise, the minister said" has
    // ("At least one member is under investigation, police said": an
    // auxiliary makes it a clause)
    let has_auxiliary = content
        .split_whitespace()
        .any(|w| cx.rules.function_words.class(w).is_some_and(WordClass::is_auxiliary));
    let adverbial = starts_adverbial(&content) && !content.contains(',') && !has_auxiliary;
    // "According to Mr Sands, Lord Goldsmith had warned": a source named, not
    // words said
    let attribution = content
        .get(..13)
        .is_some_and(|h| h.eq_ignore_ascii_case("according to "))
        && !content.contains(',');
    (content.split_whitespace().count() >= 3 && !adverbial && !attribution).then_some(content)
}

/// How far into a sentence a wire credit may end: "JERUSALEM, Oct 28 (AFP) - ".
const WIRE_CREDIT_REACH: usize = 50;

/// `clause` without the wire credit that opens a story's first sentence
/// ("JERUSALEM, Oct 28 (AFP) - ", "AFP - "): the agency and the dateline
/// are not what the speaker said. A credit ends with " - " and is either
/// in capitals or closed by the agency in brackets.
fn without_wire_credit(clause: &str) -> &str {
    let Some(dash) = clause
        .get(..WIRE_CREDIT_REACH.min(clause.len()))
        .and_then(|head| head.find(" - "))
    else {
        return clause;
    };
    let credit = clause[..dash].trim();
    let capitals = !credit.is_empty() && !credit.chars().any(char::is_lowercase);
    let bracketed = credit.ends_with(')') && credit.contains('(');
    if capitals || bracketed {
        &clause[dash + 3..]
    } else {
        clause
    }
}

/// The quotations in the sentence that are the speaker's words: those the
/// frame closes (`"We came," she said`), those it introduces when they run
/// to the end of the sentence (`said: "We came"`, `she said, "to listen."`),
/// and those a colon introduces (`..., saying: "We came"`); not words quoted
/// inside reported speech (`said the plan was a "regressive" step`, `said
/// "substantial progress" had been made`), which belong to the reported clause.
pub(super) fn direct_quote(text: &str, s: &Sentence, frame_start: usize, frame_end: usize) -> Option<String> {
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
    while let Some(i) = find_quote_mark(&text[at..s.end], '\u{201C}') {
        let open = at + i;
        let inner = open + text[open..].chars().next()?.len_utf8();
        let Some(j) = find_quote_mark(&text[inner..s.end], '\u{201D}') else {
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
            && !contains_any(&text[after..frame_start], &['"', '\u{201C}', '\u{201D}'])
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
pub(super) fn starts_with_auxiliary(cx: &SentenceContext<'_>, te: usize) -> bool {
    let words = &cx.syntax().words;
    let i = words.partition_point(|w| w.span.start < te);
    words.get(i).is_some_and(|w| {
        cx.text[te..w.span.start].trim().is_empty()
            && !cx.text[w.span.start..w.span.end].ends_with("ing")
            && w.class.is_some_and(WordClass::is_auxiliary)
    })
}

/// Whether the words at `at` open a relative clause about the frame:
/// "said in an interview, which was recorded on Monday".
pub(super) fn opens_relative(cx: &SentenceContext<'_>, at: usize) -> bool {
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
pub(super) fn has_auxiliary(cx: &SentenceContext<'_>, from: usize, to: usize) -> bool {
    cx.syntax()
        .words
        .iter()
        .filter(|w| w.span.start >= from && w.span.end <= to)
        .take(5)
        .any(|w| w.class.is_some_and(WordClass::is_auxiliary))
}

/// Whether the words after a speaker named after the verb are the frame's
/// adverbials: "..., said Kamau on Monday", "said Kamau in Nairobi".
pub(super) fn frame_adverbial(rest: &str) -> bool {
    let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    word_lists().frame_openers.contains(&first) || is_frame_adverb(&first)
}

/// Whether reported words are only the frame's adverbials: a time, a place,
/// a manner ("on Monday", "in a statement", "yesterday", "later").
pub(super) fn starts_adverbial(after: &str) -> bool {
    let first = after.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    let words = word_lists();
    first.is_empty() || words.prepositions.contains(first) || words.adverbial_openers.contains(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The direct quote of `text` (one sentence) whose frame is the words `frame`.
    fn quote_of(text: &str, frame: &str) -> Option<String> {
        let start = text.find(frame).expect("the frame is in the text");
        let sentence = Sentence {
            start: 0,
            end: text.len(),
            headline: false,
        };
        direct_quote(text, &sentence, start, start + frame.len())
    }

    #[test]
    fn a_quotation_the_frame_closes_or_introduces_is_the_speakers() {
        let cases = [
            (
                r#""We came to listen," Foreign Minister Kamau said."#,
                "Kamau said",
                "We came to listen",
            ),
            ("\u{201C}We came,\u{201D} she said.", "she said", "We came"),
            (
                r#"Kamau said: "We came to listen.""#,
                "Kamau said",
                "We came to listen.",
            ),
            (r#"Kamau said, "to listen.""#, "Kamau said", "to listen."),
            // a colon introduces a quotation wherever it stands
            (
                r#"Kamau warned against complacency, saying: "We are not done.""#,
                "Kamau warned",
                "We are not done.",
            ),
        ];
        for (text, frame, quote) in cases {
            assert_eq!(quote_of(text, frame).as_deref(), Some(quote), "{text}");
        }
    }

    #[test]
    fn words_quoted_inside_reported_speech_are_not_a_direct_quote() {
        let cases = [
            (r#"Kamau said the plan was a "regressive" step."#, "Kamau said"),
            (r#"Kamau said "substantial progress" had been made."#, "Kamau said"),
            // a quotation before the frame that the frame does not close
            (r#"The "deal" was signed and Kamau said it would hold."#, "Kamau said"),
        ];
        for (text, frame) in cases {
            assert_eq!(quote_of(text, frame), None, "{text}");
        }
    }

    #[test]
    fn quote_marks_are_counted_as_by_character_searches() {
        for s in [
            "",
            "\"",
            "a \u{201C}b\u{201D} \"c\"",
            "\u{201D}\u{201D}\u{201C}",
            "\u{2019}\u{2018}\u{e9}\"",
            "\u{201C}",
        ] {
            let searched = (
                s.matches('"').count(),
                s.matches('\u{201C}').count(),
                s.matches('\u{201D}').count(),
            );
            assert_eq!(quote_marks(s), searched, "{s:?}");
        }
    }

    #[test]
    fn clean_trims_punctuation_and_quote_marks_without_a_partner() {
        assert_eq!(clean(", the talks failed;"), "the talks failed");
        assert_eq!(clean(r#""the talks failed.""#), "the talks failed");
        assert_eq!(clean("\u{201C}the talks failed"), "the talks failed");
        // marks with a partner inside are the words' own
        assert_eq!(clean(r#"the plan was "regressive""#), r#"the plan was "regressive""#);
    }

    #[test]
    fn frame_adverbials_and_adverbial_openings_are_told_apart_from_words_said() {
        for rest in ["on Monday", "in Nairobi", "yesterday", "Friday", "last week"] {
            assert!(frame_adverbial(rest), "{rest}");
        }
        for rest in ["the talks failed", "Kenya would pay"] {
            assert!(!frame_adverbial(rest), "{rest}");
        }
        for after in [
            "",
            "in a statement",
            "later.",
            "despite the rain",
            "late on Thursday",
            "tonight",
        ] {
            assert!(starts_adverbial(after), "{after:?}");
        }
        // "early" opens what was said as often as it times the saying: "said early reports ..."
        assert!(!starts_adverbial("the talks failed") && !starts_adverbial("early reports were wrong"));
        assert!(warns_of("warned", "of further strikes") && !warns_of("said", "of further strikes"));
    }

    #[test]
    fn a_wire_credit_opening_the_story_is_not_what_was_said() {
        assert_eq!(
            without_wire_credit("NAIROBI, Oct 28 (AFP) - Kenya will reopen the border"),
            "Kenya will reopen the border"
        );
        assert_eq!(
            without_wire_credit("AFP - Kenya will reopen the border"),
            "Kenya will reopen the border"
        );
        // a dash inside what was said stays
        assert_eq!(
            without_wire_credit("Kenya will reopen - slowly - the border"),
            "Kenya will reopen - slowly - the border"
        );
        assert_eq!(
            without_wire_credit("Talks - as planned - went on"),
            "Talks - as planned - went on"
        );
    }
}
