//! Readers of the gazetteer files (`ontology/gazetteer/`): states, their
//! territories and predecessors, places, organizations and people. Each row
//! is checked against the states and organizations other rows refer to, so
//! that a misspelt code fails the load with its file and line.

use chrono::NaiveDate;
use rustc_hash::FxHashSet as HashSet;

use super::{list, optional, Known, ORGS, STATES};
use crate::error::ParleyError;
use crate::extract::datafile::{DataFile, Row};

/// One state of `states.tsv`.
#[derive(Debug, Clone)]
pub struct StateRow {
    pub iso3: String,
    pub wikidata: Option<String>,
    pub name: String,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub capitals: Vec<String>,
    pub metonyms: Vec<String>,
}

/// One place of `places.tsv`.
#[derive(Debug, Clone)]
pub struct PlaceRow {
    pub name: String,
    pub aliases: Vec<String>,
    pub iso3: Option<String>,
    /// A continent or an area across several states ("the Middle East"):
    /// known, so that its name is read as no one's, but named by no entity.
    pub spans_states: bool,
}

/// One row of `territories.tsv`: a row of `states.tsv` that is no
/// sovereign state, named in stories as a place.
#[derive(Debug, Clone)]
pub struct TerritoryRow {
    pub iso3: String,
    /// The state that holds it; `None` where sovereignty is disputed.
    pub sovereign: Option<String>,
    /// The day `sovereign` took it over, and the state that held it before.
    pub handover: Option<(NaiveDate, String)>,
}

impl TerritoryRow {
    /// The state the territory lies in on `date`: its sovereign, or the one
    /// before the handover in a story dated before it. Undated stories are
    /// read as current.
    pub fn sovereign_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        match (&self.handover, date) {
            (Some((since, previous)), Some(date)) if date < *since => Some(previous),
            _ => self.sovereign.as_deref(),
        }
    }
}

/// One organization of `organizations.tsv`.
#[derive(Debug, Clone)]
pub struct OrgRow {
    pub key: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// `intergovernmental`, `agency`, `company`, `media`, ... (the file's `kind` column).
    pub kind: String,
    pub iso3: Option<String>,
}

/// One person of `people.tsv`: public figures known by name.
#[derive(Debug, Clone)]
pub struct PersonRow {
    pub name: String,
    pub aliases: Vec<String>,
    /// ISO alpha-3 of a state, or an organization key.
    pub represents: Option<String>,
    pub role: Option<String>,
}

