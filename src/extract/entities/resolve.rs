//! Within-document resolution of people: full names to entities, surnames and
//! short forms to the full name they refer to, descriptors ("the Ukrainian
//! leader") to the person who represents that state, and "the charity",
//! "the group" to the organization named shortly before.

use crate::extract::lexicon::{OrgDescriptor, UNLISTED_ORG_KIND};
use crate::extract::model::{EntityId, EntityKey, EntityKind};
use crate::extract::sentences::Sentence;

use super::people::{strip_possessive, NameCandidate};
use super::recognize::previous_word;
use super::{fold, person_key};
use super::{DocEntities, EntityRules, Found, Role};
use crate::extract::word_lists::word_lists;

/// How many sentences before "the group" the organization it refers to may
/// be named: news repeats the name more often than that.
const ORG_DESCRIPTOR_REACH: usize = 3;

impl EntityRules {
    pub(super) fn resolve_people(&self, doc_id: &str, text: &str, candidates: &[NameCandidate], doc: &mut DocEntities) {
        // full names first, so that earlier surnames can still find them
        let key_tokens = |c: &NameCandidate| -> Vec<String> {
            let mut t: Vec<String> = c
                .tokens
                .iter()
                .filter(|w| !self.lexicon.name_suffixes.contains(w.as_str()))
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
                        .filter(|w| !self.lexicon.name_suffixes.contains(*w))
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
                // a short form: the most recent earlier full name ending with these tokens, else any;
                // never one of the other sex ("Mr Howard" is not Sandra Howard)
                let genders = &word_lists().name_genders;
                let sex = text[..c.start]
                    .split_whitespace()
                    .next_back()
                    .and_then(|w| genders.get(w));
                let other_sex = |id: EntityId| {
                    let given = doc.entities[id].label.split_whitespace().next();
                    sex.zip(given.and_then(|w| genders.get(w))).is_some_and(|(a, b)| a != b)
                };
                let matching = |(full, id): &&(Vec<String>, EntityId)| {
                    (full.ends_with(&toks)
                        || (toks.len() == 1
                            && full.first() == toks.first()
                            && (c.title.is_some() || family_name_first(&doc.entities[*id].label))))
                        && !other_sex(*id)
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
                    possessive: super::recognize::is_possessive(text, c.end),
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

    /// "the Ukrainian leader", "his Russian counterpart": the person who
    /// represents that state, most recently mentioned.
    pub(super) fn descriptors(&self, text: &str, sentences: &[Sentence], doc: &mut DocEntities) {
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
            let Some(head) = self
                .lexicon
                .descriptor_heads
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
                    possessive: super::recognize::is_possessive(text, end),
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

    /// "The charity said", "the group's director, Jane Roe": the
    /// organization named shortly before that the noun can stand for
    /// (`org_descriptors.tsv`), most recent first. Runs before people are
    /// resolved, so that a title after the descriptor finds whom its holder
    /// acts for.
    pub(super) fn org_descriptors(&self, text: &str, doc: &mut DocEntities) {
        // a capitalized head ("the Council") is a short name, which
        // `org_short_forms` reads
        let descriptor_of = |word: &str| self.lexicon.org_descriptors.iter().find(|d| d.noun == word);
        let references = definite_references(text, doc, |word| {
            word.starts_with(|c: char| c.is_ascii_lowercase()) && descriptor_of(word).is_some()
        });
        let mut new_found = Vec::new();
        for reference in references {
            let Some(descriptor) = descriptor_of(&text[reference.noun_start..reference.end]) else {
                continue;
            };
            let referent = doc
                .found
                .iter()
                .filter(|f| f.end <= reference.start && f.sentence + ORG_DESCRIPTOR_REACH >= reference.sentence)
                .filter(|f| self.org_fits(descriptor, f.entity, doc))
                .filter(|f| !tied_to(text, f.start))
                .max_by_key(|f| f.end)
                .map(|f| f.entity);
            if let Some(entity) = referent {
                new_found.push(reference.found(entity));
            }
        }
        doc.found.extend(new_found);
    }

    /// Whether `entity` is an organization that `descriptor` can stand for:
    /// one of its kinds, or one whose name holds the noun.
    fn org_fits(&self, descriptor: &OrgDescriptor, entity: EntityId, doc: &DocEntities) -> bool {
        let entity = &doc.entities[entity];
        if entity.kind != EntityKind::Organization {
            return false;
        }
        let kind = match &entity.key {
            EntityKey::Organization(key) => self.org_by_key.get(key).map(|&oi| self.lexicon.orgs[oi].kind.as_str()),
            _ => None,
        };
        let of_kind = descriptor.kinds.iter().any(|k| k == kind.unwrap_or(UNLISTED_ORG_KIND));
        descriptor.any_kind
            || of_kind
            || entity
                .label
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(&descriptor.noun))
    }
}

/// "the NOUN" in a sentence, where the noun is a reference to someone named
/// before: not part of a longer name ("the Group of Eight", "the Union
/// Jack", "the group of protesters": "of" or a capitalized word right after
/// it) and over no mention already found.
pub(super) struct DefiniteReference {
    pub sentence: usize,
    /// Where "the" starts.
    pub start: usize,
    pub noun_start: usize,
    /// Where the noun ends, before an "'s".
    pub end: usize,
    /// "the charity's director".
    pub possessive: bool,
}

impl DefiniteReference {
    /// The reference as a mention of `entity`: an actor unless possessive
    /// ("the company's sales" only modifies; "the charity's director" still
    /// finds whom the director acts for).
    pub fn found(&self, entity: EntityId) -> Found {
        Found {
            start: self.start,
            end: self.end,
            entity,
            role: Role::Descriptor,
            actor: !self.possessive,
            possessive: self.possessive,
            sentence: self.sentence,
        }
    }
}

/// Whether the body named at `at` follows words that tie another group to
/// it ("an Iraqi group linked to al-Qaeda", "militias loyal to the
/// government": `affiliation_phrases.txt`): "the group" later is that other
/// group, not this body.
fn tied_to(text: &str, at: usize) -> bool {
    // compared as bytes in any case, without copying the text before
    let ends_with =
        |hay: &[u8], tail: &[u8]| hay.len() >= tail.len() && hay[hay.len() - tail.len()..].eq_ignore_ascii_case(tail);
    let before = &text.as_bytes()[..at];
    let before = if ends_with(before, b"the ") {
        &before[..before.len() - 4]
    } else {
        before
    };
    crate::extract::word_lists::word_lists()
        .affiliation_phrases
        .iter()
        .any(|phrase| {
            // the phrase ends with its space; a space opens it too
            ends_with(before, phrase.as_bytes()) && ends_with(&before[..before.len() - phrase.len()], b" ")
        })
}

/// The document's definite references whose noun (without "'s") `is_head` accepts.
pub(super) fn definite_references(
    text: &str,
    doc: &DocEntities,
    is_head: impl Fn(&str) -> bool,
) -> Vec<DefiniteReference> {
    let mut out = Vec::new();
    for (sentence, tokens) in doc.sentence_tokens.iter().enumerate() {
        let Some(tokens) = tokens else { continue };
        for (i, pair) in tokens.windows(2).enumerate() {
            let (det, noun) = (&pair[0], &pair[1]);
            // compared as bytes: slicing the text checked character
            // boundaries at every pair of words
            let bytes = text.as_bytes();
            if !bytes[det.start..det.end].eq_ignore_ascii_case(b"the") || &bytes[det.end..noun.start] != b" " {
                continue;
            }
            let word = strip_possessive(&text[noun.start..noun.end]);
            if !is_head(word) {
                continue;
            }
            let end = noun.start + word.len();
            let possessive = end < noun.end;
            let names_next = tokens.get(i + 2).is_some_and(|next| {
                let w = &text[next.start..next.end];
                (w == "of" || w.starts_with(char::is_uppercase)) && text[end..next.start].trim().is_empty()
            });
            if (!possessive && names_next) || doc.found.iter().any(|f| f.start < end && det.start < f.end) {
                continue;
            }
            out.push(DefiniteReference {
                sentence,
                start: det.start,
                noun_start: noun.start,
                end,
                possessive,
            });
        }
    }
    out
}

/// Whether a two-word name puts the family name first, as Korean names
/// written with a hyphenated given name do ("Lho Shin-yong", "Kim Il-sung"):
/// the short form is then the first word ("Lho said"). A hyphenated surname
/// ("Robin Leigh-Pemberton") capitalizes both halves.
fn family_name_first(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let [_, given] = words[..] else {
        return false;
    };
    given
        .split_once('-')
        .is_some_and(|(_, second)| second.chars().next().is_some_and(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::family_name_first;

    #[test]
    fn a_hyphenated_lower_case_given_name_puts_the_family_name_first() {
        assert!(family_name_first("Lho Shin-yong"));
        assert!(family_name_first("Kim Il-sung"));
        assert!(!family_name_first("Robin Leigh-Pemberton"));
        assert!(!family_name_first("Jean-pierre"));
        assert!(!family_name_first("Lee Hae chan"));
    }
}
