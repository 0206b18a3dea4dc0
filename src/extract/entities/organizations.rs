//! Organizations: the state a gazetteer organization belongs to, places that
//! open an organization's name, and names recognized by their head word.

use std::collections::BTreeSet;

use crate::extract::gazetteer::{Hit, Target};
use crate::extract::model::{EntityId, EntityKey, EntityKind};
use crate::extract::sentences::{Sentence, Token};

use super::{slug, teams};
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
        let Some(si) = row.iso3.as_ref().and_then(|iso3| self.state_index(iso3)) else {
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
        let Some(si) = iso3.and_then(|iso3| self.state_index(&iso3)) else {
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
        // "the Public and Commercial Services Union", "the Food and Agriculture
        // Organization": one capitalized word joined by "and" after "the" opens
        // the name, unless it is a name of its own ("the US and European Union")
        if let Some(before) = text[..start].strip_suffix(" and ") {
            let word_start = before.rfind(' ').map_or(0, |i| i + 1);
            let word = &before[word_start..];
            let after_the = before[..word_start].to_ascii_lowercase().ends_with("the ");
            let own_name = doc.found.iter().any(|f| f.start < before.len() && word_start < f.end);
            if after_the
                && !own_name
                && word.len() > 1
                && word.chars().all(char::is_alphabetic)
                && word.starts_with(char::is_uppercase)
            {
                start = word_start;
            }
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
        // "Minneapolis-based First Bank System Inc": the place is no part of the name
        let name = &text[start..end];
        // (most names have no hyphen: they are spared the substring search's set-up)
        let based = memchr::memchr(b'-', name.as_bytes()).and_then(|_| name.find("-based "));
        if let Some(based) = based.filter(|&i| !name[..i].contains(['\n', ','])) {
            start += based + "-based ".len();
        }
        let end = self.org_name_end(text, end);
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
            possessive: super::recognize::is_possessive(text, end),
            sentence: si,
        });
    }

    /// Where the name of an organization whose head word ends at `end` ends:
    /// after a capitalized tail (" of the Red Cross", " on Peacekeeping
    /// Operations") that stops before a word such as "Friday"; after the
    /// period of a legal form ("Corp."), whose tail would say where the
    /// company is ("Kia Motor Corp of South Korea").
    pub(super) fn org_name_end(&self, text: &str, end: usize) -> usize {
        let head = text[..end].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        if self.lexicon.org_legal_forms.contains(head) {
            let dotted = text[end..].starts_with('.') && text[end + 1..].chars().next().is_none_or(char::is_whitespace);
            return if dotted { end + 1 } else { end };
        }
        let Some(m) = org_tail_regex().find(&text[end..]) else {
            return end;
        };
        // the tail ends before its first word that is no name: " on Friday"
        let mut tail_end = end;
        let mut at = end;
        // where the tail ended before an "and" whose second half is not yet known to be
        // part of the name: "the Department of Trade and Industry", not "the Council of
        // Europe and Russia" or "the Ministry of Defence and Foreign Minister Kamau"
        let mut before_and: Option<usize> = None;
        let tail_end_at_m = end + m.end();
        for word in m.as_str().split(' ').skip(1) {
            let word_start = at + 1;
            let word_end = word_start + word.len();
            let capitalized = word.chars().next().is_some_and(char::is_uppercase);
            let no_name = capitalized
                && self.lexicon.non_names.contains(word)
                && !self.lexicon.org_modifiers.contains(word)
                && !self.lexicon.org_heads.contains(word);
            // right after "and", a name of its own, a title or a given name opens
            // something else ("the University of California and Dan Gillmor"); a
            // head word does not ("the Association of Payment and Clearing Services")
            let names_another = || {
                before_and.is_some_and(|b| b == tail_end)
                    && (self.lexicon.given_names.contains(word)
                        || self
                            .gazetteer
                            .find(text, word_start, tail_end_at_m)
                            .iter()
                            .any(|hit| hit.start == word_start)
                        || self
                            .title_spans(text, word_start, tail_end_at_m)
                            .iter()
                            .any(|&(s, _)| s == word_start))
            };
            if no_name || glued_words(word) || (capitalized && names_another()) {
                tail_end = before_and.unwrap_or(tail_end);
                break;
            }
            if word == "and" {
                before_and = Some(tail_end);
            } else if capitalized {
                tail_end = word_end;
            } else {
                before_and = None; // "of Trade and Industry on Friday": the name is whole
            }
            at = word_end;
        }
        // a tail that stops on a people's adjective is no name's: "the Office of Eritrean
        // President Isaias Afewerki", "the Group of Latin American and Caribbean countries"
        let last_word_start = text[..tail_end].rfind(' ').map_or(0, |i| i + 1);
        let names_a_people = self
            .gazetteer
            .find(text, last_word_start, tail_end)
            .iter()
            .any(|hit| hit.end == tail_end && hit.targets.iter().any(|t| matches!(t, Target::StateAdjective(_))));
        if names_a_people {
            return end;
        }
        tail_end
    }

    /// Stand-alone capitals that no gazetteer knows: "the KDP", "said the
    /// OSCE", "Human Rights Observatory ( ONDH )". Two to six capital letters,
    /// not next to another capitalized word (a shouted phrase such as "NOTE TO
    /// EDITORS", or a name such as "JD Vance"), no Roman numeral and none of
    /// `acronyms_not_orgs.txt`. In parentheses right after an organization's
    /// name it is another name of that organization.
    pub(super) fn acronyms(&self, text: &str, si: usize, tokens: &[Token], hits: &[Hit<'_>], doc: &mut DocEntities) {
        let capitalized = |k: usize| {
            let word = &text[tokens[k].start..tokens[k].end];
            word.chars().next().is_some_and(char::is_uppercase)
                && !word.ends_with("'s")
                && !self.lexicon.non_names.contains(word)
        };
        let joined = |a: usize, b: usize| &text[tokens[a].end..tokens[b].start] == " ";
        for (k, t) in tokens.iter().enumerate() {
            let word = &text[t.start..t.end];
            if !(2..=6).contains(&word.len())
                || !word.bytes().all(|b| b.is_ascii_uppercase())
                || word.bytes().all(|b| b"IVXLCDM".contains(&b))
                || self.lexicon.acronyms_not_orgs.contains(word)
                || self.lexicon.non_names.contains(word)
                || self.lexicon.name_suffixes.contains(word)
                || k > 0 && joined(k - 1, k) && capitalized(k - 1)
                || k + 1 < tokens.len() && joined(k, k + 1) && capitalized(k + 1)
                || hits.iter().any(|h| t.start < h.end && h.start < t.end)
                || text[t.end..].trim_start_matches(' ').starts_with(':')
                || dateline(text, t.start, t.end)
                || text[..t.start].ends_with(['&', '/'])
                || text[t.end..].starts_with(['&', '/'])
                // the tests that scan the document's mentions, the gazetteer
                // or the whole line last: they rule out the fewest words
                || doc.in_team(t.start, t.end)
                || doc.found.iter().any(|f| t.start < f.end && f.start < t.end)
                || !self.caps.find(word, 0, word.len()).is_empty()
                || shouted(text, t.start)
            {
                continue;
            }
            let bracketed = text[..t.start].trim_end_matches(' ').ends_with('(')
                && text[t.end..].trim_start_matches(' ').starts_with(')');
            let named = doc
                .found
                .iter()
                .rev()
                .find(|f| {
                    f.end <= t.start
                        && text[f.end..t.start].trim() == "("
                        && doc.entities[f.entity].kind == EntityKind::Organization
                })
                .map(|f| f.entity);
            // "(TSZ)" after anything but an organization abbreviates that:
            // "the Temporary Security Zone (TSZ)", "an agreement (DECA)"
            if bracketed && named.is_none() {
                doc.abbreviations.push(word.to_string());
                continue;
            }
            if doc.abbreviations.iter().any(|a| a == word) {
                continue;
            }
            // after "(NFC)", a later "NFC" is that organization again
            let named = named.filter(|_| bracketed).or_else(|| {
                doc.entities
                    .iter()
                    .position(|e| e.kind == EntityKind::Organization && e.alt_labels.contains(word))
            });
            let id = named
                .unwrap_or_else(|| doc.entity(EntityKey::Organization(slug(word)), EntityKind::Organization, word));
            doc.add_surface(id, word);
            let after = &text[t.end..];
            doc.found.push(Found {
                start: t.start,
                end: t.end,
                entity: id,
                role: Role::Name,
                actor: true,
                possessive: after.starts_with("'s") || after.starts_with("\u{2019}s"),
                sentence: si,
            });
        }
    }

    /// Team names of the sports tables of a document (see `teams.rs`), as
    /// byte spans.
    pub(super) fn teams(&self, text: &str) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut at_fixtures = Vec::new();
        let mut standings: Vec<(usize, usize)> = Vec::new();
        let mut at = 0;
        for line in teams::lines(text) {
            let row = line.trim_end_matches('\r');
            if teams::may_hold_row(row) {
                let (found, shape) = teams::team_row(row, |name| self.may_be_team(name));
                let found = found.into_iter().map(|(start, end)| (at + start, at + end));
                match shape {
                    teams::Row::CapsFixture => at_fixtures.extend(found),
                    teams::Row::Standings => standings.extend(found),
                    _ => spans.extend(found),
                }
            }
            at += line.len() + 1;
        }
        // "CHICAGO AT TORONTO" only among others like it
        if at_fixtures.len() >= 4 {
            spans.extend(at_fixtures);
        }
        // a team heads one row of a standings table; a name that heads several
        // is the label of a row of figures ("Production", "Exports")
        for &(start, end) in &standings {
            let name = &text[start..end];
            if standings.iter().filter(|&&(s, e)| text[s..e] == *name).count() == 1 {
                spans.push((start, end));
            }
        }
        // a team of a table is that team wherever the document names it again:
        // "Surrey 24 points" in the table, "Surrey beat Kent" in the report
        let names: BTreeSet<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        let mut again = Vec::new();
        for name in names.into_iter().filter(|n| n.chars().any(char::is_lowercase)) {
            for (start, _) in text.match_indices(name) {
                let end = start + name.len();
                let bounded = !text[..start].chars().next_back().is_some_and(char::is_alphanumeric)
                    && !text[end..].chars().next().is_some_and(char::is_alphanumeric);
                if bounded && !spans.iter().any(|&(s, e)| start < e && s < end) {
                    again.push((start, end));
                }
            }
        }
        spans.extend(again);
        spans.sort_unstable();
        spans.dedup();
        spans
    }

    /// A mention of each team of the document's sports tables: an
    /// organization, and no actor (a team takes part in no diplomacy).
    pub(super) fn team_mentions(&self, text: &str, sentences: &[Sentence], doc: &mut DocEntities) {
        for (start, end) in doc.teams.clone() {
            let label = &text[start..end];
            let id = doc.entity(EntityKey::Organization(slug(label)), EntityKind::Organization, label);
            doc.add_surface(id, label);
            let sentence = sentences
                .iter()
                .position(|s| s.start <= start && start < s.end)
                .unwrap_or(0);
            doc.found.push(Found {
                start,
                end,
                entity: id,
                role: Role::Name,
                actor: false,
                possessive: false,
                sentence,
            });
        }
    }

    /// Whether a name in a sports table may be a club: not a state (a
    /// national team is its country), not a person (golf and cricket scores
    /// list players) and not a word such as "Sunday".
    fn may_be_team(&self, name: &str) -> bool {
        let first = name.split(' ').next().unwrap_or(name);
        if self.lexicon.non_names.contains(name)
            || self.lexicon.given_names.contains(first)
            || name.split(' ').any(|w| w.len() <= 2 && w.ends_with('.'))
        {
            return false;
        }
        let whole = |h: &Hit<'_>| h.start == 0 && h.end == name.len();
        let state_or_person = |t: &Target| {
            matches!(
                t,
                Target::StateName(_) | Target::StateAdjective(_) | Target::StateMetonym(_) | Target::Person(_)
            )
        };
        let mut hits = self.gazetteer.find(name, 0, name.len());
        hits.extend(self.caps.find(name, 0, name.len()));
        !hits.iter().any(|h| whole(h) && h.targets.iter().any(state_or_person))
    }
}

