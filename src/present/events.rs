//! `parley events`: the event table (rows from `rdf::events`) as CSV, TSV,
//! JSON Lines or Parquet, written a document at a time.
//!
//! CSV is RFC 4180 (quoted where needed, `\n` line ends) with a header, which
//! pandas, R and spreadsheets read as is; TSV has control characters escaped
//! (`\t`, `\n`, `\\`) so a row is one line; JSON Lines has one object per
//! row, `null` for an empty cell, offsets as numbers. Parquet is one file of
//! row groups of [`PARQUET_ROW_GROUP`] rows: every column a UTF-8 string
//! except the two offsets (64-bit integers), all optional but `event_id`,
//! `document_id`, `event_type` and `evidence`; Snappy-compressed.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::{Compression, ConvertedType, LogicalType, Repetition, Type as PhysicalType};
use parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type as SchemaType;

use crate::error::ParleyError;
use crate::rdf::{EventRow, EVENT_COLUMNS};

use super::table::escape_controls;

/// The output formats of `parley events`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventsFormat {
    Csv,
    Tsv,
    Jsonl,
    Parquet,
}

/// Rows in a Parquet row group: large enough for good compression, small
/// enough that memory stays bounded on a store of any size.
pub const PARQUET_ROW_GROUP: usize = 65_536;

/// Writes the event table in one format, a batch of rows at a time.
pub struct EventTableWriter<W: Write + Send> {
    format: EventsFormat,
    out: Option<W>,
    parquet: Option<SerializedFileWriter<W>>,
    pending: Vec<EventRow>,
}

impl<W: Write + Send> EventTableWriter<W> {
    /// Starts the table (writes the header of CSV and TSV).
    pub fn new(format: EventsFormat, mut out: W) -> Result<Self, ParleyError> {
        let mut parquet = None;
        let mut plain = None;
        match format {
            EventsFormat::Csv => {
                let cells: Vec<String> = EVENT_COLUMNS.iter().map(|c| csv_cell(c)).collect();
                writeln!(out, "{}", cells.join(","))?;
                plain = Some(out);
            }
            EventsFormat::Tsv => {
                writeln!(out, "{}", EVENT_COLUMNS.join("\t"))?;
                plain = Some(out);
            }
            EventsFormat::Jsonl => plain = Some(out),
            EventsFormat::Parquet => {
                let properties = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
                let writer =
                    SerializedFileWriter::new(out, parquet_schema()?, Arc::new(properties)).map_err(parquet_error)?;
                parquet = Some(writer);
            }
        }
        Ok(EventTableWriter {
            format,
            out: plain,
            parquet,
            pending: Vec::new(),
        })
    }

    /// Writes `rows` (Parquet keeps them until a row group is full).
    pub fn write(&mut self, rows: Vec<EventRow>) -> Result<(), ParleyError> {
        if let Some(out) = &mut self.out {
            for row in &rows {
                match self.format {
                    EventsFormat::Csv => {
                        let cells: Vec<String> = row
                            .cells()
                            .iter()
                            .map(|c| csv_cell(c.as_deref().unwrap_or("")))
                            .collect();
                        writeln!(out, "{}", cells.join(","))?;
                    }
                    EventsFormat::Tsv => {
                        let cells: Vec<String> = row
                            .cells()
                            .iter()
                            .map(|c| escape_controls(c.as_deref().unwrap_or("")))
                            .collect();
                        writeln!(out, "{}", cells.join("\t"))?;
                    }
                    _ => {
                        serde_json::to_writer(&mut *out, row).map_err(|error| ParleyError::Serialization {
                            what: "events".into(),
                            source: Box::new(error),
                        })?;
                        out.write_all(b"\n")?;
                    }
                }
            }
            return Ok(());
        }
        self.pending.extend(rows);
        if self.pending.len() >= PARQUET_ROW_GROUP {
            self.flush_row_group()?;
        }
        Ok(())
    }

    fn flush_row_group(&mut self) -> Result<(), ParleyError> {
        let Some(writer) = &mut self.parquet else {
            return Ok(());
        };
        let rows = std::mem::take(&mut self.pending);
        let mut group = writer.next_row_group().map_err(parquet_error)?;
        let mut index = 0;
        while let Some(mut column) = group.next_column().map_err(parquet_error)? {
            let name = EVENT_COLUMNS[index];
            if is_offset(name) {
                let values: Vec<Option<i64>> = rows
                    .iter()
                    .map(|row| row.cells()[index].as_deref().and_then(|v| v.parse().ok()))
                    .collect();
                let levels: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
                let present: Vec<i64> = values.into_iter().flatten().collect();
                column
                    .typed::<Int64Type>()
                    .write_batch(&present, Some(&levels), None)
                    .map_err(parquet_error)?;
            } else {
                let values: Vec<Option<String>> = rows.iter().map(|row| row.cells()[index].clone()).collect();
                let levels: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
                let present: Vec<ByteArray> = values.iter().flatten().map(|v| ByteArray::from(v.as_str())).collect();
                let required = REQUIRED.contains(&name);
                column
                    .typed::<ByteArrayType>()
                    .write_batch(&present, (!required).then_some(&levels[..]), None)
                    .map_err(parquet_error)?;
            }
            column.close().map_err(parquet_error)?;
            index += 1;
        }
        group.close().map_err(parquet_error)?;
        Ok(())
    }

