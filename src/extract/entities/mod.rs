//! Entity recognition and within-document resolution.
//!
//! Three sources of mentions, in order of trust:
//! 1. the gazetteer (states, their adjectives, capitals and metonyms; places;
//!    organizations), matched case-sensitively on whole words;
//! 2. capitalized name sequences around titles and honorifics ("Defense
//!    Minister Rustem Umerov", "Mr. Oshima"), known given names ("Vladimir
//!    Medinsky"), and organization head words ("Libertarian Institute");
//! 3. references that name nobody: surnames ("Medinsky" after "Vladimir
//!    Medinsky"), and descriptors ("the Ukrainian leader").
//!
//! A capital is the state when it acts ("Moscow agreed", "Kiev's delegation")
//! and a place after a locative preposition ("talks in Moscow"). A state
//! adjective only makes the state an *actor* before a noun such as "officials"
//! or "forces" (`actor_nouns.tsv`); "Russian control" merely modifies.

mod affiliations;
mod keys;
mod name_words;
mod organizations;
mod people;
mod places;
mod recognize;
mod represents;
mod resolve;
mod teams;

pub use keys::{fold, person_key, slug};

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::NaiveDate;

use crate::error::ParleyError;
use crate::extract::gazetteer::{Gazetteer, Hit, Target, WordForms};
use crate::extract::lexicon::{Lexicon, TitleRow};
use crate::extract::model::{Entity, EntityId, EntityKey, EntityKind};
use crate::extract::sentences::{self, Sentence, Token};

use name_words::NameWords;
use people::NameCandidate;

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Name,
    Adjective,
    Capital,
    Metonym,
    /// A surname or short form resolved to a full name.
    ShortName,
    /// "the Ukrainian leader".
    Descriptor,
}

/// A mention found in the text (byte offsets), before conversion to code points.
#[derive(Debug, Clone)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub entity: EntityId,
    pub role: Role,
    /// Whether the entity acts in its sentence (can meet, demand, speak).
    pub actor: bool,
    /// Followed by "'s": "Russia's chief negotiator".
    pub possessive: bool,
    pub sentence: usize,
}

/// The story's dateline ("LONDON, March 2 -", "HAVANA (Reuters) --"): where
/// it was filed, read once by recognition for the rules that need it (a
/// meeting whose clause names no place may be held there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    /// The place of filing.
    pub place: EntityId,
    /// Byte span of the place's name.
    pub start: usize,
    pub end: usize,
    /// The day the dateline gives, if it gives one ("March 2"), resolved
    /// against the document's date.
    pub date: Option<NaiveDate>,
}

/// Matchers compiled once from the lexicon.
pub struct EntityRules {
    pub lexicon: Lexicon,
    gazetteer: Gazetteer,
    /// Upper-case names of states and places, for headlines and other all-caps lines.
    caps: Gazetteer,
    /// Titles and role nouns, any case of their ASCII letters.
    titles: WordForms,
    /// The word lists about names, looked up once per word.
    name_words: NameWords,
    title_defaults: HashMap<String, String>,
    org_by_key: HashMap<String, usize>,
    place_by_name: HashMap<String, usize>,
    /// Places by lower-cased name, for upper-case datelines ("RIO DE JANEIRO").
    place_by_lower: HashMap<String, usize>,
    /// (state, until, predecessor) from `predecessors.tsv`.
    predecessors: Vec<(String, NaiveDate, String)>,
    /// Lower-cased first words of titles, to tell "Moscow Mayor" from "Real Madrid".
    title_words: HashSet<String>,
    /// The first bytes of the party forms of `party_adjectives.tsv`.
    party_first_bytes: [bool; 256],
    /// Each row of `titles.tsv` lower-cased, in file order, for `title_row`
    /// (which lower-cased every row on every call).
    title_lower: Vec<String>,
    /// Index of the first row of `titles.tsv` with each lower-cased title.
    title_by_lower: HashMap<String, usize>,
    /// Index of the first state with each ISO code (see `state_index`).
    state_by_iso3: HashMap<String, usize>,
    /// Index of each territory of `lexicon.territories` by its ISO code.
    territory_by_iso3: HashMap<String, usize>,
    /// The rows of `people.tsv` by the last word of the name (after the
    /// last space), in file order: `state_of_surname` scanned every row,
    /// splitting each name, for every name it was asked about.
    people_by_surname: HashMap<String, Vec<usize>>,
}

