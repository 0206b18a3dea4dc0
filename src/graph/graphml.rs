//! GraphML with typed keys and yEd's extension.
//!
//! Plain GraphML readers (networkx, Gephi, Cytoscape) take the `<key>`s with
//! `attr.name`/`attr.type`; yEd ignores those for drawing and shows a node's
//! name only from a `y:ShapeNode` under a key with `yfiles.type="nodegraphics"`,
//! so both are written. Nodes get a deterministic grid position so yEd does
//! not open them all stacked at the origin (Layout > Organic then arranges them).
use std::io::{self, Write};

use super::{hex, style, xml_escape, AttributeType, PropertyGraph, EDGE_ATTRIBUTES, NODE_ATTRIBUTES};

fn type_name(kind: AttributeType) -> &'static str {
    match kind {
        AttributeType::String => "string",
        AttributeType::Int => "int",
        AttributeType::Double => "double",
    }
}

pub(super) fn write(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">"#
    )?;
    for (i, (name, kind)) in NODE_ATTRIBUTES.iter().enumerate() {
        writeln!(
            out,
            r#"  <key id="n{i}" for="node" attr.name="{name}" attr.type="{}"/>"#,
            type_name(*kind)
        )?;
    }
    for (i, (name, kind)) in EDGE_ATTRIBUTES.iter().enumerate() {
        writeln!(
            out,
            r#"  <key id="e{i}" for="edge" attr.name="{name}" attr.type="{}"/>"#,
            type_name(*kind)
        )?;
    }
    writeln!(out, r#"  <key id="ng" for="node" yfiles.type="nodegraphics"/>"#)?;
    writeln!(out, r#"  <key id="eg" for="edge" yfiles.type="edgegraphics"/>"#)?;
    writeln!(out, r#"  <graph id="parley" edgedefault="directed">"#)?;
    let columns = (graph.nodes.len() as f64).sqrt().ceil().max(1.0) as usize;
    for (index, node) in graph.nodes.iter().enumerate() {
        writeln!(out, r#"    <node id="{}">"#, xml_escape(&node.id))?;
        for (i, value) in node.values().iter().enumerate() {
            if let Some(value) = value {
                writeln!(
                    out,
                    r#"      <data key="n{i}">{}</data>"#,
                    xml_escape(&value.to_string())
                )?;
            }
        }
        let style = style(&node.kind);
        let width = 30.0 + 7.0 * node.label.chars().count().min(40) as f64;
        writeln!(
            out,
            r##"      <data key="ng"><y:ShapeNode><y:Geometry height="30.0" width="{width:.1}" x="{:.1}" y="{:.1}"/><y:Fill color="{}" transparent="false"/><y:BorderStyle color="#000000" type="line" width="1.0"/><y:NodeLabel>{}</y:NodeLabel><y:Shape type="{}"/></y:ShapeNode></data>"##,
            (index % columns) as f64 * 200.0,
            (index / columns) as f64 * 80.0,
            hex(style.color),
            xml_escape(&node.label),
            style.yed_shape,
        )?;
        writeln!(out, "    </node>")?;
    }
    for edge in &graph.edges {
        writeln!(
            out,
            r#"    <edge id="{}" source="{}" target="{}">"#,
            xml_escape(&graph.edge_id(edge)),
            xml_escape(&graph.nodes[edge.source].id),
            xml_escape(&graph.nodes[edge.target].id),
        )?;
        for (i, value) in edge.values().iter().enumerate() {
            if let Some(value) = value {
                writeln!(
                    out,
                    r#"      <data key="e{i}">{}</data>"#,
                    xml_escape(&value.to_string())
                )?;
            }
        }
        writeln!(
            out,
            r##"      <data key="eg"><y:PolyLineEdge><y:LineStyle color="#777777" type="line" width="1.0"/><y:Arrows source="none" target="{}"/><y:EdgeLabel>{}</y:EdgeLabel></y:PolyLineEdge></data>"##,
            if super::dot::two_way(&edge.relation) {
                "none"
            } else {
                "standard"
            },
            xml_escape(&edge.relation)
        )?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}
