//! The word lists the rule code reads while it walks a sentence, from
//! `ontology/lexicon/`, read once.
//!
//! These lists used to be `const` arrays in the rule modules, where a
//! reader of the data could not see them and a change meant a rebuild of
//! the code's logic. They are knowledge (which nouns close a listener,
//! which verbs deny), so they are data like the gazetteers, read by the one
//! data-file reader ([`datafile`](super::datafile)) with its checks.
//!
//! They are needed deep inside functions that otherwise take only the text
//! (the sentence splitter, a subject's preposition test), so they are held
//! in one process-wide value, read on first use, as `codes.rs` holds its
//! table. `Lexicon::load` reads them first, so a bad line stops
//! `Extractor::new` with its file and line before anything calls
//! [`words`]; a test reads the embedded files, so the `expect` there cannot
//! fire in a build whose tests passed. Lookups are hash-set lookups, built
//! once.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::datafile::{data_file, DataFile};
use crate::error::ParleyError;
use crate::extract::clauses::WordClass;
use crate::extract::lexicon::{FUNCTION_WORDS, HONORIFICS};

pub const LISTENER_VERBS: DataFile = data_file!("lexicon/listener_verbs.txt");
pub const ADDRESSEE_VERBS: DataFile = data_file!("lexicon/addressee_verbs.tsv");
pub const LISTENER_NOUNS: DataFile = data_file!("lexicon/listener_nouns.txt");
pub const LISTENER_TITLE_WORDS: DataFile = data_file!("lexicon/listener_title_words.txt");
pub const FRAME_ADVERBS: DataFile = data_file!("lexicon/frame_adverbs.txt");
pub const TIME_NOUNS: DataFile = data_file!("lexicon/time_nouns.txt");
pub const FRAME_OPENERS: DataFile = data_file!("lexicon/frame_openers.txt");
pub const ADVERBIAL_OPENERS: DataFile = data_file!("lexicon/adverbial_openers.txt");
pub const STATEMENT_MEDIA: DataFile = data_file!("lexicon/statement_media.txt");
pub const NEXT_ACTS: DataFile = data_file!("lexicon/next_acts.txt");
pub const DENIAL_VERBS: DataFile = data_file!("lexicon/denial_verbs.txt");
pub const PREPOSITIONS: DataFile = data_file!("lexicon/prepositions.txt");
pub const MEMBER_NOUNS: DataFile = data_file!("lexicon/member_nouns.txt");
pub const NOUN_OR_VERB_TRIGGERS: DataFile = data_file!("lexicon/noun_or_verb_triggers.txt");
pub const ABBREVIATIONS: DataFile = data_file!("lexicon/abbreviations.txt");
pub const NAME_GENDERS: DataFile = data_file!("lexicon/name_genders.tsv");
pub const CAPTIVE_NOUNS: DataFile = data_file!("lexicon/captive_nouns.txt");
pub const RESOLUTION_BODIES: DataFile = data_file!("lexicon/resolution_bodies.txt");
pub const LIFTING_VERBS: DataFile = data_file!("lexicon/lifting_verbs.txt");
pub const BAN_NOUNS: DataFile = data_file!("lexicon/ban_nouns.txt");
pub const TOPIC_OPENERS: DataFile = data_file!("lexicon/topic_openers.txt");
pub const COUNTERPART_CUES: DataFile = data_file!("lexicon/counterpart_cues.txt");
pub const CLAUSE_OPENERS: DataFile = data_file!("lexicon/clause_openers.txt");
pub const PERSON_NOUNS: DataFile = data_file!("lexicon/person_nouns.tsv");
pub const AFFILIATION_PHRASES: DataFile = data_file!("lexicon/affiliation_phrases.txt");
pub const ENTOURAGE_NOUNS: DataFile = data_file!("lexicon/entourage_nouns.txt");
pub const QUESTION_OPENERS: DataFile = data_file!("lexicon/question_openers.txt");
pub const HEADLINE_VERBS: DataFile = data_file!("lexicon/headline_verbs.txt");
pub const VENUE_NOUNS: DataFile = data_file!("lexicon/venue_nouns.txt");
pub const REPORTING_VERBS: DataFile = data_file!("lexicon/reporting_verbs.txt");

