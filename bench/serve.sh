#!/usr/bin/env bash
# Load on `parley serve`: 8 concurrent clients on loopback for 30 s, each
# running the example queries (examples/queries/*.rq) round-robin against a
# store of Reuters-21578, through bench/serve_load.py (Python's http.client,
# one keep-alive connection per client). Reports requests, errors, and the
# median and 99th-percentile latency per query and overall.
#
#   bash bench/serve.sh          (needs a release build)
#
# The store is built once from /tmp/reuters.jsonl, which is written when
# missing by ../shared/eval/reuters_places.py from ../shared/corpora (read
# at run time, never copied into the repo).
#
# Environment:
#   PARLEY=path      the binary (default $CARGO_TARGET_DIR/release/parley, else target/release/parley)
#   CLIENTS=8        concurrent clients
#   DURATION=30      seconds of load
#   STORE=dir        the Reuters store (default ${TMPDIR:-/tmp}/parley-bench-serve.store; built if missing)
#   THREADS=16       parley serve --threads
set -euo pipefail
cd "$(dirname "$0")/.."

parley=${PARLEY:-${CARGO_TARGET_DIR:-target}/release/parley}
clients=${CLIENTS:-8}
duration=${DURATION:-30}
threads=${THREADS:-16}
store=${STORE:-${TMPDIR:-/tmp}/parley-bench-serve.store}
reuters=/tmp/reuters.jsonl

if [ ! -s "$reuters" ]; then
  python3 ../shared/eval/reuters_places.py ../shared/corpora/reuters21578/reuters21578.jsonl /dev/null \
    --jsonl-out "$reuters"
fi
if [ ! -d "$store" ]; then
  "$parley" build "$reuters" --store "$store" --quiet
fi
"$parley" stats --store "$store" | head -3

log=$(mktemp)
"$parley" serve --store "$store" --bind 127.0.0.1:0 --threads "$threads" 2>"$log" &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://[0-9.:]*' "$log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start:"; cat "$log"; exit 1; }

echo "parley $("$parley" --version | cut -d' ' -f2), $(nproc) cores, $clients clients, $duration s, $url"
python3 bench/serve_load.py "$url/sparql" "$duration" "$clients" examples/queries/*.rq
