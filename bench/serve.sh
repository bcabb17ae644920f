#!/usr/bin/env bash
# Benchmarks certdocs:serve's engine (dev.certdocs.bench.ServeBenchmark) on a synthetic corpus of
# BENCH_COUNT articles (default 10,000) in the 5 clouds: start to first page served, start to every
# cloud's search index served, save-to-reload latency (file written -> reload event received by an
# event-stream client -> changed page fetched; median and p95 of BENCH_EDITS saves, default 20), peak
# heap under -Xmx BENCH_HEAP (default 1g). Then the same for `hugo server` (Debian's hugo, installed with
# apt-get when missing; dev.certdocs.bench.HugoServeBenchmark) on the corpus converted to one Hugo site of
# the 5 clouds (HugoSite, as bench/generate.sh converts it): start to first page, save-to-reload through
# Hugo's live-reload WebSocket, peak resident memory. BENCH_RUNS rounds (default 3), alternating, each a
# fresh process. The corpus is shared with bench/search.sh (bench/work/corpus-<count>-1-allclouds);
# edited files are restored. BENCH_SKIP=hugo leaves Hugo out, BENCH_SKIP=certdocs certdocs.
#
#   bench/serve.sh
#   BENCH_COUNT=2000 BENCH_RUNS=1 bench/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(pwd)/bench/work
count=${BENCH_COUNT:-10000}
runs=${BENCH_RUNS:-3}
mkdir -p "$work"
if [[ " ${BENCH_SKIP:-} " != *" hugo "* ]] && ! command -v hugo > /dev/null; then
    echo "installing hugo (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo > /dev/null
fi
source bench/classpath.sh
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
    if [[ " ${BENCH_SKIP:-} " != *" certdocs "* ]]; then
        echo "== run $run: certdocs serve, $count articles x 5 clouds =="
        java -Xmx"${BENCH_HEAP:-1g}" -cp "$classpath" dev.certdocs.bench.ServeBenchmark "$work" "$count" "${BENCH_EDITS:-20}" \
            | tee "$work/serve-$count-run$run.txt"
    fi
    if [[ " ${BENCH_SKIP:-} " != *" hugo "* ]]; then
        echo "== run $run: $(hugo version | cut -d' ' -f1-2) server, the same corpus =="
        java -cp "$classpath" dev.certdocs.bench.HugoServeBenchmark "$work" "$count" "${BENCH_EDITS:-20}" \
            | tee "$work/hugo-serve-$count-run$run.txt"
    fi
done
echo "== RESULT lines =="
grep -h '^RESULT' "$work"/serve-"$count"-run*.txt "$work"/hugo-serve-"$count"-run*.txt 2>/dev/null || true
