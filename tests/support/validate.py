#!/usr/bin/env python3
"""Checks Parley output files against the ontology: each parses with rdflib,
conforms to ontology/shapes.ttl (pyshacl), and uses only parley: terms that
ontology/parley.ttl declares. Prints one line per problem; exit 1 if any.

usage: validate.py ONTOLOGY SHAPES FILE.ttl...
"""
import sys

import rdflib
from pyshacl import validate
from rdflib.namespace import RDF

PARLEY = "https://w3id.org/parley/ontology#"


def main():
    ontology_path, shapes_path, *files = sys.argv[1:]
    ontology = rdflib.Graph().parse(ontology_path, format="turtle")
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    declared = {str(s) for s in ontology.subjects(RDF.type, None) if str(s).startswith(PARLEY)}
    problems = 0
    for path in files:
        try:
            data = rdflib.Graph().parse(path, format="turtle")
        except Exception as err:  # noqa: BLE001 - any parse failure is the finding
            print(f"{path}: does not parse: {str(err).splitlines()[0]}")
            problems += 1
            continue
        if len(data) == 0:
            print(f"{path}: empty graph")
            problems += 1
        used = {str(t) for triple in data for t in triple if isinstance(t, rdflib.URIRef) and str(t).startswith(PARLEY)}
        for term in sorted(used - declared):
            print(f"{path}: uses undeclared term {term}")
            problems += 1
        conforms, _, report = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
        if not conforms:
            print(f"{path}: does not conform to shapes.ttl:\n{report}")
            problems += 1
    print(f"{len(files)} files checked, {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
