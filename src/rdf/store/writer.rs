//! Putting documents into the store for `parley build`: transactions for
//! documents already stored, Oxigraph's bulk loader in checkpoints for new
//! ones.
//!
//! Kept apart from the store itself because its concern is the pace of a long
//! write (batches, checkpoints, what a kill may lose), not what the store
//! holds or how it is read.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use oxigraph::model::{NamedNodeRef, Quad};
use oxigraph::store::BulkLoader;

use super::{hash_quad, ParleyStore};
use crate::error::ParleyError;

/// Quads held before they go to the bulk loader in one batch, which one of
/// its threads sorts into files: big enough that a large build makes few
/// files, small enough that memory stays flat (a quad takes a few hundred
/// bytes here).
const BULK_BATCH_QUADS: usize = 250_000;

/// Checkpoints whose batches may be sorting at once before the oldest is
/// committed. Sorting a batch takes longer than extracting the next one, so
/// with one the extraction still waited at every short checkpoint; each one
/// more holds one more loader's batches in memory.
const SORTING_CHECKPOINTS: usize = 2;

/// When a bulk build makes a checkpoint: after `interval` since the last
/// one, or after `documents` new documents if that comes first.
///
/// Time, not size, is the default measure because a checkpoint's cost is
/// mostly fixed: each is one RocksDB ingestion, whose files RocksDB then
/// merges with everything ingested before. Made every 250,000 quads, all of
/// Reuters-21578 was four ingestions, and its build took 2 to 10 % longer
/// than in one (docs/scale.md, speed pass 14); made every half minute, a
/// checkpoint costs a small share of the work it saves, and a killed build
/// loses minutes at most, whatever the documents' size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoints {
    pub interval: Duration,
    pub documents: Option<usize>,
}

impl Checkpoints {
    /// `parley build`'s interval unless told otherwise, in seconds.
    pub const DEFAULT_SECONDS: u32 = 30;
}

/// Puts documents into a store, for `parley build`.
///
/// A document already in the store is replaced in its own transaction
/// ([`ParleyStore::replace_document_with_hash`]). A new one goes, when the
/// writer was made for a large build, to Oxigraph's bulk loader, which sorts
/// batches of quads into RocksDB files on background threads instead of
/// updating the indexes quad by quad: every [`BULK_BATCH_QUADS`] quads, the
/// batch goes to the loader, one of whose threads sorts it into files while
/// extraction goes on. The loader commits in *checkpoints* ([`Checkpoints`]):
/// the last batch goes to the loader, and a new loader starts for the
/// documents after it. The files of a checkpoint are ingested in one atomic
/// RocksDB operation (all column families or none) once
/// [`SORTING_CHECKPOINTS`] later ones are sorting, or at the end: meanwhile
/// extraction goes on beside the sorting. (Committing at once made the
/// extraction wait for every sort, which takes longer than extracting the
/// batch.) A build killed between checkpoints keeps every committed one, each
/// document whole with its content hash, and loses only the documents of the
/// checkpoints not committed yet; memory stays bounded by the batch held and
/// `threads` batches sorting in each of `SORTING_CHECKPOINTS + 1` loaders.
/// [`DocumentWriter::finish`] commits the last checkpoints and compacts the
/// store, so that it is fast to read at once.
pub struct DocumentWriter<'a> {
    store: &'a ParleyStore,
    bulk: Option<BulkLoader<'a>>,
    /// The loaders of the last checkpoints, oldest first, their batches
    /// still being sorted into files on their threads.
    sorting: VecDeque<BulkLoader<'a>>,
    threads: usize,
    /// Quads not handed to the loader yet.
    pending: Vec<Quad>,
    /// Quads in a batch: [`BULK_BATCH_QUADS`], smaller in tests.
    batch_quads: usize,
    checkpoints: Checkpoints,
    /// Documents given to the loader since the last checkpoint, `pending`'s
    /// included.
    documents_since_checkpoint: usize,
    /// When the first of those came.
    checkpoint_started: Option<Instant>,
    /// Whether any checkpoint was committed (the store is then compacted).
    loaded: bool,
}

