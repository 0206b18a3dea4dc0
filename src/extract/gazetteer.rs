//! Gazetteer lookup: every name of every state, place and organization,
//! compiled once into one trie walked from word starts.
//!
//! Matching is case-sensitive (news capitalizes names; "turkey" is a bird) and
//! on whole words; where names overlap the longest wins ("Northern Ireland"
//! over "Ireland", "Latin America" over "America").

use rustc_hash::FxHashSet as HashSet;

use crate::error::ParleyError;
use crate::extract::ascii::{alphanumeric_bits, alphanumeric_run, eight_bytes, HIGH_BITS};
use crate::extract::lexicon::Lexicon;

/// What a surface form can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A name of a state ("Russia", "Russian Federation").
    StateName(usize),
    /// An adjective or demonym ("Russian", "Russians").
    StateAdjective(usize),
    /// A capital or seat of government ("Moscow"), a place or the state by context.
    StateCapital(usize),
    /// A government metonym ("the Kremlin").
    StateMetonym(usize),
    Place(usize),
    Organization(usize),
    /// A public figure of `people.tsv`.
    Person(usize),
}

/// A gazetteer hit in a text, byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'g> {
    pub start: usize,
    pub end: usize,
    /// What the matched form names, borrowed from the gazetteer.
    pub targets: &'g [Target],
}

/// The compiled gazetteer.
pub struct Gazetteer {
    forms: WordForms,
    targets: Vec<Vec<Target>>,
}

impl Gazetteer {
    /// Compiles every surface form of the lexicon.
    pub fn compile(lexicon: &Lexicon) -> Result<Gazetteer, ParleyError> {
        Gazetteer::compile_forms(lexicon, None)
    }

    /// Compiles the upper-case forms of the names of states and places, for
    /// all-caps lines ("U.S. TRADE DEFICIT WIDENS"). Only forms with a period
    /// or at least four letters, and none of `ambiguous` (names that are also
    /// words once the case is gone: "SALE", "GUINEA"); no organizations or
    /// people, whose short forms are too often words in capitals.
    pub fn compile_caps(lexicon: &Lexicon, ambiguous: &HashSet<String>) -> Result<Gazetteer, ParleyError> {
        Gazetteer::compile_forms(lexicon, Some(ambiguous))
    }

    fn compile_forms(lexicon: &Lexicon, caps: Option<&HashSet<String>>) -> Result<Gazetteer, ParleyError> {
        let mut forms: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
        let mut add = |form: &str, target: Target| {
            let form = form.trim();
            if form.is_empty() {
                return;
            }
            let upper;
            let form = match caps {
                None => form,
                Some(ambiguous) => {
                    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
                    let kept = matches!(
                        target,
                        Target::StateName(_)
                            | Target::StateAdjective(_)
                            | Target::StateCapital(_)
                            | Target::StateMetonym(_)
                            | Target::Place(_)
                    ) && (form.contains('.') || letters >= 4)
                        && !ambiguous.contains(form);
                    if !kept {
                        return;
                    }
                    upper = form.to_uppercase();
                    upper.as_str()
                }
            };
            let i = *index.entry(form.to_string()).or_insert_with(|| {
                forms.push(form.to_string());
                targets.push(Vec::new());
                forms.len() - 1
            });
            if !targets[i].contains(&target) {
                targets[i].push(target);
            }
        };
        for (i, s) in lexicon.states.iter().enumerate() {
            add(&s.name, Target::StateName(i));
            for n in &s.names {
                add(n, Target::StateName(i));
            }
            for a in &s.adjectives {
                add(a, Target::StateAdjective(i));
            }
            for c in &s.capitals {
                add(c, Target::StateCapital(i));
            }
            for m in &s.metonyms {
                add(m, Target::StateMetonym(i));
            }
        }
        for (i, o) in lexicon.orgs.iter().enumerate() {
            add(&o.name, Target::Organization(i));
            for a in &o.aliases {
                add(a, Target::Organization(i));
            }
        }
        for (i, p) in lexicon.people.iter().enumerate() {
            add(&p.name, Target::Person(i));
            for a in &p.aliases {
                add(a, Target::Person(i));
            }
        }
        for (i, p) in lexicon.places.iter().enumerate() {
            add(&p.name, Target::Place(i));
            for a in &p.aliases {
                add(a, Target::Place(i));
            }
        }
        let forms = WordForms::new(&forms, false);
        Ok(Gazetteer { forms, targets })
    }

