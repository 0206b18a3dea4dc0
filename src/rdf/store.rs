//! The on-disk store: the only module that touches `oxigraph::store`.
//!
//! A Parley store is an Oxigraph (RocksDB) directory with one named graph per
//! document and, in the default graph, one marker triple
//! `pid:store dcterms:conformsTo <https://w3id.org/parley/ontology>`. The
//! marker is what lets `--store` refuse a directory that holds something else,
//! instead of RocksDB quietly writing its files among the user's. The default
//! graph also holds, for each document, `<doc> parley:contentHash "..."`
//! ([`content_hash`]), written in the same commit as the document's graph, so
//! that a build can skip documents it already stored; the document graphs
//! themselves are exactly what `parley extract` writes.
//!
//! Every command opens the store read-write, even `query`, `export` and
//! `stats`. RocksDB's read-only mode takes no lock, and reading while another
//! process writes is undefined behaviour in Oxigraph; taking the lock turns
//! that case into a clear "store is locked" error. The cost: two commands
//! cannot use one store at the same time.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef, Term};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::{StorageError, Store};

use super::{mint, vocab, write_quads, GraphFormat};
use crate::error::ParleyError;
use crate::extract::model::EntityKind;
use crate::text::Document;

mod writer;
pub use writer::{Checkpoints, DocumentWriter};

/// A Parley store opened for reading and writing.
pub struct ParleyStore {
    store: Store,
    path: PathBuf,
}

/// Counts over a store, as `parley stats` prints them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreStats {
    /// Named graphs whose node is typed `parley:Document` in its own graph.
    pub documents: usize,
    /// Distinct triples in the union of the document graphs.
    pub triples: usize,
    /// Quads in the document graphs (a triple stated by two documents counts twice).
    pub quads: usize,
    /// Distinct subjects in the union of the document graphs.
    pub subjects: usize,
    /// Distinct instances per class (Person, State, ..., Claim), in that order,
    /// by the local name of the class.
    pub classes: Vec<(&'static str, usize)>,
}

/// One entity of a store as `parley entities` lists it: its descriptions in
/// all documents taken together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySummary {
    /// The entity's IRI.
    pub iri: String,
    pub kind: EntityKind,
    /// The preferred label: of the labels documents give it, the longest
    /// (the fullest form of a person's name), then the first in code-point order.
    pub label: String,
    /// Every other name: the documents' `skos:altLabel`s and their other
    /// `rdfs:label`s, sorted, without the preferred label.
    pub alt_labels: Vec<String>,
    /// `parley:mentionCount` summed over the documents.
    pub mentions: u64,
    /// The documents that mention it (`parley:mentionedIn`); an entity that is
    /// in a graph without being named there (the state a place lies in) has none.
    pub documents: u64,
}

/// Joins the labels of one entity in [`ParleyStore::entities`]: a control
/// character no name contains.
const LABEL_SEPARATOR: char = '\u{1f}';

fn marker() -> QuadRef<'static> {
    QuadRef::new(
        mint::STORE,
        vocab::dcterms::CONFORMS_TO,
        mint::ONTOLOGY,
        GraphNameRef::DefaultGraph,
    )
}

impl ParleyStore {
    /// Opens the store in `dir`, creating it (and the directory) if missing.
    ///
    /// Fails with [`ParleyError::NotAStore`] when `dir` is a file, a non-empty
    /// directory that is not a RocksDB database, or a non-empty Oxigraph store
    /// without the Parley marker; with [`ParleyError::StoreLocked`] when
    /// another process has it open.
    pub fn open(dir: &Path) -> Result<ParleyStore, ParleyError> {
        ParleyStore::open_with(dir, true)
    }

    /// Opens an existing store; fails with [`ParleyError::NoSuchStore`] rather
    /// than creating one (for commands that only read).
    pub fn open_existing(dir: &Path) -> Result<ParleyStore, ParleyError> {
        ParleyStore::open_with(dir, false)
    }

