#!/usr/bin/env bash
# Benchmarks certdocs:generate's engine (CertDocs.generate, Maven start excluded) on 10,000 synthetic
# articles published in the 5 active clouds, against Hugo (Debian's `hugo`) rendering the same corpus
# converted to a Hugo site, then measures a one-article incremental rebuild; prints one summary table.
# Corpus, sites and figures go to bench/work/ (git-ignored); the corpus is generated once and reused.
#
#   bench/generate.sh                      # 10,000 articles, 3 measured runs each, then 5 rebuilds
#   BENCH_COUNT=2000 BENCH_RUNS=1 bench/generate.sh
#   BENCH_HEAP=2g bench/generate.sh        # -Xmx of the benchmark JVMs (default 1g)
#   BENCH_SKIP="hugo incremental" bench/generate.sh
#   BENCH_JAVA_OPTS=-Dcertdocs.bench.warmUpSeconds=60 bench/generate.sh
#   MVN_OFFLINE= bench/generate.sh         # let Maven download what it misses
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(pwd)/bench/work
count=${BENCH_COUNT:-10000}
runs=${BENCH_RUNS:-3}
rebuilds=${BENCH_REBUILDS:-5}
skip=" ${BENCH_SKIP:-} "
mkdir -p "$work/results"
rm -f "$work/results/"*"-$count.properties"
classpath_file=plugin/target/bench-classpath.txt

./mvnw -q -B ${MVN_OFFLINE--o} -pl plugin -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

classpath="plugin/target/test-classes:plugin/target/classes:$(cat "$classpath_file")"
bench() {
    java -Xmx"${BENCH_HEAP:-1g}" ${BENCH_JAVA_OPTS:-} -cp "$classpath" dev.certdocs.bench.GenerateBenchmark "$@"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ $skip != *" full "* ]]; then
    echo "== certdocs: full builds =="
    # The shell's own measure of the whole JVM (start, corpus check, warm-up included): user+sys over real
    # shows whether every core was busy.
    TIMEFORMAT='JVM process: real %R s, user %U s, sys %S s'
    time bench full "$work" "$count" "$runs"
    echo
fi

if [[ $skip != *" hugo "* ]]; then
    if command -v hugo > /dev/null; then
        echo "== hugo: $(hugo version) =="
        site="$work/hugo-$count"
        bench hugo "$work" "$count" "$site"
        out="$work/hugo-public-$count"
        times=()
        for k in $(seq 0 "$runs"); do # run 0 is the warm-up
            rm -rf "$out" "$site/resources"
            sync # what the previous run left to write back is flushed outside the timing, as for certdocs
            if [[ -x /usr/bin/time ]]; then
                line=$( { /usr/bin/time -f '%e %U %S %M' hugo --quiet -s "$site" -d "$out" > /dev/null; } 2>&1 | tail -n 1)
            else
                TIMEFORMAT='%R %U %S 0'
                line=$( { time hugo --quiet -s "$site" -d "$out" > /dev/null; } 2>&1 | tail -n 1)
            fi
            read -r real user sys rss <<< "$line"
            label=$([[ $k == 0 ]] && echo "warm-up" || echo "run     $k")
            echo "$label: $real s, CPU/wall $(awk -v r="$real" -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", (u+s)/r}'), max RSS $((rss / 1024)) MB"
            [[ $k == 0 ]] && cold=$real || times+=("$real $user $sys $rss")
        done
        pages=$(find "$out" -name '*.html' | wc -l)
        articles=$(find "$site/content" -name '*.md' ! -name '_index.md' | wc -l)
        median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$0} END {print (NR % 2) ? a[(NR+1)/2] : a[NR/2]}')
        read -r real user sys rss <<< "$median"
        maxrss=$(printf '%s\n' "${times[@]}" | awk '$4 > m {m = $4} END {print int(m / 1024)}')
        {
            echo "pages=$pages"
            echo "articlePages=$articles"
            echo "runs=$runs"
            echo "seconds=$real"
            echo "coldSeconds=$cold"
            echo "cpuPerWall=$(awk -v r="$real" -v u="$user" -v s="$sys" 'BEGIN {printf "%.4f", (u+s)/r}')"
            echo "cpuSeconds=$(printf '%s\n' "${times[@]}" | awk '{print $2 + $3}' | sort -n | awk '{a[NR]=$0} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')"
            echo "maxRssMb=$maxrss"
        } > "$work/results/hugo-$count.properties"
        echo "median: $real s, $pages HTML pages ($articles article pages), $(awk -v p="$pages" -v r="$real" 'BEGIN {printf "%.0f", p/r}') pages/s"
        echo
    else
        echo "hugo is not installed (apt-get install hugo): skipping the Hugo comparison"
        echo
    fi
fi

if [[ $skip != *" incremental "* ]]; then
    echo "== certdocs: incremental rebuild =="
    bench incremental "$work" "$count" "$rebuilds"
    echo
fi

echo "load average at the end: $(cut -d" " -f1-3 /proc/loadavg) (the machine may be shared: compare CPU time as well as wall time)"
bench summary "$work" "$count"
