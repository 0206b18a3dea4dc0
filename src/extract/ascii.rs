//! ASCII classes of text bytes read eight at a time, without a branch per
//! byte: the scans over every word of every sentence (tokens, gazetteer
//! word starts) spent more on mispredicted loop exits, one at most words,
//! than on the bytes themselves. (Spaces and punctuation between words,
//! mostly one or two bytes, cost more read this way: they are not.)

/// The high bit of each of eight bytes.
pub(super) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `bytes` (first lowest), zero bytes in place of
/// those from `len` on and past its end.
pub(super) fn eight_bytes(bytes: &[u8], len: usize) -> u64 {
    let eight = match bytes.first_chunk::<8>() {
        Some(&eight) => u64::from_le_bytes(eight),
        None => {
            let mut eight = [0u8; 8];
            eight[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(eight)
        }
    };
    match len {
        0..8 => eight & ((1 << (8 * len)) - 1),
        _ => eight,
    }
}

/// The number of ASCII letters and digits in `bytes[from..end]` before the
/// first other byte. The bytes are read past `end` where `bytes` goes on,
/// and masked (a copy of the last few of a window cost more than the rest).
pub(super) fn alphanumeric_run(bytes: &[u8], from: usize, end: usize) -> usize {
    let mut at = from;
    loop {
        // the run cut at `end` rather than the bytes past it masked: fewer
        // instructions (this runs at every word)
        let eight = match bytes.get(at..at + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
            None => eight_bytes(&bytes[at..], end - at),
        };
        let (alphanumeric, _) = alphanumeric_bits(eight);
        let run = (((!alphanumeric & HIGH_BITS).trailing_zeros() / 8) as usize).min(end - at);
        at += run;
        if run < 8 {
            return at - from;
        }
    }
}

/// `word` in lower case, as `to_lowercase` gives it, borrowed when it is
/// ASCII with no capital: most words a rule looks up are lower case already,
/// and a copy of each, allocated and freed, cost more than the look-up.
pub(super) fn lower_case(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// `word` without the characters around it that are no letters or digits,
/// lower-cased as by [`lower_case`].
pub(super) fn bare_lower_case(word: &str) -> std::borrow::Cow<'_, str> {
    lower_case(word.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether `hay` holds any of `marks`: what `hay.contains(marks)` answers,
/// by a byte search (memchr) where the marks are at most two ASCII
/// characters and any number of three-byte ones led by E2 (quotation marks,
/// dashes), instead of a character search that decodes every character.
pub(super) fn contains_any(hay: &str, marks: &[char]) -> bool {
    let mut ascii = [0xE2u8; 2];
    let mut count = 0;
    for &mark in marks {
        if mark.is_ascii() && count < 2 {
            ascii[count] = mark as u8;
            count += 1;
        } else if mark.is_ascii() || mark.len_utf8() != 3 || mark.encode_utf8(&mut [0; 4]).as_bytes()[0] != 0xE2 {
            return hay.contains(marks);
        }
    }
    let bytes = hay.as_bytes();
    // E2 leads a character, so a match of a mark's bytes there is that mark
    memchr::memchr3_iter(ascii[0], ascii[1], 0xE2, bytes).any(|at| {
        bytes[at] != 0xE2
            || marks
                .iter()
                .any(|&mark| !mark.is_ascii() && bytes[at..].starts_with(mark.encode_utf8(&mut [0; 4]).as_bytes()))
    })
}

/// The high bit of each byte of `x` that is an ASCII letter or digit, and
/// of each that is an ASCII letter, found for all eight bytes at once.
pub(super) fn alphanumeric_bits(x: u64) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & !HIGH_BITS;
    // the high bit of each byte whose low seven bits are in lo..=hi: no sum
    // carries into the next byte
    let within =
        |v: u64, lo: u8, hi: u8| (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7F - hi)) & HIGH_BITS;
    // a byte with its high bit set is no ASCII character
    let letters = within(low7 | (ONES * 0x20), b'a', b'z') & !x;
    let digits = within(low7, b'0', b'9') & !x;
    (letters | digits, letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_search_for_marks_finds_what_a_character_search_finds() {
        let pieces = [
            "", "a", "\"", ";", "\u{201C}", "\u{201D}", "\u{2019}", "\u{e9}", "\u{2014}", "-", " ",
        ];
        let sets: [&[char]; 6] = [
            &['"', '\u{201D}'],
            &['\u{201C}', '\u{201D}', '"'],
            &[';', '"', '\u{201C}', '\u{201D}'],
            &['-'],
            &[',', ';', '"', '('],
            &['\u{e9}'],
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let hay = format!("{a}{b}{c}");
                    for marks in sets {
                        assert_eq!(contains_any(&hay, marks), hay.contains(marks), "{hay} {marks:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_run_is_read_eight_bytes_at_a_time_as_a_byte_at_a_time() {
        let bytes: Vec<u8> = (0..=255u8)
            .flat_map(|b| [b'a', b, b'Z', b'7', b, b' ', b'.', b])
            .collect();
        for from in 0..bytes.len() {
            for end in from..(from + 20).min(bytes.len()) {
                let run = |keep: fn(u8) -> bool| bytes[from..end].iter().take_while(|&&b| keep(b)).count();
                assert_eq!(
                    alphanumeric_run(&bytes, from, end),
                    run(|b| b.is_ascii_alphanumeric()),
                    "{from}..{end}"
                );
            }
        }
    }
}
