//! Two CSV tables, nodes and edges, in the shape Neo4j's `LOAD CSV WITH
//! HEADERS`, Kumu and Gephi's spreadsheet import take: plain headers
//! (`id,label,type,...` and `source,target,relation,...`), RFC 4180 quoting (with `\n` line ends),
//! an empty cell where a value is unknown.
use std::io::{self, Write};

use super::{PropertyGraph, Value, EDGE_ATTRIBUTES, NODE_ATTRIBUTES};

/// A CSV cell, quoted when it holds a separator, a quote, a line break or
/// leading/trailing space.
fn cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn row(out: &mut dyn Write, cells: impl IntoIterator<Item = String>) -> io::Result<()> {
    let line: Vec<String> = cells.into_iter().map(|c| cell(&c)).collect();
    writeln!(out, "{}", line.join(","))
}

fn values(values: Vec<Option<Value>>) -> impl Iterator<Item = String> {
    values.into_iter().map(|v| v.map(|v| v.to_string()).unwrap_or_default())
}

pub(super) fn write_nodes(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    row(
        out,
        std::iter::once("id".to_owned()).chain(NODE_ATTRIBUTES.iter().map(|(n, _)| (*n).to_owned())),
    )?;
    for node in &graph.nodes {
        row(out, std::iter::once(node.id.clone()).chain(values(node.values())))?;
    }
    Ok(())
}

pub(super) fn write_edges(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    let header = ["source", "target"].into_iter().map(str::to_owned);
    let names = EDGE_ATTRIBUTES.iter().map(|(n, _)| (*n).to_owned());
    row(out, header.chain(names).chain(["id".to_owned()]))?;
    for edge in &graph.edges {
        let ends = [graph.nodes[edge.source].id.clone(), graph.nodes[edge.target].id.clone()];
        row(
            out,
            ends.into_iter()
                .chain(values(edge.values()))
                .chain([graph.edge_id(edge)]),
        )?;
    }
    Ok(())
}
