#!/usr/bin/env python3
"""Checks that a triple store holds what `parley push` sent it.

    push_compare.py clean   --sparql URL --gsp URL [--graph IRI]
    push_compare.py compare --parley BIN --store DIR --sparql URL [--queries DIR]

`clean` deletes every Parley document graph from the server (or only the
graph --graph), through its Graph Store endpoint, with HTTP Digest
credentials from PARLEY_PUSH_USER and PARLEY_PUSH_PASSWORD when they are set:
so that a test starts from nothing, or to check that `compare` notices.

`compare` asks the server's SPARQL endpoint, and fails (exit 1) unless:
- it holds exactly the document graphs of the Parley store, no more, no fewer,
  with the same number of triples in each;
- each graph holds the same triples as the store's graph: same IRIs, same
  literals with the same datatype and language tag (compared as RDF graphs,
  so blank nodes, if any, are matched by structure);
- each example query (*.rq in --queries) gives the same rows on the server as
  `parley query` gives on the store.

Used by .ci/push-test.sh against Oxigraph's server and Virtuoso.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic

DOC_PREFIX = "https://w3id.org/parley/id/doc/"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def sparql_select(endpoint, query):
    """The bindings of a SELECT query, by POST, as SPARQL JSON results."""
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        endpoint,
        data=data,
        headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        results = json.load(response)
    return results["head"]["vars"], results["results"]["bindings"]


def to_rdflib(term):
    """A SPARQL JSON term as an rdflib term. Virtuoso writes `typed-literal`
    (the 2008 draft's name) for literals with a datatype; both are read."""
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    lang = term.get("xml:lang")
    if lang:
        # language tags are case-insensitive (BCP 47); Virtuoso lower-cases them
        return Literal(value, lang=lang.lower())
    datatype = term.get("datatype")
    if datatype and datatype != XSD_STRING:
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


def normalized(term):
    """An rdflib term with its language tag in lower case and xsd:string
    written as a simple literal (the same literal in RDF 1.1)."""
    if isinstance(term, Literal):
        if term.language:
            return Literal(str(term), lang=term.language.lower())
        if term.datatype is None or str(term.datatype) == XSD_STRING:
            return Literal(str(term))
    return term


# rows asked for at once: Virtuoso cuts every result at ResultSetMaxRows
# (10,000 in Debian's virtuoso.ini) without saying so, and refuses an OFFSET
# past 10,000 in a sorted query, so pages are ranges of graph IRIs
PAGE = 5000


def document_graphs_on_server(sparql):
    """Each Parley document graph on the server with its number of triples,
    read a page at a time."""
    graphs = {}
    after = DOC_PREFIX
    while True:
        _, rows = sparql_select(
            sparql,
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER (STRSTARTS(STR(?g), {json.dumps(DOC_PREFIX)}) && STR(?g) > {json.dumps(after)}) }} "
            f"GROUP BY ?g ORDER BY ?g LIMIT {PAGE}",
        )
        graphs.update((row["g"]["value"], int(row["n"]["value"])) for row in rows)
        if len(rows) < PAGE:
            return graphs
        after = max(row["g"]["value"] for row in rows)


