//! The `parley` binary: parses the command line and runs one command.
//!
//! Errors travel as `anyhow::Error` with context and end here as one line on
//! standard error, `parley: <message: cause: cause>`, and an exit status:
//! 1 for usage and input errors, 2 for store and output errors (the table is
//! in `parley --help`). A closed standard output (`parley ... | head`) is
//! success, as in any Unix filter.

mod cli;
mod explain;

use std::cell::Cell;
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use oxigraph::model::{GraphName, NamedNode, Quad, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;
use parley::{
    default_jobs, DocumentGraph, mint, ordered_map, read_inputs, vocab, write_quads, Document,
    Extraction, Extractor, GraphFormat, InputError, Inputs, Location, ParleyError, ParleyStore,
};
use serde::Serialize;

use cli::{BuildArgs, Cli, Command, ExportArgs, ExtractArgs, ExtractFormat, QueryArgs};
use cli::{LoaderArg, ResultsFormat, StatsArgs};
use cli::{EntitiesArgs, EntitiesFormat, EventsArg, ExplainArgs, GraphArgs, NetworkFormatArg};

/// mimalloc serves every allocation of the process: Rust's, and (through the
/// crate's `override` feature) RocksDB's `malloc` and `new`. Extraction makes
/// many small, short-lived allocations, and glibc's allocator was a fifth of
/// its time. It must be both or neither: oxigraph frees strings RocksDB
/// allocated (its error messages) through Rust's allocator, which crashed
/// when only Rust's allocations went to mimalloc (`a_locked_store_is_reported`
/// guards this).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A panic is a bug. The default hook would print a multi-line report; we
    // report it on one line instead, through the error path: extraction
    // catches its own per document (`Extractor::try_extract`) and goes on with
    // the next, and anything else is caught around `run`.
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = match std::panic::catch_unwind(run) {
        Ok(outcome) => outcome,
        Err(payload) => {
            let message = parley::panic_message(payload.as_ref());
            eprintln!("parley: internal error ({}); please report it", message.replace(['\r', '\n'], " "));
            return ExitCode::from(70);
        }
    };
    match outcome {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parley: {}", one_line(&error));
            ExitCode::from(exit_status(&error))
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with status 0; usage errors to
            // stderr with status 1 (clap's own default would be 2, which
            // Parley keeps for store errors).
            let status = if error.use_stderr() { 1 } else { 0 };
            let _ = error.print();
            return Ok(ExitCode::from(status));
        }
    };
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Build(args) => build(args),
        Command::Query(args) => query(args),
        Command::Export(args) => export(args),
        Command::Stats(args) => stats(args),
        Command::Graph(args) => graph(args),
        Command::Explain(args) => explain(args),
        Command::Entities(args) => entities(args),
    }
}

/// 2 for anything about the store or the output, 1 for the rest.
fn exit_status(error: &anyhow::Error) -> u8 {
    for cause in error.chain() {
        if let Some(error) = cause.downcast_ref::<ParleyError>() {
            return match error {
                ParleyError::NotAStore { .. }
                | ParleyError::NoSuchStore { .. }
                | ParleyError::StoreLocked { .. }
                | ParleyError::Store { .. }
                | ParleyError::Io(_) => 2,
                _ => 1,
            };
        }
        if cause.downcast_ref::<io::Error>().is_some() {
            return 2;
        }
    }
    1
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<ParleyError>()
                .is_some_and(ParleyError::is_broken_pipe)
    })
}

fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// Documents in one batch of the extraction pipeline: enough to keep every
/// thread busy, few enough that memory stays small.
const BATCH_DOCUMENTS: usize = 512;

/// Input size from which `build` uses the bulk loader: about a thousand
/// news articles. Below it, transactions cost little and each document is
/// in the store as soon as it is stored.
const BULK_BUILD_BYTES: u64 = 4 << 20;

