//! Ordered parallel map over a stream, in bounded batches.
//!
//! Extraction is independent per document, so `extract` and `build` spread
//! documents over `--jobs` threads. Two things must not change with the
//! number of jobs: the output (results come back in input order, so one job
//! and eight write the same bytes) and memory (at most one batch of inputs
//! and results is held, whatever the corpus size). With one job no thread
//! pool is made at all: the work runs on the calling thread, one item at a
//! time as its result is asked for. A batch there bought nothing and cost
//! time: a batch of results (the N-Quads of 512 documents, some 4 MB) was
//! written long after it was made, out of the caches, and the allocator
//! gave the memory back to the system and took it again, zeroed by the
//! kernel, batch after batch (speed pass 9).

use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

/// Maps `f` over `items` on `jobs` threads, yielding results in input order.
///
/// With more than one job, items are pulled `batch` at a time; a batch is
/// mapped in parallel and handed out before the next one is read. With one,
/// each item is pulled and mapped when its result is asked for. The source
/// iterator runs on the caller's thread, so it need not be `Send`.
pub fn ordered_map<I, T, R, F>(items: I, jobs: usize, batch: usize, f: F) -> OrderedMap<I, R, F>
where
    I: Iterator<Item = T>,
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    let pool = (jobs > 1)
        .then(|| ThreadPoolBuilder::new().num_threads(jobs).build().ok())
        .flatten();
    OrderedMap {
        items,
        pool,
        batch: batch.max(1),
        f,
        ready: Vec::new().into_iter(),
    }
}

/// The iterator of [`ordered_map`].
pub struct OrderedMap<I, R, F> {
    items: I,
    pool: Option<ThreadPool>,
    batch: usize,
    f: F,
    ready: std::vec::IntoIter<R>,
}

impl<I, T, R, F> Iterator for OrderedMap<I, R, F>
where
    I: Iterator<Item = T>,
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    type Item = R;

    fn next(&mut self) -> Option<R> {
        if let Some(result) = self.ready.next() {
            return Some(result);
        }
        let f = &self.f;
        let Some(pool) = &self.pool else {
            return self.items.next().map(f);
        };
        let inputs: Vec<T> = self.items.by_ref().take(self.batch).collect();
        let results: Vec<R> = pool.install(|| inputs.into_par_iter().map(f).collect());
        self.ready = results.into_iter();
        self.ready.next()
    }
}

/// The number of threads `--jobs` means when it is not given: every core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_whatever_the_jobs() {
        let expected: Vec<u64> = (0..1000u64).map(|i| i * i).collect();
        for jobs in [1, 2, 4] {
            for batch in [1, 7, 64, 5000] {
                let got: Vec<u64> = ordered_map(0..1000u64, jobs, batch, |i| i * i).collect();
                assert_eq!(got, expected, "jobs {jobs}, batch {batch}");
            }
        }
    }

    #[test]
    fn the_source_is_read_one_batch_at_a_time() {
        let pulled = std::cell::Cell::new(0);
        let source = (0..100).inspect(|_| pulled.set(pulled.get() + 1));
        let mut mapped = ordered_map(source, 2, 10, |i| i);
        assert_eq!(mapped.next(), Some(0));
        assert_eq!(pulled.get(), 10);
    }

    #[test]
    fn with_one_job_the_source_is_read_one_item_at_a_time() {
        let pulled = std::cell::Cell::new(0);
        let source = (0..100).inspect(|_| pulled.set(pulled.get() + 1));
        let mut mapped = ordered_map(source, 1, 10, |i| i);
        assert_eq!(mapped.next(), Some(0));
        assert_eq!(pulled.get(), 1);
        assert_eq!(mapped.nth(5), Some(6));
        assert_eq!(pulled.get(), 7);
    }
}
