//! The rule and gazetteer data under `ontology/`, parsed.
//!
//! The files are embedded at compile time (`include_str!`) so the binary is
//! self-contained and offline, yet they stay plain data that anyone can read,
//! review and extend without touching Rust. Every file is read by
//! [`datafile`](super::datafile) (comments, header, field counts); this
//! module checks the values, with an error naming file and line for anything
//! unknown or malformed: bad data must never be silently ignored.

use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

mod gazetteer_files;

use gazetteer_files::{orgs, people, places, predecessors, states, territories, territory_places};
pub use gazetteer_files::{OrgRow, PersonRow, PlaceRow, StateRow, TerritoryRow};

use super::datafile::{data_file, DataFile, Row};
use super::word_lists;
use crate::error::ParleyError;
use crate::extract::clauses::WordClass;
use crate::extract::model::{EventClass, MeetingStatus, Topic};

/// One row of `org_descriptors.tsv`: a noun that refers back to an
/// organization after "the" ("the charity"), and the organization kinds it
/// may stand for.
#[derive(Debug, Clone)]
pub struct OrgDescriptor {
    /// Lower case.
    pub noun: String,
    /// Kinds of `organizations.tsv` (`ngo`, `party`, ...), and
    /// [`UNLISTED_ORG_KIND`]; empty when only an organization whose name
    /// holds the noun fits.
    pub kinds: Vec<String>,
    /// Any organization fits (`*`).
    pub any_kind: bool,
}

/// One title of `titles.tsv`.
#[derive(Debug, Clone)]
pub struct TitleRow {
    pub title: String,
    /// head_of_state, minister, diplomat, ... (the `kind` column).
    pub kind: String,
    /// "state", "org" or empty.
    pub represents: String,
}

/// One event rule of `rules/events.tsv`.
#[derive(Debug, Clone)]
pub struct EventRule {
    /// Line of the rule in `rules/events.tsv`, for error messages.
    pub line: usize,
    pub id: String,
    pub kind: String,
    pub pattern: String,
    pub example: String,
}

/// Every data file, parsed but not yet compiled into matchers.
pub struct Lexicon {
    /// The sovereign states of `states.tsv` (not its territories).
    pub states: Vec<StateRow>,
    /// The places of `places.tsv`, then the names and capitals of each
    /// territory (whose `iso3` is the territory's code).
    pub places: Vec<PlaceRow>,
    /// The rows of `territories.tsv`.
    pub territories: Vec<TerritoryRow>,
    pub orgs: Vec<OrgRow>,
    pub people: Vec<PersonRow>,
    pub titles: Vec<TitleRow>,
    pub honorifics: HashSet<String>,
    pub given_names: HashSet<String>,
    pub non_names: HashSet<String>,
    pub topics: Vec<(Topic, Vec<String>)>,
    pub event_rules: Vec<EventRule>,
    pub actor_nouns: HashMap<String, String>,
    /// Lower-cased title -> the key of the organization it stands for when
    /// the text names none (`title_defaults.tsv`).
    pub title_defaults: HashMap<String, String>,
    /// (state, until, predecessor) from `predecessors.tsv`: before `until`,
    /// the state's names stand for the predecessor.
    pub predecessors: Vec<(String, NaiveDate, String)>,
    /// Names not matched in all-caps lines (`caps_ambiguous.txt`).
    pub caps_ambiguous: HashSet<String>,
    /// Last words that make a name an organization (`org_heads.txt`).
    pub org_heads: HashSet<String>,
    /// Last words that make a name a thing, neither a person nor an
    /// organization (`thing_heads.txt`: "Marshall Plan").
    pub thing_heads: HashSet<String>,
    /// Closed-class words of the clause layer, with their class.
    pub function_words: Vec<(String, WordClass)>,
    /// Phrases naming the two sides of a story ("both sides").
    pub pair_phrases: Vec<String>,
    /// Nouns that name a deal ("treaty").
    pub deal_nouns: Vec<String>,
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
    /// Party forms before a title and the party's organization key
    /// (`party_adjectives.tsv`), longest form first.
    pub party_adjectives: Vec<(String, String)>,
    /// Words of travel before "to" and a destination (`motion_verbs.txt`).
    pub motion_verbs: HashSet<String>,
    /// Non-names that open an organization's name ("Foreign Ministry").
    pub org_modifiers: HashSet<String>,
    /// Legal forms that end a company's name ("Corp", "AG").
    pub org_legal_forms: HashSet<String>,
    /// Nouns that refer back to an organization ("the charity"), in file order.
    pub org_descriptors: Vec<OrgDescriptor>,
}