    fn open_with(dir: &Path, create: bool) -> Result<ParleyStore, ParleyError> {
        let path = dir.to_owned();
        let not_a_store = || ParleyError::NotAStore { path: path.clone() };
        let fresh = match fs::metadata(dir) {
            Ok(metadata) if !metadata.is_dir() => return Err(not_a_store()),
            Ok(_) => {
                let names: Vec<String> = fs::read_dir(dir)
                    .map_err(|e| store_error(dir, e))?
                    .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
                    .collect::<Result<_, _>>()
                    .map_err(|e| store_error(dir, e))?;
                // Every RocksDB database has a CURRENT file; without one, the
                // directory holds something else and must be left untouched,
                // unless all it holds is what RocksDB writes before CURRENT
                // while it creates a database: a build killed that early
                // (`.ci/crash_test.py` did, 0.07 s in) left such a directory,
                // which no command could open again.
                let has_current = dir.join("CURRENT").is_file();
                if !has_current && !names.iter().all(|n| creation_leftover(n)) {
                    return Err(not_a_store());
                }
                !has_current
            }
            Err(_) => true,
        };
        if fresh && !create {
            return Err(ParleyError::NoSuchStore { path });
        }
        // RocksDB creates the store directory but not its missing parents.
        fs::create_dir_all(dir).map_err(|e| store_error(dir, e))?;
        let store = Store::open(dir).map_err(|error| {
            if is_lock_error(&error) {
                ParleyError::StoreLocked { path: path.clone() }
            } else {
                store_error(dir, error)
            }
        })?;
        let marked = store.contains(marker()).map_err(|e| store_error(dir, e))?;
        if !marked {
            // An empty store is adopted (it may be one whose creation was
            // interrupted before the marker went in); a non-empty one is not ours.
            let empty = store.is_empty().map_err(|e| store_error(dir, e))?;
            if !(create && empty) {
                return Err(not_a_store());
            }
            store.insert(marker()).map_err(|e| store_error(dir, e))?;
        }
        Ok(ParleyStore { store, path })
    }

    /// The directory the store was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the named graph `doc_iri` by `quads`, in one transaction.
    ///
    /// The old graph is removed and the new quads inserted in a single commit,
    /// so rebuilding a document never duplicates it and a failure leaves the
    /// old graph in place. `quads` are inserted as given: they should all be
    /// in the graph `doc_iri` (as [`super::document_quads`] makes them).
    pub fn replace_document(&self, doc_iri: NamedNodeRef<'_>, quads: &[Quad]) -> Result<(), ParleyError> {
        self.replace_document_with_hash(doc_iri, quads, None)
    }

    /// [`ParleyStore::replace_document`], recording `hash` (see
    /// [`content_hash`]) as the document's content hash in the same commit;
    /// without one, the document's old hash is removed.
    pub fn replace_document_with_hash(
        &self,
        doc_iri: NamedNodeRef<'_>,
        quads: &[Quad],
        hash: Option<&str>,
    ) -> Result<(), ParleyError> {
        let mut transaction = self.store.start_transaction().map_err(|e| self.error(e))?;
        transaction.remove_named_graph(doc_iri).map_err(|e| self.error(e))?;
        let old: Vec<Quad> = transaction
            .quads_for_pattern(
                Some(doc_iri.into()),
                Some(vocab::parley::CONTENT_HASH),
                None,
                Some(GraphNameRef::DefaultGraph),
            )
            .collect::<Result<_, _>>()
            .map_err(|e| self.error(e))?;
        for quad in &old {
            transaction.remove(quad);
        }
        transaction.extend(quads);
        if let Some(hash) = hash {
            transaction.insert(hash_quad(doc_iri, hash).as_ref());
        }
        transaction.commit().map_err(|e| self.error(e))
    }

