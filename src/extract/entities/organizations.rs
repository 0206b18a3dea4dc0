//! Organizations: the state a gazetteer organization belongs to, places that
//! open an organization's name, and names recognized by their head word.

use crate::extract::gazetteer::Target;
use crate::extract::model::{EntityId, EntityKey, EntityKind};

use super::slug;
use super::{DocEntities, EntityRules, Found, Role};

impl EntityRules {
    /// The state an organization of the gazetteer belongs to (its government's
    /// agency, its legislature, party, central bank, company), as the
    /// organization's `located_in`. News media and think tanks are left out:
    /// they are quoted as sources, and a story that cites the BBC is not about
    /// Britain.
    pub(super) fn org_state(&self, oi: usize, id: EntityId, doc: &mut DocEntities) {
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

    /// A place that opens the name of an organization, whose last word is an
    /// organization head ("Ohio Mattress Co", "Texas Instruments Inc",
    /// "Virginia Housing Development Authority"): not a mention of the place, but
    /// the organization is most likely based in the place's state, which is
    /// added to the document and kept for the organization (see `classify_run`).
    pub(super) fn place_in_org_name(
        &self,
        text: &str,
        start: usize,
        end: usize,
        target: Target,
        doc: &mut DocEntities,
    ) {
        let mut heads = false;
        for word in text[end..].split([' ', '\n']).skip(1).take(6) {
            let bare = word.trim_end_matches([',', '.', ';', ':']);
            let bare = bare.strip_suffix("'s").unwrap_or(bare);
            if !bare.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            heads |= self.lexicon.org_heads.contains(bare);
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

    /// A capitalized run whose last word is an organization head ("Libertarian
    /// Institute", "Boundary Commission"), widened to a longer name around it
    /// and to a place that opens it.
    pub(super) fn org_by_head_word(&self, text: &str, si: usize, start: usize, end: usize, doc: &mut DocEntities) {
        // a longer name around the head: "Security Council Working Group on Peacekeeping Operations"
        let mut start = start;
        if let Some(org) = doc.found.iter().rev().find(|f| {
            f.end + 1 == start && text[f.end..start] == *" " && doc.entities[f.entity].kind == EntityKind::Organization
        }) {
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
    }
}

/// " on Peacekeeping Operations", " of the Red Cross": the capitalized tail of an organization's name.
pub(super) fn org_tail_regex() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(r"^ (?:on|of|for)(?: the)?(?: [A-Z][\p{L}-]+)+").expect("valid regex"))
}
