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

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::error::ParleyError;
use crate::extract::gazetteer::{Gazetteer, Hit, Target, WordForms};
use crate::extract::lexicon::{Lexicon, TitleRow};
use crate::extract::model::{Entity, EntityId, EntityKey, EntityKind};
use crate::extract::sentences::{self, Sentence, Token};

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

/// Matchers compiled once from the lexicon.
pub struct EntityRules {
    pub lexicon: Lexicon,
    gazetteer: Gazetteer,
    /// Upper-case names of states and places, for headlines and other all-caps lines.
    caps: Gazetteer,
    /// Titles and role nouns, any case of their ASCII letters.
    titles: WordForms,
    org_heads: HashSet<String>,
    title_defaults: HashMap<String, String>,
    org_by_key: HashMap<String, usize>,
    place_by_name: HashMap<String, usize>,
    /// Places by lower-cased name, for upper-case datelines ("RIO DE JANEIRO").
    place_by_lower: HashMap<String, usize>,
    /// (state, until, predecessor) from `predecessors.tsv`.
    predecessors: Vec<(String, NaiveDate, String)>,
    /// Lower-cased first words of titles, to tell "Moscow Mayor" from "Real Madrid".
    title_words: HashSet<String>,
}

const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "van", "von", "der", "den", "de", "la", "da", "dos", "du", "del", "le", "el", "di", "bint",
    "ben",
];
const LOCATIVE: &[&str] = &[
    "in", "at", "from", "to", "near", "outside", "into", "via", "across", "around", "visiting", "visited", "toward",
    "towards", "inside",
];
const ROMAN: &[&str] = &["I", "II", "III", "IV", "V", "VI", "Jr", "Sr"];

impl EntityRules {
    pub fn compile(lexicon: Lexicon) -> Result<EntityRules, ParleyError> {
        let gazetteer = Gazetteer::compile(&lexicon)?;
        let caps = Gazetteer::compile_caps(&lexicon, &lexicon.caps_ambiguous)?;
        let mut title_forms: Vec<String> = lexicon.titles.iter().map(|t| t.title.clone()).collect();
        // the extra role nouns that stand for a person of a state
        for extra in ["counterpart", "leader", "head"] {
            if !title_forms.iter().any(|t| t == extra) {
                title_forms.push(extra.to_string());
            }
        }
        let titles = WordForms::new(&title_forms, true).map_err(|e| ParleyError::Lexicon {
                file: "ontology/lexicon/titles.tsv".into(),
                line: 0,
                message: e.to_string(),
            })?;
        let org_heads = lexicon.org_heads.clone();
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
        Ok(EntityRules {
            lexicon,
            gazetteer,
            caps,
            titles,
            org_heads,
            title_defaults,
            org_by_key,
            place_by_name,
            place_by_lower,
            title_words,
            predecessors,
        })
    }

    fn title_rows(&self) -> &[TitleRow] {
        &self.lexicon.titles
    }
}

