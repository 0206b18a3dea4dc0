//! From the store to a [`PropertyGraph`], with SPARQL only.
//!
//! The store's default graph is the union of the document graphs and does not
//! remove duplicates, so every query here is `DISTINCT` or reads per `GRAPH`
//! and the code folds the rows into maps keyed by IRI. Where the store holds
//! several values for one node (two labels from two documents), the
//! lexicographically smallest is taken, so that the choice is the same on every
//! run. Everything is collected into `BTreeMap`s: the output is sorted by id.
//!
//! Filters are applied in this order: entity types and period (on the events
//! and their links), then the neighbourhood (`--around`, on the finished
//! graph). When a type filter is given, an event node that is left with no
//! link is dropped; when a period is given, an entity linked to no kept event
//! is dropped.
use std::collections::{BTreeMap, BTreeSet, VecDeque};

use chrono::NaiveDate;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;

use super::{measures, Edge, EntityType, EventMode, GraphOptions, Node, PropertyGraph};
use crate::error::ParleyError;
use crate::kinds::{Edges, EventClass, EVENT_KINDS, ROLES};
use crate::rdf::vocab::{self, LocalName};
use crate::rdf::ParleyStore;

const ENTITY_CLASSES: &str = "parley:Person parley:State parley:Organization parley:Place";

