//! Who a titled person acts for: a state or organization before the title,
//! a state's group earlier in the sentence, "of X" after it, or the title's
//! default organization.

use std::collections::BTreeSet;

use crate::extract::clauses::WordClass;
use crate::extract::gazetteer::Target;
use crate::extract::lexicon::TitleRow;
use crate::extract::model::{EntityId, EntityKey, EntityKind};
use crate::extract::sentences::Sentence;
use crate::extract::word_lists::word_lists;

use super::people::NameCandidate;
use super::{DocEntities, EntityRules, Found};

impl EntityRules {
    pub(super) fn title_row(&self, title: &str) -> Option<&TitleRow> {
        let lower = title.to_lowercase();
        let rows = self.title_rows();
        self.title_by_lower
            .get(&lower)
            .map(|&i| &rows[i])
            .or_else(|| {
                rows.iter()
                    .zip(&self.title_lower)
                    .filter(|(_, row_lower)| lower.ends_with(row_lower.as_str()))
                    .map(|(r, _)| r)
                    .max_by_key(|r| r.title.len())
            })
            .or_else(|| {
                self.lexicon
                    .role_nouns
                    .contains(&lower)
                    .then(|| self.title_rows().first())
                    .flatten()
            })
    }

    /// Who a titled person acts for: a state or organization in the same noun
    /// phrase before the title ("Ukrainian President", "Russia's chief
    /// negotiator", "Cuban National Assembly President"), a state's group
    /// a little further back ("the head of Kiev's delegation, Defense Minister
    /// ..."), "of X" after the title, or the title's default organization.
    /// Each source is tried only when those before it found nobody.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn represents(
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
        // an opposition front-bencher's office is a party's, never the state's
        let word_before = text[..title_start].split_whitespace().next_back().unwrap_or("");
        let shadow = is_shadow_office(word_before, title);
        if shadow {
            doc.shadow_office_holders.push(id);
        }
        let before: Vec<Found> = doc
            .found
            .iter()
            .filter(|f| f.sentence == sentence && f.end <= title_start && f.entity != id)
            .cloned()
            .collect();
        let mut agents = self.agents_before_title(text, title_start, &before, shadow, doc);
        // "told Reuters Finance Secretary Jaime Ongpin", "contacted by Reuters said they
        // believed Prime Minister ...": a news medium is a public office holder's audience
        let public_office = self.title_row(title).is_some_and(|row| row.represents == "state");
        // (the medium comes first, then the state it is based in)
        if public_office && agents.first().is_some_and(|&a| self.org_kind(a, doc) == Some("media")) {
            agents.clear();
        }
        if agents.is_empty() {
            agents.extend(self.group_earlier(text, title_start, &before, doc));
        }
        if agents.is_empty() {
            agents.extend(office_between(text, title_end, c, doc));
        }
        if agents.is_empty() {
            agents.extend(agent_after(text, title_end, c, doc));
        }
        if agents.is_empty() {
            agents.extend(self.default_organization(title, doc));
        }
        if agents.is_empty()
            && text
                .get(title_end..c.start)
                .is_some_and(|gap| gap == " " || super::people::gloss(gap))
        {
            agents.extend(self.state_of_office(title, doc));
        }
        // the state whose office a shadow minister mirrors is not theirs to act
        // for: "Britain's shadow foreign secretary", "shadow Foreign Secretary"
        if shadow {
            agents.retain(|&a| doc.entities[a].kind != EntityKind::State);
        }
        doc.entities[id].represents.extend(agents);
    }

    /// (a) A state or organization directly before the title, through
    /// lowercase words and organization names ("Russia's chief negotiator"),
    /// with the state an organization is based in and a state adjective
    /// before it ("Cuban National Assembly President"). The state then
    /// modifies the person and is no actor of its own. `shadow`: the title
    /// is a shadow cabinet's.
    fn agents_before_title(
        &self,
        text: &str,
        title_start: usize,
        before: &[Found],
        shadow: bool,
        doc: &mut DocEntities,
    ) -> Vec<EntityId> {
        let mut agents: Vec<EntityId> = Vec::new();
        let Some(mut last) = before.iter().max_by_key(|f| f.end) else {
            return agents;
        };
        // a region that qualifies the title belongs to it: "Britain's Europe Director
        // Dominick Chilcott", "Kenya's Africa envoy"
        let mut title_start = title_start;
        if doc.entities[last.entity].kind == EntityKind::Place && text[last.end..title_start].trim().is_empty() {
            let place_start = last.start;
            // only a possessive right before the region: not "Microsoft and New York
            // attorney general Eliot Spitzer"
            let owner = before
                .iter()
                .filter(|f| f.end <= place_start)
                .max_by_key(|f| f.end)
                .filter(|f| matches!(&text[f.end..place_start], "'s " | "\u{2019}s " | " "));
            match owner {
                Some(earlier) => {
                    title_start = place_start;
                    last = earlier;
                }
                None => return agents,
            }
        }
        // "Brazilian Coffee Institute (IBC) President": the acronym in parentheses
        // is the same body as the name before it, where a state adjective may stand
        let f = before
            .iter()
            .find(|g| {
                g.entity == last.entity
                    && g.end < last.start
                    && text[g.end..last.start].trim() == "("
                    && text[last.end..].starts_with(')')
            })
            .unwrap_or(last);
        let gap = &text[last.end..title_start];
        // "Mainland Affairs Council (MAC) Chairwoman": the body's acronym between,
        // or the acronym itself as the last mention, its parenthesis closing the gap
        let gap = parenthesized_acronym(gap)
            .or_else(|| gap.strip_prefix(')'))
            .unwrap_or(gap);
        let gap = gap
            .strip_prefix("'s")
            .or_else(|| gap.strip_prefix("\u{2019}s"))
            .or_else(|| gap.strip_prefix(" s"))
            .unwrap_or(gap);
        // an area qualifies the title as a region does, though it names no entity:
        // "Britain's Europe Director", "Kenya's Middle East envoy"
        let gap = if self.names_area(gap.trim()) { " " } else { gap };
        let words: Vec<&str> = gap.split_whitespace().collect();
        // lower-case words only ("chief negotiator"); a dash alone is a dateline's
        // ("CAIRO (Reuters) - Defense Secretary ..."); a preposition or a function
        // word other than "and" ends the noun phrase ("Norway wrote to Prime
        // Minister X", not "Venezuelan energy and mines minister X")
        let lists = word_lists();
        let clean = words.len() <= 3
            && words.iter().all(|w| {
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && w.chars().any(char::is_lowercase)
                    && !lists.prepositions.contains(*w)
                    && !self
                        .lexicon
                        .function_words
                        .iter()
                        .any(|(f, class)| f == w && *class != WordClass::Coordinator)
            });
        let kind = doc.entities[f.entity].kind;
        if !clean || !matches!(kind, EntityKind::State | EntityKind::Organization) {
            return agents;
        }
        agents.push(f.entity);
        // the state now modifies the person ("his West German counterpart Manfred
        // Woerner"): it is not a second actor in the sentence
        for (ms, me) in [(f.start, f.end), (last.start, last.end)] {
            if let Some(m) = doc.found.iter_mut().find(|m| m.start == ms && m.end == me) {
                m.actor = false;
            }
        }
        // the state an organization is based in acts through its officials too, but a
        // party's members act for the party: a shadow minister or an MP is no government
        if kind == EntityKind::Organization && !shadow && !self.is_party(f.entity, doc) {
            if let EntityKey::Organization(key) = &doc.entities[f.entity].key {
                if let Some(iso3) = self
                    .org_by_key
                    .get(key)
                    .and_then(|&i| self.lexicon.orgs[i].iso3.clone())
                {
                    if let Some(si) = self.state_index(&iso3) {
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
        agents
    }

    /// (b) A state's group earlier in the sentence: "the head of Kiev's
    /// delegation, Defense Minister X".
    fn group_earlier(&self, text: &str, title_start: usize, before: &[Found], doc: &DocEntities) -> Option<EntityId> {
        before
            .iter()
            .rev()
            .find(|f| {
                doc.entities[f.entity].kind == EntityKind::State
                    && title_start - f.end < 60
                    && next_words(text, f.end, 2).iter().any(|w| {
                        matches!(
                            self.lexicon.actor_nouns.get(w.as_str()).map(String::as_str),
                            Some("group")
                        )
                    })
            })
            .map(|f| f.entity)
    }

    /// (d) The title's default organization.
    fn default_organization(&self, title: &str, doc: &mut DocEntities) -> Option<EntityId> {
        let key = self.title_defaults.get(&title.to_lowercase())?;
        let &oi = self.org_by_key.get(key)?;
        let row = &self.lexicon.orgs[oi];
        Some(doc.entity(
            EntityKey::Organization(row.key.clone()),
            EntityKind::Organization,
            &row.name,
        ))
    }

    /// (e) The state whose office the title is: "Secretary of State George Shultz".
    fn state_of_office(&self, title: &str, doc: &mut DocEntities) -> Option<EntityId> {
        let iso3 = self
            .lexicon
            .title_states
            .iter()
            .find(|(t, _)| t == title)
            .map(|(_, iso3)| iso3)?;
        let si = self.state_index(iso3)?;
        Some(self.state_entity(si, doc))
    }
}

/// The rest of `gap` after a parenthesized acronym that opens it: " (MAC) "
/// gives " ".
fn parenthesized_acronym(gap: &str) -> Option<&str> {
    let inner = gap.trim_start().strip_prefix('(')?;
    let close = inner.find(')')?;
    let acronym = &inner[..close];
    let is_acronym = (2..=8).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase() || c == '-');
    is_acronym.then(|| &inner[close + 1..])
}

/// The state of the place named right after a person's name with "of":
/// "Representative Richard Gephardt of Missouri", "Senator Jo Kamau of
/// Nakuru". A place of no known state gives none.
fn constituency_state(text: &str, doc: &DocEntities, person: EntityId) -> Option<EntityId> {
    doc.found.iter().filter(|f| f.entity == person).find_map(|f| {
        let place = doc
            .found
            .iter()
            .find(|g| g.start > f.end && text[f.end..g.start].eq(" of "))?;
        let place = &doc.entities[place.entity];
        (place.kind == EntityKind::Place).then_some(place.located_in).flatten()
    })
}

/// The one state of the people a person is coordinated with by "and"
/// anywhere in the text ("Funaro and Gros", "Gros and Funaro"); none when
/// they act for no state or for different ones.
fn coordinated_colleague_state(text: &str, doc: &DocEntities, person: EntityId) -> Option<EntityId> {
    let states: BTreeSet<EntityId> = doc
        .found
        .iter()
        .filter(|f| f.entity == person)
        .flat_map(|f| {
            doc.found.iter().filter(move |g| {
                g.entity != person
                    && doc.entities[g.entity].kind == EntityKind::Person
                    && (text.get(g.end..f.start) == Some(" and ") || text.get(f.end..g.start) == Some(" and "))
            })
        })
        .flat_map(|g| doc.entities[g.entity].represents.iter().copied())
        .filter(|&r| doc.entities[r].kind == EntityKind::State)
        .collect();
    let mut states = states.into_iter();
    let first = states.next()?;
    states.next().is_none().then_some(first)
}

/// Whether a title is a shadow cabinet's office, which acts for no state:
/// "shadow" before it ("the shadow foreign minister") or opening it, where
/// the capitalized word was read as the title's first word ("Shadow Foreign
/// Minister Amina Kamau").
fn is_shadow_office(word_before: &str, title: &str) -> bool {
    let is_shadow = |w: &str| w.eq_ignore_ascii_case("shadow");
    is_shadow(word_before) || title.split_whitespace().any(is_shadow)
}

/// (c) The state or organization between the title and the name:
/// "Governor of the Bank of England Robin Leigh-Pemberton".
fn office_between(text: &str, title_end: usize, c: &NameCandidate, doc: &DocEntities) -> Option<EntityId> {
    let office = super::people::office_named_before(text, c.start, doc)?;
    let gap = text.get(title_end..office.start)?;
    matches!(gap, " of " | " of the ").then_some(office.entity)
}

/// (c) "<title> of <State|Org>" and "<Name>, the <title> for|of <Org>": the
/// state or organization named right after the lead words.
fn agent_after(text: &str, title_end: usize, c: &NameCandidate, doc: &DocEntities) -> Option<EntityId> {
    let after_title = &text[title_end..];
    let after_name = &text[c.end..];
    for (rest, base) in [(after_title, title_end), (after_name, c.end)] {
        let skip = rest.len() - rest.trim_start_matches([',', ' ']).len();
        let rest2 = &rest[skip..];
        let lead = ["of the ", "of ", "for the ", "for ", "at the ", "at "]
            .iter()
            .find(|p| rest2.starts_with(**p));
        if base == c.end && !rest.starts_with(',') {
            // after the name only an apposition says whom the person acts for:
            // "Howe and Governor of the Bank of England X" is about X
            continue;
        }
        let lead_len = if base == c.end {
            // after the name, a title must come first: ", the spokesman for the Forum"
            let mut phrase_end = rest2.find([',', '.']).unwrap_or(rest2.len()).min(80);
            while !rest2.is_char_boundary(phrase_end) {
                phrase_end -= 1;
            }
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
                return Some(f.entity);
            }
        }
    }
    None
}

pub(super) fn next_words(text: &str, at: usize, n: usize) -> Vec<String> {
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

impl EntityRules {
    /// Office holders the sentence gives no state for act for the state of
    /// every public figure of their surname ("President Bush"), else for the
    /// document's home state: in a story about Brazil's debt, "Finance
    /// Minister Dilson Funaro" is Brazil's. Only titles of a state's own government (heads,
    /// ministers, legislators, officials; not diplomats or soldiers, who are
    /// as often the foreign side), and only where one state clearly dominates
    /// the document (see [`home_state`]). Where none does, an office holder
    /// coordinated with one side's ("between U.S. Secretary of State George
    /// Shultz and Foreign Minister Tadashi Kuranari") is the other side's.
    pub(super) fn office_holders_of_home_state(&self, text: &str, sentences: &[Sentence], doc: &mut DocEntities) {
        let home = home_state(doc);
        let mut unresolved: Vec<EntityId> = Vec::new();
        for id in 0..doc.entities.len() {
            let e = &doc.entities[id];
            if e.kind != EntityKind::Person || doc.shadow_office_holders.contains(&id) {
                continue;
            }
            // "Foreign Ministry spokesman Yoshifumi Matsuda" in a story from Tokyo:
            // a ministry the text gives no state is the home state's
            if let (Some(home), [org]) = (home, e.represents.iter().copied().collect::<Vec<_>>().as_slice()) {
                let o = &doc.entities[*org];
                if o.kind == EntityKind::Organization && o.located_in.is_none() && o.label.ends_with(" Ministry") {
                    doc.entities[id].represents.insert(home);
                }
                continue;
            }
            if !e.represents.is_empty() {
                continue;
            }
            let national_office = e.roles.iter().any(|role| {
                self.title_row(role).is_some_and(|row| {
                    row.represents == "state"
                        && matches!(
                            row.kind.as_str(),
                            "head_of_state" | "head_of_government" | "minister" | "legislator" | "official"
                        )
                })
            });
            if !national_office {
                continue;
            }
            // "President Bush": every public figure of that surname held office for one state
            let label = doc.entities[id].label.clone();
            // "Representative Richard Gephardt of Missouri", "Jim Wright, a Texas
            // Democrat": the state of the constituency
            let constituency = constituency_state(text, doc, id).or_else(|| self.party_members_state(text, doc, id));
            let state = match (constituency, self.state_of_surname(&label)) {
                (Some(state), _) => Some(state),
                (None, Some(si)) => Some(self.state_entity(si, doc)),
                (None, None) => home
                    .or_else(|| counterpart_state(self, (text, sentences), doc, id))
                    .or_else(|| leading_state_in_sentence(doc, id)),
            };
            match state {
                Some(state) => {
                    doc.entities[id].represents.insert(state);
                }
                None => unresolved.push(id),
            }
        }
        // "Funaro and Gros spent two days ...": an office holder still without a
        // state serves the one of the colleague named with them
        for id in unresolved {
            if let Some(state) = coordinated_colleague_state(text, doc, id) {
                doc.entities[id].represents.insert(state);
            }
        }
    }
}

impl EntityRules {
    /// "The ELN demands the government charge ...": "the government" with no
    /// state before or after it ("the Colombian government", "the government
    /// of Peru" are read as those states) is the home state's, where one
    /// state clearly dominates the story ([`home_state`]).
    pub(super) fn the_government(&self, text: &str, doc: &mut DocEntities) {
        let Some(home) = home_state(doc) else { return };
        let references =
            super::resolve::definite_references(text, doc, |word| matches!(word, "government" | "Government"));
        doc.found
            .extend(references.iter().map(|reference| reference.found(home)));
    }

    /// The state of the place in a party member's apposition: "Jim Wright, a
    /// Texas Democrat", "Bob Dole, a Kansas Republican" (the place is read
    /// here, as recognition takes "Texas Democrat" for one longer name).
    fn party_members_state(&self, text: &str, doc: &mut DocEntities, person: EntityId) -> Option<EntityId> {
        let place = doc.found.iter().filter(|f| f.entity == person).find_map(|f| {
            let rest = text[f.end..].strip_prefix(", a ")?;
            let (place, _) = [" Democrat", " Republican"]
                .iter()
                .filter_map(|party| rest.split_once(party))
                .min_by_key(|(place, _)| place.len())?;
            (place.split_whitespace().count() <= 2).then_some(place)
        })?;
        let si = self.gazetteer.find(place, 0, place.len()).iter().find_map(|hit| {
            let whole = hit.start == 0 && hit.end == place.len();
            hit.targets.iter().find_map(|t| match t {
                Target::Place(i) if whole => self.lexicon.places[*i].iso3.as_deref(),
                _ => None,
            })
        });
        let si = self.state_index(si?)?;
        Some(self.state_entity(si, doc))
    }

    /// The state (index into the lexicon's states) that every public figure of
    /// `people.tsv` with the surname `name` acts for, if they all act for one:
    /// bare surnames shared by relatives (Bush, Castro, Assad) are left out of
    /// the gazetteer as names, but not as evidence of the state.
    fn state_of_surname(&self, name: &str) -> Option<usize> {
        // the rows whose name ends with the word `last`, in file order
        let with_surname = |last: &str| {
            self.people_by_surname
                .get(last)
                .into_iter()
                .flatten()
                .map(|&i| &self.lexicon.people[i])
        };
        if name.contains(char::is_whitespace) {
            let (given, surname) = (name.split(' ').next()?, name.rsplit(' ').next()?);
            // a full name the text gave only in part ("President Bush" resolved to
            // George W. Bush): the state of that public figure
            if let Some(row) = with_surname(surname).find(|p| p.name == name) {
                return self.state_index(row.represents.as_deref()?);
            }
            // a name the list holds with a middle name ("George Bush": George W.
            // Bush and George H. W. Bush): the state all such figures held office for
            let mut states = with_surname(surname)
                .filter(|p| p.name.split(' ').next() == Some(given))
                .map(|p| p.represents.as_deref());
            let first = states.next()??;
            return states
                .all(|s| s == Some(first))
                .then(|| self.state_index(first))
                .flatten();
        }
        let mut states = with_surname(name).map(|p| p.represents.as_deref());
        let first = states.next()??;
        if !states.all(|s| s == Some(first)) {
            return None;
        }
        self.state_index(first)
    }
}

/// How many words of a title may stand between "and" and the name it
/// belongs to: "and | Deputy Foreign Minister of State | Kamau".
const COORDINATED_TITLE_WORDS: usize = 6;

/// The other side of a two-sided story for a minister or leader coordinated
/// with one of the same rank who acts for one side, a title between them:
/// "talks between U.S. Secretary of State George Shultz and Foreign
/// Minister Tadashi Kuranari" in a story of the United States and Japan.
/// The two sides are the two states the story names most, a third named
/// clearly less. Colleagues of one government are as often coordinated
/// ("Funaro and Gros", "Byrd and House Speaker Jim Wright"), hence the
/// rank, the title and a cue before the pair (`counterpart_cues.txt`).
fn counterpart_state(
    rules: &EntityRules,
    (text, sentences): (&str, &[Sentence]),
    doc: &DocEntities,
    person: EntityId,
) -> Option<EntityId> {
    let ranked = ranked_states(doc);
    let (first, second) = match ranked.as_slice() {
        [a, b] => (a.0, b.0),
        [a, b, c, ..] if c.1 < b.1 => (a.0, b.0),
        _ => return None,
    };
    let ranks = |id: EntityId| -> Vec<String> {
        doc.entities[id]
            .roles
            .iter()
            .filter_map(|role| rules.title_row(role))
            .filter(|row| matches!(row.kind.as_str(), "minister" | "head_of_state" | "head_of_government"))
            .map(|row| row.kind.clone())
            .collect()
    };
    let my_ranks = ranks(person);
    if my_ranks.is_empty() {
        return None;
    }
    let titled_coordination = |gap: &str| {
        let mut words = gap.split_whitespace();
        words.next() == Some("and")
            && (1..=COORDINATED_TITLE_WORDS).contains(&words.clone().count())
            && words.all(|w| w.starts_with(char::is_uppercase) || w == "of")
    };
    // a cue word between the sentence's start and the pair: "talks between", "signed by"
    let cues = &word_lists().counterpart_cues;
    let cued = |pair_start: usize, sentence: usize| {
        text[sentences[sentence].start..pair_start]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| cues.contains(&w.to_lowercase()))
    };
    let mine: Vec<&Found> = doc.found.iter().filter(|f| f.entity == person).collect();
    doc.found
        .iter()
        .filter(|f| f.entity != person && doc.entities[f.entity].kind == EntityKind::Person)
        .filter(|f| ranks(f.entity).iter().any(|r| my_ranks.contains(r)))
        .find_map(|f| {
            let beside = mine.iter().any(|m| {
                let (pair_start, gap) = if f.end <= m.start {
                    (f.start, &text[f.end..m.start])
                } else if m.end <= f.start {
                    (m.start, &text[m.end..f.start])
                } else {
                    return false;
                };
                m.sentence == f.sentence && titled_coordination(gap) && cued(pair_start, m.sentence)
            });
            let sides = &doc.entities[f.entity].represents;
            match (beside, sides.contains(&first), sides.contains(&second)) {
                (true, true, false) => Some(second),
                (true, false, true) => Some(first),
                _ => None,
            }
        })
}

/// The state a document is about: the state named most often (by name,
/// adjective, capital or metonym), named at least [`HOME_STATE_MIN_MENTIONS`]
/// times and at least twice as often as any other.
fn home_state(doc: &DocEntities) -> Option<EntityId> {
    let counts = ranked_states(doc);
    let (top, n) = *counts.first()?;
    let second = counts.get(1).map_or(0, |&(_, n)| n);
    (n >= HOME_STATE_MIN_MENTIONS && n >= 2 * second).then_some(top)
}

/// Where no state dominates the document, the most mentioned one still is an
/// office holder's when it is named in the holder's own sentence, by name or
/// through another person who acts for it: "Brazil is not happy with the
/// committee, Finance Minister Dilson Funaro said" in a story that also names
/// Britain and the United States; "Defense Secretary Robert Gates, Secretary
/// of State Hillary Clinton, National Security Adviser Tom Donilon". A state
/// the story names less often is as likely the one the holder speaks about.
fn leading_state_in_sentence(doc: &DocEntities, person: EntityId) -> Option<EntityId> {
    let (top, _) = ranked_states(doc).into_iter().next()?;
    let mentions: Vec<(usize, usize)> = doc
        .found
        .iter()
        .filter(|f| f.entity == person)
        .map(|f| (f.sentence, f.start))
        .collect();
    mentions
        .iter()
        .any(|&(sentence, at)| {
            let in_sentence = || {
                doc.found
                    .iter()
                    .filter(move |f| f.sentence == sentence && f.entity != person)
            };
            // a sentence that names another state may be about that state's office holders
            // ("LONDON, March 2 -" is where the story was filed, not a state named)
            let other_state = in_sentence().any(|f| {
                f.entity != top && doc.entities[f.entity].kind == EntityKind::State && f.role != super::Role::Capital
            });
            // the state itself only as the sentence's first mention, before the holder: the
            // subject of what they report ("Brazil is not happy ..., Finance Minister X said")
            let leads = in_sentence()
                .min_by_key(|f| f.start)
                .is_some_and(|f| f.entity == top && f.start < at);
            let colleague = in_sentence().any(|f| doc.entities[f.entity].represents.contains(&top));
            !other_state && (leads || colleague)
        })
        .then_some(top)
}

/// The states of a document by how often they are named, most first (ties
/// by entity order, so the result is deterministic).
fn ranked_states(doc: &DocEntities) -> Vec<(EntityId, usize)> {
    let mut counts: Vec<(EntityId, usize)> = Vec::new();
    for f in &doc.found {
        if doc.entities[f.entity].kind != EntityKind::State {
            continue;
        }
        match counts.iter_mut().find(|(id, _)| *id == f.entity) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.entity, 1)),
        }
    }
    counts.sort_by_key(|&(id, n)| (std::cmp::Reverse(n), id));
    counts
}

