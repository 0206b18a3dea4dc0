#!/usr/bin/env python3
"""Print the candidate documents for the held-out gold set, in the seeded order they were read.

    python3 tests/gold/sample.py [--corpora ../shared/corpora] [--dev ../shared/eval/texts/dev]

For each corpus: keep the records whose text matches KEYWORDS (case-insensitive) and whose length
is in range, drop those already in the dev set (their opening words occur in a dev text), then
shuffle with random.Random(2026) (one generator per corpus, seeded afresh). The annotator walked
each list from the top and took a record when it is about diplomacy or conflict (see README.md),
until the quota of that corpus was filled. Only ids and titles are printed, never the text.
"""
import argparse
import csv
import json
import random
import re
from pathlib import Path

KEYWORDS = re.compile(r"\b(talks|summit|agreement|accord|treaty|urged|demanded|minister|met|visit)\b", re.I)
SEED = 2026


def words(text):
    return len(text.split())


def squash(text):
    return " ".join(text.split())


def candidates(corpora, dev_texts):
    def in_dev(text):
        head = squash(text)[:80]
        return any(head in d for d in dev_texts)

    out = {}
    rs = []
    for line in open(corpora / "reuters21578/reuters21578.jsonl"):
        d = json.loads(line)
        body = d.get("body") or ""
        text = (d.get("title") or "") + "\n" + body
        if 100 <= words(body) <= 700 and KEYWORDS.search(text) and not in_dev(body):
            rs.append((f"reuters newid={d['newid']}", d.get("title")))
    out["reuters21578"] = rs

    bs = []
    for line in open(corpora / "bbc/bbc_articles.jsonl"):
        d = json.loads(line)
        if d["category"] != "politics":
            continue
        text = d["title"] + "\n" + d["text"]
        if 100 <= words(d["text"]) <= 700 and KEYWORDS.search(text) and not in_dev(d["text"]):
            bs.append((f"bbc id={d['id']}", d["title"]))
    out["bbc"] = bs

    ns = []
    for path in sorted((corpora / "news_samples").glob("*/*.txt")):
        blocks = [b for b in re.split(r"\n\s*\n", path.read_text()) if b.strip()]
        for i, b in enumerate(blocks):
            if 100 <= words(b) <= 700 and KEYWORDS.search(b) and not in_dev(b):
                rel = path.relative_to(corpora / "news_samples")
                ns.append((f"news_samples file={rel} article={i}", b.strip().splitlines()[0][:90]))
    out["news_samples"] = ns

    ag = []
    with open(corpora / "ag_news/test.csv", newline="") as f:
        for row_no, row in enumerate(csv.reader(f), start=1):
            cls, title, desc = row
            if cls == "1" and KEYWORDS.search(title + "\n" + desc) and not in_dev(desc):
                ag.append((f"ag_news row={row_no}", title))
    out["ag_news"] = ag

    for name, items in out.items():
        random.Random(SEED).shuffle(items)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    ap.add_argument("--dev", type=Path, default=Path("../shared/eval/texts/dev"))
    ap.add_argument("--top", type=int, default=40, help="how many of each list to print")
    args = ap.parse_args()
    dev_texts = [squash(p.read_text()) for p in sorted(args.dev.glob("*.txt"))]
    for name, items in candidates(args.corpora, dev_texts).items():
        print(f"== {name}: {len(items)} candidates")
        for rank, (ident, title) in enumerate(items[: args.top], start=1):
            print(f"{rank:3} {ident}  {title}")


if __name__ == "__main__":
    main()
