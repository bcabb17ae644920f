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
# BENCH_MODES=mvn adds, in each round, what an author sees: a cold `mvn certdocs:serve` in the corpus
# (Maven's start included; the plugin installed into bench/work/m2 by bench/maven.sh), timed from the
# command's start to its first article page served (polled with curl), with the CPU time of its
# processes until then.
#
#   bench/serve.sh
#   BENCH_COUNT=2000 BENCH_RUNS=1 bench/serve.sh
#   BENCH_SKIP=hugo BENCH_MODES=mvn bench/serve.sh
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
root=$(pwd)
corpus=$work/corpus-$count-1-allclouds

# A cold `mvn certdocs:serve`: start to first article page served, and the CPU its processes used until then.
mvn_first_page() {
    local run=$1 port=18431
    local first
    first=$(cd "$corpus/articles" && find . -name '*.md' -not -path '*/includes/*' | sed 's:^\./::' | LC_ALL=C sort | awk 'NR == 1')
    local url="http://127.0.0.1:$port/public/1.0.0/${first%.md}.html"
    local start end pgid ticks=0
    start=$(date +%s%N)
    setsid env MAVEN_OPTS="-Xmx${BENCH_HEAP:-1g}" "${mvn_bench[@]}" -f "$corpus/pom.xml" certdocs:serve \
        -Dcertdocs.serve.port=$port > "$work/logs/serve-mvn-run$run.log" 2>&1 &
    pgid=$!
    until curl -sf -o /dev/null "$url"; do
        kill -0 "$pgid" 2> /dev/null || { tail -n 20 "$work/logs/serve-mvn-run$run.log"; exit 1; }
        sleep 0.05
    done
    end=$(date +%s%N)
    for p in $(pgrep -g "$pgid"); do
        ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$p/stat" 2> /dev/null || echo 0) ))
    done
    kill -- "-$pgid" 2> /dev/null || true
    wait "$pgid" 2> /dev/null || true
    local ms=$(( (end - start) / 1000000 )) cpu_ms=$(( ticks * 1000 / $(getconf CLK_TCK) ))
    echo "mvn certdocs:serve, start to first page served: $ms ms, $cpu_ms ms of CPU (Maven's start included)"
    echo "RESULT mvn certdocs:serve articles=$count firstPageMs=$ms firstPageCpuMs=$cpu_ms" > "$work/serve-mvn-$count-run$run.txt"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
    if [[ " ${BENCH_SKIP:-} " != *" certdocs "* ]]; then
        echo "== run $run: certdocs serve, $count articles x 5 clouds =="
        java -Xmx"${BENCH_HEAP:-1g}" -cp "$classpath" dev.certdocs.bench.ServeBenchmark "$work" "$count" "${BENCH_EDITS:-20}" \
            | tee "$work/serve-$count-run$run.txt"
    fi
    if [[ " ${BENCH_MODES:-} " == *" mvn "* ]]; then
        echo "== run $run: mvn certdocs:serve, the same corpus =="
        if [[ -z ${mvn_bench:-} ]]; then
            source bench/maven.sh
            maven_bench_setup "$corpus" "serve-$count"
        fi
        mvn_first_page "$run"
    fi
    if [[ " ${BENCH_SKIP:-} " != *" hugo "* ]]; then
        echo "== run $run: $(hugo version | cut -d' ' -f1-2) server, the same corpus =="
        java -cp "$classpath" dev.certdocs.bench.HugoServeBenchmark "$work" "$count" "${BENCH_EDITS:-20}" \
            | tee "$work/hugo-serve-$count-run$run.txt"
    fi
done
echo "== RESULT lines =="
grep -h '^RESULT' "$work"/serve-"$count"-run*.txt "$work"/serve-mvn-"$count"-run*.txt "$work"/hugo-serve-"$count"-run*.txt \
    2>/dev/null || true