    /// The content hash recorded for the document `doc_iri`, if it is stored.
    pub fn stored_hash(&self, doc_iri: NamedNodeRef<'_>) -> Result<Option<String>, ParleyError> {
        let mut quads = self.store.quads_for_pattern(
            Some(doc_iri.into()),
            Some(vocab::parley::CONTENT_HASH),
            None,
            Some(GraphNameRef::DefaultGraph),
        );
        match quads.next() {
            Some(Ok(quad)) => Ok(match quad.object {
                Term::Literal(literal) => Some(literal.value().to_owned()),
                _ => None,
            }),
            Some(Err(error)) => Err(self.error(error)),
            None => Ok(None),
        }
    }

    /// Runs a SPARQL query whose default graph is the union of all graphs
    /// (unless the query names its own with `FROM`).
    ///
    /// Oxigraph's union includes the store's own default graph, which holds
    /// only the marker triple (`pid:store dcterms:conformsTo <.../ontology>`):
    /// a bare `?s ?p ?o` sees it, any pattern on Parley terms does not.
    /// Listing every document graph instead would keep it out but costs one
    /// index lookup per graph per pattern, far too slow on a large store.
    ///
    /// The union does not remove duplicates: an entity described in two
    /// documents matches twice, so use `DISTINCT` to count things.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, ParleyError> {
        self.query_with(sparql, SparqlEvaluator::new())
    }

    /// [`ParleyStore::query`] that stops, with an evaluation error, once
    /// `token` is cancelled: `parley serve` cancels a query past its time limit.
    pub fn query_cancellable(
        &self,
        sparql: &str,
        token: CancellationToken,
    ) -> Result<QueryResults<'static>, ParleyError> {
        self.query_with(sparql, SparqlEvaluator::new().with_cancellation_token(token))
    }

    /// [`ParleyStore::query`], stopped when `deadline` passes: the results
    /// then end with an evaluation error, and [`QueryDeadline::passed`] tells
    /// that error from others.
    pub fn query_within(
        &self,
        sparql: &str,
        deadline: Option<&QueryDeadline>,
    ) -> Result<QueryResults<'static>, ParleyError> {
        match deadline {
            Some(deadline) => self.query_cancellable(sparql, deadline.token.clone()),
            None => self.query(sparql),
        }
    }

    fn query_with(&self, sparql: &str, evaluator: SparqlEvaluator) -> Result<QueryResults<'static>, ParleyError> {
        let mut prepared = evaluator
            .parse_query(sparql)
            .map_err(|error| ParleyError::SparqlSyntax(Box::new(error)))?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        prepared
            .on_store(&self.store)
            .execute()
            .map_err(|error| ParleyError::SparqlEvaluation(Box::new(error)))
    }

    /// Every document graph of the store (every named graph), sorted by IRI.
    pub fn document_graphs(&self) -> Result<Vec<NamedNode>, ParleyError> {
        let mut graphs = Vec::new();
        for graph in self.store.named_graphs() {
            match graph.map_err(|e| self.error(e))? {
                NamedOrBlankNode::NamedNode(node) => graphs.push(node),
                // Parley names every graph; one made by another tool is not a document
                NamedOrBlankNode::BlankNode(_) => {}
            }
        }
        graphs.sort();
        Ok(graphs)
    }

    /// The triples of graph `graph` as N-Triples, one per line, the lines
    /// sorted (bytewise): the same content always gives the same bytes,
    /// whatever order the store keeps it in (`parley push` hashes them).
    pub fn graph_ntriples(&self, graph: NamedNodeRef<'_>) -> Result<Vec<u8>, ParleyError> {
        let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        for quad in self.store.quads_for_pattern(None, None, None, Some(graph.into())) {
            let quad = quad.map_err(|e| self.error(e))?;
            serializer.serialize_triple(quad.as_ref())?;
        }
        let text = serializer.finish()?;
        let mut lines: Vec<&[u8]> = text.split_inclusive(|&b| b == b'\n').collect();
        lines.sort_unstable();
        Ok(lines.concat())
    }

    /// Writes every document graph in `format` (see [`write_quads`] for what
    /// triple formats do with graphs). The store marker is not exported.
    pub fn export<W: Write>(&self, format: GraphFormat, writer: W) -> Result<W, ParleyError> {
        let quads = self.store.iter().filter_map(|quad| match quad {
            Ok(quad) if quad.graph_name.is_default_graph() => None,
            Ok(quad) => Some(Ok(quad)),
            Err(error) => Some(Err(self.error(error))),
        });
        write_quads(format, quads, writer)
    }

    /// Counts documents, triples, quads, subjects and instances per class.
    pub fn stats(&self) -> Result<StoreStats, ParleyError> {
        let documents = self.count(
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a <https://w3id.org/parley/ontology#Document> } }",
        )?;
        let triples =
            self.count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")?;
        let quads = self.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")?;
        let subjects = self.count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")?;
        let mut classes = Vec::new();
        for class in vocab::counted_classes() {
            let n = self.count(&format!(
                "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a <{}> }} }}",
                class.as_str()
            ))?;
            let name = class.as_str().rsplit('#').next().unwrap_or(class.as_str());
            classes.push((name, n));
        }
        Ok(StoreStats {
            documents,
            triples,
            quads,
            subjects,
            classes,
        })
    }

    /// Every entity (person, state, organization, place) in the store, with its
    /// labels, mention count and documents, sorted by mentions (most first),
    /// then label, then IRI.
    ///
    /// One query of four grouped subqueries (classes, labels, alternative
    /// labels, counts per document graph), joined on the entity: grouping each
    /// apart keeps an entity described in many documents from multiplying its
    /// rows, and its labels from multiplying its counts.
    pub fn entities(&self) -> Result<Vec<EntitySummary>, ParleyError> {
        let sparql = format!(
            "{prefixes}SELECT ?e ?class ?labels ?alts ?mentions ?docs WHERE {{
  {{
    SELECT ?e (MIN(STR(?c)) AS ?class) WHERE {{
      VALUES ?c {{ parley:Person parley:State parley:Organization parley:Place }}
      ?e a ?c
    }}
    GROUP BY ?e
  }}
  OPTIONAL {{
    SELECT ?e (GROUP_CONCAT(DISTINCT ?l; SEPARATOR=\"{sep}\") AS ?labels) WHERE {{ ?e rdfs:label ?l }} GROUP BY ?e
  }}
  OPTIONAL {{
    SELECT ?e (GROUP_CONCAT(DISTINCT ?a; SEPARATOR=\"{sep}\") AS ?alts) WHERE {{ ?e skos:altLabel ?a }} GROUP BY ?e
  }}
  OPTIONAL {{
    SELECT ?e (SUM(?n) AS ?mentions) (COUNT(DISTINCT ?d) AS ?docs)
    WHERE {{ GRAPH ?d {{ ?e parley:mentionCount ?n ; parley:mentionedIn ?d }} }}
    GROUP BY ?e
  }}
}}",
            prefixes = vocab::sparql_prefixes(),
            sep = LABEL_SEPARATOR
        );
        let evaluation = |error: oxigraph::sparql::QueryEvaluationError| ParleyError::SparqlEvaluation(Box::new(error));
        let QueryResults::Solutions(solutions) = self.query(&sparql)? else {
            return Ok(Vec::new());
        };
        let text = |term: Option<&Term>| match term {
            Some(Term::Literal(literal)) => literal.value().to_owned(),
            Some(Term::NamedNode(node)) => node.as_str().to_owned(),
            _ => String::new(),
        };
        let names = |joined: String| -> Vec<String> {
            joined
                .split(LABEL_SEPARATOR)
                .filter(|name| !name.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let mut entities = Vec::new();
        for solution in solutions {
            let solution = solution.map_err(evaluation)?;
            let class = text(solution.get("class"));
            let Some(kind) = [
                EntityKind::Person,
                EntityKind::State,
                EntityKind::Organization,
                EntityKind::Place,
            ]
            .into_iter()
            .find(|kind| vocab::entity_class(*kind).as_str() == class) else {
                continue;
            };
            let mut labels = names(text(solution.get("labels")));
            labels.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
            let label = labels.first().cloned().unwrap_or_default();
            let mut alt_labels: Vec<String> = labels
                .into_iter()
                .skip(1)
                .chain(names(text(solution.get("alts"))))
                .collect();
            alt_labels.sort();
            alt_labels.dedup();
            alt_labels.retain(|alt| *alt != label);
            let number = |name: &str| text(solution.get(name)).parse::<u64>().unwrap_or(0);
            entities.push(EntitySummary {
                iri: text(solution.get("e")),
                kind,
                label,
                alt_labels,
                mentions: number("mentions"),
                documents: number("docs"),
            });
        }
        entities.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.label.cmp(&b.label))
                .then_with(|| a.iri.cmp(&b.iri))
        });
        Ok(entities)
    }

    /// The single integer a `SELECT (COUNT(..) AS ?n)` query returns.
    fn count(&self, sparql: &str) -> Result<usize, ParleyError> {
        let evaluation = |error: oxigraph::sparql::QueryEvaluationError| ParleyError::SparqlEvaluation(Box::new(error));
        let QueryResults::Solutions(mut solutions) = self.query(sparql)? else {
            return Ok(0);
        };
        let Some(solution) = solutions.next().transpose().map_err(evaluation)? else {
            return Ok(0);
        };
        Ok(match solution.get("n") {
            Some(Term::Literal(literal)) => literal.value().parse().unwrap_or(0),
            _ => 0,
        })
    }

    fn error(&self, error: StorageError) -> ParleyError {
        store_error(&self.path, error)
    }
}

