//! `parley explain`: why a node is in the graph.
//!
//! For an event: its properties, then its evidence (document, offsets, the id
//! of the rule that fired, the sentence). For an entity: its description, the
//! documents that mention it and the events it takes part in. Everything is
//! read with SPARQL over the union of the document graphs, hence `DISTINCT`.
//!
//! The explanation is made whole in memory (it is a screenful) and written by
//! the caller, so that a failed query never leaves half an explanation.

use std::collections::BTreeMap;
use std::io::Write;

use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;

use crate::error::ParleyError;
use crate::kinds::{EventClass, ROLES};
use crate::present::compact_term as compact;
use crate::rdf::vocab::{self, LocalName};
use crate::rdf::ParleyStore;

/// The properties linking an event to an entity, with the name printed for
/// each, in the order they are printed: every agent role of
/// [`ROLES`], then the location.
fn agent_properties() -> Vec<(&'static str, &'static str)> {
    ROLES
        .iter()
        .map(|r| (r.property, r.shown))
        .chain([("location", "location")])
        .collect()
}

/// Literal or vocabulary-valued event properties, printed after the agents.
const VALUE_PROPERTIES: &[(&str, &str)] = &[
    ("status", "status"),
    ("topic", "topic"),
    ("date", "date"),
    ("text", "text"),
    ("quote", "quote"),
];

/// Printed under "Evidence", not among the properties.
const EVIDENCE_PROPERTIES: &[&str] = &["evidence", "startOffset", "endOffset", "rule"];

/// Turns `IRI`, `<IRI>` or `prefix:local` (with the output prefixes, local
/// parts taken as they are, `/` included, see [`vocab::expand`]) into an IRI.
pub fn resolve(name: &str) -> Result<String, ParleyError> {
    let name = name.trim();
    if let Some(inner) = name.strip_prefix('<').and_then(|n| n.strip_suffix('>')) {
        return Ok(inner.to_owned());
    }
    if name.contains("://") {
        return Ok(name.to_owned());
    }
    if let Some((prefix, _)) = name.split_once(':') {
        return vocab::expand(name).ok_or_else(|| ParleyError::UnknownPrefix {
            prefix: prefix.to_owned(),
            name: name.to_owned(),
        });
    }
    Err(ParleyError::NotANodeName { name: name.to_owned() })
}

/// The solutions of a SELECT (written with the prefixes of
/// [`vocab::PREFIXES`]), each a map from variable to term.
fn select(store: &ParleyStore, sparql: &str) -> Result<Vec<BTreeMap<String, Term>>, ParleyError> {
    // every query here is a SELECT
    let QueryResults::Solutions(solutions) = store.query(&format!("{}{sparql}", vocab::sparql_prefixes()))? else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(|e| ParleyError::SparqlEvaluation(Box::new(e)))?;
        rows.push(
            solution
                .iter()
                .map(|(variable, term)| (variable.as_str().to_owned(), term.clone()))
                .collect(),
        );
    }
    Ok(rows)
}

fn value(row: &BTreeMap<String, Term>, var: &str) -> Option<String> {
    row.get(var).map(text)
}

/// A term as printed: literals as their value, parley: terms by local name,
/// other IRIs compacted.
fn text(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => match node.as_str().strip_prefix(vocab::PARLEY_NS) {
            Some(local) => local.to_owned(),
            None => compact(term),
        },
        other => compact(other),
    }
}

/// An IRI for reading and for pasting back into `explain`: compacted as in
/// query tables, else with an output prefix even when the rest holds a `/`
/// (`event:doc/meeting-1`).
fn short(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => vocab::compact(node.as_str(), LocalName::Path).unwrap_or_else(|| compact(term)),
        other => compact(other),
    }
}

fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// `Label (state:KEN)`, or the compact IRI alone when there is no label.
fn labelled(term: &Term, label: Option<&String>) -> String {
    match label {
        Some(label) => format!("{label} ({})", compact(term)),
        None => compact(term),
    }
}