impl EntityRules {
    pub fn compile(lexicon: Lexicon) -> Result<EntityRules, ParleyError> {
        let gazetteer = Gazetteer::compile(&lexicon)?;
        let caps = Gazetteer::compile_caps(&lexicon, &lexicon.caps_ambiguous)?;
        let mut title_forms: Vec<String> = lexicon.titles.iter().map(|t| t.title.clone()).collect();
        // the extra role nouns that stand for a person of a state
        for extra in &lexicon.role_nouns {
            if !title_forms.iter().any(|t| t == extra) {
                title_forms.push(extra.to_string());
            }
        }
        let titles = WordForms::new(&title_forms, true);
        let name_words = NameWords::new(&lexicon);
        let title_defaults = lexicon.title_defaults.clone();
        let org_by_key = lexicon
            .orgs
            .iter()
            .enumerate()
            .map(|(i, o)| (o.key.clone(), i))
            .collect();
        let mut place_by_name = HashMap::default();
        for (i, p) in lexicon.places.iter().enumerate() {
            place_by_name.entry(p.name.clone()).or_insert(i);
            for a in &p.aliases {
                place_by_name.entry(a.clone()).or_insert(i);
            }
        }
        let predecessors = lexicon.predecessors.clone();
        let place_by_lower = place_by_name.iter().map(|(k, v)| (k.to_lowercase(), *v)).collect();
        let title_words = lexicon
            .titles
            .iter()
            .filter_map(|t| t.title.split_whitespace().next())
            .map(|w| w.to_lowercase())
            .collect();
        let mut party_first_bytes = [false; 256];
        for (form, _) in &lexicon.party_adjectives {
            if let Some(&b) = form.as_bytes().first() {
                party_first_bytes[usize::from(b)] = true;
            }
        }
        let title_lower: Vec<String> = lexicon.titles.iter().map(|t| t.title.to_lowercase()).collect();
        let mut title_by_lower = HashMap::default();
        for (i, lower) in title_lower.iter().enumerate() {
            title_by_lower.entry(lower.clone()).or_insert(i);
        }
        let mut state_by_iso3 = HashMap::default();
        for (i, state) in lexicon.states.iter().enumerate() {
            state_by_iso3.entry(state.iso3.clone()).or_insert(i);
        }
        let territory_by_iso3 = lexicon
            .territories
            .iter()
            .enumerate()
            .map(|(i, t)| (t.iso3.clone(), i))
            .collect();
        let mut people_by_surname: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, person) in lexicon.people.iter().enumerate() {
            let surname = person.name.rsplit(' ').next().unwrap_or_default();
            people_by_surname.entry(surname.to_string()).or_default().push(i);
        }
        Ok(EntityRules {
            state_by_iso3,
            territory_by_iso3,
            people_by_surname,
            party_first_bytes,
            lexicon,
            gazetteer,
            caps,
            titles,
            name_words,
            title_defaults,
            org_by_key,
            place_by_name,
            place_by_lower,
            title_words,
            predecessors,
            title_lower,
            title_by_lower,
        })
    }

    /// The index of the first state of the lexicon with ISO code `iso3`:
    /// looked up, where a scan of the states compared codes some two
    /// hundred times for every place and title read.
    fn state_index(&self, iso3: &str) -> Option<usize> {
        self.state_by_iso3.get(iso3).copied()
    }

    /// Whether `hit` names only a public figure by surname ("Mubarak") and a
    /// given name that is in none of the figure's own forms stands right
    /// before it ("Suzanne Mubarak"; not "Hosni Mubarak", not "Jose Manuel
    /// Barroso" for "José Manuel Barroso").
    fn other_given_name(&self, text: &str, hit: &Hit<'_>) -> bool {
        let [Target::Person(i)] = hit.targets else {
            return false;
        };
        let Some(given) = text[..hit.start]
            .strip_suffix(' ')
            .and_then(|b| b.split_whitespace().next_back())
        else {
            return false;
        };
        let row = &self.lexicon.people[*i];
        let own = std::iter::once(&row.name)
            .chain(&row.aliases)
            .any(|form| form.split_whitespace().any(|w| w == given));
        !text[hit.start..hit.end].contains(' ') && self.lexicon.given_names.contains(given) && !own
    }

    fn title_rows(&self) -> &[TitleRow] {
        &self.lexicon.titles
    }

    /// Whether a document's last line is only a news agency's name: the wire
    /// service's sign-off ("Reuter" under a Reuters story) says who carried
    /// the story, not who is in it.
    fn is_wire_sign_off(&self, body: &str, body_start: usize, hits: &[Hit<'_>]) -> bool {
        let trimmed = body.trim();
        let [hit] = hits else { return false };
        let lead = body.len() - body.trim_start().len();
        hit.start == body_start + lead
            && hit.end - hit.start == trimmed.len()
            && hit
                .targets
                .iter()
                .any(|t| matches!(t, Target::Organization(i) if self.lexicon.orgs[*i].kind == "media"))
    }
}