/// The word lists, each a set to look words up in. All but
/// `abbreviations` hold lower-case words and are asked with lower-case
/// words.
#[derive(Debug)]
pub struct WordLists {
    /// Reporting verbs whose object is the listener ("told", "warned").
    pub listener_verbs: HashSet<String>,
    /// Stems of demand verbs that take an addressee ("urg", "ask"), and
    /// whether the demand needs one, in file order.
    pub addressee_verbs: Vec<(String, Addressee)>,
    /// Nouns that may close a listener named in capitals ("told Kenyan officials").
    pub listener_nouns: HashSet<String>,
    /// Words of address and rank that a name may follow inside a listener
    /// ("told Ms Kamau", "warned Foreign Minister Kamau"): the honorifics
    /// of `honorifics.txt` and `listener_title_words.txt`.
    pub address_words: HashSet<String>,
    /// Adverbs a frame may put right after its verb ("said yesterday").
    pub frame_adverbs: HashSet<String>,
    /// Nouns of time after "last", "this", "on" ("said last week").
    pub time_nouns: HashSet<String>,
    /// Words that open a frame's adverbial after a speaker named after the
    /// verb ("said Kamau on Monday", "said Kamau last week").
    pub frame_openers: HashSet<String>,
    /// Adverbs that make the words after a reporting verb its adverbial,
    /// not what was said ("said yesterday", "said again").
    pub adverbial_openers: HashSet<String>,
    /// Where a statement is made ("said in a statement").
    pub statement_media: HashSet<String>,
    /// Verbs of the speaker's next act after "and"/"but" ("and called for").
    pub next_acts: HashSet<String>,
    /// Verbs that deny that a statement was made ("denied that X said").
    pub denial_verbs: HashSet<String>,
    /// Prepositions.
    pub prepositions: HashSet<String>,
    /// Nouns for the people through whom a body acts ("members of").
    pub member_nouns: HashSet<String>,
    /// Demand triggers that are nouns as often as verbs ("a call for").
    pub noun_or_verb_triggers: HashSet<String>,
    /// Words that end with a period without ending a sentence, as printed.
    pub abbreviations: HashSet<String>,
    /// Determiners (`function_words.tsv`, class `determiner`).
    pub determiners: HashSet<String>,
    /// Quantifiers and like words that may stand between a determiner and
    /// its noun's name (class `quantifier`: "other G8 nations").
    pub quantifiers: HashSet<String>,
    /// Pronouns that may open a reported clause (class `subject_pronoun`).
    pub subject_pronouns: HashSet<String>,
    /// Pronouns that stand for someone named before (class `personal_pronoun`).
    pub personal_pronouns: HashSet<String>,
    /// Determiners that make their noun someone's named before (class `possessive`).
    pub possessives: HashSet<String>,
    /// Pronouns that are a listener (class `object_pronoun`).
    pub object_pronouns: HashSet<String>,
    /// Honorifics, titles and given names that tell a woman from a man
    /// ("Mrs", "Queen", "Angela"; "Mr", "Sergei"), as printed.
    pub name_genders: HashMap<String, Gender>,
    /// Nouns for someone held by others ("hostage"): the person named
    /// after one never threatens.
    pub captive_nouns: HashSet<String>,
    /// Head words of bodies that pass resolutions ("council", "assembly"):
    /// a resolution's demand is the last such body's.
    pub resolution_bodies: HashSet<String>,
    /// Words asking for a ban or sanctions to end ("lifted", "easing").
    pub lifting_verbs: HashSet<String>,
    /// Measures a state keeps against another ("embargo", "sanctions").
    pub ban_nouns: HashSet<String>,
    /// Words after a meeting that open what it is to discuss, each with a
    /// space either side (" to discuss ").
    pub topic_openers: Vec<String>,
    /// Words before two coordinated ministers that set them on opposite
    /// sides ("talks between", "signed by").
    pub counterpart_cues: HashSet<String>,
    /// Words that open a sentence's subordinate clause or adverbial phrase,
    /// which runs to the first comma (`clause_openers.txt`).
    pub clause_openers: HashSet<String>,
    /// Singular nouns that name one person by what they are ("spokesman",
    /// "chancellor"), and whom they refer to: such a subject with no name
    /// may be someone a later "he" stands for.
    pub person_nouns: HashMap<String, PersonNoun>,
    /// Words that join two clauses ("and", "but": `function_words.tsv`,
    /// classes `coordinator` and `contrast`), lower case.
    pub joining_words: HashSet<String>,
    /// Words that tie one group to another ("linked to", "loyal to"), each
    /// followed by a space: the body after them is not the group.
    pub affiliation_phrases: Vec<String>,
    /// Nouns for someone close to a person who is not that person ("wife",
    /// "aide"): "Annan's wife visited" is no visit of Annan's.
    pub entourage_nouns: HashSet<String>,
    /// Words that open an indirect question ("if", "whether"): "asked Mr
    /// Myers if he knew" is a question, not a demand.
    pub question_openers: HashSet<String>,
    /// Verbs as title-case headlines print them ("Visits", "Urges"), which
    /// open no name after a title ("Envoy Visits China").
    pub headline_verbs: HashSet<String>,
    /// Nouns a capital right before them names the place of ("the Geneva
    /// talks"), lower case.
    pub venue_nouns: HashSet<String>,
    /// Verbs that open a reported clause with a subject of its own ("said",
    /// "told"), lower case.
    pub reporting_verbs: HashSet<String>,
    /// Auxiliary verbs ("has", "will", "would": `function_words.tsv`,
    /// classes `be`, `have`, `future`, `conditional`, `obligation`), lower case.
    pub auxiliaries: HashSet<String>,
    /// Adverbs of the clause layer ("then", "later", "also": class `adverb`), lower case.
    pub adverbs: HashSet<String>,
    /// Words that open a subordinate clause ("after", "as": classes
    /// `subordinator` and `subordinator_before_subject`), lower case.
    pub subordinators: HashSet<String>,
    /// Words that open a relative clause ("who", "which": class `relative`), lower case.
    pub relatives: HashSet<String>,
    /// Forms of "be" ("is", "was": class `be`), lower case.
    pub be_forms: HashSet<String>,
}

