#!/usr/bin/env python3
"""Extraction time against document length: one document made of Reuters stories joined.

    python3 bench/long_documents.py [--parley PATH] [--runs 3] [--max-mib 10] [--out FILE.md]

Writes documents of 10 KiB, 20 KiB, ... doubling up to --max-mib MiB (10 MiB: eleven sizes), each
the bodies of Reuters-21578 stories (read at run time from ../shared/corpora, never copied into the
repo) joined by blank lines, in corpus order and cycling through the corpus when it runs out, cut at
a story boundary to the size. Then the issue's own case: the first 1,600 stories as one document.

Each is timed as `parley extract DOC.txt --format nquads --jobs 1 > /dev/null`, wall time around
the process (start-up and rule loading included), --runs times, interleaved size by size; the
report gives medians, seconds per MiB, and the ratio of each median to the one of half the size.
Extraction should grow linearly: the bar is at most 2.5 times per doubling. The exit status is 1
when a ratio is over the bar or the 1,600 stories take 2 s or more, so the script can gate CI.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REUTERS = os.path.join(REPO, "..", "shared", "corpora", "reuters21578", "reuters21578.jsonl")
RATIO_BAR = 2.5
JOINED_STORIES = 1600
JOINED_BAR_SECONDS = 2.0


def stories(path):
    """Bodies of the Reuters stories that have one, in corpus order."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            body = (json.loads(line).get("body") or "").strip()
            if body:
                out.append(body)
    return out


def joined(bodies, size):
    """Stories joined by blank lines until `size` bytes, cut after the last whole story."""
    parts, total, i = [], 0, 0
    while True:
        body = bodies[i % len(bodies)]
        need = len(body.encode()) + 2
        if total + need > size and parts:
            break
        parts.append(body)
        total += need
        i += 1
    return "\n\n".join(parts) + "\n"


def timed(parley, path):
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        subprocess.run([parley, "extract", path, "--format", "nquads", "--jobs", "1"], stdout=null, check=True)
    return time.perf_counter() - start


def main():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parley", default=os.path.join(target, "release", "parley"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--max-mib", type=float, default=10)
    ap.add_argument("--out", help="also write the report here")
    args = ap.parse_args()

    bodies = stories(REUTERS)
    sizes = []
    size = 10 << 10
    while size <= args.max_mib * (1 << 20):
        sizes.append(size)
        size *= 2
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        for size in sizes:
            path = os.path.join(tmp, f"joined-{size >> 10}k.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(joined(bodies, size))
            docs.append((f"{size >> 10} KiB", path))
        stories_path = os.path.join(tmp, f"stories-{JOINED_STORIES}.txt")
        with open(stories_path, "w", encoding="utf-8") as f:
            f.write("\n\n".join(bodies[:JOINED_STORIES]) + "\n")
        docs.append((f"{JOINED_STORIES} stories", stories_path))
        times = {label: [] for label, _ in docs}
        for _ in range(args.runs):
            for label, path in docs:
                times[label].append(timed(args.parley, path))
        lines = [
            f"# Extraction time against document length ({args.runs} runs, medians)",
            "",
            f"`{os.path.basename(args.parley)} extract DOC.txt --format nquads --jobs 1`, Reuters stories joined.",
            "",
            "| document | bytes | median s | s per MiB | x previous |",
            "|---|---:|---:|---:|---:|",
        ]
        failed = []
        previous = None
        for label, path in docs:
            n = os.path.getsize(path)
            median = statistics.median(times[label])
            ratio = ""
            if previous is not None and not label.endswith("stories"):
                r = median / previous
                ratio = f"{r:.2f}"
                if r > RATIO_BAR:
                    failed.append(f"{label}: {r:.2f}x the half size (bar {RATIO_BAR}x)")
            if label.endswith("stories"):
                if median >= JOINED_BAR_SECONDS:
                    failed.append(f"{label}: {median:.2f} s (bar {JOINED_BAR_SECONDS} s)")
            else:
                previous = median
            lines.append(f"| {label} | {n} | {median:.3f} | {median / (n / (1 << 20)):.3f} | {ratio} |")
        lines.append("")
        lines.append("bars: " + ("met" if not failed else "NOT met: " + "; ".join(failed)))
        report = "\n".join(lines)
        print(report)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write(report + "\n")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