/// Entities of one document under construction.
pub struct DocEntities {
    pub entities: Vec<Entity>,
    pub index: HashMap<EntityKey, EntityId>,
    pub found: Vec<Found>,
    /// Whom a public figure of the people gazetteer acts for by default; used
    /// only when the text says nothing ("his West German counterpart Manfred
    /// Woerner" in 1987 is West Germany's, not NATO's).
    defaults: Vec<(EntityId, EntityId)>,
    /// Places that begin an organization's name ("Texas" in "Texas Instruments
    /// Inc"): byte span and the state the place lies in, which the organization
    /// is then based in.
    name_states: Vec<(usize, usize, EntityId)>,
    /// The document's date, for states that have changed since.
    date: Option<NaiveDate>,
    /// Byte spans of the team names in sports tables (see `teams.rs`).
    teams: Vec<(usize, usize)>,
    /// Abbreviations the text defines for something other than an
    /// organization: "the Temporary Security Zone (TSZ)".
    abbreviations: Vec<String>,
    /// People holding a shadow cabinet's office ("shadow home secretary"):
    /// they act for their party, not for the state whose office it mirrors.
    shadow_office_holders: Vec<EntityId>,
    /// News organizations (`organizations.tsv` kind `media`): they report
    /// and interview, and take part in no meeting they report.
    pub news_media: BTreeSet<EntityId>,
    /// The word tokens of each sentence that recognition read (None where it
    /// skipped the sentence: all-caps lines, the sign-off), kept so that the
    /// clause layer does not tokenize the sentence again.
    pub sentence_tokens: Vec<Option<Vec<Token>>>,
    /// The story's dateline, if it has one.
    pub dateline: Option<Dateline>,
}

impl DocEntities {
    fn entity(&mut self, key: EntityKey, kind: EntityKind, label: &str) -> EntityId {
        if let Some(&id) = self.index.get(&key) {
            return id;
        }
        let id = self.entities.len();
        self.entities.push(Entity {
            key: key.clone(),
            kind,
            label: label.to_string(),
            alt_labels: BTreeSet::new(),
            iso3: None,
            wikidata: None,
            mentions: 0,
            represents: BTreeSet::new(),
            roles: BTreeSet::new(),
            located_in: None,
        });
        self.index.insert(key, id);
        id
    }

