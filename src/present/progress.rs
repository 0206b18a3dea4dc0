//! The progress bars of `parley build` (input bytes) and `parley push`
//! (documents).
//!
//! Drawn on standard error only when it is a terminal and `--quiet` is not
//! given, so that logs and pipes never receive control sequences; every
//! method does nothing when there is no bar.

use std::io::{self, IsTerminal};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The bar's layout (indicatif template).
const TEMPLATE: &str = "{bar:30} {percent:>3}%  {msg}  {elapsed} elapsed, ~{eta} left";

/// The layout of a bar over documents (`parley push`).
const COUNT_TEMPLATE: &str = "{bar:30} {pos}/{len} documents  {msg}  {elapsed} elapsed, ~{eta} left";

/// A bar over the input bytes, with documents done and their rate as its
/// message.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `total_bytes` of input, or none when `quiet` or when
    /// standard error is not a terminal.
    pub fn new(total_bytes: u64, quiet: bool) -> Progress {
        let bar = (!quiet && io::stderr().is_terminal()).then(|| Progress::bar(total_bytes));
        Progress { bar }
    }

    fn bar(total_bytes: u64) -> ProgressBar {
        let bar = ProgressBar::with_draw_target(Some(total_bytes.max(1)), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(TEMPLATE).unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    }

    /// `documents` done so far, `bytes` of input read.
    pub fn update(&self, documents: usize, bytes: u64) {
        if let Some(bar) = &self.bar {
            let rate = documents as f64 / bar.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{documents} documents, {rate:.0}/s"));
            bar.set_position(bytes);
        }
    }

    /// Says that the documents are all read and the store is committing.
    pub fn committing(&self, documents: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{documents} documents; committing"));
        }
    }

    /// Runs `f` (which prints) with the bar cleared from the screen.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Makes the bar one over `total` documents, none done yet. The bar is
    /// shared by threads: [`Progress::advance`] may be called from any.
    pub fn start_count(&self, total: u64) {
        if let Some(bar) = &self.bar {
            let style = ProgressStyle::with_template(COUNT_TEMPLATE).unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_length(total.max(1));
            bar.set_position(0);
        }
    }

    /// `done` more documents.
    pub fn advance(&self, done: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(done);
        }
    }

    /// Shows `message` beside the bar.
    pub fn set_message(&self, message: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(message.to_owned());
        }
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_gives_no_bar_and_every_method_is_a_no_op() {
        let progress = Progress::new(100, true);
        assert!(progress.bar.is_none());
        progress.update(1, 50);
        progress.committing(1);
        progress.start_count(3);
        progress.advance(1);
        progress.set_message("1 sent");
        assert_eq!(progress.suspend(|| 7), 7);
        progress.finish();
    }

    #[test]
    fn a_bar_takes_an_empty_input_as_one_byte() {
        // the templates parse (else the default style would hide a typo)
        assert!(ProgressStyle::with_template(TEMPLATE).is_ok());
        assert!(ProgressStyle::with_template(COUNT_TEMPLATE).is_ok());
        let bar = Progress::bar(0);
        assert_eq!(bar.length(), Some(1));
    }

    #[test]
    fn a_count_bar_counts_documents_from_zero() {
        let progress = Progress {
            bar: Some(Progress::bar(1000)),
        };
        progress.update(3, 500);
        progress.start_count(4);
        progress.advance(1);
        progress.advance(2);
        let bar = progress.bar.as_ref().unwrap();
        assert_eq!((bar.position(), bar.length()), (3, Some(4)));
    }
}
