//! The rule and gazetteer data under `ontology/`, parsed.
//!
//! The files are embedded at compile time (`include_str!`) so the binary is
//! self-contained and offline, yet they stay plain data that anyone can read,
//! review and extend without touching Rust. Every malformed line is an error
//! naming the file and line: bad data must never be silently ignored.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::error::ParleyError;
use crate::extract::model::Topic;

/// One state of `states.tsv`.
#[derive(Debug, Clone)]
pub struct StateRow {
    pub iso3: String,
    pub wikidata: Option<String>,
    pub name: String,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub capitals: Vec<String>,
    pub metonyms: Vec<String>,
}

/// One place of `places.tsv`.
#[derive(Debug, Clone)]
pub struct PlaceRow {
    pub name: String,
    pub aliases: Vec<String>,
    pub iso3: Option<String>,
}

/// One organization of `organizations.tsv`.
#[derive(Debug, Clone)]
pub struct OrgRow {
    pub key: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// `intergovernmental`, `agency`, `company`, `media`, ... (the file's `kind` column).
    pub kind: String,
    pub iso3: Option<String>,
}

/// One person of `people.tsv`: public figures known by name.
#[derive(Debug, Clone)]
pub struct PersonRow {
    pub name: String,
    pub aliases: Vec<String>,
    /// ISO alpha-3 of a state, or an organization key.
    pub represents: Option<String>,
    pub role: Option<String>,
}

/// One title of `titles.tsv`.
#[derive(Debug, Clone)]
pub struct TitleRow {
    pub title: String,
    /// "state", "org" or empty.
    pub represents: String,
}

/// One event rule of `rules/events.tsv`.
#[derive(Debug, Clone)]
pub struct EventRule {
    pub id: String,
    pub kind: String,
    pub pattern: String,
    pub example: String,
}

/// Every data file, parsed but not yet compiled into matchers.
pub struct Lexicon {
    pub states: Vec<StateRow>,
    pub places: Vec<PlaceRow>,
    pub orgs: Vec<OrgRow>,
    pub people: Vec<PersonRow>,
    pub titles: Vec<TitleRow>,
    pub honorifics: HashSet<String>,
    pub given_names: HashSet<String>,
    pub non_names: HashSet<String>,
    pub topics: Vec<(Topic, Vec<String>)>,
    pub event_rules: Vec<EventRule>,
    pub actor_nouns: HashMap<String, String>,
    /// Last words that make a capitalized name an organization (`org_heads.txt`).
    pub org_heads: HashSet<String>,
    /// Names not matched in all-caps lines (`caps_ambiguous.txt`).
    pub caps_ambiguous: HashSet<String>,
    /// Lower-case particles inside a person's name ("bin", "von").
    pub particles: HashSet<String>,
    /// Words before a capital that make it a place ("in", "to").
    pub locatives: HashSet<String>,
    /// Suffixes left out of a person's key ("Jr", "II").
    pub name_suffixes: HashSet<String>,
    /// Role nouns matched like titles ("counterpart", "leader"), in file order.
    pub role_nouns: Vec<String>,
    /// Heads of descriptors ("the Ukrainian leader"), in file order.
    pub descriptor_heads: Vec<String>,
    /// Words allowed between a state adjective and an actor noun ("and", "top").
    pub actor_joiners: HashSet<String>,
    /// Stand-alone capitals that name no organization ("GDP", "GMT").
    pub acronyms_not_orgs: HashSet<String>,
    /// (title, ISO alpha-3) from `title_states.tsv`: the state an office
    /// stands for when the text names none.
    pub title_states: Vec<(String, String)>,
    /// Non-names that open an organization's name ("Foreign Ministry").
    pub org_modifiers: HashSet<String>,
    /// Legal forms that end a company's name ("Corp", "AG").
    pub org_legal_forms: HashSet<String>,
}

