"""Tests of the Python package, on text written for them.

Run by .ci/run in a fresh virtual environment after `pip install ./python`.
The command-line binary, where a test compares against it, is taken from
$PARLEY_BIN (skipped when it is not set).
"""

import json
import os
import subprocess
import threading
import time

import pytest

import parley

TALKS = (
    "Russian and Ukrainian delegations met in Istanbul on Friday for their first "
    "direct talks in three years. Ukraine called on Russia to agree to an "
    "unconditional ceasefire, Foreign Minister Andrii Sybiha said."
)


@pytest.fixture(scope="module")
def extractor():
    return parley.Extractor()


def test_extract_gives_entities_mentions_and_events_with_provenance(extractor):
    # published on Saturday: "on Friday" is the day before
    result = extractor.extract(TALKS, id="talks", date="2025-05-17")
    assert set(result) == {"id", "mentions", "entities", "events"}
    assert result["id"] == "talks"
    entities = {e["entity"]: e for e in result["entities"]}
    assert entities["https://w3id.org/parley/id/state/RUS"]["iso_code"] == "RUS"
    for mention in result["mentions"]:
        assert TALKS[mention["start"] : mention["end"]] == mention["text"]
        assert mention["entity"] in entities
    kinds = [event["type"] for event in result["events"]]
    assert "Meeting" in kinds and "Demand" in kinds
    meeting = next(e for e in result["events"] if e["type"] == "Meeting")
    assert meeting["date"] == "2025-05-16"
    assert meeting["status"] == "Held"
    assert meeting["cameo_code"]
    evidence = meeting["evidence"]
    assert TALKS[evidence["start"] : evidence["end"]] == evidence["text"]
    assert evidence["rule"].startswith("meeting.")
    participants = {a["entity"] for a in meeting["agents"] if a["role"] == "participant"}
    assert {"https://w3id.org/parley/id/state/RUS", "https://w3id.org/parley/id/state/UKR"} <= participants
    demand = next(e for e in result["events"] if e["type"] == "Demand")
    roles = {(a["role"], a["entity"].rsplit("/", 1)[1]) for a in demand["agents"]}
    assert ("demandedBy", "UKR") in roles and ("demandedOf", "RUS") in roles
    assert demand["topic"] == "Ceasefire"


def test_offsets_count_code_points(extractor):
    text = "Éire — “Russia met Ukraine in Minsk,” officials said."
    result = extractor.extract(text)
    russia = next(m for m in result["mentions"] if m["text"] == "Russia")
    assert text[russia["start"] : russia["end"]] == "Russia"


def test_nquads_name_one_graph_after_the_document(extractor):
    nquads = extractor.extract_nquads(TALKS, id="talks", date="2025-05-16")
    lines = nquads.splitlines()
    assert lines and all(line.endswith(" <https://w3id.org/parley/id/doc/talks> .") for line in lines)
    assert any("<https://w3id.org/parley/ontology#Meeting>" in line for line in lines)


def test_turtle_uses_the_prefixes(extractor):
    turtle = extractor.extract_turtle(TALKS, id="talks")
    assert "@prefix parley: <https://w3id.org/parley/ontology#> ." in turtle
    assert "parley:Meeting" in turtle


