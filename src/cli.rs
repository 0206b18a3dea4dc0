//! The command line, declared with clap's derive API.
//!
//! Kept apart from `main.rs` so the whole interface (names, defaults, help)
//! reads in one place, and so `main.rs` is only about running commands.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_STATUS: &str = "\
Exit status:
  0  success
  1  usage or input error: bad arguments, a bad input document, a SPARQL syntax
     error; `build` also exits 1 when it skipped a document (the good ones are
     committed)
  2  store or output error: no such store, not a Parley store, store locked by
     another process, storage failure, output cannot be written; for `push`,
     an endpoint that kept failing, refused the credentials or refused a
     document (the others are sent)

Errors are printed on standard error as one line: `parley: <message>`.
Writing into a closed pipe (`parley ... | head`) is not an error.";

/// Parley: builds a knowledge graph of meetings, demands, agreements, statements
/// and claims from news text.
#[derive(Debug, Parser)]
#[command(name = "parley", version, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities and events and print them as RDF (no store involved)
    #[command(after_help = EXTRACT_HELP)]
    Extract(ExtractArgs),
    /// Extract documents into a store, replacing earlier versions of them
    #[command(after_help = BUILD_HELP)]
    Build(BuildArgs),
    /// Run a SPARQL query over a store
    #[command(after_help = QUERY_HELP)]
    Query(QueryArgs),
    /// Write a whole store as RDF
    #[command(after_help = EXPORT_HELP)]
    Export(ExportArgs),
    /// Print counts of documents, triples and instances per class
    #[command(after_help = STATS_HELP)]
    Stats(StatsArgs),
    /// Write the network of entities and events for Gephi, Cytoscape, yEd or Graphviz
    #[command(after_help = graph_help())]
    Graph(GraphArgs),
    /// Show why a node is in the graph: an event's evidence and rule, an entity's documents and events
    #[command(after_help = EXPLAIN_HELP)]
    Explain(ExplainArgs),
    /// List the entities of a store with their type, mentions, documents and other names
    #[command(after_help = ENTITIES_HELP)]
    Entities(EntitiesArgs),
    /// Serve a store over HTTP: a SPARQL endpoint, Parley's views, a web page
    #[command(after_help = SERVE_HELP)]
    Serve(ServeArgs),
    /// Write the event table: one row per event and source/target pair (CSV, TSV, JSON Lines, Parquet)
    #[command(after_help = EVENTS_HELP)]
    Events(EventsArgs),
    /// Send every document's graph to another triple store (SPARQL 1.1 Graph Store Protocol)
    #[command(after_help = PUSH_HELP)]
    Push(PushArgs),
}

