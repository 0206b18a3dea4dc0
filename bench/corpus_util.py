#!/usr/bin/env python3
"""Helpers of bench/corpus.sh: input files, word counts, and the report.

  corpus_util.py bbc SRC.jsonl OUT.jsonl [--limit N]   BBC articles as Parley JSONL {"id", "title", "text"}
  corpus_util.py count DOCS.jsonl                      prints: documents words bytes
  corpus_util.py scale DOCS.jsonl OUT.jsonl K          K copies; copy 1 keeps the ids, copy k>1 gets "<id>-copy<k>"
  corpus_util.py report MEASUREMENTS.tsv               the markdown report (see corpus.sh)

Words are whitespace-separated tokens of each document's "text" (str.split()), counted once here,
so Parley and spaCy are divided by the same number.
"""
import json
import statistics
import sys
from collections import defaultdict


def bbc(src, out, limit=0):
    n = 0
    with open(src, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            w.write(json.dumps({"id": "bbc/" + d["id"], "title": d.get("title"), "text": d["text"]}) + "\n")
            n += 1
            if limit and n >= limit:
                break


def count(path):
    docs = words = size = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line)["text"]
            docs += 1
            words += len(text.split())
            size += len(text.encode("utf-8"))
    print(docs, words, size)


def scale(path, out, k):
    lines = [line for line in open(path, encoding="utf-8") if line.strip()]
    with open(out, "w", encoding="utf-8") as w:
        for copy in range(1, k + 1):
            for line in lines:
                d = json.loads(line)
                if copy > 1:
                    d["id"] = f"{d['id']}-copy{copy}"
                w.write(json.dumps(d) + "\n")