/// Folds a name for comparison: accents removed, lower case, letters only, and
/// the common transliteration variants merged (Zelenskyy/Zelenskiy/Zelensky,
/// Umierov/Umerov).
pub fn fold(name: &str) -> String {
    // most names are ASCII already: decomposing them would change nothing
    let plain: String = if name.is_ascii() {
        name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
    } else {
        ascii_letters(name)
            .nfkd()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let mut s = plain;
    for (from, to) in [("iy", "y"), ("yi", "y"), ("ie", "e"), ("kh", "h"), ("ou", "u")] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    // doubled letters: "Zelenskyy", "Shevardnadze" stays
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.drain(..) {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Letters that do not decompose into an ASCII base letter, spelled out:
/// "Tarık Bozdağlı" and "Tarik Bozdagli" must give one key.
fn ascii_letters(name: &str) -> String {
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

/// The key of a person across documents: folded first and last names.
pub fn person_key(first: &str, last: &str) -> String {
    format!("{}-{}", fold(first), fold(last))
}

/// " on Peacekeeping Operations", " of the Red Cross": the capitalized tail of an organization's name.
fn org_tail_regex() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(r"^ (?:on|of|for)(?: the)?(?: [A-Z][\p{L}-]+)+").expect("valid regex"))
}

/// A slug for IRIs: lower-case ASCII words joined by hyphens.
pub fn slug(name: &str) -> String {
    let plain: String = ascii_letters(name).nfkd().filter(|c| c.is_ascii()).collect::<String>().to_lowercase();
    plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
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

    fn add_surface(&mut self, id: EntityId, surface: &str) {
        let e = &mut self.entities[id];
        if surface != e.label {
            e.alt_labels.insert(surface.to_string());
        }
    }
}

/// A person name candidate, before resolution.
#[derive(Debug, Clone)]
struct NameCandidate {
    start: usize,
    end: usize,
    tokens: Vec<String>,
    title: Option<(usize, usize, String)>,
    honorific: bool,
    given: bool,
    sentence: usize,
    /// A public figure already resolved by the gazetteer: only their title is read.
    known: Option<EntityId>,
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
            let hits = self.gazetteer.find(text, s.start, s.end);
            for hit in &hits {
                self.resolve_hit(text, hit, si, &mut doc);
            }
            let tokens = sentences::tokens(text, s.start, s.end);
            self.name_candidates(text, s, si, &tokens, &hits, &mut candidates, &mut doc);
        }
        self.resolve_people(doc_id, text, &candidates, &mut doc);
        for (person, agent) in std::mem::take(&mut doc.defaults) {
            if doc.entities[person].represents.is_empty() {
                doc.entities[person].represents.insert(agent);
            }
        }
        self.descriptors(text, sentences, &mut doc);
        doc.found.sort_by_key(|f| (f.start, f.end));
        doc.found.dedup_by(|a, b| a.start == b.start && a.end == b.end);
        for f in &doc.found {
            doc.entities[f.entity].mentions += 1;
        }
        doc
    }

    /// "PARIS, March 22 -", "HAVANA, Cuba (Reuters) --", "MOSCOW:": the place of writing.
    fn dateline(&self, text: &str, s: &Sentence, si: usize, doc: &mut DocEntities) {
        let body = &text[s.start..s.end];
        let caps_len = body
            .find(|c: char| !(c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\''))
            .unwrap_or(0);
        let word = body[..caps_len].trim_end_matches([' ', '-']);
        if word.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return;
        }
        let rest = body[word.len()..].trim_start();
        // "PARIS, March 22 -", "WASHINGTON (Reuters)", "MOSCOW:", "LONDON 1996-08-30"
        let dated = rest.len() >= 10 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit) && rest.as_bytes()[4] == b'-';
        if !(rest.starts_with(',') || rest.starts_with('(') || rest.starts_with(':') || rest.starts_with('-') || dated) {
            return;
        }
        let titled: String = word
            .split(' ')
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|f| f.to_string() + &cs.as_str().to_lowercase())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let place = self.place_entity(&titled, None, doc);
        if let Some(id) = place {
            doc.add_surface(id, &titled);
            doc.found.push(Found {
                start: s.start,
                end: s.start + word.len(),
                entity: id,
                role: Role::Name,
                actor: false,
                possessive: false,
                sentence: si,
            });
        }
    }

    /// States and places named in an all-caps headline ("U.S.
    /// TRADE DEFICIT WIDENS", "JAPAN TO CUT RATES"): found by their upper-case
    /// forms and counted as mentions. They are never actors, since the rules for
    /// who acts read ordinary sentences, and the capitals are not kept as
    /// alternative labels. A capital stands for its state here.
    fn headline(&self, text: &str, s: &Sentence, si: usize, doc: &mut DocEntities) {
        for hit in self.caps.find(text, s.start, s.end) {
            let pick = |f: fn(&Target) -> bool| hit.targets.iter().find(|t| f(t)).copied();
            let target = pick(|t| matches!(t, Target::StateName(_) | Target::StateMetonym(_)))
                .or_else(|| pick(|t| matches!(t, Target::StateCapital(_))))
                .or_else(|| pick(|t| matches!(t, Target::StateAdjective(_))))
                .or_else(|| pick(|t| matches!(t, Target::Place(_))));
            let id = match target {
                Some(
                    Target::StateName(i)
                    | Target::StateMetonym(i)
                    | Target::StateCapital(i)
                    | Target::StateAdjective(i),
                ) => self.state_entity(i, doc),
                Some(Target::Place(i)) => {
                    let name = self.lexicon.places[i].name.clone();
                    match self.place_entity(&name, None, doc) {
                        Some(id) => id,
                        None => continue,
                    }
                }
                _ => continue,
            };
            doc.found.push(Found {
                start: hit.start,
                end: hit.end,
                entity: id,
                role: Role::Name,
                actor: false,
                possessive: false,
                sentence: si,
            });
        }
    }

    /// The place entity for a name: a gazetteer place, or a capital.
    fn place_entity(&self, name: &str, capital_of: Option<usize>, doc: &mut DocEntities) -> Option<EntityId> {
        let lookup = self.place_by_name.get(name).or_else(|| self.place_by_lower.get(&name.to_lowercase()));
        let (label, iso3) = if let Some(&pi) = lookup {
            let p = &self.lexicon.places[pi];
            (p.name.clone(), p.iso3.clone())
        } else if let Some(si) = capital_of.or_else(|| {
            self.lexicon
                .states
                .iter()
                .position(|s| s.capitals.iter().any(|c| c == name))
        }) {
            (name.to_string(), Some(self.lexicon.states[si].iso3.clone()))
        } else {
            return None;
        };
        let id = doc.entity(EntityKey::Place(slug(&label)), EntityKind::Place, &label);
        if let Some(iso3) = iso3 {
            if let Some(si) = self.lexicon.states.iter().position(|s| s.iso3 == iso3) {
                let state = self.state_entity(si, doc);
                doc.entities[id].located_in = Some(state);
            }
        }
        Some(id)
    }

    /// A public figure of the people gazetteer, with whom they represent.
    fn known_person(&self, i: usize, doc: &mut DocEntities) -> EntityId {
        let row = &self.lexicon.people[i];
        let tokens: Vec<&str> = row.name.split_whitespace().filter(|w| !ROMAN.contains(w)).collect();
        let key = if tokens.len() >= 2 {
            person_key(tokens[0], tokens[tokens.len() - 1])
        } else {
            slug(&row.name)
        };
        let id = doc.entity(EntityKey::Person { key, scope: None }, EntityKind::Person, &row.name);
        if let Some(role) = &row.role {
            doc.entities[id].roles.insert(role.clone());
        }
        if let Some(agent) = &row.represents {
            let target = if let Some(si) = self.lexicon.states.iter().position(|s| &s.iso3 == agent) {
                Some(self.state_entity(si, doc))
            } else {
                self.org_by_key.get(agent).map(|&oi| {
                    let o = &self.lexicon.orgs[oi];
                    doc.entity(
                        EntityKey::Organization(o.key.clone()),
                        EntityKind::Organization,
                        &o.name,
                    )
                })
            };
            if let Some(t) = target {
                doc.defaults.push((id, t));
            }
        }
        id
    }

    /// The state an organization of the gazetteer belongs to (its government's
    /// agency, its legislature, party, central bank, company), as the
    /// organization's `located_in`. News media and think tanks are left out:
    /// they are quoted as sources, and a story that cites the BBC is not about
    /// Britain.
    fn org_state(&self, oi: usize, id: EntityId, doc: &mut DocEntities) {
        let row = &self.lexicon.orgs[oi];
        if matches!(row.kind.as_str(), "media" | "ngo") || doc.entities[id].located_in.is_some() {
            return;
        }
        let Some(si) = row
            .iso3
            .as_ref()
            .and_then(|iso3| self.lexicon.states.iter().position(|s| &s.iso3 == iso3))
        else {
            return;
        };
        let state = self.state_entity(si, doc);
        doc.entities[id].located_in = Some(state);
    }

    fn state_entity(&self, si: usize, doc: &mut DocEntities) -> EntityId {
        // before the state existed, its names meant its predecessor's government
        let si = doc
            .date
            .and_then(|date| {
                let iso3 = &self.lexicon.states[si].iso3;
                self.predecessors.iter().find(|(i, until, _)| i == iso3 && date < *until).map(|(_, _, p)| p)
            })
            .and_then(|p| self.lexicon.states.iter().position(|s| &s.iso3 == p))
            .unwrap_or(si);
        let row = &self.lexicon.states[si];
        let id = doc.entity(EntityKey::State(row.iso3.clone()), EntityKind::State, &row.name);
        let e = &mut doc.entities[id];
        e.iso3 = Some(row.iso3.clone());
        e.wikidata = row.wikidata.clone();
        id
    }

    fn resolve_hit(&self, text: &str, hit: &Hit<'_>, si: usize, doc: &mut DocEntities) {
        let surface = &text[hit.start..hit.end];
        let before = previous_word(text, hit.start);
        let after = &text[hit.end..];
        let possessive = after.starts_with("'s") || after.starts_with("\u{2019}s") || after.starts_with(" s ");
        let locative = before.as_deref().is_some_and(|w| LOCATIVE.contains(&w));
        let pick = |f: fn(&Target) -> bool| hit.targets.iter().find(|t| f(t)).copied();
        let target = pick(|t| matches!(t, Target::Person(_)))
            .or_else(|| pick(|t| matches!(t, Target::Organization(_))))
            .filter(|_| !hit.targets.iter().any(|t| matches!(t, Target::StateName(_))))
            .or_else(|| {
                if locative {
                    pick(|t| matches!(t, Target::Place(_) | Target::StateCapital(_)))
                } else {
                    None
                }
            })
            .or_else(|| pick(|t| matches!(t, Target::StateName(_) | Target::StateMetonym(_))))
            .or_else(|| pick(|t| matches!(t, Target::StateCapital(_))))
            .or_else(|| pick(|t| matches!(t, Target::StateAdjective(_))))
            .or_else(|| pick(|t| matches!(t, Target::Place(_))))
            .or_else(|| hit.targets.first().copied());
        let Some(target) = target else { return };
        let (id, role, actor) = match target {
            Target::StateName(i) | Target::StateMetonym(i) => {
                let id = self.state_entity(i, doc);
                let role = if matches!(target, Target::StateName(_)) {
                    Role::Name
                } else {
                    Role::Metonym
                };
                (id, role, !possessive || self.actor_follows(text, hit.end))
            }
            Target::Place(_) | Target::StateCapital(_) if self.joins_longer_name(text, hit.start, hit.end) => {
                self.place_in_org_name(text, hit.start, hit.end, target, doc);
                return;
            }
            Target::StateCapital(i) if locative => match self.place_entity(surface, Some(i), doc) {
                Some(id) => (id, Role::Name, false),
                None => return,
            },
            Target::StateCapital(i) => (
                self.state_entity(i, doc),
                Role::Capital,
                !possessive || self.actor_follows(text, hit.end),
            ),
            Target::StateAdjective(i) => {
                let id = self.state_entity(i, doc);
                let plural = surface.ends_with("ns")
                    || surface.ends_with("is")
                    || surface.ends_with("ese") && before.as_deref() == Some("the");
                (id, Role::Adjective, plural || self.actor_follows(text, hit.end))
            }
            Target::Place(i) => {
                let name = self.lexicon.places[i].name.clone();
                match self.place_entity(&name, None, doc) {
                    Some(id) => (id, Role::Name, false),
                    None => return,
                }
            }
            Target::Person(i) => (self.known_person(i, doc), Role::Name, true),
            Target::Organization(i) => {
                let row = &self.lexicon.orgs[i];
                let id = doc.entity(
                    EntityKey::Organization(row.key.clone()),
                    EntityKind::Organization,
                    &row.name,
                );
                self.org_state(i, id, doc);
                (id, Role::Name, true)
            }
        };
        doc.add_surface(id, surface);
        // "(Reuters)" in a dateline, "(AFP)": a source credit, not an actor
        let credited = text[..hit.start].ends_with('(') && text[hit.end..].starts_with(')');
        doc.found.push(Found {
            start: hit.start,
            end: hit.end,
            entity: id,
            role,
            actor: actor && !credited,
            possessive,
            sentence: si,
        });
    }

    /// A place that opens the name of an organization, whose last word is an
    /// organization head ("Ohio Mattress Co", "Texas Instruments Inc",
    /// "Virginia Housing Development Authority"): not a mention of the place, but
    /// the organization is most likely based in the place's state, which is
    /// added to the document and kept for the organization (see `classify_run`).
    fn place_in_org_name(&self, text: &str, start: usize, end: usize, target: Target, doc: &mut DocEntities) {
        let mut heads = false;
        for word in text[end..].split([' ', '\n']).skip(1).take(6) {
            let bare = word.trim_end_matches([',', '.', ';', ':']);
            let bare = bare.strip_suffix("'s").unwrap_or(bare);
            if !bare.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            heads |= self.org_heads.contains(bare);
            if bare.len() != word.len() {
                break;
            }
        }
        if !heads {
            return;
        }
        let iso3 = match target {
            Target::Place(i) => self.lexicon.places[i].iso3.clone(),
            Target::StateCapital(i) => Some(self.lexicon.states[i].iso3.clone()),
            _ => None,
        };
        let Some(si) = iso3.and_then(|iso3| self.lexicon.states.iter().position(|s| s.iso3 == iso3)) else {
            return;
        };
        let state = self.state_entity(si, doc);
        doc.name_states.push((start, end, state));
    }

    /// Whether a place name is only part of a longer name that no gazetteer
    /// knows: "Real Madrid", "Geneva Conventions", "Hapoel Tel Aviv". A title
    /// ("Moscow Mayor"), a weekday or another known name next to it does not count.
    fn joins_longer_name(&self, text: &str, start: usize, end: usize) -> bool {
        let unknown_capitalized = |word: &str| {
            let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            let bare = word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s")).unwrap_or(word);
            bare.chars().next().is_some_and(char::is_uppercase)
                && bare.chars().any(char::is_lowercase)
                && !self.lexicon.non_names.contains(bare)
                && !self.lexicon.honorifics.contains(bare)
                && !self.title_words.contains(&bare.to_lowercase())
                && !self.lexicon.given_names.contains(bare)
                && self.gazetteer.find(bare, 0, bare.len()).is_empty()
        };
        let after = &text[end..];
        let next = after.strip_prefix(' ').and_then(|a| a.split_whitespace().next());
        let before = &text[..start];
        let previous = before.strip_suffix(' ').and_then(|b| b.split_whitespace().next_back());
        let previous_ok = previous.is_some_and(|p| !p.ends_with([',', '.', ':', ';']) && unknown_capitalized(p));
        next.is_some_and(unknown_capitalized) || previous_ok
    }

    /// Whether an actor noun follows a state adjective, through coordinated
    /// adjectives: "Ukrainian officials", "Cuban and U.S. officials".
    fn actor_follows(&self, text: &str, end: usize) -> bool {
        let rest = &text[end..];
        let rest = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix("\u{2019}s"))
            .unwrap_or(rest);
        for (n, word) in rest
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            if n > 4 {
                break;
            }
            let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if self.lexicon.actor_nouns.contains_key(&w.to_lowercase())
                && w.chars().next().is_some_and(char::is_lowercase)
            {
                return true;
            }
            let joins = matches!(
                w,
                "and" | "or" | "top" | "senior" | "chief" | "new" | "own" | "military" | "foreign" | "government"
            );
            let is_adjective = self
                .gazetteer
                .find(w, 0, w.len())
                .iter()
                .any(|h| h.start == 0 && h.end == w.len());
            if !(joins || is_adjective) || word.ends_with([',', '.', ';', ':']) {
                return false;
            }
        }
        false
    }
}