/// What `extract` makes of one input document, on a worker thread.
enum Extracted {
    /// Bytes ready to write (N-Quads lines, a mentions line).
    Bytes(Vec<u8>),
    /// Quads for a serializer that needs them in order on one thread.
    Quads(Vec<Quad>),
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs
    };
    let extractor = Extractor::new()?;
    let jobs = args.jobs.map_or_else(default_jobs, usize::from);
    let format = args.format;
    let work = |input: Result<Document, InputError>| -> Result<Extracted, anyhow::Error> {
        let doc = input?;
        let extraction = extractor.try_extract(&doc)?;
        Ok(match format {
            ExtractFormat::Mentions => {
                let mut line = Vec::new();
                write_mentions(&doc, &extraction, &mut line)?;
                Extracted::Bytes(line)
            }
            ExtractFormat::Nquads => {
                let mut bytes = Vec::new();
                DocumentGraph::new(&doc, &extraction).append_nquads(&mut bytes);
                Extracted::Bytes(bytes)
            }
            _ => Extracted::Quads(DocumentGraph::new(&doc, &extraction).to_quads()),
        })
    };
    let mut failed = 0usize;
    // results in input order; a bad document is reported and left out
    let mut results = ordered_map(read_inputs(&inputs, args.date), jobs, BATCH_DOCUMENTS, work).filter_map(|result| {
        result
            .map_err(|error| {
                failed += 1;
                eprintln!("parley: {}", one_line(&error));
            })
            .ok()
    });
    let mut out = stdout();
    let graph_format = match format {
        ExtractFormat::Mentions | ExtractFormat::Nquads => None,
        ExtractFormat::Turtle => Some(GraphFormat::Turtle),
        ExtractFormat::Ntriples => Some(GraphFormat::NTriples),
        ExtractFormat::Trig => Some(GraphFormat::TriG),
        ExtractFormat::Jsonld => Some(GraphFormat::JsonLd),
    };
    match graph_format {
        None => {
            for result in results.by_ref() {
                if let Extracted::Bytes(bytes) = result {
                    out.write_all(&bytes)?;
                }
            }
        }
        Some(graph_format) => {
            let quads = results
                .by_ref()
                .flat_map(|result| match result {
                    Extracted::Quads(quads) => quads,
                    Extracted::Bytes(_) => Vec::new(),
                })
                .map(Ok);
            out = write_quads(graph_format, quads, out)?;
        }
    }
    drop(results);
    out.flush()?;
    Ok(status_after(failed))
}

/// An error as one line: `{:#}` joins the chain with ": ", and messages from
/// dependencies may still hold newlines, while the contract is one line per
/// error.
fn one_line(error: &anyhow::Error) -> String {
    format!("{error:#}").replace(['\r', '\n'], " ")
}

#[derive(Serialize)]
struct MentionsLine<'a> {
    id: &'a str,
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    entity: String,
}

/// One line of `--format mentions`.
fn write_mentions(doc: &Document, extraction: &Extraction, out: &mut Vec<u8>) -> anyhow::Result<()> {
    let mentions = extraction
        .mentions
        .iter()
        .filter_map(|mention| {
            let entity = extraction.entities.get(mention.entity)?;
            Some(MentionOut {
                start: mention.start,
                end: mention.end,
                text: &mention.text,
                kind: entity.kind.name(),
                entity: mint::entity_iri(&entity.key).into_string(),
            })
        })
        .collect();
    serde_json::to_writer(&mut *out, &MentionsLine { id: &doc.id, mentions }).map_err(io::Error::from)?;
    out.push(b'\n');
    Ok(())
}

/// What `build` makes of one input document, on a worker thread.
struct Built {
    doc_id: String,
    quads: Vec<Quad>,
    events: usize,
    entities: Vec<NamedNode>,
}

fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    // Open the store first: a wrong --store should fail before any work.
    let store = ParleyStore::open(&args.store)?;
    let extractor = Extractor::new()?;
    let jobs = args.jobs.map_or_else(default_jobs, usize::from);
    let total_bytes = Inputs::total_bytes(&args.inputs);
    let progress = Progress::new(total_bytes, args.quiet);
    let (mut added, mut skipped, mut events, mut quads) = (0usize, 0usize, 0usize, 0usize);
    let mut entities = HashSet::new();
    let bytes_read = Rc::new(Cell::new(0u64));
    let mut inputs = read_inputs(&args.inputs, args.date);
    let source = {
        let bytes_read = Rc::clone(&bytes_read);
        std::iter::from_fn(move || {
            let next = inputs.next();
            bytes_read.set(inputs.bytes_read());
            next
        })
    };
    let work = |input: Result<Document, InputError>| -> anyhow::Result<Built> {
        let doc = input?;
        let extraction = extractor.try_extract(&doc)?;
        let graph = DocumentGraph::new(&doc, &extraction);
        let (quads, entities) = (graph.to_quads(), graph.entities().to_vec());
        Ok(Built {
            quads,
            events: extraction.events.len(),
            entities,
            doc_id: doc.id,
        })
    };
    let results = ordered_map(source, jobs, BATCH_DOCUMENTS, work);
    // Large inputs load new documents through the bulk loader; a small,
    // incremental build stores each document in its own transaction.
    let large = match args.loader {
        LoaderArg::Auto => total_bytes > BULK_BUILD_BYTES,
        LoaderArg::Bulk => true,
        LoaderArg::Transaction => false,
    };
    let mut writer = store.writer(large, jobs);
    for result in results {
        let built = match result {
            Ok(built) => built,
            Err(error) => {
                progress.suspend(|| eprintln!("parley: {}", one_line(&error)));
                skipped += 1;
                continue;
            }
        };
        let doc_iri = mint::document_iri(&built.doc_id);
        let quad_count = built.quads.len();
        writer
            .add(doc_iri.as_ref(), built.quads)
            .with_context(|| format!("cannot store document {:?}", built.doc_id))?;
        added += 1;
        quads += quad_count;
        events += built.events;
        entities.extend(built.entities);
        progress.update(added + skipped, bytes_read.get());
    }
    progress.committing(added + skipped);
    writer.finish().context("cannot commit the bulk load")?;
    progress.finish();

    let mut out = stdout();
    write_rows(
        &mut out,
        &[
            ("documents added", added.to_string()),
            ("documents skipped", skipped.to_string()),
            ("entities", entities.len().to_string()),
            ("events", events.to_string()),
            ("quads written", quads.to_string()),
            ("elapsed", format!("{:.2} s", started.elapsed().as_secs_f64())),
        ],
    )?;
    out.flush()?;
    Ok(status_after(skipped))
}

/// 1 when some input documents were bad (reported and left out), else 0.
fn status_after(bad_documents: usize) -> ExitCode {
    if bad_documents == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The progress bar of `build`: drawn on standard error when it is a
/// terminal (and `--quiet` is not given), absent otherwise.
struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(total_bytes: u64, quiet: bool) -> Progress {
        let bar = (!quiet && io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total_bytes.max(1)), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{bar:30} {percent:>3}%  {msg}  {elapsed} elapsed, ~{eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress { bar }
    }

    /// `documents` done so far, `bytes` of input read.
    fn update(&self, documents: usize, bytes: u64) {
        if let Some(bar) = &self.bar {
            let rate = documents as f64 / bar.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{documents} documents, {rate:.0}/s"));
            bar.set_position(bytes);
        }
    }

    /// Says that the documents are all read and the store is committing.
    fn committing(&self, documents: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{documents} documents; committing"));
        }
    }

    /// Runs `f` (which prints) with the bar cleared from the screen.
    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Two aligned columns: a name and a value.
fn write_rows(out: &mut impl Write, rows: &[(&str, String)]) -> io::Result<()> {
    let width = rows.iter().map(|(name, _)| name.chars().count()).max().unwrap_or(0);
    for (name, value) in rows {
        writeln!(out, "{name:<width$}  {value}")?;
    }
    Ok(())
}

fn read_query_file(path: &Path) -> anyhow::Result<String> {
    let location = Location {
        file: path.display().to_string(),
        line: None,
    };
    let mut text = String::new();
    let result = if path.as_os_str() == "-" {
        io::stdin().lock().read_to_string(&mut text).map(|_| ())
    } else {
        fs::read_to_string(path).map(|read| text = read)
    };
    match result {
        Ok(()) => Ok(text),
        Err(cause) if cause.kind() == io::ErrorKind::NotFound => {
            Err(InputError::NotFound { path: path.to_owned() }.into())
        }
        Err(cause) => Err(InputError::Read { location, cause }.into()),
    }
}

fn query(args: QueryArgs) -> anyhow::Result<ExitCode> {
    let sparql = match (&args.sparql, &args.file) {
        (Some(sparql), _) => sparql.clone(),
        (None, Some(file)) => read_query_file(file)?,
        // clap requires one of the two.
        (None, None) => anyhow::bail!("give a SPARQL query or --file"),
    };
    let store = ParleyStore::open_existing(&args.store)?;
    let started = Instant::now();
    let results = store.query(&sparql)?;
    let mut out = stdout();
    let evaluation = |e: oxigraph::sparql::QueryEvaluationError| ParleyError::SparqlEvaluation(Box::new(e));
    match (results, args.format) {
        (QueryResults::Boolean(value), ResultsFormat::Table) => writeln!(out, "{value}")?,
        (QueryResults::Boolean(value), format) => {
            out =
                QueryResultsSerializer::from_format(results_format(format)).serialize_boolean_to_writer(out, value)?;
            out.write_all(b"\n")?;
        }
        (QueryResults::Solutions(solutions), ResultsFormat::Table) => {
            let variables: Vec<String> = solutions.variables().iter().map(|v| v.as_str().to_owned()).collect();
            let mut rows: Vec<Vec<String>> = Vec::new();
            for solution in solutions {
                let solution = solution.map_err(evaluation)?;
                rows.push(
                    solution
                        .values()
                        .iter()
                        .map(|v| v.as_ref().map_or(String::new(), compact))
                        .collect(),
                );
            }
            write_table(&mut out, &variables, &rows)?;
        }
        (QueryResults::Solutions(solutions), format) => {
            let mut serializer = QueryResultsSerializer::from_format(results_format(format))
                .serialize_solutions_to_writer(out, solutions.variables().to_vec())?;
            for solution in solutions {
                serializer.serialize(&solution.map_err(evaluation)?)?;
            }
            out = serializer.finish()?;
            // JSON and XML results end without a newline; CSV and TSV with one.
            if matches!(format, ResultsFormat::Json | ResultsFormat::Xml) {
                out.write_all(b"\n")?;
            }
        }
        (QueryResults::Graph(triples), _) => {
            let quads = triples.map(|triple| triple.map(|t| t.in_graph(GraphName::DefaultGraph)).map_err(evaluation));
            out = write_quads(GraphFormat::Turtle, quads, out)?;
        }
    }
    out.flush()?;
    if args.time {
        eprintln!("query time: {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(ExitCode::SUCCESS)
}

fn results_format(format: ResultsFormat) -> QueryResultsFormat {
    match format {
        ResultsFormat::Csv => QueryResultsFormat::Csv,
        ResultsFormat::Tsv => QueryResultsFormat::Tsv,
        ResultsFormat::Xml => QueryResultsFormat::Xml,
        ResultsFormat::Json | ResultsFormat::Table => QueryResultsFormat::Json,
    }
}

/// A term as a table cell: IRIs prefixed where a known prefix applies (else
/// `<...>`), literals as their lexical value, control characters escaped so
/// a row stays on one line.
fn compact(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => {
            let iri = node.as_str();
            vocab::PREFIXES
                .iter()
                .find_map(|(prefix, namespace)| {
                    let local = iri.strip_prefix(namespace)?;
                    // only a local name SPARQL reads back as is (no "/")
                    let plain = !local.is_empty()
                        && local.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c))
                        && !local.ends_with('.')
                        && !local.starts_with(['-', '.']);
                    plain.then(|| format!("{prefix}:{local}"))
                })
                .unwrap_or_else(|| format!("<{iri}>"))
        }
        Term::Literal(literal) => literal
            .value()
            .replace('\\', "\\\\")
            .replace('\n', "\\n")
            .replace('\r', "\\r")
            .replace('\t', "\\t"),
        other => other.to_string(),
    }
}

