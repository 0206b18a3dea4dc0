//! `POST /documents`: adding documents to a served store.
//!
//! Three bodies, by `Content-Type`:
//! - `application/x-ndjson` (or `application/jsonl`): documents as in a
//!   `.jsonl` file, extracted here;
//! - `text/plain`: one document, its id (and optionally `date`, `title`,
//!   `url`) in the query string, extracted here;
//! - `application/n-quads`: document graphs already extracted, as
//!   `parley build --server` sends them.
//!
//! Every document replaces the graph of the same id in one transaction, as
//! in `parley build`: a query running meanwhile sees the old graph or the
//! new one, never half of it. A bad document is reported and the others go
//! in. Requests must carry the server's token (`Authorization: Bearer`).

use std::collections::BTreeMap;
use std::sync::Arc;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};
use serde_json::json;

use super::http::{self, HttpError, Reply};
use super::{Incoming, State};
use crate::batch::{default_jobs, ordered_map};
use crate::rdf::{mint, DocumentGraph};
use crate::text::{jsonl_from_bytes, parse_date, text_from_bytes, Document, InputError};

/// What the body of a request is called in error messages.
const BODY: &str = "<request>";

pub(super) fn documents(state: &Arc<State>, request: &Incoming) -> Result<Reply, HttpError> {
    let Some(token) = &state.options.ingest_token else {
        return Err(HttpError::new(
            403,
            "adding documents is off: start parley serve with --ingest (and the token in PARLEY_TOKEN)",
        ));
    };
    let given = request
        .header("authorization")
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim);
    if !given.is_some_and(|given| same_token(given, token)) {
        return Err(HttpError::new(
            401,
            "missing or wrong token: send Authorization: Bearer <the server's PARLEY_TOKEN>",
        ));
    }
    let media = http::media_type(request.header("content-type").unwrap_or(""));
    let (graphs, errors) = match media.as_str() {
        "application/n-quads" => (graphs_of_nquads(&request.body)?, Vec::new()),
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" | "application/jsonlines" => {
            let date = date_param(request)?;
            extract(state, jsonl_from_bytes(&request.body, BODY, date))
        }
        "text/plain" => {
            let id = request
                .param("id")
                .filter(|id| !id.trim().is_empty())
                .ok_or_else(|| HttpError::bad_request("a text/plain document needs its id: POST /documents?id=..."))?;
            let date = date_param(request)?;
            let document = text_from_bytes(id.to_owned(), &request.body, BODY, date).map(|mut doc| {
                doc.title = request.param("title").map(str::to_owned);
                doc.url = request.param("url").map(str::to_owned);
                doc
            });
            extract(state, vec![document])
        }
        other => {
            return Err(HttpError::new(
                415,
                format!(
                "cannot read documents sent as {other:?}: send application/x-ndjson, text/plain or application/n-quads"
            ),
            ))
        }
    };
    if graphs.is_empty() && !errors.is_empty() {
        return Err(HttpError::bad_request(errors.join("; ")));
    }
    let mut quads = 0usize;
    {
        // one writer at a time; each document its own transaction
        let _writing = state.writing.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        for (graph, graph_quads) in &graphs {
            state
                .store
                .replace_document(graph.as_ref(), graph_quads)
                .map_err(super::views::http_error)?;
            quads += graph_quads.len();
        }
    }
    state.forget_entities();
    Ok(Reply::json(&json!({
        "added": graphs.len(),
        "skipped": errors.len(),
        "quads": quads,
        "errors": errors,
    })))
}

