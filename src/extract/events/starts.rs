//! Where each event rule may match in a sentence, found for every rule in
//! one pass.
//!
//! Every match of a rule's pattern begins with one of a few literal words
//! ("met", "talks", "urged"...), which the regex parser can list, and, as
//! each pattern opens with `\b`, at the start of a word. One walk over a
//! sentence's words through a trie of those literals finds every place
//! where any rule may match; a rule's regex then runs anchored at those
//! places only, instead of each rule's lazy DFA scanning the whole sentence
//! (and the set of triggers scanning it once more): with forty rules, the
//! DFAs' tables did not stay in the cache, and their scans ran slowly.
//!
//! Words are compared ignoring ASCII case, which finds every place a
//! case-insensitive match may begin provided that no character of the
//! sentence folds to an ASCII letter without being one: Unicode case
//! folding maps only the long s (U+017F) to `s` and the Kelvin sign
//! (U+212A) to `k` (a test checks every character). A sentence holding
//! either is searched by each rule's regex as before, as is every rule that
//! does not open with `\b` or whose matches may begin otherwise than with
//! an ASCII word character of a literal.

use regex_automata::{meta::Regex, Anchored, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

use crate::extract::sentences::Sentence;

/// Symbols of the trie: the 37 ASCII characters of `\w`, letters folded.
const SYMBOLS: usize = 37;

/// The symbol of each byte; `NO_SYMBOL` for a byte that is no ASCII `\w`.
const SYMBOL_OF: [u8; 256] = {
    let mut table = [NO_SYMBOL; 256];
    let mut b = 0;
    while b < 26 {
        table[b'a' as usize + b] = b as u8;
        table[b'A' as usize + b] = b as u8;
        b += 1;
    }
    let mut d = 0;
    while d < 10 {
        table[b'0' as usize + d] = 26 + d as u8;
        d += 1;
    }
    table[b'_' as usize] = 36;
    table
};
/// Past the symbols, so that no node has a child by it (see
/// [`RuleStarts::child`]).
const NO_SYMBOL: u8 = 63;

/// The symbols of [`RuleStarts::first_three`]: the trie's, and [`NOT_WORD`]
/// for a byte that is no ASCII `\w`.
const KEY_SYMBOL_OF: [u8; 256] = {
    let mut table = [NOT_WORD; 256];
    let mut b = 0;
    while b < 256 {
        if SYMBOL_OF[b] != NO_SYMBOL {
            table[b] = SYMBOL_OF[b];
        }
        b += 1;
    }
    table
};
/// A byte that is no ASCII `\w`, or none, in a key of three symbols.
const NOT_WORD: u8 = SYMBOLS as u8;
/// The keys of three symbols.
const KEYS: usize = (SYMBOLS + 1).pow(3);

/// Whether `byte` is an ASCII character of `\w`.
pub(super) fn is_ascii_word(byte: u8) -> bool {
    SYMBOL_OF[byte as usize] != NO_SYMBOL
}

/// The bit of a child in the trie telling that a literal ends there that
/// a word beginning with it may match (its [`Ending::rest`] is None).
const WORD_ENDS: u32 = 1 << 31;
/// The bit of a child telling that a literal ends there that goes on past
/// the word (its [`Ending::rest`] is Some): only a word that ends there may
/// match it. Common words open such literals ("to visit", "a visit", "is
/// set"), and a walk read their endings at every word they begin ("today",
/// "about"), for nothing.
const REST_ENDS: u32 = 1 << 30;
/// Either bit: literals end at the child.
const HAS_ENDINGS: u32 = WORD_ENDS | REST_ENDS;

/// What a literal that ends at a trie node asks of the text.
struct Ending {
    rule: u32,
    /// None: the literal is all word characters, and a word that starts
    /// with them may match. Some: the literal goes on past its word with
    /// these bytes (see [`may_follow`]), opening with a non-word character,
    /// so the word must end here and the bytes follow it.
    rest: Option<Box<[u8]>>,
    /// Whether the literal is a whole match of its rule when the word ends
    /// with it (see `certain_words`).
    whole: bool,
}

/// One slot of [`RuleStarts::slots`].
#[derive(Clone, Copy)]
struct Slot {
    /// The slot of the node whose child this slot holds; [`NO_PARENT`] for
    /// a free slot.
    parent: u32,
    /// The child as a walk reads it: this slot's index, with
    /// [`HAS_ENDINGS`] set when literals end here.
    child: u32,
    /// Where this node's children begin: its child by symbol `s` is in
    /// slot `base + s`.
    base: u32,
}

const NO_PARENT: u32 = u32::MAX;

const FREE: Slot = Slot {
    parent: NO_PARENT,
    child: 0,
    base: 0,
};

/// Lays out the trie of dense `children` (rows of [`SYMBOLS`] by node,
/// node 0 the root) as a double array: each node's children in free slots
/// at one base, nodes nearer the root first (they are read most). Returns
/// the slots and the slot of each node.
fn double_array(children: &[u32]) -> (Vec<Slot>, Vec<u32>) {
    let nodes = children.len() / SYMBOLS;
    let mut slots = vec![FREE];
    let mut slot_of = vec![0u32; nodes];
    let mut first_free = 1;
    let mut queue = std::collections::VecDeque::from([0usize]);
    while let Some(node) = queue.pop_front() {
        let row = &children[node * SYMBOLS..(node + 1) * SYMBOLS];
        let symbols: Vec<usize> = (0..SYMBOLS).filter(|&s| row[s] != 0).collect();
        let Some(&lowest) = symbols.first() else {
            continue;
        };
        while slots.get(first_free).is_some_and(|slot| slot.parent != NO_PARENT) {
            first_free += 1;
        }
        let mut base = first_free.saturating_sub(lowest).max(1);
        while symbols
            .iter()
            .any(|&s| slots.get(base + s).is_some_and(|slot| slot.parent != NO_PARENT))
        {
            base += 1;
        }
        // every slot a lookup from this base may read, [`NO_SYMBOL`] too
        let reach = base + NO_SYMBOL as usize + 1;
        if slots.len() < reach {
            slots.resize(reach, FREE);
        }
        for &s in &symbols {
            let child = (row[s] & !HAS_ENDINGS) as usize;
            let at = base + s;
            slots[at] = Slot {
                parent: slot_of[node],
                child: at as u32 | (row[s] & HAS_ENDINGS),
                base: 0,
            };
            slot_of[child] = at as u32;
            queue.push_back(child);
        }
        slots[slot_of[node] as usize].base = base as u32;
    }
    (slots, slot_of)
}

/// The bit of a start in `DocStarts::at` telling that its rule matches
/// there for certain (see [`Ending::whole`]).
const CERTAIN: u32 = 1 << 31;

/// The literal starts of every rule that opens with `\b`, in one trie.
///
/// The trie is walked at every word of every sentence, between passes that
/// fill the caches with other tables: a table of 37 children per node
/// (220 KiB) was mostly out of cache, and its loads took a third of the
/// walk. The trie is stored as a double array instead (some tens of KiB): a
/// node's child by a symbol is the slot at the node's base plus the
/// symbol, if that slot's parent is the node. That is read with no search
/// and no branch: a search of each node's edges mispredicted at most words,
/// and a bit per symbol with a count of the bits below took a software
/// population count (no `popcnt` in the baseline x86-64 target) per step.
pub(super) struct RuleStarts {
    /// The root's child by symbol. A child is a slot index, with
    /// [`HAS_ENDINGS`] set when literals end there; 0 for none (slot 0, the
    /// root, is no one's child).
    root: [u32; SYMBOLS],
    /// The double array, by slot; a node is the slot it is stored in.
    slots: Vec<Slot>,
    /// The literals ending at each slot's node.
    endings: Vec<Vec<Ending>>,
    /// Whether a rule's matches all begin at one of its literals in the trie.
    covered: Vec<bool>,
    /// A bit for each key of a word's first three symbols (see
    /// [`key_of`]) whose walk may record a literal: a literal of the first
    /// one or two ends there (and the word too, for a literal that goes on
    /// past it), or the trie goes on by all three. Most words begin no
    /// literal (57 % of the word starts of the first 300 Reuters stories
    /// fail the bit), and their walks ended after a step or two at a
    /// mispredicted exit; the bit, read from a table that stays in cache
    /// (7 KiB), skips them.
    first_three: Box<[u64]>,
}

/// The key of the three symbols of `bytes` from `at` on, for
/// [`RuleStarts::first_three`]; [`NOT_WORD`] past its end.
fn key_of(bytes: &[u8], at: usize) -> usize {
    let symbol = |i: usize| usize::from(bytes.get(i).map_or(NOT_WORD, |&b| KEY_SYMBOL_OF[usize::from(b)]));
    const BASE: usize = SYMBOLS + 1;
    (symbol(at) * BASE + symbol(at + 1)) * BASE + symbol(at + 2)
}

/// The places in a document where a rule's words begin, as they are found.
#[derive(Default)]
struct Starts {
    /// Each start found, as (rule, byte offset in the text), in text order,
    /// each once: [`DocStarts::at`] as it is filled.
    at: Vec<(u32, u32)>,
    /// Where the starts of the word being walked begin in `at`: a rule
    /// found twice in one word (by two of its literals) is kept once.
    word_first: usize,
    /// False when the sentence being walked holds a character that folds
    /// to an ASCII letter: then no rule is searched at its starts alone.
    usable: bool,
}

/// In a literal, where the rule's pattern has a space: one or more
/// characters of white space (`\s+`, see `EventRules::compile`). No byte of
/// UTF-8 text.
const SPACES: u8 = 0xFF;

/// The character standing for the pattern's spaces while its literals are
/// listed: a private-use character, no pattern's own.
const SPACE_MARK: &str = "\u{E000}";

/// The rule starts of every sentence of a document, found in one pass
/// before its sentences are read: between the sentences' reading, other
/// tables pushed the trie and the text out of the cache, and each
/// sentence's walk began with misses (measured: a walk right after took
/// half the time).
pub(super) struct DocStarts {
    /// Every start, as (rule, byte offset in the text), by sentence, and in
    /// a sentence in text order. Only the rules that start somewhere are
    /// listed: a span for each rule in each sentence, mostly empty, cost
    /// more than the starts themselves.
    at: Vec<(u32, u32)>,
    /// Where each sentence's starts begin in `at`, and after the last
    /// sentence where they end.
    firsts: Vec<u32>,
    /// For each sentence, a bit for each rule that starts in it
    /// (`words` of 64 bits a sentence): most rules asked about start
    /// nowhere in the sentence, and are answered without a look at `at`.
    present: Vec<u64>,
    words: usize,
    /// Whether each sentence's starts may be used (see [`Starts`]).
    usable: Vec<bool>,
}

/// One sentence's part of [`DocStarts`].
pub(super) struct SentenceStarts<'a> {
    /// The sentence's starts, in text order.
    at: &'a [(u32, u32)],
    present: &'a [u64],
    usable: bool,
}

