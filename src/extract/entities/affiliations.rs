//! Whom people act for when the text links them to an organization or party
//! without a title of a state's office: "Conservative shadow foreign
//! secretary Michael Ancram" (a party's form before a title), "War on Want's
//! John Hilary" (an organization's possessive), "Brad Adams, from Human
//! Rights Watch" and "Fazlur Rehman of JUI-F" (an organization after the name).
//! Analysts follow these links to tell a government's voice from an
//! opposition party's or a campaign group's.

use crate::extract::model::{EntityId, EntityKey, EntityKind};
use crate::extract::sentences::{Sentence, Token};

use super::{DocEntities, EntityRules, Found, Role};

/// How many lower-case words may stand between an organization's possessive
/// and the name it links: "Oxfam's John Smith", "Oxfam's policy director Jo
/// Smith" (the title itself is read by `represents`).
const POSSESSIVE_GAP_WORDS: usize = 3;

/// How many lower-case words may stand between a party's form and the title
/// it qualifies: "Conservative | shadow trade | secretary".
const TITLE_GAP_WORDS: usize = 3;

impl EntityRules {
    /// Mentions of parties by the form news uses before a member's title
    /// (`party_adjectives.tsv`): only where a title follows, after an optional
    /// possessive and "shadow", or a known given name ("Tory Liam Fox"), so
    /// that "Conservative estimates" is no party.
    pub(super) fn party_mentions(&self, text: &str, s: &Sentence, si: usize, tokens: &[Token], doc: &mut DocEntities) {
        if self.lexicon.party_adjectives.is_empty() {
            return;
        }
        let mut titles: Option<Vec<(usize, usize)>> = None;
        for token in tokens {
            // most words start with no party form's first letter: skip them before comparing
            if !self.party_first_bytes[usize::from(text.as_bytes()[token.start])] {
                continue;
            }
            let rest = &text[token.start..s.end];
            let Some((form, key)) = self
                .lexicon
                .party_adjectives
                .iter()
                .find(|(form, _)| rest.starts_with(form.as_str()))
            else {
                continue;
            };
            let end = token.start + form.len();
            if text[end..].chars().next().is_some_and(char::is_alphanumeric)
                || doc.found.iter().any(|f| f.start < end && token.start < f.end)
            {
                continue; // "Democratic Party" and "Republican Guard" are names of their own
            }
            let after = &text[end..];
            let (possessive, after) = match after.strip_prefix("'s").or_else(|| after.strip_prefix("\u{2019}s")) {
                Some(rest) => (true, rest),
                None => (false, after),
            };
            let titles = titles.get_or_insert_with(|| self.title_spans(text, s.start, s.end));
            // "Tory Liam Fox", "Lib Dem Mark Oaten": a known given name right after the form
            // opens a member's name, as a title does
            let given_name_follows = !possessive && {
                let next = after.strip_prefix(' ').unwrap_or("");
                let word = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                self.lexicon.given_names.contains(word)
            };
            if !given_name_follows && !title_follows(text, text.len() - after.len(), s.end, titles) {
                continue;
            }
            let Some(&oi) = self.org_by_key.get(key) else { continue };
            let row = &self.lexicon.orgs[oi];
            let id = doc.entity(
                EntityKey::Organization(row.key.clone()),
                EntityKind::Organization,
                &row.name,
            );
            doc.add_surface(id, form);
            doc.found.push(Found {
                start: token.start,
                end,
                entity: id,
                role: Role::Adjective,
                actor: false,
                possessive,
                sentence: si,
            });
        }
    }

    /// Whether `id` is a political party of the organization gazetteer.
    pub(super) fn is_party(&self, id: EntityId, doc: &DocEntities) -> bool {
        self.org_kind(id, doc) == Some("party")
    }

    /// The kind `organizations.tsv` gives an organization ("party", "media").
    pub(super) fn org_kind<'s>(&'s self, id: EntityId, doc: &DocEntities) -> Option<&'s str> {
        match &doc.entities[id].key {
            EntityKey::Organization(key) => self.org_by_key.get(key).map(|&oi| self.lexicon.orgs[oi].kind.as_str()),
            _ => None,
        }
    }

    /// People the text links to an organization without a title: an
    /// organization's possessive right before the name, or ", from" / "of" /
    /// a parenthesis with the organization right after it. Only for people the
    /// text has given nobody to act for yet.
    pub(super) fn untitled_affiliations(&self, text: &str, doc: &mut DocEntities) {
        link_untitled_people(doc, |doc, f, before, after| {
            let is_org = |g: &&Found| doc.entities[g.entity].kind == EntityKind::Organization;
            // "War on Want's John Hilary", or a party's form right before the name: "Tory Liam Fox"
            let party_form = |g: &&Found| g.role == Role::Adjective && &text[g.end..f.start] == " ";
            let before = before
                .filter(is_org)
                .filter(|g| possessive_gap(&text[g.end..f.start]) || party_form(g));
            let after = after.filter(is_org).filter(|g| affiliation_gap(&text[f.end..g.start]));
            before.or(after).map(|g| g.entity)
        });
    }
}