/// A person's sex as the words around their name tell it; a "he" or a
/// "she" stands only for a person of theirs or of none known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

/// The rows of `name_genders.tsv`, checked: a word and `female` or `male`,
/// each word once.
fn name_genders(file: &DataFile) -> Result<HashMap<String, Gender>, ParleyError> {
    let mut genders = HashMap::default();
    for row in file.rows(&["word", "gender"])? {
        let word = row.get(0);
        if word.is_empty() || word.contains(' ') {
            return Err(row.error(format!("bad word `{word}` (one word as printed)")));
        }
        let gender = match row.get(1) {
            "female" => Gender::Female,
            "male" => Gender::Male,
            other => return Err(row.error(format!("unknown gender `{other}` (female or male)"))),
        };
        if genders.insert(word.to_string(), gender).is_some() {
            return Err(row.error(format!("`{word}` is listed twice")));
        }
    }
    Ok(genders)
}

/// Whom a noun of `person_nouns.tsv` refers to after "the".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonNoun {
    /// Someone other than the people the story has named ("the spokesman").
    Other,
    /// Most often a person named before, told again by office ("the chancellor").
    Title,
}

/// The rows of `person_nouns.tsv`, checked: a lower-case word and `other`
/// or `title`, each word once.
fn person_nouns(file: &DataFile) -> Result<HashMap<String, PersonNoun>, ParleyError> {
    let mut nouns = HashMap::default();
    for row in file.rows(&["noun", "refers"])? {
        let noun = row.get(0);
        if noun.is_empty() || noun.contains(' ') || noun.chars().any(char::is_uppercase) {
            return Err(row.error(format!("bad noun `{noun}` (one lower-case word)")));
        }
        let refers = match row.get(1) {
            "other" => PersonNoun::Other,
            "title" => PersonNoun::Title,
            other => return Err(row.error(format!("unknown reference `{other}` (other or title)"))),
        };
        if nouns.insert(noun.to_string(), refers).is_some() {
            return Err(row.error(format!("`{noun}` is listed twice")));
        }
    }
    Ok(nouns)
}

/// Whether a demand verb of `addressee_verbs.tsv` needs its addressee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Addressee {
    /// Read when there is one ("urged Russia to").
    May,
    /// No addressee, no demand ("asked" alone is a question).
    Must,
}

impl WordLists {
    /// The row of `addressee_verbs.tsv` whose stem starts `verb` (lower case).
    pub fn addressee_verb(&self, verb: &str) -> Option<Addressee> {
        self.addressee_verbs
            .iter()
            .find(|(stem, _)| verb.starts_with(stem.as_str()))
            .map(|(_, addressee)| *addressee)
    }
}