impl DocStarts {
    /// The starts of sentence `si`.
    pub(super) fn sentence(&self, si: usize) -> SentenceStarts<'_> {
        SentenceStarts {
            at: &self.at[self.firsts[si] as usize..self.firsts[si + 1] as usize],
            present: &self.present[si * self.words..(si + 1) * self.words],
            usable: self.usable[si],
        }
    }
}

impl<'a> SentenceStarts<'a> {
    /// The offsets where `rule` starts, [`CERTAIN`] marked, in text order.
    fn of_rule(&self, rule: usize) -> impl Iterator<Item = u32> + 'a {
        let at: &'a [(u32, u32)] = match self.present[rule / 64] >> (rule % 64) & 1 {
            0 => &[],
            _ => self.at,
        };
        let rule = rule as u32;
        at.iter().filter(move |&&(r, _)| r == rule).map(|&(_, at)| at)
    }
}

/// The literals every match of the rule written as `written` begins with
/// (lower case, [`SPACES`] for its spaces), when they are finite,
/// non-empty, ASCII and open with a word character, and every match opens
/// at a word boundary; None otherwise. Parsed case-sensitively: the trie
/// ignores ASCII case itself, and a case-insensitive parse would list every
/// mix of cases.
fn literal_starts(written: &str) -> Option<Vec<(Vec<u8>, bool)>> {
    if !opens_with_word_boundary(&parse(&written.replace(' ', r"\s+"))?) {
        return None;
    }
    // the words around a space are listed with it ("held talks", not
    // "held"), which keeps "held" alone from being a start
    let marked = written.replace(' ', SPACE_MARK);
    let literals = match parse(&marked) {
        Some(hir) if spaces_are_plain(&hir) => literals_of(&hir)?,
        _ => literals_of(&parse(&written.replace(' ', r"\s+"))?)?,
    };
    literals
        .into_iter()
        .map(|(literal, exact)| {
            let literal = literal.replace(SPACE_MARK, "\u{0}").to_ascii_lowercase();
            let bytes: Vec<u8> = literal.bytes().map(|b| if b == 0 { SPACES } else { b }).collect();
            (bytes.first().is_some_and(|&b| is_ascii_word(b)) && bytes.iter().all(|&b| b.is_ascii() || b == SPACES))
                .then_some((bytes, exact))
        })
        .collect()
}