/// The input forms `extract` and `build` share, as a literal for `concat!`.
macro_rules! inputs_help {
    () => {
        "\
Inputs:
  FILE.txt     one document; its id is the file stem
  FILE.jsonl   one document per line: {\"id\": ..., \"text\": ...} with optional
               \"date\" (YYYY-MM-DD, overrides --date), \"title\", \"url\";
               blank lines are skipped
  DIR          the .txt and .jsonl files in DIR, by name (not recursive)
"
    };
}

const EXTRACT_HELP: &str = concat!(
    inputs_help!(),
    "  -            standard input, one document with id `stdin` (the default)

Documents are read, extracted and written one batch at a time, on --jobs
threads, in input order: the output is the same whatever the number of jobs,
and memory does not grow with the corpus for nquads, trig and mentions
(turtle, ntriples and jsonld gather the whole graph before writing). A bad
document is reported on standard error (one line naming the file and line)
and left out; the others are written, and the exit status is then 1.

Formats:
  turtle, ntriples   the union of the document graphs (duplicates removed)
  nquads, trig,      one named graph per document, named by the document
  jsonld             node (https://w3id.org/parley/id/doc/<id>)
  mentions           JSON Lines, one object per document:
                     {\"id\", \"mentions\": [{\"start\", \"end\", \"text\", \"type\", \"entity\"}],
                     \"entities\": [...], \"events\": [...]} with offsets in
                     Unicode code points (end exclusive); python/README.md
                     documents every field

Examples:
  parley extract article.txt --date 2025-05-16
  parley extract news.jsonl --format nquads > news.nq
  cat article.txt | parley extract --format mentions"
);

const BUILD_HELP: &str = concat!(
    inputs_help!(),
    "  -            standard input, one document with id `stdin`
  FILE.nq      N-Quads of documents already extracted (`extract --format
  FILE.nq.gz   nquads`, or the shards of scale/spark_extract.py), plain or
               gzipped, one named graph per document; a directory gives its
               .nq and .nq.gz files too. Each graph is stored as is, so the
               store equals one built from the texts.

Each document goes into its own named graph, with a hash of its text, date,
title and URL. A document already stored with the same hash is skipped
(counted as unchanged; --force extracts it again); a changed one has its graph
replaced in one transaction, so nothing is duplicated. Documents new to the
store go through Oxigraph's bulk loader when the inputs are over 4 MiB (about
a thousand articles; see --loader), committed in checkpoints (every 30
seconds, see --checkpoint-seconds and --checkpoint; one is committed once the
two after it are being sorted into files): a killed
build keeps every committed checkpoint, and running it again goes on from
there. Otherwise each document is stored in its own transaction. While a
build runs, other commands on its store are refused (locked, exit 2). Memory stays bounded either
way: documents are read and extracted one batch at a time on --jobs threads.
A bad document is reported on standard error (one line) and skipped; the
others are still committed, and the exit status is then 1. On a terminal, a
progress bar (documents, rate, time left) is drawn on standard error; it
stays silent when standard error is not a terminal.

Prints a summary: documents added, unchanged and skipped (bad), distinct entities and events
in these documents, quads written, elapsed time (`parley stats` counts the
whole store).

While `parley serve` runs on a store, the store is locked: send documents to
the server instead, with --server URL (the server must run with --ingest, and
the token is read from the environment variable PARLEY_TOKEN). The documents
are extracted here and their graphs sent in batches; each replaces the
document of the same id on the server, and queries see it once it is stored.

Examples:
  parley build corpus/ --store news.store
  parley build day1.jsonl day2.jsonl --store news.store --date 2025-05-16
  parley build spark-out/nquads --store news.store
  PARLEY_TOKEN=... parley build day3.jsonl --server http://127.0.0.1:7878"
);

const SERVE_HELP: &str = "\
Endpoints:
  /sparql          SPARQL 1.1 Protocol: GET ?query=, POST a form (query=) or
                   application/sparql-query. SELECT and ASK results as SPARQL
                   JSON (default), XML, CSV or TSV; CONSTRUCT and DESCRIBE as
                   Turtle (default), N-Triples, N-Quads, TriG, JSON-LD or
                   RDF/XML, by the Accept header. Updates are refused (403);
                   a syntax error is a 400 with the parser's message.
  /entities        `parley entities --format json` (?q=NAME&type=State&limit=N)
  /explain?iri=N   `parley explain N`, as text
  /graph.graphml   `parley graph` (also .gexf, .cyjs, .dot), its options as
                   parameters: events, types, from, to, around, depth
  /                a page to search entities, read their events, run queries
  /health          `ok` while the server runs
  POST /documents  with --ingest: add documents (application/x-ndjson as in a
                   .jsonl file, text/plain with ?id=...&date=..., or the
                   application/n-quads that `parley build --server` sends);
                   needs `Authorization: Bearer $PARLEY_TOKEN`

The server owns the store while it runs (`parley build --store` on it fails
and says to use --server). Each query runs at most --timeout seconds and
returns at most --max-rows rows; past either, the answer is an error (503 or
400), never a cut-short result. One access-log line per request is written on
standard error. Ctrl-C (SIGINT) or SIGTERM stops the server cleanly.

Examples:
  parley serve --store news.store
  curl -H 'Accept: text/csv' --data-urlencode query@examples/queries/meetings.rq http://127.0.0.1:7878/sparql
  PARLEY_TOKEN=s3cret parley serve --store news.store --ingest --bind 0.0.0.0:7878";

const QUERY_HELP: &str = "\
The default graph is the union of all document graphs (unless the query has
FROM), plus the store's marker triple (pid:store dcterms:conformsTo
<https://w3id.org/parley/ontology>); use GRAPH ?doc { ... } to see which
document said what, and DISTINCT to count things described in several
documents. The store is opened for
writing (it takes RocksDB's lock), so it cannot be queried while a build runs.

Output: SELECT prints a table by default (IRIs shortened with the parley:,
pid:, rdfs:, skos:, owl:, xsd:, prov:, dcterms:, schema: prefixes, literals
as their value, then a line `N rows`), or the standard SPARQL results formats
with --format. ASK prints true or false. CONSTRUCT and DESCRIBE print Turtle
whatever --format says.

Examples:
  parley query --store news.store 'PREFIX parley: <https://w3id.org/parley/ontology#>
    SELECT ?m ?who WHERE { ?m a parley:Meeting ; parley:participant ?who }'
  parley query --store news.store --file meetings.rq --format csv
  parley query --store news.store --file heavy.rq --timeout 30";

const EXPORT_HELP: &str = "\
The default format is TriG, which keeps one named graph per document (so does
nquads and jsonld). turtle, ntriples and rdfxml hold triples only: they get the
union of the document graphs, with duplicates removed.

Examples:
  parley export --store news.store > news.trig
  parley export --store news.store --format nquads --output news.nq";

const STATS_HELP: &str = "\
Counts are over the union of the document graphs: an entity named in many
documents counts once; `quads` counts each document's statements separately.

Example:
  parley stats --store news.store";

/// `graph --help`'s text; the kinds of event and their edges come from
/// [`parley::EVENT_KINDS`], so a new kind is described without editing it.
fn graph_help() -> String {
    let roles: Vec<String> = parley::ROLES
        .iter()
        .map(|r| {
            if r.shown == r.property {
                r.shown.to_string()
            } else {
                format!("{} ({})", r.shown, r.property)
            }
        })
        .collect();
    let edges: Vec<String> = parley::EVENT_KINDS
        .iter()
        .filter_map(|k| match k.edges {
            parley::Edges::Between(role, verb) => Some(format!(
                "{}s become `{verb}` edges between each two agents in the role `{}`",
                k.name.to_lowercase(),
                role.property()
            )),
            parley::Edges::From(from, to, verb) => Some(format!(
                "{}s become `{verb}` edges from `{}` to `{}`",
                k.name.to_lowercase(),
                from.property(),
                to.property()
            )),
            parley::Edges::None => None,
        })
        .collect();
    let text = format!(
        "Nodes are entities (Person, State, Organization, Place) and, with --events nodes (the default), events ({}) linked to their {} and location, the edge's relation being the property. With --events edges, {}; repeated interactions of a pair are one edge with a weight. Node ids are IRIs, stable across runs.",
        parley::class_names(),
        roles.join(", "),
        edges.join(", "),
    );
    format!("{}\n\n{GRAPH_HELP}", wrap(&text, 79))
}

/// `text` broken into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        if line > 0 && line + 1 + word.len() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.len();
    }
    out
}

