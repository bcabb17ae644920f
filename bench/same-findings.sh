#!/usr/bin/env bash
# Compares the reports of two validate runs (two report directories, e.g. bench/work/reports-10000 written by
# bench/validate.sh with two builds): exits 0 when the findings are byte for byte the same. Times, which every run
# writes, are left out of the comparison: the JUnit report's time attributes and the HTML report's closing line.
#
#   bench/same-findings.sh /tmp/reports-before bench/work/reports-10000
set -euo pipefail
before=$1
after=$2
status=0
cmp "$before/certdocs.sarif" "$after/certdocs.sarif" || status=1
untimed_junit() { sed -E 's/ time="[0-9.]+"//g' "$1"; }
untimed_html() { sed -E 's#(<p class="closing">.*) in [0-9.]+ s</p>#\1</p>#' "$1"; }
diff <(untimed_junit "$before/certdocs-junit.xml") <(untimed_junit "$after/certdocs-junit.xml") > /dev/null \
    || { echo "certdocs-junit.xml differs"; status=1; }
diff <(untimed_html "$before/report.html") <(untimed_html "$after/report.html") > /dev/null \
    || { echo "report.html differs"; status=1; }
[ "$status" = 0 ] && echo "same findings: $before and $after"
exit "$status"