fn is_iso3(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_wikidata(id: &str) -> bool {
    id.len() > 1 && id.starts_with('Q') && id[1..].bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn states(file: &DataFile) -> Result<Vec<StateRow>, ParleyError> {
    let header = [
        "iso3",
        "iso2",
        "wikidata",
        "name",
        "names",
        "adjectives",
        "capitals",
        "metonyms",
    ];
    let mut states = Vec::new();
    for f in file.rows(&header)? {
        if !is_iso3(f.get(0)) {
            return Err(f.error(format!("bad ISO 3166-1 alpha-3 code `{}`", f.get(0))));
        }
        if !f.get(2).is_empty() && !is_wikidata(f.get(2)) {
            return Err(f.error(format!("bad Wikidata id `{}`", f.get(2))));
        }
        states.push(StateRow {
            iso3: f.get(0).to_string(),
            wikidata: optional(f.get(2)),
            name: f.get(3).to_string(),
            names: list(f.get(4)),
            adjectives: list(f.get(5)),
            capitals: list(f.get(6)),
            metonyms: list(f.get(7)),
        });
    }
    Ok(states)
}

/// The rows of `territories.tsv`, each checked against the rows of
/// `states.tsv`: a territory is one of them, its sovereign and previous
/// holder are others that are not territories.
pub(super) fn territories(file: &DataFile, states: &[StateRow]) -> Result<Vec<TerritoryRow>, ParleyError> {
    let rows = file.rows(&["iso3", "sovereign", "since", "previous"])?;
    let listed: HashSet<&str> = rows.iter().map(|f| f.get(0)).collect();
    let sovereign = |f: &Row, code: &str| -> Result<(), ParleyError> {
        if listed.contains(code) || !states.iter().any(|s| s.iso3 == code) {
            return Err(f.error(format!("`{code}` is not a sovereign state of {}", STATES.path)));
        }
        Ok(())
    };
    let mut territories = Vec::new();
    for f in &rows {
        if !states.iter().any(|s| s.iso3 == f.get(0)) {
            return Err(f.error(format!("unknown territory `{}` (not in {})", f.get(0), STATES.path)));
        }
        for code in [f.get(1), f.get(3)] {
            if !code.is_empty() {
                sovereign(f, code)?;
            }
        }
        let handover = match (f.get(2), f.get(3)) {
            ("", "") => None,
            (since, previous) if !previous.is_empty() && !f.get(1).is_empty() => {
                let since = NaiveDate::parse_from_str(since, "%Y-%m-%d")
                    .map_err(|_| f.error(format!("bad date `{since}` (expected YYYY-MM-DD)")))?;
                Some((since, previous.to_string()))
            }
            _ => return Err(f.error("a handover needs a sovereign, a date and a previous holder")),
        };
        territories.push(TerritoryRow {
            iso3: f.get(0).to_string(),
            sovereign: optional(f.get(1)),
            handover,
        });
    }
    Ok(territories)
}

/// A territory's names as one place, and each of its capitals as another,
/// both lying in the territory (which `EntityRules` maps to its sovereign).
pub(super) fn territory_places(held: &[StateRow]) -> Vec<PlaceRow> {
    let mut places = Vec::new();
    for row in held {
        places.push(PlaceRow {
            name: row.name.clone(),
            aliases: row.names.clone(),
            iso3: Some(row.iso3.clone()),
            spans_states: false,
        });
        for capital in &row.capitals {
            places.push(PlaceRow {
                name: capital.clone(),
                aliases: Vec::new(),
                iso3: Some(row.iso3.clone()),
                spans_states: false,
            });
        }
    }
    places
}

pub(super) fn places(file: &DataFile, known: &Known) -> Result<Vec<PlaceRow>, ParleyError> {
    let mut places = Vec::new();
    for f in file.rows(&["name", "aliases", "iso3", "kind", "population", "geonameid"])? {
        if !f.get(2).is_empty() {
            known.state(&f, f.get(2))?;
        }
        places.push(PlaceRow {
            name: f.get(0).to_string(),
            aliases: list(f.get(1)),
            iso3: optional(f.get(2)),
            spans_states: matches!(f.get(3), "continent" | "area"),
        });
    }
    Ok(places)
}

pub(super) fn orgs(file: &DataFile, known: &Known) -> Result<Vec<OrgRow>, ParleyError> {
    let mut orgs = Vec::new();
    for f in file.rows(&["key", "name", "aliases", "kind", "state", "wikidata"])? {
        if f.get(0).is_empty() || f.get(1).is_empty() {
            return Err(f.error("an organization needs a key and a name"));
        }
        if !f.get(4).is_empty() {
            known.state(&f, f.get(4))?;
        }
        orgs.push(OrgRow {
            key: f.get(0).to_string(),
            name: f.get(1).to_string(),
            aliases: list(f.get(2)),
            kind: f.get(3).to_string(),
            iso3: optional(f.get(4)),
        });
    }
    Ok(orgs)
}

pub(super) fn people(file: &DataFile, known: &Known) -> Result<Vec<PersonRow>, ParleyError> {
    let mut people = Vec::new();
    for f in file.rows(&["name", "aliases", "represents", "role", "wikidata"])? {
        let represents = f.get(2);
        if !represents.is_empty() && !known.states.contains(represents) && !known.orgs.contains(represents) {
            return Err(f.error(format!(
                "unknown state or organization `{represents}` (not in {} nor {})",
                STATES.path, ORGS.path
            )));
        }
        people.push(PersonRow {
            name: f.get(0).to_string(),
            aliases: list(f.get(1)),
            represents: optional(represents),
            role: optional(f.get(3)),
        });
    }
    Ok(people)
}

pub(super) fn predecessors(file: &DataFile, known: &Known) -> Result<Vec<(String, NaiveDate, String)>, ParleyError> {
    let mut predecessors = Vec::new();
    for f in file.rows(&["iso3", "until", "predecessor"])? {
        known.state(&f, f.get(0))?;
        known.state(&f, f.get(2))?;
        let until = NaiveDate::parse_from_str(f.get(1), "%Y-%m-%d")
            .map_err(|_| f.error(format!("bad date `{}` (expected YYYY-MM-DD)", f.get(1))))?;
        predecessors.push((f.get(0).to_string(), until, f.get(2).to_string()));
    }
    Ok(predecessors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::tests::{file, known};
    use crate::extract::lexicon::Lexicon;

    fn state_row(iso3: &str) -> StateRow {
        StateRow {
            iso3: iso3.to_string(),
            wikidata: None,
            name: iso3.to_string(),
            names: Vec::new(),
            adjectives: Vec::new(),
            capitals: Vec::new(),
            metonyms: Vec::new(),
        }
    }

    #[test]
    fn a_bad_territory_row_names_file_and_line() {
        let states: Vec<StateRow> = ["CHN", "GBR", "HKG", "GIB"].into_iter().map(state_row).collect();
        let header = "iso3\tsovereign\tsince\tprevious\n";
        let cases = [
            (
                "HKG\tCHN\t1 July 1997\tGBR\n",
                "t.tsv:2: bad date `1 July 1997` (expected YYYY-MM-DD)",
            ),
            (
                "XXX\tCHN\t\t\n",
                "t.tsv:2: unknown territory `XXX` (not in ontology/gazetteer/states.tsv)",
            ),
            // a territory held by a territory, or by nothing the gazetteer knows
            (
                "HKG\tCHN\t\t\nGIB\tHKG\t\t\n",
                "t.tsv:3: `HKG` is not a sovereign state of ontology/gazetteer/states.tsv",
            ),
            (
                "HKG\tZZZ\t\t\n",
                "t.tsv:2: `ZZZ` is not a sovereign state of ontology/gazetteer/states.tsv",
            ),
            // a date without the holder before it
            (
                "HKG\tCHN\t1997-07-01\t\n",
                "t.tsv:2: a handover needs a sovereign, a date and a previous holder",
            ),
        ];
        for (rows, expected) in cases {
            let text: &'static str = Box::leak(format!("{header}{rows}").into_boxed_str());
            let error = territories(&file("t.tsv", text), &states).unwrap_err();
            assert_eq!(error.to_string(), expected, "{rows:?}");
        }
        let good = "iso3\tsovereign\tsince\tprevious\nHKG\tCHN\t1997-07-01\tGBR\nGIB\t\t\t\n";
        let rows = territories(&file("t.tsv", good), &states).unwrap();
        let date = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
        assert_eq!(rows[0].sovereign_on(date("1987-03-02")), Some("GBR"));
        assert_eq!(rows[0].sovereign_on(date("1997-07-01")), Some("CHN"));
        assert_eq!(rows[0].sovereign_on(None), Some("CHN"));
        assert_eq!(rows[1].sovereign_on(None), None);
    }

    #[test]
    fn a_territory_is_no_state_and_no_other_file_may_name_it_one() {
        let lexicon = Lexicon::load().unwrap();
        assert!(lexicon.territories.iter().any(|t| t.iso3 == "HKG"));
        assert!(!lexicon.states.iter().any(|s| s.iso3 == "HKG"));
        assert!(lexicon
            .places
            .iter()
            .any(|p| p.name == "Hong Kong" && p.iso3.as_deref() == Some("HKG")));
        let known = Known {
            states: lexicon.states.iter().map(|s| s.iso3.as_str()).collect(),
            orgs: HashSet::default(),
        };
        let error = predecessors(
            &file("p.tsv", "iso3\tuntil\tpredecessor\nHKG\t1997-07-01\tGBR\n"),
            &known,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "p.tsv:2: unknown state `HKG` (not in ontology/gazetteer/states.tsv)"
        );
    }

    #[test]
    fn a_bad_predecessor_row_names_file_and_line() {
        let text = "iso3\tuntil\tpredecessor\nRUS\t1991-12-26\tSUN\nUKR\t26 Dec 1991\tSUN\nXXX\t1991-12-26\tSUN\n";
        let error = predecessors(&file("p.tsv", text), &known()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "p.tsv:3: bad date `26 Dec 1991` (expected YYYY-MM-DD)"
        );
        let text = "iso3\tuntil\tpredecessor\nXXX\t1991-12-26\tSUN\n";
        let error = predecessors(&file("p.tsv", text), &known()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "p.tsv:2: unknown state `XXX` (not in ontology/gazetteer/states.tsv)"
        );
        let error = predecessors(&file("p.tsv", "RUS\t1991-12-26\tSUN\n"), &known()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "p.tsv:1: expected the header line `iso3\tuntil\tpredecessor`"
        );
    }

    #[test]
    fn an_organization_in_an_unknown_state_is_an_error_not_dropped() {
        let text = "key\tname\taliases\tkind\tstate\twikidata\nacme\tAcme\t\tcompany\tXYZ\t\n";
        let error = orgs(&file("o.tsv", text), &known()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "o.tsv:2: unknown state `XYZ` (not in ontology/gazetteer/states.tsv)"
        );
    }
}
