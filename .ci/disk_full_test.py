#!/usr/bin/env python3
"""Disk-full test of `parley build`: a store on a small tmpfs (needs root, as CI runs).

    python3 .ci/disk_full_test.py PARLEY [--size-mib 40]

Mounts a tmpfs of --size-mib MiB, builds 200 Reuters stories into a store there, then builds the
whole of Reuters-21578 (about 260 MB of store) into the same store with checkpoints every 1,000
documents, which fills the device. The second build must stop with exit status 2 and one line on
standard error that says the device is full; afterwards the store must open, hold every document
it held before unchanged, and every document in it must be whole (equal to `parley extract` of
it, with its content hash). Then the same with --loader transaction on a tmpfs half the size,
where the store opens once space is freed (the test grows the tmpfs). The corpus is read at run
time from ../shared/corpora.
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crash_test import REPO, SHARED, check_whole, export, fail, graphs, run  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parley")
    ap.add_argument("--size-mib", type=int, default=40)
    args = ap.parse_args()
    parley = os.path.abspath(args.parley)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "reuters.jsonl")
        made = run(
            [sys.executable, os.path.join(SHARED, "eval", "reuters_places.py"),
             os.path.join(SHARED, "corpora", "reuters21578", "reuters21578.jsonl"), os.devnull,
             "--jsonl-out", corpus],
            cwd=REPO,
        )
        if made.returncode != 0:
            fail(f"cannot write the corpus: {made.stderr.strip()}")
        first = os.path.join(tmp, "first.jsonl")
        with open(corpus, encoding="utf-8") as src, open(first, "w", encoding="utf-8") as out:
            for _, line in zip(range(200), src):
                out.write(line)
        extracted = run([parley, "extract", corpus, "--format", "nquads"])
        if extracted.returncode != 0:
            fail(f"extract failed: {extracted.stderr.strip()}")
        expected = graphs(extracted.stdout)

        device = os.path.join(tmp, "small")
        os.mkdir(device)
        mounted = run(["mount", "-t", "tmpfs", "-o", f"size={args.size_mib}m", "tmpfs", device])
        if mounted.returncode != 0:
            fail(f"cannot mount a tmpfs (the test needs root): {mounted.stderr.strip()}")
        try:
            store = os.path.join(device, "store")
            built = run([parley, "build", first, "--store", store, "--quiet"])
            if built.returncode != 0:
                fail(f"the first build failed: {built.stderr.strip()}")
            before = graphs(export(parley, store))
            print(f"disk-full test: {len(before)} documents stored on a {args.size_mib} MiB tmpfs")

            full = run([parley, "build", corpus, "--store", store, "--loader", "bulk", "--checkpoint", "1000", "--quiet"])
            lines = full.stderr.strip().splitlines()
            print(f"  the whole corpus: exit {full.returncode}, {lines[-1] if lines else 'nothing on stderr'}")
            if full.returncode != 2:
                fail(f"the build on a full device exited {full.returncode}, not 2: {full.stderr.strip()}")
            if len(lines) != 1 or not lines[0].startswith("parley: ") or "no space left" not in lines[0]:
                fail(f"expected one line saying the device is full, got: {full.stderr!r}")
            if "panicked" in full.stderr:
                fail("the build panicked")

            held = check_whole(parley, store, expected, float("nan"))
            after = graphs(export(parley, store))
            for graph, quads in before.items():
                if after.get(graph) != quads:
                    fail(f"document {graph}, stored before the full build, changed or went missing")
            print(f"  the store opens: the {len(before)} documents of before unchanged, {held} documents, all whole")

            # Transactions (builds under 4 MiB, or --loader transaction): the build
            # stops the same way, but RocksDB must write to open a store whose log
            # holds commits not yet in its files, so the store opens once space is
            # freed (here: the tmpfs grown), with every committed document whole.
            run(["umount", device])
            mounted = run(["mount", "-t", "tmpfs", "-o", f"size={args.size_mib // 2}m", "tmpfs", device])
            if mounted.returncode != 0:
                fail(f"cannot mount a tmpfs again: {mounted.stderr.strip()}")
            built = run([parley, "build", first, "--store", store, "--quiet"])
            if built.returncode != 0:
                fail(f"the first build failed: {built.stderr.strip()}")
            full = run([parley, "build", corpus, "--store", store, "--loader", "transaction", "--quiet"])
            lines = full.stderr.strip().splitlines()
            print(f"  with transactions: exit {full.returncode}, {lines[-1][:120] if lines else 'nothing on stderr'}...")
            if full.returncode != 2 or len(lines) != 1 or "no space left" not in lines[0]:
                fail(f"with transactions, expected exit 2 and one line saying the device is full: {full.returncode} {full.stderr!r}")
            grown = run(["mount", "-o", f"remount,size={args.size_mib * 4}m", device])
            if grown.returncode != 0:
                fail(f"cannot grow the tmpfs: {grown.stderr.strip()}")
            held = check_whole(parley, store, expected, float("nan"))
            after = graphs(export(parley, store))
            for graph, quads in before.items():
                if after.get(graph) != quads:
                    fail(f"with transactions, document {graph}, stored before, changed or went missing")
            print(f"  once space is freed the store opens: {held} documents, all whole")
        finally:
            run(["umount", device])
    print("disk-full test passed")


if __name__ == "__main__":
    main()