fn write_table(out: &mut impl Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            if i + 1 < cells.len() {
                text.extend(std::iter::repeat_n(' ', width - cell.chars().count()));
            }
        }
        writeln!(out, "{text}")
    };
    if !header.is_empty() {
        line(&mut *out, header)?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&mut *out, &rule)?;
        for row in rows {
            line(&mut *out, row)?;
        }
    }
    let n = rows.len();
    writeln!(out, "{n} {}", if n == 1 { "row" } else { "rows" })
}

fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = ParleyStore::open_existing(&args.store)?;
    let format = args.format.graph_format();
    match &args.output {
        None => {
            let mut out = store.export(format, stdout())?;
            out.flush()?;
        }
        Some(path) => {
            let file = File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
            let mut out = store.export(format, BufWriter::new(file))?;
            out.flush()
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn stats(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let store = ParleyStore::open_existing(&args.store)?;
    let stats = store.stats()?;
    let mut rows = vec![
        ("documents", stats.documents.to_string()),
        ("triples", stats.triples.to_string()),
        ("quads", stats.quads.to_string()),
        ("subjects", stats.subjects.to_string()),
    ];
    rows.extend(stats.classes.iter().map(|(class, n)| (*class, n.to_string())));
    let mut out = stdout();
    write_rows(&mut out, &rows)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn graph(args: GraphArgs) -> anyhow::Result<ExitCode> {
    let construct = match &args.query {
        Some(path) => Some(read_query_file(path)?),
        None => None,
    };
    let options = parley::GraphOptions {
        events: match args.events {
            EventsArg::Nodes => parley::EventMode::Nodes,
            EventsArg::Edges => parley::EventMode::Edges,
        },
        types: (!args.types.is_empty()).then(|| args.types.iter().copied().collect()),
        from: args.from,
        to: args.to,
        around: args.around.clone(),
        depth: args.depth,
        construct,
    };
    let store = ParleyStore::open_existing(&args.store)?;
    let network = parley::project(&store, &options)?;
    let format = match args.format {
        NetworkFormatArg::Dot => parley::NetworkFormat::Dot,
        NetworkFormatArg::Graphml => parley::NetworkFormat::GraphMl,
        NetworkFormatArg::Gexf => parley::NetworkFormat::Gexf,
        NetworkFormatArg::Cyjs => parley::NetworkFormat::Cyjs,
        NetworkFormatArg::Csv => {
            match &args.output {
                None => {
                    let mut out = stdout();
                    let mut nodes = Vec::new();
                    let mut edges = Vec::new();
                    parley::write_csv(&network, &mut nodes, &mut edges)?;
                    out.write_all(&nodes)?;
                    out.write_all(b"\n")?;
                    out.write_all(&edges)?;
                    out.flush()?;
                }
                Some(prefix) => {
                    let prefix = prefix.to_string_lossy();
                    let prefix = prefix.strip_suffix(".csv").unwrap_or(&prefix);
                    let nodes_path = PathBuf::from(format!("{prefix}-nodes.csv"));
                    let edges_path = PathBuf::from(format!("{prefix}-edges.csv"));
                    let mut nodes = create(&nodes_path)?;
                    let mut edges = create(&edges_path)?;
                    parley::write_csv(&network, &mut nodes, &mut edges)?;
                    nodes
                        .flush()
                        .with_context(|| format!("{}: cannot write", nodes_path.display()))?;
                    edges
                        .flush()
                        .with_context(|| format!("{}: cannot write", edges_path.display()))?;
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    match &args.output {
        None => {
            let mut out = stdout();
            parley::write_network(&network, format, &mut out)?;
            out.flush()?;
        }
        Some(path) => {
            let mut out = create(path)?;
            parley::write_network(&network, format, &mut out)
                .with_context(|| format!("{}: cannot write", path.display()))?;
            out.flush()
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let store = ParleyStore::open_existing(&args.store)?;
    let mut out = stdout();
    explain::explain(&store, &args.node, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct EntityOut<'a> {
    iri: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    mentions: u64,
    documents: u64,
    alt_labels: &'a [String],
}

fn entities(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let store = ParleyStore::open_existing(&args.store)?;
    let mut entities = store.entities()?;
    if !args.types.is_empty() {
        entities.retain(|e| args.types.iter().any(|t| t.name() == e.kind.name()));
    }
    entities.truncate(args.limit.unwrap_or(usize::MAX));
    let mut out = stdout();
    match args.format {
        EntitiesFormat::Table => {
            let header: Vec<String> = ["entity", "type", "label", "mentions", "documents", "alt_labels"]
                .map(String::from)
                .into();
            let rows: Vec<Vec<String>> = entities
                .iter()
                .map(|e| {
                    vec![
                        compact(&Term::NamedNode(oxigraph::model::NamedNode::new_unchecked(
                            e.iri.clone(),
                        ))),
                        e.kind.name().to_owned(),
                        e.label.clone(),
                        e.mentions.to_string(),
                        e.documents.to_string(),
                        e.alt_labels.join(", "),
                    ]
                })
                .collect();
            write_table(&mut out, &header, &rows)?;
        }
        EntitiesFormat::Tsv => {
            // a tab or line break inside a name would break the row: escaped as in `query --format table`
            let cell = |value: &str| {
                value
                    .replace('\\', "\\\\")
                    .replace('\t', "\\t")
                    .replace('\n', "\\n")
                    .replace('\r', "\\r")
            };
            writeln!(out, "iri\ttype\tlabel\tmentions\tdocuments\talt_labels")?;
            for e in &entities {
                let alts: Vec<String> = e.alt_labels.iter().map(|alt| cell(alt)).collect();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    e.iri,
                    e.kind.name(),
                    cell(&e.label),
                    e.mentions,
                    e.documents,
                    alts.join("|")
                )?;
            }
        }
        EntitiesFormat::Json => {
            let objects: Vec<EntityOut> = entities
                .iter()
                .map(|e| EntityOut {
                    iri: &e.iri,
                    kind: e.kind.name(),
                    label: &e.label,
                    mentions: e.mentions,
                    documents: e.documents,
                    alt_labels: &e.alt_labels,
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &objects).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn create(path: &Path) -> anyhow::Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
    Ok(BufWriter::new(file))
}