    /// Whole-word hits in `text[start..end]`, longest-leftmost, not overlapping.
    ///
    /// Word boundaries are those of the window: a name may start at its
    /// first byte and end at its last.
    pub fn find(&self, text: &str, start: usize, end: usize) -> Vec<Hit<'_>> {
        let window = &text[start..end];
        let starts = |at: usize| {
            let mut before = window[..at - start].chars().rev();
            starts_word(before.next(), before.next())
        };
        self.forms
            .find(text, start, end, starts, |at| ends_word(window, at - start))
            .into_iter()
            .map(|(start, end, form)| Hit {
                start,
                end,
                targets: &self.targets[form],
            })
            .collect()
    }

    /// Every whole-word occurrence of every form, by an overlapping search
    /// over all bytes: the reference [`Gazetteer::find`] is tested against.
    #[cfg(test)]
    fn find_by_overlapping_search(&self, text: &str, start: usize, end: usize) -> Vec<Hit<'_>> {
        let slice = &text[start..end];
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        let automaton = aho_corasick::AhoCorasick::new(&self.forms.forms).expect("the forms compile");
        for m in automaton.find_overlapping_iter(slice) {
            if is_word_boundary(slice, m.start(), m.end()) {
                candidates.push((m.start(), m.end(), m.pattern().as_usize()));
            }
        }
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut hits: Vec<Hit> = Vec::new();
        let mut covered = 0;
        for (s, e, p) in candidates {
            if s < covered {
                continue;
            }
            covered = e;
            hits.push(Hit {
                start: start + s,
                end: start + e,
                targets: &self.targets[p],
            });
        }
        hits
    }
}

/// A set of forms (names, titles) found where words start.
///
/// A form can only begin where a word does, so instead of running an
/// Aho-Corasick automaton over every byte and following its failure links,
/// [`WordForms::find`] walks a trie of the forms from word starts, and stops
/// at the first byte no form continues. (An Aho-Corasick automaton walked
/// anchored did the same, but building its failure links and its compact
/// form, which no walk uses, cost more than any other part of start-up.)
/// The trie takes megabytes, and the first steps of a walk are most often
/// cache misses (the later ones read on, see [`Trie`]); so a word is walked
/// only if some form begins with the same
/// first three bytes (as classes: [`WordForms::first_threes`]) and the same
/// first word (the letters and digits up to the first other character),
/// which two small bit tables answer.
pub struct WordForms {
    trie: Trie,
    ascii_case_insensitive: bool,
    /// `first_bytes[b]`: some form begins with byte `b` (never a UTF-8
    /// continuation byte, so a walk always starts on a character).
    first_bytes: [bool; 256],
    /// The class of each byte in the keys of [`WordForms::first_threes`]:
    /// each ASCII letter its own (folded where case is ignored), then one
    /// for the digits and one for every other byte.
    key_class: [u8; 256],
    /// The number of classes of [`WordForms::key_class`].
    key_classes: usize,
    /// Bit `(c0 * n + c1) * n + c2` (`n` classes): some form begins with
    /// bytes of the classes `c0 c1 c2`, or is shorter and begins with those
    /// it has. 20 KiB for the gazetteer, 2.7 KiB for the titles, checked
    /// before the first word is read: it turns away most words that share a
    /// first letter with some form ("and", "by" and "de" do with "al-Qaeda",
    /// "bin Laden" and "de Klerk"). (It replaced a table of the first two
    /// bytes: of the titles' word starts on all Reuters, whose letters match
    /// in either case, 44 % went on to the first word through that one, and
    /// about 15 % through one of three classes.)
    first_threes: Box<[u64]>,
    /// One bit per hash of the first words of the forms
    /// ([`WordForms::first_word_hash`]):
    /// a clear bit means no form begins with that word. Sized to the forms
    /// ([`FIRST_WORD_BITS_PER_WORD`]): 32 KiB for the gazetteer's 9,300 first
    /// words, 512 bytes for the titles' 160, so that it stays in cache where
    /// the trie cannot. (At a fixed 128 KiB, the read of this bit took a
    /// third of the gazetteer's walk in perf, and the titles' table was
    /// almost empty.)
    first_words: Box<[u64]>,
    /// The shift that keeps a first word's hash's top bits, one per bit
    /// of [`WordForms::first_words`].
    first_word_shift: u32,
    /// The forms, for the reference search of the tests.
    #[cfg(test)]
    forms: Vec<String>,
}