/// Fewer mentions than this make no state the document's home.
const HOME_STATE_MIN_MENTIONS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Lexicon;
    use crate::extract::sentences;

    fn rules() -> EntityRules {
        EntityRules::compile(Lexicon::load().expect("embedded lexicon loads")).expect("rules compile")
    }

    fn recognize(rules: &EntityRules, text: &str) -> DocEntities {
        rules.recognize("d", text, &sentences::split(text), None)
    }

    /// The labels of whom the person labelled `person` acts for, sorted.
    fn represents(rules: &EntityRules, text: &str, person: &str) -> Vec<String> {
        let doc = recognize(rules, text);
        let e = doc
            .entities
            .iter()
            .find(|e| e.label == person)
            .unwrap_or_else(|| panic!("no {person} in {text:?}"));
        let mut labels: Vec<String> = e.represents.iter().map(|&r| doc.entities[r].label.clone()).collect();
        labels.sort();
        labels
    }

    #[test]
    fn each_way_a_text_says_whom_an_office_holder_acts_for() {
        let rules = rules();
        let cases = [
            // a state's adjective before the title
            ("Kenyan Foreign Minister Amina Kamau arrived.", "Amina Kamau", "Kenya"),
            // "<title> of <State>" after the name
            (
                "Amina Kamau, the foreign minister of Kenya, arrived.",
                "Amina Kamau",
                "Kenya",
            ),
            // a title only one organization has (title_defaults.tsv)
            (
                "Secretary-General Amina Kamau arrived.",
                "Amina Kamau",
                "United Nations",
            ),
            // an office only one state has (title_states.tsv)
            (
                "Secretary of State Amina Kamau arrived.",
                "Amina Kamau",
                "United States",
            ),
        ];
        for (text, person, acts_for) in cases {
            assert_eq!(represents(&rules, text, person), [acts_for], "{text}");
        }
        // a title that names nobody's state: the document's home state, if it has one
        let untitled = "Foreign Minister Amina Kamau arrived.";
        assert!(represents(&rules, untitled, "Amina Kamau").is_empty());
        let at_home = format!("Kenya voted. Kenya paid. Kenya won. {untitled}");
        assert_eq!(represents(&rules, &at_home, "Amina Kamau"), ["Kenya"]);
        // but not a shadow minister's: they act for their party
        let shadow = "Kenya voted. Kenya paid. Kenya won. The shadow foreign minister Amina Kamau arrived.";
        assert!(!represents(&rules, shadow, "Amina Kamau").contains(&"Kenya".to_string()));
    }

    #[test]
    fn an_acronym_in_parentheses_a_dateline_dash_and_a_middle_name_left_out() {
        let rules = rules();
        // the body's acronym between it and the title
        let acronym = "World Food Programme (WFP) Director Amina Kamau arrived.";
        assert_eq!(represents(&rules, acronym, "Amina Kamau"), ["World Food Programme"]);
        // a news agency's dateline is no body the official acts for
        let dateline = "NAIROBI (Reuters) - Secretary of State Amina Kamau arrived.";
        assert_eq!(represents(&rules, dateline, "Amina Kamau"), ["United States"]);
        // a news agency before a public office is its holder's audience
        let audience =
            "Kenya voted. Kenya paid. Kenya won. Lawmakers told Reuters Foreign Minister Amina Kamau would resign.";
        assert_eq!(represents(&rules, audience, "Amina Kamau"), ["Kenya"]);
        // an office holder named with a colleague who acts for a state
        let colleagues = "Norway voted. Norway paid. Norway won. Kenya voted. Kenyan Finance Minister Amina Kamau \
                          flew to Oslo. Lenders were wary, Central Bank Governor Peter Otieno said. Kamau and Otieno \
                          met the lenders.";
        assert_eq!(represents(&rules, colleagues, "Peter Otieno"), ["Kenya"]);
        // "George Bush": every George ... Bush in the people list held office for one state
        let middle = "Mr Kamau defended President George Bush.";
        assert_eq!(represents(&rules, middle, "George Bush"), ["United States"]);
    }

    #[test]
    fn a_shadow_minister_acts_for_no_state_however_the_title_is_written() {
        let rules = rules();
        let home = "Kenya voted. Kenya paid. Kenya won.";
        let cases = [
            // "Shadow" in title case is read as the title's first word
            format!("{home} Shadow Foreign Minister Amina Kamau arrived."),
            format!("{home} The shadow foreign minister Amina Kamau arrived."),
            // an office only one state has (title_states.tsv), mirrored
            "The shadow Foreign Secretary Amina Kamau arrived.".to_string(),
            // the state named before the title is the one whose office it mirrors
            "Kenya's shadow foreign minister Amina Kamau arrived.".to_string(),
        ];
        for text in &cases {
            let acts_for = represents(&rules, text, "Amina Kamau");
            assert!(
                !acts_for.iter().any(|a| a == "Kenya" || a == "United Kingdom"),
                "{text}: {acts_for:?}"
            );
        }
        // the same words without "shadow" are the government's
        assert_eq!(
            represents(
                &rules,
                &format!("{home} Foreign Minister Amina Kamau arrived."),
                "Amina Kamau"
            ),
            ["Kenya"]
        );
        assert_eq!(
            represents(&rules, "Kenya's foreign minister Amina Kamau arrived.", "Amina Kamau"),
            ["Kenya"]
        );
    }

    #[test]
    fn the_home_state_is_named_three_times_and_twice_as_often_as_any_other() {
        let rules = rules();
        let home = |text: &str| {
            let doc = recognize(&rules, text);
            home_state(&doc).map(|id| doc.entities[id].label.clone())
        };
        let kenya3 = "Kenya voted. Kenya paid. Kenya won.";
        assert_eq!(home(kenya3).as_deref(), Some("Kenya"));
        assert_eq!(
            home("Kenya voted. Kenya paid.").as_deref(),
            None,
            "two mentions are too few"
        );
        assert_eq!(
            home(&format!("{kenya3} Chile lost.")).as_deref(),
            Some("Kenya"),
            "three against one"
        );
        assert_eq!(
            home(&format!("{kenya3} Kenya met Chile. Chile lost.")).as_deref(),
            Some("Kenya"),
            "four against two: twice as often"
        );
        assert_eq!(
            home(&format!("{kenya3} Chile lost. Chile paid.")).as_deref(),
            None,
            "three against two is not twice as often"
        );
    }

    #[test]
    fn a_minister_beside_the_other_sides_minister_acts_for_the_other_state() {
        let rules = rules();
        let story = "Kenya and Norway disagree on fishing. Kenya wants quotas; Norway does not. ";
        let text = format!(
            "{story}Talks were held between Kenyan Foreign Minister Wanjiru Kamau and Fisheries Minister Lars Holm."
        );
        assert_eq!(represents(&rules, &text, "Lars Holm"), ["Norway"]);
        // no cue that sets them apart: colleagues of one government
        let text =
            format!("{story}Kenyan Foreign Minister Wanjiru Kamau and Fisheries Minister Lars Holm spoke in Mombasa.");
        assert_eq!(represents(&rules, &text, "Lars Holm"), ["Kenya"], "{text}");
    }
}
