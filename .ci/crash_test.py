#!/usr/bin/env python3
"""Crash test of `parley build`: kill -9 at random moments, re-run, compare.

    python3 .ci/crash_test.py PARLEY [--docs 4000] [--kills 5] [--seed S] [--checkpoint 250]

A sample of Reuters-21578 (the first --docs stories with a body, written at run time by
../shared/eval/reuters_places.py, never kept in the repo) is built once without interruption (the
reference store). Then a second store is built from the same input with the bulk loader and small
checkpoints, and the build is killed with SIGKILL --kills times at moments drawn (seeded) across
the reference build's duration; after each kill the build is run again from the start, as a user
would. After every kill the store must open (`parley stats` exits 0), and every document graph in it
must be whole: its quads equal those `parley extract` gives for that document, and it has its content
hash. At the end the store must hold every document and equal the reference store quad for quad.
Exits 1 on the first failure, with what differs.
"""
import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(REPO, "..", "shared")


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def graphs(nquads):
    """N-Quads lines grouped by graph name (the last term of each line)."""
    by_graph = defaultdict(set)
    for line in nquads.splitlines():
        line = line.strip()
        if not line:
            continue
        graph = line[: -1].rstrip().rsplit(" ", 1)[-1]
        by_graph[graph].add(line)
    return by_graph


def export(parley, store):
    result = run([parley, "export", "--store", store, "--format", "nquads"])
    if result.returncode != 0:
        fail(f"export of {store} failed: {result.stderr.strip()}")
    return result.stdout


def hashed_documents(parley, store):
    query = "SELECT ?d WHERE { ?d <https://w3id.org/parley/ontology#contentHash> ?h }"
    result = run([parley, "query", "--store", store, "--format", "tsv", query])
    if result.returncode != 0:
        fail(f"query of {store} failed: {result.stderr.strip()}")
    return {line.strip() for line in result.stdout.splitlines()[1:] if line.strip()}


def fail(message):
    print(f"crash test FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check_whole(parley, store, expected, moment):
    stats = run([parley, "stats", "--store", store])
    if stats.returncode != 0:
        fail(f"after the kill at {moment:.2f} s the store does not open: {stats.stderr.strip()}")
    stored = graphs(export(parley, store))
    hashed = hashed_documents(parley, store)
    for graph, quads in stored.items():
        if graph not in expected:
            fail(f"after the kill at {moment:.2f} s the store holds an unknown graph {graph}")
        if quads != expected[graph]:
            missing = len(expected[graph] - quads)
            extra = len(quads - expected[graph])
            fail(f"after the kill at {moment:.2f} s document {graph} is not whole: {missing} quads missing, {extra} extra")
        if graph not in hashed:
            fail(f"after the kill at {moment:.2f} s document {graph} has no content hash")
    if len(hashed) != len(stored):
        fail(f"after the kill at {moment:.2f} s {len(hashed)} content hashes for {len(stored)} documents")
    return len(stored)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parley")
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--checkpoint", type=int, default=250)
    args = ap.parse_args()
    parley = os.path.abspath(args.parley)
    rng = random.Random(args.seed)
    print(f"crash test: {args.docs} documents, {args.kills} kills, seed {args.seed}")
    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "sample.jsonl")
        made = run(
            [sys.executable, os.path.join(SHARED, "eval", "reuters_places.py"),
             os.path.join(SHARED, "corpora", "reuters21578", "reuters21578.jsonl"), os.devnull,
             "--jsonl-out", sample, "--limit", str(args.docs)],
            cwd=REPO,
        )
        if made.returncode != 0:
            fail(f"cannot write the sample: {made.stderr.strip()}")
        build = [parley, "build", sample, "--loader", "bulk", "--checkpoint", str(args.checkpoint), "--quiet"]

        extracted = run([parley, "extract", sample, "--format", "nquads"])
        if extracted.returncode != 0:
            fail(f"extract failed: {extracted.stderr.strip()}")
        expected = graphs(extracted.stdout)

        reference = os.path.join(tmp, "reference")
        started = time.monotonic()
        done = run(build + ["--store", reference])
        duration = time.monotonic() - started
        if done.returncode != 0:
            fail(f"the reference build failed: {done.stderr.strip()}")
        reference_quads = sorted(export(parley, reference).splitlines())
        if graphs("\n".join(reference_quads)) != expected:
            fail("the reference store differs from `parley extract` of the same input")
        print(f"reference build: {len(expected)} documents, {len(reference_quads)} quads, {duration:.2f} s")

        store = os.path.join(tmp, "killed")
        # moments across the uninterrupted build's timeline; each run starts
        # where the last checkpoint left off, so it is killed after the time
        # from the previous moment to this one
        moments = sorted(rng.uniform(0.05, 0.95 * duration) for _ in range(args.kills))
        kills = 0
        for previous, moment in zip([0.0] + moments, moments):
            process = subprocess.Popen(build + ["--store", store], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(max(0.05, moment - previous))
            killed = process.poll() is None
            if killed:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait()
            held = check_whole(parley, store, expected, moment)
            state = "killed" if killed else "had finished"
            print(f"  run {state} {max(0.05, moment - previous):.2f} s in: store opens, {held} whole documents")
        final = run(build + ["--store", store])
        if final.returncode != 0:
            fail(f"the build after the kills failed: {final.stderr.strip()}")
        print("  last run: " + " ".join(line.strip() for line in final.stdout.splitlines()[:3]))
        held = check_whole(parley, store, expected, float("inf"))
        if held != len(expected):
            fail(f"{len(expected) - held} documents missing after the last run")
        if sorted(export(parley, store).splitlines()) != reference_quads:
            fail("the store after kills and re-runs differs from the uninterrupted build")
        print(f"crash test passed ({kills} kills): the store equals the uninterrupted build, {len(reference_quads)} quads")


if __name__ == "__main__":
    main()