/// The rows of `addressee_verbs.tsv`, checked: a lower-case stem and `may` or `must`.
fn addressee_verbs(file: &DataFile) -> Result<Vec<(String, Addressee)>, ParleyError> {
    let mut verbs = Vec::new();
    for row in file.rows(&["stem", "addressee"])? {
        let stem = row.get(0);
        if stem.is_empty() || stem.chars().any(char::is_uppercase) {
            return Err(row.error(format!("bad stem `{stem}` (a lower-case start of a verb)")));
        }
        let addressee = match row.get(1) {
            "may" => Addressee::May,
            "must" => Addressee::Must,
            other => return Err(row.error(format!("unknown addressee `{other}` (may or must)"))),
        };
        verbs.push((stem.to_string(), addressee));
    }
    Ok(verbs)
}

/// The rows of `function_words.tsv`: the clause layer's words with their
/// class, and the statement frame's three classes (lower-cased: the file is
/// matched in any case).
#[derive(Debug, Default)]
pub struct FunctionWordRows {
    /// (word, class) for the clause layer, in file order.
    pub clause: Vec<(String, WordClass)>,
    pub determiners: HashSet<String>,
    pub quantifiers: HashSet<String>,
    pub subject_pronouns: HashSet<String>,
    pub personal_pronouns: HashSet<String>,
    pub possessives: HashSet<String>,
    pub object_pronouns: HashSet<String>,
}

impl FunctionWordRows {
    /// The clause layer's words of the classes `keep` accepts, lower case.
    fn words_of(&self, keep: impl Fn(WordClass) -> bool) -> HashSet<String> {
        self.clause
            .iter()
            .filter(|(_, class)| keep(*class))
            .map(|(word, _)| word.to_lowercase())
            .collect()
    }
}

/// The words of `function_words.tsv`, checked: a word, a known class, and
/// at most one class of the clause layer per word (a second would silently
/// replace the first).
pub fn function_words(file: &DataFile) -> Result<FunctionWordRows, ParleyError> {
    let mut rows = FunctionWordRows::default();
    let mut clause_words: HashSet<String> = HashSet::default();
    for row in file.rows(&["word", "class"])? {
        let (word, class) = (row.get(0), row.get(1));
        if word.is_empty() {
            return Err(row.error("a row needs a word"));
        }
        let set = match class {
            "determiner" => &mut rows.determiners,
            "quantifier" => &mut rows.quantifiers,
            "subject_pronoun" => &mut rows.subject_pronouns,
            "personal_pronoun" => &mut rows.personal_pronouns,
            "possessive" => &mut rows.possessives,
            "object_pronoun" => &mut rows.object_pronouns,
            _ => {
                let class =
                    WordClass::parse(class).ok_or_else(|| row.error(format!("unknown word class `{class}`")))?;
                if !clause_words.insert(word.to_lowercase()) {
                    return Err(row.error(format!("`{word}` has a class of the clause layer already")));
                }
                rows.clause.push((word.to_string(), class));
                continue;
            }
        };
        set.insert(word.to_lowercase());
    }
    Ok(rows)
}

/// The words a name may follow inside a listener, lower case and without a
/// final period: the capitalized words of the honorifics ("Ms",
/// "Excellency") and the words of `listener_title_words.txt` ("Minister").
fn address_words(honorifics: &DataFile, title_words: &DataFile) -> Result<HashSet<String>, ParleyError> {
    let mut words: HashSet<String> = honorifics
        .ordered_words()?
        .iter()
        .flat_map(|entry| entry.split_whitespace())
        .filter(|word| word.starts_with(char::is_uppercase))
        .map(|word| word.trim_end_matches('.').to_lowercase())
        .collect();
    words.extend(title_words.lower_case_words()?);
    Ok(words)
}

impl WordLists {
    /// Reads every list from the embedded files.
    pub fn load() -> Result<WordLists, ParleyError> {
        WordLists::read(|file| file)
    }

