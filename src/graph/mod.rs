//! Network files for visualization tools: the store projected onto a property
//! graph, with network measures, written as DOT, GraphML, GEXF, Cytoscape.js
//! JSON or CSV.
//!
//! Many users never write SPARQL: they open the network of who meets, demands
//! of and agrees with whom in Gephi, Cytoscape, yEd or Graphviz. This module
//! gives them files that open without fixing anything.
//!
//! The work is three steps, one file each:
//!
//! 1. [`project`] reads the store with SPARQL (`project.rs`) and builds a
//!    [`PropertyGraph`]: nodes and edges with plain attributes, sorted by id,
//!    so the output does not depend on the store's iteration order.
//! 2. [`measures::compute`] fills in degree, PageRank, betweenness, weakly
//!    connected component and a label-propagation community, on a petgraph
//!    graph built from the same nodes and edges (`measures.rs`).
//! 3. [`write_network`] and [`write_csv`] serialize it (`dot.rs`, `graphml.rs`,
//!    `gexf.rs`, `cyjs.rs`, `csv.rs`).
//!
//! *Invariants.* Node ids are the IRIs of the entities and events, so they are
//! stable across runs and stores. Edge ids are `SOURCE|relation|TARGET`, which
//! is unique because parallel interactions are aggregated into one edge per
//! (source, target, relation). Every format writes the same attributes, listed
//! once in [`NODE_ATTRIBUTES`] and [`EDGE_ATTRIBUTES`].
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::ParleyError;
use crate::kinds::Style;

mod csv;
mod cyjs;
mod dot;
mod gexf;
mod graphml;
pub mod measures;
mod project;

pub use project::project;

/// How events enter the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventMode {
    /// Each event is a node, linked to its participants, parties, demander,
    /// addressee, speaker, claimant and location (edge relation = property).
    #[default]
    Nodes,
    /// Meetings, demands and agreements become edges between entities
    /// (`met`, `demanded`, `agreed`), aggregated per pair into a weight.
    Edges,
}

/// The entity classes a graph can keep (`--types`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    Person,
    State,
    Organization,
    Place,
}

impl EntityType {
    /// All of them, in the order used to pick one when an IRI has several.
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::State,
        EntityType::Organization,
        EntityType::Place,
    ];

    /// The local name of the class (`Person`, ...), also the node `type`.
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::State => "State",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
        }
    }

    /// Parses a class name, ignoring case.
    pub fn from_name(name: &str) -> Option<EntityType> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// What to project from the store.
#[derive(Debug, Clone)]
pub struct GraphOptions {
    /// Events as nodes or as edges between entities.
    pub events: EventMode,
    /// Entity types to keep; `None` keeps all four.
    pub types: Option<BTreeSet<EntityType>>,
    /// Keep events dated on or after this day.
    pub from: Option<NaiveDate>,
    /// Keep events dated on or before this day.
    pub to: Option<NaiveDate>,
    /// Keep only the neighbourhood of this node (IRI, prefixed name or label).
    pub around: Option<String>,
    /// Radius of the neighbourhood, in edges (either direction).
    pub depth: usize,
    /// A SPARQL CONSTRUCT query whose triples are the graph, instead of the
    /// built-in projection.
    pub construct: Option<String>,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            events: EventMode::Nodes,
            types: None,
            from: None,
            to: None,
            around: None,
            depth: 1,
            construct: None,
        }
    }
}

/// A node of the projected graph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Node {
    /// The IRI of the entity or event.
    pub id: String,
    pub label: String,
    /// Local name of its class (`Person`, `Meeting`, ...).
    pub kind: String,
    /// ISO 3166-1 alpha-3 code of a state.
    pub iso_code: Option<String>,
    /// Wikidata IRI (`owl:sameAs`).
    pub wikidata: Option<String>,
    /// Sum of `parley:mentionCount` over documents (entities only).
    pub mentions: Option<u64>,
    /// Distinct documents mentioning the entity (or deriving the event).
    pub documents: u64,
    /// Event date (YYYY-MM-DD).
    pub date: Option<String>,
    /// Meeting status (local name).
    pub status: Option<String>,
    /// Topic of a demand, agreement or claim (local name).
    pub topic: Option<String>,
    /// Identifiers of the documents an event was read from.
    pub doc_ids: Vec<String>,
    /// Filled in by [`measures::compute`].
    pub measures: NodeMeasures,
}

/// Network measures of one node.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeMeasures {
    pub in_degree: usize,
    pub out_degree: usize,
    pub degree: usize,
    pub pagerank: f64,
    pub betweenness: f64,
    /// Weakly connected component, 0 the largest.
    pub component: usize,
    /// Label-propagation community, 0 the largest.
    pub community: usize,
}