/// A data file: its path (for messages) and contents.
pub struct DataFile {
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! data_file {
    ($path:literal) => {
        DataFile {
            path: concat!("ontology/", $path),
            text: include_str!(concat!("../../ontology/", $path)),
        }
    };
}

pub const STATES: DataFile = data_file!("gazetteer/states.tsv");
pub const PLACES: DataFile = data_file!("gazetteer/places.tsv");
pub const ORGS: DataFile = data_file!("gazetteer/organizations.tsv");
pub const PEOPLE: DataFile = data_file!("gazetteer/people.tsv");
pub const TITLES: DataFile = data_file!("lexicon/titles.tsv");
pub const HONORIFICS: DataFile = data_file!("lexicon/honorifics.txt");
pub const GIVEN_NAMES: DataFile = data_file!("lexicon/given_names.txt");
pub const NON_NAMES: DataFile = data_file!("lexicon/non_names.txt");
pub const ACTOR_NOUNS: DataFile = data_file!("lexicon/actor_nouns.tsv");
pub const ORG_HEADS: DataFile = data_file!("lexicon/org_heads.txt");
pub const CAPS_AMBIGUOUS: DataFile = data_file!("lexicon/caps_ambiguous.txt");
pub const PARTICLES: DataFile = data_file!("lexicon/particles.txt");
pub const LOCATIVES: DataFile = data_file!("lexicon/locatives.txt");
pub const NAME_SUFFIXES: DataFile = data_file!("lexicon/name_suffixes.txt");
pub const ROLE_NOUNS: DataFile = data_file!("lexicon/role_nouns.txt");
pub const DESCRIPTOR_HEADS: DataFile = data_file!("lexicon/descriptor_heads.txt");
pub const ACTOR_JOINERS: DataFile = data_file!("lexicon/actor_joiners.txt");
pub const ACRONYMS_NOT_ORGS: DataFile = data_file!("lexicon/acronyms_not_orgs.txt");
pub const TITLE_STATES: DataFile = data_file!("lexicon/title_states.tsv");
pub const ORG_MODIFIERS: DataFile = data_file!("lexicon/org_modifiers.txt");
pub const ORG_LEGAL_FORMS: DataFile = data_file!("lexicon/org_legal_forms.txt");
pub const TOPICS: DataFile = data_file!("rules/topics.tsv");
pub const EVENTS: DataFile = data_file!("rules/events.tsv");

fn error(file: &DataFile, line: usize, message: impl Into<String>) -> ParleyError {
    ParleyError::Lexicon {
        file: file.path.to_string(),
        line,
        message: message.into(),
    }
}

/// Data rows of a TSV file: comments and the header skipped, each row with its
/// 1-based line number and exactly `columns` fields (missing trailing fields
/// are empty; extra fields are an error).
fn tsv_rows(file: &DataFile, header: &str, columns: usize) -> Result<Vec<(usize, Vec<&'static str>)>, ParleyError> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (index, line) in file.text.lines().enumerate() {
        let number = index + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !seen_header {
            if line.split('\t').next() != Some(header) {
                return Err(error(
                    file,
                    number,
                    format!("expected a header line starting with `{header}`"),
                ));
            }
            seen_header = true;
            continue;
        }
        let mut fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() > columns {
            return Err(error(
                file,
                number,
                format!("expected {columns} tab-separated fields, found {}", fields.len()),
            ));
        }
        fields.resize(columns, "");
        rows.push((number, fields));
    }
    if !seen_header {
        return Err(error(file, 0, "no header line"));
    }
    Ok(rows)
}

fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn optional(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| field.to_string())
}

fn word_list(file: &DataFile) -> HashSet<String> {
    file.text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Like `word_list`, in file order without repeats.
fn ordered_words(file: &DataFile) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in file
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if !words.iter().any(|w| w == word) {
            words.push(word.to_string());
        }
    }
    words
}