    /// Reads every list, each file passed through `file` first (tests put a
    /// bad line into one of them).
    fn read(file: impl Fn(DataFile) -> DataFile) -> Result<WordLists, ParleyError> {
        let function_words = function_words(&file(FUNCTION_WORDS))?;
        let joining_words =
            function_words.words_of(|class| matches!(class, WordClass::Coordinator | WordClass::Contrast));
        let auxiliaries = function_words.words_of(WordClass::is_auxiliary);
        let adverbs = function_words.words_of(|class| class == WordClass::Adverb);
        let subordinators = function_words
            .words_of(|class| matches!(class, WordClass::Subordinator | WordClass::SubordinatorBeforeSubject));
        let relatives = function_words.words_of(|class| class == WordClass::Relative);
        let be_forms = function_words.words_of(|class| class == WordClass::Be);
        Ok(WordLists {
            listener_verbs: file(LISTENER_VERBS).lower_case_words()?,
            addressee_verbs: addressee_verbs(&file(ADDRESSEE_VERBS))?,
            listener_nouns: file(LISTENER_NOUNS).lower_case_words()?,
            address_words: address_words(&file(HONORIFICS), &file(LISTENER_TITLE_WORDS))?,
            frame_adverbs: file(FRAME_ADVERBS).lower_case_words()?,
            time_nouns: file(TIME_NOUNS).lower_case_words()?,
            frame_openers: file(FRAME_OPENERS).lower_case_words()?,
            adverbial_openers: file(ADVERBIAL_OPENERS).lower_case_words()?,
            statement_media: file(STATEMENT_MEDIA).lower_case_words()?,
            next_acts: file(NEXT_ACTS).lower_case_words()?,
            denial_verbs: file(DENIAL_VERBS).lower_case_words()?,
            prepositions: file(PREPOSITIONS).lower_case_words()?,
            member_nouns: file(MEMBER_NOUNS).lower_case_words()?,
            noun_or_verb_triggers: file(NOUN_OR_VERB_TRIGGERS).lower_case_words()?,
            abbreviations: file(ABBREVIATIONS).words()?,
            determiners: function_words.determiners,
            quantifiers: function_words.quantifiers,
            subject_pronouns: function_words.subject_pronouns,
            personal_pronouns: function_words.personal_pronouns,
            possessives: function_words.possessives,
            object_pronouns: function_words.object_pronouns,
            name_genders: name_genders(&file(NAME_GENDERS))?,
            captive_nouns: file(CAPTIVE_NOUNS).lower_case_words()?,
            resolution_bodies: file(RESOLUTION_BODIES).lower_case_words()?,
            lifting_verbs: file(LIFTING_VERBS).lower_case_words()?,
            ban_nouns: file(BAN_NOUNS).lower_case_words()?,
            topic_openers: file(TOPIC_OPENERS)
                .lower_case_words()?
                .into_iter()
                .map(|w| format!(" {w} "))
                .collect(),
            counterpart_cues: file(COUNTERPART_CUES).lower_case_words()?,
            clause_openers: file(CLAUSE_OPENERS).lower_case_words()?,
            person_nouns: person_nouns(&file(PERSON_NOUNS))?,
            entourage_nouns: file(ENTOURAGE_NOUNS).lower_case_words()?,
            question_openers: file(QUESTION_OPENERS).lower_case_words()?,
            headline_verbs: file(HEADLINE_VERBS).words()?,
            venue_nouns: file(VENUE_NOUNS).lower_case_words()?,
            reporting_verbs: file(REPORTING_VERBS).lower_case_words()?,
            affiliation_phrases: file(AFFILIATION_PHRASES)
                .lower_case_words()?
                .into_iter()
                .map(|w| format!("{w} "))
                .collect(),
            joining_words,
            auxiliaries,
            adverbs,
            subordinators,
            relatives,
            be_forms,
        })
    }
}

