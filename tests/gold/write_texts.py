#!/usr/bin/env python3
"""Write the text of every gold document in tests/gold from the shared corpora.

    python3 tests/gold/write_texts.py OUTDIR [--corpora ../shared/corpora]

Each tests/gold/<doc>.json names its record in "source"; this writes OUTDIR/<doc>.txt in the
layout the dev texts use (../shared/eval/texts/dev):

  reuters21578  {"newid": N}                  title, dateline, body, one per line
  bbc           {"id": "politics/NNN"}        title, blank line, text
  news_samples  {"file": F, "article": I}     block I (0-based) of news_samples/F, blocks being
                                              separated by blank lines
  ag_news       {"row": N}                    row N (1-based) of ag_news/test.csv: title, blank
                                              line, description

Every text ends with one newline. The gold files carry no text: corpus text stays out of the repo.
A record that cannot be found stops the script with a one-line error naming the gold file.
"""
import argparse
import csv
import json
import re
import sys
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent


def blocks(path):
    return [b for b in re.split(r"\n\s*\n", path.read_text()) if b.strip()]


class Corpora:
    def __init__(self, root):
        self.root = root
        self._reuters = self._bbc = self._ag = None

    def reuters(self, newid):
        if self._reuters is None:
            self._reuters = {}
            with open(self.root / "reuters21578/reuters21578.jsonl") as f:
                for line in f:
                    d = json.loads(line)
                    self._reuters[d["newid"]] = d
        d = self._reuters.get(int(newid))
        if d is None or not d.get("body"):
            return None
        return f"{d.get('title') or ''}\n{d.get('dateline') or ''}\n{d['body']}\n"

    def bbc(self, ident):
        if self._bbc is None:
            self._bbc = {}
            with open(self.root / "bbc/bbc_articles.jsonl") as f:
                for line in f:
                    d = json.loads(line)
                    self._bbc[d["id"]] = d
        d = self._bbc.get(ident)
        return None if d is None else f"{d['title']}\n\n{d['text']}\n"

    def news_samples(self, file, article):
        path = self.root / "news_samples" / file
        if not path.is_file():
            return None
        items = blocks(path)
        return items[article] + "\n" if 0 <= article < len(items) else None

    def ag_news(self, row):
        if self._ag is None:
            with open(self.root / "ag_news/test.csv", newline="") as f:
                self._ag = list(csv.reader(f))
        if not 1 <= row <= len(self._ag):
            return None
        _, title, desc = self._ag[row - 1]
        return f"{title}\n\n{desc}\n"

    def text(self, source):
        corpus = source.get("corpus")
        if corpus == "reuters21578":
            return self.reuters(source["newid"])
        if corpus == "bbc":
            return self.bbc(source["id"])
        if corpus == "news_samples":
            return self.news_samples(source["file"], int(source["article"]))
        if corpus == "ag_news":
            return self.ag_news(int(source["row"]))
        raise KeyError(f"unknown corpus {corpus!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--corpora", type=Path, default=Path("../shared/corpora"),
                    help="the shared corpora folder (default ../shared/corpora, from the repo root)")
    args = ap.parse_args()
    if not args.corpora.is_dir():
        sys.exit(f"write_texts.py: corpora folder {args.corpora} not found (give --corpora)")
    corpora = Corpora(args.corpora)
    args.outdir.mkdir(parents=True, exist_ok=True)
    golds = sorted(GOLD_DIR.glob("*.json"))
    for path in golds:
        gold = json.loads(path.read_text())
        source = gold.get("source") or {}
        try:
            text = corpora.text(source)
        except (KeyError, ValueError, OSError) as err:
            sys.exit(f"{path.name}: cannot read source {source}: {err}")
        if text is None:
            sys.exit(f"{path.name}: record not found: {source}")
        (args.outdir / f"{gold['doc']}.txt").write_text(text)
    print(f"wrote {len(golds)} texts to {args.outdir}")


if __name__ == "__main__":
    main()
