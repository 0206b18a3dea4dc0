//! Property tests of text handling: extraction of arbitrary Unicode text
//! never panics, gives offsets inside the text, evidence and mentions equal
//! to the text at their offsets, N-Quads that parse, and the same bytes for
//! the same input.
//!
//! Texts are drawn from pieces that have broken text handling elsewhere:
//! combining marks, right-to-left scripts and bidi controls, emoji with
//! joiners and flags, CRLF and lone CR, quotes of every kind, very long words
//! and lines, mixed with news words that make the rules fire (names, titles,
//! trigger verbs), so that mentions and events are made and their offsets
//! checked, not just an empty extraction. The same texts also go through
//! small windows (`extract_in_windows`), so that the join of windows is held
//! to the same properties as a short document.

use oxigraph::io::{RdfFormat, RdfParser};
use parley::{Document, DocumentGraph, Extraction, Extractor};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Pieces a text is made of; each case joins a few dozen of them.
const PIECES: &[&str] = &[
    // news words that fire rules
    "Vladimir Putin",
    "President Recep Tayyip Erdogan",
    "Mr. Lavrov",
    "Kenya",
    "Ethiopia",
    "the Ukrainian leader",
    "met",
    "held talks with",
    "demanded that",
    "said",
    "agreed to a ceasefire",
    "threatened",
    "in Nairobi",
    "on Monday",
    "United Nations",
    "Foreign Minister",
    ". ",
    ", ",
    " ",
    "\n",
    "\n\n",
    "    ",
    // line ends of other systems
    "\r\n",
    "\r",
    "\r\n\r\n",
    // quotes of every kind
    "\"",
    "'",
    "\u{201C}",
    "\u{201D}",
    "\u{2018}",
    "\u{2019}",
    "\u{00AB}",
    "\u{00BB}",
    "\u{201E}",
    "\u{201A}",
    "\u{2039}",
    "\u{203A}",
    "\u{300C}",
    "\u{300D}",
    "``",
    "''",
    // combining marks, alone and after letters
    "e\u{0301}",
    "\u{0301}",
    "A\u{0308}\u{0323}",
    "Ko\u{0308}ln",
    // right-to-left text and bidi controls
    "\u{0645}\u{0635}\u{0631}",
    "\u{05E9}\u{05DC}\u{05D5}\u{05DD}",
    "\u{202E}",
    "\u{200F}",
    "\u{2067}",
    // emoji: plain, with joiners, flags, skin tones, variation selectors
    "\u{1F600}",
    "\u{1F469}\u{200D}\u{1F4BB}",
    "\u{1F1FA}\u{1F1E6}",
    "\u{1F44D}\u{1F3FD}",
    "\u{2764}\u{FE0F}",
    // other scripts, spaces and controls
    "\u{6771}\u{4EAC}",
    "\u{041A}\u{0438}\u{0457}\u{0432}",
    "\u{00A0}",
    "\u{2028}",
    "\u{FEFF}",
    "\t",
    "\u{0007}",
    "\u{FFFD}",
    "\u{10FFFF}",
];

/// A text of pieces, arbitrary characters, and sometimes one very long word or line.
fn texts() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        2 => any::<char>().prop_map(String::from),
        1 => (proptest::sample::select(&["a", "\u{00E9}", "\u{1F600}", "X", "-"][..]), 200usize..5000)
            .prop_map(|(unit, n)| unit.repeat(n)),
        1 => (0usize..3000).prop_map(|n| "word ".repeat(n)),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn doc(text: &str) -> Document {
    Document {
        id: "prop".to_owned(),
        text: text.to_owned(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 5, 16),
        title: None,
        url: None,
    }
}

fn nquads(doc: &Document, extraction: &Extraction) -> Vec<u8> {
    let mut bytes = Vec::new();
    DocumentGraph::new(doc, extraction).append_nquads(&mut bytes);
    bytes
}

/// Every property of one text, as a test case error naming the one that failed.
fn check(extractor: &Extractor, text: &str, window: Option<usize>) -> Result<(), TestCaseError> {
    let doc = doc(text);
    let run = || match window {
        None => extractor.try_extract(&doc),
        Some(window) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            extractor.extract_in_windows(&doc, window)
        }))
        .map_err(|p| parley::ParleyError::Extraction {
            document: doc.id.clone(),
            message: parley::panic_message(p.as_ref()),
        }),
    };
    let panicked =
        |e: parley::ParleyError| TestCaseError::fail(format!("panic at {}: {e}", LAST_PANIC.lock().unwrap()));
    let extraction = run().map_err(panicked)?;
    let chars: Vec<char> = text.chars().collect();
    let at = |start: usize, end: usize| -> Result<String, TestCaseError> {
        prop_assert!(
            start <= end && end <= chars.len(),
            "span {start}..{end} outside {} chars",
            chars.len()
        );
        Ok(chars[start..end].iter().collect())
    };
    for m in &extraction.mentions {
        prop_assert_eq!(
            at(m.start, m.end)?,
            m.text.clone(),
            "mention text differs from the text at its offsets"
        );
        prop_assert!(m.entity < extraction.entities.len());
    }
    for e in &extraction.events {
        prop_assert_eq!(
            at(e.evidence.start, e.evidence.end)?,
            e.evidence.text.clone(),
            "evidence differs from the text at its offsets"
        );
        prop_assert!(e.agents.iter().all(|&(_, a)| a < extraction.entities.len()));
        prop_assert!(e.location.is_none_or(|l| l < extraction.entities.len()));
    }
    let bytes = nquads(&doc, &extraction);
    for quad in RdfParser::from_format(RdfFormat::NQuads).for_slice(&bytes) {
        prop_assert!(quad.is_ok(), "N-Quads do not parse: {:?}", quad.err());
    }
    let again = run().map_err(panicked)?;
    prop_assert!(nquads(&doc, &again) == bytes, "the same text gave other bytes");
    Ok(())
}

