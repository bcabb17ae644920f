#!/usr/bin/env bash
# Benchmarks the HTML report (target/certdocs/report.html) on a synthetic corpus where every
# article carries one injected defect: 25,000 articles give 25,000 findings. Prints the
# page's weight and how long headless Chromium takes to make it usable (opened from disk), for
# the report of an earlier commit on the same findings and for the current one. Corpus and
# reports go to bench/work/ (git-ignored); the corpus is generated once and reused.
#
#   bench/report.sh                        # 25,000 articles, 5 runs, against the report before the triage page
#   BENCH_ARTICLES=2000 bench/report.sh
#   BENCH_BEFORE=<commit> bench/report.sh  # the earlier report of another commit; BENCH_BEFORE=none: current only
#   MVN_OFFLINE= bench/report.sh           # let Maven download what it misses
set -euo pipefail
cd "$(dirname "$0")/.."

work=bench/work
mkdir -p "$work"
. bench/classpath.sh

# The earlier report writer, compiled as HtmlReportBefore: by default the one of the commit
# before the triage page's data model (TriageData.java) was added.
before=${BENCH_BEFORE:-}
if [ -z "$before" ]; then
    added=$(git log --diff-filter=A --format=%H -- plugin/src/main/java/dev/certdocs/diagnostic/TriageData.java | tail -1)
    [ -n "$added" ] && before="$added^"
fi
if [ -n "$before" ] && [ "$before" != none ]; then
    src=plugin/target/bench-before/src
    rm -rf plugin/target/bench-before && mkdir -p "$src"
    git show "$before:plugin/src/main/java/dev/certdocs/diagnostic/HtmlReport.java" \
        | sed 's/\bHtmlReport\b/HtmlReportBefore/g' > "$src/HtmlReportBefore.java"
    javac -nowarn -d plugin/target/bench-before/classes -cp "$classpath" "$src/HtmlReportBefore.java"
    classpath="plugin/target/bench-before/classes:$classpath"
    echo "earlier report: HtmlReport.java of $(git rev-parse --short "$before")"
fi

java -Xmx"${BENCH_HEAP:-2g}" -cp "$classpath" dev.certdocs.bench.ReportBenchmark \
    "$work" "${BENCH_ARTICLES:-25000}" "${BENCH_RUNS:-5}" "${BENCH_CHROMIUM:-/usr/bin/chromium}"