/// The forms as a trie of bytes (ASCII letters lower-cased where case is
/// ignored), its nodes numbered depth first (a node's first child is the
/// next node), each a record in one array, [`Trie::cells`], in node order:
/// a walk down a name reads the array front to back, a node with one child
/// (most below the first letters) in twelve bytes next to it. (With the
/// nodes' forms and edges in two arrays, each step of a walk read both, and
/// the read of the form was a fifth of the gazetteer's time in perf.)
struct Trie {
    /// The children of the root by byte (the offsets of their records),
    /// or [`Trie::NO_NODE`]: the root has too many to scan.
    root: Box<[u32; 256]>,
    /// The nodes' records, the root's at offset 0: the form that ends at
    /// the node (the first given, where several are the same) or
    /// [`Trie::NO_FORM`]; the number of edges; then each edge as
    /// `child << 8 | byte`, the child as its record's offset, by increasing
    /// byte.
    cells: Vec<u32>,
}

impl Trie {
    const NO_FORM: u32 = u32::MAX;
    const NO_NODE: u32 = u32::MAX;

    fn new<F: AsRef<str>>(forms: &[F], ascii_case_insensitive: bool) -> Trie {
        let mut folded: Vec<(Vec<u8>, u32)> = forms
            .iter()
            .enumerate()
            .map(|(i, form)| {
                let mut bytes = form.as_ref().as_bytes().to_vec();
                if ascii_case_insensitive {
                    bytes.make_ascii_lowercase();
                }
                (bytes, u32::try_from(i).expect("fewer than 2^32 forms"))
            })
            .collect();
        // in byte order, nodes are made depth first and each node's children
        // by increasing byte; of equal forms the first given comes first
        folded.sort_unstable();
        let mut form_at = vec![Trie::NO_FORM];
        let mut edges: Vec<(u32, u32, u8)> = Vec::new(); // (parent, child, byte)
        let mut path = vec![0u32]; // the nodes of the previous form, from the root
        let mut previous: &[u8] = &[];
        for (bytes, i) in &folded {
            let common = previous.iter().zip(bytes).take_while(|(a, b)| a == b).count();
            path.truncate(common + 1);
            for &byte in &bytes[common..] {
                let child = u32::try_from(form_at.len()).expect("fewer than 2^32 trie nodes");
                form_at.push(Trie::NO_FORM);
                edges.push((path[path.len() - 1], child, byte));
                path.push(child);
            }
            let at = &mut form_at[path[bytes.len()] as usize];
            if *at == Trie::NO_FORM {
                *at = *i;
            }
            previous = bytes;
        }
        // each node's record takes two cells and one per edge, in node order
        let mut offset = vec![2u32; form_at.len()];
        for &(parent, _, _) in &edges {
            offset[parent as usize] += 1;
        }
        let mut next = 0;
        for cell in &mut offset {
            (*cell, next) = (next, next + *cell);
        }
        assert!(next < 1 << 24, "fewer than 2^24 cells in the trie");
        let mut cells = vec![0u32; next as usize];
        for (node, &form) in form_at.iter().enumerate() {
            cells[offset[node] as usize] = form;
        }
        // the edges were made by increasing byte under each node
        for &(parent, child, byte) in &edges {
            let record = offset[parent as usize] as usize;
            let count = cells[record + 1];
            cells[record + 2 + count as usize] = offset[child as usize] << 8 | u32::from(byte);
            cells[record + 1] = count + 1;
        }
        let mut root = Box::new([Trie::NO_NODE; 256]);
        for &edge in &cells[2..2 + cells[1] as usize] {
            root[(edge & 0xFF) as usize] = edge >> 8;
        }
        Trie { root, cells }
    }

