//! The `parley` binary: parses the command line and runs one command.
//!
//! Errors travel as `anyhow::Error` with context and end here as one line on
//! standard error, `parley: <message: cause: cause>`, and an exit status:
//! 1 for usage and input errors, 2 for store and output errors (the table is
//! in `parley --help`). A closed standard output (`parley ... | head`) is
//! success, as in any Unix filter.

mod allocator;
mod cli;

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;
use oxigraph::model::{NamedNode, Quad};
use parley::{
    append_mentions, content_hash, default_jobs, event_rows, mint, one_line, ordered_map, read_inputs, read_shards,
    split_shards, write_entities, write_push_report, write_quads, write_results, write_stats, BuildReport, Checkpoints,
    Document, DocumentGraph, EntitiesFormat as EntitiesOutput, EventTableWriter, EventsFormat, Extractor, GraphFormat,
    InputError, Inputs, Location, ParleyError, ParleyStore, Progress, QueryDeadline, ResultsFormat as ResultsOutput,
    ShardGraph,
};

use cli::{BuildArgs, Cli, Command, ExportArgs, ExtractArgs, ExtractFormat, QueryArgs};
use cli::{EntitiesArgs, EntitiesFormat, EventsArg, ExplainArgs, GraphArgs, NetworkFormatArg};
use cli::{EventsArgs, EventsFormatArg, LoaderArg, PushArgs, ResultsFormat, ServeArgs, StatsArgs};