/// The distinct (property, object, object label) of `iri`, properties by
/// IRI; one label per object (the smallest, should documents disagree).
fn outgoing(store: &ParleyStore, iri: &str) -> Result<Vec<(String, Term, Option<String>)>, ParleyError> {
    let rows = select(
        store,
        &format!(
            "SELECT ?p ?o (MIN(?l) AS ?label) WHERE {{ <{iri}> ?p ?o OPTIONAL {{ ?o rdfs:label ?l }} }}
             GROUP BY ?p ?o ORDER BY ?p ?label STR(?o)"
        ),
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let Some(Term::NamedNode(p)) = row.get("p") else {
                return None;
            };
            let o = row.get("o")?.clone();
            Some((p.as_str().to_owned(), o, value(&row, "label")))
        })
        .collect())
}

/// The explanation of the node `name` names (an IRI, `<IRI>` or a prefixed
/// name such as `state:RUS`): its first line is the node, then what the
/// store says about it, as `parley explain` prints it.
pub fn explain(store: &ParleyStore, name: &str) -> Result<String, ParleyError> {
    let iri = resolve(name)?;
    NamedNode::new(iri.as_str()).map_err(|error| ParleyError::InvalidIri {
        name: name.to_owned(),
        source: Box::new(error),
    })?;
    let properties = outgoing(store, &iri)?;
    let node = Term::NamedNode(NamedNode::new_unchecked(iri.clone()));
    if properties.is_empty() {
        return Err(ParleyError::NotInStore {
            name: name.trim().to_owned(),
            shown: compact(&node),
        });
    }
    let types: Vec<&str> = properties
        .iter()
        .filter(|(p, _, _)| p == vocab::rdf::TYPE.as_str())
        .filter_map(|(_, o, _)| match o {
            Term::NamedNode(class) => Some(local_name(class.as_str())),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    writeln!(out, "{}", short(&node))?;
    if types
        .iter()
        .any(|t| *t == "Event" || EventClass::from_name(t).is_some())
    {
        explain_event(store, &properties, &types, &mut out)?;
    } else {
        explain_entity(store, &iri, &properties, &types, &mut out)?;
    }
    // every piece is a `String` or a number
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn parley_values<'a>(
    properties: &'a [(String, Term, Option<String>)],
    local: &str,
) -> Vec<&'a (String, Term, Option<String>)> {
    let iri = format!("{}{local}", vocab::PARLEY_NS);
    properties.iter().filter(|(p, _, _)| *p == iri).collect()
}

fn values_of<'a>(
    properties: &'a [(String, Term, Option<String>)],
    iri: &str,
) -> Vec<&'a (String, Term, Option<String>)> {
    properties.iter().filter(|(p, _, _)| p == iri).collect()
}

