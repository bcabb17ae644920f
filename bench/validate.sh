#!/usr/bin/env bash
# Benchmarks the validate engine (CertDocs.validate, Maven start excluded) on synthetic corpora of
# 10,000 and 100,000 articles with real-world content (links between articles, documentation and
# internal links in air-gapped articles, variables of some clouds; SyntheticCorpus) with -Xmx1g and
# prints the figures, ending with one line per size: articles per second of engine time (median).
# Corpora and reports go to bench/work/ (git-ignored); a corpus is generated once and reused.
#
#   bench/validate.sh                 # 10,000 and 100,000 articles
#   BENCH_COUNTS="2000" bench/validate.sh
#   BENCH_RUNS=3 BENCH_HEAP=512m bench/validate.sh
#   MVN_OFFLINE= bench/validate.sh    # let Maven download what it misses
set -euo pipefail
cd "$(dirname "$0")/.."

work=bench/work
mkdir -p "$work"
. bench/classpath.sh
results=()
for count in ${BENCH_COUNTS:-10000 100000}; do
    java -Xmx"${BENCH_HEAP:-1g}" -cp "$classpath" dev.certdocs.bench.ValidateBenchmark \
        "$work" "$count" "${BENCH_RUNS:-5}" | tee "$work/validate-$count.txt"
    results+=("$(grep '^RESULT ' "$work/validate-$count.txt" | sed 's/^RESULT //')")
    echo
done
echo "== summary ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
printf '%s\n' "${results[@]}"