/// One row of `rules/event_codes.tsv`.
#[derive(Debug, Clone)]
pub struct EventCodeRow {
    /// An event kind (`Meeting`, `Demand`, ...).
    pub kind: String,
    /// A meeting status, or `*` for any.
    pub status: String,
    /// The PLOVER event type; `None` where PLOVER has none.
    pub plover: Option<String>,
    /// The CAMEO code (digits).
    pub cameo: String,
}

pub const STATES: DataFile = data_file!("gazetteer/states.tsv");
pub const PLACES: DataFile = data_file!("gazetteer/places.tsv");
pub const ORGS: DataFile = data_file!("gazetteer/organizations.tsv");
pub const PEOPLE: DataFile = data_file!("gazetteer/people.tsv");
pub const PREDECESSORS: DataFile = data_file!("gazetteer/predecessors.tsv");
pub const TERRITORIES: DataFile = data_file!("gazetteer/territories.tsv");
pub const TITLES: DataFile = data_file!("lexicon/titles.tsv");
pub const TITLE_DEFAULTS: DataFile = data_file!("lexicon/title_defaults.tsv");
pub const HONORIFICS: DataFile = data_file!("lexicon/honorifics.txt");
pub const GIVEN_NAMES: DataFile = data_file!("lexicon/given_names.txt");
pub const NON_NAMES: DataFile = data_file!("lexicon/non_names.txt");
pub const CAPS_AMBIGUOUS: DataFile = data_file!("lexicon/caps_ambiguous.txt");
pub const ORG_HEADS: DataFile = data_file!("lexicon/org_heads.txt");
pub const THING_HEADS: DataFile = data_file!("lexicon/thing_heads.txt");
pub const ACTOR_NOUNS: DataFile = data_file!("lexicon/actor_nouns.tsv");
pub const PARTICLES: DataFile = data_file!("lexicon/particles.txt");
pub const LOCATIVES: DataFile = data_file!("lexicon/locatives.txt");
pub const NAME_SUFFIXES: DataFile = data_file!("lexicon/name_suffixes.txt");
pub const ROLE_NOUNS: DataFile = data_file!("lexicon/role_nouns.txt");
pub const DESCRIPTOR_HEADS: DataFile = data_file!("lexicon/descriptor_heads.txt");
pub const ACTOR_JOINERS: DataFile = data_file!("lexicon/actor_joiners.txt");
pub const ACRONYMS_NOT_ORGS: DataFile = data_file!("lexicon/acronyms_not_orgs.txt");
pub const TITLE_STATES: DataFile = data_file!("lexicon/title_states.tsv");
pub const MOTION_VERBS: DataFile = data_file!("lexicon/motion_verbs.txt");
pub const PARTY_ADJECTIVES: DataFile = data_file!("lexicon/party_adjectives.tsv");
pub const ORG_MODIFIERS: DataFile = data_file!("lexicon/org_modifiers.txt");
pub const ORG_LEGAL_FORMS: DataFile = data_file!("lexicon/org_legal_forms.txt");
pub const ORG_DESCRIPTORS: DataFile = data_file!("lexicon/org_descriptors.tsv");
pub const TOPICS: DataFile = data_file!("rules/topics.tsv");
pub const EVENTS: DataFile = data_file!("rules/events.tsv");
pub const FUNCTION_WORDS: DataFile = data_file!("lexicon/function_words.tsv");
pub const PAIR_PHRASES: DataFile = data_file!("lexicon/pair_phrases.txt");
pub const DEAL_NOUNS: DataFile = data_file!("lexicon/deal_nouns.txt");
pub const EVENT_CODES: DataFile = data_file!("rules/event_codes.tsv");

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

