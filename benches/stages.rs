//! Criterion benchmarks of Parley's hot stages, one document set at a time.
//!
//!   cargo bench --bench stages                 (all of them)
//!   cargo bench --bench stages -- recognize    (those whose name contains "recognize")
//!
//! The input is the made-up news in `benches/text/` (see its README): about
//! 5 KB in four documents, one of them hard-wrapped 1987 wire copy. Every
//! benchmark runs the stage over all four documents per iteration and reports
//! throughput in bytes of document text, so the stages compare directly.
//! Stages that need the output of earlier ones get it computed once, outside
//! the timed loop. The stage entry points come from `parley::bench`, an
//! unstable surface that exists only for these benchmarks.

use std::hint::black_box;
use std::io;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parley::bench::{self, Gazetteer};
use parley::{document_quads, write_quads, Document, DocumentGraph, Extractor, GraphFormat};

fn documents() -> Vec<Document> {
    let doc = |id: &str, date: (i32, u32, u32), text: &str| Document {
        id: id.to_string(),
        text: text.to_string(),
        date: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        title: None,
        url: None,
    };
    vec![
        doc("wire-1987", (1987, 3, 9), include_str!("text/wire-1987.txt")),
        doc("border-talks", (2026, 4, 7), include_str!("text/border-talks.txt")),
        doc("summit", (2026, 3, 15), include_str!("text/summit.txt")),
        doc("statements", (2026, 5, 22), include_str!("text/statements.txt")),
    ]
}

fn stages(c: &mut Criterion) {
    let docs = documents();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let extractor = Extractor::new().expect("embedded rules compile");
    let gazetteer = Gazetteer::new().expect("embedded gazetteer compiles");
    let sentences: Vec<_> = docs.iter().map(|d| bench::split_sentences(&d.text)).collect();
    let entities: Vec<_> = docs
        .iter()
        .zip(&sentences)
        .map(|(d, s)| bench::recognize(&extractor, d, s))
        .collect();
    let extractions: Vec<_> = docs.iter().map(|d| extractor.extract(d)).collect();
    let quads: Vec<_> = docs
        .iter()
        .zip(&extractions)
        .flat_map(|(d, x)| document_quads(d, x))
        .collect();
    // A benchmark that times nothing is worse than none: check the stages find something.
    assert!(
        entities.iter().all(|e| e.mentions() > 0),
        "no mentions in a benchmark text"
    );
    assert!(
        extractions.iter().all(|x| !x.events.is_empty()),
        "no events in a benchmark text"
    );

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes));

    group.bench_function("split_sentences", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| bench::split_sentences(black_box(&d.text)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&sentences)
                .map(|(d, s)| bench::tokenize(black_box(&d.text), s))
                .sum::<usize>()
        })
    });
    group.bench_function("gazetteer", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&sentences)
                .map(|(d, s)| gazetteer.hits(black_box(&d.text), s))
                .sum::<usize>()
        })
    });
    group.bench_function("event_triggers", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&sentences)
                .map(|(d, s)| bench::trigger_matches(&extractor, black_box(&d.text), s))
                .sum::<usize>()
        })
    });
    // Recognition (gazetteer, titles, names) and within-document resolution
    // (surnames, descriptors, represents) run as one pass; recognize minus
    // gazetteer is roughly what names and resolution cost.
    group.bench_function("recognize", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&sentences)
                .map(|(d, s)| bench::recognize(&extractor, black_box(d), s).mentions())
                .sum::<usize>()
        })
    });
    group.bench_function("events", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&sentences)
                .zip(&entities)
                .map(|((d, s), e)| bench::events(&extractor, black_box(d), s, e))
                .sum::<usize>()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extractor.extract(black_box(d)).events.len())
                .sum::<usize>()
        })
    });
    group.bench_function("document_graph", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&extractions)
                .map(|(d, x)| DocumentGraph::new(d, black_box(x)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("document_quads", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&extractions)
                .map(|(d, x)| document_quads(d, black_box(x)).len())
                .sum::<usize>()
        })
    });
    // `extract --format nquads` writes from the document graph, no quads made
    group.bench_function("append_nquads", |b| {
        let graphs: Vec<_> = docs
            .iter()
            .zip(&extractions)
            .map(|(d, x)| DocumentGraph::new(d, x))
            .collect();
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            graphs.iter().for_each(|g| black_box(g).append_nquads(&mut out));
            out.len()
        })
    });
    for (name, format) in [
        ("write_nquads", GraphFormat::NQuads),
        ("write_turtle", GraphFormat::Turtle),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                write_quads(format, black_box(&quads).iter().cloned().map(Ok), io::sink()).expect("sink never fails")
            })
        });
    }
    // The whole of `parley extract --format nquads` for these documents, without reading input.
    group.bench_function("extract_to_nquads", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            for d in &docs {
                DocumentGraph::new(d, &extractor.extract(black_box(d))).append_nquads(&mut out);
            }
            out.len()
        })
    });
    group.finish();

    // Compiling the rules and gazetteers happens once per run, not per document.
    c.bench_function("extractor_new", |b| {
        b.iter(|| Extractor::new().expect("embedded rules compile"))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
