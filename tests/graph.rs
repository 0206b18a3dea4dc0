//! `parley graph`: every format read back by an independent tool.
//!
//! The store is built from `examples/articles.jsonl`. The expected node and
//! edge counts come from SPARQL over the same store (`parley query`), not from
//! the graph code; networkx reads the GraphML and GEXF, Graphviz renders the
//! DOT, and networkx recomputes PageRank and betweenness from the edges read
//! back. networkx and Graphviz are required (CI installs them): a missing tool
//! fails the test rather than skipping it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use tempfile::TempDir;

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles.jsonl")
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A temp dir with a store built from the example articles.
fn store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("ex.store");
    let output = parley()
        .args(["build", p(&examples()), "--store", p(&store)])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    (dir, store)
}

fn run_ok(args: &[&str]) -> String {
    let output = parley().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "parley {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The integer a `SELECT (COUNT(...) AS ?n)` query returns, via `parley query`.
fn count(store: &Path, where_clause: &str) -> usize {
    let sparql = format!(
        "PREFIX parley: <https://w3id.org/parley/ontology#>\nSELECT (COUNT(*) AS ?n) WHERE {{ {where_clause} }}"
    );
    let csv = run_ok(&["query", "--store", p(store), "--format", "csv", &sparql]);
    csv.lines().nth(1).unwrap().trim().parse().unwrap()
}

const ENTITIES: &str =
    "SELECT DISTINCT ?x WHERE { ?x a ?t VALUES ?t { parley:Person parley:State parley:Organization parley:Place } }";
const EVENTS: &str =
    "SELECT DISTINCT ?x WHERE { ?x a ?t VALUES ?t { parley:Meeting parley:Demand parley:Agreement parley:Statement parley:Claim } }";
const LINKS: &str = "SELECT DISTINCT ?e ?p ?x WHERE { ?e ?p ?x VALUES ?p { parley:participant parley:party parley:demandedBy parley:demandedOf parley:speaker parley:claimant parley:location } }";

/// (nodes, edges) that `--events nodes` must give.
fn expected_counts(store: &Path) -> (usize, usize) {
    let nodes = count(store, &format!("{{ {ENTITIES} }} UNION {{ {EVENTS} }}"));
    let edges = count(store, LINKS);
    (nodes, edges)
}

/// Runs a Python snippet with `args`, failing on error; returns stdout.
fn python(code: &str, args: &[&str]) -> String {
    let output = Process::new("python3")
        .arg("-c")
        .arg(code)
        .args(args)
        .output()
        .expect("python3 is required (with networkx)");
    assert!(
        output.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn write_graph(store: &Path, dir: &Path, format: &str, extra: &[&str]) -> PathBuf {
    let name: String = extra.join("").chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let path = dir.join(format!("graph-{name}.{format}"));
    let mut args = vec!["graph", "--store", p(store), "--format", format, "--output", p(&path)];
    args.extend_from_slice(extra);
    run_ok(&args);
    path
}

/// networkx's reading of a GraphML or GEXF file: counts, and per node and
/// edge the attributes that matter, as JSON.
const READ_BACK: &str = r#"
import json, sys
import networkx as nx
path, kind = sys.argv[1], sys.argv[2]
G = nx.read_graphml(path) if kind == "graphml" else nx.read_gexf(path)
assert G.is_directed()
# two entities may be joined by two relations (they met and also agreed), which networkx
# reads as a multigraph; one relation twice between the same pair would be a duplicate
pairs = [(s, t, d["relation"]) for s, t, d in G.edges(data=True)]
assert len(pairs) == len(set(pairs)), "an edge of one relation repeated between one pair"
nodes = {n: {k: d.get(k) for k in ("label", "type", "iso_code", "wikidata", "mentions", "documents", "pagerank", "betweenness", "degree")} for n, d in G.nodes(data=True)}
# a multigraph keeps each edge's GraphML id as its key, a simple graph in its data
listed = G.edges(keys=True, data=True) if G.is_multigraph() else ((s, t, d["id"], d) for s, t, d in G.edges(data=True))
edges = {d.get("id", k): {"source": s, "target": t, "relation": d["relation"], "weight": d["weight"]} for s, t, k, d in listed}
print(json.dumps({"nodes": nodes, "edges": edges, "n": G.number_of_nodes(), "m": G.number_of_edges()}))
"#;

fn read_back(path: &Path, kind: &str) -> serde_json::Value {
    serde_json::from_str(&python(READ_BACK, &[p(path), kind])).unwrap()
}

#[test]
fn graphml_and_gexf_read_back_by_networkx_with_the_store_counts_and_attributes() {
    let (dir, store) = store();
    let (nodes, edges) = expected_counts(&store);
    assert!(nodes > 20 && edges > 20, "example store too small: {nodes} {edges}");
    let cyjs: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(write_graph(&store, dir.path(), "cyjs", &[])).unwrap()).unwrap();
    for kind in ["graphml", "gexf"] {
        let graph = read_back(&write_graph(&store, dir.path(), kind, &[]), kind);
        assert_eq!(graph["n"], nodes, "{kind} nodes");
        assert_eq!(graph["m"], edges, "{kind} edges");
        // Ethiopia: the attributes from the store, with their types.
        let eth = &graph["nodes"]["https://w3id.org/parley/id/state/ETH"];
        assert_eq!(eth["label"], "Ethiopia", "{kind}");
        assert_eq!(eth["type"], "State", "{kind}");
        assert_eq!(eth["iso_code"], "ETH", "{kind}");
        assert_eq!(eth["wikidata"], "http://www.wikidata.org/entity/Q115", "{kind}");
        let mentions = count(
            &store,
            "GRAPH ?g { <https://w3id.org/parley/id/state/ETH> parley:mentionedIn ?g }",
        );
        assert_eq!(eth["documents"], mentions, "{kind}");
        assert!(eth["mentions"].as_u64().unwrap() >= mentions as u64, "{kind}");
        assert!(eth["pagerank"].is_f64(), "{kind}");
        // Same attributes as the Cytoscape.js file, node by node.
        for node in cyjs["elements"]["nodes"].as_array().unwrap() {
            let data = &node["data"];
            let read = &graph["nodes"][data["id"].as_str().unwrap()];
            assert_eq!(read["label"], data["label"], "{kind}");
            assert_eq!(read["type"], data["type"], "{kind}");
            assert_eq!(read["degree"], data["degree"], "{kind}");
            assert_eq!(read["pagerank"], data["pagerank"], "{kind}");
        }
        for (id, edge) in graph["edges"].as_object().unwrap() {
            assert_eq!(edge["weight"].as_f64(), Some(1.0), "{kind} {id}");
            assert_eq!(
                id,
                &format!(
                    "{}|{}|{}",
                    edge["source"].as_str().unwrap(),
                    edge["relation"].as_str().unwrap(),
                    edge["target"].as_str().unwrap()
                )
            );
        }
    }
}

#[test]
fn events_as_edges_count_the_pairs_sparql_finds() {
    let (dir, store) = store();
    // distinct unordered pairs of meeting participants or agreement parties,
    // ordered pairs of demander and addressee, per relation
    let met = count(
        &store,
        "SELECT DISTINCT ?a ?b WHERE { ?m a parley:Meeting ; parley:participant ?a, ?b FILTER(STR(?a) < STR(?b)) }",
    );
    let agreed = count(
        &store,
        "SELECT DISTINCT ?a ?b WHERE { ?m a parley:Agreement ; parley:party ?a, ?b FILTER(STR(?a) < STR(?b)) }",
    );
    let demanded = count(
        &store,
        "SELECT DISTINCT ?a ?b WHERE { ?m a parley:Demand ; parley:demandedBy ?a ; parley:demandedOf ?b FILTER(?a != ?b) }",
    );
    let meetings_weight = count(
        &store,
        "SELECT DISTINCT ?m ?a ?b WHERE { ?m a parley:Meeting ; parley:participant ?a, ?b FILTER(STR(?a) < STR(?b)) }",
    );
    let graph = read_back(
        &write_graph(&store, dir.path(), "graphml", &["--events", "edges"]),
        "graphml",
    );
    assert_eq!(graph["n"], count(&store, ENTITIES));
    assert_eq!(graph["m"], met + agreed + demanded);
    let edges = graph["edges"].as_object().unwrap();
    let weight = |relation: &str| -> f64 {
        edges
            .values()
            .filter(|e| e["relation"] == relation)
            .map(|e| e["weight"].as_f64().unwrap())
            .sum()
    };
    assert_eq!(weight("met"), meetings_weight as f64);
    assert!(met > 0 && agreed > 0 && demanded > 0, "{met} {agreed} {demanded}");
}

#[test]
fn dot_renders_without_warnings() {
    let (dir, store) = store();
    for extra in [&[][..], &["--events", "edges"][..]] {
        let path = write_graph(&store, dir.path(), "dot", extra);
        let output = Process::new("dot")
            .args(["-Tsvg", p(&path)])
            .output()
            .expect("Graphviz (dot) is required");
        assert!(output.status.success());
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "dot stderr");
        let svg = String::from_utf8(output.stdout).unwrap();
        assert!(svg.contains("<svg") && svg.contains("Ethiopia"));
        let text = fs::read_to_string(&path).unwrap();
        let node_lines = text
            .lines()
            .filter(|l| l.contains(" [label=") && !l.contains(" -> "))
            .count();
        let edge_lines = text.lines().filter(|l| l.contains(" -> ")).count();
        if extra.is_empty() {
            assert_eq!((node_lines, edge_lines), expected_counts(&store));
        } else {
            assert_eq!(node_lines, count(&store, ENTITIES));
        }
    }
}

#[test]
fn dot_escapes_quotes_and_backslashes_in_labels() {
    let (dir, store) = store();
    let query = dir.path().join("q.rq");
    fs::write(
        &query,
        r#"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT { <urn:a> rdfs:label "say \"hi\" \\ back" ; <urn:p> <urn:b> . <urn:b> rdfs:label "B & <b>" } WHERE {}"#,
    )
    .unwrap();
    for format in ["dot", "graphml", "gexf"] {
        let path = write_graph(&store, dir.path(), format, &["--query", p(&query)]);
        if format == "dot" {
            let output = Process::new("dot").args(["-Tsvg", p(&path)]).output().unwrap();
            assert_eq!(String::from_utf8_lossy(&output.stderr), "");
            let svg = String::from_utf8(output.stdout).unwrap();
            assert!(svg.contains("say &quot;hi&quot; \\ back"), "{svg}");
        } else {
            let graph = read_back(&path, format);
            assert_eq!(graph["n"], 2);
            assert_eq!(graph["m"], 1);
            assert_eq!(graph["nodes"]["urn:a"]["label"], "say \"hi\" \\ back");
            assert_eq!(graph["nodes"]["urn:b"]["label"], "B & <b>");
        }
    }
}

#[test]
fn cytoscape_json_has_the_elements_structure() {
    let (dir, store) = store();
    let (nodes, edges) = expected_counts(&store);
    let path = write_graph(&store, dir.path(), "cyjs", &[]);
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let elements = json["elements"].as_object().unwrap();
    let node_list = elements["nodes"].as_array().unwrap();
    let edge_list = elements["edges"].as_array().unwrap();
    assert_eq!(node_list.len(), nodes);
    assert_eq!(edge_list.len(), edges);
    let mut ids = std::collections::BTreeSet::new();
    for node in node_list {
        let data = node["data"].as_object().unwrap();
        assert!(ids.insert(data["id"].as_str().unwrap().to_owned()), "duplicate node id");
        assert!(data["label"].is_string() && data["type"].is_string());
        assert!(data["pagerank"].is_f64() && data["degree"].is_u64());
    }
    let mut edge_ids = std::collections::BTreeSet::new();
    for edge in edge_list {
        let data = edge["data"].as_object().unwrap();
        assert!(
            edge_ids.insert(data["id"].as_str().unwrap().to_owned()),
            "duplicate edge id"
        );
        assert!(ids.contains(data["source"].as_str().unwrap()));
        assert!(ids.contains(data["target"].as_str().unwrap()));
        assert!(data["relation"].is_string() && data["weight"].is_u64());
    }
}

#[test]
fn csv_files_and_stdout_hold_the_same_tables() {
    let (dir, store) = store();
    let (nodes, edges) = expected_counts(&store);
    let prefix = dir.path().join("net.csv");
    run_ok(&["graph", "--store", p(&store), "--format", "csv", "--output", p(&prefix)]);
    let node_csv = fs::read_to_string(dir.path().join("net-nodes.csv")).unwrap();
    let edge_csv = fs::read_to_string(dir.path().join("net-edges.csv")).unwrap();
    let stdout = run_ok(&["graph", "--store", p(&store), "--format", "csv"]);
    assert_eq!(stdout, format!("{node_csv}\n{edge_csv}"));
    // Python's csv module is the independent reader.
    let counts = python(
        "import csv, sys\nn = list(csv.DictReader(open(sys.argv[1], newline='')))\ne = list(csv.DictReader(open(sys.argv[2], newline='')))\nassert list(n[0])[:3] == ['id', 'label', 'type'], list(n[0])\nassert list(e[0])[:3] == ['source', 'target', 'relation'], list(e[0])\nids = {r['id'] for r in n}\nassert all(r['source'] in ids and r['target'] in ids for r in e)\nprint(len(n), len(e))",
        &[p(&dir.path().join("net-nodes.csv")), p(&dir.path().join("net-edges.csv"))],
    );
    assert_eq!(counts.trim(), format!("{nodes} {edges}"));
}

/// networkx's PageRank and betweenness on the arcs the measures use: each
/// edge one way, and also the other way unless its relation is `demanded`
/// (see `src/graph/measures.rs`), weights summed per arc.
const MEASURES: &str = r#"
import json, sys
import networkx as nx
G = nx.read_graphml(sys.argv[1])
D = nx.DiGraph()
D.add_nodes_from(G)
for s, t, d in G.edges(data=True):
    arcs = [(s, t)] if d["relation"] == "demanded" or s == t else [(s, t), (t, s)]
    for a, b in arcs:
        w = D[a][b]["weight"] if D.has_edge(a, b) else 0
        D.add_edge(a, b, weight=w + d["weight"])
try:
    pagerank = nx.pagerank(D, alpha=0.85, tol=1e-14, max_iter=100000)
except ImportError:  # networkx without numpy/scipy: its pure-Python version
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
    pagerank = _pagerank_python(D, alpha=0.85, tol=1e-14, max_iter=100000)
betweenness = nx.betweenness_centrality(D)
components = sorted(len(c) for c in nx.weakly_connected_components(G))
print(json.dumps({"pagerank": pagerank, "betweenness": betweenness, "components": components}))
"#;

#[test]
fn pagerank_and_betweenness_agree_with_networkx() {
    let (dir, store) = store();
    for extra in [&[][..], &["--events", "edges"][..]] {
        let path = write_graph(&store, dir.path(), "graphml", extra);
        let reference: serde_json::Value = serde_json::from_str(&python(MEASURES, &[p(&path)])).unwrap();
        let cyjs_path = write_graph(&store, dir.path(), "cyjs", extra);
        let ours: serde_json::Value = serde_json::from_str(&fs::read_to_string(cyjs_path).unwrap()).unwrap();
        let mut components: BTreeMap<u64, usize> = BTreeMap::new();
        let mut nonzero_betweenness = 0;
        for node in ours["elements"]["nodes"].as_array().unwrap() {
            let data = &node["data"];
            let id = data["id"].as_str().unwrap();
            for measure in ["pagerank", "betweenness"] {
                let expected = reference[measure][id].as_f64().unwrap();
                let got = data[measure].as_f64().unwrap();
                assert!(
                    (expected - got).abs() < 1e-6,
                    "{extra:?} {measure} of {id}: {got} vs networkx {expected}"
                );
            }
            if data["betweenness"].as_f64().unwrap() > 0.0 {
                nonzero_betweenness += 1;
            }
            *components.entry(data["component"].as_u64().unwrap()).or_default() += 1;
        }
        assert!(nonzero_betweenness > 0, "betweenness all zero: nothing was compared");
        let mut sizes: Vec<usize> = components.values().copied().collect();
        sizes.sort();
        let expected: Vec<usize> = serde_json::from_value(reference["components"].clone()).unwrap();
        assert_eq!(sizes, expected, "{extra:?} component sizes");
        // component 0 is the largest
        assert_eq!(components[&0], *expected.last().unwrap());
    }
}

#[test]
fn output_is_identical_across_runs() {
    let (_dir, store) = store();
    for format in ["dot", "graphml", "gexf", "cyjs", "csv"] {
        let a = run_ok(&["graph", "--store", p(&store), "--format", format]);
        let b = run_ok(&["graph", "--store", p(&store), "--format", format]);
        assert_eq!(a, b, "{format}");
    }
}

#[test]
fn filters_keep_what_they_say() {
    let (dir, store) = store();
    // types: only persons and states, and the events linked to them
    let graph = read_back(
        &write_graph(&store, dir.path(), "graphml", &["--types", "Person,State"]),
        "graphml",
    );
    let types: std::collections::BTreeSet<&str> = graph["nodes"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n["type"].as_str().unwrap())
        .collect();
    assert!(types.contains("Person") && types.contains("State"));
    assert!(!types.contains("Place") && !types.contains("Organization"), "{types:?}");
    // period: only the events dated in it
    let dated = count(
        &store,
        "SELECT DISTINCT ?e WHERE { ?e parley:date ?d FILTER(?d >= \"2026-03-01\"^^<http://www.w3.org/2001/XMLSchema#date> && ?d <= \"2026-03-31\"^^<http://www.w3.org/2001/XMLSchema#date>) }",
    );
    let graph = read_back(
        &write_graph(
            &store,
            dir.path(),
            "graphml",
            &["--from", "2026-03-01", "--to", "2026-03-31"],
        ),
        "graphml",
    );
    let events = graph["nodes"]
        .as_object()
        .unwrap()
        .values()
        .filter(|n| ["Meeting", "Demand", "Agreement", "Statement", "Claim"].contains(&n["type"].as_str().unwrap()))
        .count();
    assert_eq!(events, dated);
    // around: depth 1 of Ethiopia by label is Ethiopia and the events it is in
    let linked = count(
        &store,
        "SELECT DISTINCT ?e WHERE { ?e ?p <https://w3id.org/parley/id/state/ETH> VALUES ?p { parley:participant parley:party parley:demandedBy parley:demandedOf parley:speaker parley:claimant parley:location } }",
    );
    let graph = read_back(
        &write_graph(&store, dir.path(), "graphml", &["--around", "ethiopia", "--depth", "1"]),
        "graphml",
    );
    assert_eq!(graph["n"], linked + 1);
    let same = read_back(
        &write_graph(&store, dir.path(), "graphml", &["--around", "state:ETH"]),
        "graphml",
    );
    assert_eq!(graph["n"], same["n"]);
}

#[test]
fn bad_graph_arguments_are_errors_with_status_1() {
    let (dir, store) = store();
    let select = dir.path().join("select.rq");
    fs::write(&select, "SELECT * WHERE { ?s ?p ?o }").unwrap();
    for (args, expected) in [
        (&["--around", "Atlantis"][..], "no node \"Atlantis\""),
        (&["--types", "Planet"][..], "unknown entity type"),
        (&["--from", "2026-13-01"][..], "bad date"),
        (&["--query", p(&select)][..], "must be a SPARQL CONSTRUCT query"),
    ] {
        let mut all = vec!["graph", "--store", p(&store), "--format", "dot"];
        all.extend_from_slice(args);
        let output = parley().args(&all).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"));
        // errors found by Parley (not by clap's check of the arguments) are one line
        if !stderr.starts_with("error: invalid value") {
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(stderr.starts_with("parley: "), "{stderr}");
        }
    }
}