/// The ISO codes of `states.tsv` and the keys of `organizations.tsv`, which
/// other files refer to.
struct Known<'a> {
    states: HashSet<&'a str>,
    orgs: HashSet<&'a str>,
}

impl Known<'_> {
    fn state(&self, row: &Row, code: &str) -> Result<(), ParleyError> {
        if self.states.contains(code) {
            return Ok(());
        }
        Err(row.error(format!("unknown state `{code}` (not in {})", STATES.path)))
    }
}

impl Lexicon {
    /// Parses every embedded data file.
    pub fn load() -> Result<Lexicon, ParleyError> {
        let rows = states(&STATES)?;
        let territories = territories(&TERRITORIES, &rows)?;
        let (held, states): (Vec<StateRow>, Vec<StateRow>) = rows
            .into_iter()
            .partition(|s| territories.iter().any(|t| t.iso3 == s.iso3));
        let mut known = Known {
            states: states.iter().map(|s| s.iso3.as_str()).collect(),
            orgs: HashSet::default(),
        };
        // a place may lie in a territory ("Kowloon"); nothing else may name one as a state
        let mut places = places(
            &PLACES,
            &Known {
                states: known
                    .states
                    .iter()
                    .copied()
                    .chain(held.iter().map(|s| s.iso3.as_str()))
                    .collect(),
                orgs: HashSet::default(),
            },
        )?;
        places.extend(territory_places(&held));
        let orgs = orgs(&ORGS, &known)?;
        known.orgs = orgs.iter().map(|o| o.key.as_str()).collect();
        let people = people(&PEOPLE, &known)?;
        let titles = titles(&TITLES)?;
        let title_defaults = title_defaults(&TITLE_DEFAULTS, &titles, &known)?;
        let predecessors = predecessors(&PREDECESSORS, &known)?;
        let actor_nouns = ACTOR_NOUNS
            .rows(&["noun", "role"])?
            .into_iter()
            .map(|f| (f.get(0).to_string(), f.get(1).to_string()))
            .collect();
        // read here too, so that a bad row stops `Extractor::new`
        event_codes_of(&EVENT_CODES)?;
        let function_words = word_lists::function_words(&FUNCTION_WORDS)?.clause;
        // read here too, so that a bad line stops `Extractor::new` before
        // anything asks `word_lists::word_lists()`
        word_lists::WordLists::load()?;
        let mut title_states = Vec::new();
        for row in TITLE_STATES.rows(&["title", "state"])? {
            if row.get(0).is_empty() || !known.states.contains(row.get(1)) {
                return Err(row.error("a row needs a title and the ISO alpha-3 code of a known state"));
            }
            title_states.push((row.get(0).to_string(), row.get(1).to_string()));
        }
        let mut party_adjectives = Vec::new();
        for row in PARTY_ADJECTIVES.rows(&["form", "organization"])? {
            if row.get(0).is_empty() || !known.orgs.contains(row.get(1)) {
                return Err(row.error("a row needs a form and the key of an organization in organizations.tsv"));
            }
            party_adjectives.push((row.get(0).to_string(), row.get(1).to_string()));
        }
        party_adjectives.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
        let org_descriptors = org_descriptors(&ORG_DESCRIPTORS, &orgs)?;
        Ok(Lexicon {
            honorifics: HONORIFICS.words()?,
            given_names: GIVEN_NAMES.words()?,
            non_names: NON_NAMES.words()?,
            topics: topics(&TOPICS)?,
            event_rules: event_rules(&EVENTS)?,
            caps_ambiguous: CAPS_AMBIGUOUS.words()?,
            org_heads: ORG_HEADS.words()?,
            thing_heads: THING_HEADS.words()?,
            actor_nouns,
            title_defaults,
            predecessors,
            states,
            places,
            territories,
            orgs,
            people,
            titles,
            function_words,
            pair_phrases: PAIR_PHRASES.ordered_words()?,
            deal_nouns: DEAL_NOUNS.ordered_words()?,
            particles: PARTICLES.words()?,
            locatives: LOCATIVES.words()?,
            name_suffixes: NAME_SUFFIXES.words()?,
            role_nouns: ROLE_NOUNS.ordered_words()?,
            descriptor_heads: DESCRIPTOR_HEADS.ordered_words()?,
            actor_joiners: ACTOR_JOINERS.words()?,
            acronyms_not_orgs: ACRONYMS_NOT_ORGS.words()?,
            title_states,
            party_adjectives,
            motion_verbs: MOTION_VERBS.words()?,
            org_modifiers: ORG_MODIFIERS.words()?,
            org_legal_forms: ORG_LEGAL_FORMS.words()?,
            org_descriptors,
        })
    }
}