@pytest.mark.skipif(not os.environ.get("PARLEY_BIN"), reason="PARLEY_BIN not set")
def test_the_package_writes_what_the_command_line_writes(extractor, tmp_path):
    docs = [
        {"id": "a", "text": TALKS, "date": "2025-05-16", "title": "Talks"},
        {"id": "b", "text": "China and India signed a border agreement in Beijing on Monday."},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    binary = os.environ["PARLEY_BIN"]
    cli = subprocess.run([binary, "extract", str(path), "--format", "nquads"], capture_output=True, check=True)
    ours = "".join(extractor.extract_many(docs, format="nquads"))
    assert ours.encode() == cli.stdout
    cli = subprocess.run([binary, "extract", str(path), "--format", "mentions"], capture_output=True, check=True)
    lines = [json.loads(line) for line in cli.stdout.decode().splitlines()]
    assert lines == extractor.extract_many(docs)
    # the event table of a store built from the same documents
    store = tmp_path / "s.store"
    subprocess.run([binary, "build", str(path), "--store", str(store), "-q"], capture_output=True, check=True)
    cli = subprocess.run([binary, "events", "--store", str(store), "--format", "jsonl"], capture_output=True, check=True)
    from_store = [json.loads(line) for line in cli.stdout.decode().splitlines()]
    assert from_store == extractor.events_table(docs, frame=False)
    assert len(from_store) > 0


def test_bad_input_raises_value_error_with_the_command_line_message(extractor, tmp_path):
    with pytest.raises(ValueError, match=r'^<text>: bad date "2025-13-01", expected YYYY-MM-DD$'):
        extractor.extract(TALKS, date="2025-13-01")
    with pytest.raises(ValueError, match=r"^<text>: empty document$"):
        extractor.extract("   \n")
    with pytest.raises(ValueError, match=r'^<documents>:2: missing "text"$'):
        extractor.extract_many([TALKS, {"id": "x"}])
    with pytest.raises(ValueError, match=r'^<documents>:1: "date" must be a string$'):
        extractor.extract_many([{"id": "x", "text": TALKS, "date": 20250516}])
    binary = os.environ.get("PARLEY_BIN")
    if binary:
        # the same words after the location as the CLI's for a JSONL line
        path = tmp_path / "bad.jsonl"
        path.write_text(json.dumps({"id": "x", "text": TALKS, "date": "2025-13-01"}) + "\n")
        cli = subprocess.run([binary, "extract", str(path)], capture_output=True)
        assert cli.stderr.decode().strip() == f'parley: {path}:1: bad date "2025-13-01", expected YYYY-MM-DD'


def test_one_bad_document_does_not_cost_the_others(extractor):
    results = extractor.extract_many(["", TALKS], errors="return")
    assert isinstance(results[0], ValueError)
    assert str(results[0]) == "<documents>:1: empty document"
    assert results[1]["id"] == "2" and results[1]["events"]


def test_extract_many_keeps_input_order_whatever_the_jobs(extractor):
    docs = [{"id": f"d{i}", "text": f"{TALKS} Item {i}."} for i in range(40)]
    one = extractor.extract_many(docs, jobs=1, format="nquads")
    three = extractor.extract_many(iter(docs), jobs=3, format="nquads")
    assert one == three
    assert [r["id"] for r in extractor.extract_many(docs, jobs=2)] == [d["id"] for d in docs]
    both = extractor.extract_many(docs[:2], format=("nquads", "events"))
    assert both[0][0] == one[0] and isinstance(both[0][1], list)


def test_event_rows_have_one_row_per_event_and_pair(extractor):
    rows = extractor.events(TALKS, id="talks", date="2025-05-16", frame=False)
    assert rows and all(tuple(row) == parley.EVENT_COLUMNS for row in rows)
    demand = next(r for r in rows if r["event_type"] == "Demand")
    assert (demand["source_iso"], demand["target_iso"]) == ("UKR", "RUS")
    assert demand["plover_type"] == "REQUEST"
    meetings = [r for r in rows if r["event_type"] == "Meeting"]
    pairs = {frozenset((r["source_iso"], r["target_iso"])) for r in meetings}
    assert frozenset(("RUS", "UKR")) in pairs
    assert all(r["document_id"] == "talks" for r in rows)


def test_event_table_as_a_dataframe():
    pd = pytest.importorskip("pandas")
    frame = parley.Extractor().events_table([{"id": "talks", "text": TALKS, "date": "2025-05-16"}])
    assert isinstance(frame, pd.DataFrame)
    assert tuple(frame.columns) == parley.EVENT_COLUMNS
    assert str(frame["evidence_start"].dtype) == "Int64"
    empty = parley.to_frame([])
    assert tuple(empty.columns) == parley.EVENT_COLUMNS and len(empty) == 0


def test_extraction_releases_the_gil(extractor):
    # The main thread notes the time in a loop while a worker extracts a long
    # text. Holding the GIL, the worker would keep it from the moment it
    # enters the extension until it returns (a switch just before entering
    # could let the main thread run one switch interval, 5 ms, hence the
    # margin): ticks well inside the extraction prove the GIL was released.
    # (long documents are read in windows, in time linear in their length,
    # so the text must be long for one call to take a good part of a second)
    text = " ".join([TALKS] * 12000)
    window = []

    def work():
        start = time.perf_counter()
        extractor.extract(text)
        window.extend([start, time.perf_counter()])

    worker = threading.Thread(target=work)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()
    start, end = window
    margin = 0.05
    assert end - start > 4 * margin, f"extraction took only {end - start:.3f} s"
    inside = [t for t in ticks if start + margin < t < end - margin]
    assert len(inside) > 100


def test_the_extractor_is_shared_by_threads(extractor):
    results = [None] * 4

    def run(i):
        results[i] = extractor.extract_nquads(TALKS, id="same")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1 and results[0]


def expected_rows(event):
    """Rows an event gives in the event table, from its agents: the source
    and target roles of each kind as docs/events.md states them."""
    count = lambda role: sum(1 for a in event["agents"] if a["role"] == role)  # noqa: E731
    pairs = lambda n: max(1, n * (n - 1) // 2)  # noqa: E731
    kind = event["type"]
    if kind == "Demand":
        return max(1, count("demandedBy")) * max(1, count("demandedOf"))
    if kind == "Threat":
        return max(1, count("threatenedBy")) * max(1, count("threatTarget"))
    if kind == "Meeting":
        return pairs(count("participant"))
    if kind == "Agreement":
        return pairs(count("party"))
    return max(1, count({"Statement": "speaker", "Claim": "claimant"}[kind]))


@pytest.mark.skipif(not os.environ.get("PARLEY_BIN"), reason="PARLEY_BIN not set")
def test_events_csv_of_the_example_store_reads_back_in_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    binary = os.environ["PARLEY_BIN"]
    articles = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "articles.jsonl")
    store = tmp_path / "parley.store"
    subprocess.run([binary, "build", articles, "--store", str(store), "-q"], capture_output=True, check=True)
    csv = tmp_path / "events.csv"
    with open(csv, "wb") as out:
        subprocess.run([binary, "events", "--store", str(store), "--format", "csv"], stdout=out, check=True)
    frame = pd.read_csv(csv, keep_default_na=False, dtype=str)
    assert tuple(frame.columns) == parley.EVENT_COLUMNS
    # one row per event and agent pair: as many rows per event as its agents make pairs, none twice
    mentions = subprocess.run([binary, "extract", articles, "--format", "mentions"], capture_output=True, check=True)
    expected = {
        event["event"]: expected_rows(event)
        for line in mentions.stdout.decode().splitlines()
        for event in json.loads(line)["events"]
    }
    assert frame.groupby("event_id").size().to_dict() == expected
    assert not frame.duplicated(["event_id", "source_iri", "target_iri"]).any()
    # offsets index the document text: evidence is text[start:end]
    texts = {}
    with open(articles, encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            texts[doc["id"]] = doc["text"]
    for row in frame.itertuples():
        text = texts[row.document_id]
        assert text[int(row.evidence_start) : int(row.evidence_end)] == row.evidence


def _stub_functions():
    """(owner name, function name, parameter names) of every function the
    stub `_parley.pyi` declares, read from its syntax tree."""
    import ast
    import pathlib

    stub = pathlib.Path(__file__).resolve().parents[1] / "pysrc" / "parley" / "_parley.pyi"
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found.append((None, node.name, [a.arg for a in node.args.args]))
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found.append((node.name, item.name, [a.arg for a in item.args.args if a.arg != "self"]))
    return found


def test_the_stub_declares_what_the_compiled_module_has_and_its_docs_come_from_the_rust_side():
    # the stub carries signatures only; each function's one description is
    # the `///` comment in python/src/lib.rs, which PyO3 makes its docstring
    import inspect

    compiled = parley._parley
    declared = _stub_functions()
    assert {name for _, name, _ in declared} >= {"event_columns", "extract_json", "extract_many"}
    for owner, name, params in declared:
        function = getattr(getattr(compiled, owner) if owner else compiled, name)
        if name == "__init__":
            continue
        assert function.__doc__ and function.__doc__.strip(), f"{owner}.{name} has no docstring in lib.rs"
        actual = [p for p in inspect.signature(function).parameters if p != "self"]
        assert actual == params, f"{owner}.{name}: the stub says {params}, the module takes {actual}"
