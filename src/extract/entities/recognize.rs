//! Gazetteer hits to mentions: which of a form's readings the context picks
//! (a capital after "in" is a place, before a verb the state), and whether
//! the entity acts in its sentence.

use crate::extract::gazetteer::{Hit, Target};
use crate::extract::model::{EntityId, EntityKey, EntityKind};
use crate::extract::word_lists::word_lists;

use super::{person_key, slug};
use super::{DocEntities, EntityRules, Found, Role};

/// How many bytes after a state's name an office that acts for it may
/// reach: "Italy's | Deputy Foreign Minister for European Affairs".
const OFFICE_REACH: usize = 60;

impl EntityRules {
    pub(super) fn resolve_hit(&self, text: &str, hit: &Hit<'_>, si: usize, doc: &mut DocEntities) {
        let surface = &text[hit.start..hit.end];
        let before = previous_word(text, hit.start);
        let possessive = is_possessive(text, hit.end);
        // "the Islamabad summit", "the Downing Street talks": a capital or a seat of
        // government before a meeting's noun is where the meeting is
        let venue = hit
            .targets
            .iter()
            .any(|t| matches!(t, Target::StateCapital(_) | Target::StateMetonym(_)))
            && names_a_venue(text, hit.end);
        let locative = before.as_deref().is_some_and(|w| self.lexicon.locatives.contains(w))
            || located_apposition(text, hit)
            || venue;
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
            Target::StateMetonym(i) if venue => match self.place_entity(surface, Some(i), doc) {
                Some(id) => (id, Role::Name, false),
                None => return,
            },
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
                if row.kind == "media" {
                    doc.news_media.insert(id);
                }
                (id, Role::Name, true)
            }
        };
        doc.add_surface(id, surface);
        // "(Reuters)" in a dateline, "(AFP)", or a wire service's credit that opens a
        // paragraph ("AFP - Japan's army ..."): a source credit, not an actor
        let credited = (text[..hit.start].ends_with('(') && text[hit.end..].starts_with(')'))
            || (self.is_media(&target) && opens_line(text, hit.start) && text[hit.end..].starts_with(" - "));
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

    /// A public figure of the people gazetteer, with whom they represent.
    pub(super) fn known_person(&self, i: usize, doc: &mut DocEntities) -> EntityId {
        let row = &self.lexicon.people[i];
        let tokens: Vec<&str> = row
            .name
            .split_whitespace()
            .filter(|w| !self.lexicon.name_suffixes.contains(*w))
            .collect();
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
            let target = if let Some(si) = self.state_index(agent) {
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

    /// Whether a place name is only part of a longer name that no gazetteer
    /// knows: "Real Madrid", "Geneva Conventions", "Hapoel Tel Aviv". A title
    /// ("Moscow Mayor"), a weekday or another known name next to it does not count.
    pub(super) fn joins_longer_name(&self, text: &str, start: usize, end: usize) -> bool {
        let unknown_capitalized = |word: &str| {
            let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            let bare = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("\u{2019}s"))
                .unwrap_or(word);
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
    pub(super) fn actor_follows(&self, text: &str, end: usize) -> bool {
        let rest = &text[end..];
        let rest = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix("\u{2019}s"))
            .unwrap_or(rest);
        // "Italy's Interior Minister visited": an office that acts for a state or a
        // body, with no name after it (a name makes the state its modifier later)
        let office_at = text.len() - rest.trim_start().len();
        let office_end = (office_at + OFFICE_REACH).min(text.len());
        let office_end = (office_at..=office_end)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(office_at);
        let office = self
            .title_spans(text, office_at, office_end)
            .first()
            .is_some_and(|&(a, b)| {
                a == office_at
                    && self
                        .title_row(&text[a..b])
                        .is_some_and(|row| !row.represents.is_empty())
            });
        if office {
            return true;
        }
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
            let joins = self.lexicon.actor_joiners.contains(w);
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

/// Whether a name stands between commas after a common noun, as where
/// something is: "at Belmarsh prison, London, and", "the camp, Goma.". A
/// list of capitals ("Washington, London and Paris agreed") goes on with
/// "and", and a name before the comma is no common noun.
fn located_apposition(text: &str, hit: &Hit<'_>) -> bool {
    let Some(before) = text[..hit.start].trim_end().strip_suffix(',') else {
        return false;
    };
    let noun_before = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    noun_before && text[hit.end..].starts_with([',', '.', ')'])
}

/// Whether a capital or seat of government ending at `end` names where something happens, the
/// noun right after it ("the Islamabad summit", "the Geneva talks", "the Minsk
/// accords"): the city is then a place, not its state's government.
fn names_a_venue(text: &str, end: usize) -> bool {
    let Some(after) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let word_end = after.find(|c: char| !c.is_ascii_lowercase()).unwrap_or(after.len());
    word_end > 0 && word_lists().venue_nouns.contains(&after[..word_end])
}

/// Whether the mention ending at `end` is followed by a possessive: "Russia's",
/// and the "Russia s" of copy that lost its apostrophe.
pub(super) fn is_possessive(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with("'s") || after.starts_with("\u{2019}s") || after.starts_with(" s ")
}

/// Whether only spaces stand between the start of a line and `at`.
fn opens_line(text: &str, at: usize) -> bool {
    text[..at].trim_end_matches([' ', '\t']).is_empty() || text[..at].trim_end_matches([' ', '\t']).ends_with('\n')
}

impl EntityRules {
    /// Whether a gazetteer target is a news organization.
    fn is_media(&self, target: &Target) -> bool {
        matches!(target, Target::Organization(i) if self.lexicon.orgs[*i].kind == "media")
    }
}

/// The word before byte offset `at`, lower-cased.
pub(super) fn previous_word(text: &str, at: usize) -> Option<std::borrow::Cow<'_, str>> {
    let before = text[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    (!word.is_empty()).then(|| crate::extract::ascii::lower_case(word))
}
