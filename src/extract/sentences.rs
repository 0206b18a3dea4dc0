//! Sentence and paragraph boundaries, and the tokens inside them.
//!
//! News text comes hard-wrapped (Reuters' 1987 wire copy breaks lines every
//! 60 characters), with headlines and datelines on their own lines. A line
//! break therefore ends a sentence only after end punctuation, before an
//! indented or blank line, or after a short line without final punctuation
//! (a headline). Offsets are byte offsets into the document text.

use std::sync::OnceLock;

use regex::Regex;

use crate::extract::ascii;
use crate::extract::word_lists::word_lists;

/// A sentence: its byte span in the document, and whether it is a headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// A line without final punctuation standing alone (titles, datelines):
    /// entities are read from it, events are not.
    pub headline: bool,
}

fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        // past the separator, which may be wider than a byte (a no-break space)
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "J. Smith", "U.S."
    }
    if word.contains('.') {
        return true; // "U.S." and the like
    }
    word_lists().abbreviations.contains(word)
}

/// Splits a document into sentences.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let bytes = text.as_bytes();
    let mut start = skip_space(text, 0);
    let mut i = start;
    let mut stops = Stops::new(bytes);
    while i < text.len() {
        // Only these bytes can end a sentence. They are ASCII, so skipping
        // the bytes in between never stops inside a character.
        match stops.next(i) {
            Some(stop) => i = stop,
            None => break,
        }
        let c = char::from(bytes[i]);
        let next = i + 1;
        let boundary = match c {
            '.' | '!' | '?' => {
                // the sentence ends after any closing quotes or brackets
                let mut j = next;
                while let Some(q) = text[j..].chars().next() {
                    if matches!(q, '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']') {
                        j += q.len_utf8();
                    } else {
                        break;
                    }
                }
                let after = text[j..].chars().next();
                let follows_space = after.is_none_or(char::is_whitespace);
                let next_word = text[skip_space(text, j)..].chars().next();
                let next_starts = next_word.is_none_or(|n| {
                    n.is_uppercase() || n.is_numeric() || matches!(n, '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '[')
                });
                if follows_space && next_starts && !(c == '.' && is_abbreviation(text, i)) {
                    Some(j)
                } else if c == '.'
                    && next_starts
                    && (after == Some('\u{201C}') || text[next..j].contains(['"', '\u{201D}']))
                {
                    // `...conference."Suu Kyi's move`, `...to me."Resolution 1636`: a
                    // closing quote glued to the next sentence
                    Some(j)
                } else {
                    None
                }
            }
            '\n' => {
                // memchr's search back: `rfind`'s set-up cost more than the line
                let line_start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |p| p + 1);
                let line = text[line_start..i].trim();
                let next_line_blank_or_indented = bytes.get(next).is_none_or(|b| matches!(b, b'\n' | b' ' | b'\t'));
                let ends_clause = line.ends_with(['.', '!', '?', ':', '"', '\u{201D}']);
                // a headline is a short first line of a block, followed by a capitalized line;
                // a wire story's wrapped lines also lack final punctuation but are not first
                let first_of_block =
                    line_start == 0 || text[..line_start].trim_end_matches([' ', '\t']).ends_with("\n\n");
                let next_capitalized = text[skip_space(text, next)..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '\u{201C}'));
                // under 100 bytes is under 100 characters, and needs no count
                let short_line = (line.len() < 100 || line.chars().count() < 100) && !line.ends_with([',', ';']);
                let headline = first_of_block && line_start == start && short_line && !ends_clause && next_capitalized;
                if next_line_blank_or_indented
                    || ends_clause
                    || headline
                    || line.ends_with(" -")
                    || line.ends_with("--")
                {
                    Some(i)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(end) = boundary {
            push(text, &mut sentences, start, end);
            start = skip_space(text, end);
            i = start;
        } else {
            i = next;
        }
    }
    push(text, &mut sentences, start, text.len());
    sentences
}

/// The bytes that may end a sentence ('.', '!', '?' and the newline), found
/// from a position on by memchr, which looks at many bytes at a time (a
/// search byte by byte was a fifth of splitting). The next newline and the
/// next end mark are remembered: asked from a later position, each is still
/// the first at or after it if it lies there, since none lay between.
/// Positions must be asked in increasing order, as `split` does.
struct Stops<'t> {
    bytes: &'t [u8],
    /// The first newline at or after the last position searched from (the
    /// text's length if there is none), once searched.
    newline: Option<usize>,
    /// The same for '.', '!' and '?'.
    mark: Option<usize>,
}