    /// Whether `start..end` overlaps a team name of a sports table.
    fn in_team(&self, start: usize, end: usize) -> bool {
        self.teams.iter().any(|&(s, e)| start < e && s < end)
    }

    fn add_surface(&mut self, id: EntityId, surface: &str) {
        let e = &mut self.entities[id];
        if surface != e.label {
            e.alt_labels.insert(surface.to_string());
        }
    }
}

impl EntityRules {
    /// Finds and resolves every entity mention of a document.
    pub fn recognize(&self, doc_id: &str, text: &str, sentences: &[Sentence], date: Option<NaiveDate>) -> DocEntities {
        let mut doc = DocEntities {
            entities: Vec::new(),
            index: HashMap::default(),
            found: Vec::new(),
            defaults: Vec::new(),
            name_states: Vec::new(),
            date,
            teams: self.teams(text),
            abbreviations: Vec::new(),
            shadow_office_holders: Vec::new(),
            news_media: BTreeSet::new(),
            sentence_tokens: vec![None; sentences.len()],
            dateline: None,
        };
        let mut candidates: Vec<NameCandidate> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let body = &text[s.start..s.end];
            // a dateline is upper case by convention: read it before skipping all-caps lines
            if si < 4 {
                self.dateline(text, s, si, &mut doc);
            }
            if sentences::is_all_caps(body) {
                // only the headline: later all-caps lines are tables, where a
                // city names a sports team as often as not
                if si == 0 {
                    self.headline(text, s, si, &mut doc);
                }
                continue;
            }
            let mut hits = self.gazetteer.find(text, s.start, s.end);
            if si + 1 == sentences.len() && self.is_wire_sign_off(body, s.start, &hits) {
                continue;
            }
            hits.retain(|h| !doc.in_team(h.start, h.end));
            // "Mr Livingstone", "Mrs Jordan": after an honorific, a place's or
            // a state's name is a person's
            hits.retain(|h| {
                let honorific = text[..h.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| self.lexicon.honorifics.contains(w));
                !honorific
                    || h.targets
                        .iter()
                        .any(|t| matches!(t, Target::Person(_) | Target::Organization(_)))
            });
            // "Suzanne Mubarak": a known public figure's surname after a given
            // name that is not theirs is someone else of that family
            hits.retain(|h| !self.other_given_name(text, h));
            for hit in &hits {
                self.resolve_hit(text, hit, si, &mut doc);
            }
            let tokens = sentences::tokens(text, s.start, s.end);
            self.name_candidates(text, s, si, &tokens, &hits, &mut candidates, &mut doc);
            self.acronyms(text, si, &tokens, &hits, &mut doc);
            self.party_mentions(text, s, si, &tokens, &mut doc);
            doc.sentence_tokens[si] = Some(tokens);
        }
        self.team_mentions(text, sentences, &mut doc);
        self.divided_state_halves(text, sentences, &mut doc);
        self.org_descriptors(text, &mut doc);
        self.resolve_people(doc_id, text, &candidates, &mut doc);
        for (person, agent) in std::mem::take(&mut doc.defaults) {
            // a shadow minister acts for no state, not even a public figure's own
            let shadow_of_state =
                doc.shadow_office_holders.contains(&person) && doc.entities[agent].kind == EntityKind::State;
            if doc.entities[person].represents.is_empty() && !shadow_of_state {
                doc.entities[person].represents.insert(agent);
            }
        }
        self.org_short_forms(text, sentences, &mut doc);
        self.untitled_affiliations(text, &mut doc);
        self.delegation_heads(text, &mut doc);
        self.descriptors(text, sentences, &mut doc);
        self.office_holders_of_home_state(text, sentences, &mut doc);
        self.the_government(text, &mut doc);
        doc.found.sort_by_key(|f| (f.start, f.end));
        doc.found.dedup_by(|a, b| a.start == b.start && a.end == b.end);
        for f in &doc.found {
            doc.entities[f.entity].mentions += 1;
        }
        doc
    }
}
