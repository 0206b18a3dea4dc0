#!/usr/bin/env bash
# `parley push` into two real triple stores that nobody here wrote:
#   - Oxigraph's server (PyPI's `oxigraph` package is its command-line
#     server), Graph Store Protocol at /store, no authentication;
#   - Virtuoso 7 (Debian's virtuoso-opensource), Graph Store Protocol at
#     /sparql-graph-crud-auth with HTTP Digest (user dba, password dba on a
#     fresh install).
# For each: push a store built from examples/, then check through the
# server's SPARQL endpoint that it holds the same triples per document graph
# and gives the same rows for every example query (tests/push_compare.py);
# push again and check that nothing is sent; change one document, add one,
# and check that exactly those two are sent; delete a graph on the server and
# check that the comparison notices, and that `push --all` puts it back.
#
#   bash .ci/push-test.sh PARLEY_BINARY
#
# Installs what is missing (idempotent), starts the servers, and stops what it
# started on exit. Oxigraph's server gets a fresh database in a temporary
# directory; Virtuoso's database is the system one, so the Parley graphs in it
# are deleted before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${1:?usage: push-test.sh PARLEY_BINARY}
export DEBIAN_FRONTEND=noninteractive

# Oxigraph's server in the 0.5 line, like the oxigraph crate of Parley's store.
if ! oxigraph --version 2>/dev/null | grep -q '^oxigraph 0\.5\.'; then
  python3 -m pip install -q --disable-pip-version-check 'oxigraph>=0.5,<0.6'
fi
if ! dpkg -s virtuoso-opensource >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq virtuoso-opensource >/dev/null
fi

work=$(mktemp -d)
oxigraph_pid=
started_virtuoso=0
stop_servers() {
  if [ -n "$oxigraph_pid" ]; then kill "$oxigraph_pid" 2>/dev/null || true; wait "$oxigraph_pid" 2>/dev/null || true; fi
  if [ "$started_virtuoso" = 1 ]; then service virtuoso-opensource-7 stop >/dev/null || true; fi
  rm -rf "$work"
}
trap stop_servers EXIT

# waits up to 120 s for an HTTP answer (any status) from $1
wait_for() {
  python3 - "$1" <<'PY'
import sys, time, urllib.request, urllib.error
for _ in range(240):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=2)
        sys.exit(0)
    except urllib.error.HTTPError:
        sys.exit(0)
    except Exception:
        time.sleep(0.5)
sys.exit(f"push-test: no answer from {sys.argv[1]}")
PY
}

oxigraph_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
oxigraph serve --location "$work/oxigraph" --bind "127.0.0.1:$oxigraph_port" >"$work/oxigraph.log" 2>&1 &
oxigraph_pid=$!
if ! service virtuoso-opensource-7 status >/dev/null 2>&1; then
  service virtuoso-opensource-7 start >/dev/null
  started_virtuoso=1
fi
wait_for "http://127.0.0.1:$oxigraph_port/query"
wait_for "http://127.0.0.1:8890/sparql"

# the number on the line `NAME   N` of push's summary in file $2
field() { awk -v name="$1" 'index($0, name "  ") == 1 { print $NF }' "$2"; }
# fails unless push's summary in $1 says $2 sent and $3 unchanged
expect_sent() {
  local sent unchanged
  sent=$(field sent "$1"); unchanged=$(field unchanged "$1")
  if [ "$sent" != "$2" ] || [ "$unchanged" != "$3" ]; then
    echo "push-test: expected $2 sent and $3 unchanged, got:" >&2
    cat "$1" >&2
    exit 1
  fi
  echo "  $sent sent, $unchanged unchanged, as expected"
}

# a changed version of one example document and a new one, written here
cat >"$work/more.jsonl" <<'EOF'
{"id": "nairobi-border-talks", "date": "2026-02-05", "title": "Border talks resume", "text": "Ethiopia and Eritrea agreed in Nairobi on Tuesday to reopen two border crossings. \"This is a first step,\" Ethiopia's foreign minister said."}
{"id": "oslo-fisheries-meeting", "date": "2026-06-02", "title": "Fisheries talks", "text": "Norway's fisheries minister met her Icelandic counterpart in Oslo on Monday. Iceland demanded that Norway cut its mackerel quota."}
EOF

# push_and_check NAME GSP_ENDPOINT SPARQL_ENDPOINT
push_and_check() {
  local name=$1 gsp=$2 sparql=$3 store=$work/$1.store out=$work/$1.out
  local graph=https://w3id.org/parley/id/doc/hanoi-trade-agreement
  echo "== parley push into $name ($gsp)"
  "$parley" build examples/articles.jsonl --store "$store" >/dev/null
  python3 tests/push_compare.py clean --sparql "$sparql" --gsp "$gsp"

  "$parley" push --store "$store" --endpoint "$gsp" >"$out"
  expect_sent "$out" 5 0
  python3 tests/push_compare.py compare --parley "$parley" --store "$store" --sparql "$sparql" --queries examples/queries

  echo "-- a second push sends nothing"
  "$parley" push --store "$store" --endpoint "$gsp" >"$out"
  expect_sent "$out" 0 5

  echo "-- one document changed, one added: those two are sent"
  "$parley" build "$work/more.jsonl" --store "$store" >/dev/null
  "$parley" push --store "$store" --endpoint "$gsp" >"$out"
  expect_sent "$out" 2 4
  python3 tests/push_compare.py compare --parley "$parley" --store "$store" --sparql "$sparql" --queries examples/queries

  echo "-- a graph deleted on the server: the comparison must notice"
  python3 tests/push_compare.py clean --sparql "$sparql" --gsp "$gsp" --graph "$graph"
  if python3 tests/push_compare.py compare --parley "$parley" --store "$store" --sparql "$sparql" >"$work/compare.out"; then
    echo "push-test: the comparison did not notice a missing graph" >&2
    exit 1
  fi
  grep 'only in Parley' "$work/compare.out"
  # the record says the server has it, so only --all sends it again
  "$parley" push --store "$store" --endpoint "$gsp" >"$out"
  expect_sent "$out" 0 6
  "$parley" push --store "$store" --endpoint "$gsp" --all >"$out"
  expect_sent "$out" 6 0
  python3 tests/push_compare.py compare --parley "$parley" --store "$store" --sparql "$sparql" --queries examples/queries
  # leave the server as it was found (Virtuoso's database outlives this script)
  python3 tests/push_compare.py clean --sparql "$sparql" --gsp "$gsp"
}

(
  unset PARLEY_PUSH_USER PARLEY_PUSH_PASSWORD
  push_and_check oxigraph "http://127.0.0.1:$oxigraph_port/store" "http://127.0.0.1:$oxigraph_port/query"
)
(
  export PARLEY_PUSH_USER=dba PARLEY_PUSH_PASSWORD=dba
  push_and_check virtuoso http://127.0.0.1:8890/sparql-graph-crud-auth http://127.0.0.1:8890/sparql
)
echo "push-test: passed"