/// Links every person named without anyone to act for (`represents` empty)
/// to what `link` finds from the mentions right before and after the name in
/// its sentence; the links are made after all are found, so one link never
/// changes what another sees.
fn link_untitled_people(
    doc: &mut DocEntities,
    link: impl Fn(&DocEntities, &Found, Option<&Found>, Option<&Found>) -> Option<EntityId>,
) {
    let mut links: Vec<(EntityId, EntityId)> = Vec::new();
    for f in doc.found.iter().filter(|f| f.role == Role::Name) {
        let person = &doc.entities[f.entity];
        if person.kind != EntityKind::Person || !person.represents.is_empty() {
            continue;
        }
        let in_sentence = doc.found.iter().filter(|g| g.sentence == f.sentence);
        let before = in_sentence.clone().filter(|g| g.end <= f.start).max_by_key(|g| g.end);
        let after = in_sentence.filter(|g| g.start >= f.end).min_by_key(|g| g.start);
        if let Some(target) = link(doc, f, before, after) {
            links.push((f.entity, target));
        }
    }
    for (person, target) in links {
        doc.entities[person].represents.insert(target);
    }
}

/// How many words may stand between a state's group and "led by" / "headed
/// by": "the Soviet team | on medium-range missiles | headed by".
const GROUP_TO_LEADER_WORDS: usize = 5;

impl EntityRules {
    /// Heads of a state's delegation or team act for the state: "the Soviet
    /// team on medium-range missiles headed by Lem Masterkov", "Maynard
    /// Glitman, who heads the American team". Only for people the text has
    /// given nobody to act for yet; the group noun is one of `actor_nouns.tsv`'s
    /// groups ("delegation", "team", "side").
    pub(super) fn delegation_heads(&self, text: &str, doc: &mut DocEntities) {
        let is_group = |word: &str| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            self.lexicon.actor_nouns.get(word).map(String::as_str) == Some("group")
        };
        link_untitled_people(doc, |doc, f, before, after| {
            let is_state = |g: &&Found| doc.entities[g.entity].kind == EntityKind::State;
            // "<state>'s? <group> ... led by <person>"
            let before = before.filter(is_state).filter(|g| {
                let gap = &text[g.end..f.start];
                let gap = gap
                    .strip_prefix("'s")
                    .or_else(|| gap.strip_prefix("\u{2019}s"))
                    .unwrap_or(gap);
                let words: Vec<&str> = gap.split_whitespace().collect();
                let led = words.len() >= 3
                    && words[words.len() - 1] == "by"
                    && matches!(words[words.len() - 2], "led" | "headed");
                led && words.len() <= GROUP_TO_LEADER_WORDS + 3 && is_group(words[0])
            });
            // "<person>, who heads the <state> <group>"
            let after = after.filter(is_state).filter(|g| {
                let gap = text[f.end..g.start].trim_end().trim_end_matches(" the");
                let heads = [
                    ", who heads",
                    ", who leads",
                    ", who led",
                    ", who headed",
                    ", who will lead",
                    ", who will head",
                ];
                heads.contains(&gap) && text[g.end..].split_whitespace().next().is_some_and(is_group)
            });
            before.or(after).map(|g| g.entity)
        });
    }
}

/// Whether a title starts at `at` or after at most [`TITLE_GAP_WORDS`]
/// lower-case words: "Conservative | shadow trade | secretary".
fn title_follows(text: &str, mut at: usize, end: usize, titles: &[(usize, usize)]) -> bool {
    for _ in 0..=TITLE_GAP_WORDS {
        if at >= end {
            return false;
        }
        let rest = &text[at..end];
        at += rest.len() - rest.trim_start().len();
        if titles.iter().any(|&(ts, _)| ts == at) {
            return true;
        }
        let word = text[at..end].split(char::is_whitespace).next().unwrap_or("");
        if word.is_empty() || !word.chars().all(|c| c.is_lowercase() || c == '-') {
            return false;
        }
        at += word.len();
    }
    false
}

/// "'s " then at most [`POSSESSIVE_GAP_WORDS`] lower-case words: "War on Want's John Hilary".
fn possessive_gap(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("\u{2019}s")) else {
        return false;
    };
    if !rest.starts_with(' ') {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= POSSESSIVE_GAP_WORDS && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
}

/// What may join a name to the organization after it: "Brad Adams, from
/// Human Rights Watch", "Fazlur Rehman of JUI-F", "Jo Smith (Oxfam)".
fn affiliation_gap(gap: &str) -> bool {
    matches!(
        gap,
        ", from " | " from " | " of " | ", of " | " of the " | ", of the " | " ("
    )
}

#[cfg(test)]
mod tests {
    use super::{affiliation_gap, possessive_gap};

    #[test]
    fn possessive_gap_takes_a_possessive_and_few_lowercase_words() {
        assert!(possessive_gap("'s "));
        assert!(possessive_gap("\u{2019}s policy director "));
        assert!(!possessive_gap(" "));
        assert!(!possessive_gap("'s Director "));
        assert!(!possessive_gap("'s head of the campaign in "));
    }

    #[test]
    fn affiliation_gap_takes_from_of_and_a_parenthesis_only() {
        assert!(affiliation_gap(", from "));
        assert!(affiliation_gap(" of "));
        assert!(affiliation_gap(" ("));
        assert!(!affiliation_gap(" and "));
        assert!(!affiliation_gap(" told "));
    }
}