/// An edge; one per (source, target, relation), with repeated interactions
/// folded into `weight`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edge {
    /// Index into [`PropertyGraph::nodes`].
    pub source: usize,
    pub target: usize,
    pub relation: String,
    pub topics: BTreeSet<String>,
    pub dates: BTreeSet<String>,
    pub statuses: BTreeSet<String>,
    /// Labels of the places of the meetings behind the edge.
    pub places: BTreeSet<String>,
    pub weight: u64,
    pub doc_ids: BTreeSet<String>,
    /// The relation holds both ways (`met`, `agreed`, an event's link to an
    /// entity), so the measures count the edge in both directions; only
    /// `demanded` and the edges of a CONSTRUCT query are one-way.
    pub symmetric: bool,
}

/// Nodes sorted by id and edges sorted by (source id, target id, relation).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PropertyGraph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl PropertyGraph {
    /// The stable id of an edge: `SOURCE|relation|TARGET`.
    pub fn edge_id(&self, edge: &Edge) -> String {
        format!(
            "{}|{}|{}",
            self.nodes[edge.source].id, edge.relation, self.nodes[edge.target].id
        )
    }
}

/// The type of an attribute, as GraphML, GEXF and the CSV docs name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeType {
    String,
    Int,
    Double,
}

/// A value of an attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Int(u64),
    Double(f64),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::String(s) => f.write_str(s),
            Value::Int(n) => write!(f, "{n}"),
            // Rust prints the shortest representation that reads back exactly,
            // never in exponent notation.
            Value::Double(x) => write!(f, "{x}"),
        }
    }
}

/// Node attributes, in the order every format writes them.
pub const NODE_ATTRIBUTES: [(&str, AttributeType); 17] = [
    ("label", AttributeType::String),
    ("type", AttributeType::String),
    ("iso_code", AttributeType::String),
    ("wikidata", AttributeType::String),
    ("mentions", AttributeType::Int),
    ("documents", AttributeType::Int),
    ("date", AttributeType::String),
    ("status", AttributeType::String),
    ("topic", AttributeType::String),
    ("doc_ids", AttributeType::String),
    ("in_degree", AttributeType::Int),
    ("out_degree", AttributeType::Int),
    ("degree", AttributeType::Int),
    ("pagerank", AttributeType::Double),
    ("betweenness", AttributeType::Double),
    ("component", AttributeType::Int),
    ("community", AttributeType::Int),
];

/// Edge attributes, in the order every format writes them. Several values
/// (topics, statuses, places, document ids of an aggregated edge) are joined
/// with `;`; `date` is the earliest date and `last_date` the latest.
pub const EDGE_ATTRIBUTES: [(&str, AttributeType); 8] = [
    ("relation", AttributeType::String),
    ("topic", AttributeType::String),
    ("date", AttributeType::String),
    ("last_date", AttributeType::String),
    ("status", AttributeType::String),
    ("place", AttributeType::String),
    ("weight", AttributeType::Int),
    ("doc_ids", AttributeType::String),
];

fn joined(values: &BTreeSet<String>) -> Option<Value> {
    (!values.is_empty()).then(|| Value::String(values.iter().cloned().collect::<Vec<_>>().join(";")))
}

impl Node {
    /// Values aligned with [`NODE_ATTRIBUTES`]; `None` where unknown.
    pub fn values(&self) -> Vec<Option<Value>> {
        let s = |v: &Option<String>| v.clone().map(Value::String);
        let m = &self.measures;
        vec![
            Some(Value::String(self.label.clone())),
            Some(Value::String(self.kind.clone())),
            s(&self.iso_code),
            s(&self.wikidata),
            self.mentions.map(Value::Int),
            Some(Value::Int(self.documents)),
            s(&self.date),
            s(&self.status),
            s(&self.topic),
            (!self.doc_ids.is_empty()).then(|| Value::String(self.doc_ids.join(";"))),
            Some(Value::Int(m.in_degree as u64)),
            Some(Value::Int(m.out_degree as u64)),
            Some(Value::Int(m.degree as u64)),
            Some(Value::Double(m.pagerank)),
            Some(Value::Double(m.betweenness)),
            Some(Value::Int(m.component as u64)),
            Some(Value::Int(m.community as u64)),
        ]
    }
}

impl Edge {
    /// Values aligned with [`EDGE_ATTRIBUTES`]; `None` where unknown.
    pub fn values(&self) -> Vec<Option<Value>> {
        vec![
            Some(Value::String(self.relation.clone())),
            joined(&self.topics),
            self.dates.first().cloned().map(Value::String),
            self.dates.last().cloned().map(Value::String),
            joined(&self.statuses),
            joined(&self.places),
            Some(Value::Int(self.weight)),
            joined(&self.doc_ids),
        ]
    }
}