    /// The child of `node` by `byte` (nodes and children as the offsets of
    /// their records).
    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        if node == 0 {
            let child = self.root[usize::from(byte)];
            return (child != Trie::NO_NODE).then_some(child);
        }
        let node = node as usize;
        let count = self.cells[node + 1] as usize;
        for &edge in &self.cells[node + 2..node + 2 + count] {
            let edge_byte = (edge & 0xFF) as u8;
            if edge_byte >= byte {
                return (edge_byte == byte).then_some(edge >> 8);
            }
        }
        None
    }

    /// The form that ends at `node`, or [`Trie::NO_FORM`].
    fn form(&self, node: u32) -> u32 {
        self.cells[node as usize]
    }
}

/// The fewest bits in [`WordForms::first_words`] per distinct first word
/// (the table is a power of two at least this many times as large): about
/// one word in sixteen or fewer that begins no form passes (and its walk then
/// stops after a step or two).
const FIRST_WORD_BITS_PER_WORD: usize = 16;

impl WordForms {
    /// Compiles `forms` (none empty), matched byte for byte or, with
    /// `ascii_case_insensitive`, ignoring the case of ASCII letters.
    pub fn new<F: AsRef<str>>(forms: &[F], ascii_case_insensitive: bool) -> WordForms {
        let mut words = WordForms {
            trie: Trie::new(forms, ascii_case_insensitive),
            ascii_case_insensitive,
            first_bytes: [false; 256],
            key_class: [0; 256],
            key_classes: 0,
            first_threes: Box::new([]),
            first_words: Box::new([]),
            first_word_shift: 0,
            #[cfg(test)]
            forms: forms.iter().map(|form| form.as_ref().to_string()).collect(),
        };
        for form in forms {
            let form = form.as_ref();
            let Some(&first) = form.as_bytes().first() else {
                continue;
            };
            let cases = |byte: u8| {
                if ascii_case_insensitive {
                    [byte.to_ascii_lowercase(), byte.to_ascii_uppercase()]
                } else {
                    [byte, byte]
                }
            };
            for b0 in cases(first) {
                words.first_bytes[usize::from(b0)] = true;
            }
        }
        words.set_first_threes(forms);
        let mut hashes: Vec<u64> = forms
            .iter()
            .map(|form| words.first_word_hash(form.as_ref(), 0, form.as_ref().len()))
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        let bits = (hashes.len() * FIRST_WORD_BITS_PER_WORD).next_power_of_two().max(64);
        words.first_word_shift = 64 - bits.trailing_zeros();
        words.first_words = vec![0u64; bits / 64].into_boxed_slice();
        for hash in hashes {
            let bit = (hash >> words.first_word_shift) as usize;
            words.first_words[bit / 64] |= 1 << (bit % 64);
        }
        words
    }

    /// The forms in `text[start..end]`, leftmost first, the longest where
    /// several start at the same byte, none overlapping an earlier one: as
    /// `(start, end, form index)`, byte offsets into `text`. A form may start
    /// at `at` only if `starts(at)`, and end at `at` only if `ends(at)`;
    /// `starts` is never true after an ASCII letter or digit inside the
    /// window.
    pub fn find(
        &self,
        text: &str,
        start: usize,
        end: usize,
        starts: impl Fn(usize) -> bool,
        ends: impl Fn(usize) -> bool,
    ) -> Vec<(usize, usize, usize)> {
        let bytes = &text.as_bytes()[..end];
        let mut found = Vec::new();
        let mut at = start;
        while at < end {
            // inside a word (the byte before is an ASCII letter or digit)
            // no form starts, whatever `starts` adds: the rest of the word
            // is skipped eight bytes at a time (a byte at a time, the exit
            // was mispredicted at most words), up to the first byte that is
            // no letter or digit, and that byte too (a form cannot start
            // right after a letter or digit either)
            if at > start && ASCII_ALPHANUMERIC[usize::from(bytes[at - 1])] {
                at += alphanumeric_run(text.as_bytes(), at, end) + 1;
                continue;
            }
            if self.first_bytes[usize::from(bytes[at])]
                && self.three_may_start(bytes, at)
                && starts(at)
                && self.may_start(text, at, end)
            {
                if let Some((len, form)) = self.longest_at(&bytes[at..], |len| ends(at + len)) {
                    found.push((at, at + len, form));
                    at += len;
                    continue;
                }
            }
            at += 1;
        }
        found
    }