/// The word before byte offset `at`, lower-cased.
fn previous_word(text: &str, at: usize) -> Option<String> {
    let before = text[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    (!word.is_empty()).then(|| word.to_lowercase())
}

fn is_cap_token(t: &str) -> bool {
    let mut cs = t.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => t.chars().any(char::is_lowercase) || t.len() <= 2,
        _ => false,
    }
}

fn strip_possessive(t: &str) -> &str {
    t.strip_suffix("'s")
        .or_else(|| t.strip_suffix("\u{2019}s"))
        .unwrap_or(t)
}

impl EntityRules {
    /// Titles in `text[start..end]` as whole words (of the whole text), the
    /// longest where several start together, none overlapping.
    fn title_spans(&self, text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        let starts = |at: usize| !text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
        let ends = |at: usize| !text[at..].chars().next().is_some_and(char::is_alphanumeric);
        self.titles
            .find(text, start, end, starts, ends)
            .into_iter()
            .map(|(start, end, _)| (start, end))
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn name_candidates(
        &self,
        text: &str,
        s: &Sentence,
        si: usize,
        tokens: &[Token],
        hits: &[Hit<'_>],
        out: &mut Vec<NameCandidate>,
        doc: &mut DocEntities,
    ) {
        let title_spans = self.title_spans(text, s.start, s.end);
        // a public figure found by the gazetteer still has the title the text gives them
        for hit in hits
            .iter()
            .filter(|h| h.targets.iter().any(|t| matches!(t, Target::Person(_))))
        {
            let Some(found) = doc.found.iter().find(|f| f.start == hit.start && f.end == hit.end) else {
                continue;
            };
            let id = found.entity;
            if doc.entities[id].kind != EntityKind::Person {
                continue;
            }
            let title = title_before(text, s.start, hit.start, &title_spans);
            if title.is_some() {
                let tokens = text[hit.start..hit.end].split_whitespace().map(String::from).collect();
                out.push(NameCandidate {
                    start: hit.start,
                    end: hit.end,
                    tokens,
                    title,
                    honorific: false,
                    given: true,
                    sentence: si,
                    known: Some(id),
                });
            }
        }
        let in_hit = |t: &Token| hits.iter().any(|h| t.start < h.end && h.start < t.end);
        let mut i = 0;
        while i < tokens.len() {
            let t = &text[tokens[i].start..tokens[i].end];
            if !is_cap_token(t) || in_hit(&tokens[i]) {
                i += 1;
                continue;
            }
            // grow a run of capitalized tokens joined by single spaces (and particles)
            let mut j = i + 1;
            while j < tokens.len() {
                let gap = &text[tokens[j - 1].end..tokens[j].start];
                let prev = &text[tokens[j - 1].start..tokens[j - 1].end];
                let gap_ok =
                    gap == " " || gap == "\n" || (gap == ". " && prev.chars().count() <= 3 && is_cap_token(prev));
                if !gap_ok || prev.ends_with("'s") || prev.ends_with("\u{2019}s") {
                    break;
                }
                let w = &text[tokens[j].start..tokens[j].end];
                let particle = PARTICLES.contains(&w)
                    && j + 1 < tokens.len()
                    && is_cap_token(&text[tokens[j + 1].start..tokens[j + 1].end]);
                if (is_cap_token(w) || particle) && !in_hit(&tokens[j]) {
                    j += 1;
                } else {
                    break;
                }
            }
            self.classify_run(text, s, si, &tokens[i..j], &title_spans, out, doc);
            i = j;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn classify_run(
        &self,
        text: &str,
        s: &Sentence,
        si: usize,
        run: &[Token],
        title_spans: &[(usize, usize)],
        out: &mut Vec<NameCandidate>,
        doc: &mut DocEntities,
    ) {
        let mut k = 0;
        let mut honorific = false;
        // a title ending just before the run: "spokeswoman Mariana Betsa", or in apposition:
        // "Russia's chief negotiator, Vladimir Medinsky"
        let mut title = title_before(text, s.start, run[0].start, title_spans);
        loop {
            if k >= run.len() {
                break;
            }
            let tok = &text[run[k].start..run[k].end];
            if let Some(&(a, b)) = title_spans.iter().find(|&&(a, b)| {
                a == run[k].start && b <= run[run.len() - 1].end && run[k..].iter().any(|t| t.end == b)
            }) {
                let mut start = a;
                if let Some((ta, _, _)) = &title {
                    if text[*ta..a].trim().is_empty() || text[..a].trim_end().len() + 1 >= a && *ta < a {
                        start = *ta;
                    }
                }
                title = Some((start, b, text[start..b].to_string()));
                while k < run.len() && run[k].start < b {
                    k += 1;
                }
                continue;
            }
            let bare = tok.trim_end_matches('.');
            if self.lexicon.honorifics.contains(tok)
                || self.lexicon.honorifics.contains(bare)
                || self.lexicon.honorifics.contains(&format!("{bare}."))
            {
                honorific = true;
                k += 1;
                continue;
            }
            if self.lexicon.non_names.contains(tok) && title.is_none() && !honorific {
                k += 1;
                continue;
            }
            break;
        }
        let name = &run[k..];
        if name.is_empty() {
            return;
        }
        let mut words: Vec<String> = name
            .iter()
            .map(|t| strip_possessive(&text[t.start..t.end]).to_string())
            .collect();
        let end = name[name.len() - 1].start + words[words.len() - 1].len();
        let start = name[0].start;
        let first = words[0].clone();
        // "Filip Sebek, the spokesman for ...": a name in subject position, not after "on"/"of"
        let governed = previous_word(text, start).is_some_and(|w| matches!(w.as_str(), "on" | "of" | "for" | "the" | "in" | "at"));
        if title.is_none() && !honorific && words.len() >= 2 && words.len() <= 4 && !governed {
            title = title_after(text, end, title_spans);
        }
        // organization by head word: "Libertarian Institute", "Boundary Commission"
        if words.len() >= 2 && self.org_heads.contains(words[words.len() - 1].as_str()) && title.is_none() && !honorific
        {
            // a longer name around the head: "Security Council Working Group on Peacekeeping Operations"
            let mut start = start;
            if let Some(org) = doc.found.iter().rev().find(|f| f.end + 1 == start && text[f.end..start] == *" " && doc.entities[f.entity].kind == EntityKind::Organization) {
                start = org.start;
            }
            // a place that opens the name: "Texas Instruments Inc" is based in the United States
            let mut based_in = None;
            if let Some(&(place_start, _, state)) = doc
                .name_states
                .iter()
                .find(|(_, place_end, _)| *place_end + 1 == start && matches!(&text[*place_end..start], " " | "\n"))
            {
                start = place_start;
                based_in = Some(state);
            }
            let mut end = end;
            if let Some(m) = org_tail_regex().find(&text[end..]) {
                end += m.end();
            }
            let label = text[start..end].split_whitespace().collect::<Vec<_>>().join(" ");
            let label = label.trim_start_matches("The ").to_string();
            let id = doc.entity(EntityKey::Organization(slug(&label)), EntityKind::Organization, &label);
            if doc.entities[id].located_in.is_none() {
                doc.entities[id].located_in = based_in;
            }
            doc.found.push(Found {
                start,
                end,
                entity: id,
                role: Role::Name,
                actor: true,
                possessive: false,
                sentence: si,
            });
            return;
        }
        if words.iter().any(|w| self.org_heads.contains(w.as_str())) {
            return;
        }
        let sentence_initial = text[s.start..start].trim().is_empty();
        if sentence_initial
            && words.len() == 1
            && title.is_none()
            && !honorific
            && !self.lexicon.given_names.contains(&first)
        {
            // a lone capitalized word opening a sentence: keep only if it turns out to be a known surname
            out.push(NameCandidate {
                start,
                end,
                tokens: words,
                title: None,
                honorific: false,
                given: false,
                sentence: si,
                known: None,
            });
            return;
        }
        words.retain(|w| !w.is_empty());
        let given = self.lexicon.given_names.contains(&first);
        out.push(NameCandidate {
            start,
            end,
            tokens: words,
            title,
            honorific,
            given,
            sentence: si,
            known: None,
        });
    }

    fn resolve_people(&self, doc_id: &str, text: &str, candidates: &[NameCandidate], doc: &mut DocEntities) {
        // full names first, so that earlier surnames can still find them
        let key_tokens = |c: &NameCandidate| -> Vec<String> {
            let mut t: Vec<String> = c
                .tokens
                .iter()
                .filter(|w| !ROMAN.contains(&w.as_str()))
                .cloned()
                .collect();
            if t.is_empty() {
                t = c.tokens.clone();
            }
            t
        };
        // people already known from the gazetteer can be referred to by surname too
        let mut people: Vec<(Vec<String>, EntityId)> = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .map(|(id, e)| {
                (
                    e.label
                        .split_whitespace()
                        .filter(|w| !ROMAN.contains(w))
                        .map(fold)
                        .collect(),
                    id,
                )
            })
            .collect();
        let is_full = |c: &NameCandidate| c.tokens.len() >= 2 && (c.given || c.title.is_some() || c.honorific);
        for c in candidates.iter().filter(|c| is_full(c) && c.known.is_none()) {
            let toks = key_tokens(c);
            if toks.len() < 2 {
                continue;
            }
            let key = person_key(&toks[0], &toks[toks.len() - 1]);
            let label = c.tokens.join(" ");
            let id = doc.entity(EntityKey::Person { key, scope: None }, EntityKind::Person, &label);
            if !people.iter().any(|(_, p)| *p == id) {
                people.push((toks.iter().map(|t| fold(t)).collect(), id));
            }
        }
        for c in candidates {
            let toks: Vec<String> = key_tokens(c).iter().map(|t| fold(t)).collect();
            let id = if let Some(known) = c.known {
                Some(known)
            } else if is_full(c) && toks.len() >= 2 {
                let key = format!("{}-{}", toks[0], toks[toks.len() - 1]);
                doc.index.get(&EntityKey::Person { key, scope: None }).copied()
            } else {
                // a short form: the most recent earlier full name ending with these tokens, else any
                let matching = |(full, _): &&(Vec<String>, EntityId)| {
                    full.ends_with(&toks) || (toks.len() == 1 && full.first() == toks.first() && c.title.is_some())
                };
                let earlier = doc.found.iter().rev().filter(|f| f.start < c.start).find_map(|f| {
                    people
                        .iter()
                        .filter(matching)
                        .find(|(_, p)| *p == f.entity)
                        .map(|(_, p)| *p)
                });
                earlier
                    .or_else(|| people.iter().find(matching).map(|(_, p)| *p))
                    .or_else(|| {
                        (c.title.is_some() || c.honorific).then(|| {
                            let label = c.tokens.join(" ");
                            doc.entity(
                                EntityKey::Person {
                                    key: toks.join("-"),
                                    scope: Some(doc_id.to_string()),
                                },
                                EntityKind::Person,
                                &label,
                            )
                        })
                    })
            };
            let Some(id) = id else { continue };
            let surface = &text[c.start..c.end];
            doc.add_surface(id, surface);
            let role = if is_full(c) { Role::Name } else { Role::ShortName };
            // a gazetteer person's mention is already recorded
            if c.known.is_none() {
                doc.found.push(Found {
                    start: c.start,
                    end: c.end,
                    entity: id,
                    role,
                    actor: true,
                    possessive: false,
                    sentence: c.sentence,
                });
            }
            if let Some((ts, te, title)) = &c.title {
                let clean = title.trim().to_string();
                if let Some(row) = self.title_row(&clean) {
                    doc.entities[id].roles.insert(clean.clone());
                    if !row.represents.is_empty() {
                        self.represents(text, *ts, *te, c, id, &clean, doc);
                    }
                }
            } else {
                // "Russia's Putin": a possessive state right before the name
                if let Some(state) = doc
                    .found
                    .iter()
                    .find(|f| {
                        f.possessive
                            && f.end + 3 >= c.start
                            && f.end <= c.start
                            && doc.entities[f.entity].kind == EntityKind::State
                    })
                    .map(|f| f.entity)
                {
                    doc.entities[id].represents.insert(state);
                }
            }
        }
    }

    fn title_row(&self, title: &str) -> Option<&TitleRow> {
        let lower = title.to_lowercase();
        self.title_rows()
            .iter()
            .find(|r| r.title.to_lowercase() == lower)
            .or_else(|| {
                self.title_rows()
                    .iter()
                    .filter(|r| lower.ends_with(&r.title.to_lowercase()))
                    .max_by_key(|r| r.title.len())
            })
            .or_else(|| {
                ["counterpart", "leader", "head"]
                    .contains(&lower.as_str())
                    .then(|| self.title_rows().first())
                    .flatten()
            })
    }

    /// Who a titled person acts for: a state or organization in the same noun
    /// phrase before the title ("Ukrainian President", "Russia's chief
    /// negotiator", "Cuban National Assembly President"), a state's group
    /// a little further back ("the head of Kiev's delegation, Defense Minister
    /// ..."), "of X" after the title, or the title's default organization.
    #[allow(clippy::too_many_arguments)]
    fn represents(
        &self,
        text: &str,
        title_start: usize,
        title_end: usize,
        c: &NameCandidate,
        id: EntityId,
        title: &str,
        doc: &mut DocEntities,
    ) {
        let sentence = c.sentence;
        let before: Vec<Found> = doc
            .found
            .iter()
            .filter(|f| f.sentence == sentence && f.end <= title_start && f.entity != id)
            .cloned()
            .collect();
        let mut agents: Vec<EntityId> = Vec::new();
        // (a) directly before, through lowercase words and organization names
        if let Some(f) = before.iter().max_by_key(|f| f.end) {
            let gap = &text[f.end..title_start];
            let gap = gap
                .strip_prefix("'s")
                .or_else(|| gap.strip_prefix("\u{2019}s"))
                .or_else(|| gap.strip_prefix(" s"))
                .unwrap_or(gap);
            let words: Vec<&str> = gap.split_whitespace().collect();
            let clean = words.len() <= 3 && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
            let kind = doc.entities[f.entity].kind;
            if clean && matches!(kind, EntityKind::State | EntityKind::Organization) {
                agents.push(f.entity);
                // the state now modifies the person ("his West German counterpart Manfred
                // Woerner"): it is not a second actor in the sentence
                let (fs, fe) = (f.start, f.end);
                if let Some(m) = doc.found.iter_mut().find(|m| m.start == fs && m.end == fe) {
                    m.actor = false;
                }
                if kind == EntityKind::Organization {
                    if let EntityKey::Organization(key) = &doc.entities[f.entity].key {
                        if let Some(iso3) = self
                            .org_by_key
                            .get(key)
                            .and_then(|&i| self.lexicon.orgs[i].iso3.clone())
                        {
                            if let Some(si) = self.lexicon.states.iter().position(|s| s.iso3 == iso3) {
                                agents.push(self.state_entity(si, doc));
                            }
                        }
                    }
                    // and a state adjective before the organization: "Cuban National Assembly"
                    if let Some(g) = before
                        .iter()
                        .filter(|g| g.end <= f.start && f.start - g.end <= 1)
                        .max_by_key(|g| g.end)
                    {
                        if doc.entities[g.entity].kind == EntityKind::State {
                            agents.push(g.entity);
                        }
                    }
                }
            }
        }
        // (b) a state's group earlier in the sentence: "the head of Kiev's delegation, Defense Minister X"
        if agents.is_empty() {
            if let Some(f) = before.iter().rev().find(|f| {
                doc.entities[f.entity].kind == EntityKind::State
                    && title_start - f.end < 60
                    && next_words(text, f.end, 2).iter().any(|w| {
                        matches!(
                            self.lexicon.actor_nouns.get(w.as_str()).map(String::as_str),
                            Some("group")
                        )
                    })
            }) {
                agents.push(f.entity);
            }
        }
        // (c) "<title> of <State|Org>" and "<Name>, the <title> for|of <Org>"
        if agents.is_empty() {
            let after_title = &text[title_end..];
            let after_name = &text[c.end..];
            for (rest, base) in [(after_title, title_end), (after_name, c.end)] {
                let skip = rest.len() - rest.trim_start_matches([',', ' ']).len();
                let rest2 = &rest[skip..];
                let lead = ["of the ", "of ", "for the ", "for ", "at the ", "at "]
                    .iter()
                    .find(|p| rest2.starts_with(**p));
                let lead_len = if base == c.end {
                    // after the name, a title must come first: ", the spokesman for the Forum"
                    let phrase_end = rest2
                        .find(|ch: char| ch == ',' || ch == '.')
                        .unwrap_or(rest2.len())
                        .min(80);
                    let phrase = &rest2[..phrase_end];
                    ["for the ", "of the ", "for ", "of ", "at the "]
                        .iter()
                        .find_map(|p| phrase.find(p).map(|i| i + p.len()))
                } else {
                    lead.map(|p| p.len())
                };
                if let Some(n) = lead_len {
                    let at = base + skip + n;
                    if let Some(f) = doc.found.iter().find(|f| {
                        f.start == at
                            && matches!(
                                doc.entities[f.entity].kind,
                                EntityKind::State | EntityKind::Organization
                            )
                    }) {
                        agents.push(f.entity);
                        break;
                    }
                }
            }
        }
        // (d) the title's default organization
        if agents.is_empty() {
            if let Some(key) = self.title_defaults.get(&title.to_lowercase()) {
                if let Some(&oi) = self.org_by_key.get(key) {
                    let row = &self.lexicon.orgs[oi];
                    agents.push(doc.entity(
                        EntityKey::Organization(row.key.clone()),
                        EntityKind::Organization,
                        &row.name,
                    ));
                }
            }
        }
        doc.entities[id].represents.extend(agents);
    }

    /// "the Ukrainian leader", "his Russian counterpart": the person who
    /// represents that state, most recently mentioned.
    fn descriptors(&self, text: &str, sentences: &[Sentence], doc: &mut DocEntities) {
        const HEADS: &[&str] = &[
            "leader",
            "president",
            "prime minister",
            "premier",
            "foreign minister",
            "diplomat",
            "counterpart",
            "negotiator",
            "chief negotiator",
            "envoy",
            "head of state",
            "defence minister",
            "defense minister",
            "minister",
            "chancellor",
            "king",
            "queen",
            "monarch",
        ];
        let mut new_found = Vec::new();
        for f in doc
            .found
            .iter()
            .filter(|f| f.role == Role::Adjective && doc.entities[f.entity].kind == EntityKind::State)
        {
            let det = previous_word(text, f.start);
            let after_det = matches!(det.as_deref(), Some("the" | "his" | "her" | "their" | "its"));
            let rest = text[f.end..].trim_start();
            let rest = rest.strip_prefix("top ").unwrap_or(rest);
            let Some(head) = HEADS
                .iter()
                // heads are ASCII: compare the prefix, never lowercase the rest of the document
                .filter(|h| rest.get(..h.len()).is_some_and(|prefix| prefix.eq_ignore_ascii_case(h)))
                .max_by_key(|h| h.len())
            else {
                continue;
            };
            let after = rest[head.len()..].trim_start_matches([',', ' ']);
            let named_next = after.chars().next().is_some_and(char::is_uppercase);
            if !after_det || named_next {
                continue;
            }
            let person = doc
                .found
                .iter()
                .rev()
                .filter(|g| g.start < f.start && doc.entities[g.entity].kind == EntityKind::Person)
                .find(|g| doc.entities[g.entity].represents.contains(&f.entity))
                .map(|g| g.entity);
            if let Some(p) = person {
                let end = f.end + (text[f.end..].len() - rest.len()) + head.len();
                let start = f.start - det.as_ref().map_or(0, |d| d.len() + 1);
                let sentence = sentences
                    .iter()
                    .position(|s| s.start <= start && start < s.end)
                    .unwrap_or(f.sentence);
                new_found.push(Found {
                    start,
                    end,
                    entity: p,
                    role: Role::Descriptor,
                    actor: true,
                    possessive: false,
                    sentence,
                });
            }
        }
        // the descriptor replaces the adjective's mention of the state
        for d in &new_found {
            doc.found
                .retain(|f| !(f.start >= d.start && f.end <= d.end && f.role == Role::Adjective));
        }
        doc.found.extend(new_found);
    }
}

/// A title ending right before a name ("spokeswoman Mariana Betsa"), or in
/// apposition after a determiner or possessive ("Russia's chief negotiator,
/// Vladimir Medinsky").
fn title_before(
    text: &str,
    sentence_start: usize,
    name_start: usize,
    spans: &[(usize, usize)],
) -> Option<(usize, usize, String)> {
    spans
        .iter()
        .filter(|&&(_, b)| b <= name_start)
        .find(|&&(_, b)| {
            let gap = &text[b..name_start];
            gap == " " || gap == ", " && apposition_allowed(text, sentence_start, b)
        })
        .map(|&(a, b)| (a, b, text[a..b].to_string()))
}

/// A title in apposition after a name: "Filip Sebek, the spokesman for ...".
fn title_after(text: &str, name_end: usize, spans: &[(usize, usize)]) -> Option<(usize, usize, String)> {
    let rest = &text[name_end..];
    let gap_ok = |gap: &str| {
        let Some(g) = gap.strip_prefix(", ") else { return false };
        let words: Vec<&str> = g.split_whitespace().collect();
        words.len() <= 3
            && !g.contains(',')
            && words.first().is_none_or(|w| {
                matches!(*w, "the" | "a" | "an" | "its" | "their" | "his" | "her")
                    || w.chars().next().is_some_and(char::is_uppercase)
            })
    };
    spans
        .iter()
        .filter(|&&(a, _)| a > name_end && a - name_end <= 40)
        .find(|&&(a, _)| gap_ok(&rest[..a - name_end]))
        .map(|&(a, b)| (a, b, text[a..b].to_string()))
}

/// Whether the text before a title allows an apposition "title, Name":
/// a determiner or a possessive introduces the title.
fn apposition_allowed(text: &str, sentence_start: usize, title_end: usize) -> bool {
    let before = &text[sentence_start..title_end];
    let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    words.iter().skip(1).any(|w| {
        let w = w.to_lowercase();
        matches!(w.as_str(), "the" | "his" | "her" | "its" | "their") || w.ends_with("'s") || w.ends_with("\u{2019}s")
    })
}

fn next_words(text: &str, at: usize, n: usize) -> Vec<String> {
    let rest = &text[at..];
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("\u{2019}s"))
        .unwrap_or(rest);
    rest.split_whitespace()
        .take(n)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> EntityRules {
        EntityRules::compile(Lexicon::load().expect("embedded lexicon loads")).expect("rules compile")
    }

    fn titles_in(rules: &EntityRules, text: &str) -> Vec<String> {
        rules
            .title_spans(text, 0, text.len())
            .into_iter()
            .map(|(start, end)| text[start..end].to_string())
            .collect()
    }

    #[test]
    fn titles_are_whole_words_in_any_case_the_longest_first() {
        let rules = rules();
        assert_eq!(
            titles_in(&rules, "Vice President Ana Lee met the PRIME MINISTER and the foreign minister."),
            ["Vice President", "PRIME MINISTER", "foreign minister"]
        );
        // a title followed by more letters is no title: "presidential", "ministerial"
        assert!(titles_in(&rules, "presidential ministerial").is_empty());
    }

    /// A title that begins inside a word ("vice president" in "service
    /// president") must not hide the title that begins at a word start.
    #[test]
    fn a_title_inside_a_word_does_not_hide_the_next_one() {
        let rules = rules();
        assert_eq!(titles_in(&rules, "the civil service president said"), ["president"]);
    }
}
