//! `parley entities`'s output: the entities of a store as an aligned table,
//! TSV or pretty JSON.
//!
//! The TSV keeps full IRIs and joins alternative labels with `|`, for
//! spreadsheets and `cut`; the table compacts IRIs for reading; JSON keeps
//! the alternative labels as an array.

use std::io::{self, Write};

use serde::Serialize;

use super::table::{compact_iri, escape_controls, write_table};
use crate::rdf::EntitySummary;

/// How `parley entities` writes its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EntitiesFormat {
    /// Aligned columns with compacted IRIs and a row count.
    Table,
    /// A header line, then one tab-separated line per entity.
    Tsv,
    /// A pretty-printed JSON array of objects.
    Json,
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

/// Writes `entities`, in the order given, in `format`.
pub fn write_entities(out: &mut impl Write, entities: &[EntitySummary], format: EntitiesFormat) -> io::Result<()> {
    match format {
        EntitiesFormat::Table => {
            let header: Vec<String> = ["entity", "type", "label", "mentions", "documents", "alt_labels"]
                .map(String::from)
                .into();
            let rows: Vec<Vec<String>> = entities
                .iter()
                .map(|e| {
                    vec![
                        compact_iri(&e.iri),
                        e.kind.name().to_owned(),
                        e.label.clone(),
                        e.mentions.to_string(),
                        e.documents.to_string(),
                        e.alt_labels.join(", "),
                    ]
                })
                .collect();
            write_table(out, &header, &rows)
        }
        EntitiesFormat::Tsv => {
            // a tab or line break inside a name would break the row
            writeln!(out, "iri\ttype\tlabel\tmentions\tdocuments\talt_labels")?;
            for e in entities {
                let alts: Vec<String> = e.alt_labels.iter().map(|alt| escape_controls(alt)).collect();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    e.iri,
                    e.kind.name(),
                    escape_controls(&e.label),
                    e.mentions,
                    e.documents,
                    alts.join("|")
                )?;
            }
            Ok(())
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
            serde_json::to_writer_pretty(&mut *out, &objects).map_err(io::Error::from)?;
            out.write_all(b"\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::model::EntityKind;

    fn written(format: EntitiesFormat) -> String {
        let entities = [EntitySummary {
            iri: "https://w3id.org/parley/id/person/ana-tab".into(),
            kind: EntityKind::Person,
            label: "Ana\tTab".into(),
            alt_labels: vec!["Tab".into(), "A. Tab".into()],
            mentions: 3,
            documents: 2,
        }];
        let mut out = Vec::new();
        write_entities(&mut out, &entities, format).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tsv_keeps_full_iris_and_escapes_tabs_in_names() {
        assert_eq!(
            written(EntitiesFormat::Tsv),
            "iri\ttype\tlabel\tmentions\tdocuments\talt_labels\n\
             https://w3id.org/parley/id/person/ana-tab\tPerson\tAna\\tTab\t3\t2\tTab|A. Tab\n"
        );
    }

    #[test]
    fn table_compacts_iris() {
        let text = written(EntitiesFormat::Table);
        assert!(text.starts_with("entity          type    label    mentions"), "{text}");
        assert!(text.contains("\nperson:ana-tab  Person  Ana\tTab  3 "), "{text}");
        assert!(text.ends_with("Tab, A. Tab\n1 row\n"), "{text}");
    }

    #[test]
    fn json_is_an_array_of_objects_ending_with_a_line_break() {
        let text = written(EntitiesFormat::Json);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value[0]["type"], "Person");
        assert_eq!(value[0]["alt_labels"][1], "A. Tab");
        assert!(text.ends_with("]\n"));
    }
}