fn titles(file: &DataFile) -> Result<Vec<TitleRow>, ParleyError> {
    let mut titles = Vec::new();
    for f in file.rows(&["title", "kind", "represents"])? {
        if !matches!(f.get(2), "" | "state" | "org") {
            return Err(f.error(format!(
                "unknown `represents` value `{}` (state, org or empty)",
                f.get(2)
            )));
        }
        const KINDS: &[&str] = &[
            "head_of_state",
            "head_of_government",
            "minister",
            "diplomat",
            "official",
            "legislator",
            "military",
            "royal",
            "religious",
            "other",
        ];
        if !KINDS.contains(&f.get(1)) {
            return Err(f.error(format!("unknown title kind `{}` ({})", f.get(1), KINDS.join(", "))));
        }
        titles.push(TitleRow {
            title: f.get(0).to_string(),
            kind: f.get(1).to_string(),
            represents: f.get(2).to_string(),
        });
    }
    Ok(titles)
}

/// Lower-cased title -> organization key.
fn title_defaults(file: &DataFile, titles: &[TitleRow], known: &Known) -> Result<HashMap<String, String>, ParleyError> {
    let title_names: HashSet<String> = titles.iter().map(|t| t.title.to_lowercase()).collect();
    let mut defaults = HashMap::default();
    for f in file.rows(&["title", "organization"])? {
        let title = f.get(0).to_lowercase();
        if !title_names.contains(&title) {
            return Err(f.error(format!("unknown title `{}` (not in {})", f.get(0), TITLES.path)));
        }
        if !known.orgs.contains(f.get(1)) {
            return Err(f.error(format!("unknown organization `{}` (not in {})", f.get(1), ORGS.path)));
        }
        defaults.insert(title, f.get(1).to_string());
    }
    Ok(defaults)
}

fn topics(file: &DataFile) -> Result<Vec<(Topic, Vec<String>)>, ParleyError> {
    let mut topics = Vec::new();
    for f in file.rows(&["topic", "keywords"])? {
        let topic = Topic::from_name(f.get(0)).ok_or_else(|| f.error(format!("unknown topic `{}`", f.get(0))))?;
        topics.push((topic, list(f.get(1))));
    }
    Ok(topics)
}

fn event_rules(file: &DataFile) -> Result<Vec<EventRule>, ParleyError> {
    let mut rules = Vec::new();
    for f in file.rows(&["id", "kind", "pattern", "example"])? {
        if f.get(2).is_empty() {
            return Err(f.error("a rule needs a pattern"));
        }
        rules.push(EventRule {
            line: f.line,
            id: f.get(0).to_string(),
            kind: f.get(1).to_string(),
            pattern: f.get(2).to_string(),
            example: f.get(3).to_string(),
        });
    }
    Ok(rules)
}

/// The kind `org_descriptors.tsv` gives an organization that is not in
/// `organizations.tsv`.
pub const UNLISTED_ORG_KIND: &str = "unlisted";

/// `org_descriptors.tsv`: each noun once, in lower case; each kind one that
/// `organizations.tsv` uses.
fn org_descriptors(file: &DataFile, orgs: &[OrgRow]) -> Result<Vec<OrgDescriptor>, ParleyError> {
    let mut known_kinds: HashSet<&str> = orgs.iter().map(|o| o.kind.as_str()).collect();
    known_kinds.insert(UNLISTED_ORG_KIND);
    let mut out: Vec<OrgDescriptor> = Vec::new();
    for row in file.rows(&["noun", "kinds"])? {
        let noun = row.get(0);
        if noun.is_empty() || noun.chars().any(|c| !c.is_ascii_lowercase()) {
            return Err(row.error(format!("a noun is one lower-case word, not `{noun}`")));
        }
        if out.iter().any(|d| d.noun == noun) {
            return Err(row.error(format!("`{noun}` is listed twice")));
        }
        let (any_kind, kinds) = match row.get(1) {
            "*" => (true, Vec::new()),
            "-" => (false, Vec::new()),
            list => {
                let kinds: Vec<String> = list.split(',').map(|k| k.trim().to_string()).collect();
                if let Some(bad) = kinds.iter().find(|k| !known_kinds.contains(k.as_str())) {
                    return Err(row.error(format!("unknown organization kind `{bad}` (not in {})", ORGS.path)));
                }
                (false, kinds)
            }
        };
        out.push(OrgDescriptor {
            noun: noun.to_string(),
            kinds,
            any_kind,
        });
    }
    Ok(out)
}

