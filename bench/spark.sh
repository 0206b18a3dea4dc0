#!/usr/bin/env bash
# Documents per second of the Spark job (scale/spark_extract.py) in local[1] and local[2], beside
# `parley extract --format nquads` with --jobs 1 and 2 on the same documents: the figures of
# docs/scale.md.
#
#   PY=venv/bin/python bash bench/spark.sh    (a Python with the parley package and pyspark)
#
# Input: Reuters-21578 (the 19,779 documents with a body), written at run time from
# ../shared/corpora by ../shared/eval/reuters_places.py, repeated COPIES times under new ids so
# that Spark's start-up (about 15 s here) weighs little. For each run it reports the wall time
# of the whole job (start-up, reading, extraction, writing the shards and the Parquet table; the
# job's own "seconds", from its session up to the last write, beside) and documents per second
# per core, and the size of the shards and of a store built from them (`parley build`).
#
# Environment:
#   PY=python3      the Python to run the job with
#   PARLEY=path     the binary (default $CARGO_TARGET_DIR/release/parley, else target/release/parley)
#   COPIES=3        copies of Reuters in the input
#   RUNS=2          runs of each measurement (median reported)
#   TMPDIR          where inputs, shards and stores go
set -euo pipefail
cd "$(dirname "$0")/.."

py=${PY:-python3}
parley=${PARLEY:-${CARGO_TARGET_DIR:+$CARGO_TARGET_DIR/release/parley}}
parley=${parley:-target/release/parley}
copies=${COPIES:-3}
runs=${RUNS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 ../shared/eval/reuters_places.py ../shared/corpora/reuters21578/reuters21578.jsonl /dev/null \
  --jsonl-out "$work/reuters.jsonl" >/dev/null
python3 - "$work/reuters.jsonl" "$copies" > "$work/input.jsonl" <<'PY'
import json, sys
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
for copy in range(int(sys.argv[2])):
    for doc in docs:
        doc = dict(doc, id=f"{doc['id']}-{copy}")
        print(json.dumps(doc))
PY
documents=$(wc -l < "$work/input.jsonl")
echo "input: $documents documents ($copies copies of Reuters-21578), $(du -h "$work/input.jsonl" | cut -f1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start=$(date +%s%N); "$@" >/dev/null; echo "scale=2; ($(date +%s%N) - $start) / 1000000000" | bc; }

for jobs in 1 2; do
  times=$(for _ in $(seq "$runs"); do seconds "$parley" extract "$work/input.jsonl" --format nquads --jobs "$jobs"; done | median)
  rate=$(echo "scale=0; $documents / $times / $jobs" | bc)
  echo "parley extract --jobs $jobs: ${times} s, $rate documents/s per core"
done

for cores in 1 2; do
  walls=()
  for run in $(seq "$runs"); do
    rm -rf "$work/out"
    start=$(date +%s%N)
    if ! "$py" scale/spark_extract.py "$work/input.jsonl" "$work/out" --master "local[$cores]" \
      >"$work/spark.out" 2>"$work/spark.err"; then
      tail -20 "$work/spark.err" >&2
      exit 1
    fi
    summary=$(tail -1 "$work/spark.out")
    walls+=("$(echo "scale=2; ($(date +%s%N) - $start) / 1000000000" | bc)")
    echo "  run $run local[$cores]: ${walls[-1]} s wall; job: $summary"
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  rate=$(echo "scale=0; $documents / $wall / $cores" | bc)
  echo "spark local[$cores]: ${wall} s, $rate documents/s per core (whole job, start-up included)"
done

nq_bytes=$(cat "$work"/out/nquads/part-*.nq | wc -c)
quads=$(cat "$work"/out/nquads/part-*.nq | wc -l)
gz_bytes=$(cat "$work"/out/nquads/part-*.nq | gzip -6 | wc -c)
"$parley" build "$work/out/nquads" --store "$work/store" -q >/dev/null
store_bytes=$(du -sb "$work/store" | cut -f1)
events_bytes=$(du -sb "$work/out/events" | cut -f1)
echo "shards: $quads quads, $nq_bytes bytes N-Quads ($((nq_bytes / documents)) per document), $gz_bytes gzipped"
echo "store built from them: $store_bytes bytes ($((store_bytes / documents)) per document)"
echo "events table (Parquet): $events_bytes bytes"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