impl ParleyStore {
    /// A writer that replaces documents in transactions and, with `bulk`,
    /// loads new ones through the bulk loader on `threads` threads,
    /// committing them at `checkpoints`.
    pub fn writer(&self, bulk: bool, threads: usize, checkpoints: Checkpoints) -> DocumentWriter<'_> {
        let threads = threads.max(1);
        DocumentWriter {
            store: self,
            bulk: bulk.then(|| self.bulk_loader(threads)),
            sorting: VecDeque::new(),
            threads,
            pending: Vec::new(),
            batch_quads: BULK_BATCH_QUADS,
            checkpoints,
            documents_since_checkpoint: 0,
            checkpoint_started: None,
            loaded: false,
        }
    }

    fn bulk_loader(&self, threads: usize) -> BulkLoader<'_> {
        // the loader's batch, in quads, is this figure * 1000 / threads
        // (twice ours, so that one flush of ours is one batch of the loader)
        let megabytes = 2 * BULK_BATCH_QUADS * threads / 1000;
        self.store
            .bulk_loader()
            .with_num_threads(threads)
            .with_max_memory_size_in_megabytes(megabytes)
    }
}

impl DocumentWriter<'_> {
    /// Adds (or replaces) the graph `doc_iri` with `quads`, which should all
    /// be in that graph, and records `hash` as its content hash (a graph
    /// read from an N-Quads shard has none: its text is not at hand).
    pub fn add(&mut self, doc_iri: NamedNodeRef<'_>, quads: Vec<Quad>, hash: Option<&str>) -> Result<(), ParleyError> {
        if self.bulk.is_some() {
            let present = self
                .store
                .store
                .contains_named_graph(doc_iri)
                .map_err(|e| self.store.error(e))?;
            if !present {
                self.pending.extend(quads);
                if let Some(hash) = hash {
                    self.pending.push(hash_quad(doc_iri, hash));
                }
                self.documents_since_checkpoint += 1;
                let started = *self.checkpoint_started.get_or_insert_with(Instant::now);
                if self
                    .checkpoints
                    .documents
                    .is_some_and(|n| self.documents_since_checkpoint >= n)
                    || started.elapsed() >= self.checkpoints.interval
                {
                    self.checkpoint()?;
                } else if self.pending.len() >= self.batch_quads {
                    self.hand_over_batch()?;
                }
                return Ok(());
            }
        }
        self.store.replace_document_with_hash(doc_iri, &quads, hash)
    }

    /// Hands the documents given to the bulk loader since the last
    /// checkpoint to the loader's thread, to be committed once
    /// [`SORTING_CHECKPOINTS`] later ones are sorting, or by
    /// [`DocumentWriter::finish`]; commits the oldest first if as many are.
    pub fn checkpoint(&mut self) -> Result<(), ParleyError> {
        if self.documents_since_checkpoint == 0 || self.bulk.is_none() {
            return Ok(());
        }
        while self.sorting.len() >= SORTING_CHECKPOINTS {
            self.commit_oldest()?;
        }
        self.hand_over_batch()?;
        if let Some(loader) = self.bulk.replace(self.store.bulk_loader(self.threads)) {
            self.sorting.push_back(loader);
        }
        self.documents_since_checkpoint = 0;
        self.checkpoint_started = None;
        Ok(())
    }

    /// Gives the quads held to the loader, whose thread sorts them into
    /// files (waiting first, if all its threads are sorting).
    fn hand_over_batch(&mut self) -> Result<(), ParleyError> {
        if let Some(loader) = &mut self.bulk {
            if !self.pending.is_empty() {
                let batch = std::mem::take(&mut self.pending);
                loader.load_quads(batch).map_err(|e| self.store.error(e))?;
            }
        }
        Ok(())
    }

    /// Waits for the oldest sorting checkpoint's files and ingests them.
    fn commit_oldest(&mut self) -> Result<(), ParleyError> {
        if let Some(loader) = self.sorting.pop_front() {
            loader.commit().map_err(|e| self.store.error(e))?;
            self.loaded = true;
        }
        Ok(())
    }

    /// Commits the last checkpoints. Documents replaced in transactions are
    /// already committed.
    pub fn finish(mut self) -> Result<(), ParleyError> {
        self.checkpoint()?;
        while !self.sorting.is_empty() {
            self.commit_oldest()?;
        }
        if self.loaded {
            // The loader's files overlap one another, and every read would
            // look into each of them until RocksDB merged them: the example
            // queries ran two to three times slower on a fresh store, and the
            // first command to open it paid for the merge on exit. Merging
            // here puts that cost in the build, where it is expected.
            self.store.store.optimize().map_err(|e| self.store.error(e))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::vocab;
    use oxigraph::model::{LiteralRef, NamedNode};

    fn document(n: usize) -> (NamedNode, Vec<Quad>) {
        let iri = NamedNode::new(format!("https://example.org/doc/{n}")).expect("an IRI");
        let quad = Quad::new(
            NamedNode::new(format!("https://example.org/thing/{n}")).expect("an IRI"),
            vocab::parley::CONTENT_HASH,
            LiteralRef::new_simple_literal("x").into_owned(),
            iri.clone(),
        );
        (iri, vec![quad])
    }

    /// Which of documents `0..n` the store holds, by their content hashes.
    fn stored(store: &ParleyStore, n: usize) -> Vec<usize> {
        (0..n)
            .filter(|&i| store.stored_hash(document(i).0.as_ref()).expect("readable").is_some())
            .collect()
    }

    fn every_documents(n: usize) -> Checkpoints {
        Checkpoints {
            interval: Duration::MAX,
            documents: Some(n),
        }
    }

    #[test]
    fn a_checkpoint_spans_several_batches_up_to_its_document_limit() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = ParleyStore::open(dir.path()).expect("a new store");
        let mut writer = store.writer(true, 2, every_documents(3));
        // a document is two quads (its own and its hash): a batch each
        writer.batch_quads = 2;
        let checkpoints = SORTING_CHECKPOINTS + 1;
        for i in 0..3 * checkpoints {
            if i == 3 * checkpoints - 1 {
                // the last checkpoint is not made yet: every batch is still sorting
                assert_eq!(stored(&store, 3 * checkpoints), Vec::<usize>::new());
            }
            let (iri, quads) = document(i);
            writer.add(iri.as_ref(), quads, Some("hash")).expect("added");
        }
        // the oldest checkpoint is committed whole, its three documents and no more
        assert_eq!(stored(&store, 3 * checkpoints), vec![0, 1, 2]);
        writer.finish().expect("finished");
        assert_eq!(
            stored(&store, 3 * checkpoints),
            (0..3 * checkpoints).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_checkpoint_is_made_once_its_interval_has_passed_and_not_before() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = ParleyStore::open(dir.path()).expect("a new store");
        let hour = Checkpoints {
            interval: Duration::from_secs(3600),
            documents: None,
        };
        let mut writer = store.writer(true, 2, hour);
        for i in 0..5 {
            let (iri, quads) = document(i);
            writer.add(iri.as_ref(), quads, Some("hash")).expect("added");
        }
        assert_eq!(stored(&store, 10), Vec::<usize>::new());
        writer.finish().expect("finished");
        assert_eq!(stored(&store, 10), (0..5).collect::<Vec<_>>());
        // an interval that has always passed: a checkpoint after every document
        let at_once = Checkpoints {
            interval: Duration::ZERO,
            documents: None,
        };
        let mut writer = store.writer(true, 2, at_once);
        for i in 5..10 {
            let (iri, quads) = document(i);
            writer.add(iri.as_ref(), quads, Some("hash")).expect("added");
        }
        assert_eq!(stored(&store, 10), (0..10 - SORTING_CHECKPOINTS).collect::<Vec<_>>());
        writer.finish().expect("finished");
        assert_eq!(stored(&store, 10), (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn a_checkpoint_is_committed_once_the_ones_after_it_sort_and_every_one_at_the_end() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = ParleyStore::open(dir.path()).expect("a new store");
        let mut writer = store.writer(true, 2, every_documents(1));
        for i in 0..5 {
            let (iri, quads) = document(i);
            writer.add(iri.as_ref(), quads, Some("hash")).expect("added");
        }
        // one document per checkpoint: the last SORTING_CHECKPOINTS are still
        // sorting, every one before them is in the store, whole
        assert_eq!(stored(&store, 5), (0..5 - SORTING_CHECKPOINTS).collect::<Vec<_>>());
        assert_eq!(store.document_graphs().expect("graphs").len(), 5 - SORTING_CHECKPOINTS);
        writer.finish().expect("finished");
        assert_eq!(stored(&store, 5), (0..5).collect::<Vec<_>>());
        assert_eq!(store.document_graphs().expect("graphs").len(), 5);
    }
}