impl<'t> Stops<'t> {
    fn new(bytes: &'t [u8]) -> Stops<'t> {
        Stops {
            bytes,
            newline: None,
            mark: None,
        }
    }

    /// The first stop at or after `at`, if any.
    fn next(&mut self, at: usize) -> Option<usize> {
        let (bytes, len) = (self.bytes, self.bytes.len());
        if self.newline.is_none_or(|p| p < at) {
            self.newline = Some(memchr::memchr(b'\n', &bytes[at..]).map_or(len, |p| at + p));
        }
        if self.mark.is_none_or(|p| p < at) {
            self.mark = Some(memchr::memchr3(b'.', b'!', b'?', &bytes[at..]).map_or(len, |p| at + p));
        }
        let next = self.newline.min(self.mark).unwrap_or(len);
        (next < len).then_some(next)
    }
}

/// The text with each line break inside a sentence that only wraps a line
/// (a single `\n` that ends a line of at least [`WRAPPED_LINE_MIN_BYTES`]
/// after a lower-case letter or a comma, before a non-space character)
/// turned into a space.
///
/// Wire copy is hard-wrapped, so a name or a title can straddle a line end
/// ("Chancellor of the\nExchequer", "Bank of\nEngland") and the matchers, whose
/// forms hold single spaces, would miss it. The replacement keeps every byte
/// offset: a newline and a space are one byte each. Breaks between sentences
/// (headlines, datelines, paragraphs) are kept, since sentences are split first.
/// Borrowed when nothing is to be joined, as in text that is not wrapped.
pub fn join_wrapped_lines<'t>(text: &'t str, sentences: &[Sentence]) -> std::borrow::Cow<'t, str> {
    let bytes = text.as_bytes();
    let mut wraps: Vec<usize> = Vec::new();
    // the newlines of the whole text in one pass, each matched with the
    // sentence it may be inside (sentences come in text order)
    let mut next_sentence = sentences.iter().peekable();
    let mut next_line_start = 0;
    for i in newlines(text) {
        let line_start = std::mem::replace(&mut next_line_start, i + 1);
        while next_sentence.next_if(|s| s.end <= i).is_some() {}
        let Some(s) = next_sentence.peek() else { break };
        // strictly inside the sentence: never its first or last byte
        if i <= s.start || i + 1 >= s.end {
            continue;
        }
        // a wrapped line is long and ends inside a phrase ("Bank of", "West");
        // rows of a table are short or end in figures or capitals, and stay
        // lines of their own
        let before = bytes[i - 1];
        let after = bytes[i + 1];
        if i - line_start >= WRAPPED_LINE_MIN_BYTES
            && (before.is_ascii_lowercase() || before == b',')
            && !after.is_ascii_whitespace()
        {
            wraps.push(i);
        }
    }
    if wraps.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut joined = bytes.to_vec();
    for i in wraps {
        joined[i] = b' ';
    }
    // only ASCII newlines became ASCII spaces, so the bytes are still UTF-8
    std::borrow::Cow::Owned(String::from_utf8(joined).unwrap_or_else(|_| text.to_string()))
}

/// The shortest line that can be a hard-wrapped one: wire copy wraps at 60
/// to 80 characters, while a table's row label ("Division One") or a list
/// item is short.
const WRAPPED_LINE_MIN_BYTES: usize = 40;

/// Offsets of the newlines of `text`, found by `memchr` (a filter over
/// every byte of every sentence took a fortieth of extraction time); the
/// memchr crate's iterator rather than `match_indices`, whose search per
/// newline (one every line of wire copy) cost more than the scanning.
fn newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn push(text: &str, sentences: &mut Vec<Sentence>, start: usize, end: usize) {
    let trimmed = text[start..end].trim_end();
    if trimmed.is_empty() {
        return;
    }
    let end = start + trimmed.len();
    let headline = !trimmed.ends_with(['.', '!', '?', '"', '\u{201D}', ':', ')']) && !trimmed.contains('\n');
    sentences.push(Sentence { start, end, headline });
}