/// mimalloc serves every allocation of the process: Rust's, and (through the
/// `override` feature of libmimalloc-sys) RocksDB's `malloc` and `new`. Extraction makes
/// many small, short-lived allocations, and glibc's allocator was a fifth of
/// its time. It must be both or neither: oxigraph frees strings RocksDB
/// allocated (its error messages) through Rust's allocator, which crashed
/// when only Rust's allocations went to mimalloc (`a_locked_store_is_reported`
/// guards this).
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

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
            eprintln!(
                "parley: internal error ({}); please report it",
                message.replace(['\r', '\n'], " ")
            );
            return ExitCode::from(70);
        }
    };
    match outcome {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parley: {}", one_line(format_args!("{error:#}")));
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
    if matches!(cli.command, Command::Extract(_)) {
        allocator::keep_freed_memory();
    }
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Build(args) => build(args),
        Command::Query(args) => query(args),
        Command::Export(args) => export(args),
        Command::Stats(args) => stats(args),
        Command::Graph(args) => graph(args),
        Command::Explain(args) => explain(args),
        Command::Entities(args) => entities(args),
        Command::Serve(args) => serve(args),
        Command::Events(args) => events(args),
        Command::Push(args) => push(args),
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
                | ParleyError::DiskFull { .. }
                | ParleyError::EndpointUnauthorized { .. }
                | ParleyError::EndpointUnavailable { .. }
                | ParleyError::GraphRefused { .. }
                | ParleyError::PushRecord { .. }
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
                append_mentions(&doc, &extraction, &mut line)?;
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
                eprintln!("parley: {}", one_line(format_args!("{error:#}")));
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

/// What `build` makes of one input document, on a worker thread, or reads
/// from an N-Quads shard.
enum Built {
    /// A document to store, with its content hash (none for a shard's graph).
    Extracted {
        doc_iri: NamedNode,
        hash: Option<String>,
        quads: Vec<Quad>,
        events: usize,
        entities: Vec<NamedNode>,
    },
    /// Already stored with the same content hash: nothing to do.
    Unchanged,
}

impl Built {
    /// A document graph read from a shard: its events and entities are the
    /// nodes typed with an event or entity class.
    fn from_shard(shard: ShardGraph) -> Built {
        let (events, entities) = shard.events_and_entities();
        Built::Extracted {
            doc_iri: shard.graph,
            hash: None,
            quads: shard.quads,
            events,
            entities,
        }
    }
}

fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let store_dir = match (&args.store, &args.server) {
        (_, Some(url)) => return build_remote(&args, url),
        (Some(dir), None) => dir,
        // clap requires one of the two.
        (None, None) => anyhow::bail!("give --store or --server"),
    };
    let started = Instant::now();
    // Open the store first: a wrong --store should fail before any work.
    let store = ParleyStore::open(store_dir).map_err(|error| served_instead(store_dir, error, true))?;
    let extractor = Extractor::new()?;
    let jobs = args.jobs.map_or_else(default_jobs, usize::from);
    let total_bytes = Inputs::total_bytes(&args.inputs);
    let progress = Progress::new(total_bytes, args.quiet);
    let (mut added, mut skipped, mut events, mut quads) = (0usize, 0usize, 0usize, 0usize);
    let mut unchanged = 0usize;
    let force = args.force;
    let mut entities = HashSet::new();
    let (text_inputs, shard_inputs) = split_shards(&args.inputs);
    let (source, bytes_read) = read_inputs(&text_inputs, args.date).counting_bytes();
    let work = |input: Result<Document, InputError>| -> anyhow::Result<Built> {
        let doc = input?;
        // read before extracting: a re-run of a finished build extracts nothing
        let hash = content_hash(&doc);
        if !force {
            let stored = store.stored_hash(mint::document_iri(&doc.id).as_ref())?;
            if stored.as_deref() == Some(hash.as_str()) {
                return Ok(Built::Unchanged);
            }
        }
        let extraction = extractor.try_extract(&doc)?;
        let graph = DocumentGraph::new(&doc, &extraction);
        let (quads, entities) = (graph.to_quads(), graph.entities().to_vec());
        Ok(Built::Extracted {
            hash: Some(hash),
            quads,
            events: extraction.events.len(),
            entities,
            doc_iri: mint::document_iri(&doc.id),
        })
    };
    // documents extracted here first, then the graphs of N-Quads shards
    let from_shards = read_shards(&shard_inputs).map(|shard| Ok(Built::from_shard(shard?)));
    let results = ordered_map(source, jobs, BATCH_DOCUMENTS, work).chain(from_shards);
    // Large inputs load new documents through the bulk loader; a small,
    // incremental build stores each document in its own transaction.
    let large = match args.loader {
        LoaderArg::Auto => total_bytes > BULK_BUILD_BYTES,
        LoaderArg::Bulk => true,
        LoaderArg::Transaction => false,
    };
    let checkpoints = Checkpoints {
        interval: Duration::from_secs(args.checkpoint_seconds.into()),
        documents: args.checkpoint.map(|n| n as usize),
    };
    let mut writer = store.writer(large, jobs, checkpoints);
    for result in results {
        let built = match result {
            Ok(built) => built,
            Err(error) => {
                progress.suspend(|| eprintln!("parley: {}", one_line(format_args!("{error:#}"))));
                skipped += 1;
                continue;
            }
        };
        match built {
            Built::Unchanged => unchanged += 1,
            Built::Extracted {
                doc_iri,
                hash,
                quads: document_quads,
                events: document_events,
                entities: document_entities,
            } => {
                let quad_count = document_quads.len();
                writer
                    .add(doc_iri.as_ref(), document_quads, hash.as_deref())
                    .with_context(|| format!("cannot store document <{}>", doc_iri.as_str()))?;
                added += 1;
                quads += quad_count;
                events += document_events;
                entities.extend(document_entities);
            }
        }
        progress.update(added + skipped + unchanged, bytes_read.get());
    }
    progress.committing(added + skipped + unchanged);
    writer.finish().context("cannot commit the bulk load")?;
    progress.finish();

    let mut out = stdout();
    let report = BuildReport {
        added,
        unchanged: Some(unchanged),
        skipped,
        entities: entities.len(),
        events,
        quads,
        elapsed: started.elapsed(),
    };
    report.write(&mut out)?;
    out.flush()?;
    Ok(status_after(skipped))
}

/// A store held by `parley serve` is locked; the error then says where the
/// server is and how to reach the store through it.
fn served_instead(dir: &Path, error: ParleyError, writing: bool) -> anyhow::Error {
    match (&error, parley::served_url(dir)) {
        (ParleyError::StoreLocked { .. }, Some(url)) => {
            let hint = if writing {
                format!("the store is served by `parley serve` at {url} (send documents with `parley build --server {url}`)")
            } else {
                format!("the store is served by `parley serve` at {url} (query it at {url}/sparql)")
            };
            anyhow::Error::new(error).context(hint)
        }
        _ => error.into(),
    }
}

/// Bytes of N-Quads sent in one request of `build --server`.
const REMOTE_BATCH_BYTES: usize = 4 << 20;

/// `build --server URL`: extracts here, sends each batch of document graphs
/// to the server as N-Quads.
fn build_remote(args: &BuildArgs, url: &str) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let token = std::env::var("PARLEY_TOKEN")
        .ok()
        .filter(|token| !token.is_empty())
        .context("--server needs the server's token in the environment variable PARLEY_TOKEN")?;
    let client = parley::IngestClient::new(url, token);
    client.check()?;
    let extractor = Extractor::new()?;
    let jobs = args.jobs.map_or_else(default_jobs, usize::from);
    let total_bytes = Inputs::total_bytes(&args.inputs);
    let progress = Progress::new(total_bytes, args.quiet);
    let (source, bytes_read) = read_inputs(&args.inputs, args.date).counting_bytes();
    let work = |input: Result<Document, InputError>| -> anyhow::Result<(Vec<u8>, usize, Vec<NamedNode>)> {
        let doc = input?;
        let extraction = extractor.try_extract(&doc)?;
        let graph = DocumentGraph::new(&doc, &extraction);
        let mut bytes = Vec::new();
        graph.append_nquads(&mut bytes);
        Ok((bytes, extraction.events.len(), graph.entities().to_vec()))
    };
    let (mut skipped, mut events, mut seen) = (0usize, 0usize, 0usize);
    let mut entities = HashSet::new();
    let mut total = parley::IngestReport::default();
    let mut batch = Vec::new();
    let send = |batch: &mut Vec<u8>, total: &mut parley::IngestReport| -> anyhow::Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let report = client.send_nquads(batch)?;
        batch.clear();
        for error in &report.errors {
            progress.suspend(|| eprintln!("parley: {error}"));
        }
        total.added += report.added;
        total.skipped += report.skipped;
        total.quads += report.quads;
        Ok(())
    };
    for result in ordered_map(source, jobs, BATCH_DOCUMENTS, work) {
        seen += 1;
        match result {
            Ok((bytes, event_count, doc_entities)) => {
                batch.extend_from_slice(&bytes);
                events += event_count;
                entities.extend(doc_entities);
            }
            Err(error) => {
                progress.suspend(|| eprintln!("parley: {}", one_line(format_args!("{error:#}"))));
                skipped += 1;
            }
        }
        if batch.len() >= REMOTE_BATCH_BYTES {
            send(&mut batch, &mut total)?;
        }
        progress.update(seen, bytes_read.get());
    }
    send(&mut batch, &mut total)?;
    progress.finish();
    skipped += total.skipped;
    let mut out = stdout();
    let report = BuildReport {
        added: total.added,
        unchanged: None,
        skipped,
        entities: entities.len(),
        events,
        quads: total.quads,
        elapsed: started.elapsed(),
    };
    report.write(&mut out)?;
    out.flush()?;
    Ok(status_after(skipped))
}

fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let ingest_token = if args.ingest {
        let token = std::env::var("PARLEY_TOKEN").ok().filter(|token| !token.is_empty());
        Some(token.context("--ingest needs a token in the environment variable PARLEY_TOKEN")?)
    } else {
        None
    };
    let store = ParleyStore::open_existing(&args.store).map_err(|error| served_instead(&args.store, error, false))?;
    let options = parley::ServeOptions {
        bind: args.bind.clone(),
        limits: parley::QueryLimits {
            timeout: std::time::Duration::from_secs_f64(args.timeout),
            max_rows: args.max_rows,
        },
        max_body_bytes: args.max_body_mb.saturating_mul(1 << 20),
        cors: args.cors,
        ingest_token,
        threads: usize::from(args.threads),
    };
    let server = parley::Server::bind(store, options)?;
    let stop = server.stop_handle();
    ctrlc::set_handler(move || stop.stop()).context("cannot catch Ctrl-C")?;
    eprintln!(
        "parley: serving {} at {} (SPARQL at /sparql; Ctrl-C stops)",
        args.store.display(),
        server.url()
    );
    server.run()?;
    eprintln!("parley: stopped");
    Ok(ExitCode::SUCCESS)
}

/// 1 when some input documents were bad (reported and left out), else 0.
fn status_after(bad_documents: usize) -> ExitCode {
    if bad_documents == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
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
    let store = ParleyStore::open_existing(&args.store).map_err(|error| served_instead(&args.store, error, false))?;
    let started = Instant::now();
    let deadline = args
        .timeout
        .map(|seconds| QueryDeadline::start(Duration::from_secs_f64(seconds)));
    let _hard_stop = args.timeout.map(exit_when_stuck);
    let format = match args.format {
        ResultsFormat::Table => ResultsOutput::Table,
        ResultsFormat::Csv => ResultsOutput::Csv,
        ResultsFormat::Tsv => ResultsOutput::Tsv,
        ResultsFormat::Json => ResultsOutput::Json,
        ResultsFormat::Xml => ResultsOutput::Xml,
    };
    let written = store
        .query_within(&sparql, deadline.as_ref())
        .and_then(|results| write_results(results, format, stdout()));
    let mut out = match (written, &deadline) {
        (Err(_), Some(deadline)) if deadline.passed() => {
            let seconds = deadline.limit().as_secs_f64();
            return Err(ParleyError::QueryTimeout { seconds }.into());
        }
        (written, _) => written?,
    };
    out.flush()?;
    if args.time {
        eprintln!("query time: {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// How long a query told to stop may take to notice before the process ends.
const QUERY_STOP_GRACE: Duration = Duration::from_secs(1);

/// Ends the process with the `--timeout` error when a query outlives its
/// limit by [`QUERY_STOP_GRACE`]. Oxigraph checks the cancellation of
/// [`QueryDeadline`] when it reads from the store, not while it joins what
/// it has read: a cross product of two patterns runs on in memory, and only
/// ending the process stops it. Nothing is written to a store by a query, so
/// ending is safe; the lock goes with the process. Dropping the returned
/// sender (the query ended) ends the thread.
fn exit_when_stuck(seconds: f64) -> std::sync::mpsc::Sender<()> {
    let (done, wait) = std::sync::mpsc::channel::<()>();
    let limit = Duration::from_secs_f64(seconds) + QUERY_STOP_GRACE;
    std::thread::spawn(move || {
        if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limit) {
            let error = anyhow::Error::from(ParleyError::QueryTimeout { seconds });
            eprintln!("parley: {}", one_line(format_args!("{error:#}")));
            std::process::exit(i32::from(exit_status(&error)));
        }
    });
    done
}

fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = ParleyStore::open_existing(&args.store).map_err(|error| served_instead(&args.store, error, false))?;
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
    let store = ParleyStore::open_existing(&args.store).map_err(|error| served_instead(&args.store, error, false))?;
    let stats = store.stats()?;
    let mut out = stdout();
    write_stats(&mut out, &stats)?;
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
    let store = ParleyStore::open_existing(&args.store).map_err(|error| served_instead(&args.store, error, false))?;
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
                    parley::write_csv_joined(&network, &mut out)?;
                    out.flush()?;
                }
                Some(prefix) => {
                    let (nodes_path, edges_path) = parley::csv_paths(prefix);
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
    let store = ParleyStore::open_existing(&args.store).map_err(|error| served_instead(&args.store, error, false))?;
    let explanation = parley::explain(&store, &args.node)?;
    let mut out = stdout();
    out.write_all(explanation.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn entities(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let store = ParleyStore::open_existing(&args.store).map_err(|error| served_instead(&args.store, error, false))?;
    let mut entities = store.entities()?;
    if !args.types.is_empty() {
        entities.retain(|e| args.types.iter().any(|t| t.name() == e.kind.name()));
    }
    entities.truncate(args.limit.unwrap_or(usize::MAX));
    let format = match args.format {
        EntitiesFormat::Table => EntitiesOutput::Table,
        EntitiesFormat::Tsv => EntitiesOutput::Tsv,
        EntitiesFormat::Json => EntitiesOutput::Json,
    };
    let mut out = stdout();
    write_entities(&mut out, &entities, format)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn events(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = ParleyStore::open_existing(&args.store)?;
    let format = match args.format {
        EventsFormatArg::Csv => EventsFormat::Csv,
        EventsFormatArg::Tsv => EventsFormat::Tsv,
        EventsFormatArg::Jsonl => EventsFormat::Jsonl,
        EventsFormatArg::Parquet => EventsFormat::Parquet,
    };
    // Parquet's writer moves between threads, so it takes an unlocked handle
    let out: Box<dyn Write + Send> = match &args.output {
        None => Box::new(BufWriter::new(io::stdout())),
        Some(path) => Box::new(create(path)?),
    };
    let mut table = EventTableWriter::new(format, out)?;
    store.for_each_document(|quads| table.write(event_rows(quads)))?;
    let written = table.finish();
    match &args.output {
        Some(path) => written.with_context(|| format!("{}: cannot write", path.display()))?,
        None => written?,
    };
    Ok(ExitCode::SUCCESS)
}

fn create(path: &Path) -> anyhow::Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
    Ok(BufWriter::new(file))
}

fn push(args: PushArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let credentials = parley::Credentials::from_variables(|name| std::env::var(name).ok())?;
    let store = ParleyStore::open_existing(&args.store).map_err(|error| served_instead(&args.store, error, false))?;
    let options = parley::PushOptions {
        endpoint: args.endpoint,
        credentials,
        jobs: usize::from(args.jobs),
        batch: args.batch as usize,
        retry: parley::RetryPolicy {
            retries: args.retries,
            first_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        },
        timeout: Duration::from_secs(args.timeout),
        all: args.all,
    };
    let progress = Progress::new(0, args.quiet);
    let outcome = parley::push(&store, &options, &progress, |error| {
        progress.suspend(|| eprintln!("parley: {}", one_line(format_args!("{:#}", anyhow::Error::from(error)))));
    });
    progress.finish();
    let summary = outcome?;
    let mut out = stdout();
    write_push_report(&mut out, &summary, started.elapsed())?;
    out.flush()?;
    Ok(if summary.refused == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
