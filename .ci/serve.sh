#!/usr/bin/env bash
# CI stage of `parley serve` with what users run beside it (called by .ci/run):
#   1. the web page in a real browser: headless Chromium driven by Selenium
#      (.ci/browser_test.py) searches an entity, opens its page, runs a query;
#   2. a Parley store served by Oxigraph's own server (`oxigraph
#      serve-read-only`, the pip package of the same version as the oxigraph
#      crate in Cargo.lock) answers the example queries as `parley query` does.
# Installs what is missing (Debian's chromium and chromium-driver; selenium and
# oxigraph from PyPI), so it runs on a fresh machine.
#
#   bash .ci/serve.sh PARLEY_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
parley=$1

export DEBIAN_FRONTEND=noninteractive
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# the server binary must read the store format of the crate Parley links
oxigraph_version=$(awk '/^name = "oxigraph"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
python3 -m pip install -q --disable-pip-version-check selenium "oxigraph==$oxigraph_version"

work=$(mktemp -d)
oxigraph_pid=""
cleanup() {
  # (the server's status, killed, must not become the script's)
  if [ -n "$oxigraph_pid" ]; then
    kill "$oxigraph_pid" 2>/dev/null || true
    wait "$oxigraph_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
store="$work/examples.store"
"$parley" build examples/articles.jsonl --store "$store" --quiet >/dev/null

# 1. the page in Chromium
python3 .ci/browser_test.py "$parley" "$store"

# 2. Oxigraph's read-only server on the same store. Parley's queries read the
# union of the document graphs as the default graph, hence --union-default-graph.
# `parley query` runs first: the two must not have the store open at once.
for query in examples/queries/*.rq; do
  "$parley" query --store "$store" --file "$query" --format csv > "$work/$(basename "$query").parley.csv"
done
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
oxigraph serve-read-only --location "$store" --bind "127.0.0.1:$port" --union-default-graph \
  >"$work/oxigraph.log" 2>&1 &
oxigraph_pid=$!
# a SPARQL query file POSTed to $1, the CSV answer on stdout (no curl needed)
sparql_csv() {
  python3 - "$1" "$2" <<'PY'
import sys, time, urllib.error, urllib.parse, urllib.request
url, path = sys.argv[1], sys.argv[2]
data = urllib.parse.urlencode({"query": open(path).read()}).encode()
for attempt in range(100):  # the server may still be starting
    try:
        request = urllib.request.Request(url, data=data, headers={"Accept": "text/csv"})
        sys.stdout.buffer.write(urllib.request.urlopen(request, timeout=60).read())
        break
    except urllib.error.HTTPError as error:
        sys.exit(f"{url}: {error.code} {error.read().decode()[:300]}")
    except (ConnectionError, urllib.error.URLError):
        time.sleep(0.1)
else:
    sys.exit(f"{url} does not answer")
PY
}
for query in examples/queries/*.rq; do
  name=$(basename "$query")
  sparql_csv "http://127.0.0.1:$port/query" "$query" > "$work/$name.oxigraph.csv"
  rows=$(($(wc -l < "$work/$name.parley.csv") - 1))
  if ! cmp -s "$work/$name.parley.csv" "$work/$name.oxigraph.csv" || [ "$rows" -lt 1 ]; then
    echo "oxigraph serve-read-only $oxigraph_version: $name differs from parley query ($rows rows):"
    diff "$work/$name.parley.csv" "$work/$name.oxigraph.csv" | head -20
    exit 1
  fi
  echo "oxigraph serve-read-only $oxigraph_version: $name gives the $rows rows of parley query"
done