/// A word token: byte span into the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// Word tokens of `text[start..end]`, with offsets into `text`.
///
/// A word is a letter or digit, then letters, marks and digits, with inner
/// joiners (`-`, `'`, `’`, `.`) each followed by a letter or digit: "al-Sisi",
/// "O'Neill", "U.S", "3.5". That is the regular expression
/// `[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*`,
/// scanned by hand because tokenizing took a sixth of extraction time through
/// the regex engine; ASCII is classified inline, other characters by the
/// Unicode classes themselves.
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    let body = &text[start..end];
    let bytes = body.as_bytes();
    // the character at byte `i` and its length; ASCII without decoding
    let char_at = |i: usize| -> (char, usize) {
        match bytes[i] {
            b if b < 0x80 => (char::from(b), 1),
            _ => {
                let c = body[i..].chars().next().unwrap_or('\0');
                (c, c.len_utf8())
            }
        }
    };
    // about one word in six bytes of prose: reserving once spares the
    // vector most of its doublings
    let mut out = Vec::with_capacity(bytes.len() / 5 + 4);
    // read eight bytes at a time, past `end` where the text goes on
    let all = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // spaces and punctuation are skipped a byte at a time, undecoded
        // (mostly one or two: eight at a time cost more)
        if bytes[i] < 0x80 && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let (c, len) = char_at(i);
        if !starts_word(c) {
            i += len;
            continue;
        }
        let at = i;
        i += len;
        loop {
            // letters, marks and digits: ASCII ones without decoding
            while i < bytes.len() {
                i += ascii::alphanumeric_run(all, start + i, end);
                if i >= bytes.len() || bytes[i] < 0x80 {
                    break;
                }
                let (c, len) = char_at(i);
                if !continues_word(c) {
                    break;
                }
                i += len;
            }
            // a joiner counts only when a letter or digit follows it; most
            // words end at an ASCII byte that is none
            if i >= bytes.len() || (bytes[i] < 0x80 && !matches!(bytes[i], b'-' | b'\'' | b'.')) {
                break;
            }
            let (joiner, len) = char_at(i);
            if !matches!(joiner, '-' | '\'' | '\u{2019}' | '.') || i + len >= bytes.len() {
                break;
            }
            let (next, next_len) = char_at(i + len);
            if !starts_word(next) {
                break;
            }
            i += len + next_len;
        }
        out.push(Token {
            start: start + at,
            end: start + i,
        });
    }
    out
}

/// `[\p{L}\p{N}]`
fn starts_word(c: char) -> bool {
    static CLASS: OnceLock<Regex> = OnceLock::new();
    in_class(c, &CLASS, r"^[\p{L}\p{N}]$")
}

/// `[\p{L}\p{M}\p{N}]`
fn continues_word(c: char) -> bool {
    static CLASS: OnceLock<Regex> = OnceLock::new();
    in_class(c, &CLASS, r"^[\p{L}\p{M}\p{N}]$")
}

/// Whether `c` is in a character class that holds the ASCII letters and
/// digits and no other ASCII: ASCII inline, other characters by the class's
/// regex (compiled on first use).
#[inline]
fn in_class(c: char, class: &OnceLock<Regex>, pattern: &str) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    in_unicode_class(c, class, pattern)
}

/// [`in_class`] for a non-ASCII character: out of line, so the ASCII test
/// inlines into the tokenizer's loops.
#[inline(never)]
fn in_unicode_class(c: char, class: &OnceLock<Regex>, pattern: &str) -> bool {
    let class = class.get_or_init(|| Regex::new(pattern).expect("valid class"));
    class.is_match(c.encode_utf8(&mut [0; 4]))
}

