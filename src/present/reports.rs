//! The summaries commands print when they end, as name-value rows
//! ([`write_rows`]): what `build` stored (locally or through a server),
//! what `push` sent, what `stats` counts; and an error as the one line the
//! binary prints for it.
//!
//! Their wording is output users read and scripts parse (`documents
//! added`), so it is written here once, with tests, rather than in the
//! binary's command functions.

use std::fmt::Display;
use std::io::{self, Write};
use std::time::Duration;

use super::table::write_rows;
#[cfg(feature = "store")]
use crate::push::PushSummary;
#[cfg(feature = "store")]
use crate::rdf::StoreStats;

/// What `build` did, local or with `--server`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub added: usize,
    /// Documents stored before with the same content; `None` when the
    /// build cannot tell (`--server`: the server decides), and the row is
    /// left out.
    pub unchanged: Option<usize>,
    /// Bad documents, reported and left out.
    pub skipped: usize,
    /// Distinct entities of the documents added.
    pub entities: usize,
    pub events: usize,
    pub quads: usize,
    pub elapsed: Duration,
}

impl BuildReport {
    /// The report's rows: documents added, unchanged, skipped, entities,
    /// events, quads written, elapsed.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut rows = vec![("documents added", self.added.to_string())];
        rows.extend(self.unchanged.map(|n| ("documents unchanged", n.to_string())));
        rows.extend([
            ("documents skipped", self.skipped.to_string()),
            ("entities", self.entities.to_string()),
            ("events", self.events.to_string()),
            ("quads written", self.quads.to_string()),
            ("elapsed", seconds(self.elapsed)),
        ]);
        write_rows(out, &rows)
    }
}

/// What `push` did, and how long it took.
#[cfg(feature = "store")]
pub fn write_push_report(out: &mut impl Write, summary: &PushSummary, elapsed: Duration) -> io::Result<()> {
    write_rows(
        out,
        &[
            ("documents", summary.documents.to_string()),
            ("sent", summary.sent.to_string()),
            ("unchanged", summary.unchanged.to_string()),
            ("refused", summary.refused.to_string()),
            ("bytes sent", summary.bytes.to_string()),
            ("retries", summary.retries.to_string()),
            ("elapsed", seconds(elapsed)),
        ],
    )
}

/// The counts of `parley stats`: documents, triples, quads, subjects, then
/// one row per class.
#[cfg(feature = "store")]
pub fn write_stats(out: &mut impl Write, stats: &StoreStats) -> io::Result<()> {
    let mut rows = vec![
        ("documents", stats.documents.to_string()),
        ("triples", stats.triples.to_string()),
        ("quads", stats.quads.to_string()),
        ("subjects", stats.subjects.to_string()),
    ];
    rows.extend(stats.classes.iter().map(|(class, n)| (*class, n.to_string())));
    write_rows(out, &rows)
}

/// A duration as the reports print it: seconds with two decimals.
fn seconds(elapsed: Duration) -> String {
    format!("{:.2} s", elapsed.as_secs_f64())
}

/// A message as one line: line breaks (which messages of dependencies may
/// hold) become spaces, since the contract is one line per error.
pub fn one_line(message: impl Display) -> String {
    message.to_string().replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_build_report_names_every_count_aligned_and_leaves_out_what_it_cannot_tell() {
        let report = BuildReport {
            added: 3,
            unchanged: Some(1),
            skipped: 2,
            entities: 14,
            events: 5,
            quads: 420,
            elapsed: Duration::from_millis(1234),
        };
        assert_eq!(
            text(|out| report.write(out)),
            "documents added      3\n\
             documents unchanged  1\n\
             documents skipped    2\n\
             entities             14\n\
             events               5\n\
             quads written        420\n\
             elapsed              1.23 s\n"
        );
        let remote = BuildReport {
            unchanged: None,
            ..report
        };
        let written = text(|out| remote.write(out));
        assert!(!written.contains("unchanged"), "{written}");
        assert!(
            written.starts_with("documents added    3\ndocuments skipped  2\n"),
            "{written}"
        );
    }

    #[cfg(feature = "store")]
    #[test]
    fn a_push_report_and_stats_are_name_value_rows() {
        let summary = PushSummary {
            documents: 4,
            sent: 2,
            unchanged: 1,
            refused: 1,
            bytes: 900,
            retries: 3,
            record: Default::default(),
        };
        let written = text(|out| write_push_report(out, &summary, Duration::from_secs(2)));
        assert_eq!(
            written.lines().collect::<Vec<_>>(),
            [
                "documents   4",
                "sent        2",
                "unchanged   1",
                "refused     1",
                "bytes sent  900",
                "retries     3",
                "elapsed     2.00 s"
            ]
        );
        let stats = StoreStats {
            documents: 2,
            triples: 10,
            quads: 12,
            subjects: 4,
            classes: vec![("Person", 1), ("Meeting", 2)],
        };
        let written = text(|out| write_stats(out, &stats));
        assert_eq!(
            written.lines().collect::<Vec<_>>(),
            [
                "documents  2",
                "triples    10",
                "quads      12",
                "subjects   4",
                "Person     1",
                "Meeting    2"
            ]
        );
    }

    #[test]
    fn an_error_message_with_line_breaks_becomes_one_line() {
        assert_eq!(one_line("bad input:\nline 2\r\nline 3"), "bad input: line 2  line 3");
        assert_eq!(one_line(format_args!("{}: {}", "a.txt", "empty")), "a.txt: empty");
    }
}