/// The prefix literals of `hir`, when finite, each with whether it is
/// exact: a whole match, its look-arounds aside.
fn literals_of(hir: &Hir) -> Option<Vec<(String, bool)>> {
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix).limit_total(4096);
    let seq = extractor.extract(hir);
    seq.literals()?
        .iter()
        .map(|l| {
            String::from_utf8(l.as_bytes().to_vec())
                .ok()
                .map(|text| (text, l.is_exact()))
        })
        .collect()
}

/// Whether the words of the rule written as `written` stand between `\b`
/// and `\b` with no other look-around: then an exact literal of them is a
/// match wherever a word starts and ends with it (a word boundary before
/// and after: ASCII characters of no word around it).
fn certain_words(written: &str) -> bool {
    fn no_looks(hir: &Hir) -> bool {
        match hir.kind() {
            HirKind::Look(_) => false,
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => true,
            HirKind::Repetition(repetition) => no_looks(&repetition.sub),
            HirKind::Capture(capture) => no_looks(&capture.sub),
            HirKind::Concat(items) | HirKind::Alternation(items) => items.iter().all(no_looks),
        }
    }
    let Some(hir) = parse(&written.replace(' ', r"\s+")) else {
        return false;
    };
    let boundary = |h: &Hir| matches!(h.kind(), HirKind::Look(Look::WordUnicode));
    match hir.kind() {
        HirKind::Concat(items) if items.len() >= 3 => {
            boundary(&items[0]) && boundary(&items[items.len() - 1]) && items[1..items.len() - 1].iter().all(no_looks)
        }
        _ => false,
    }
}

