//! States and places: datelines, all-caps headlines, and the entities of
//! states (with their predecessors) and places (with the state they lie in).

use chrono::NaiveDate;

use crate::extract::dates::{self, Tense};
use crate::extract::gazetteer::Target;
use crate::extract::model::{EntityId, EntityKey, EntityKind};
use crate::extract::sentences::Sentence;

use super::slug;
use super::{Dateline, DocEntities, EntityRules, Found, Role};

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
            let (start, end) = (s.start, s.start + word.len());
            doc.add_surface(id, &titled);
            doc.found.push(Found {
                start,
                end,
                entity: id,
                role: Role::Name,
                actor: false,
                possessive: false,
                sentence: si,
            });
            if doc.dateline.is_none() {
                let date = dateline_date(text, end, s.end, doc.date);
                doc.dateline = Some(Dateline {
                    place: id,
                    start,
                    end,
                    date,
                });
            }
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
            // CONTRACT.md's places are cities, regions and venues: "Europe" and
            // "the Middle East" locate nothing a reader could put on a map
            if p.spans_states {
                return None;
            }
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
        // a place in a territory ("Kowloon") lies in the territory's sovereign
        let iso3 = match iso3 {
            Some(code) => match self.territory_by_iso3.get(&code) {
                Some(&ti) => self.lexicon.territories[ti].sovereign_on(doc.date).map(str::to_string),
                None => Some(code),
            },
            None => None,
        };
        if let Some(iso3) = iso3 {
            if let Some(si) = self.state_index(&iso3) {
                let state = self.state_entity(si, doc);
                doc.entities[id].located_in = Some(state);
            }
        }
        Some(id)
    }

    /// Whether `name` is a continent or an area across several states ("the
    /// Middle East"), which the gazetteer knows and no entity stands for.
    pub(super) fn names_area(&self, name: &str) -> bool {
        self.place_by_name
            .get(name)
            .is_some_and(|&pi| self.lexicon.places[pi].spans_states)
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
            .and_then(|p| self.state_index(p))
            .unwrap_or(si);
        let row = &self.lexicon.states[si];
        let id = doc.entity(EntityKey::State(row.iso3.clone()), EntityKind::State, &row.name);
        let e = &mut doc.entities[id];
        e.iso3 = Some(row.iso3.clone());
        e.wikidata = row.wikidata.clone();
        id
    }
}

/// How far after its place a dateline's date may end, in bytes: ", September
/// 30, 1987" is the longest usual form.
const DATELINE_DATE_REACH: usize = 32;

/// The day a dateline gives right after its place, resolved against the
/// document's date ("PARIS, March 22 -") or written whole ("LONDON
/// 1996-08-30"); none when something else comes first ("HAVANA, Cuba").
fn dateline_date(text: &str, place_end: usize, sentence_end: usize, doc_date: Option<NaiveDate>) -> Option<NaiveDate> {
    let mut reach = (place_end + DATELINE_DATE_REACH).min(sentence_end);
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let tail = &text[place_end..reach];
    let lead = tail.len() - tail.trim_start_matches(|c: char| c == ',' || c.is_whitespace()).len();
    let first_word = tail[lead..].split_whitespace().next().unwrap_or("");
    if let Ok(date) = NaiveDate::parse_from_str(first_word, "%Y-%m-%d") {
        return Some(date);
    }
    // the date ends before the dash that ends the dateline
    let stop = tail.find(['-', '\n']).map_or(reach, |i| place_end + i);
    let date = dates::find(text, place_end, stop, doc_date, Tense::Past)
        .into_iter()
        .next()?;
    (date.start == place_end + lead).then_some(date.date)
}

/// The two words that name the halves of a divided state ("North Korea",
/// "South Korea"), and the other half of each.
const HALVES: [(&str, &str); 2] = [("North", "South"), ("South", "North")];