/// The rows of `rules/event_codes.tsv`.
pub fn event_codes() -> Result<Vec<EventCodeRow>, ParleyError> {
    event_codes_of(&EVENT_CODES)
}

/// Event codes, checked: a known event kind, `*` or (for meetings) a meeting
/// status, a PLOVER type in capitals or nothing, a CAMEO code of digits.
fn event_codes_of(file: &DataFile) -> Result<Vec<EventCodeRow>, ParleyError> {
    let statuses = [
        MeetingStatus::Held,
        MeetingStatus::Planned,
        MeetingStatus::Proposed,
        MeetingStatus::Cancelled,
    ];
    let mut rows = Vec::new();
    for f in file.rows(&["kind", "status", "plover", "cameo", "cameo_label"])? {
        let (kind, status, plover, cameo) = (f.get(0), f.get(1), f.get(2), f.get(3));
        let Some(class) = EventClass::from_name(kind) else {
            return Err(f.error(format!("unknown event kind `{kind}`")));
        };
        let meeting_status = class == EventClass::Meeting && statuses.iter().any(|s| s.name() == status);
        if status != "*" && !meeting_status {
            return Err(f.error(format!("unknown status `{status}` for {kind} (a meeting status or *)")));
        }
        if !plover.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
            return Err(f.error(format!("bad PLOVER type `{plover}`")));
        }
        if cameo.is_empty() || !cameo.bytes().all(|b| b.is_ascii_digit()) {
            return Err(f.error(format!("bad CAMEO code `{cameo}`")));
        }
        rows.push(EventCodeRow {
            kind: kind.to_string(),
            status: status.to_string(),
            plover: optional(plover),
            cameo: cameo.to_string(),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An in-memory data file (for the readers' tests here and in `gazetteer`).
    pub(super) fn file(path: &'static str, text: &'static str) -> DataFile {
        DataFile { path, text }
    }

    /// A few known states and one organization, for the readers' tests.
    pub(super) fn known() -> Known<'static> {
        Known {
            states: ["RUS", "SUN", "UKR"].into_iter().collect(),
            orgs: ["united-nations"].into_iter().collect(),
        }
    }

    #[test]
    fn every_embedded_file_loads() {
        let lexicon = Lexicon::load().unwrap();
        assert!(lexicon.states.iter().any(|s| s.iso3 == "RUS"));
        assert_eq!(
            lexicon.title_defaults.get("secretary-general").map(String::as_str),
            Some("united-nations")
        );
        assert!(lexicon
            .predecessors
            .iter()
            .any(|(state, _, old)| state == "RUS" && old == "SUN"));
        assert!(lexicon.org_heads.contains("Institute"));
        assert!(!lexicon.caps_ambiguous.is_empty());
        assert!(event_codes()
            .unwrap()
            .iter()
            .any(|r| r.kind == "Meeting" && r.status == "Held"));
    }

    #[test]
    fn an_unknown_topic_names_file_and_line() {
        let error = topics(&file(
            "rules/t.tsv",
            "# c\ntopic\tkeywords\nTalks\ttalks\nGossip\tgossip\n",
        ))
        .unwrap_err();
        assert_eq!(error.to_string(), "rules/t.tsv:4: unknown topic `Gossip`");
    }

    #[test]
    fn an_org_descriptor_of_an_unknown_kind_or_listed_twice_is_refused_with_its_line() {
        let orgs = Lexicon::load().unwrap().orgs;
        let ok = org_descriptors(
            &file("o.tsv", "noun\tkinds\ncharity\tngo,unlisted\ngroup\t*\nunion\t-\n"),
            &orgs,
        )
        .unwrap();
        assert_eq!(ok.len(), 3);
        assert!(ok[1].any_kind && ok[2].kinds.is_empty() && !ok[2].any_kind);
        let unknown = org_descriptors(&file("o.tsv", "noun\tkinds\ncharity\tngo\nbank\tbanks\n"), &orgs).unwrap_err();
        assert!(
            unknown
                .to_string()
                .starts_with("o.tsv:3: unknown organization kind `banks`"),
            "{unknown}"
        );
        let twice = org_descriptors(&file("o.tsv", "noun\tkinds\nbank\t-\nbank\t*\n"), &orgs).unwrap_err();
        assert_eq!(twice.to_string(), "o.tsv:3: `bank` is listed twice");
        let upper = org_descriptors(&file("o.tsv", "noun\tkinds\nBank\t-\n"), &orgs).unwrap_err();
        assert!(
            upper.to_string().starts_with("o.tsv:2: a noun is one lower-case word"),
            "{upper}"
        );
    }

    #[test]
    fn a_title_of_an_unknown_kind_is_refused_with_its_line() {
        let error = titles(&file(
            "t.tsv",
            "title\tkind\trepresents\nPresident\thead_of_state\tstate\nKing\tmonarch\tstate\n",
        ))
        .unwrap_err();
        assert!(
            error.to_string().starts_with("t.tsv:3: unknown title kind `monarch`"),
            "{error}"
        );
    }

    #[test]
    fn a_title_default_must_name_a_known_title_and_organization() {
        let titles = [TitleRow {
            title: "Secretary-General".into(),
            kind: "official".into(),
            represents: "org".into(),
        }];
        let ok = title_defaults(
            &file("d.tsv", "title\torganization\nSecretary-General\tunited-nations\n"),
            &titles,
            &known(),
        );
        assert_eq!(
            ok.unwrap().get("secretary-general").map(String::as_str),
            Some("united-nations")
        );
        let text = "title\torganization\n\nSecretary-General\tleague-of-nations\n";
        let error = title_defaults(&file("d.tsv", text), &titles, &known()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "d.tsv:3: unknown organization `league-of-nations` (not in ontology/gazetteer/organizations.tsv)"
        );
        let text = "title\torganization\nPope\tunited-nations\n";
        let error = title_defaults(&file("d.tsv", text), &titles, &known()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "d.tsv:2: unknown title `Pope` (not in ontology/lexicon/titles.tsv)"
        );
        let text = "title\torganization\nSecretary-General united-nations\n";
        let error = title_defaults(&file("d.tsv", text), &titles, &known()).unwrap_err();
        assert_eq!(error.to_string(), "d.tsv:2: expected 2 tab-separated fields, found 1");
    }

    #[test]
    fn event_codes_check_kind_status_and_codes() {
        let header = "kind\tstatus\tplover\tcameo\tcameo_label\n";
        let cases = [
            ("Meeting\tHeld\tCONSULT\t04\tConsult\n", None),
            (
                "Meting\tHeld\tCONSULT\t04\tConsult\n",
                Some("unknown event kind `Meting`"),
            ),
            (
                "Demand\tHeld\tREQUEST\t10\tDemand\n",
                Some("unknown status `Held` for Demand (a meeting status or *)"),
            ),
            (
                "Meeting\tDone\tCONSULT\t04\tConsult\n",
                Some("unknown status `Done` for Meeting (a meeting status or *)"),
            ),
            ("Claim\t*\t\t0x\tStatement\n", Some("bad CAMEO code `0x`")),
            ("Claim\t*\tconsult\t01\tStatement\n", Some("bad PLOVER type `consult`")),
        ];
        for (row, expected) in cases {
            let text: &'static str = format!("{header}{row}").leak();
            let result = event_codes_of(&file("c.tsv", text));
            match expected {
                None => assert_eq!(result.unwrap().len(), 1),
                Some(message) => assert_eq!(result.unwrap_err().to_string(), format!("c.tsv:2: {message}")),
            }
        }
    }
}
