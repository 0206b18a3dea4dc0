//! Every event rule family against its examples in `ontology/rules/examples.tsv`:
//! the sentences it must read an event from (with the agents, topic and status
//! it must read) and the sentences it must leave alone (negations,
//! hypotheticals, other senses of the trigger word).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use parley::{rule_examples, AgentRole, Document, Event, EventClass, Extraction, Extractor, RuleExample, ROLES};

/// The examples, read by the library's reader of data files: the header,
/// the number of fields, the family and the date are checked there, and a
/// bad row is an error naming `ontology/rules/examples.tsv` and its line.
fn examples() -> Vec<RuleExample> {
    rule_examples().unwrap_or_else(|e| panic!("{e}"))
}

fn extract(sentence: &str, date: Option<NaiveDate>) -> Extraction {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    let extractor = EXTRACTOR.get_or_init(|| Extractor::new().expect("embedded rules compile"));
    let doc = Document {
        id: "example".into(),
        text: sentence.into(),
        date,
        title: None,
        url: None,
    };
    extractor.extract(&doc)
}

/// States by ISO code, everything else by label.
fn names(ex: &Extraction, ids: impl Iterator<Item = usize>) -> BTreeSet<String> {
    ids.map(|i| {
        ex.entities[i]
            .iso3
            .clone()
            .unwrap_or_else(|| ex.entities[i].label.clone())
    })
    .collect()
}

/// Why `event` does not fit `expect`, or None when it does.
fn misfit(ex: &Extraction, event: &Event, expect: &str) -> Option<String> {
    for pair in expect.split(' ').filter(|p| !p.is_empty()) {
        let (key, value) = pair
            .split_once('=')
            .unwrap_or_else(|| panic!("`{pair}` is not key=value"));
        let found = if let Some(role) = ROLES.iter().find(|r| r.shown == key || r.property == key) {
            let want: BTreeSet<String> = value
                .split(',')
                .filter(|v| !v.is_empty())
                .map(|v| v.replace('_', " "))
                .collect();
            let got = names(ex, event.agents_in(role.role));
            (got != want).then(|| format!("{key}: {got:?}"))
        } else {
            let got = match key {
                "status" => event.status.map(|s| s.name().to_string()),
                "topic" => event.topic.map(|t| t.name().to_string()),
                "location" => event.location.map(|l| ex.entities[l].label.clone()),
                // what a statement says, word for word (`_` for a space)
                "quote" => Some(event.text.replace(' ', "_")),
                other => panic!("unknown key {other}"),
            };
            (got.as_deref() != Some(value)).then(|| format!("{key}: {got:?}"))
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

#[test]
fn every_family_has_three_examples_of_each_polarity() {
    let examples = examples();
    // every kind of event is a family: a new kind needs its examples
    for class in EventClass::all() {
        let family = class.name().to_lowercase();
        let of_class: Vec<&RuleExample> = examples.iter().filter(|e| e.class == class).collect();
        let negative = of_class.iter().filter(|e| e.expect == "none").count();
        assert!(negative >= 3, "{family}: {negative} negative examples");
        assert!(
            of_class.len() - negative >= 3,
            "{family}: {} positive examples",
            of_class.len() - negative
        );
    }
}

#[test]
fn every_example_gives_what_it_says() {
    let mut failures = Vec::new();
    for example in examples() {
        let ex = extract(&example.sentence, example.date);
        let events: Vec<&Event> = ex.events.iter().filter(|e| e.class == example.class).collect();
        let verdict = if example.expect == "none" {
            (!events.is_empty()).then(|| format!("expected no {:?}, got {}", example.class, events.len()))
        } else if events.is_empty() {
            Some(format!("no {:?}", example.class))
        } else {
            let misfits: Vec<String> = events.iter().filter_map(|e| misfit(&ex, e, &example.expect)).collect();
            (misfits.len() == events.len()).then(|| misfits.join("; "))
        };
        if let Some(why) = verdict {
            failures.push(format!("line {}: {:?}: {why}", example.line, example.sentence));
        }
    }
    assert!(
        failures.is_empty(),
        "{} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_threat_reads_who_threatens_whom() {
    // guards the one kind added through the kinds table alone
    let ex = extract("Kenya threatened to impose sanctions on Norway.", None);
    let threat = ex
        .events
        .iter()
        .find(|e| e.class == EventClass::Threat)
        .expect("a threat");
    assert_eq!(
        names(&ex, threat.agents_in(AgentRole::Threatener)),
        BTreeSet::from(["KEN".to_string()])
    );
    assert_eq!(
        names(&ex, threat.agents_in(AgentRole::Threatened)),
        BTreeSet::from(["NOR".to_string()])
    );
}
