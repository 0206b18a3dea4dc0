//! Quotes that open in one sentence and are attributed where they close.

use super::*;

/// A quote opened in an earlier sentence and attributed where it closes
/// ("“Our position – if ..., sanctions must follow. Pressure ...,” the
/// Ukrainian leader wrote"): the statement gets the whole quote, and a
/// conditional demand in its earlier sentences ("if X rejects ..., sanctions
/// must follow") is the speaker's.
pub(in crate::extract::events) fn quotes_across_sentences(
    rules: &EventRules,
    text: &str,
    sentences: &[Sentence],
    events: &mut Vec<Event>,
) {
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
                let matched = &sentence[m.range()];
                let comma = matched.rfind(',').map_or(0, |c| c + 1);
                let consequence = &matched[comma..];
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
                    demand.text = matched.trim().to_string();
                    added.push(demand);
                }
            }
        }
    }
    events.extend(added);
}

/// Whether a sentence opens a quotation it does not close.
pub(super) fn opens_quote(sentence: &str) -> bool {
    let (open, close, straight) = quote_marks(sentence);
    open > close || (open == 0 && straight % 2 == 1 && sentence.trim_start().starts_with('"'))
}

/// How many opening, closing and straight quote marks a sentence holds.
/// Asked of every sentence: the straight ones counted by memchr (few
/// sentences hold any), the curly ones only when the sentence is not all
/// ASCII (three searches a sentence cost more than the rule).
fn quote_marks(sentence: &str) -> (usize, usize, usize) {
    let straight = memchr::memchr_iter(b'"', sentence.as_bytes()).count();
    if sentence.is_ascii() {
        return (0, 0, straight);
    }
    (
        sentence.matches('\u{201C}').count(),
        sentence.matches('\u{201D}').count(),
        straight,
    )
}

/// Whether a sentence closes a quotation opened before it.
pub(super) fn closes_open_quote(sentence: &str) -> bool {
    let (open, close, straight) = quote_marks(sentence);
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
pub(super) fn first_straight_quote_opens(sentence: &str) -> bool {
    let Some(i) = sentence.find('"') else {
        return false;
    };
    let before = sentence[..i].chars().next_back();
    let after = sentence[i + 1..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '(' | '[' | '-'))
        && after.is_some_and(|c| c.is_alphanumeric() || c == '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_marks_are_counted_in_ascii_and_in_curly_text() {
        assert_eq!(quote_marks(r#"He said "yes" and "no"#), (0, 0, 3));
        assert_eq!(quote_marks("\u{201C}Yes,\u{201D} he said \u{201C}no"), (2, 1, 0));
        assert_eq!(quote_marks("caf\u{e9} \"au lait"), (0, 0, 1));
        assert_eq!(quote_marks(""), (0, 0, 0));
    }
}
