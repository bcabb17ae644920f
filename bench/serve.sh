#!/usr/bin/env bash
# Benchmarks certdocs:serve's engine (dev.certdocs.bench.ServeBenchmark) on a synthetic corpus of
# BENCH_COUNT articles (default 10,000) in the 5 clouds: start to first page served, start to every
# cloud's search index served, save-to-reload latency (file written -> reload event received by an
# event-stream client -> changed page fetched; median and p95 of BENCH_EDITS saves, default 20), peak
# heap under -Xmx BENCH_HEAP (default 1g). BENCH_RUNS runs (default 3), each a fresh JVM.
# The corpus is shared with bench/search.sh (bench/work/corpus-<count>-1-allclouds); edited files are
# restored. Not done yet: the same figures for `hugo server` (see docs/serve.md).
#
#   bench/serve.sh
#   BENCH_COUNT=2000 BENCH_RUNS=1 bench/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(pwd)/bench/work
count=${BENCH_COUNT:-10000}
runs=${BENCH_RUNS:-3}
mkdir -p "$work"
source bench/classpath.sh
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
    echo "== run $run: certdocs serve, $count articles x 5 clouds =="
    java -Xmx"${BENCH_HEAP:-1g}" -cp "$classpath" dev.certdocs.bench.ServeBenchmark "$work" "$count" "${BENCH_EDITS:-20}" \
        | tee "$work/serve-$count-run$run.txt"
done
echo "== RESULT lines =="
grep -h '^RESULT' "$work"/serve-"$count"-run*.txt
