//! Text tables for a terminal: the aligned tables of `query` and `entities`,
//! the name-value rows of `build` and `stats`, and how an RDF term becomes a
//! cell.
//!
//! Cells are escaped so that a row is always one line: a label with a tab or
//! a line break (news titles have them) must not break the table or a TSV
//! file read line by line.

use std::io::{self, Write};

use oxigraph::model::Term;

use crate::rdf::vocab::{self, LocalName};

/// `value` with backslash, line feed, carriage return and tab written as
/// `\\`, `\n`, `\r` and `\t`, so that it fits on one line of a table or a
/// TSV row and can be read back.
pub fn escape_controls(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
        .replace('\t', "\\t")
}

/// A term as a table cell: an IRI as a prefixed name where a prefix gives a
/// local name SPARQL reads back (else `<...>`), a literal as its lexical
/// value with control characters escaped, anything else in N-Triples syntax.
pub fn compact_term(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => compact_iri(node.as_str()),
        Term::Literal(literal) => escape_controls(literal.value()),
        other => other.to_string(),
    }
}

/// An IRI as a table cell: `state:RUS`, or `<...>` when no prefix applies.
pub fn compact_iri(iri: &str) -> String {
    vocab::compact(iri, LocalName::Plain).unwrap_or_else(|| format!("<{iri}>"))
}

/// An aligned table: the header, a rule of dashes, the rows, then the
/// number of rows (`1 row`, `3 rows`). Columns are two spaces apart, padded
/// to their widest cell in characters; the last cell of a line is not
/// padded. Without columns only the count is written.
pub fn write_table(out: &mut impl Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
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

/// Two aligned columns: a name, padded to the longest name, and a value.
pub fn write_rows(out: &mut impl Write, rows: &[(&str, String)]) -> io::Result<()> {
    let width = rows.iter().map(|(name, _)| name.chars().count()).max().unwrap_or(0);
    for (name, value) in rows {
        writeln!(out, "{name:<width$}  {value}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{BlankNode, Literal, NamedNode};

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn table(header: &[&str], rows: &[&[&str]]) -> String {
        let rows: Vec<Vec<String>> = rows.iter().map(|r| strings(r)).collect();
        let mut out = Vec::new();
        write_table(&mut out, &strings(header), &rows).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn columns_align_on_characters_and_the_last_is_not_padded() {
        assert_eq!(
            table(&["a", "label"], &[&["Zürich", "x"], &["b", "longer label"]]),
            "a       label\n------  ------------\nZürich  x\nb       longer label\n2 rows\n"
        );
    }

    #[test]
    fn one_row_is_singular_and_no_columns_give_only_the_count() {
        assert_eq!(table(&["n"], &[&["1"]]), "n\n-\n1\n1 row\n");
        assert_eq!(table(&[], &[]), "0 rows\n");
    }

    #[test]
    fn rows_pad_names_to_the_longest() {
        let mut out = Vec::new();
        write_rows(&mut out, &[("documents", "3".into()), ("quads", "12".into())]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "documents  3\nquads      12\n");
    }

    #[test]
    fn a_cell_with_control_characters_stays_on_one_line() {
        let literal = Term::from(Literal::new_simple_literal("a\tb\nc\\d\r"));
        assert_eq!(compact_term(&literal), "a\\tb\\nc\\\\d\\r");
    }

    #[test]
    fn iris_are_prefixed_where_sparql_reads_them_back() {
        let state = Term::from(NamedNode::new_unchecked("https://w3id.org/parley/id/state/RUS"));
        assert_eq!(compact_term(&state), "state:RUS");
        let event = Term::from(NamedNode::new_unchecked("https://w3id.org/parley/id/event/d/meeting-1"));
        assert_eq!(compact_term(&event), "<https://w3id.org/parley/id/event/d/meeting-1>");
        let blank = Term::from(BlankNode::new_unchecked("b0"));
        assert_eq!(compact_term(&blank), "_:b0");
    }
}