/// A time limit on queries (`parley query --timeout`): when it passes, the
/// queries given it stop at their next step with an evaluation error.
///
/// A thread waits for the limit and then cancels; dropping the deadline ends
/// the thread without cancelling anything.
pub struct QueryDeadline {
    token: CancellationToken,
    limit: Duration,
    /// Dropped with the deadline, which wakes the waiting thread.
    _stop: mpsc::Sender<()>,
}

impl QueryDeadline {
    /// A deadline `limit` from now.
    pub fn start(limit: Duration) -> QueryDeadline {
        let token = CancellationToken::new();
        let (stop, stopped) = mpsc::channel::<()>();
        let cancel = token.clone();
        std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(limit) {
                cancel.cancel();
            }
        });
        QueryDeadline {
            token,
            limit,
            _stop: stop,
        }
    }

    /// Whether the limit has passed (and the queries were told to stop).
    pub fn passed(&self) -> bool {
        self.token.is_cancelled()
    }

    /// The limit as given.
    pub fn limit(&self) -> Duration {
        self.limit
    }
}

/// What a store records of a document to know it is unchanged: the SHA-256,
/// in hex, of the Parley version, the fingerprint of its rules and
/// gazetteers (`build.rs`), and the document's id, date, title, URL and
/// text. A change to any of them (a new text, another `--date`, new rules)
/// makes `parley build` extract the document again.
pub fn content_hash(doc: &Document) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    let mut field = |bytes: &[u8]| {
        // length-prefixed, so that no two different documents hash the same bytes
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    field(env!("CARGO_PKG_VERSION").as_bytes());
    field(env!("PARLEY_DATA_HASH").as_bytes());
    field(doc.id.as_bytes());
    field(doc.date.map(|d| d.to_string()).unwrap_or_default().as_bytes());
    field(doc.title.as_deref().unwrap_or("\u{0}none").as_bytes());
    field(doc.url.as_deref().unwrap_or("\u{0}none").as_bytes());
    field(doc.text.as_bytes());
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn hash_quad(doc_iri: NamedNodeRef<'_>, hash: &str) -> Quad {
    QuadRef::new(
        doc_iri,
        vocab::parley::CONTENT_HASH,
        LiteralRef::new_simple_literal(hash),
        GraphNameRef::DefaultGraph,
    )
    .into_owned()
}

impl ParleyStore {
    /// Calls `each` with the quads of every document graph, a graph at a time,
    /// in the order of the graphs' IRIs (`parley events` reads the event
    /// table this way: rows are a function of one document graph).
    pub fn for_each_document(
        &self,
        mut each: impl FnMut(&[Quad]) -> Result<(), ParleyError>,
    ) -> Result<(), ParleyError> {
        let mut graphs = Vec::new();
        for graph in self.store.named_graphs() {
            if let NamedOrBlankNode::NamedNode(graph) = graph.map_err(|e| self.error(e))? {
                graphs.push(graph);
            }
        }
        graphs.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
        for graph in graphs {
            let quads = self
                .store
                .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref())))
                .collect::<Result<Vec<Quad>, _>>()
                .map_err(|e| self.error(e))?;
            each(&quads)?;
        }
        Ok(())
    }
}

