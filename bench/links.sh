#!/usr/bin/env bash
# The link checker's benchmark (ISSUE-5 point 9): certdocs' ExternalLinkChecker, then linkinator
# (npm), against a loopback server on 127.0.0.2..127.0.0.21 that adds 50 ms to every answer.
# Linux only (it relies on 127/8 being routed to lo). Prints URLs/s, requests and the settings' limit.
#
#   bench/links.sh                 # 20,000 URLs over 20 hosts
#   bench/links.sh --urls 5000     # options of LinkBenchmark: --urls, --hosts, --latency (ms),
#                                  # --runs default,interval0,linkinator (which runs)
#
# Needs a JDK 17 and, for the comparison, npm (linkinator is installed into bench/work/ once).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/bench/work"
mkdir -p "$work"
cd "$root"

offline=()
[ -d "$HOME/.m2/repository/org/apache/maven/plugins/maven-dependency-plugin" ] && offline=(-o)
./mvnw -q -B "${offline[@]}" -pl plugin test-compile
./mvnw -q -B "${offline[@]}" -pl plugin dependency:build-classpath \
    -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=test

if [ ! -x "$work/node_modules/.bin/linkinator" ]; then
    if command -v npm >/dev/null; then
        (cd "$work" && npm install --no-audit --no-fund --silent linkinator)
    else
        echo "npm not found: linkinator is not compared" >&2
    fi
fi
[ -x "$work/node_modules/.bin/linkinator" ] && \
    echo "linkinator $(sed -n 's/^[[:space:]]*"version": "\(.*\)",$/\1/p' "$work/node_modules/linkinator/package.json"), node $(node --version)"

java -cp "plugin/target/test-classes:plugin/target/classes:$(cat "$work/classpath.txt")" \
    dev.certdocs.link.http.LinkBenchmark --work "$work" "$@"
