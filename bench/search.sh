#!/usr/bin/env bash
# Benchmarks the reader's search (issue 14) on synthetic articles published in the 5 active clouds:
# certdocs' sharded index (search/, written by generate) against Pagefind 1.x indexing the same site.
# Prints: total index bytes; bytes fetched per query for 20 typical queries (median, p95) and the time
# from the query being put in the box to the first result shown, in headless Chromium over loopback
# HTTP with the cache off (each query cold); the index's build time as a share of generate; and, for
# 100 queries of two title words of seeded random articles, the share whose article is in the top 5.
# Corpus, sites and figures go to bench/work/ (git-ignored); the corpus is generated once and reused.
#
#   bench/search.sh                       # 10,000 articles
#   BENCH_COUNT=2000 bench/search.sh
#   BENCH_SKIP=pagefind bench/search.sh   # certdocs only
#   BENCH_HEAP=2g bench/search.sh         # -Xmx of the build JVM (default 2g)
# Needs Debian's chromium and chromium-driver (as site-tests), and npm for Pagefind (installed into a
# temporary folder, never into the project).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(pwd)/bench/work
count=${BENCH_COUNT:-10000}
skip=" ${BENCH_SKIP:-} "
out="$work/search-$count"
mkdir -p "$work"

echo "== compiling (plugin and site-tests test classes, offline) =="
./mvnw -q -B ${MVN_OFFLINE--o} -pl plugin -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
./mvnw -q -B ${MVN_OFFLINE--o} -pl site-tests -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test -Dmdep.excludeArtifactIds=certdocs-sample-content
plugin_cp="plugin/target/test-classes:plugin/target/classes:$(cat plugin/target/bench-classpath.txt)"
browser_cp="site-tests/target/test-classes:$(cat site-tests/target/bench-classpath.txt)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== certdocs: generate $count articles x 5 clouds (one full build) =="
java -Xmx"${BENCH_HEAP:-2g}" -cp "$plugin_cp" dev.certdocs.bench.SearchBenchmark "$work" "$count" | tee "$out.build.txt"
site="$out/site"
prop() { grep "^$1=" "$out/build.properties" | cut -d= -f2; }

echo "== certdocs: queries in headless Chromium (public cloud) =="
java -cp "$browser_cp" dev.certdocs.site.SearchBrowserBenchmark "$site" public/1.0.0 "$out/typical.txt" "$out/titles.txt" certdocs \
    | tee "$out/certdocs.txt"

pagefind_bytes=""
if [[ $skip != *" pagefind "* ]]; then
    if command -v npm > /dev/null; then
        echo "== pagefind: install into a temporary folder =="
        pf=$(mktemp -d)
        trap 'rm -rf "$pf"' EXIT
        (cd "$pf" && npm install --silent --no-audit --no-fund pagefind@1 > /dev/null)
        echo "pagefind $("$pf/node_modules/.bin/pagefind" --version 2>/dev/null || true)"
        start=$(date +%s.%N)
        for cloud in public fairfax mooncake usnat ussec; do
            "$pf/node_modules/.bin/pagefind" --site "$site/$cloud/1.0.0" > "$out/pagefind-$cloud.log" 2>&1
        done
        end=$(date +%s.%N)
        pagefind_bytes=$(du -cb "$site"/*/1.0.0/pagefind | tail -n 1 | cut -f1)
        echo "pagefind: indexed 5 clouds in $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}') s"
        java -cp "$browser_cp" dev.certdocs.site.SearchBrowserBenchmark "$site" public/1.0.0 "$out/typical.txt" "$out/titles.txt" pagefind \
            | tee "$out/pagefind.txt"
    else
        echo "npm is not installed: skipping the Pagefind comparison"
    fi
fi

echo
echo "== summary: $count articles x 5 clouds =="
gen=$(prop generateSeconds)
ms=$(prop searchIndexMsSummedOverClouds)
threads=$(prop threads)
printf 'certdocs index bytes (5 clouds): %s (%s per article page)\n' "$(prop indexBytes)" \
    "$(awk -v b="$(prop indexBytes)" -v n="$count" 'BEGIN {printf "%.0f", b / (5 * n)}')"
[[ -n $pagefind_bytes ]] && printf 'pagefind index bytes (5 clouds): %s\n' "$pagefind_bytes"
printf 'generate: %s s; search index: %s ms summed over the clouds (%s threads): %s%% of generate summed, %s%% per thread\n' \
    "$gen" "$ms" "$threads" "$(awk -v m="$ms" -v g="$gen" 'BEGIN {printf "%.1f", m / 10 / g}')" \
    "$(awk -v m="$ms" -v g="$gen" -v t="$threads" 'BEGIN {printf "%.1f", m / 10 / g / t}')"
echo "  of which building the files in memory: $(prop searchIndexBuildMsSummedOverClouds) ms summed (the rest writes them)"
cpu=$(prop generateCpuSeconds)
cms=$(prop searchIndexCpuMsSummedOverClouds)
printf 'CPU time: generate %s s (all threads, JIT and GC included); search index %s ms: %s%% of generate\n' "$cpu" "$cms" \
    "$(awk -v m="$cms" -v g="$cpu" 'BEGIN {printf "%.1f", m / 10 / g}')"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "title queries whose two words are in the titles of 5 articles at most (the best top-5 share any ranking reaches): $(prop titleQueriesInAtMost5Titles)"
cat "$out/certdocs.txt" "$out/pagefind.txt" 2>/dev/null | grep '=' || true
