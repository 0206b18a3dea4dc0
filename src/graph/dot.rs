//! Graphviz DOT.
//!
//! Every id and attribute value is a quoted string, so IRIs (with `/`, `#`,
//! `:`) need no other treatment than escaping `"` and `\`. Colors and shapes
//! come from [`super::style`]; node and edge attributes Graphviz does not know
//! are not written (it would carry them silently, but they would bloat SVGs);
//! the full attributes go in a `tooltip`, which SVG viewers show on hover.
//! `met` and `agreed` edges have no arrowhead.
use std::io::{self, Write};

use super::{hex, style, PropertyGraph, EDGE_ATTRIBUTES, NODE_ATTRIBUTES};

/// A DOT double-quoted string.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `name: value` lines of the attributes that are set, for a tooltip.
fn tooltip(names: &[(&str, super::AttributeType)], values: &[Option<super::Value>]) -> String {
    names
        .iter()
        .zip(values)
        .filter_map(|((name, _), value)| value.as_ref().map(|v| format!("{name}: {v}")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `met` and `agreed` hold both ways; their edges are drawn without arrows
/// (the direction written only follows the order of the ids).
pub(super) fn two_way(relation: &str) -> bool {
    matches!(relation, "met" | "agreed")
}

pub(super) fn write(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph parley {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [style=filled, fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#777777\"];")?;
    for node in &graph.nodes {
        let style = style(&node.kind);
        writeln!(
            out,
            "  {} [label={}, shape={}, fillcolor={}, tooltip={}];",
            quote(&node.id),
            quote(&node.label),
            style.dot_shape,
            quote(&hex(style.color)),
            quote(&tooltip(&NODE_ATTRIBUTES, &node.values())),
        )?;
    }
    for edge in &graph.edges {
        let label = if edge.weight > 1 {
            format!("{} ({})", edge.relation, edge.weight)
        } else {
            edge.relation.clone()
        };
        writeln!(
            out,
            "  {} -> {} [label={}, weight={}, penwidth={:.2}, dir={}, tooltip={}];",
            quote(&graph.nodes[edge.source].id),
            quote(&graph.nodes[edge.target].id),
            quote(&label),
            edge.weight,
            1.0 + (edge.weight as f64).ln(),
            if two_way(&edge.relation) { "none" } else { "forward" },
            quote(&tooltip(&EDGE_ATTRIBUTES, &edge.values())),
        )?;
    }
    writeln!(out, "}}")
}