/// Whether the line around `at` is shouted: at least three words in
/// capitals, and at least half its words ("BANGKOK TAPIOCA - APRIL 7 Thai
/// pellets").
fn shouted(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let (mut words, mut caps) = (0, 0);
    for w in text[start..end]
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
    {
        words += 1;
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase) {
            caps += 1;
        }
    }
    caps >= 3 && caps * 2 >= words
}

/// Whether a word opens a line as the place of a dateline does: "NAIROBI,
/// Kenya", "ESCHEN 1996-08-31", "KABUL (Reuters)".
fn dateline(text: &str, start: usize, end: usize) -> bool {
    let line_start =
        text[..start].trim_end_matches(' ').is_empty() || text[..start].trim_end_matches(' ').ends_with('\n');
    let next = text[end..].trim_start_matches(' ').chars().next();
    line_start && next.is_some_and(|c| matches!(c, ',' | '(') || c.is_ascii_digit())
}

/// "the Council" after "the UN Security Council": "the" and a capitalized
/// head word of organizations' names.
fn definite_head_regex() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(r"\b[Tt]he (\p{Lu}\p{Ll}+)\b").expect("valid regex"))
}

/// False where [`definite_head_regex`] cannot match: no "the " or "The " is
/// followed by a byte that can begin an upper-case letter (A to Z, or a byte
/// of a character outside ASCII). Most sentences have "the" only before
/// lower-case words, and then the regex, which is run once per sentence, need
/// not be.
fn may_hold_definite_head(body: &str) -> bool {
    static HE: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    let bytes = body.as_bytes();
    let he = HE.get_or_init(|| memchr::memmem::Finder::new("he "));
    he.find_iter(bytes).any(|i| {
        i > 0
            && matches!(bytes[i - 1], b'T' | b't')
            && bytes
                .get(i + 3)
                .is_some_and(|&b| b.is_ascii_uppercase() || !b.is_ascii())
    })
}

