#!/usr/bin/env bash
# Load on `parley serve`: 8 concurrent clients on loopback for 30 s, each
# running the example queries (examples/queries/*.rq) round-robin against a
# store of Reuters-21578, through bench/serve_load.py (Python's http.client,
# one keep-alive connection per client). Reports requests, errors, and the
# median and 99th-percentile latency per query and overall. Then, as the
# baseline, the same load on Oxigraph's own server over the same store
# (`oxigraph serve-read-only --union-default-graph`, the pip package
# `oxigraph`; skipped when the command is missing or OXIGRAPH=0), once
# parley serve has stopped.
#
#   bash bench/serve.sh          (needs a release build)
#
# The store is built once from $REUTERS (the Reuters-21578 documents with a
# body as JSON Lines), which is written when missing by
# ../shared/eval/reuters_places.py from ../shared/corpora (read at run time,
# never copied into the repo). The report starts with the store's counts, so
# a partial input (made with --limit) shows.
#
# Environment:
#   PARLEY=path      the binary (default $CARGO_TARGET_DIR/release/parley, else target/release/parley)
#   CLIENTS=8        concurrent clients
#   DURATION=30      seconds of load
#   REUTERS=file     the input (default /tmp/reuters.jsonl; written if missing, all 19,779 documents)
#   STORE=dir        the store (default ${TMPDIR:-/tmp}/parley-bench-serve-<input name>.store; built if missing)
#   THREADS=16       parley serve --threads
#   OXIGRAPH=1       0 skips the Oxigraph baseline
set -euo pipefail
cd "$(dirname "$0")/.."

parley=${PARLEY:-${CARGO_TARGET_DIR:-target}/release/parley}
clients=${CLIENTS:-8}
duration=${DURATION:-30}
threads=${THREADS:-16}
reuters=${REUTERS:-/tmp/reuters.jsonl}
store=${STORE:-${TMPDIR:-/tmp}/parley-bench-serve-$(basename "$reuters" .jsonl).store}

if [ ! -s "$reuters" ]; then
  python3 ../shared/eval/reuters_places.py ../shared/corpora/reuters21578/reuters21578.jsonl /dev/null \
    --jsonl-out "$reuters"
fi
if [ ! -d "$store" ]; then
  "$parley" build "$reuters" --store "$store" --quiet
fi
"$parley" stats --store "$store" | head -3

log=$(mktemp)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; wait 2>/dev/null; rm -f "$log"' EXIT
"$parley" serve --store "$store" --bind 127.0.0.1:0 --threads "$threads" 2>"$log" &
server=$!
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://[0-9.:]*' "$log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start:"; cat "$log"; exit 1; }

echo
echo "parley serve $("$parley" --version | cut -d' ' -f2), $(nproc) cores, $clients clients, $duration s"
status=0
python3 bench/serve_load.py "$url/sparql" "$duration" "$clients" examples/queries/*.rq || status=1
kill -INT "$server"
wait "$server" || true
server=""

if [ "${OXIGRAPH:-1}" != 0 ] && command -v oxigraph >/dev/null 2>&1; then
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  oxigraph serve-read-only --location "$store" --bind "127.0.0.1:$port" --union-default-graph 2>"$log" &
  server=$!
  python3 - "$port" <<'PY'
import socket, sys, time
for _ in range(200):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        break
    except OSError:
        time.sleep(0.1)
PY
  echo
  echo "baseline: $(oxigraph --version) serve-read-only, same store, same load"
  python3 bench/serve_load.py "http://127.0.0.1:$port/query" "$duration" "$clients" examples/queries/*.rq || status=1
fi
exit $status
