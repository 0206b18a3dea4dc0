//! `parley query`'s output: SPARQL results as a table or in the W3C result
//! formats, and CONSTRUCT/DESCRIBE graphs as Turtle.
//!
//! The W3C formats come from oxigraph's serializers; Parley adds only a final
//! line break where they end without one (JSON, XML), so that the output is a
//! well-formed text file.

use std::io::Write;

use oxigraph::model::GraphName;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults};

use super::table::{compact_term, write_table};
use crate::error::ParleyError;
use crate::rdf::{write_quads, GraphFormat};

/// How `parley query` writes SELECT and ASK results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResultsFormat {
    /// An aligned table with compacted IRIs (see [`write_table`]); ASK gives
    /// `true` or `false`.
    Table,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL Query Results XML.
    Xml,
}

impl ResultsFormat {
    fn serializer(self) -> QueryResultsSerializer {
        QueryResultsSerializer::from_format(match self {
            ResultsFormat::Csv => QueryResultsFormat::Csv,
            ResultsFormat::Tsv => QueryResultsFormat::Tsv,
            ResultsFormat::Xml => QueryResultsFormat::Xml,
            ResultsFormat::Json | ResultsFormat::Table => QueryResultsFormat::Json,
        })
    }
}

fn evaluation(error: QueryEvaluationError) -> ParleyError {
    ParleyError::SparqlEvaluation(Box::new(error))
}

/// Writes query results to `out` and gives `out` back: solutions and
/// booleans in `format`, graphs (whatever the format) as Turtle.
pub fn write_results<W: Write>(results: QueryResults<'_>, format: ResultsFormat, mut out: W) -> Result<W, ParleyError> {
    match (results, format) {
        (QueryResults::Boolean(value), ResultsFormat::Table) => writeln!(out, "{value}")?,
        (QueryResults::Boolean(value), format) => {
            out = format.serializer().serialize_boolean_to_writer(out, value)?;
            out.write_all(b"\n")?;
        }
        (QueryResults::Solutions(solutions), ResultsFormat::Table) => {
            let variables: Vec<String> = solutions.variables().iter().map(|v| v.as_str().to_owned()).collect();
            let mut rows: Vec<Vec<String>> = Vec::new();
            for solution in solutions {
                let solution = solution.map_err(evaluation)?;
                rows.push(
                    solution
                        .values()
                        .iter()
                        .map(|v| v.as_ref().map_or(String::new(), compact_term))
                        .collect(),
                );
            }
            write_table(&mut out, &variables, &rows)?;
        }
        (QueryResults::Solutions(solutions), format) => {
            let mut serializer = format
                .serializer()
                .serialize_solutions_to_writer(out, solutions.variables().to_vec())?;
            for solution in solutions {
                serializer.serialize(&solution.map_err(evaluation)?)?;
            }
            out = serializer.finish()?;
            // JSON and XML results end without a newline; CSV and TSV with one.
            if matches!(format, ResultsFormat::Json | ResultsFormat::Xml) {
                out.write_all(b"\n")?;
            }
        }
        (QueryResults::Graph(triples), _) => {
            let quads = triples.map(|triple| triple.map(|t| t.in_graph(GraphName::DefaultGraph)).map_err(evaluation));
            out = write_quads(GraphFormat::Turtle, quads, out)?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use oxigraph::model::{Literal, NamedNode, Term, Triple};
    use oxigraph::sparql::{QuerySolution, QuerySolutionIter, QueryTripleIter, Variable};

    fn state() -> NamedNode {
        NamedNode::new_unchecked("https://w3id.org/parley/id/state/RUS")
    }

    /// One solution: ?s = state:RUS, ?l = "Russia<tab>RF".
    fn solutions() -> QueryResults<'static> {
        let variables: Arc<[Variable]> = [Variable::new_unchecked("s"), Variable::new_unchecked("l")].into();
        let values = vec![
            Some(Term::from(state())),
            Some(Term::from(Literal::new_simple_literal("Russia\tRF"))),
        ];
        let solution = QuerySolution::from((Arc::clone(&variables), values));
        QueryResults::Solutions(QuerySolutionIter::new(variables, [Ok(solution)]))
    }

    fn written(results: QueryResults<'_>, format: ResultsFormat) -> String {
        String::from_utf8(write_results(results, format, Vec::new()).unwrap()).unwrap()
    }

    #[test]
    fn table_compacts_iris_and_escapes_literals() {
        assert_eq!(
            written(solutions(), ResultsFormat::Table),
            "s          l\n---------  ----------\nstate:RUS  Russia\\tRF\n1 row\n"
        );
    }

    #[test]
    fn ask_is_a_word_in_a_table_and_a_document_otherwise() {
        assert_eq!(written(QueryResults::Boolean(true), ResultsFormat::Table), "true\n");
        assert_eq!(
            written(QueryResults::Boolean(true), ResultsFormat::Json),
            "{\"head\":{},\"boolean\":true}\n"
        );
    }

    #[test]
    fn every_results_format_ends_with_one_line_break() {
        for format in [
            ResultsFormat::Csv,
            ResultsFormat::Tsv,
            ResultsFormat::Json,
            ResultsFormat::Xml,
        ] {
            let text = written(solutions(), format);
            assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{format:?}: {text:?}");
        }
    }

    #[test]
    fn a_construct_is_written_as_turtle_with_the_output_prefixes() {
        let triple = Triple::new(
            state(),
            crate::rdf::vocab::rdfs::LABEL,
            Literal::new_simple_literal("Russia"),
        );
        let results = QueryResults::Graph(QueryTripleIter::new([Ok(triple)].into_iter()));
        let text = written(results, ResultsFormat::Csv);
        assert!(text.contains("state:RUS rdfs:label \"Russia\""), "{text}");
    }
}
