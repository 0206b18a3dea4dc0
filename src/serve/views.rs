//! Parley's own views by URL: what `entities`, `explain` and `graph` print,
//! and the data of the web page (an entity's timeline, the example queries).
//!
//! Each is the library function the command calls, so the command and the
//! URL never disagree; the only code here reads query parameters. Views that
//! read the whole store (`/graph.*`, `/entities` when not cached) run under
//! the server's time limit like a SPARQL query.

use std::collections::BTreeSet;
use std::sync::Arc;

use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;
use serde_json::{json, Value as Json};

use super::http::{HttpError, Reply};
use super::{sparql, Incoming, State};
use crate::error::ParleyError;
use crate::explain::{explain as explain_node, resolve};
use crate::graph::{hex, project, style, write_network, EntityType, EventMode, GraphOptions, NetworkFormat};
use crate::kinds::{EVENT_KINDS, ROLES};
use crate::present::{write_entities, EntitiesFormat};
use crate::rdf::vocab;
use crate::text::parse_date;

/// A library error as an HTTP error: what the user named is not there (404),
/// was badly written (400), or the store failed (500).
pub(super) fn http_error(error: ParleyError) -> HttpError {
    let status = match &error {
        ParleyError::NotInStore { .. } | ParleyError::NoSuchNode { .. } => 404,
        ParleyError::UnknownPrefix { .. }
        | ParleyError::NotANodeName { .. }
        | ParleyError::InvalidIri { .. }
        | ParleyError::AmbiguousNode { .. }
        | ParleyError::NotConstruct
        | ParleyError::SparqlSyntax(_) => 400,
        _ => 500,
    };
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    HttpError::new(status, message)
}

/// `GET /entities[?q=NAME][&type=person,state][&limit=N]`: `parley entities
/// --format json`, optionally only the entities one of whose names contains
/// `q` (ignoring case).
pub(super) fn entities(state: &Arc<State>, request: &Incoming) -> Result<Reply, HttpError> {
    let types = entity_types(request)?;
    let limit = match request.param("limit") {
        Some(n) => Some(
            n.parse::<usize>()
                .map_err(|_| HttpError::bad_request(format!("limit={n:?} is not a number")))?,
        ),
        None => None,
    };
    let needle = request
        .param("q")
        .map(|q| q.trim().to_lowercase())
        .filter(|q| !q.is_empty());
    let all = {
        let shared = Arc::clone(state);
        sparql::in_time(state, move || shared.entities().map_err(http_error))?
    };
    let matches = |e: &&crate::rdf::EntitySummary| {
        types
            .as_ref()
            .is_none_or(|types| types.iter().any(|t| t.name() == e.kind.name()))
            && needle.as_ref().is_none_or(|needle| {
                std::iter::once(&e.label)
                    .chain(&e.alt_labels)
                    .any(|name| name.to_lowercase().contains(needle.as_str()))
            })
    };
    let chosen: Vec<_> = all
        .iter()
        .filter(matches)
        .take(limit.unwrap_or(usize::MAX))
        .cloned()
        .collect();
    let mut body = Vec::new();
    write_entities(&mut body, &chosen, EntitiesFormat::Json).map_err(|e| http_error(e.into()))?;
    Ok(Reply::ok("application/json", body))
}

fn entity_types(request: &Incoming) -> Result<Option<BTreeSet<EntityType>>, HttpError> {
    let mut types = BTreeSet::new();
    for value in request
        .query
        .iter()
        .filter(|(n, _)| n == "type" || n == "types")
        .map(|(_, v)| v)
    {
        for name in value.split(',').filter(|n| !n.trim().is_empty()) {
            types.insert(EntityType::from_name(name).ok_or_else(|| {
                HttpError::bad_request(format!(
                    "unknown entity type {name:?}, expected Person, State, Organization or Place"
                ))
            })?);
        }
    }
    Ok((!types.is_empty()).then_some(types))
}

/// `GET /explain?iri=NODE`: `parley explain NODE`, as text.
pub(super) fn explain(state: &Arc<State>, request: &Incoming) -> Result<Reply, HttpError> {
    let node = request
        .param("iri")
        .or_else(|| request.param("node"))
        .ok_or_else(|| HttpError::bad_request("give the node: /explain?iri=state:KEN"))?
        .to_owned();
    let shared = Arc::clone(state);
    sparql::in_time(state, move || {
        let state = &shared;
        let text = explain_node(&state.store, &node).map_err(http_error)?;
        Ok(Reply::ok("text/plain; charset=utf-8", text))
    })
}