impl EntityRules {
    /// "the Council", "the Club", "the Fund": an organization named before
    /// whose name ends with that head word, told again by the head alone.
    /// Only the nearest earlier such organization is meant, and only when no
    /// capitalized word follows ("the Council of Europe" is another name).
    pub(super) fn org_short_forms(&self, text: &str, sentences: &[Sentence], doc: &mut DocEntities) {
        let mut short: Vec<Found> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let body = &text[s.start..s.end];
            if !may_hold_definite_head(body) {
                continue;
            }
            // the head word is the match past its "the " (four ASCII bytes): a
            // plain search, where asking the engine for the group made it
            // run a slower one for every match
            for m in definite_head_regex().find_iter(body) {
                let head = &body[m.start() + "the ".len()..m.end()];
                let (start, end) = (s.start + m.start() + "the ".len(), s.start + m.end());
                let next_word = text[end..].trim_start_matches(' ');
                if !self.lexicon.org_heads.contains(head)
                    || next_word.starts_with(|c: char| c.is_uppercase())
                    || next_word.starts_with("of ")
                    || doc.found.iter().any(|f| start < f.end && f.start < end)
                {
                    continue;
                }
                let ends_with_head =
                    |name: &str| name.split_whitespace().count() >= 2 && name.split_whitespace().last() == Some(head);
                let named = doc
                    .found
                    .iter()
                    .filter(|f| f.end <= start && doc.entities[f.entity].kind == EntityKind::Organization)
                    .filter(|f| {
                        let e = &doc.entities[f.entity];
                        ends_with_head(&e.label) || e.alt_labels.iter().any(|l| ends_with_head(l))
                    })
                    .max_by_key(|f| f.end);
                let Some(named) = named else { continue };
                short.push(Found {
                    start,
                    end,
                    entity: named.entity,
                    role: Role::ShortName,
                    actor: true,
                    possessive: super::recognize::is_possessive(text, end),
                    sentence: si,
                });
            }
        }
        doc.found.extend(short);
    }
}