/// Where the last panic was raised, for the failure message.
static LAST_PANIC: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Replaces the default panic hook by one that only records where the panic was.
fn quiet_panics() {
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            if let Some(location) = info.location() {
                *LAST_PANIC.lock().unwrap() = location.to_string();
            }
        }))
    });
}

/// Runs `cases` cases of `test`, failing with the minimal failing input.
///
/// The extractor's panics are caught and reported as test failures, so the
/// default panic hook (a message and backtrace on stderr for each of the
/// hundreds of panics that shrinking makes) is replaced by a silent one.
fn run_cases<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    quiet_panics();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(failure) = runner.run(&strategy, test) {
        eprintln!("{failure}");
        panic!("{failure}");
    }
}

#[test]
fn extraction_of_arbitrary_unicode_keeps_offsets_evidence_and_output_sound() {
    let extractor = Extractor::new().unwrap();
    run_cases(400, texts(), |text| check(&extractor, &text, None));
}

#[test]
fn windows_of_arbitrary_unicode_join_into_a_sound_extraction() {
    let extractor = Extractor::new().unwrap();
    run_cases(200, (texts(), 8usize..400), |(text, window)| {
        check(&extractor, &text, Some(window))
    });
}

#[test]
fn text_handling_regressions() {
    // texts that once broke a property: each stays here once fixed
    let extractor = Extractor::new().unwrap();
    let texts = [
        // a speaker whose name began in the headline line before
        "Burlington Northern Inc's El Paso\nNatural Gas Co said it filed its regularly scheduled gas cost\nadjustment.\n",
        "\r\r\n\u{201C}\u{201D}\u{0301}. Putin said \u{202E}\u{0645}\u{0635}\u{0631}\r",
        "",
        // a phrase after a name cut at 80 bytes, inside a character
        "President Recep Tayyip Erdogan \u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}",
        // a no-break space before an abbreviation
        "\u{a0}Mr. Lavrov",
        // the word before a predicate that opens its sentence is in the line before
        "JACOR TO BUY TWO STATIONS\nCINCINNATI, April 9 -\nJacor Communications INC SAID IT\nAGREED TO BUy two stations.\n",
        // a word whose lower case is longer than itself ("İ") after a two-byte character
        "The plan failed. \u{ab}\u{130} urged Norway to lift the ban.",
        // a cue window ending inside a character
        "Kenya held talks with\n\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}",
    ];
    for text in texts {
        check(&extractor, text, None).unwrap();
        check(&extractor, text, Some(16)).unwrap();
    }
}

/// A small seeded generator (SplitMix64): the mutation run is reproduced from its seed.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `text` with a few random edits: deletions, insertions of pieces, case
/// changes and duplicated spans, each at character boundaries.
fn mutate(text: &str, rng: &mut SplitMix) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(12) {
        let at = rng.below(chars.len() + 1);
        let len = rng.below(40).min(chars.len() - at);
        match rng.below(5) {
            0 => {
                chars.drain(at..at + len);
            }
            1 => {
                let piece = PIECES[rng.below(PIECES.len())];
                chars.splice(at..at, piece.chars());
            }
            2 => {
                for c in &mut chars[at..at + len] {
                    *c = c.to_uppercase().next().unwrap_or(*c);
                }
            }
            3 => {
                for c in &mut chars[at..at + len] {
                    *c = c.to_lowercase().next().unwrap_or(*c);
                }
            }
            _ => {
                let span: Vec<char> = chars[at..at + len].to_vec();
                chars.splice(at..at, span);
            }
        }
    }
    chars.into_iter().collect()
}

/// The corpora's texts, read at run time (never copied into the repo).
fn corpus_texts() -> Vec<String> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    let mut texts = Vec::new();
    for (file, fields) in [
        ("reuters21578/reuters21578.jsonl", &["title", "dateline", "body"][..]),
        ("bbc/bbc_articles.jsonl", &["title", "text"][..]),
    ] {
        let content = std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        for line in content.lines() {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let parts: Vec<&str> = fields.iter().filter_map(|f| value.get(*f)?.as_str()).collect();
            texts.push(parts.join("\n"));
        }
    }
    texts
}

/// Random edits of the corpora's texts, for `PARLEY_MUTATION_SECONDS`
/// seconds (default 20) from seed `PARLEY_MUTATION_SEED` (default a fixed
/// one; CI passes a new one each run and prints it): each mutated text is held
/// to the properties above. A failure names the seed and the case number, so
/// it can be run again.
#[test]
fn mutated_corpus_texts_keep_the_properties() {
    let seconds: f64 = std::env::var("PARLEY_MUTATION_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20.0);
    let seed: u64 = std::env::var("PARLEY_MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(15);
    let texts = corpus_texts();
    assert!(texts.len() > 20_000, "corpora not found or incomplete");
    let extractor = Extractor::new().unwrap();
    let mut rng = SplitMix(seed);
    let started = std::time::Instant::now();
    let mut cases = 0u64;
    quiet_panics();
    while started.elapsed().as_secs_f64() < seconds {
        let source = rng.below(texts.len());
        let text = mutate(&texts[source], &mut rng);
        let window = (rng.below(4) == 0).then(|| 64 + rng.below(2000));
        cases += 1;
        if let Err(failure) = check(&extractor, &text, window) {
            let message =
                format!("seed {seed}, case {cases} (text {source}, window {window:?}): {failure}\ntext: {text:?}");
            eprintln!("{message}");
            panic!("{message}");
        }
    }
    eprintln!("mutation run: seed {seed}, {cases} mutated texts in {seconds} s");
    assert!(cases > 0);
}