/// Whether the marked spaces of `hir` stand where `\s+` can take their
/// place: in literals, neither in a class nor repeated on their own (a
/// space with `?` after it would be `\s+?`, not an optional space).
fn spaces_are_plain(hir: &Hir) -> bool {
    let mark = SPACE_MARK.chars().next().expect("a character");
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) => true,
        HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => {
            !class.ranges().iter().any(|r| r.start() <= mark && mark <= r.end())
        }
        HirKind::Class(regex_syntax::hir::Class::Bytes(_)) => true,
        HirKind::Repetition(repetition) => {
            !matches!(repetition.sub.kind(), HirKind::Literal(l) if l.0.as_ref() == SPACE_MARK.as_bytes())
                && spaces_are_plain(&repetition.sub)
        }
        HirKind::Capture(capture) => spaces_are_plain(&capture.sub),
        HirKind::Concat(items) | HirKind::Alternation(items) => items.iter().all(spaces_are_plain),
    }
}

fn parse(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .utf8(true)
        .build()
        .parse(pattern)
        .ok()
}

/// Whether every match of `hir` must stand at a word boundary.
fn opens_with_word_boundary(hir: &Hir) -> bool {
    let first = match hir.kind() {
        HirKind::Concat(items) => items.first(),
        _ => Some(hir),
    };
    first.is_some_and(|h| matches!(h.kind(), HirKind::Look(Look::WordUnicode)))
}

/// Adds `literal` of `rule` to the trie of dense `children` and `endings`.
fn add(children: &mut Vec<u32>, endings: &mut Vec<Vec<Ending>>, rule: u32, literal: &[u8], whole: bool) {
    let word = literal.iter().take_while(|&&b| is_ascii_word(b)).count();
    let mut node = 0;
    let mut slot = 0;
    for &b in &literal[..word] {
        slot = node * SYMBOLS + SYMBOL_OF[b as usize] as usize;
        if children[slot] == 0 {
            children[slot] = endings.len() as u32;
            endings.push(Vec::new());
            children.extend([0; SYMBOLS]);
        }
        node = (children[slot] & !HAS_ENDINGS) as usize;
    }
    // a literal opens with a word character: never the root
    let rest: Option<Box<[u8]>> = (word < literal.len()).then(|| literal[word..].into());
    children[slot] |= if rest.is_none() { WORD_ENDS } else { REST_ENDS };
    let whole = whole && rest.is_none();
    endings[node].push(Ending { rule, rest, whole });
}