    /// Ends the table and gives the writer back, flushed.
    pub fn finish(mut self) -> Result<W, ParleyError> {
        if self.parquet.is_some() {
            if !self.pending.is_empty() {
                self.flush_row_group()?;
            }
            let writer = self.parquet.take().expect("checked above");
            let mut out = writer.into_inner().map_err(parquet_error)?;
            out.flush()?;
            return Ok(out);
        }
        let mut out = self.out.take().expect("a plain format keeps its writer");
        out.flush()?;
        Ok(out)
    }
}

/// Columns that every row has.
const REQUIRED: &[&str] = &["event_id", "document_id", "event_type", "evidence"];

fn is_offset(column: &str) -> bool {
    column == "evidence_start" || column == "evidence_end"
}

fn parquet_schema() -> Result<Arc<SchemaType>, ParleyError> {
    let fields = EVENT_COLUMNS
        .iter()
        .map(|name| {
            let repetition = if REQUIRED.contains(name) {
                Repetition::REQUIRED
            } else {
                Repetition::OPTIONAL
            };
            let field = if is_offset(name) {
                SchemaType::primitive_type_builder(name, PhysicalType::INT64).with_repetition(repetition)
            } else {
                SchemaType::primitive_type_builder(name, PhysicalType::BYTE_ARRAY)
                    .with_repetition(repetition)
                    .with_logical_type(Some(LogicalType::String))
                    .with_converted_type(ConvertedType::UTF8)
            };
            field.build().map(Arc::new)
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(parquet_error)?;
    SchemaType::group_type_builder("event")
        .with_fields(fields)
        .build()
        .map(Arc::new)
        .map_err(parquet_error)
}

fn parquet_error(error: parquet::errors::ParquetError) -> ParleyError {
    ParleyError::Serialization {
        what: "Parquet".into(),
        source: Box::new(error),
    }
}

/// A CSV cell, quoted when it holds a separator, a quote, a line break or
/// leading or trailing space (which some readers would trim).
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> EventRow {
        EventRow {
            event_id: "https://w3id.org/parley/id/event/d/demand-1".into(),
            date: Some("2025-05-16".into()),
            document_id: "d".into(),
            event_type: "Demand",
            plover_type: Some("REQUEST".into()),
            cameo_code: Some("10".into()),
            source_label: Some("Ukraine".into()),
            source_iri: Some("https://w3id.org/parley/id/state/UKR".into()),
            source_iso: Some("UKR".into()),
            target_label: None,
            target_iri: None,
            target_iso: None,
            topic: Some("Withdrawal".into()),
            status: None,
            location: None,
            location_iri: None,
            text: Some("withdraw, \"now\"".into()),
            evidence: "Kyiv said:\n\"withdraw, now\"".into(),
            evidence_start: Some(3),
            evidence_end: Some(30),
            rule: Some("demand.verb".into()),
        }
    }

    fn written(format: EventsFormat) -> Vec<u8> {
        let mut writer = EventTableWriter::new(format, Vec::new()).unwrap();
        writer.write(vec![row(), row()]).unwrap();
        writer.finish().unwrap()
    }

    #[test]
    fn csv_quotes_cells_with_commas_quotes_and_line_breaks() {
        let text = String::from_utf8(written(EventsFormat::Csv)).unwrap();
        assert!(text.starts_with("event_id,date,document_id,event_type,"));
        assert!(text.contains(",\"withdraw, \"\"now\"\"\",\"Kyiv said:\n\"\"withdraw, now\"\"\",3,30,demand.verb\n"));
    }

    #[test]
    fn tsv_rows_are_one_line_each() {
        let text = String::from_utf8(written(EventsFormat::Tsv)).unwrap();
        assert_eq!(text.lines().count(), 3);
        assert!(text.lines().all(|line| line.split('\t').count() == EVENT_COLUMNS.len()));
    }

    #[test]
    fn parquet_has_the_magic_at_both_ends() {
        let bytes = written(EventsFormat::Parquet);
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    }
}