const GRAPH_HELP: &str = "\
Attributes: nodes carry label, type, iso_code, wikidata, mentions, documents,
date, status, topic, doc_ids, in_degree, out_degree, degree, pagerank,
betweenness, component, community; edges carry relation, topic, date,
last_date, status, place, weight, doc_ids (several values joined with ;).

Formats:
  graphml  typed keys and yEd labels (yEd, Gephi, Cytoscape, networkx)
  gexf     GEXF 1.3 with colors and date spells (Gephi, with its timeline)
  dot      Graphviz (dot -Tsvg graph.dot > graph.svg)
  cyjs     Cytoscape.js JSON (Cytoscape desktop: Import > Network from File)
  csv      two tables: with --output P, P-nodes.csv and P-edges.csv (a .csv
           ending of P is dropped); without, nodes, a blank line, then edges

Filters: --types keeps those entity types (and the events linked to them);
--from/--to keep events dated in the period (undated events are dropped when
a period is given, and so are entities in no kept event); --around keeps the
nodes within --depth edges of one node, named by IRI, prefixed name
(state:RUS) or label. --query replaces all this with a SPARQL CONSTRUCT: every
IRI is a node, rdf:type its type, rdfs:label its label, every triple with an
IRI object an edge.

Examples:
  parley graph --store news.store --format gexf --output news.gexf
  parley graph --store news.store --format dot --events edges --types State | dot -Tsvg > states.svg
  parley graph --store news.store --format csv --output news --from 2026-01-01
  parley graph --store news.store --format graphml --around state:ETH --depth 2";