fn is_iso3(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

impl Lexicon {
    /// Parses every embedded data file.
    pub fn load() -> Result<Lexicon, ParleyError> {
        let mut states = Vec::new();
        for (line, f) in tsv_rows(&STATES, "iso3", 8)? {
            if !is_iso3(f[0]) {
                return Err(error(&STATES, line, format!("bad ISO 3166-1 alpha-3 code `{}`", f[0])));
            }
            if !f[2].is_empty() && !(f[2].starts_with('Q') && f[2][1..].bytes().all(|b| b.is_ascii_digit())) {
                return Err(error(&STATES, line, format!("bad Wikidata id `{}`", f[2])));
            }
            states.push(StateRow {
                iso3: f[0].to_string(),
                wikidata: optional(f[2]),
                name: f[3].to_string(),
                names: list(f[4]),
                adjectives: list(f[5]),
                capitals: list(f[6]),
                metonyms: list(f[7]),
            });
        }
        let mut places = Vec::new();
        for (line, f) in tsv_rows(&PLACES, "name", 6)? {
            if !f[2].is_empty() && !is_iso3(f[2]) {
                return Err(error(&PLACES, line, format!("bad ISO code `{}`", f[2])));
            }
            places.push(PlaceRow {
                name: f[0].to_string(),
                aliases: list(f[1]),
                iso3: optional(f[2]),
            });
        }
        let mut orgs = Vec::new();
        for (line, f) in tsv_rows(&ORGS, "key", 6)? {
            if f[0].is_empty() || f[1].is_empty() {
                return Err(error(&ORGS, line, "an organization needs a key and a name"));
            }
            orgs.push(OrgRow {
                key: f[0].to_string(),
                name: f[1].to_string(),
                aliases: list(f[2]),
                kind: f[3].to_string(),
                iso3: optional(f[4]).filter(|c| is_iso3(c)),
            });
        }
        let people = tsv_rows(&PEOPLE, "name", 5)?
            .into_iter()
            .map(|(_, f)| PersonRow {
                name: f[0].to_string(),
                aliases: list(f[1]),
                represents: optional(f[2]),
                role: optional(f[3]),
            })
            .collect();
        let titles = tsv_rows(&TITLES, "title", 3)?
            .into_iter()
            .map(|(_, f)| TitleRow {
                title: f[0].to_string(),
                represents: f[2].to_string(),
            })
            .collect();
        let mut topics = Vec::new();
        for (line, f) in tsv_rows(&TOPICS, "topic", 2)? {
            let topic =
                Topic::from_name(f[0]).ok_or_else(|| error(&TOPICS, line, format!("unknown topic `{}`", f[0])))?;
            topics.push((topic, list(f[1])));
        }
        let mut event_rules = Vec::new();
        for (line, f) in tsv_rows(&EVENTS, "id", 4)? {
            if f[2].is_empty() {
                return Err(error(&EVENTS, line, "a rule needs a pattern"));
            }
            event_rules.push(EventRule {
                id: f[0].to_string(),
                kind: f[1].to_string(),
                pattern: f[2].to_string(),
                example: f[3].to_string(),
            });
        }
        let actor_nouns = tsv_rows(&ACTOR_NOUNS, "noun", 2)?
            .into_iter()
            .map(|(_, f)| (f[0].to_string(), f[1].to_string()))
            .collect();
        let mut title_states = Vec::new();
        for (line, f) in tsv_rows(&TITLE_STATES, "title", 2)? {
            if f[0].is_empty() || !is_iso3(f[1]) {
                return Err(error(
                    &TITLE_STATES,
                    line,
                    "a row needs a title and an ISO alpha-3 code",
                ));
            }
            title_states.push((f[0].to_string(), f[1].to_string()));
        }
        Ok(Lexicon {
            states,
            places,
            orgs,
            people,
            titles,
            honorifics: word_list(&HONORIFICS),
            given_names: word_list(&GIVEN_NAMES),
            non_names: word_list(&NON_NAMES),
            topics,
            event_rules,
            actor_nouns,
            org_heads: word_list(&ORG_HEADS),
            caps_ambiguous: word_list(&CAPS_AMBIGUOUS),
            particles: word_list(&PARTICLES),
            locatives: word_list(&LOCATIVES),
            name_suffixes: word_list(&NAME_SUFFIXES),
            role_nouns: ordered_words(&ROLE_NOUNS),
            descriptor_heads: ordered_words(&DESCRIPTOR_HEADS),
            actor_joiners: word_list(&ACTOR_JOINERS),
            acronyms_not_orgs: word_list(&ACRONYMS_NOT_ORGS),
            title_states,
            org_modifiers: word_list(&ORG_MODIFIERS),
            org_legal_forms: word_list(&ORG_LEGAL_FORMS),
        })
    }
}