impl EntityRules {
    /// "the North" and "the South" of a divided state's news: in a story
    /// that names North Korea or South Korea, "the North" is the one and "the
    /// South" the other. Only states both of whose halves the gazetteer
    /// holds count, so the "South" of a story on South Africa stays a
    /// region; a name that goes on ("the South China Sea") is no half.
    pub(super) fn divided_state_halves(&self, text: &str, sentences: &[Sentence], doc: &mut DocEntities) {
        if !(text.contains("he North") || text.contains("he South")) {
            return;
        }
        let states = &self.lexicon.states;
        for (half, other) in HALVES {
            let named = |i: usize| doc.index.contains_key(&EntityKey::State(states[i].iso3.clone()));
            // the states named "<half> X" whose "<other> X" is a state too, one of them in the story
            let divided: Vec<usize> = states
                .iter()
                .enumerate()
                .filter_map(|(i, row)| {
                    let rest = row.name.strip_prefix(half)?.strip_prefix(' ')?;
                    // "<other> <rest>", compared without making that string for every state
                    let twin = states
                        .iter()
                        .position(|r| r.name.strip_prefix(other).and_then(|n| n.strip_prefix(' ')) == Some(rest))?;
                    (named(i) || named(twin)).then_some(i)
                })
                .collect();
            let [state] = divided[..] else {
                continue;
            };
            for article in ["the", "The"] {
                let phrase = format!("{article} {half}");
                let starts: Vec<usize> = text.match_indices(&phrase).map(|(at, _)| at).collect();
                for start in starts {
                    let end = start + phrase.len();
                    let word_before = text[..start].chars().next_back().is_some_and(char::is_alphanumeric);
                    let word_goes_on = text[end..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphanumeric() || c == '-');
                    let possessive = super::recognize::is_possessive(text, end);
                    let name_goes_on = !possessive && text[end..].trim_start().starts_with(char::is_uppercase);
                    if word_before || word_goes_on || name_goes_on {
                        continue;
                    }
                    let Some(sentence) = sentences.iter().position(|s| s.start <= start && start < s.end) else {
                        continue;
                    };
                    let entity = self.state_entity(state, doc);
                    doc.found.push(Found {
                        start,
                        end,
                        entity,
                        role: Role::Metonym,
                        actor: !possessive || self.actor_follows(text, end),
                        possessive,
                        sentence,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    use crate::extract::lexicon::Lexicon;
    use crate::extract::sentences;

    fn rules() -> EntityRules {
        EntityRules::compile(Lexicon::load().expect("embedded lexicon loads")).expect("rules compile")
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// The ISO codes of the states recognized in `text` on `date`.
    fn states(rules: &EntityRules, text: &str, date: Option<NaiveDate>) -> Vec<String> {
        let doc = rules.recognize("d", text, &sentences::split(text), date);
        doc.entities
            .iter()
            .filter(|e| e.kind == EntityKind::State)
            .filter_map(|e| e.iso3.clone())
            .collect()
    }

    /// The place the dateline reader finds at the start of `text` (read
    /// on its own, into a document with nothing else): its label and the
    /// end of its span.
    fn dateline_place(rules: &EntityRules, text: &str) -> Option<(String, usize)> {
        let mut doc = rules.recognize("d", "", &[], None);
        let first = sentences::split(text)[0];
        rules.dateline(text, &first, 0, &mut doc);
        let found = doc.found.first()?;
        assert_eq!(doc.entities[found.entity].kind, EntityKind::Place);
        assert_eq!(found.start, 0);
        // the document keeps it as its dateline, for the rules that read one
        let dateline = doc.dateline.expect("the dateline is recorded");
        assert_eq!(
            (dateline.place, dateline.start, dateline.end),
            (found.entity, 0, found.end)
        );
        Some((doc.entities[found.entity].label.clone(), found.end))
    }

    #[test]
    fn a_state_before_its_founding_date_is_its_predecessor() {
        let rules = rules();
        let text = "Moscow rejected the proposal.";
        // predecessors.tsv: RUS until 1991-12-26 was SUN; the day itself is Russia's
        assert_eq!(states(&rules, text, Some(date("1987-03-02"))), ["SUN"]);
        assert_eq!(states(&rules, text, Some(date("1991-12-25"))), ["SUN"]);
        assert_eq!(states(&rules, text, Some(date("1991-12-26"))), ["RUS"]);
        // no document date: the state as it is now, never a guess at the past
        assert_eq!(states(&rules, text, None), ["RUS"]);
        // another row of the file: Belgrade before 1992-04-27 is Yugoslavia's
        let text = "Belgrade rejected the proposal.";
        assert_eq!(states(&rules, text, Some(date("1991-06-25"))), ["YUG"]);
        assert_eq!(states(&rules, text, Some(date("1999-03-24"))), ["SRB"]);
    }

    /// The label of each place recognized in `text` on `date`, with the
    /// ISO code of the state it lies in.
    fn places(rules: &EntityRules, text: &str, date: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
        let doc = rules.recognize("d", text, &sentences::split(text), date);
        doc.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Place)
            .map(|e| (e.label.clone(), e.located_in.and_then(|s| doc.entities[s].iso3.clone())))
            .collect()
    }

    #[test]
    fn a_territory_is_a_place_in_the_state_that_held_it_then() {
        let rules = rules();
        let text = "Jack Straw arrived in Hong Kong on Monday.";
        let hong_kong = |iso3: &str| vec![("Hong Kong".to_string(), Some(iso3.to_string()))];
        // territories.tsv: China's since 1997-07-01, Britain's before
        assert_eq!(places(&rules, text, Some(date("1987-03-02"))), hong_kong("GBR"));
        assert_eq!(places(&rules, text, Some(date("2005-03-02"))), hong_kong("CHN"));
        assert_eq!(places(&rules, text, None), hong_kong("CHN"));
        assert!(!states(&rules, text, None).contains(&"HKG".to_string()));
        // a place that places.tsv puts in the territory lies in its sovereign
        let kowloon = places(&rules, "Police in Kowloon said so.", None);
        assert_eq!(kowloon, [("Kowloon".to_string(), Some("CHN".to_string()))]);
        // disputed: a place, in no state
        assert_eq!(
            places(&rules, "Talks on Gibraltar went on.", None),
            [("Gibraltar".to_string(), None)]
        );
    }

    #[test]
    fn a_continent_or_an_area_across_states_is_no_place() {
        let rules = rules();
        // places.tsv kinds `continent` and `area`: known names, no entity
        let text = "Talks in Europe, Africa and the Middle East went on in Nairobi.";
        assert_eq!(
            places(&rules, text, None),
            [("Nairobi".to_string(), Some("KEN".to_string()))]
        );
        assert!(rules.names_area("Middle East") && rules.names_area("Europe"));
        // a region inside a state, or a disputed one, is still a place
        assert!(!rules.names_area("Crimea") && !rules.names_area("Kashmir"));
        assert_eq!(
            places(&rules, "Fighting in Kashmir went on.", None),
            [("Kashmir".to_string(), None)]
        );
    }

    #[test]
    fn a_dateline_names_the_place_of_writing_in_its_usual_forms() {
        let rules = rules();
        let forms = [
            ("PARIS, March 22 - Talks went on.", "PARIS"),
            ("WASHINGTON (Reuters) - Talks went on.", "WASHINGTON"),
            ("MOSCOW: Talks went on.", "MOSCOW"),
            ("LONDON 1996-08-30 Talks went on.", "LONDON"),
            ("NEW YORK, March 22 - Talks went on.", "NEW YORK"),
        ];
        for (text, word) in forms {
            let (label, end) = dateline_place(&rules, text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!(&text[..end], word, "{text:?}");
            assert!(label.eq_ignore_ascii_case(word), "{text:?}: {label}");
        }
    }

    #[test]
    fn a_document_records_its_first_dateline_with_the_day_it_gives() {
        let rules = rules();
        let dateline = |text: &str, date: Option<NaiveDate>| {
            let doc = rules.recognize("d", text, &sentences::split(text), date);
            doc.dateline.map(|d| {
                (
                    doc.entities[d.place].label.clone(),
                    text[d.start..d.end].to_string(),
                    d.date,
                )
            })
        };
        let filed = Some(date("1987-03-23"));
        let text = "PEACE TALKS OPEN\nPARIS, March 22 - Kenya and Chile met.";
        assert_eq!(
            dateline(text, filed),
            Some(("Paris".into(), "PARIS".into(), Some(date("1987-03-22"))))
        );
        // a day without a year needs the document's date
        assert_eq!(dateline(text, None), Some(("Paris".into(), "PARIS".into(), None)));
        let text = "LONDON 1996-08-30\nKenya and Chile met.";
        assert_eq!(
            dateline(text, None),
            Some(("London".into(), "LONDON".into(), Some(date("1996-08-30"))))
        );
        // a region before the day: no day read past it
        let text = "NAIROBI, Kenya, March 22 - Talks went on.";
        assert_eq!(dateline(text, filed), Some(("Nairobi".into(), "NAIROBI".into(), None)));
        assert_eq!(dateline("Kenya and Chile met in Paris.", filed), None);
    }

    #[test]
    fn capitals_without_a_dateline_mark_are_no_dateline() {
        let rules = rules();
        // no comma, bracket, colon, dash or date after the capitals
        assert_eq!(dateline_place(&rules, "PARIS IS CALM TODAY\nTalks went on."), None);
        assert_eq!(dateline_place(&rules, "PARIS 1996 was calm."), None);
        // a word in title case is a sentence's subject, not a dateline
        assert_eq!(dateline_place(&rules, "Paris, the capital, was calm."), None);
        // fewer than three letters
        assert_eq!(dateline_place(&rules, "UK, March 22 - Talks went on."), None);
    }
}