def report(path):
    """MEASUREMENTS.tsv lines: kind<TAB>fields...

    meta   corpus docs words bytes triples
    run    corpus mode wall_s rss_kb        (one per run; medians are taken here)
    query  name wall_s                      (one per run; or: query name timeout SECONDS)
    qtime  name ms                          (one per run: the time parley query --time reports)
    spacy  corpus JSON                      (spacy_ner.py's summary of its last run)
    spacycheck corpus JSON                  (spacy_ner.py --check)
    note   text
    """
    meta, runs, queries, notes, spacy_info = {}, defaultdict(list), defaultdict(list), [], {}
    inside = defaultdict(list)
    order = []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "meta":
            meta[f[1]] = dict(docs=int(f[2]), words=int(f[3]), bytes=int(f[4]), triples=int(f[5]))
        elif f[0] == "run":
            key = (f[1], f[2])
            if key not in runs:
                order.append(key)
            runs[key].append((float(f[3]), int(f[4])))
        elif f[0] == "query":
            queries[f[1]].append(("timeout", float(f[3])) if f[2] == "timeout" else float(f[2]))
        elif f[0] == "qtime":
            inside[f[1]].append(float(f[2]))
        elif f[0] == "spacy":
            spacy_info.setdefault(f[1], {}).update(json.loads(f[2]))
        elif f[0] == "spacycheck":
            spacy_info.setdefault(f[1], {}).update(json.loads(f[2]))
        elif f[0] == "note":
            notes.append(f[1])
    out = []
    checks = []
    med = {}
    for key, values in runs.items():
        med[key] = (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values), len(values))
    for corpus in meta:
        m = meta[corpus]
        out.append(f"### {corpus}: {m['docs']:,} documents, {m['words']:,} words, "
                   f"{m['bytes'] / 1e6:.1f} MB of text, {m['triples']:,} triples\n")
        spacy = next((v for k, v in med.items() if k[0] == corpus and k[1].startswith("spaCy")), None)
        spacy_wps = m["words"] / spacy[0] if spacy else None
        out.append("| tool / mode | runs | median wall s | words/s | docs/s | triples/s | peak RSS MB | words/s ÷ spaCy |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for key in order:
            if key[0] != corpus:
                continue
            wall, rss, n = med[key]
            wps = m["words"] / wall
            is_spacy = key[1].startswith("spaCy")
            # the quads counted are this binary's; a baseline's output may differ
            triples = "" if is_spacy or key[1].startswith(BASELINE_PREFIX) else f"{m['triples'] / wall:,.0f}"
            ratio = f"{wps / spacy_wps:,.1f}×" if spacy_wps else "n/a"
            out.append(f"| {key[1]} | {n} | {wall:.2f} | {wps:,.0f} | {m['docs'] / wall:,.1f} | {triples} | "
                       f"{rss / 1024:,.0f} | {ratio} |")
            if corpus == "reuters" and key[1] in ("parley extract --jobs 1", "parley extract (no --jobs)") and spacy_wps:
                checks.append(("extract --jobs 1 on Reuters >= 200x spaCy words/s", wps / spacy_wps >= 200,
                               f"{wps / spacy_wps:,.1f}x"))
            if corpus == "reuters" and key[1] == "parley build":
                checks.append(("build of Reuters < 60 s", wall < 60, f"{wall:.1f} s"))
                checks.append(("build of Reuters peak RSS < 1 GiB", rss < 1024 * 1024, f"{rss / 1024:,.0f} MB"))
        if "model" in spacy_info.get(corpus, {}):
            s = spacy_info[corpus]
            out.append(f"\nspaCy: {s['model']} (spaCy {s['spacy']}), pipes enabled: {', '.join(s['pipes'])}; "
                       f"{s['entities']:,} entities; last run: model load {s['load_s']} s, nlp.pipe {s['pipe_s']} s "
                       f"({m['words'] / s['pipe_s']:,.0f} words/s in nlp.pipe alone)."
                       + (f" NER alone agreed with the full pipeline on {s['check_same']:,} of {s['check_total']:,} "
                          f"entities of the first {s['check_docs']} documents (checked untimed)."
                          if "check_docs" in s else ""))
        out.append("")
        out.extend(side_by_side(corpus, runs, checks))
    if meta:
        out.append("Triples are the lines of one `parley extract --format nquads`: each a triple in its document's "
                   "named graph, as `build` stores them. Wall time is the whole process.\n")
    if queries:
        out.append("### Example queries on the Reuters store\n")
        out.append("Wall time of `parley query --store STORE --file Q > /dev/null`: process start, store open, "
                   "query, output. `open-only` is `ASK { }`: what every query pays before its own work. "
                   "In process: the time `parley query --time` reports, from the open store to the last row "
                   "written; that is the query's answer time the target is checked on.\n")
        out.append("| query | runs | median wall ms | min ms | max ms | median in process ms |")
        out.append("|---|---:|---:|---:|---:|---:|")
        for name, values in queries.items():
            stopped = [v for v in values if isinstance(v, tuple)]
            values = [v for v in values if not isinstance(v, tuple)]
            if stopped:
                limit = stopped[0][1]
                out.append(f"| {name} | {len(values) + 1} | no answer in {limit:.0f} s (stopped) | | | |")
                checks.append((f"query {name} < 100 ms (median)", False, f"> {limit:.0f} s"))
                continue
            ms = statistics.median(values) * 1000
            own = statistics.median(inside[name]) if inside.get(name) else None
            own_text = f"{own:.1f}" if own is not None else "n/a"
            out.append(f"| {name} | {len(values)} | {ms:.0f} | {min(values) * 1000:.0f} | {max(values) * 1000:.0f} "
                       f"| {own_text} |")
            if name != "open-only":
                if own is not None:
                    checks.append((f"query {name} < 100 ms (median, in process)", own < 100,
                                   f"{own:.1f} ms (wall {ms:.0f} ms)"))
                else:
                    checks.append((f"query {name} < 100 ms (median wall)", ms < 100, f"{ms:.0f} ms"))
        out.append("")
    scale_key = next((k for k in med if k[1].startswith("parley build") and k[0].startswith("reuters x")), None)
    if scale_key and ("reuters", "parley build") in med:
        k = int(scale_key[0].split("x")[1])
        one = med[("reuters", "parley build")]
        many = med[scale_key]
        t_ratio, m_ratio = many[0] / one[0], many[1] / one[1]
        out.append(f"### Scale: Reuters x{k}, {k} copies under new document ids\n")
        out.append(f"build: {many[0]:.1f} s vs one copy {one[0]:.1f} s = {t_ratio:.2f}x (limit {k + 1}x for x{k}); "
                   f"peak RSS {many[1] / 1024:,.0f} MB vs {one[1] / 1024:,.0f} MB = {m_ratio:.2f}x (limit 1.5x)\n")
        checks.append((f"scale x{k} build time <= {k + 1}x one copy", t_ratio <= k + 1, f"{t_ratio:.2f}x"))
        checks.append((f"scale x{k} peak RSS <= 1.5x one copy", m_ratio <= 1.5, f"{m_ratio:.2f}x"))
    if checks:
        out.append("### Targets (issue 6; with a baseline, issue 12)\n")
        out.append("| target | measured | met |")
        out.append("|---|---:|:---:|")
        for name, ok, value in checks:
            out.append(f"| {name} | {value} | {'yes' if ok else 'NO'} |")
        out.append("")
    for note in notes:
        out.append(f"- {note}")
    print("\n".join(out))


BASELINE_PREFIX = "baseline: "
# issue 12: a restructured extractor stays within 10 % of the baseline's wall time
BASELINE_LIMIT = 1.10


def side_by_side(corpus, runs, checks):
    """With BASELINE, each mode's runs beside the baseline's: run i of a mode and of the baseline ran
    back to back, so their ratio is taken run by run, and the median of those ratios is the figure
    compared with the limit (a host load that lasts a pair falls on both of it)."""
    pairs = [(mode, runs[(corpus, mode)], runs[(corpus, BASELINE_PREFIX + mode)])
             for (c, mode) in runs if c == corpus and (corpus, BASELINE_PREFIX + mode) in runs]
    if not pairs:
        return []
    out = [f"#### {corpus}: side by side with the baseline\n",
           "Run i of a mode and the baseline's run i ran one right after the other (which went first "
           "alternated run by run); a ratio above 1 is slower than the baseline.\n",
           "| mode | pairs | median s | baseline median s | ratio of medians | median of per-run ratios "
           "| per-run ratios, lowest to highest |",
           "|---|---:|---:|---:|---:|---:|---|"]
    for mode, ours, theirs in pairs:
        n = min(len(ours), len(theirs))
        ratios = sorted(a[0] / b[0] for a, b in zip(ours[:n], theirs[:n]))
        ours_med = statistics.median(v[0] for v in ours[:n])
        theirs_med = statistics.median(v[0] for v in theirs[:n])
        paired = statistics.median(ratios)
        out.append(f"| {mode} | {n} | {ours_med:.2f} | {theirs_med:.2f} | {ours_med / theirs_med:.3f} | "
                   f"{paired:.3f} | {' '.join(f'{r:.2f}' for r in ratios)} |")
        checks.append((f"{corpus} {mode}: within {BASELINE_LIMIT - 1:.0%} of the baseline (median per-run ratio)",
                       paired <= BASELINE_LIMIT, f"{paired:.3f}x"))
    out.append("")
    return out


def main():
    cmd, *args = sys.argv[1:] or ["-h"]
    if cmd == "bbc":
        limit = int(args[args.index("--limit") + 1]) if "--limit" in args else 0
        bbc(args[0], args[1], limit)
    elif cmd == "count":
        count(args[0])
    elif cmd == "scale":
        scale(args[0], args[1], int(args[2]))
    elif cmd == "report":
        report(args[0])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
