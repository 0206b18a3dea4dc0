//! Network measures on a petgraph view of the projected graph.
//!
//! The definitions follow networkx, so that a user can check a number with
//! the tool they know and the tests can compare against it:
//!
//! - degree: edges in, out and both, as written (an aggregated edge counts once);
//!
//! The other measures run on a directed graph in which a symmetric edge
//! ([`super::Edge::symmetric`]: `met`, `agreed`, an event's link to an
//! entity) stands for two arcs, one each way, and a one-way edge (`demanded`,
//! CONSTRUCT edges) for one. Without that, the direction of a `met` edge
//! (which only follows the order of the ids) would bias PageRank, and with all
//! event links pointing from event to entity no node would ever lie between
//! two others. Arcs between the same two nodes add their weights.
//!
//! - PageRank: `networkx.pagerank(G)` on that directed graph, arc weights
//!   being `weight`, damping 0.85, dangling nodes spreading their rank
//!   uniformly, iterated until the L1 change is below `n * 1e-10`;
//! - betweenness: `networkx.betweenness_centrality(G)` on the directed graph
//!   without weights (Brandes), normalized by `1 / ((n-1)(n-2))`;
//! - component: weakly connected components, numbered by size (largest 0),
//!   ties by the smallest node id;
//! - community: label propagation on the undirected graph, made
//!   deterministic: nodes are visited in id order, each takes the label most
//!   frequent among its neighbours with ties to the smallest label, until no
//!   label changes (at most 100 rounds); numbered like components.
//!
//! petgraph provides the graph and union-find; its own `page_rank` does not
//! treat dangling nodes or weights the way networkx does, and it has no
//! betweenness, so those are written here.
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use super::PropertyGraph;

const DAMPING: f64 = 0.85;
const TOLERANCE: f64 = 1e-10;
const MAX_ITERATIONS: usize = 10_000;
const MAX_ROUNDS: usize = 100;

/// Fills in every node's [`super::NodeMeasures`].
pub fn compute(graph: &mut PropertyGraph) {
    let n = graph.nodes.len();
    let mut g: DiGraph<(), f64> = DiGraph::with_capacity(n, 2 * graph.edges.len());
    for _ in 0..n {
        g.add_node(());
    }
    let mut in_degree = vec![0; n];
    let mut out_degree = vec![0; n];
    for edge in &graph.edges {
        out_degree[edge.source] += 1;
        in_degree[edge.target] += 1;
        let (u, v) = (NodeIndex::new(edge.source), NodeIndex::new(edge.target));
        g.add_edge(u, v, edge.weight as f64);
        if edge.symmetric && u != v {
            g.add_edge(v, u, edge.weight as f64);
        }
    }
    let pagerank = pagerank(&g);
    let betweenness = betweenness(&g);
    let component = components(&g);
    let community = label_propagation(&g);
    for (i, node) in graph.nodes.iter_mut().enumerate() {
        let m = &mut node.measures;
        m.in_degree = in_degree[i];
        m.out_degree = out_degree[i];
        m.degree = m.in_degree + m.out_degree;
        m.pagerank = pagerank[i];
        m.betweenness = betweenness[i];
        m.component = component[i];
        m.community = community[i];
    }
}

/// PageRank as `networkx.pagerank` computes it (power iteration).
pub fn pagerank(g: &DiGraph<(), f64>) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let out_weight: Vec<f64> = g
        .node_indices()
        .map(|v| g.edges_directed(v, Direction::Outgoing).map(|e| *e.weight()).sum())
        .collect();
    let uniform = 1.0 / n as f64;
    let mut x = vec![uniform; n];
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = (0..n).filter(|&i| out_weight[i] == 0.0).map(|i| x[i]).sum();
        let base = DAMPING * dangling * uniform + (1.0 - DAMPING) * uniform;
        let mut next = vec![base; n];
        for edge in g.edge_references() {
            let (u, v) = (edge.source().index(), edge.target().index());
            next[v] += DAMPING * x[u] * edge.weight() / out_weight[u];
        }
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if change < n as f64 * TOLERANCE {
            break;
        }
    }
    x
}

/// Distinct successors of each node, sorted (parallel edges count once in
/// shortest paths, as in networkx).
fn successors(g: &DiGraph<(), f64>) -> Vec<Vec<usize>> {
    g.node_indices()
        .map(|v| {
            let mut next: Vec<usize> = g
                .neighbors_directed(v, Direction::Outgoing)
                .map(|w| w.index())
                .collect();
            next.sort_unstable();
            next.dedup();
            next
        })
        .collect()
}

/// Betweenness centrality (Brandes), unweighted, directed, normalized like
/// `networkx.betweenness_centrality(G)`.
///
/// Sources are processed in fixed chunks whose partial sums are added in
/// chunk order, so the result does not depend on the number of threads.
pub fn betweenness(g: &DiGraph<(), f64>) -> Vec<f64> {
    let n = g.node_count();
    let next = successors(g);
    const CHUNKS: usize = 64;
    let chunk_size = n.div_ceil(CHUNKS).max(1);
    let chunks: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(chunk_size)
        .map(|start| start..(start + chunk_size).min(n))
        .collect();
    let results: Mutex<Vec<Option<Vec<f64>>>> = Mutex::new(vec![None; chunks.len()]);
    let cursor = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .min(chunks.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = cursor.fetch_add(1, Ordering::Relaxed);
                let Some(range) = chunks.get(i) else { break };
                let partial = brandes(&next, range.clone());
                if let Ok(mut results) = results.lock() {
                    results[i] = Some(partial);
                }
            });
        }
    });
    let mut total = vec![0.0; n];
    for partial in results.into_inner().unwrap_or_default().into_iter().flatten() {
        for (t, p) in total.iter_mut().zip(partial) {
            *t += p;
        }
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        for value in &mut total {
            *value *= scale;
        }
    }
    total
}