/// The word lists, read once (see the module's docs for why this cannot
/// fail once an `Extractor` exists).
pub fn word_lists() -> &'static WordLists {
    static WORDS: OnceLock<WordLists> = OnceLock::new();
    WORDS.get_or_init(|| WordLists::load().expect("the word lists are checked by Lexicon::load"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file `WordLists` reads.
    const FILES: [DataFile; 32] = [
        LISTENER_VERBS,
        ADDRESSEE_VERBS,
        LISTENER_NOUNS,
        LISTENER_TITLE_WORDS,
        FRAME_ADVERBS,
        TIME_NOUNS,
        FRAME_OPENERS,
        ADVERBIAL_OPENERS,
        STATEMENT_MEDIA,
        NEXT_ACTS,
        DENIAL_VERBS,
        PREPOSITIONS,
        MEMBER_NOUNS,
        NOUN_OR_VERB_TRIGGERS,
        ABBREVIATIONS,
        FUNCTION_WORDS,
        HONORIFICS,
        NAME_GENDERS,
        CAPTIVE_NOUNS,
        RESOLUTION_BODIES,
        LIFTING_VERBS,
        BAN_NOUNS,
        TOPIC_OPENERS,
        COUNTERPART_CUES,
        CLAUSE_OPENERS,
        PERSON_NOUNS,
        AFFILIATION_PHRASES,
        ENTOURAGE_NOUNS,
        QUESTION_OPENERS,
        HEADLINE_VERBS,
        VENUE_NOUNS,
        REPORTING_VERBS,
    ];

    /// `WordLists` with `bad` appended to the file at `path`, and the line it lands on.
    fn read_with_bad_line(path: &str, bad: &str) -> (Result<WordLists, ParleyError>, usize) {
        let original = FILES.iter().find(|f| f.path == path).expect("a file WordLists reads");
        let text: &'static str = format!("{}{bad}\n", original.text).leak();
        let line = text.lines().count();
        let result = WordLists::read(|f| {
            if f.path == path {
                DataFile { path: f.path, text }
            } else {
                f
            }
        });
        (result, line)
    }

    /// Each bad line appended to `file` makes `WordLists` fail with its
    /// message at its line.
    fn assert_bad_lines(file: DataFile, cases: &[(&str, &str)]) {
        for (bad, message) in cases {
            let (result, line) = read_with_bad_line(file.path, bad);
            let error = result.err().unwrap_or_else(|| panic!("{bad:?} was taken"));
            assert_eq!(error.to_string(), format!("{}:{line}: {message}", file.path));
        }
    }

    #[test]
    fn the_embedded_lists_load_and_hold_their_words() {
        let words = WordLists::load().unwrap();
        assert!(words.listener_nouns.contains("officials"));
        assert!(words.listener_verbs.contains("told") && !words.listener_verbs.contains("said"));
        assert!(words.frame_adverbs.contains("yesterday"));
        assert!(words.time_nouns.contains("week"));
        assert!(words.frame_openers.contains("during"));
        assert!(words.adverbial_openers.contains("again"));
        assert!(words.statement_media.contains("interview"));
        assert!(words.next_acts.contains("called"));
        assert!(words.denial_verbs.contains("denied"));
        assert!(words.prepositions.contains("despite"));
        assert!(words.member_nouns.contains("spokesman"));
        assert!(words.noun_or_verb_triggers.contains("call for"));
        assert!(words.captive_nouns.contains("hostage"));
        assert!(words.abbreviations.contains("Corp") && !words.abbreviations.contains("corp"));
        assert!(words.determiners.contains("their") && words.subject_pronouns.contains("they"));
        // "that" opens a reported clause but stands for no one named before
        assert!(words.personal_pronouns.contains("it") && !words.personal_pronouns.contains("that"));
        assert!(words.possessives.contains("its") && !words.possessives.contains("the"));
        assert!(words.quantifiers.contains("other") && !words.quantifiers.contains("the"));
        assert!(words.object_pronouns.contains("you") && words.subject_pronouns.contains("you"));
        // the function words of the frame are not the clause layer's
        let rows = function_words(&FUNCTION_WORDS).unwrap();
        assert!(rows
            .clause
            .iter()
            .any(|(w, c)| w == "would" && *c == WordClass::Conditional));
        assert!(!rows.clause.iter().any(|(w, _)| w == "the" || w == "him"));
    }

    #[test]
    fn address_words_come_from_honorifics_and_listener_title_words() {
        let words = WordLists::load().unwrap();
        for word in [
            "ms",
            "dr",
            "excellency",
            "sheikh",
            "president",
            "minister",
            "foreign",
            "prime",
            "sen",
            "gen",
        ] {
            assert!(words.address_words.contains(word), "{word}");
        }
        // only the capitalized words of an honorific, in lower case, without a dot
        for word in ["Ms", "ms.", "sen.", "chief", "officials"] {
            assert!(!words.address_words.contains(word), "{word}");
        }
    }

    #[test]
    fn a_capital_in_any_lower_case_list_names_the_file_and_line() {
        for file in FILES {
            if file.path.ends_with(".tsv")
                || [ABBREVIATIONS.path, HONORIFICS.path, HEADLINE_VERBS.path].contains(&file.path)
            {
                continue;
            }
            let (result, line) = read_with_bad_line(file.path, "Officials");
            let error = result.err().unwrap_or_else(|| panic!("{} took a capital", file.path));
            assert_eq!(
                error.to_string(),
                format!(
                    "{}:{line}: `Officials` is not in lower case (the list is matched in lower case)",
                    file.path
                )
            );
        }
    }

    #[test]
    fn a_tab_in_any_word_list_names_the_file_and_line() {
        for file in FILES {
            if file.path.ends_with(".tsv") {
                continue;
            }
            let (result, line) = read_with_bad_line(file.path, "word\tother");
            let error = result.err().unwrap_or_else(|| panic!("{} took a tab", file.path));
            assert_eq!(
                error.to_string(),
                format!("{}:{line}: expected one entry per line, found a tab", file.path)
            );
        }
    }

    #[test]
    fn a_bad_addressee_verb_row_names_the_file_and_line() {
        let cases = [
            ("urg\tshould", "unknown addressee `should` (may or must)"),
            ("Urg\tmay", "bad stem `Urg` (a lower-case start of a verb)"),
            ("\tmay", "bad stem `` (a lower-case start of a verb)"),
            ("urg may", "expected 2 tab-separated fields, found 1"),
        ];
        assert_bad_lines(ADDRESSEE_VERBS, &cases);
    }

    #[test]
    fn a_bad_person_noun_row_names_the_file_and_line() {
        let cases = [
            ("sheriff\tnew", "unknown reference `new` (other or title)"),
            ("Sheriff\ttitle", "bad noun `Sheriff` (one lower-case word)"),
            (
                "home secretary\ttitle",
                "bad noun `home secretary` (one lower-case word)",
            ),
            ("spokesman\ttitle", "`spokesman` is listed twice"),
        ];
        assert_bad_lines(PERSON_NOUNS, &cases);
        let lists = WordLists::load().unwrap();
        assert_eq!(lists.person_nouns.get("spokesman"), Some(&PersonNoun::Other));
        assert_eq!(lists.person_nouns.get("chancellor"), Some(&PersonNoun::Title));
        assert_eq!(lists.person_nouns.get("officials"), None);
    }

    #[test]
    fn addressee_verbs_match_by_stem() {
        let lists = WordLists::load().unwrap();
        assert_eq!(lists.addressee_verb("urged"), Some(Addressee::May));
        assert_eq!(lists.addressee_verb("asked"), Some(Addressee::Must));
        assert_eq!(lists.addressee_verb("wants"), Some(Addressee::Must));
        assert_eq!(lists.addressee_verb("demanded"), None);
    }

    #[test]
    fn a_bad_function_word_row_names_the_file_and_line() {
        let cases = [
            ("him\tpronoun", "unknown word class `pronoun`"),
            ("would\tfuture", "`would` has a class of the clause layer already"),
            ("\tdeterminer", "a row needs a word"),
            ("the determiner", "expected 2 tab-separated fields, found 1"),
        ];
        assert_bad_lines(FUNCTION_WORDS, &cases);
        // a frame class may repeat a word: "you" is a subject and an object
        let (result, _) = read_with_bad_line(FUNCTION_WORDS.path, "him\tsubject_pronoun");
        assert!(result.unwrap().subject_pronouns.contains("him"));
    }

    #[test]
    fn a_bad_name_gender_row_names_the_file_and_line() {
        let cases = [
            ("Kamau	unknown", "unknown gender `unknown` (female or male)"),
            ("Mrs	female", "`Mrs` is listed twice"),
            ("\tmale", "bad word `` (one word as printed)"),
            ("Kamau female", "expected 2 tab-separated fields, found 1"),
        ];
        assert_bad_lines(NAME_GENDERS, &cases);
    }

    #[test]
    fn name_genders_tell_honorifics_and_given_names_apart_and_leave_shared_names_out() {
        let genders = &WordLists::load().unwrap().name_genders;
        for (word, gender) in [
            ("Mrs", Gender::Female),
            ("Queen", Gender::Female),
            ("Margaret", Gender::Female),
            ("Yulia", Gender::Female),
            ("Mr", Gender::Male),
            ("Sergei", Gender::Male),
            ("Michael", Gender::Male),
        ] {
            assert_eq!(genders.get(word), Some(&gender), "{word}");
        }
        // names both sexes bear, and words that are not names
        for word in ["Jean", "Kim", "Leslie", "Robin", "mrs", "Minister"] {
            assert_eq!(genders.get(word), None, "{word}");
        }
    }
}
