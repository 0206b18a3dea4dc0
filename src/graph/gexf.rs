//! GEXF 1.3, the format Gephi reads best.
//!
//! Attributes are declared with types (`integer`, `double`, `string`) so
//! Gephi's filters and rankings treat numbers as numbers. `viz:color` gives
//! each type its color and `viz:size` grows with PageRank, so the graph looks
//! sensible before any styling. The graph is `mode="dynamic"` with
//! `timeformat="date"`: a dated event node and every dated edge carry one
//! `<spell>` per date, which is what Gephi's timeline filters on; undated
//! elements have no spell and are present at all times.
use std::io::{self, Write};

use super::{style, xml_escape, AttributeType, PropertyGraph, Value, EDGE_ATTRIBUTES, NODE_ATTRIBUTES};

fn type_name(kind: AttributeType) -> &'static str {
    match kind {
        AttributeType::String => "string",
        AttributeType::Int => "integer",
        AttributeType::Double => "double",
    }
}

/// Written as XML attributes of the element rather than as attvalues.
const NODE_BUILTIN: &str = "label";
const EDGE_BUILTIN: &str = "weight";

fn spells(out: &mut dyn Write, indent: &str, dates: &[&str]) -> io::Result<()> {
    if dates.is_empty() {
        return Ok(());
    }
    writeln!(out, "{indent}<spells>")?;
    for date in dates {
        let date = xml_escape(date);
        writeln!(out, r#"{indent}  <spell start="{date}" end="{date}"/>"#)?;
    }
    writeln!(out, "{indent}</spells>")
}

fn attvalues(
    out: &mut dyn Write,
    names: &[(&str, AttributeType)],
    skip: &str,
    values: &[Option<Value>],
) -> io::Result<()> {
    writeln!(out, "        <attvalues>")?;
    for (i, ((name, _), value)) in names.iter().zip(values).enumerate() {
        if let (false, Some(value)) = (*name == skip, value) {
            writeln!(
                out,
                r#"          <attvalue for="{i}" value="{}"/>"#,
                xml_escape(&value.to_string())
            )?;
        }
    }
    writeln!(out, "        </attvalues>")
}

pub(super) fn write(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(out, "    <creator>Parley {}</creator>", env!("CARGO_PKG_VERSION"))?;
    writeln!(
        out,
        "    <description>Entities and events of a Parley store, with network measures</description>"
    )?;
    writeln!(out, "  </meta>")?;
    writeln!(
        out,
        r#"  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#
    )?;
    for (class, names, skip) in [
        ("node", &NODE_ATTRIBUTES[..], NODE_BUILTIN),
        ("edge", &EDGE_ATTRIBUTES[..], EDGE_BUILTIN),
    ] {
        writeln!(out, r#"    <attributes class="{class}" mode="static">"#)?;
        for (i, (name, kind)) in names.iter().enumerate() {
            if *name != skip {
                writeln!(
                    out,
                    r#"      <attribute id="{i}" title="{name}" type="{}"/>"#,
                    type_name(*kind)
                )?;
            }
        }
        writeln!(out, "    </attributes>")?;
    }
    let max_rank = graph.nodes.iter().map(|n| n.measures.pagerank).fold(0.0f64, f64::max);
    writeln!(out, "    <nodes>")?;
    for node in &graph.nodes {
        writeln!(
            out,
            r#"      <node id="{}" label="{}">"#,
            xml_escape(&node.id),
            xml_escape(&node.label)
        )?;
        attvalues(out, &NODE_ATTRIBUTES, NODE_BUILTIN, &node.values())?;
        spells(
            out,
            "        ",
            &node.date.iter().map(String::as_str).collect::<Vec<_>>(),
        )?;
        let (r, g, b) = style(&node.kind).color;
        writeln!(out, r#"        <viz:color r="{r}" g="{g}" b="{b}"/>"#)?;
        let size = if max_rank > 0.0 {
            5.0 + 25.0 * node.measures.pagerank / max_rank
        } else {
            10.0
        };
        writeln!(out, r#"        <viz:size value="{size:.2}"/>"#)?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for edge in &graph.edges {
        writeln!(
            out,
            r#"      <edge id="{}" source="{}" target="{}" label="{}" weight="{}">"#,
            xml_escape(&graph.edge_id(edge)),
            xml_escape(&graph.nodes[edge.source].id),
            xml_escape(&graph.nodes[edge.target].id),
            xml_escape(&edge.relation),
            edge.weight,
        )?;
        attvalues(out, &EDGE_ATTRIBUTES, EDGE_BUILTIN, &edge.values())?;
        spells(
            out,
            "        ",
            &edge.dates.iter().map(String::as_str).collect::<Vec<_>>(),
        )?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}
