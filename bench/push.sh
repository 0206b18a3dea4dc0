#!/usr/bin/env bash
# `parley push` of a whole store into Oxigraph's server on loopback, beside a
# baseline that moves the same quads in one request.
#
#   STORE=reuters.store bash bench/push.sh     (needs a release build and the `oxigraph` server:
#                                               pip install 'oxigraph>=0.5,<0.6')
#
# Each run starts a fresh server (a new database directory) and times, wall clock around each
# process:
#   - push, --jobs J       parley push into the empty server (every graph sent), for each J in JOBS
#   - push again (no-op)   the same push a second time: reads and hashes every graph, sends nothing
#   - export + one POST    the baseline: parley export --format nquads to a file, then that file in
#                          one POST to /store (curl): all quads in one request, no per-graph work
#   - export alone         the baseline's first half, for the cost of reading the store
# and reports the median of RUNS runs, on a copy of the store whose push record is removed before
# each first push.
#
# Environment:
#   STORE=dir      the store to push (default: Reuters-21578 built into a temporary store from
#                  ../shared/corpora with ../shared/eval/reuters_places.py)
#   PARLEY=path    the binary (default $CARGO_TARGET_DIR/release/parley, else target/release/parley)
#   RUNS=3         runs of each measurement
#   JOBS="1 4"     values of --jobs
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-3}
jobs_list=${JOBS:-1 4}
parley=${PARLEY:-${CARGO_TARGET_DIR:-target}/release/parley}
[ -x "$parley" ] || { echo "push.sh: no binary at $parley" >&2; exit 1; }
command -v oxigraph >/dev/null || { echo "push.sh: no oxigraph server (pip install 'oxigraph>=0.5,<0.6')" >&2; exit 1; }
command -v curl >/dev/null || { echo "push.sh: needs curl" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/parley-push-bench.XXXXXX")
server_pid=
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=; fi; }
trap 'stop_server; rm -rf "$work"' EXIT

store=$work/store
if [ -n "${STORE:-}" ]; then
  # a copy, so that the push records written here stay out of the user's store
  cp -r "$STORE" "$store"
else
  python3 ../shared/eval/reuters_places.py ../shared/corpora/reuters21578/reuters21578.jsonl /dev/null \
    --jsonl-out "$work/reuters.jsonl" >/dev/null
  "$parley" build "$work/reuters.jsonl" --store "$store" -q >/dev/null
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint=http://127.0.0.1:$port/store

start_server() {
  rm -rf "$work/server"
  oxigraph serve --location "$work/server" --bind "127.0.0.1:$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/query" && return; sleep 0.1; done
  echo "push.sh: the server did not start" >&2; exit 1
}
now() { date +%s%N; }
meas=$work/measurements.tsv
: >"$meas"
# record NAME START: the seconds since START, under NAME
record() { echo -e "$1\t$(( ($(now) - $2) / 1000000 ))" >>"$meas"; }

echo "push.sh: $("$parley" stats --store "$store" | grep -E '^(documents|quads) ' | tr -s ' ' | paste -sd, -)" >&2
for run in $(seq "$runs"); do
  for jobs in $jobs_list; do
    start_server
    rm -rf "$store/push"
    t=$(now); "$parley" push --store "$store" --endpoint "$endpoint" --jobs "$jobs" -q >"$work/push.out"; record "push, --jobs $jobs" "$t"
    t=$(now); "$parley" push --store "$store" --endpoint "$endpoint" --jobs "$jobs" -q >"$work/again.out"; record "push again (no-op), --jobs $jobs" "$t"
    grep -q '^sent  *0$' "$work/again.out" || { echo "push.sh: the second push sent something" >&2; cat "$work/again.out" >&2; exit 1; }
    stop_server
  done
  start_server
  t=$(now)
  "$parley" export --store "$store" --format nquads --output "$work/all.nq"
  curl -sf -X POST -H 'Content-Type: application/n-quads' --data-binary @"$work/all.nq" "$endpoint" >/dev/null
  record "export + one POST (baseline)" "$t"
  stop_server
  t=$(now); "$parley" export --store "$store" --format nquads --output "$work/all.nq"; record "export alone" "$t"
  echo "push.sh: run $run of $runs done" >&2
done

python3 - "$meas" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    name, ms = line.rstrip("\n").split("\t")
    times.setdefault(name, []).append(int(ms) / 1000)
print(f"| measurement | median (s) | runs (s) |")
print(f"|---|---:|---|")
for name, values in times.items():
    print(f"| {name} | {statistics.median(values):.2f} | {', '.join(f'{v:.2f}' for v in values)} |")
PY