    /// Fills [`WordForms::key_class`] and [`WordForms::first_threes`].
    fn set_first_threes<F: AsRef<str>>(&mut self, forms: &[F]) {
        let letters: u8 = if self.ascii_case_insensitive { 26 } else { 52 };
        for byte in 0..=u8::MAX {
            self.key_class[usize::from(byte)] = match byte {
                b'a'..=b'z' => byte - b'a',
                b'A'..=b'Z' if self.ascii_case_insensitive => byte - b'A',
                b'A'..=b'Z' => 26 + byte - b'A',
                b'0'..=b'9' => letters,
                _ => letters + 1,
            };
        }
        let n = usize::from(letters) + 2;
        self.key_classes = n;
        self.first_threes = vec![0u64; (n * n * n).div_ceil(64)].into_boxed_slice();
        // a form shorter than three bytes may be followed by any
        let classes = |form: &[u8], i: usize| match form.get(i) {
            Some(&byte) => self.key_class[usize::from(byte)]..self.key_class[usize::from(byte)] + 1,
            None => 0..letters + 2,
        };
        let mut bits = Vec::new();
        for form in forms {
            let form = form.as_ref().as_bytes();
            for c0 in classes(form, 0) {
                for c1 in classes(form, 1) {
                    bits.extend(classes(form, 2).map(|c2| self.three_key(c0, c1, c2)));
                }
            }
        }
        for bit in bits {
            self.first_threes[bit / 64] |= 1 << (bit % 64);
        }
    }

    fn three_key(&self, c0: u8, c1: u8, c2: u8) -> usize {
        let n = self.key_classes;
        (usize::from(c0) * n + usize::from(c1)) * n + usize::from(c2)
    }