fn store_error(path: &Path, error: impl Into<StorageError>) -> ParleyError {
    let error = error.into();
    // RocksDB reports a full device as an I/O error whose text is the OS's
    // ("IO error: No space left on device: While appending to file: ...")
    let full = match &error {
        StorageError::Io(io) => io.kind() == std::io::ErrorKind::StorageFull,
        _ => false,
    } || error.to_string().contains("No space left on device");
    let (path, source) = (path.to_owned(), Box::new(error));
    if full {
        ParleyError::DiskFull { path, source }
    } else {
        ParleyError::Store { path, source }
    }
}

/// Whether `name` is a file RocksDB writes in a new database's directory
/// before its CURRENT file: the lock, the info log, the identity, the first
/// manifest and options, a write-ahead log, and CURRENT's temporary file.
fn creation_leftover(name: &str) -> bool {
    name == "LOCK"
        || name == "IDENTITY"
        || name == "LOG"
        || name.starts_with("LOG.old.")
        || name.starts_with("MANIFEST-")
        || name.starts_with("OPTIONS-")
        || name.ends_with(".dbtmp")
        || name.ends_with(".log") && name.trim_end_matches(".log").bytes().all(|b| b.is_ascii_digit())
}

/// RocksDB reports a held lock as "IO error: While lock file: DIR/LOCK:
/// Resource temporarily unavailable" (another process) or "lock hold by
/// current process" (this one). Matched on those phrases, not on "lock" alone,
/// since the directory name may contain it.
fn is_lock_error(error: &StorageError) -> bool {
    let message = error.to_string();
    message.contains("While lock file") || message.contains("lock hold by current process")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_whose_creation_was_killed_before_current_opens_as_a_new_one() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store_dir = dir.path().join("store");
        fs::create_dir(&store_dir).expect("a directory");
        for leftover in [
            "LOCK",
            "LOG",
            "IDENTITY",
            "MANIFEST-000001",
            "OPTIONS-000005",
            "000001.dbtmp",
        ] {
            fs::write(store_dir.join(leftover), b"").expect("a file");
        }
        let store = ParleyStore::open(&store_dir).expect("opened as a new store");
        drop(store);
        ParleyStore::open_existing(&store_dir).expect("a Parley store from then on");
        // anything else in a directory without CURRENT is not RocksDB's, and stays refused
        let other = dir.path().join("other");
        fs::create_dir(&other).expect("a directory");
        fs::write(other.join("LOCK"), b"").expect("a file");
        fs::write(other.join("notes.txt"), b"mine").expect("a file");
        assert!(matches!(ParleyStore::open(&other), Err(ParleyError::NotAStore { .. })));
    }
}
