//! States and places: datelines, all-caps headlines, and the entities of
//! states (with their predecessors) and places (with the state they lie in).

use crate::extract::gazetteer::Target;
use crate::extract::model::{EntityId, EntityKey, EntityKind};
use crate::extract::sentences::Sentence;

use super::slug;
use super::{DocEntities, EntityRules, Found, Role};

impl EntityRules {
    /// "PARIS, March 22 -", "HAVANA, Cuba (Reuters) --", "MOSCOW:": the place of writing.
    pub(super) fn dateline(&self, text: &str, s: &Sentence, si: usize, doc: &mut DocEntities) {
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
        let dated =
            rest.len() >= 10 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit) && rest.as_bytes()[4] == b'-';
        if !(rest.starts_with(',') || rest.starts_with('(') || rest.starts_with(':') || rest.starts_with('-') || dated)
        {
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
    pub(super) fn headline(&self, text: &str, s: &Sentence, si: usize, doc: &mut DocEntities) {
        for hit in self.caps.find(text, s.start, s.end) {
            if doc.in_team(hit.start, hit.end) {
                continue;
            }
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
    pub(super) fn place_entity(
        &self,
        name: &str,
        capital_of: Option<usize>,
        doc: &mut DocEntities,
    ) -> Option<EntityId> {
        let lookup = self
            .place_by_name
            .get(name)
            .or_else(|| self.place_by_lower.get(&name.to_lowercase()));
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

    pub(super) fn state_entity(&self, si: usize, doc: &mut DocEntities) -> EntityId {
        // before the state existed, its names meant its predecessor's government
        let si = doc
            .date
            .and_then(|date| {
                let iso3 = &self.lexicon.states[si].iso3;
                self.predecessors
                    .iter()
                    .find(|(i, until, _)| i == iso3 && date < *until)
                    .map(|(_, _, p)| p)
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
}