/// Compares every byte, so the time taken does not tell how much matched.
fn same_token(given: &str, token: &str) -> bool {
    given.len() == token.len() && given.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

fn date_param(request: &Incoming) -> Result<Option<chrono::NaiveDate>, HttpError> {
    request
        .param("date")
        .map(|value| {
            parse_date(value)
                .ok_or_else(|| HttpError::bad_request(format!("date={value:?} is not a date (YYYY-MM-DD)")))
        })
        .transpose()
}

type Graphs = Vec<(NamedNode, Vec<Quad>)>;

/// Extracts documents on the extraction threads; the bad ones become messages.
fn extract(state: &State, documents: Vec<Result<Document, InputError>>) -> (Graphs, Vec<String>) {
    let Some(extractor) = &state.extractor else {
        return (Vec::new(), vec!["the server has no extractor".to_owned()]);
    };
    let work = |input: Result<Document, InputError>| -> Result<(NamedNode, Vec<Quad>), String> {
        let doc = input.map_err(|error| error.to_string())?;
        let extraction = extractor.try_extract(&doc).map_err(|error| error.to_string())?;
        let quads = DocumentGraph::new(&doc, &extraction).to_quads();
        Ok((mint::document_iri(&doc.id), quads))
    };
    let mut graphs = Vec::new();
    let mut errors = Vec::new();
    for result in ordered_map(documents.into_iter(), default_jobs(), 64, work) {
        match result {
            Ok(graph) => graphs.push(graph),
            Err(error) => errors.push(error),
        }
    }
    (graphs, errors)
}

/// Groups N-Quads by graph; every graph must be a Parley document graph
/// (so a client can neither write the default graph, which holds the store
/// marker, nor anything that is not a document).
fn graphs_of_nquads(body: &[u8]) -> Result<Graphs, HttpError> {
    let documents = mint::document_iri("");
    let namespace = documents.as_str();
    let mut graphs: BTreeMap<NamedNode, Vec<Quad>> = BTreeMap::new();
    for (n, quad) in RdfParser::from_format(RdfFormat::NQuads).for_slice(body).enumerate() {
        let quad = quad.map_err(|error| HttpError::bad_request(format!("{BODY}: N-Quads: {error}")))?;
        let GraphName::NamedNode(graph) = &quad.graph_name else {
            return Err(HttpError::bad_request(format!(
                "{BODY}: quad {}: not in a document graph (every quad must be in a graph {namespace}...)",
                n + 1
            )));
        };
        if !graph.as_str().starts_with(namespace) || graph.as_str().len() == namespace.len() {
            return Err(HttpError::bad_request(format!(
                "{BODY}: quad {}: graph <{}> is not a Parley document graph ({namespace}...)",
                n + 1,
                graph.as_str()
            )));
        }
        let graph = graph.clone();
        graphs.entry(graph).or_default().push(quad);
    }
    if graphs.is_empty() {
        return Err(HttpError::bad_request(format!("{BODY}: no quads")));
    }
    Ok(graphs.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_must_match_whole() {
        assert!(same_token("s3cret", "s3cret"));
        assert!(!same_token("s3cre", "s3cret"));
        assert!(!same_token("s3creT", "s3cret"));
        assert!(!same_token("", "s3cret"));
    }

    #[test]
    fn quads_are_grouped_by_document_graph() {
        let body = b"<http://e/a> <http://e/p> \"1\" <https://w3id.org/parley/id/doc/one> .\n\
<http://e/a> <http://e/p> \"2\" <https://w3id.org/parley/id/doc/two> .\n\
<http://e/b> <http://e/p> \"3\" <https://w3id.org/parley/id/doc/one> .\n";
        let graphs = graphs_of_nquads(body).unwrap();
        let sizes: Vec<(&str, usize)> = graphs.iter().map(|(g, q)| (g.as_str(), q.len())).collect();
        assert_eq!(
            sizes,
            [
                ("https://w3id.org/parley/id/doc/one", 2),
                ("https://w3id.org/parley/id/doc/two", 1)
            ]
        );
    }

    #[test]
    fn quads_outside_document_graphs_are_refused() {
        let default = b"<http://e/a> <http://e/p> \"1\" .\n";
        assert_eq!(graphs_of_nquads(default).unwrap_err().status, 400);
        let other = b"<http://e/a> <http://e/p> \"1\" <http://e/g> .\n";
        let error = graphs_of_nquads(other).unwrap_err();
        assert!(
            error.message.contains("not a Parley document graph"),
            "{}",
            error.message
        );
        let bad = b"<http://e/a> <http://e/p> .\n";
        assert_eq!(graphs_of_nquads(bad).unwrap_err().status, 400);
    }
}
