"""The Spark job against the command line, in local mode.

Run by .ci/run with pytest, in the virtual environment that has the parley
package and pyspark:

    PARLEY_BIN=target/release/parley PARLEY_SPARK_SAMPLE=/tmp/reuters.jsonl \
        python -m pytest scale/test_spark_extract.py

PARLEY_SPARK_SAMPLE is a JSONL file of documents (CI writes 2,000 Reuters
documents there from ../shared/corpora at run time); the tests are skipped
when either variable is unset.
"""

import glob
import gzip
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
JOB = os.path.join(HERE, "spark_extract.py")
BINARY = os.environ.get("PARLEY_BIN")
SAMPLE = os.environ.get("PARLEY_SPARK_SAMPLE")

pytestmark = pytest.mark.skipif(not (BINARY and SAMPLE), reason="PARLEY_BIN and PARLEY_SPARK_SAMPLE not set")


def run(*args, check=True):
    return subprocess.run(list(args), capture_output=True, check=check)


def spark(input_path, outdir, *extra):
    result = run(sys.executable, JOB, str(input_path), str(outdir), *extra, check=False)
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    return json.loads(result.stdout.decode().strip().splitlines()[-1])


def shard_lines(outdir, pattern="part-*.nq"):
    lines = []
    for path in sorted(glob.glob(os.path.join(outdir, "nquads", pattern))):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as shard:
            lines.extend(shard.read().splitlines())
    return lines


@pytest.fixture(scope="module")
def job(tmp_path_factory):
    """The job on the whole sample in local[2]."""
    outdir = tmp_path_factory.mktemp("spark") / "out"
    summary = spark(SAMPLE, outdir, "--master", "local[2]")
    return outdir, summary


def test_shards_hold_exactly_the_quads_of_extract(job):
    outdir, summary = job
    with open(SAMPLE, encoding="utf-8") as sample:
        documents = sum(1 for line in sample if line.strip())
    assert summary["documents"] == documents and summary["bad"] == 0
    assert len(glob.glob(os.path.join(outdir, "nquads", "part-*.nq"))) >= 2
    expected = run(BINARY, "extract", SAMPLE, "--format", "nquads").stdout.decode().splitlines()
    ours = shard_lines(outdir)
    # quad for quad: the same multiset of lines (shards come in any order)
    assert len(ours) == len(expected)
    assert sorted(ours) == sorted(expected)


def test_a_store_built_from_the_shards_equals_one_built_from_the_documents(job, tmp_path):
    outdir, _ = job
    from_text = tmp_path / "text.store"
    from_shards = tmp_path / "shards.store"
    run(BINARY, "build", SAMPLE, "--store", str(from_text), "-q")
    run(BINARY, "build", str(outdir / "nquads"), "--store", str(from_shards), "-q")
    exported = [run(BINARY, "export", "--store", str(s), "--format", "nquads").stdout for s in (from_text, from_shards)]
    assert exported[0] == exported[1] and exported[0]


def test_the_event_table_is_that_of_parley_events(job, tmp_path):
    pd = pytest.importorskip("pandas")
    outdir, _ = job
    store = tmp_path / "s.store"
    run(BINARY, "build", SAMPLE, "--store", str(store), "-q")
    lines = run(BINARY, "events", "--store", str(store), "--format", "jsonl").stdout.decode().splitlines()
    expected = sorted(tuple(json.loads(line).values()) for line in lines)
    frame = pd.read_parquet(outdir / "events")
    ours = sorted(
        tuple(None if pd.isna(value) else (int(value) if column.startswith("evidence_") and column != "evidence" else value)
              for column, value in row.items())
        for row in frame.to_dict("records")
    )
    assert len(ours) == len(expected) > 0
    assert ours == expected


def test_parquet_input_and_gzipped_shards(tmp_path):
    pd = pytest.importorskip("pandas")
    with open(SAMPLE, encoding="utf-8") as sample:
        docs = [json.loads(line) for _, line in zip(range(60), sample)]
    docs.append({"id": "bad-date", "text": "Russia met Ukraine.", "date": "2025-13-01"})
    frame = pd.DataFrame(docs)
    frame.to_parquet(tmp_path / "docs.parquet")
    result = run(sys.executable, JOB, str(tmp_path / "docs.parquet"), str(tmp_path / "out"), "--master", "local[1]", "--gzip", check=False)
    # one bad document: reported in errors/, exit status 1, the others written
    assert result.returncode == 1, result.stderr.decode()[-3000:]
    errors = "".join(open(p).read() for p in glob.glob(str(tmp_path / "out" / "errors" / "part-*")))
    assert errors.startswith('bad-date\t<documents>:') and 'bad date "2025-13-01"' in errors
    jsonl = tmp_path / "good.jsonl"
    jsonl.write_text("".join(json.dumps(d) + "\n" for d in docs[:-1]), encoding="utf-8")
    expected = run(BINARY, "extract", str(jsonl), "--format", "nquads").stdout.decode().splitlines()
    assert sorted(shard_lines(tmp_path / "out", "part-*.nq.gz")) == sorted(expected)
