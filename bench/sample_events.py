#!/usr/bin/env python3
"""Draw a random sample of extracted events from the real corpora, to be judged by hand.

What it does:
  1. Writes the corpus input as Parley JSONL ({"id", "title", "text"}, one document a line), read
     at run time from ../shared/corpora (never copied into the repo):
       - BBC politics:  bbc/bbc_articles.jsonl, category "politics" (417 articles);
                        id "bbc/<id>" (e.g. bbc/politics/001), title and text as given
       - news_samples:  news_samples/*/*.txt, one article per blank-line-separated block, the
                        first line of a block its headline (-> "title"), the rest its text;
                        id "ns/<file stem>/<block number from 1>"
       - AG News World: ag_news/test.csv rows of class 1; title -> "title", description -> "text"
                        (backslashes, which the dataset uses for line breaks, become spaces);
                        id "ag/<row number from 1 in the file>"
     None of the corpora carry a publication date, so no --date is given: events get only dates
     that include a year.
  2. Runs `BIN extract INPUT.jsonl --format nquads` (one named graph per document) and reads every
     parley:Meeting, Demand, Agreement, Statement, Claim and Threat node with its properties:
     agents (participant / demandedBy / demandedOf / party / speaker / claimant / threatenedBy /
     threatTarget, each with its rdfs:label and type from the same document graph), topic,
     status, location, date, quote, text, rule and the evidence sentence (parley:evidence).
  3. Draws N events at random with Python's random.Random(SEED).sample. By default the draw is
     NOT stratified (every event of the pooled corpora equally likely); --stratify corpus or
     --stratify kind splits N as evenly as possible over the corpora or event kinds instead.
  4. Writes a table to judge: Markdown when OUT ends in .md, otherwise TSV. Columns: n, event
     (document id / local event id), kind, rule, agents (role=label [Type]), attributes
     (topic, status, location, date, quote or text), evidence sentence. The table quotes corpus
     text: write it outside the repo (e.g. /tmp) and only paraphrase it in docs.

Flags:
  --parley BIN        the parley binary (required)
  --seed S            seed of the draw (default 1)
  --n N               how many events (default 50)
  --out FILE          the table (.md -> Markdown, else TSV); default stdout (Markdown)
  --stratify MODE     none (default), corpus or kind
  --corpora DIR       where the corpora are (default: ../shared/corpora from the repo root)
  --workdir DIR       keep the JSONL input and the N-Quads output there (default: a temp dir,
                      removed at the end)
  --counts            also print to stderr how many documents and events each corpus and kind has

Example (from the repo root):
  python3 bench/sample_events.py --parley /tmp/parley-baseline --seed 20261130 --n 50 \
      --out /tmp/sample-before.md

Needs rdflib (pip install rdflib).
"""
import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

try:
    import rdflib
    from rdflib import RDF, RDFS, Namespace
except ImportError:  # pragma: no cover
    sys.exit("sample_events.py needs rdflib: pip install rdflib")

P = Namespace("https://w3id.org/parley/ontology#")
KINDS = ["Meeting", "Demand", "Agreement", "Statement", "Claim", "Threat"]
ROLES = ["participant", "demandedBy", "demandedOf", "party", "speaker", "claimant", "threatenedBy",
         "threatTarget"]
ATTRS = ["topic", "status", "location", "date", "quote", "text"]
ENTITY_TYPES = ["Person", "State", "Organization", "Place"]


def corpus_of(doc_id):
    return doc_id.split("/", 1)[0]