const EXPLAIN_HELP: &str = "\
NODE is a full IRI, an IRI in angle brackets, or a prefixed name with the
prefixes of the output (state:, person:, organization:, place:, doc:, event:,
pid:); the part after the colon is taken as it is, so event:DOC/meeting-2
works. An event is printed with its type, label and properties (participants,
parties, demander, addressee, speaker, claimant, location with their labels;
status, topic, date, text, quote), then its evidence: the document, the
character offsets of the sentence (Unicode code points, end exclusive), the id
of the rule in ontology/rules/events.tsv that fired, and the sentence. An
entity is printed with its types, labels, ISO code, Wikidata item, whom it
represents and where it lies, the documents that mention it (with counts) and
the events it takes part in. A node that is not in the store is an error
(exit status 1).

Examples:
  parley explain --store news.store event:nairobi-border-talks/meeting-7
  parley explain --store news.store state:ETH
  parley explain --store news.store '<https://w3id.org/parley/id/person/yonas-tekle>'";

const EVENTS_HELP: &str = "\
One row per event and source/target pair, the table event-data users (ICEWS,
POLECAT, Phoenix, GDELT) work with. The source is the kind's actor (a
demand's demander, a threat's threatener), the target its addressee or
target; meetings and agreements give a row per pair of participants or
parties; statements and claims a row per speaker or claimant with no target.
An event with too few agents still gives one row, with empty cells.

Columns: event_id, date, document_id, event_type, plover_type, cameo_code,
source_label, source_iri, source_iso, target_label, target_iri, target_iso,
topic, status, location, location_iri, text, evidence, evidence_start,
evidence_end, rule (docs/events.md says what each holds). Documents come in
the order of their IRIs, events in the order of their evidence.

Examples:
  parley events --store news.store > events.csv
  parley events --store news.store --format parquet --output events.parquet";

const ENTITIES_HELP: &str = "\
One row per entity (person, state, organization, place) over all documents:
its IRI, type, preferred label, mentions (parley:mentionCount summed over the
documents), documents (how many mention it) and alternative labels (every
other name the documents give it: skos:altLabel and other rdfs:labels).
Sorted by mentions, most first, then by label. An entity that is in a graph
without being named there (the state a place lies in, the state an
organization belongs to) has 0 mentions and 0 documents.

Formats:
  table  aligned columns (IRIs shortened with the output prefixes, alternative
         labels joined with \", \"), then a line `N rows`
  tsv    a header line, then one tab-separated line per entity (full IRIs,
         alternative labels joined with |)
  json   an array of objects {\"iri\", \"type\", \"label\", \"mentions\",
         \"documents\", \"alt_labels\": [...]}

Examples:
  parley entities --store news.store
  parley entities --store news.store --type person --limit 20
  parley entities --store news.store --type state,organization --format tsv > entities.tsv";

/// A positive, finite number of seconds (below 1e9, which `Duration` holds).
fn parse_seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds.is_finite() && seconds < 1e9 => Ok(seconds),
        _ => Err(format!("{value:?} is not a positive number of seconds")),
    }
}
const PUSH_HELP: &str = "\
Each document's named graph is sent with an HTTP PUT to URL?graph=<graph IRI>
(the SPARQL 1.1 Graph Store HTTP Protocol) as N-Triples. A PUT replaces the
graph, so pushing twice leaves the endpoint as pushing once, and a document
rebuilt in the store replaces its old version there. Nothing else on the
endpoint is touched, and graphs are never deleted there.