/// `GET /graph.{graphml,gexf,cyjs,dot}?events=edges&types=Person,State&from=..&to=..&around=..&depth=N`:
/// `parley graph` with the same options as query parameters.
pub(super) fn graph(state: &Arc<State>, request: &Incoming) -> Result<Reply, HttpError> {
    let (format, media) = match request.path.as_str() {
        "/graph.graphml" => (NetworkFormat::GraphMl, "application/graphml+xml"),
        "/graph.gexf" => (NetworkFormat::Gexf, "application/gexf+xml"),
        "/graph.cyjs" => (NetworkFormat::Cyjs, "application/json"),
        "/graph.dot" => (NetworkFormat::Dot, "text/vnd.graphviz; charset=utf-8"),
        other => {
            return Err(HttpError::not_found(format!(
                "no graph format {other:?}: use /graph.graphml, /graph.gexf, /graph.cyjs or /graph.dot"
            )))
        }
    };
    let date = |name: &str| -> Result<_, HttpError> {
        request
            .param(name)
            .map(|value| {
                parse_date(value)
                    .ok_or_else(|| HttpError::bad_request(format!("{name}={value:?} is not a date (YYYY-MM-DD)")))
            })
            .transpose()
    };
    let events = match request.param("events").unwrap_or("nodes") {
        "nodes" => EventMode::Nodes,
        "edges" => EventMode::Edges,
        other => {
            return Err(HttpError::bad_request(format!(
                "events={other:?}: expected nodes or edges"
            )))
        }
    };
    let depth = match request.param("depth") {
        Some(n) => n
            .parse()
            .map_err(|_| HttpError::bad_request(format!("depth={n:?} is not a number")))?,
        None => 1,
    };
    let options = GraphOptions {
        events,
        types: entity_types(request)?,
        from: date("from")?,
        to: date("to")?,
        around: request.param("around").map(str::to_owned),
        depth,
        construct: request.param("query").map(str::to_owned),
    };
    let shared = Arc::clone(state);
    sparql::in_time(state, move || {
        let state = &shared;
        let network = project(&state.store, &options).map_err(http_error)?;
        let mut body = Vec::new();
        write_network(&network, format, &mut body).map_err(http_error)?;
        Ok(Reply::ok(media, body))
    })
}

/// `GET /api/entity?iri=NODE`: an entity and the events it takes part in,
/// oldest first, each with its evidence sentence and document, for the page.
pub(super) fn entity(state: &Arc<State>, request: &Incoming) -> Result<Reply, HttpError> {
    let name = request
        .param("iri")
        .ok_or_else(|| HttpError::bad_request("give the entity: /api/entity?iri=state:KEN"))?
        .to_owned();
    let iri = resolve(&name).map_err(http_error)?;
    // checked, since it goes into the query between < and >
    NamedNode::new(iri.as_str()).map_err(|_| HttpError::bad_request(format!("{name:?} is not a valid IRI")))?;
    let shared = Arc::clone(state);
    sparql::in_time(state, move || {
        let state = &shared;
        let summary = state.entities().map_err(http_error)?;
        let summary = summary.iter().find(|e| e.iri == iri);
        let events = timeline(state, &iri).map_err(http_error)?;
        if summary.is_none() && events.is_empty() {
            return Err(HttpError::not_found(format!("{name} is not an entity of the store")));
        }
        Ok(Reply::json(&json!({
            "iri": iri,
            "label": summary.map(|e| e.label.clone()),
            "type": summary.map(|e| e.kind.name()),
            "alt_labels": summary.map(|e| e.alt_labels.clone()).unwrap_or_default(),
            "mentions": summary.map(|e| e.mentions),
            "documents": summary.map(|e| e.documents),
            "events": events,
        })))
    })
}

