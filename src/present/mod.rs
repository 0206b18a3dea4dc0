//! What the commands print, apart from RDF and network files: the tables of
//! `query` and `entities`, the reports of `build`, `push` and `stats`, the W3C
//! result formats, the mentions JSON of `extract`, the event table of
//! `events`, `build`'s progress bar, and an error as one line.
//!
//! It lives in the library, not the binary, so that each format is a function
//! with unit tests and the binary only parses, dispatches and maps errors to
//! exit statuses. Writers take any `Write` and return `io::Result` where only
//! writing can fail, so that a closed pipe stays recognizable.

#[cfg(feature = "store")]
mod entities;
#[cfg(feature = "store")]
mod events;
mod mentions;
mod progress;
mod reports;
mod results;
mod table;

#[cfg(feature = "store")]
pub use entities::{write_entities, EntitiesFormat};
#[cfg(feature = "store")]
pub use events::{EventTableWriter, EventsFormat, PARQUET_ROW_GROUP};
pub use mentions::{append_mentions, extraction_json};
pub use progress::Progress;
pub use reports::{one_line, BuildReport};
#[cfg(feature = "store")]
pub use reports::{write_push_report, write_stats};
pub use results::{write_results, ResultsFormat};
pub use table::{compact_iri, compact_term, escape_controls, write_rows, write_table};