/// Brandes' accumulation from each source in `sources`.
///
/// Predecessors are not stored: in the backward pass, the successors `w` of
/// `v` one step further from the source are exactly the nodes `v` precedes,
/// which saves a list per node per source on large graphs.
fn brandes(next: &[Vec<usize>], sources: std::ops::Range<usize>) -> Vec<f64> {
    let n = next.len();
    let mut centrality = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut distance = vec![usize::MAX; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<usize> = Vec::with_capacity(n);
    for s in sources {
        if next[s].is_empty() {
            continue; // reaches nothing: no pair to count
        }
        for &v in &order {
            sigma[v] = 0.0;
            distance[v] = usize::MAX;
            delta[v] = 0.0;
        }
        order.clear();
        sigma[s] = 1.0;
        distance[s] = 0;
        order.push(s);
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            let d = distance[v] + 1;
            for &w in &next[v] {
                if distance[w] == usize::MAX {
                    distance[w] = d;
                    order.push(w);
                }
                if distance[w] == d {
                    sigma[w] += sigma[v];
                }
            }
        }
        for &v in order.iter().rev() {
            let d = distance[v] + 1;
            let mut sum = 0.0;
            for &w in &next[v] {
                if distance[w] == d {
                    sum += (1.0 + delta[w]) / sigma[w];
                }
            }
            delta[v] = sigma[v] * sum;
            if v != s {
                centrality[v] += delta[v];
            }
        }
    }
    centrality
}

/// Numbers groups by size (largest 0), ties by smallest member.
fn number_groups(key: &[usize]) -> Vec<usize> {
    let mut groups: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // key -> (size, smallest member)
    for (i, &k) in key.iter().enumerate() {
        let entry = groups.entry(k).or_insert((0, i));
        entry.0 += 1;
        entry.1 = entry.1.min(i);
    }
    let mut ranked: Vec<(usize, usize, usize)> = groups.into_iter().map(|(k, (size, min))| (size, min, k)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let number: BTreeMap<usize, usize> = ranked.iter().enumerate().map(|(i, (_, _, k))| (*k, i)).collect();
    key.iter().map(|k| number[k]).collect()
}

/// Weakly connected component of each node.
pub fn components(g: &DiGraph<(), f64>) -> Vec<usize> {
    let mut sets = UnionFind::<usize>::new(g.node_count());
    for edge in g.edge_references() {
        sets.union(edge.source().index(), edge.target().index());
    }
    let roots: Vec<usize> = (0..g.node_count()).map(|i| sets.find_mut(i)).collect();
    number_groups(&roots)
}

/// Deterministic label propagation on the undirected graph.
pub fn label_propagation(g: &DiGraph<(), f64>) -> Vec<usize> {
    let n = g.node_count();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for edge in g.edge_references() {
        let (u, v) = (edge.source().index(), edge.target().index());
        if u != v {
            neighbours[u].push(v);
            neighbours[v].push(u);
        }
    }
    for list in &mut neighbours {
        list.sort_unstable();
        list.dedup();
    }
    let mut label: Vec<usize> = (0..n).collect();
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for v in 0..n {
            if neighbours[v].is_empty() {
                continue;
            }
            counts.clear();
            for &w in &neighbours[v] {
                *counts.entry(label[w]).or_default() += 1;
            }
            // BTreeMap iterates labels in increasing order; keep the first max.
            let mut best = (0, usize::MAX);
            for (&l, &c) in &counts {
                if c > best.0 {
                    best = (c, l);
                }
            }
            if best.1 != label[v] {
                label[v] = best.1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    number_groups(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize)]) -> DiGraph<(), f64> {
        let mut g = DiGraph::new();
        for _ in 0..n {
            g.add_node(());
        }
        for &(a, b) in edges {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), 1.0);
        }
        g
    }

    #[test]
    fn pagerank_sums_to_one_with_dangling_nodes() {
        let g = graph(4, &[(0, 1), (1, 2), (2, 0), (0, 3)]);
        let pr = pagerank(&g);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn betweenness_of_a_directed_path() {
        // 0 -> 1 -> 2: node 1 lies on the one path 0..2; normalized by 1/((3-1)(3-2)).
        let b = betweenness(&graph(3, &[(0, 1), (1, 2)]));
        assert_eq!(b, vec![0.0, 0.5, 0.0]);
    }

    #[test]
    fn components_are_numbered_by_size() {
        assert_eq!(components(&graph(5, &[(3, 4), (4, 2)])), vec![1, 2, 0, 0, 0]);
    }

    #[test]
    fn label_propagation_splits_two_triangles() {
        let g = graph(6, &[(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)]);
        let c = label_propagation(&g);
        assert_eq!(c, vec![0, 0, 0, 1, 1, 1]);
    }
}