/// A bit for each byte of `chunk` (at most 64) that is an ASCII `\w`
/// character, eight bytes at a time without a branch.
fn word_mask(chunk: &[u8]) -> u64 {
    let eights = chunk.chunks_exact(8);
    let tail = eights.remainder();
    let mask = eights.enumerate().fold(0, |mask, (k, eight)| {
        let eight: [u8; 8] = eight.try_into().expect("eight bytes");
        mask | (word_bits(u64::from_le_bytes(eight)) << (8 * k))
    });
    if tail.is_empty() {
        return mask;
    }
    // the last few bytes, padded with bytes of no word
    let mut last = [0u8; 8];
    last[..tail.len()].copy_from_slice(tail);
    mask | (word_bits(u64::from_le_bytes(last)) << (chunk.len() - tail.len()))
}

/// A bit for each byte of `x` (first byte lowest) that is an ASCII `\w`
/// character.
fn word_bits(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !HIGH;
    // the high bit of each byte set where its low seven bits are in lo..=hi:
    // no sum carries into the next byte
    let within = |v: u64, lo: u8, hi: u8| (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7F - hi)) & HIGH;
    let letter = within(low7 | (ONES * 0x20), b'a', b'z');
    let word = (letter | within(low7, b'0', b'9') | within(low7, b'_', b'_')) & !x;
    // the high bits, one per byte, gathered into the top byte
    ((word >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Whether `byte` is white space of `\s`: the ASCII ones.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Whether `text` may go on as `rest` does (lower case, [`SPACES`] for a
/// run of white space). Past a character that is not ASCII, or white
/// space where a space ends, it may.
fn may_follow(text: &[u8], rest: &[u8]) -> bool {
    let mut at = 0;
    for (i, &want) in rest.iter().enumerate() {
        let Some(&got) = text.get(at) else {
            return false;
        };
        if !got.is_ascii() {
            return true;
        }
        if want == SPACES {
            if !is_ascii_space(got) {
                return false;
            }
            while text.get(at).is_some_and(|&b| is_ascii_space(b)) {
                at += 1;
            }
            // a space before white space or another space: the run may end sooner
            if rest
                .get(i + 1)
                .is_some_and(|&next| next == SPACES || is_ascii_space(next))
            {
                return true;
            }
            continue;
        }
        if got.to_ascii_lowercase() != want {
            return false;
        }
        at += 1;
    }
    true
}

impl RuleStarts {
    /// The starts of the rules written as `written` (their spaces to be
    /// compiled as `\s+`; case-insensitive, Unicode).
    pub(super) fn new(written: &[&str]) -> RuleStarts {
        // built with a dense table of children, then laid out as a double array
        let mut children = vec![0; SYMBOLS];
        let mut endings = vec![Vec::new()];
        let mut covered = Vec::new();
        for (rule, pattern) in written.iter().enumerate() {
            let literals = literal_starts(pattern);
            covered.push(literals.is_some());
            let certain = certain_words(pattern);
            for (literal, exact) in literals.into_iter().flatten() {
                add(&mut children, &mut endings, rule as u32, &literal, certain && exact);
            }
        }
        let (slots, slot_of) = double_array(&children);
        let mut slot_endings: Vec<Vec<Ending>> = std::iter::repeat_with(Vec::new).take(slots.len()).collect();
        for (node, node_endings) in endings.into_iter().enumerate() {
            slot_endings[slot_of[node] as usize] = node_endings;
        }
        let root = std::array::from_fn(|s| match children[s] {
            0 => 0,
            child => slot_of[(child & !HAS_ENDINGS) as usize] | (child & HAS_ENDINGS),
        });
        let mut starts = RuleStarts {
            root,
            slots,
            endings: slot_endings,
            covered,
            first_three: Box::new([]),
        };
        starts.first_three = starts.keys_that_may_record();
        starts
    }

    /// The bits of [`RuleStarts::first_three`].
    fn keys_that_may_record(&self) -> Box<[u64]> {
        let mut bits = vec![0u64; KEYS.div_ceil(64)];
        let node = |child: u32| (child & !HAS_ENDINGS) as usize;
        // whether a walk records at `child`, the next symbol `next`
        let ends = |child: u32, next: u8| child & WORD_ENDS != 0 || child & REST_ENDS != 0 && next == NOT_WORD;
        // no child by a byte of no word, as in a walk
        let trie_symbol = |s: u8| if s == NOT_WORD { NO_SYMBOL } else { s };
        for (s0, &first) in self.root.iter().enumerate() {
            for s1 in 0..=NOT_WORD {
                let second = match first {
                    0 => 0,
                    _ => self.child(node(first), trie_symbol(s1)),
                };
                for s2 in 0..=NOT_WORD {
                    let third = match second {
                        0 => 0,
                        _ => self.child(node(second), trie_symbol(s2)),
                    };
                    if ends(first, s1) || ends(second, s2) || third != 0 {
                        let key = (s0 * (SYMBOLS + 1) + usize::from(s1)) * (SYMBOLS + 1) + usize::from(s2);
                        bits[key / 64] |= 1 << (key % 64);
                    }
                }
            }
        }
        bits.into_boxed_slice()
    }

    /// The child of `node` by `symbol`, 0 for none ([`NO_SYMBOL`] has none).
    fn child(&self, node: usize, symbol: u8) -> u32 {
        let at = self.slots[node].base as usize + symbol as usize;
        // in bounds: the slots reach past every base by NO_SYMBOL
        let slot = self.slots[at];
        if slot.parent == node as u32 {
            slot.child
        } else {
            0
        }
    }

    /// The rule starts of every sentence of a document but its headlines.
    pub(super) fn of_document(&self, text: &str, sentences: &[Sentence]) -> DocStarts {
        let words = self.covered.len().div_ceil(64);
        let mut doc = DocStarts {
            at: Vec::new(),
            firsts: Vec::with_capacity(sentences.len() + 1),
            present: vec![0; sentences.len() * words],
            words,
            usable: Vec::with_capacity(sentences.len()),
        };
        let mut starts = Starts::default();
        for (si, s) in sentences.iter().enumerate() {
            let first = starts.at.len();
            doc.firsts.push(first as u32);
            if s.headline {
                doc.usable.push(false);
                continue;
            }
            self.fill(text, s.start, s.end, &mut starts);
            doc.usable.push(starts.usable);
            let present = &mut doc.present[si * words..(si + 1) * words];
            for &(rule, _) in &starts.at[first..] {
                present[rule as usize / 64] |= 1 << (rule % 64);
            }
        }
        doc.firsts.push(starts.at.len() as u32);
        doc.at = starts.at;
        doc
    }

    /// Adds the rule starts in `text[from..to]` to `starts`. Not inlined
    /// (nor [`RuleStarts::record`]): inlined into the reading of events, the
    /// walk's loop kept its variables on the stack.
    #[inline(never)]
    fn fill(&self, text: &str, from: usize, to: usize, starts: &mut Starts) {
        let body = &text[from..to];
        starts.usable = body.is_ascii() || !(body.contains('\u{17F}') || body.contains('\u{212A}'));
        if !starts.usable {
            return;
        }
        let bytes = body.as_bytes();
        // word starts 64 bytes at a time, from a mask of word characters
        // made without branches: a branch per byte on where words start and
        // end was mispredicted at every word, and cost more than the walks
        let mut after_word = 0u64;
        for (chunk_at, chunk) in bytes.chunks(64).enumerate() {
            let word = word_mask(chunk);
            let mut word_starts = word & !((word << 1) | after_word);
            after_word = word >> 63;
            while word_starts != 0 {
                let at = chunk_at * 64 + word_starts.trailing_zeros() as usize;
                word_starts &= word_starts - 1;
                let key = key_of(bytes, at);
                if self.first_three[key / 64] >> (key % 64) & 1 == 0 {
                    continue;
                }
                starts.word_first = starts.at.len();
                self.walk(bytes, at, (from + at) as u32, starts);
            }
        }
    }

    /// Walks the word at `bytes[at..]` down the trie, recording the
    /// literals it holds as starting at `start`.
    fn walk(&self, bytes: &[u8], at: usize, start: u32, starts: &mut Starts) {
        let symbol = |i: usize| bytes.get(i).map_or(NO_SYMBOL, |&b| SYMBOL_OF[b as usize]);
        // a word boundary before the word for certain: an ASCII character before it, or none
        let after_ascii = at == 0 || bytes[at - 1].is_ascii();
        let mut child = self.root[symbol(at) as usize];
        let mut i = at + 1;
        // one exit, where the trie or the word ends (no child by NO_SYMBOL)
        while child != 0 {
            let node = (child & !HAS_ENDINGS) as usize;
            let next = symbol(i);
            if child & WORD_ENDS != 0 || child & REST_ENDS != 0 && next == NO_SYMBOL {
                self.record(node, (next == NO_SYMBOL, after_ascii), &bytes[i..], start, starts);
            }
            child = self.child(node, next);
            i += 1;
        }
    }

    /// Adds `start` to the starts of the literals ending at `node`, with
    /// whether the word ended there and whether an ASCII character (or
    /// none) stands before it; `after` the text that follows.
    #[inline(never)]
    fn record(&self, node: usize, (ended, after_ascii): (bool, bool), after: &[u8], start: u32, starts: &mut Starts) {
        // and an ASCII character (or none) after it: a boundary there too
        let bounded = ended && after_ascii && after.first().is_none_or(u8::is_ascii);
        for ending in &self.endings[node] {
            let fits = match &ending.rest {
                None => true,
                Some(rest) => ended && may_follow(after, rest),
            };
            if !fits {
                continue;
            }
            let mark = if ending.whole && bounded {
                start | CERTAIN
            } else {
                start
            };
            match starts.at[starts.word_first..]
                .iter_mut()
                .find(|(rule, _)| *rule == ending.rule)
            {
                Some((_, at)) => *at |= mark,
                None => starts.at.push((ending.rule, mark)),
            }
        }
    }

    /// Where `rule` may begin to match inside `hay` (which starts at byte
    /// `base` of the text), as offsets into `hay`, in text order; None when
    /// its regex must search the whole of `hay`.
    fn places<'s>(
        &self,
        rule: usize,
        starts: &SentenceStarts<'s>,
        hay: &str,
        base: usize,
    ) -> Option<impl Iterator<Item = usize> + 's> {
        if !starts.usable || !self.covered[rule] {
            return None;
        }
        let end = base + hay.len();
        Some(
            starts
                .of_rule(rule)
                .map(|at| (at & !CERTAIN) as usize)
                .filter(move |&at| at >= base && at < end)
                .map(move |at| at - base),
        )
    }

    /// Whether `rule` matches its sentence for certain, known from its
    /// words alone.
    fn matches_for_certain(&self, rule: usize, starts: &SentenceStarts<'_>) -> bool {
        if !starts.usable || !self.covered[rule] {
            return false;
        }
        starts.of_rule(rule).any(|at| at & CERTAIN != 0)
    }

    /// Whether `regex` (of `rule`) matches `hay`, the text from byte `base`
    /// on (the `whole` sentence or a window of one).
    pub(super) fn is_match(
        &self,
        rule: usize,
        regex: &Regex,
        starts: &SentenceStarts<'_>,
        (hay, base, whole): (&str, usize, bool),
    ) -> bool {
        if whole && self.matches_for_certain(rule, starts) {
            return true;
        }
        let Some(mut places) = self.places(rule, starts, hay, base) else {
            return regex.is_match(hay);
        };
        places.any(|at| regex.is_match(anchored_at(hay, at)))
    }

    /// The matches of `regex` (of `rule`) in `hay` as `find_iter` gives
    /// them, as spans of the text (`hay` starts at byte `base`).
    pub(super) fn find_iter(
        &self,
        rule: usize,
        regex: &Regex,
        starts: &SentenceStarts<'_>,
        hay: &str,
        base: usize,
    ) -> Vec<(usize, usize)> {
        let Some(places) = self.places(rule, starts, hay, base) else {
            return regex
                .find_iter(hay)
                .map(|m| (base + m.start(), base + m.end()))
                .collect();
        };
        // the next match begins at the first place past the last match's
        // end where one begins: what an unanchored search from there finds
        let mut found = Vec::new();
        let mut next = 0;
        for at in places {
            if at < next {
                continue;
            }
            if let Some(m) = regex.search(&anchored_at(hay, at)) {
                found.push((base + m.start(), base + m.end()));
                next = m.end();
            }
        }
        found
    }

    /// The first match of `regex` (of `rule`) in `hay`, as a span of the text.
    pub(super) fn first(
        &self,
        rule: usize,
        regex: &Regex,
        starts: &SentenceStarts<'_>,
        hay: &str,
        base: usize,
    ) -> Option<(usize, usize)> {
        let Some(mut places) = self.places(rule, starts, hay, base) else {
            return regex.find(hay).map(|m| (base + m.start(), base + m.end()));
        };
        places.find_map(|at| {
            regex
                .search(&anchored_at(hay, at))
                .map(|m| (base + m.start(), base + m.end()))
        })
    }
}

/// A search of `hay` anchored at byte `at` of it: a rule's match must begin
/// at one of its start places.
fn anchored_at(hay: &str, at: usize) -> Input<'_> {
    Input::new(hay).range(at..).anchored(Anchored::Yes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_long_s_and_the_kelvin_sign_fold_to_ascii_letters() {
        let letter = regex::Regex::new("(?i)^[a-z]$").unwrap();
        let folding: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| letter.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, vec!['\u{17F}', '\u{212A}']);
    }

    #[test]
    fn a_rule_starts_with_its_literal_words() {
        let spaced = |l: &str| {
            l.bytes()
                .map(|b| if b == b' ' { SPACES } else { b })
                .collect::<Vec<u8>>()
        };
        assert_eq!(
            literal_starts(r"\b(?:met|Held talks|treat(?:y|ies))\b"),
            Some(vec![
                (spaced("met"), true),
                (spaced("held talks"), true),
                (spaced("treaty"), true),
                (spaced("treaties"), true)
            ])
        );
        // a space repeated on its own is no plain space: the words before it only
        assert_eq!(literal_starts(r"\bheld ?talks"), Some(vec![(spaced("held"), false)]));
        // a match may begin anywhere, or not at a word boundary: no literal start
        assert_eq!(literal_starts(r"\b\w+ talks"), None);
        assert_eq!(literal_starts(r"\b(?:talks)?"), None);
        assert_eq!(literal_starts(r"talks"), None);
        assert_eq!(literal_starts(r"\b'll"), None);
    }

    #[test]
    fn a_whole_word_matches_for_certain_only_between_word_boundaries() {
        assert!(certain_words(r"\b(?:said|told)\b"));
        assert!(!certain_words(r"\b(?:said|told)"));
        assert!(!certain_words(r"\b(?:said\b|told)\b"));
        let trie = RuleStarts::new(&[r"\b(?:said|held talks)\b"]);
        let certain = |text: &str| {
            let sentences = [Sentence {
                start: 0,
                end: text.len(),
                headline: false,
            }];
            trie.matches_for_certain(0, &trie.of_document(text, &sentences).sentence(0))
        };
        assert!(certain("He said so."));
        assert!(certain("SAID"));
        assert!(!certain("He saidso."));
        assert!(!certain("Le d\u{e9}said"));
        assert!(!certain("He said\u{e9}"));
        // a literal going on past its word is left to the regex
        assert!(!certain("They held talks"));
    }

    #[test]
    fn a_word_whose_first_three_symbols_fail_the_bit_records_nothing() {
        let trie = RuleStarts::new(&[r"\b(?:met|held talks|to visit|a visit|treat(?:y|ies)|u\.n\.)"]);
        let byte = |s: usize| b"abcdefghijklmnopqrstuvwxyz0123456789_ "[s];
        // a word starts with a word character
        let keys = 0..SYMBOLS * 38 * 38;
        for key in keys.filter(|&k| trie.first_three[k / 64] >> (k % 64) & 1 == 0) {
            let (s0, s1, s2) = (key / 38 / 38, key / 38 % 38, key % 38);
            let word = [byte(s0), byte(s1), byte(s2), b' ', b'v', b'i', b's', b'i', b't', b'.'];
            let mut starts = Starts::default();
            trie.walk(&word, 0, 0, &mut starts);
            assert!(starts.at.is_empty(), "{}", String::from_utf8_lossy(&word));
        }
    }

    #[test]
    fn the_word_mask_marks_the_ascii_word_characters() {
        let bytes: Vec<u8> = (0..=255).collect();
        for chunk in bytes.chunks(64).chain(bytes.chunks(37)) {
            let mask = word_mask(chunk);
            for (k, &b) in chunk.iter().enumerate() {
                assert_eq!(mask >> k & 1 == 1, is_ascii_word(b), "byte {b}");
            }
        }
    }

    #[test]
    fn a_literal_may_follow_over_any_run_of_white_space() {
        let rest = [b'-', b'd', b'o', b'w', b'n'];
        assert!(may_follow(b"-Down talks", &rest));
        assert!(!may_follow(b"-dawn", &rest));
        assert!(!may_follow(b"-do", &rest));
        let rest = [SPACES, b't', b'a', b'l', b'k', b's'];
        assert!(may_follow(b" talks", &rest));
        assert!(may_follow(b"\n \tTALKS", &rest));
        assert!(!may_follow(b"talks", &rest));
        assert!(!may_follow(b" walks", &rest));
        // a character past ASCII may be white space of `\s`
        assert!(may_follow(" \u{A0}talks".as_bytes(), &rest));
    }
}
