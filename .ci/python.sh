#!/usr/bin/env bash
# CI stage of the Python package and the Spark job (called by .ci/run after
# the release build, with $parley set to the binary):
#   - the package's Rust half held to fmt and clippy like the rest;
#   - in a fresh virtual environment, `pip install ./python` (built without
#     RocksDB, into its own target directory so a machine that built it
#     before reuses the build), the issue's one-liner on a dev text, and the
#     pytest suite, compared against the binary;
#   - the Spark job in local[2] mode on 2,000 Reuters documents written from
#     ../shared/corpora at run time: its shards hold exactly the quads of
#     `parley extract`, a store built from them exports the same as one built
#     from the JSONL, its Parquet event table is that of `parley events`.
# Fresh-machine cost: Java (Debian's openjdk-17-jre-headless, ~200 MB), the
# wheel's first build (~4-6 min on two cores), pyspark/pandas/pyarrow from
# PyPI (~450 MB); then about 3 minutes of tests.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${parley:?set parley to the release binary}"

export DEBIAN_FRONTEND=noninteractive
need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
python3 -m venv --help >/dev/null 2>&1 || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# the package's Rust half: same format and lints as the library
py_target="${PY_CARGO_TARGET_DIR:-/var/cache/parley/target-py}"
mkdir -p "$py_target"
cargo fmt --check --manifest-path python/Cargo.toml
CARGO_TARGET_DIR="$py_target" cargo clippy --release --manifest-path python/Cargo.toml -- -D warnings

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install -q --disable-pip-version-check --upgrade pip
started=$(date +%s)
CARGO_TARGET_DIR="$py_target" "$py" -m pip install -q --disable-pip-version-check ./python
echo "python package: pip install ./python took $(( $(date +%s) - started )) s"
"$py" -m pip install -q --disable-pip-version-check pytest pandas pyarrow pyspark

# the issue's bar: the seed's meetings and demands, from a fresh environment
# (run from the temporary directory, so that `import parley` is the installed package)
repo=$(pwd)
(cd "$work" && "$py" -c "import parley; print(parley.Extractor().extract(open('$repo/../shared/eval/texts/dev/istanbul-talks.txt').read(), date='2025-05-16'))") > "$work/istanbul.txt"
"$py" - "$work/istanbul.txt" <<'PY'
import ast, sys
result = ast.literal_eval(open(sys.argv[1]).read())
kinds = [event["type"] for event in result["events"]]
print("istanbul-talks:", {kind: kinds.count(kind) for kind in sorted(set(kinds))})
sys.exit(0 if "Meeting" in kinds and "Demand" in kinds else 1)
PY

PARLEY_BIN="$parley" "$py" -m pytest -q python/tests

python3 ../shared/eval/reuters_places.py ../shared/corpora/reuters21578/reuters21578.jsonl /dev/null \
  --jsonl-out "$work/reuters.jsonl" --limit 2000
PARLEY_BIN="$parley" PARLEY_SPARK_SAMPLE="$work/reuters.jsonl" "$py" -m pytest -q scale/test_spark_extract.py