/// Whether `word` is two words run together by a lost space or line break
/// ("StateSource" in a scanned archive page); see [`glue_point`].
fn glued_words(word: &str) -> bool {
    glue_point(word).is_some()
}

/// Where the second of two words run together by a lost space begins
/// ("Eisenhower|Source", "Heath|See" in a scanned archive page): at a capital
/// after four or more lower-case letters ("MacArthur" and "McDonald" have
/// fewer). A byte offset into `word`.
pub(super) fn glue_point(word: &str) -> Option<usize> {
    let mut lower_run = 0;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && lower_run >= 4 {
            return Some(i);
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    None
}

/// " on Peacekeeping Operations", " of the Red Cross", " for the Protection of
/// Journalists": the capitalized tail of an organization's name.
pub(super) fn org_tail_regex() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"^(?: (?:on|of|for)(?: the)?(?: [A-Z][\p{L}-]+)+(?: and(?: [A-Z][\p{L}-]+)+)*)+")
            .expect("valid regex")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_words_are_told_from_names_with_an_inner_capital() {
        assert!(glued_words("StateSource"));
        assert!(glued_words("AgreementThe"));
        assert_eq!(glue_point("EisenhowerSource"), Some("Eisenhower".len()));
        for name in ["MacArthur", "McDonald", "State", "Co-operation", "LaGuardia", "UNESCO"] {
            assert!(!glued_words(name), "{name}");
        }
    }

    /// The quick check passes every sentence the regex matches in, and turns
    /// away sentences where "the" comes only before lower-case words.
    #[test]
    fn the_definite_head_check_passes_every_sentence_the_regex_matches() {
        let bodies = [
            "the Council met",
            "As the Élysée said",
            "then The Fund",
            "bathe Them",
            "the Ünion",
            "the 1990s and the UN",
            "the council and the fund met",
            "breathe deeply",
            "the",
        ];
        for body in bodies {
            if definite_head_regex().is_match(body) {
                assert!(may_hold_definite_head(body), "{body}");
            }
        }
        assert!(may_hold_definite_head("As the Élysée said"));
        assert!(!may_hold_definite_head("the council and the fund met"));
        assert!(!may_hold_definite_head("the 1990s"));
    }
}