/// The events `iri` takes part in (any agent role of [`ROLES`], or as
/// location), with their kind ([`EVENT_KINDS`]), date, label, words,
/// evidence sentence and document, in the order of their dates (an undated
/// event at the date of its report; undated reports last).
fn timeline(state: &State, iri: &str) -> Result<Vec<Json>, ParleyError> {
    let roles: Vec<String> = ROLES
        .iter()
        .map(|r| format!("parley:{}", r.property))
        .chain(["parley:location".to_owned()])
        .collect();
    let classes: Vec<String> = EVENT_KINDS.iter().map(|k| format!("parley:{}", k.name)).collect();
    let words: BTreeSet<&str> = EVENT_KINDS.iter().filter_map(|k| k.text_property).collect();
    let words = words
        .iter()
        .map(|p| format!("OPTIONAL {{ ?event parley:{p} ?words }}"))
        .collect::<Vec<_>>()
        .join("\n      ");
    let sparql = format!(
        "{prefixes}SELECT ?event ?class ?role ?date ?published ?label ?words ?evidence ?docId ?title ?url WHERE {{
  GRAPH ?doc {{
    ?event ?role <{iri}> ; a ?class .
    FILTER (?role IN ({roles}))
    FILTER (?class IN ({classes}))
    OPTIONAL {{ ?event parley:date ?date }}
    OPTIONAL {{ ?event rdfs:label ?label }}
    {words}
    OPTIONAL {{ ?event parley:evidence ?evidence }}
    OPTIONAL {{ ?doc dcterms:identifier ?docId }}
    OPTIONAL {{ ?doc dcterms:title ?title }}
    OPTIONAL {{ ?doc schema:url ?url }}
    OPTIONAL {{ ?doc dcterms:date ?published }}
  }}
}}
ORDER BY COALESCE(STR(?date), STR(?published), \"~\") ?docId STR(?event)",
        prefixes = vocab::sparql_prefixes(),
        roles = roles.join(", "),
        classes = classes.join(", "),
    );
    let QueryResults::Solutions(solutions) = state.store.query(&sparql)? else {
        return Ok(Vec::new());
    };
    let mut events: Vec<Json> = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(|e| ParleyError::SparqlEvaluation(Box::new(e)))?;
        let text = |name: &str| match solution.get(name) {
            Some(Term::Literal(literal)) => Json::from(literal.value()),
            Some(Term::NamedNode(node)) => Json::from(node.as_str()),
            _ => Json::Null,
        };
        let local = |name: &str| match solution.get(name) {
            Some(Term::NamedNode(node)) => node.as_str().rsplit('#').next().unwrap_or(node.as_str()).to_owned(),
            _ => String::new(),
        };
        let event = text("event");
        // the role as `explain` shows it (demander, addressee, ...)
        let role = local("role");
        let role = Json::from(
            ROLES
                .iter()
                .find(|r| r.property == role)
                .map_or(role.as_str(), |r| r.shown),
        );
        // one event, several roles (a host is also a participant) or words: one entry
        if let Some(seen) = events.iter_mut().find(|e| e["event"] == event) {
            if let Json::Array(roles) = &mut seen["roles"] {
                if !roles.contains(&role) {
                    roles.push(role);
                }
            }
            continue;
        }
        events.push(json!({
            "event": event,
            "kind": local("class"),
            "published": text("published"),
            "roles": [role],
            "date": text("date"),
            "label": text("label"),
            "words": text("words"),
            "evidence": text("evidence"),
            "document": text("docId"),
            "title": text("title"),
            "url": text("url"),
        }));
    }
    Ok(events)
}

/// `GET /api/styles`: the colour of each entity type and event kind, as the
/// graph files give them, so the page draws them alike.
pub(super) fn styles() -> Reply {
    let colors: serde_json::Map<String, Json> = EntityType::ALL
        .iter()
        .map(|t| t.name())
        .chain(EVENT_KINDS.iter().map(|k| k.name))
        .map(|name| (name.to_owned(), Json::from(hex(style(name).color))))
        .collect();
    Reply::json(&Json::Object(colors))
}

/// The example queries of `examples/queries/`, for the page's SPARQL box.
const EXAMPLES: &[(&str, &str)] = &[
    ("meetings", include_str!("../../examples/queries/meetings.rq")),
    ("demands", include_str!("../../examples/queries/demands.rq")),
    ("agreements", include_str!("../../examples/queries/agreements.rq")),
    ("statements", include_str!("../../examples/queries/statements.rq")),
    (
        "representatives",
        include_str!("../../examples/queries/representatives.rq"),
    ),
    ("provenance", include_str!("../../examples/queries/provenance.rq")),
];

/// `GET /api/examples`: `[{"name", "title", "query"}]`, the title being the
/// query's first comment line.
pub(super) fn examples() -> Reply {
    let list: Vec<Json> = EXAMPLES
        .iter()
        .map(|(name, query)| {
            let title = query
                .lines()
                .next()
                .and_then(|line| line.strip_prefix('#'))
                .map_or(*name, str::trim);
            json!({ "name": name, "title": title, "query": query })
        })
        .collect();
    Reply::json(&Json::Array(list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_query_file_is_offered_on_the_page() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/queries");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "rq"))
            .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut offered: Vec<String> = EXAMPLES.iter().map(|(name, _)| (*name).to_owned()).collect();
        offered.sort();
        assert_eq!(offered, files);
    }

    #[test]
    fn an_example_is_titled_by_its_first_comment() {
        let reply = examples();
        let list: Json = serde_json::from_slice(&reply.body).unwrap();
        assert_eq!(list[0]["name"], "meetings");
        assert!(list[0]["title"].as_str().unwrap().starts_with("Who met whom"), "{list}");
        assert!(list
            .as_array()
            .unwrap()
            .iter()
            .all(|e| !e["title"].as_str().unwrap().starts_with('#')));
    }
}