/// `parley:Meeting parley:Demand ...`: every event class, for a VALUES clause.
fn event_classes() -> String {
    EVENT_KINDS
        .iter()
        .map(|k| format!("parley:{}", k.name))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The properties linking an event to an entity, which become edges in
/// `--events nodes`: every agent role (but those whose agents the event links
/// through another role already: a host is a participant), and the location.
fn link_properties() -> String {
    ROLES
        .iter()
        .filter(|r| r.also.is_none())
        .map(|r| r.property)
        .chain(["location"])
        .map(|p| format!("parley:{p}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The relations of edges that go from one agent to another ("demanded").
fn directed_relations() -> Vec<&'static str> {
    EVENT_KINDS
        .iter()
        .filter_map(|k| match k.edges {
            Edges::From(_, _, verb) => Some(verb),
            _ => None,
        })
        .collect()
}

/// Projects the store onto a property graph and computes its measures.
pub fn project(store: &ParleyStore, options: &GraphOptions) -> Result<PropertyGraph, ParleyError> {
    let (nodes, edges) = match &options.construct {
        Some(sparql) => from_construct(store, sparql)?,
        None => from_vocabulary(store, options)?,
    };
    let (nodes, edges) = match &options.around {
        Some(name) => neighbourhood(nodes, edges, name, options.depth)?,
        None => (nodes, edges),
    };
    let mut graph = assemble(nodes, edges);
    measures::compute(&mut graph);
    Ok(graph)
}

type EdgeKey = (String, String, String);
/// Nodes by id and edges by (source, target, relation), before assembly.
type Projection = (BTreeMap<String, Node>, BTreeMap<EdgeKey, Edge>);

/// Nodes and edges by id, sorted; edge endpoints must be nodes.
fn assemble(nodes: BTreeMap<String, Node>, edges: BTreeMap<EdgeKey, Edge>) -> PropertyGraph {
    let index: BTreeMap<&str, usize> = nodes.keys().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let edges = edges
        .into_iter()
        .filter_map(|((source, target, _), mut edge)| {
            edge.source = *index.get(source.as_str())?;
            edge.target = *index.get(target.as_str())?;
            Some(edge)
        })
        .collect();
    PropertyGraph {
        nodes: nodes.into_values().collect(),
        edges,
    }
}

/// Rows of a SELECT query, one `Option<Term>` per variable.
fn select(store: &ParleyStore, sparql: &str) -> Result<Vec<Vec<Option<Term>>>, ParleyError> {
    let QueryResults::Solutions(solutions) = store.query(&format!("{}{sparql}", vocab::sparql_prefixes()))? else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(|e| ParleyError::SparqlEvaluation(Box::new(e)))?;
        rows.push(solution.values().to_vec());
    }
    Ok(rows)
}

/// The IRI or lexical value of a term.
fn text(term: &Option<Term>) -> Option<String> {
    match term.as_ref()? {
        Term::NamedNode(node) => Some(node.as_str().to_owned()),
        Term::Literal(literal) => Some(literal.value().to_owned()),
        Term::BlankNode(node) => Some(format!("_:{}", node.as_str())),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// Keeps the smallest value per key.
fn keep_min(map: &mut BTreeMap<String, String>, key: String, value: String) {
    match map.get(&key) {
        Some(old) if *old <= value => {}
        _ => {
            map.insert(key, value);
        }
    }
}

/// Pairs (IRI, value) of a two-variable query, smallest value per IRI.
fn smallest(store: &ParleyStore, sparql: &str) -> Result<BTreeMap<String, String>, ParleyError> {
    let mut map = BTreeMap::new();
    for row in select(store, sparql)? {
        if let (Some(key), Some(value)) = (text(&row[0]), text(&row[1])) {
            keep_min(&mut map, key, value);
        }
    }
    Ok(map)
}

struct Event {
    kind: String,
    date: Option<String>,
    status: Option<String>,
    topic: Option<String>,
    doc_ids: BTreeSet<String>,
    /// (property local name, entity IRI), sorted.
    links: BTreeSet<(String, String)>,
}

/// The entities of the store and their attributes, by IRI; where documents
/// disagree, the smallest value.
struct Entities {
    types: BTreeMap<String, EntityType>,
    labels: BTreeMap<String, String>,
    iso: BTreeMap<String, String>,
    wikidata: BTreeMap<String, String>,
    mentions: BTreeMap<String, u64>,
    documents: BTreeMap<String, u64>,
}

fn read_entities(store: &ParleyStore) -> Result<Entities, ParleyError> {
    let mut entity_type: BTreeMap<String, EntityType> = BTreeMap::new();
    for row in select(
        store,
        &format!("SELECT DISTINCT ?e ?t WHERE {{ ?e a ?t VALUES ?t {{ {ENTITY_CLASSES} }} }}"),
    )? {
        let (Some(e), Some(t)) = (text(&row[0]), text(&row[1])) else {
            continue;
        };
        let Some(kind) = EntityType::from_name(local_name(&t)) else {
            continue;
        };
        let slot = entity_type.entry(e).or_insert(kind);
        *slot = (*slot).min(kind);
    }
    let labels = smallest(store, "SELECT DISTINCT ?x ?l WHERE { ?x rdfs:label ?l }")?;
    let iso = smallest(store, "SELECT DISTINCT ?x ?c WHERE { ?x parley:isoCode ?c }")?;
    let wikidata = smallest(
        store,
        "SELECT DISTINCT ?x ?s WHERE { ?x owl:sameAs ?s FILTER(STRSTARTS(STR(?s), \"http://www.wikidata.org/\")) }",
    )?;
    let mut mentions: BTreeMap<String, u64> = BTreeMap::new();
    for row in select(
        store,
        "SELECT ?g ?x ?n WHERE { GRAPH ?g { ?x parley:mentionCount ?n } }",
    )? {
        if let (Some(x), Some(n)) = (text(&row[1]), text(&row[2])) {
            *mentions.entry(x).or_default() += n.parse::<u64>().unwrap_or(0);
        }
    }
    let mut documents: BTreeMap<String, u64> = BTreeMap::new();
    for row in select(
        store,
        "SELECT ?x (COUNT(DISTINCT ?d) AS ?n) WHERE { ?x parley:mentionedIn ?d } GROUP BY ?x",
    )? {
        if let (Some(x), Some(n)) = (text(&row[0]), text(&row[1])) {
            documents.insert(x, n.parse().unwrap_or(0));
        }
    }

    Ok(Entities {
        types: entity_type,
        labels,
        iso,
        wikidata,
        mentions,
        documents,
    })
}

/// The events of the store by IRI, with their attributes and links.
fn read_events(store: &ParleyStore) -> Result<BTreeMap<String, Event>, ParleyError> {
    let mut events: BTreeMap<String, Event> = BTreeMap::new();
    for row in select(
        store,
        &format!(
            "SELECT DISTINCT ?e ?t WHERE {{ ?e a ?t VALUES ?t {{ {} }} }}",
            event_classes()
        ),
    )? {
        let (Some(e), Some(t)) = (text(&row[0]), text(&row[1])) else {
            continue;
        };
        let kind = local_name(&t).to_owned();
        events
            .entry(e)
            .and_modify(|event| event.kind = event.kind.clone().min(kind.clone()))
            .or_insert(Event {
                kind,
                date: None,
                status: None,
                topic: None,
                doc_ids: BTreeSet::new(),
                links: BTreeSet::new(),
            });
    }
    for row in select(
        store,
        "SELECT DISTINCT ?e ?p ?o WHERE { ?e ?p ?o VALUES ?p { parley:date parley:status parley:topic } }",
    )? {
        let (Some(e), Some(p), Some(o)) = (text(&row[0]), text(&row[1]), text(&row[2])) else {
            continue;
        };
        let Some(event) = events.get_mut(&e) else { continue };
        let slot = match local_name(&p) {
            "date" => &mut event.date,
            "status" => &mut event.status,
            _ => &mut event.topic,
        };
        let value = if o.contains('#') { local_name(&o).to_owned() } else { o };
        if slot.as_ref().is_none_or(|old| value < *old) {
            *slot = Some(value);
        }
    }
    for row in select(
        store,
        "SELECT DISTINCT ?e ?id WHERE { ?e prov:wasDerivedFrom ?d . ?d dcterms:identifier ?id }",
    )? {
        let (Some(e), Some(id)) = (text(&row[0]), text(&row[1])) else {
            continue;
        };
        if let Some(event) = events.get_mut(&e) {
            event.doc_ids.insert(id);
        }
    }
    for row in select(
        store,
        &format!(
            "SELECT DISTINCT ?e ?p ?x WHERE {{ ?e ?p ?x VALUES ?p {{ {} }} }}",
            link_properties()
        ),
    )? {
        let (Some(e), Some(p), Some(x)) = (text(&row[0]), text(&row[1]), text(&row[2])) else {
            continue;
        };
        if let Some(event) = events.get_mut(&e) {
            event.links.insert((local_name(&p).to_owned(), x));
        }
    }

    Ok(events)
}

fn from_vocabulary(store: &ParleyStore, options: &GraphOptions) -> Result<Projection, ParleyError> {
    let Entities {
        types: entity_type,
        labels,
        iso,
        wikidata,
        mentions,
        documents,
    } = read_entities(store)?;
    let events = read_events(store)?;

    // Filters: entity types, then the period.
    let keep_type = |t: &EntityType| options.types.as_ref().is_none_or(|types| types.contains(t));
    let kept_entities: BTreeSet<&String> = entity_type
        .iter()
        .filter(|(_, t)| keep_type(t))
        .map(|(e, _)| e)
        .collect();
    let period = options.from.is_some() || options.to.is_some();
    let in_period = |date: &Option<String>| -> bool {
        if !period {
            return true;
        }
        let Some(date) = date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            return false;
        };
        options.from.is_none_or(|from| date >= from) && options.to.is_none_or(|to| date <= to)
    };
    let mut kept_events: Vec<(&String, &Event)> = Vec::new();
    for (iri, event) in &events {
        if !in_period(&event.date) {
            continue;
        }
        if options.types.is_some() && !event.links.iter().any(|(_, x)| kept_entities.contains(x)) {
            continue;
        }
        kept_events.push((iri, event));
    }
    // With a period, only entities that take part in a kept event.
    let linked: BTreeSet<&String> = kept_events
        .iter()
        .flat_map(|(_, event)| event.links.iter().map(|(_, x)| x))
        .collect();

    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for iri in &kept_entities {
        if period && !linked.contains(iri) {
            continue;
        }
        let iri = (*iri).clone();
        nodes.insert(
            iri.clone(),
            Node {
                label: labels.get(&iri).cloned().unwrap_or_else(|| local_name(&iri).to_owned()),
                kind: entity_type[&iri].name().to_owned(),
                iso_code: iso.get(&iri).cloned(),
                wikidata: wikidata.get(&iri).cloned(),
                mentions: Some(mentions.get(&iri).copied().unwrap_or(0)),
                documents: documents.get(&iri).copied().unwrap_or(0),
                id: iri,
                ..Node::default()
            },
        );
    }

    let mut edges: BTreeMap<EdgeKey, Edge> = BTreeMap::new();
    match options.events {
        EventMode::Nodes => {
            for (iri, event) in &kept_events {
                nodes.insert(
                    (*iri).clone(),
                    Node {
                        id: (*iri).clone(),
                        label: labels.get(*iri).cloned().unwrap_or_else(|| local_name(iri).to_owned()),
                        kind: event.kind.clone(),
                        documents: event.doc_ids.len() as u64,
                        date: event.date.clone(),
                        status: event.status.clone(),
                        topic: event.topic.clone(),
                        doc_ids: event.doc_ids.iter().cloned().collect(),
                        ..Node::default()
                    },
                );
                for (relation, x) in &event.links {
                    if nodes.contains_key(x) && kept_entities.contains(x) {
                        add_edge(&mut edges, (iri, x, relation), event, None);
                    }
                }
            }
        }
        EventMode::Edges => event_edges(&kept_events, &nodes, &labels, &mut edges),
    }
    Ok((nodes, edges))
}

/// `--events edges`: an edge between every two participants of a meeting
/// (`met`) or parties of an agreement (`agreed`), and from each demander to
/// each addressee of a demand (`demanded`); only between kept nodes.
fn event_edges(
    kept_events: &[(&String, &Event)],
    nodes: &BTreeMap<String, Node>,
    labels: &BTreeMap<String, String>,
    edges: &mut BTreeMap<EdgeKey, Edge>,
) {
    let mut add = |source: &str, target: &str, relation: &str, event: &Event, place: Option<&String>| {
        add_edge(edges, (source, target, relation), event, place)
    };
    for (_, event) in kept_events {
        let linked = |property: &str| -> Vec<&String> {
            event
                .links
                .iter()
                .filter(|(p, x)| p == property && nodes.contains_key(x))
                .map(|(_, x)| x)
                .collect()
        };
        let place = event
            .links
            .iter()
            .filter(|(p, _)| p == "location")
            .map(|(_, x)| labels.get(x).cloned().unwrap_or_else(|| local_name(x).to_owned()))
            .min();
        let pairs = |members: Vec<&String>| -> Vec<(String, String)> {
            let mut pairs = Vec::new();
            for (i, a) in members.iter().enumerate() {
                for b in &members[i + 1..] {
                    pairs.push(((*a).clone(), (*b).clone()));
                }
            }
            pairs
        };
        match EventClass::from_name(&event.kind).map_or(Edges::None, |c| c.def().edges) {
            Edges::Between(role, verb) => {
                for (a, b) in pairs(linked(role.property())) {
                    add(&a, &b, verb, event, place.as_ref());
                }
            }
            Edges::From(from, to, verb) => {
                for by in linked(from.property()) {
                    for of in linked(to.property()) {
                        if by != of {
                            add(by, of, verb, event, None);
                        }
                    }
                }
            }
            Edges::None => {}
        }
    }
}

/// Adds `event` to the edge (source, target, relation), made if new.
fn add_edge(edges: &mut BTreeMap<EdgeKey, Edge>, key: (&str, &str, &str), event: &Event, place: Option<&String>) {
    let (source, target, relation) = key;
    let edge = edges
        .entry((source.to_owned(), target.to_owned(), relation.to_owned()))
        .or_insert_with(|| Edge {
            relation: relation.to_owned(),
            symmetric: !directed_relations().contains(&relation),
            ..Edge::default()
        });
    edge.weight += 1;
    edge.topics.extend(event.topic.clone());
    edge.dates.extend(event.date.clone());
    edge.statuses.extend(event.status.clone());
    edge.places.extend(place.cloned());
    edge.doc_ids.extend(event.doc_ids.iter().cloned());
}

/// A node per IRI in the CONSTRUCT's triples; an edge per triple whose object
/// is an IRI (other than `rdf:type`). `rdf:type` gives the node type and
/// `rdfs:label` its label (smallest of several); other literals are ignored.
fn from_construct(store: &ParleyStore, sparql: &str) -> Result<Projection, ParleyError> {
    let QueryResults::Graph(triples) = store.query(sparql)? else {
        return Err(ParleyError::NotConstruct);
    };
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    let mut types: BTreeMap<String, String> = BTreeMap::new();
    let mut edges: BTreeMap<EdgeKey, Edge> = BTreeMap::new();
    let mut seen = std::collections::HashSet::new();
    for triple in triples {
        let triple = triple.map_err(|e| ParleyError::SparqlEvaluation(Box::new(e)))?;
        if !seen.insert(triple.clone()) {
            continue;
        }
        let subject = text(&Some(Term::from(triple.subject.clone()))).unwrap_or_default();
        let predicate = triple.predicate.as_str();
        nodes.entry(subject.clone()).or_default();
        match &triple.object {
            Term::Literal(literal) if predicate == vocab::rdfs::LABEL.as_str() => {
                keep_min(&mut labels, subject, literal.value().to_owned());
            }
            Term::NamedNode(class) if predicate == vocab::rdf::TYPE.as_str() => {
                keep_min(&mut types, subject, local_name(class.as_str()).to_owned());
            }
            object @ (Term::NamedNode(_) | Term::BlankNode(_)) => {
                let object = text(&Some(object.clone())).unwrap_or_default();
                nodes.entry(object.clone()).or_default();
                // `parley:participant` for IRIs in a known namespace, else the IRI
                let relation = vocab::compact(predicate, LocalName::Plain).unwrap_or_else(|| predicate.to_owned());
                let edge = edges
                    .entry((subject, object, relation.clone()))
                    .or_insert_with(|| Edge {
                        relation,
                        ..Edge::default()
                    });
                edge.weight += 1;
            }
            _ => {}
        }
    }
    for (id, node) in nodes.iter_mut() {
        node.id = id.clone();
        node.label = labels.get(id).cloned().unwrap_or_else(|| local_name(id).to_owned());
        node.kind = types.get(id).cloned().unwrap_or_else(|| "Resource".to_owned());
    }
    Ok((nodes, edges))
}

/// The nodes within `depth` edges (either direction) of the node `name`
/// names: its IRI, a prefixed name (`state:RUS`) or its label (any case).
fn neighbourhood(
    nodes: BTreeMap<String, Node>,
    edges: BTreeMap<EdgeKey, Edge>,
    name: &str,
    depth: usize,
) -> Result<Projection, ParleyError> {
    let expanded = vocab::expand(name);
    let start: Vec<String> = if nodes.contains_key(name) {
        vec![name.to_owned()]
    } else if let Some(iri) = expanded.filter(|iri| nodes.contains_key(iri)) {
        vec![iri]
    } else {
        let wanted = name.to_lowercase();
        nodes
            .values()
            .filter(|node| node.label.to_lowercase() == wanted)
            .map(|node| node.id.clone())
            .collect()
    };
    match start.len() {
        0 => {
            return Err(ParleyError::NoSuchNode { name: name.to_owned() });
        }
        1 => {}
        n => {
            return Err(ParleyError::AmbiguousNode {
                name: name.to_owned(),
                count: n,
                candidates: start.iter().take(3).cloned().collect::<Vec<_>>().join(", "),
            });
        }
    }
    let mut adjacent: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (source, target, _) in edges.keys() {
        adjacent.entry(source).or_default().push(target);
        adjacent.entry(target).or_default().push(source);
    }
    let mut distance: BTreeMap<String, usize> = BTreeMap::from([(start[0].clone(), 0)]);
    let mut queue = VecDeque::from([start[0].clone()]);
    while let Some(node) = queue.pop_front() {
        let d = distance[&node];
        if d == depth {
            continue;
        }
        for next in adjacent.get(node.as_str()).into_iter().flatten() {
            if !distance.contains_key(*next) {
                distance.insert((*next).to_owned(), d + 1);
                queue.push_back((*next).to_owned());
            }
        }
    }
    let nodes: BTreeMap<String, Node> = nodes.into_iter().filter(|(id, _)| distance.contains_key(id)).collect();
    let edges = edges
        .into_iter()
        .filter(|((s, t, _), _)| nodes.contains_key(s) && nodes.contains_key(t))
        .collect();
    Ok((nodes, edges))
}
