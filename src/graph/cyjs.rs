//! Cytoscape.js JSON (`{"elements": {"nodes": [{"data": ...}], "edges": [...]}}`),
//! which Cytoscape desktop also imports (File > Import > Network from File).
//!
//! Cytoscape desktop shows the `name` column as the node caption and uses
//! `interaction` for edges, so those are written next to `label` and
//! `relation`. Keys are in sorted order (serde_json's map), values typed.
use std::io::{self, Write};

use serde_json::{json, Map, Value as Json};

use super::{PropertyGraph, Value, EDGE_ATTRIBUTES, NODE_ATTRIBUTES};

fn to_json(value: &Value) -> Json {
    match value {
        Value::String(s) => Json::from(s.as_str()),
        Value::Int(n) => Json::from(*n),
        Value::Double(x) => Json::from(*x),
    }
}

pub(super) fn write(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    let nodes: Vec<Json> = graph
        .nodes
        .iter()
        .map(|node| {
            let mut data = Map::new();
            data.insert("id".into(), Json::from(node.id.as_str()));
            data.insert("name".into(), Json::from(node.label.as_str()));
            for ((name, _), value) in NODE_ATTRIBUTES.iter().zip(node.values()) {
                if let Some(value) = value {
                    data.insert((*name).into(), to_json(&value));
                }
            }
            json!({ "data": data })
        })
        .collect();
    let edges: Vec<Json> = graph
        .edges
        .iter()
        .map(|edge| {
            let mut data = Map::new();
            data.insert("id".into(), Json::from(graph.edge_id(edge)));
            data.insert("source".into(), Json::from(graph.nodes[edge.source].id.as_str()));
            data.insert("target".into(), Json::from(graph.nodes[edge.target].id.as_str()));
            data.insert("interaction".into(), Json::from(edge.relation.as_str()));
            for ((name, _), value) in EDGE_ATTRIBUTES.iter().zip(edge.values()) {
                if let Some(value) = value {
                    data.insert((*name).into(), to_json(&value));
                }
            }
            json!({ "data": data })
        })
        .collect();
    let document = json!({
        "format_version": "1.0",
        "generated_by": format!("parley-{}", env!("CARGO_PKG_VERSION")),
        "data": { "name": "parley" },
        "elements": { "nodes": nodes, "edges": edges },
    });
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::from)?;
    writeln!(out)
}
