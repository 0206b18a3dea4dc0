#!/usr/bin/env python3
"""Parley on Spark: extract a document archive into N-Quads shards and an
event table.

    python scale/spark_extract.py INPUT OUTDIR [--master URL] [--partitions N]

INPUT is any path Spark reads (a file, a directory, a glob; local, HDFS, S3):
JSON Lines (`{"id", "text"}` with optional `"date"`, `"title"`, `"url"`, the
input of `parley extract`) or Parquet with those columns (chosen by
`--format`, by default from the path: `.parquet` or a directory of Parquet
files is Parquet). It writes

    OUTDIR/nquads/part-NNNNN.nq   one named graph per document, the bytes
                                  `parley extract --format nquads` writes for it
    OUTDIR/events/                the event table (the columns of
                                  `parley events`, docs/events.md) as Parquet
    OUTDIR/errors/                documents that could not be read, one line
                                  each: "id<TAB>message" (only if any)

Each partition compiles one `parley.Extractor` and extracts its documents in
batches, on one core (Spark runs a task per core). Every document is
extracted once: the graph and the rows come out of the same extraction, and
the result is kept (memory, then disk) while the two outputs are written.
`parley build OUTDIR/nquads --store DIR` loads the shards into a store.

Spark runs in local mode on every core unless --master says otherwise. On a
cluster, the executors need the `parley` package: install the wheel on the
nodes, or ship a virtual environment with `spark.archives`.

The exit status is 1 when some documents were bad (they are in errors/ and
the others are written), 2 when the job failed.
"""

import argparse
import json
import os
import sys
import time

# Spark's Python workers run this interpreter (and its parley) unless told otherwise.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)

from pyspark import StorageLevel  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import types as T  # noqa: E402

#: Documents handed to the extractor at a time within a partition.
BATCH = 256

FIELDS = ("id", "text", "date", "title", "url")


def events_schema(columns):
    """The event table's Spark schema: strings, but the two offsets."""
    offsets = {"evidence_start", "evidence_end"}
    return T.StructType(
        [T.StructField(c, T.LongType() if c in offsets else T.StringType(), True) for c in columns]
    )


def extract_partition(rows):
    """One partition's documents to (id, N-Quads, event rows, error) tuples."""
    import parley

    extractor = parley.Extractor()
    columns = parley.EVENT_COLUMNS

    def run(batch):
        docs = [{k: row[k] for k in FIELDS if row[k] is not None} for row in batch]
        results = extractor.extract_many(docs, jobs=1, format=("nquads", "events"), errors="return")
        for doc, result in zip(docs, results):
            doc_id = doc.get("id")
            if isinstance(result, ValueError):
                yield (doc_id, None, [], str(result))
                continue
            nquads, events = result
            rows = [tuple(event[c] for c in columns) for event in events]
            # the text writer ends each value with a newline itself
            yield (doc_id, nquads[:-1] if nquads.endswith("\n") else nquads, rows, None)

    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)


def read_documents(spark, path, fmt):
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") or _is_parquet_dir(path) else "jsonl"
    if fmt == "parquet":
        frame = spark.read.parquet(path)
    else:
        # every field as a string, as `parley extract` reads a JSONL line
        schema = T.StructType([T.StructField(f, T.StringType(), True) for f in FIELDS])
        frame = spark.read.schema(schema).json(path)
    missing = [f for f in ("id", "text") if f not in frame.columns]
    if missing:
        raise SystemExit(f"spark_extract: {path}: no column {', '.join(map(repr, missing))}")
    for field in FIELDS:
        if field not in frame.columns:
            frame = frame.withColumn(field, _null_string())
    return frame.select(*FIELDS)


def _null_string():
    from pyspark.sql import functions as F

    return F.lit(None).cast(T.StringType())


def _is_parquet_dir(path):
    return os.path.isdir(path) and any(name.endswith(".parquet") for name in os.listdir(path))


def rename_parts(spark, directory, extension):
    """Spark names text parts part-NNNNN-<uuid>-c000.txt; the shards are
    part-NNNNN.nq. Renamed through Hadoop's file system API, so this works on
    any file system Spark writes to."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    path = jvm.org.apache.hadoop.fs.Path(directory)
    fs = path.getFileSystem(conf)
    for status in fs.listStatus(path):
        name = status.getPath().getName()
        if name.startswith("part-"):
            number = name.split("-")[1]
            fs.rename(status.getPath(), jvm.org.apache.hadoop.fs.Path(directory + f"/part-{number}{extension}"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSONL or Parquet documents (any path Spark reads)")
    parser.add_argument("outdir", help="output directory (must not exist)")
    parser.add_argument("--master", default="local[*]", help="Spark master URL [default: local[*]]")
    parser.add_argument("--format", choices=("auto", "jsonl", "parquet"), default="auto", help="input format")
    parser.add_argument(
        "--partitions",
        type=int,
        help="extraction tasks, hence shards [default: the input's partitions, at least the cores]",
    )
    parser.add_argument("--gzip", action="store_true", help="write part-NNNNN.nq.gz")
    args = parser.parse_args(argv)

    spark = (
        SparkSession.builder.master(args.master)
        .appName("parley-extract")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    started = time.perf_counter()
    docs = read_documents(spark, args.input, args.format)
    partitions = args.partitions or max(docs.rdd.getNumPartitions(), spark.sparkContext.defaultParallelism)
    if partitions != docs.rdd.getNumPartitions():
        docs = docs.repartition(partitions)
    results = docs.rdd.mapPartitions(extract_partition).persist(StorageLevel.MEMORY_AND_DISK)

    import parley

    nquads = results.filter(lambda r: r[1] is not None).map(lambda r: (r[1],))
    # the rows are made here with the right types: checking each again costs more than extracting it
    schema = T.StructType([T.StructField("value", T.StringType(), False)])
    writer = spark.createDataFrame(nquads, schema, verifySchema=False).write
    if args.gzip:
        writer = writer.option("compression", "gzip")
    writer.text(args.outdir + "/nquads")
    rename_parts(spark, args.outdir + "/nquads", ".nq.gz" if args.gzip else ".nq")

    events = results.flatMap(lambda r: r[2])
    table = spark.createDataFrame(events, events_schema(parley.EVENT_COLUMNS), verifySchema=False)
    table.write.parquet(args.outdir + "/events")

    errors = results.filter(lambda r: r[3] is not None).map(lambda r: f"{r[0]}\t{r[3]}")
    bad = errors.count()
    if bad:
        errors.coalesce(1).saveAsTextFile(args.outdir + "/errors")
    documents = results.count()
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "documents": documents,
                "bad": bad,
                "partitions": partitions,
                "master": args.master,
                "seconds": round(elapsed, 2),
            }
        )
    )
    results.unpersist()
    spark.stop()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