/// Colour and shapes of a node by the local name of its class, so a kind
/// looks the same in every tool; event kinds take theirs from
/// [`crate::kinds::EVENT_KINDS`].
pub(crate) fn style(kind: &str) -> Style {
    let (color, dot_shape, yed_shape) = match kind {
        "Person" => ((0x4E, 0x79, 0xA7), "ellipse", "ellipse"),
        "State" => ((0xE1, 0x57, 0x59), "box", "rectangle"),
        "Organization" => ((0x59, 0xA1, 0x4F), "hexagon", "hexagon"),
        "Place" => ((0xED, 0xC9, 0x48), "house", "trapezoid"),
        other => {
            return crate::kinds::event_style(other).unwrap_or(Style {
                color: (0xCC, 0xCC, 0xCC),
                dot_shape: "ellipse",
                yed_shape: "ellipse",
            })
        }
    };
    Style {
        color,
        dot_shape,
        yed_shape,
    }
}

pub(crate) fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// The single-file network formats (CSV, two files, is [`write_csv`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFormat {
    Dot,
    GraphMl,
    Gexf,
    Cyjs,
}

/// Writes `graph` in `format`.
pub fn write_network(graph: &PropertyGraph, format: NetworkFormat, out: &mut dyn Write) -> Result<(), ParleyError> {
    match format {
        NetworkFormat::Dot => dot::write(graph, out)?,
        NetworkFormat::GraphMl => graphml::write(graph, out)?,
        NetworkFormat::Gexf => gexf::write(graph, out)?,
        NetworkFormat::Cyjs => cyjs::write(graph, out)?,
    }
    Ok(())
}

/// Writes the nodes table to `nodes` and the edges table to `edges`
/// (RFC 4180 CSV, header `id,label,type,...` and `source,target,relation,...`).
pub fn write_csv(graph: &PropertyGraph, nodes: &mut dyn Write, edges: &mut dyn Write) -> Result<(), ParleyError> {
    csv::write_nodes(graph, nodes)?;
    csv::write_edges(graph, edges)?;
    Ok(())
}

/// Writes both CSV tables to one stream (standard output): the nodes table,
/// an empty line, the edges table.
pub fn write_csv_joined(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    csv::write_nodes(graph, out)?;
    out.write_all(b"\n")?;
    csv::write_edges(graph, out)
}

/// The two files `parley graph --format csv --output PREFIX` writes:
/// `PREFIX-nodes.csv` and `PREFIX-edges.csv`, a `.csv` ending of `PREFIX`
/// left out (`net.csv` gives `net-nodes.csv`). The prefix is read as UTF-8,
/// invalid bytes replaced.
pub fn csv_paths(prefix: &Path) -> (PathBuf, PathBuf) {
    let prefix = prefix.to_string_lossy();
    let prefix = prefix.strip_suffix(".csv").unwrap_or(&prefix);
    (
        PathBuf::from(format!("{prefix}-nodes.csv")),
        PathBuf::from(format!("{prefix}-edges.csv")),
    )
}

/// Escapes text for XML content and attribute values; drops the control
/// characters XML 1.0 cannot carry at all.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_paths_add_the_table_to_the_prefix_without_its_csv_ending() {
        let paths = |prefix: &str| {
            let (nodes, edges) = csv_paths(Path::new(prefix));
            (nodes.display().to_string(), edges.display().to_string())
        };
        assert_eq!(
            paths("out/net"),
            ("out/net-nodes.csv".into(), "out/net-edges.csv".into())
        );
        assert_eq!(paths("net.csv"), ("net-nodes.csv".into(), "net-edges.csv".into()));
        assert_eq!(
            paths("net.tsv"),
            ("net.tsv-nodes.csv".into(), "net.tsv-edges.csv".into())
        );
    }

    #[test]
    fn joined_csv_is_the_two_tables_with_an_empty_line_between() {
        let graph = PropertyGraph::default();
        let (mut nodes, mut edges, mut joined) = (Vec::new(), Vec::new(), Vec::new());
        write_csv(&graph, &mut nodes, &mut edges).unwrap();
        write_csv_joined(&graph, &mut joined).unwrap();
        assert_eq!(joined, [nodes, b"\n".to_vec(), edges].concat());
    }

    #[test]
    fn xml_escape_handles_markup_and_controls() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn attribute_tables_match_values() {
        assert_eq!(Node::default().values().len(), NODE_ATTRIBUTES.len());
        assert_eq!(Edge::default().values().len(), EDGE_ATTRIBUTES.len());
    }
}