Only what changed is sent: the store directory keeps, for each endpoint, the
SHA-256 of every graph as the endpoint last accepted it (DIR/push/*.tsv), and
a graph with the same content is not sent again. --all sends everything (say,
after the endpoint was emptied). The record is written after each batch, so a
push that was cut short resumes where it stopped.

A request that fails with 5xx, 408 or 429, times out or loses its connection
is tried again after 0.5 s, then 1, 2, 4... (at most 30 s, or the server's
Retry-After), up to --retries times; if it still fails, the push stops with an
error. A document the endpoint refuses (another 4xx) is reported and the
others are still sent.

Credentials are read from the environment, never from the command line:
PARLEY_PUSH_USER and PARLEY_PUSH_PASSWORD. They are sent only when the
endpoint asks (HTTP Digest, MD5 or SHA-256, as Virtuoso asks; or Basic).

On a terminal, a progress bar (documents, time left) is drawn on standard
error. Prints a summary: documents in the store, sent, unchanged, refused,
bytes sent, retries, elapsed time.

Endpoints:
  Oxigraph server   http://HOST:7878/store
  Virtuoso          http://HOST:8890/sparql-graph-crud-auth (Digest; user dba)
  Apache Jena Fuseki http://HOST:3030/DATASET/data

Examples:
  parley push --store news.store --endpoint http://localhost:7878/store
  PARLEY_PUSH_USER=dba PARLEY_PUSH_PASSWORD=... \\
    parley push --store news.store --endpoint http://localhost:8890/sparql-graph-crud-auth";

/// Parses `--date`; shared with JSONL `date` fields so both accept the same.
fn parse_date_arg(value: &str) -> Result<NaiveDate, String> {
    parley::parse_date(value).ok_or_else(|| format!("bad date {value:?}, expected YYYY-MM-DD"))
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input files or directories, or - for standard input [default: -]
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Date of the documents (YYYY-MM-DD), used to resolve relative dates
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Turtle)]
    pub format: ExtractFormat,
    /// Extraction threads [default: the number of cores]
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Input files or directories, or - for standard input
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Store directory (created if missing)
    #[arg(
        long,
        short,
        value_name = "DIR",
        required_unless_present = "server",
        conflicts_with = "server"
    )]
    pub store: Option<PathBuf>,
    /// Send the documents to this `parley serve --ingest` instead of a store
    /// directory (token in the environment variable PARLEY_TOKEN)
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
    /// Date of the documents (YYYY-MM-DD), used to resolve relative dates
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Extraction threads [default: the number of cores]
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// How new documents go into the store: auto (the bulk loader for inputs
    /// over 4 MiB), bulk (always the bulk loader), transaction (one each)
    #[arg(long, value_enum, default_value_t = LoaderArg::Auto)]
    pub loader: LoaderArg,
    /// Extract and store every document again, even those already stored
    /// with the same text, metadata and rules
    #[arg(long)]
    pub force: bool,
    /// With the bulk loader, make a checkpoint every S seconds: a killed
    /// build keeps every committed checkpoint (all but at most the last three)
    #[arg(long, value_name = "S", default_value_t = parley::Checkpoints::DEFAULT_SECONDS, value_parser = clap::value_parser!(u32).range(1..))]
    pub checkpoint_seconds: u32,
    /// With the bulk loader, also make a checkpoint every N new documents,
    /// if that comes first
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub checkpoint: Option<u32>,
    /// No progress bar, even on a terminal
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LoaderArg {
    Auto,
    Bulk,
    Transaction,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Store directory
    #[arg(long, short, value_name = "DIR")]
    pub store: PathBuf,
    /// Address and port to listen on (port 0: any free port)
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Time limit of one query, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = parse_seconds)]
    pub timeout: f64,
    /// Most rows (or triples) one query may return
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_rows: usize,
    /// Largest request body, in MiB
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    pub max_body_mb: usize,
    /// Allow pages of other origins to query (CORS: Access-Control-Allow-Origin: *)
    #[arg(long)]
    pub cors: bool,
    /// Accept documents (POST /documents, parley build --server) from clients
    /// that send the token in PARLEY_TOKEN
    #[arg(long)]
    pub ingest: bool,
    /// Threads answering requests
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: u16,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Store directory
    #[arg(long, short, value_name = "DIR")]
    pub store: PathBuf,
    /// The SPARQL query
    #[arg(value_name = "SPARQL", required_unless_present = "file", conflicts_with = "file")]
    pub sparql: Option<String>,
    /// Read the query from a file (- for standard input)
    #[arg(long, value_name = "Q.rq")]
    pub file: Option<PathBuf>,
    /// Output format of SELECT and ASK results
    #[arg(long, value_enum, default_value_t = ResultsFormat::Table)]
    pub format: ResultsFormat,
    /// Print on standard error how long the query took, from the store being
    /// open to the last result written
    #[arg(long)]
    pub time: bool,
    /// Stop the query after SECONDS (a decimal number) with an error, instead
    /// of letting a runaway query run on
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub timeout: Option<f64>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Store directory
    #[arg(long, short, value_name = "DIR")]
    pub store: PathBuf,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ExportFormat::Trig)]
    pub format: ExportFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Store directory
    #[arg(long, short, value_name = "DIR")]
    pub store: PathBuf,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Store directory
    #[arg(long, short, value_name = "DIR")]
    pub store: PathBuf,
    /// Output format
    #[arg(long, short, value_enum)]
    pub format: NetworkFormatArg,
    /// Write to FILE instead of standard output (csv: the prefix of two files)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Events as nodes, or as edges between the entities involved
    #[arg(long, value_enum, default_value_t = EventsArg::Nodes)]
    pub events: EventsArg,
    /// Entity types to keep, comma-separated: Person, State, Organization, Place
    #[arg(long, value_name = "TYPES", value_delimiter = ',', value_parser = parse_entity_type)]
    pub types: Vec<parley::EntityType>,
    /// Keep events dated on or after this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// Keep events dated on or before this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    /// Keep the neighbourhood of this node (IRI, prefixed name or label)
    #[arg(long, value_name = "NODE")]
    pub around: Option<String>,
    /// Radius of the neighbourhood, in edges
    #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
    pub depth: usize,
    /// Build the graph from a SPARQL CONSTRUCT query in this file (- for standard input)
    #[arg(long, value_name = "Q.rq", conflicts_with_all = ["events", "types", "from", "to"])]
    pub query: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Store directory
    #[arg(long, short, value_name = "DIR")]
    pub store: PathBuf,
    /// The node: IRI, <IRI> or prefixed name (state:RUS, event:DOC/meeting-1)
    #[arg(value_name = "NODE")]
    pub node: String,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Store directory
    #[arg(long, short, value_name = "DIR")]
    pub store: PathBuf,
    /// Entity types to list, comma-separated: person, state, organization, place [default: all]
    #[arg(long = "type", short, value_name = "TYPES", value_delimiter = ',', value_parser = parse_entity_type)]
    pub types: Vec<parley::EntityType>,
    /// List at most N entities (the first N of the sorted list)
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = EntitiesFormat::Table)]
    pub format: EntitiesFormat,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Store directory
    #[arg(long, short, value_name = "DIR")]
    pub store: PathBuf,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = EventsFormatArg::Csv)]
    pub format: EventsFormatArg,
    /// Write to FILE instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventsFormatArg {
    /// Comma-separated, RFC 4180 quoting, with a header
    Csv,
    /// Tab-separated, control characters escaped, with a header
    Tsv,
    /// One JSON object per row
    Jsonl,
    /// Apache Parquet (Snappy)
    Parquet,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// Store directory
    #[arg(long, short, value_name = "DIR")]
    pub store: PathBuf,
    /// The endpoint of the SPARQL 1.1 Graph Store HTTP Protocol
    #[arg(long, short, value_name = "URL")]
    pub endpoint: String,
    /// Send every document, even those the endpoint already has as they are
    #[arg(long)]
    pub all: bool,
    /// Requests in flight at once, one connection each
    #[arg(long, short, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: u16,
    /// Documents read, sent and recorded together
    #[arg(long, value_name = "N", default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Times a request is tried again after a failure that may pass
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub retries: u32,
    /// Seconds one request may take, answer included
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// No progress bar, even on a terminal
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntitiesFormat {
    /// Aligned columns for reading
    Table,
    Tsv,
    Json,
}

fn parse_entity_type(value: &str) -> Result<parley::EntityType, String> {
    parley::EntityType::from_name(value)
        .ok_or_else(|| format!("unknown entity type {value:?}, expected Person, State, Organization or Place"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NetworkFormatArg {
    Dot,
    Graphml,
    Gexf,
    Cyjs,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventsArg {
    Nodes,
    Edges,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Jsonld,
    /// JSON Lines of mentions with offsets, entity types and IRIs
    Mentions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Jsonld,
    Rdfxml,
}

impl ExportFormat {
    pub fn graph_format(self) -> parley::GraphFormat {
        use parley::GraphFormat as G;
        match self {
            ExportFormat::Turtle => G::Turtle,
            ExportFormat::Ntriples => G::NTriples,
            ExportFormat::Nquads => G::NQuads,
            ExportFormat::Trig => G::TriG,
            ExportFormat::Jsonld => G::JsonLd,
            ExportFormat::Rdfxml => G::RdfXml,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultsFormat {
    /// Aligned columns for reading
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}