    /// False if no form begins with bytes of the classes of the first three
    /// of `bytes[at..]` (bytes past the end count as any other byte: no
    /// form that needs them matches there anyway).
    fn three_may_start(&self, bytes: &[u8], at: usize) -> bool {
        let other = (self.key_classes - 1) as u8;
        let class = |i: usize| bytes.get(i).map_or(other, |&byte| self.key_class[usize::from(byte)]);
        let bit = self.three_key(class(at), class(at + 1), class(at + 2));
        self.first_threes[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// False if no form begins with the first word of `text[at..end]`.
    fn may_start(&self, text: &str, at: usize, end: usize) -> bool {
        let bit = (self.first_word_hash(text, at, end) >> self.first_word_shift) as usize;
        self.first_words[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The hash of the first word of `text[at..]`: its letters and digits up
    /// to the first other character, ASCII case folded if the forms are
    /// matched that way. A form and a text it matches have the same first
    /// word: either the form goes on past its first word, and the character
    /// that ends it ends the text's too, or the form is that one word and
    /// (as a match must end on a word boundary) no letter or digit follows it
    /// in the text.
    fn first_word_hash(&self, text: &str, at: usize, end: usize) -> u64 {
        // a multiplicative hash of the word's bytes, eight at a time, ASCII
        // letters lowered if the forms are matched that way: the same word
        // (as characters) always has the same bytes. The word's end is
        // found eight bytes at a time too, decoding characters only past a
        // byte that is not ASCII. (A byte at a time, the loops' exits were
        // mispredicted at most words.)
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        // the bytes are read eight at a time past `end` where the text goes
        // on (a copy of the last few of a window cost more than the rest)
        let (bytes, word) = (&text.as_bytes()[at..], &text.as_bytes()[at..end]);
        let lower = |eight: u64| match self.ascii_case_insensitive {
            // the high bit of each letter, moved to its case bit (0x20)
            true => eight | alphanumeric_bits(eight).1 >> 2,
            false => eight,
        };
        // most words: fewer than eight bytes, all ASCII, read at once
        let first = eight_bytes(bytes, word.len());
        let run = ((!alphanumeric_bits(first).0 & HIGH_BITS).trailing_zeros() / 8) as usize;
        if run < 8 && word.get(run).is_none_or(u8::is_ascii) {
            return lower(first & ((1 << (8 * run)) - 1)).wrapping_mul(K);
        }
        let ascii = alphanumeric_run(text.as_bytes(), at, end);
        // for ASCII, `char::is_alphanumeric` is `is_ascii_alphanumeric`
        let len = if word.get(ascii).is_some_and(|&b| b >= 0x80) {
            text[at..end]
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(word.len(), |(i, _)| i)
        } else {
            ascii
        };
        let mut hash = 0u64;
        // len / 8 + 1 pieces of eight bytes, the last with zero bytes (a
        // word has none) in place of what follows the word
        for from in (0..=len).step_by(8) {
            let eight = lower(eight_bytes(&bytes[from..], len - from));
            hash = (hash.rotate_left(5) ^ eight).wrapping_mul(K);
        }
        // (the product's high bits are its best mixed: the table keeps those)
        hash
    }

    /// The longest form at the start of `bytes` whose length `ends` accepts:
    /// its length and index.
    fn longest_at(&self, bytes: &[u8], ends: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        let trie = &self.trie;
        let mut node = 0u32;
        let mut longest = None;
        for (i, &byte) in bytes.iter().enumerate() {
            let byte = if self.ascii_case_insensitive {
                byte.to_ascii_lowercase()
            } else {
                byte
            };
            let Some(child) = trie.child(node, byte) else {
                break;
            };
            node = child;
            let form = trie.form(node);
            if form != Trie::NO_FORM && ends(i + 1) {
                longest = Some((i + 1, form as usize));
            }
        }
        longest
    }
}

/// `u8::is_ascii_alphanumeric` as a table, for the tight loops of
/// [`WordForms::find`].
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// True if a name may start after `previous` (and `before_previous`): at the
/// start, after anything but a letter or digit, or after a hyphen between
/// names ("Cuba-U.S. talks", "Eritrean-Ethiopian").
fn starts_word(previous: Option<char>, before_previous: Option<char>) -> bool {
    match previous {
        None => true,
        Some('-') => before_previous.is_none_or(|c| c.is_uppercase() || !c.is_alphanumeric()),
        Some(c) => !c.is_alphanumeric(),
    }
}

/// True if a name may end at `end`: the same rule on the right, and "U.S."
/// ends with a period, after which anything may follow.
fn ends_word(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    text[..end].ends_with('.')
        || match after.next() {
            None => true,
            Some('-') => after.next().is_none_or(|c| c.is_uppercase() || !c.is_alphanumeric()),
            Some(c) => !c.is_alphanumeric(),
        }
}

#[cfg(test)]
fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let mut before = text[..start].chars().rev();
    let previous = before.next();
    starts_word(previous, before.next()) && ends_word(text, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(hits: &[Hit<'_>]) -> Vec<(usize, usize)> {
        hits.iter().map(|h| (h.start, h.end)).collect()
    }

    #[test]
    fn a_first_word_has_one_hash_whatever_its_case() {
        let forms = WordForms::new(&["Zurich"], true);
        let text = "ZURICH zurich Zuric\u{e9}h";
        assert_eq!(forms.first_word_hash(text, 0, 6), forms.first_word_hash(text, 7, 13));
        assert_eq!(forms.first_word_hash(text, 0, 6), forms.first_word_hash("zurich", 0, 6));
        assert_ne!(
            forms.first_word_hash(text, 14, text.len()),
            forms.first_word_hash(text, 14, 19)
        );
    }

    #[test]
    fn forms_shorter_than_three_bytes_are_found_whatever_follows() {
        let forms = WordForms::new(&["EU", "x", "Dr.", "U.N."], true);
        let text = "eu-x, Eu's X-9 dr. u.n. EU";
        let found: Vec<&str> = forms
            .find(text, 0, text.len(), |_| true, |_| true)
            .into_iter()
            .map(|(start, end, _)| &text[start..end])
            .collect();
        assert_eq!(found, ["eu", "x", "Eu", "X", "dr.", "u.n.", "EU"]);
    }

    /// The anchored walks find exactly what an overlapping search over every
    /// byte, filtered on word boundaries, finds: names inside words, names
    /// that overlap, hyphens between names, abbreviations with periods,
    /// non-ASCII text, a window that is not the whole text.
    /// The trie walk: the longest form that ends on a word boundary, case
    /// ignored where asked, and of forms that are the same, the first given.
    #[test]
    fn a_walk_finds_the_longest_whole_form_and_the_first_of_equal_ones() {
        let forms = WordForms::new(&["Prime Minister", "prime minister", "Prime", "Minister"], true);
        let text = "the PRIME MINISTER and the prime ministerial";
        let starts = |at: usize| !text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
        let ends = |at: usize| !text[at..].chars().next().is_some_and(char::is_alphanumeric);
        assert_eq!(forms.find(text, 0, text.len(), starts, ends), [(4, 18, 0), (27, 32, 2)]);
        let exact = WordForms::new(&["Prime Minister"], false);
        assert!(exact.find(text, 0, text.len(), starts, ends).is_empty());
    }

    #[test]
    fn anchored_walks_find_what_an_overlapping_search_finds() {
        let lexicon = Lexicon::load().expect("embedded lexicon loads");
        let gazetteer = Gazetteer::compile(&lexicon).expect("gazetteer compiles");
        let caps = Gazetteer::compile_caps(&lexicon, &HashSet::default()).expect("caps gazetteer compiles");
        let texts = [
            "Northern Ireland, Ireland and the Irish Republic; Latin America and America.",
            "Cuba-U.S. talks, the Eritrean-Ethiopian border, pro-Russian groups, anti-American slogans.",
            "The U.S.-led coalition met in Washington, D.C. and then in New York-based offices.",
            "Romanians in Romania, Omanis in Oman, Nigerians and Nigeriens, Indiana and India.",
            "The Kremlin said Moscow and Kyiv (Kiev) would talk in Istanbul, Türkiye, or in Genève.",
            "Sudanese, South Sudanese and the Sudan People's Liberation Movement met the UN and NATO.",
            "Guinea-Bissau, Papua New Guinea, Equatorial Guinea and Guinea; Niger and the Niger Delta.",
            "the european union and the united states, lower-case names are not names",
            "Ex-Soviet states, post-Brexit Britain, mid-2024, Franco-German ties, Anglo-Irish deal.",
            "“Ukraine’s president” met Zelenskyy’s envoy in Kyiv’s centre — Россия, 中国, Ελλάδα.",
        ];
        for text in texts {
            // the whole text, and a window that starts and ends inside it
            let inner_start = text.char_indices().nth(7).map_or(0, |(i, _)| i);
            let inner_end = text.char_indices().rev().nth(5).map_or(text.len(), |(i, _)| i);
            for (start, end) in [(0, text.len()), (inner_start, inner_end)] {
                let walked = gazetteer.find(text, start, end);
                let searched = gazetteer.find_by_overlapping_search(text, start, end);
                assert_eq!(spans(&walked), spans(&searched), "{:?}", &text[start..end]);
                assert!(walked.iter().zip(&searched).all(|(a, b)| a.targets == b.targets));
                let upper = text.to_uppercase();
                let end = if end == text.len() {
                    upper.len()
                } else {
                    upper.len().min(end)
                };
                let start = (0..=start).rev().find(|&i| upper.is_char_boundary(i)).unwrap_or(0);
                let end = (end..=upper.len())
                    .find(|&i| upper.is_char_boundary(i))
                    .unwrap_or(upper.len());
                assert_eq!(
                    spans(&caps.find(&upper, start, end)),
                    spans(&caps.find_by_overlapping_search(&upper, start, end)),
                    "{:?}",
                    &upper[start..end]
                );
            }
        }
        // the texts do exercise the gazetteer
        let hits = gazetteer.find(texts[0], 0, texts[0].len());
        assert_eq!(&texts[0][hits[0].start..hits[0].end], "Northern Ireland");
    }
}