def write_input(corpora, path):
    """The three corpora as one Parley JSONL file; returns the number of documents per corpus."""
    n = Counter()
    with open(path, "w", encoding="utf-8") as w:
        def put(doc_id, title, text):
            if text.strip():
                w.write(json.dumps({"id": doc_id, "title": title, "text": text}) + "\n")
                n[corpus_of(doc_id)] += 1

        with open(corpora / "bbc" / "bbc_articles.jsonl", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                if d.get("category") == "politics":
                    put("bbc/" + d["id"], d.get("title"), d["text"])

        for path_ in sorted((corpora / "news_samples").glob("*/*.txt")):
            blocks = [b for b in path_.read_text(encoding="utf-8").split("\n\n") if b.strip()]
            for i, block in enumerate(blocks, 1):
                lines = block.strip("\n").split("\n")
                put(f"ns/{path_.stem}/{i}", lines[0].strip(), "\n".join(lines[1:]))

        with open(corpora / "ag_news" / "test.csv", encoding="utf-8", newline="") as f:
            for row_no, row in enumerate(csv.reader(f), 1):
                if row and row[0] == "1":
                    put(f"ag/{row_no}", row[1].replace("\\", " "), row[2].replace("\\", " "))
    return n


def run_parley(binary, input_path, out_path):
    with open(out_path, "wb") as out:
        subprocess.run([binary, "extract", str(input_path), "--format", "nquads"], stdout=out, check=True)


def read_events(nq_path):
    """Every event node of every document graph, as a dict."""
    ds = rdflib.Dataset()
    ds.parse(nq_path, format="nquads")
    events = []
    graphs = ds.graphs() if hasattr(ds, "graphs") else ds.contexts()
    for g in graphs:
        doc_id = g.value(g.identifier, rdflib.URIRef("http://purl.org/dc/terms/identifier"))
        if doc_id is None:
            continue

        def label(node):
            lab = g.value(node, RDFS.label)
            types = [str(t).rsplit("#", 1)[-1] for t in g.objects(node, RDF.type)]
            typ = next((t for t in types if t in ENTITY_TYPES), "?")
            return f"{lab if lab is not None else str(node).rsplit('/', 1)[-1]} [{typ}]"

        for kind in KINDS:
            for ev in g.subjects(RDF.type, P[kind]):
                e = {"doc": str(doc_id), "iri": str(ev), "kind": kind,
                     "local": str(ev).rsplit("/", 1)[-1],
                     "rule": str(g.value(ev, P.rule) or ""),
                     "evidence": str(g.value(ev, P.evidence) or ""),
                     "start": int(g.value(ev, P.startOffset) or 0),
                     "agents": [], "attrs": {}}
                for role in ROLES:
                    for a in sorted(g.objects(ev, P[role]), key=str):
                        e["agents"].append(f"{role}={label(a)}")
                for attr in ATTRS:
                    vals = list(g.objects(ev, P[attr]))
                    if not vals:
                        continue
                    if attr in ("topic", "status"):
                        e["attrs"][attr] = ",".join(sorted(str(v).rsplit("#", 1)[-1] for v in vals))
                    elif attr == "location":
                        e["attrs"][attr] = ",".join(sorted(label(v) for v in vals))
                    else:
                        e["attrs"][attr] = " | ".join(sorted(str(v) for v in vals))
                events.append(e)
    # A stable order, independent of how rdflib hands out graphs, so a seed always draws the same.
    events.sort(key=lambda e: (e["doc"], e["start"], e["local"]))
    return events


def draw(events, n, seed, stratify):
    rng = random.Random(seed)
    if stratify == "none":
        return rng.sample(events, min(n, len(events)))
    key = (lambda e: corpus_of(e["doc"])) if stratify == "corpus" else (lambda e: e["kind"])
    groups = defaultdict(list)
    for e in events:
        groups[key(e)].append(e)
    names = sorted(groups)
    share = {g: n // len(names) for g in names}
    for g in names[: n % len(names)]:
        share[g] += 1
    picked = []
    for g in names:
        picked += rng.sample(groups[g], min(share[g], len(groups[g])))
    return picked


def cell(s, md):
    s = " ".join(str(s).split())
    return s.replace("|", "\\|") if md else s.replace("\t", " ")


def write_table(sample, out, md):
    cols = ["n", "event", "kind", "rule", "agents", "attributes", "evidence"]
    lines = []
    if md:
        lines.append("| " + " | ".join(cols) + " |")
        lines.append("|" + "---|" * len(cols))
    else:
        lines.append("\t".join(cols))
    for i, e in enumerate(sample, 1):
        attrs = "; ".join(f"{k}={v}" for k, v in e["attrs"].items())
        row = [str(i), f"{e['doc']}/{e['local']}", e["kind"], e["rule"], "; ".join(e["agents"]),
               attrs, e["evidence"]]
        row = [cell(x, md) for x in row]
        lines.append("| " + " | ".join(row) + " |" if md else "\t".join(row))
    text = "\n".join(lines) + "\n"
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parley", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--out")
    ap.add_argument("--stratify", choices=["none", "corpus", "kind"], default="none")
    ap.add_argument("--corpora", default=str(Path(__file__).resolve().parent.parent / ".." / "shared" / "corpora"))
    ap.add_argument("--workdir")
    ap.add_argument("--counts", action="store_true")
    args = ap.parse_args()

    tmp = None
    if args.workdir:
        work = Path(args.workdir)
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="parley-sample.")
        work = Path(tmp.name)
    inp, nq = work / "sample-input.jsonl", work / "sample-output.nq"
    docs = write_input(Path(args.corpora), inp)
    run_parley(args.parley, inp, nq)
    events = read_events(nq)
    if args.counts:
        by_corpus = Counter(corpus_of(e["doc"]) for e in events)
        by_kind = Counter(e["kind"] for e in events)
        for c in sorted(docs):
            print(f"corpus {c}: {docs[c]} documents, {by_corpus[c]} events", file=sys.stderr)
        for k in KINDS:
            print(f"kind {k}: {by_kind[k]} events", file=sys.stderr)
        print(f"all: {sum(docs.values())} documents, {len(events)} events", file=sys.stderr)
    sample = draw(events, args.n, args.seed, args.stratify)
    out = args.out
    write_table(sample, out, md=(out is None or out.endswith(".md")))
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