def server_graph(sparql, iri):
    _, rows = sparql_select(sparql, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
    graph = Graph()
    for row in rows:
        graph.add(tuple(normalized(to_rdflib(row[v])) for v in ("s", "p", "o")))
    return graph, len(rows)


def store_graphs(parley, store):
    nquads = subprocess.run(
        [parley, "export", "--store", store, "--format", "nquads"],
        check=True,
        capture_output=True,
    ).stdout
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    graphs = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if g is None or not str(g).startswith(DOC_PREFIX):
            continue
        graphs.setdefault(str(g), Graph()).add((normalized(s), normalized(p), normalized(o)))
    # the store has no duplicate quads, so the line count is the quad count
    counts = Counter()
    for line in nquads.decode().splitlines():
        if line.strip():
            counts[line.rsplit(" ", 2)[-2].strip("<>")] += 1
    return graphs, counts


GROUP_CONCAT = re.compile(
    r'GROUP_CONCAT\s*\((?:[^;()]|\([^()]*\))*;\s*separator\s*=\s*"([^"]*)"\s*\)\s*AS\s*\?(\w+)',
    re.IGNORECASE,
)


def concatenated(query):
    """The variables of `query` made by GROUP_CONCAT, with their separators."""
    return {match.group(2): match.group(1) for match in GROUP_CONCAT.finditer(query)}


def row_key(variables, row, separators):
    """A row as a hashable tuple. GROUP_CONCAT joins its values in an order
    SPARQL leaves to the engine (section 18.5.1.7), so those cells are
    compared as the sorted list of their parts."""
    key = []
    for v in variables:
        if v not in row:
            key.append((v, None))
        elif v in separators:
            parts = row[v]["value"].split(separators[v]) if row[v]["value"] else []
            key.append((v, tuple(sorted(parts))))
        else:
            key.append((v, normalized(to_rdflib(row[v])).n3()))
    return tuple(key)


def compare_queries(parley, store, sparql, queries):
    failures = 0
    for path in sorted(Path(queries).glob("*.rq")):
        query = path.read_text()
        local = json.loads(
            subprocess.run(
                [parley, "query", "--store", store, "--file", str(path), "--format", "json"],
                check=True,
                capture_output=True,
            ).stdout
        )
        variables = local["head"]["vars"]
        separators = concatenated(query)
        expected = Counter(row_key(variables, row, separators) for row in local["results"]["bindings"])
        _, rows = sparql_select(sparql, query)
        got = Counter(row_key(variables, row, separators) for row in rows)
        total = sum(expected.values())
        if got == expected:
            print(f"  {path.name}: {total} rows, the same")
            continue
        failures += 1
        print(f"  {path.name}: {total} rows in Parley, {sum(got.values())} on the server; they differ:")
        for row in list((expected - got).elements())[:5]:
            print(f"    only in Parley: {row}")
        for row in list((got - expected).elements())[:5]:
            print(f"    only on the server: {row}")
    return failures


def compare(args):
    graphs, counts = store_graphs(args.parley, args.store)
    on_server = document_graphs_on_server(args.sparql)
    failures = 0
    missing = sorted(set(counts) - set(on_server))
    extra = sorted(set(on_server) - set(counts))
    if missing or extra:
        failures += 1
        print(f"graphs only in Parley: {missing[:5]} ({len(missing)}); only on the server: {extra[:5]} ({len(extra)})")
    wrong_counts = [(g, counts[g], on_server[g]) for g in counts if g in on_server and counts[g] != on_server[g]]
    for graph, here, there in wrong_counts[:5]:
        print(f"{graph}: {here} quads in Parley, {there} on the server")
    failures += len(wrong_counts)
    different = compared = 0
    for iri, expected in sorted(graphs.items()):
        if iri not in on_server:
            continue
        compared += 1
        got, _ = server_graph(args.sparql, iri)
        if to_isomorphic(got) != to_isomorphic(expected):
            different += 1
            _, only_parley, only_server = graph_diff(to_isomorphic(expected), to_isomorphic(got))
            print(f"{iri}: the triples differ")
            for triple in list(only_parley)[:3]:
                print(f"  only in Parley: {' '.join(t.n3() for t in triple)}")
            for triple in list(only_server)[:3]:
                print(f"  only on the server: {' '.join(t.n3() for t in triple)}")
    failures += different
    quads = sum(counts.values())
    print(
        f"{len(counts)} document graphs, {quads} quads in Parley; "
        f"{len(on_server)} graphs, {sum(on_server.values())} quads on the server; "
        f"{compared - different} of {len(graphs)} graphs equal triple for triple"
    )
    if args.queries:
        failures += compare_queries(args.parley, args.store, args.sparql, args.queries)
    return 1 if failures else 0


def clean(args):
    """Deletes the Parley document graphs from the server, one DELETE each."""
    user, password = os.environ.get("PARLEY_PUSH_USER"), os.environ.get("PARLEY_PUSH_PASSWORD")
    handlers = []
    if user is not None and password is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, args.gsp, user, password)
        handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
    opener = urllib.request.build_opener(*handlers)
    graphs = [args.graph] if args.graph else list(document_graphs_on_server(args.sparql))
    for iri in graphs:
        url = args.gsp + ("&" if "?" in args.gsp else "?") + urllib.parse.urlencode({"graph": iri})
        with opener.open(urllib.request.Request(url, method="DELETE"), timeout=60) as response:
            response.read()
    left = document_graphs_on_server(args.sparql)
    print(f"deleted {len(graphs)} document graphs; {len(left)} left")
    return 1 if any(iri in left for iri in graphs) else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    clean_parser = commands.add_parser("clean")
    clean_parser.add_argument("--sparql", required=True)
    clean_parser.add_argument("--gsp", required=True)
    clean_parser.add_argument("--graph")
    compare_parser = commands.add_parser("compare")
    compare_parser.add_argument("--parley", required=True)
    compare_parser.add_argument("--store", required=True)
    compare_parser.add_argument("--sparql", required=True)
    compare_parser.add_argument("--queries")
    args = parser.parse_args()
    sys.exit(clean(args) if args.command == "clean" else compare(args))


if __name__ == "__main__":
    main()
