//! Keys and labels: folding names for comparison, person keys, IRI slugs.

use unicode_normalization::UnicodeNormalization;

/// Folds a name for comparison: accents removed, lower case, letters only, and
/// the common transliteration variants merged (Zelenskyy/Zelenskiy/Zelensky,
/// Umierov/Umerov).
pub fn fold(name: &str) -> String {
    // most names are ASCII already: decomposing them would change nothing
    let plain: String = if name.is_ascii() {
        let bytes = name
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase());
        String::from_utf8(bytes.collect()).expect("ASCII letters and digits")
    } else {
        ascii_letters(name)
            .nfkd()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let mut s = plain;
    // most names hold none of the pairs: one look for any of them spares
    // five searches (folding runs for every name token of every document)
    const PAIRS: [(&str, &str); 5] = [("iy", "y"), ("yi", "y"), ("ie", "e"), ("kh", "h"), ("ou", "u")];
    let any_pair = s.as_bytes().windows(2).any(|pair| {
        // the `from` sides of PAIRS
        matches!(
            pair,
            [b'i', b'y'] | [b'y', b'i'] | [b'i', b'e'] | [b'k', b'h'] | [b'o', b'u']
        )
    });
    if any_pair {
        for (from, to) in PAIRS {
            // a look at each pair of bytes: `contains` set up a substring
            // searcher for every pattern of every name
            if s.as_bytes().windows(2).any(|pair| pair == from.as_bytes()) {
                s = s.replace(from, to);
            }
        }
    }
    // doubled letters: "Zelenskyy", "Shevardnadze" stays; in place, as
    // bytes (only ASCII letters and digits are left)
    let mut bytes = s.into_bytes();
    bytes.dedup();
    String::from_utf8(bytes).expect("ASCII letters and digits")
}

/// The key of a person across documents: folded first and last names.
pub fn person_key(first: &str, last: &str) -> String {
    format!("{}-{}", fold(first), fold(last))
}

/// Letters that do not decompose into an ASCII base letter, spelled out:
/// "Tarık Bozdağlı" and "Tarik Bozdagli" must give one key.
pub(super) fn ascii_letters(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            'ı' => out.push('i'),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'ß' => out.push_str("ss"),
            'đ' | 'ð' => out.push('d'),
            'Đ' | 'Ð' => out.push('D'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("Ae"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("Oe"),
            'þ' => out.push_str("th"),
            'Þ' => out.push_str("Th"),
            _ => out.push(c),
        }
    }
    out
}

/// A slug for IRIs: lower-case ASCII words joined by hyphens.
pub fn slug(name: &str) -> String {
    if name.is_ascii() {
        // what the general path gives an ASCII name, where spelling out,
        // decomposing and keeping ASCII change nothing, without its four
        // intermediate strings (slugs are made for every organization
        // mention)
        let mut out = String::with_capacity(name.len());
        for word in name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push('-');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    slug_spelled_out(name)
}

/// [`slug`] of any name: letters spelled out, decomposed, ASCII kept.
fn slug_spelled_out(name: &str) -> String {
    let plain: String = ascii_letters(name)
        .nfkd()
        .filter(|c| c.is_ascii())
        .collect::<String>()
        .to_lowercase();
    plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_merges_variants_and_doubled_letters() {
        assert_eq!(fold("Zelenskyy"), fold("Zelenskiy"));
        assert_eq!(fold("Umierov"), "umerov");
        assert_eq!(fold("Khrushchev"), "hrushchev");
        assert_eq!(fold("O'Neill-Smith"), "oneilsmith");
        assert_eq!(fold("Tarık Bozdağlı"), "tarikbozdagli");
        assert_eq!(fold("Yiannis"), "yanis");
    }

    #[test]
    fn an_ascii_slug_is_the_spelled_out_one() {
        for name in [
            "Bank of England",
            "  U.S.-Japan  Trade Council ",
            "AT&T Inc",
            "3M",
            "",
            "--",
            "Ab_cD e\tF",
        ] {
            assert_eq!(slug(name), slug_spelled_out(name), "{name:?}");
        }
        assert_eq!(slug("Tarık Bozdağlı & Co"), "tarik-bozdagli-co");
    }
}