/// True when at least three quarters of the letters are upper case (wire
/// headlines like "FRANCE, BONN REACH ACCORD"), where case tells nothing.
pub fn is_all_caps(text: &str) -> bool {
    let (upper, total) = if text.is_ascii() {
        // one counting pass the compiler vectorizes: byte-wide counters
        // over blocks that cannot overflow them (usize counters per byte
        // were not vectorized, and took a fortieth of extraction time)
        let (mut upper, mut lower) = (0usize, 0usize);
        for block in text.as_bytes().chunks(255) {
            let (mut u, mut l) = (0u8, 0u8);
            for &b in block {
                u += u8::from(b.wrapping_sub(b'A') < 26);
                l += u8::from(b.wrapping_sub(b'a') < 26);
            }
            upper += usize::from(u);
            lower += usize::from(l);
        }
        (upper, upper + lower)
    } else {
        let letters = text.chars().filter(|c| c.is_alphabetic());
        letters.fold((0, 0), |(u, t), c| (u + usize::from(c.is_uppercase()), t + 1))
    };
    total >= 4 && upper * 4 >= total * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn stops_are_the_first_end_bytes_from_each_position() {
        let text = "One. Two!\nThree? four\n\nfive.. six ?!".as_bytes();
        let mut stops = Stops::new(text);
        for at in 0..text.len() {
            let expected = text[at..]
                .iter()
                .position(|b| matches!(b, b'.' | b'!' | b'?' | b'\n'))
                .map(|p| at + p);
            assert_eq!(stops.next(at), expected, "from {at}");
        }
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "Mr. Smith met U.S. officials on Jan. 5 in Oslo. They talked.";
        assert_eq!(
            texts(text),
            vec!["Mr. Smith met U.S. officials on Jan. 5 in Oslo.", "They talked."]
        );
    }

    #[test]
    fn hard_wrapped_lines_stay_one_sentence_and_headlines_stand_alone() {
        let text = "BORDURIA SIGNS PACT\nSZOHOD, May 2 -\nBorduria and Syldavia have\nsigned a pact, officials said.\n    Talks went on.";
        let s = split(text);
        assert_eq!(&text[s[0].start..s[0].end], "BORDURIA SIGNS PACT");
        assert!(s[0].headline);
        assert_eq!(&text[s[1].start..s[1].end], "SZOHOD, May 2 -");
        assert_eq!(
            &text[s[2].start..s[2].end],
            "Borduria and Syldavia have\nsigned a pact, officials said."
        );
        assert!(!s[2].headline);
        assert_eq!(&text[s[3].start..s[3].end], "Talks went on.");
    }

    #[test]
    fn tokens_are_the_words_of_the_documented_expression() {
        let word = Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*").unwrap();
        let samples = [
            "Mr. O'Neill met al-Sisi in Doha on 3.5.2024 -- talks ended.",
            "Zelenskyy\u{2019}s aide, Erdoğan and Łukasz met in Kyiv. U.S.-led... e\u{301}te\u{301} x'",
            "trailing joiner- 'quote' ’s .5 5. a-- b-c-d ١٢٣ 東京 ½ Ⅻ ⓐb",
            "",
            "-'’.",
        ];
        for sample in samples {
            let expected: Vec<(usize, usize)> = word.find_iter(sample).map(|m| (m.start() + 2, m.end() + 2)).collect();
            let padded = format!("..{sample}");
            let got: Vec<(usize, usize)> = tokens(&padded, 2, padded.len())
                .iter()
                .map(|t| (t.start, t.end))
                .collect();
            assert_eq!(got, expected, "{sample:?}");
        }
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "He said: \u{201C}We agreed.\u{201D} Then he left.";
        assert_eq!(
            texts(text),
            vec!["He said: \u{201C}We agreed.\u{201D}", "Then he left."]
        );
    }

    #[test]
    fn a_closing_quote_glued_to_the_next_sentence_ends_its_own() {
        for (text, first) in [
            (
                "He said it was \"over.\"Resolution 12 passed.",
                "He said it was \"over.\"",
            ),
            (
                "He said it was \u{201C}over.\u{201D}Resolution 12 passed.",
                "He said it was \u{201C}over.\u{201D}",
            ),
            (
                "He said it was over.\u{201C}Resolution 12 passed.\u{201D}",
                "He said it was over.",
            ),
        ] {
            assert_eq!(texts(text)[0], first, "{text}");
        }
        // no quote, no boundary: "3.5bn", "U.S.Steel" stay whole
        assert_eq!(texts("It lost 3.5bn dollars.").len(), 1);
    }

    #[test]
    fn wrapped_lines_are_joined_inside_sentences_only() {
        let text = "BORDURIA SIGNS PACT\nSZOHOD, May 2 -\nOn Monday in Szohod the Governor of the Bank of\nEngland met in his office a large delegation of West\nGerman bankers.\nChicago 5 Boston 3\nOxford 3 2 1\n\n    Talks went on.";
        let joined = join_wrapped_lines(text, &split(text));
        assert_eq!(joined.len(), text.len(), "offsets are kept");
        assert!(
            joined.contains("Bank of England met in his office a large delegation of West German bankers."),
            "{joined}"
        );
        // headline, dateline, table rows and paragraphs keep their line breaks
        assert!(joined.starts_with("BORDURIA SIGNS PACT\nSZOHOD, May 2 -\n"), "{joined}");
        assert!(joined.contains("Boston 3\nOxford"), "{joined}");
        assert!(joined.contains("1\n\n    Talks"), "{joined}");
        // a short line is a row label or a list item, not a wrapped line
        let table = "Results of the day, in full, with the tables below.\nDivision One\nSt Johnstone 2 Ayr 1.";
        assert!(join_wrapped_lines(table, &split(table)).contains("One\nSt"));
        // text without wrapped lines is not copied
        let plain = "One line. Another line.";
        assert!(matches!(
            join_wrapped_lines(plain, &split(plain)),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