fn explain_event(
    store: &ParleyStore,
    properties: &[(String, Term, Option<String>)],
    types: &[&str],
    out: &mut Vec<u8>,
) -> Result<(), ParleyError> {
    writeln!(out, "type: {}", types.join(", "))?;
    for (_, label, _) in values_of(properties, vocab::rdfs::LABEL.as_str()) {
        writeln!(out, "label: {}", text(label))?;
    }
    for (local, shown) in agent_properties() {
        for (_, object, label) in parley_values(properties, local) {
            writeln!(out, "{shown}: {}", labelled(object, label.as_ref()))?;
        }
    }
    for (local, shown) in VALUE_PROPERTIES {
        for (_, object, _) in parley_values(properties, local) {
            writeln!(out, "{shown}: {}", text(object))?;
        }
    }
    // Any other Parley property (e.g. codes from other event schemes).
    let agents = agent_properties();
    let known: Vec<&str> = agents
        .iter()
        .chain(VALUE_PROPERTIES)
        .map(|(local, _)| *local)
        .chain(EVIDENCE_PROPERTIES.iter().copied())
        .collect();
    for (p, object, _) in properties {
        if let Some(local) = p.strip_prefix(vocab::PARLEY_NS) {
            if !known.contains(&local) {
                writeln!(out, "{local}: {}", text(object))?;
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "Evidence")?;
    for (_, doc, _) in values_of(properties, vocab::prov::WAS_DERIVED_FROM.as_str()) {
        writeln!(out, "document: {}", document(store, doc)?)?;
    }
    let first = |local: &str| parley_values(properties, local).first().map(|(_, o, _)| text(o));
    if let (Some(start), Some(end)) = (first("startOffset"), first("endOffset")) {
        writeln!(out, "offsets: {start}-{end}")?;
    }
    for (_, rule, _) in parley_values(properties, "rule") {
        writeln!(out, "rule: {}", text(rule))?;
    }
    for (_, sentence, _) in parley_values(properties, "evidence") {
        writeln!(out, "sentence: {}", text(sentence))?;
    }
    Ok(())
}

/// `id "title"` of a document node, or its IRI when it has no identifier.
fn document(store: &ParleyStore, doc: &Term) -> Result<String, ParleyError> {
    let Term::NamedNode(node) = doc else {
        return Ok(compact(doc));
    };
    let rows = select(
        store,
        &format!(
            "SELECT DISTINCT ?id ?title WHERE {{ <{0}> dcterms:identifier ?id OPTIONAL {{ <{0}> dcterms:title ?title }} }}
             ORDER BY ?id ?title LIMIT 1",
            node.as_str()
        ),
    )?;
    Ok(match rows.first() {
        Some(row) => {
            let id = value(row, "id").unwrap_or_default();
            match value(row, "title") {
                Some(title) => format!("{id} \"{title}\""),
                None => id,
            }
        }
        None => compact(doc),
    })
}

fn explain_entity(
    store: &ParleyStore,
    iri: &str,
    properties: &[(String, Term, Option<String>)],
    types: &[&str],
    out: &mut Vec<u8>,
) -> Result<(), ParleyError> {
    writeln!(out, "type: {}", types.join(", "))?;
    let line = |out: &mut dyn Write, name: &str, values: Vec<String>| -> std::io::Result<()> {
        if !values.is_empty() {
            writeln!(out, "{name}: {}", values.join(", "))?;
        }
        Ok(())
    };
    let plain = |iri: &str| {
        values_of(properties, iri)
            .iter()
            .map(|(_, o, _)| text(o))
            .collect::<Vec<_>>()
    };
    let linked = |local: &str| {
        parley_values(properties, local)
            .iter()
            .map(|(_, o, l)| labelled(o, l.as_ref()))
            .collect::<Vec<_>>()
    };
    line(out, "label", plain(vocab::rdfs::LABEL.as_str()))?;
    line(out, "also called", plain(vocab::skos::ALT_LABEL.as_str()))?;
    line(out, "ISO code", plain(vocab::parley::ISO_CODE.as_str()))?;
    line(out, "Wikidata", plain(vocab::owl::SAME_AS.as_str()))?;
    line(out, "role", plain(vocab::parley::ROLE.as_str()))?;
    line(out, "represents", linked("represents"))?;
    line(out, "located in", linked("locatedIn"))?;
    let mentions = select(
        store,
        &format!(
            "SELECT ?id (SUM(?n) AS ?count) WHERE {{
               GRAPH ?doc {{ <{iri}> parley:mentionCount ?n . ?doc dcterms:identifier ?id }}
             }} GROUP BY ?id ORDER BY ?id"
        ),
    )?;
    if !mentions.is_empty() {
        writeln!(out)?;
        writeln!(out, "Mentioned in")?;
        for row in &mentions {
            let count = value(row, "count").unwrap_or_default();
            let s = if count == "1" { "" } else { "s" };
            writeln!(out, "{}: {count} mention{s}", value(row, "id").unwrap_or_default())?;
        }
    }
    let agents = agent_properties();
    let filter = agents
        .iter()
        .map(|(local, _)| format!("parley:{local}"))
        .collect::<Vec<_>>()
        .join(", ");
    let events = select(
        store,
        &format!(
            "SELECT DISTINCT ?e ?p ?type ?rule ?id WHERE {{
               ?e ?p <{iri}> ; a ?type .
               FILTER (?p IN ({filter}))
               FILTER (?type != parley:Event)
               OPTIONAL {{ ?e parley:rule ?rule }}
               OPTIONAL {{ ?e prov:wasDerivedFrom ?doc . ?doc dcterms:identifier ?id }}
             }} ORDER BY ?id STR(?e) ?p"
        ),
    )?;
    if !events.is_empty() {
        writeln!(out)?;
        writeln!(out, "Events")?;
        for row in &events {
            let event = row.get("e").map(short).unwrap_or_default();
            let kind = value(row, "type").unwrap_or_default();
            let role = value(row, "p").unwrap_or_default();
            let role = agents
                .iter()
                .find(|(local, _)| *local == role)
                .map_or(role.as_str(), |(_, shown)| *shown);
            let rule = value(row, "rule").unwrap_or_default();
            let doc = value(row, "id").unwrap_or_default();
            writeln!(out, "{event}: {kind}, {role}, rule {rule}, document {doc}")?;
        }
    }
    Ok(())
}
