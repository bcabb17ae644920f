#!/usr/bin/env bash
# Benchmarks what users run: the whole `mvn certdocs:generate` (a cold JVM each time, Maven's start
# included) against Hugo (Debian's `hugo`, one process per cloud) on the same synthetic repository,
# alternating runs, with the same cache protocol before each run (output deleted, `sync`, page cache
# dropped when the kernel lets us, the input read once). Prints per run and the medians of wall time,
# CPU time (user+sys) and max RSS (GNU time), and the certdocs/Hugo ratios. Then, as before, a
# one-article incremental rebuild of the generate engine (Maven start excluded).
#
# The repository looks like a real one (SyntheticCorpus.withRepositoryShape): 15,000 articles in 600
# service folders, sizes log-normal around 1.8 KB (p99 about 10 KB), about 3 links per article,
# published to public, fairfax, usnat and ussec about 95 % of articles each and mooncake 36 %.
# Corpus, sites, logs and figures go to bench/work/ (git-ignored); the corpus is generated once.
#
#   MVN_OFFLINE= bench/generate.sh         # 15,000 articles, 3 runs each (Maven may download what it misses)
#   BENCH_COUNT=100000 bench/generate.sh   # the 100,000-article option (use BENCH_HEAP=2g)
#   BENCH_RUNS=1 bench/generate.sh         # one round
#   BENCH_HEAP=2g bench/generate.sh        # MAVEN_OPTS=-Xmx2g for certdocs, -Xmx of the engine benchmarks (1g)
#   BENCH_JVM_OPTS=-XX:+UseParallelGC bench/generate.sh   # more JVM options for certdocs' Maven (MAVEN_OPTS)
#   BENCH_JVM_DEFAULTS=skip bench/generate.sh   # certdocs only as the README recommends (the repository's
#                                          # .mvn/jvm.config, a copy of sample-content/.mvn/jvm.config), not
#                                          # also with the JVM's defaults (no .mvn/jvm.config)
#   BENCH_ALSO=-Dcertdocs.jit=full bench/generate.sh   # also runs certdocs with these Maven arguments, in the same alternation
#   BENCH_SKIP="e2e" bench/generate.sh     # only the incremental rebuild ("full" or "hugo" skip e2e too,
#                                          # the names of the sections it replaced)
#   BENCH_SKIP="incremental" bench/generate.sh
# The engine modes (incremental; engine) use their earlier corpus (every article in the 5 clouds) and
# size: BENCH_COUNT, else 10,000.
#   BENCH_MODES=engine bench/generate.sh   # adds the engine-only full builds and single-process Hugo of before
#
# Maven runs against a local repository of its own (bench/work/m2, filled from ~/.m2 through a file://
# repository): the plugin under test is installed there, never into ~/.m2. Needs root for apt-get
# (hugo, time) when they are missing, and for dropping the page cache (skipped with a note otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

work=$root/bench/work
count=${BENCH_COUNT:-15000}
# The engine modes (incremental, engine) keep their earlier corpus and default size, so their figures compare.
engine_count=${BENCH_COUNT:-10000}
runs=${BENCH_RUNS:-3}
rebuilds=${BENCH_REBUILDS:-5}
heap=${BENCH_HEAP:-1g}
skip=" ${BENCH_SKIP:-} "
modes=" ${BENCH_MODES:-} "
offline=${MVN_OFFLINE--o}
mkdir -p "$work/results" "$work/logs"
rm -f "$work/results/"*"-$engine_count.properties"
classpath_file=plugin/target/bench-classpath.txt
clouds=(public fairfax mooncake usnat ussec)

e2e=true
[[ $skip == *" e2e "* || $skip == *" full "* || $skip == *" hugo "* ]] && e2e=false

# --- tools
missing=()
command -v hugo > /dev/null || missing+=(hugo)
[[ -x /usr/bin/time ]] || missing+=(time)
if $e2e && (( ${#missing[@]} )); then
    echo "installing ${missing[*]} (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi

# --- the benchmark's own classes (corpus generator, Hugo converter, engine benchmarks)
./mvnw -q -B $offline -pl plugin -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="plugin/target/test-classes:plugin/target/classes:$(cat "$classpath_file")"
bench() {
    java -Xmx"$heap" ${BENCH_JAVA_OPTS:-} -cp "$classpath" dev.certdocs.bench.GenerateBenchmark "$@"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# GNU time -v's figures of one run: "wall cpu maxRssKB" (wall in seconds).
measure() {
    local log=$1
    shift
    /usr/bin/time -v -o "$log.time" "$@" > "$log" 2>&1 || { echo "failed: $* (see $log)"; tail -n 20 "$log"; exit 1; }
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
        /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 }
        END { printf "%.2f %.2f %d\n", wall, user + sys, rss }' "$log.time"
}

drop_caches_note=""
# Before every run: nothing of the last run's output, nothing dirty, nothing cached, then the input read once.
settle() {
    sync
    if ! { echo 3 > /proc/sys/vm/drop_caches; } 2> /dev/null; then
        [[ -n $drop_caches_note ]] || { drop_caches_note="page cache NOT dropped (/proc/sys/vm/drop_caches is not writable here)"; echo "$drop_caches_note"; }
    fi
    find "$@" -type f -exec cat {} + > /dev/null
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

if $e2e; then
    corpus=$work/repository-$count
    if ! grep -q '^bytes=' "$corpus/synthetic-corpus.txt" 2> /dev/null; then
        rm -rf "$corpus"
        java -cp "$classpath" dev.certdocs.bench.SyntheticCorpus --repository-shape "$corpus" "$count" 1
    fi
    # The plugin installed into bench/work/m2 and the repository's POM (bench/maven.sh).
    source bench/maven.sh
    maven_bench_setup "$corpus" "repository-$count"
    # The README's recommended JVM options ("Speed"): the repository's .mvn/jvm.config, as sample-content has it.
    # Written before each run that uses it and removed before each run with the JVM's defaults.
    jvm_config=$corpus/.mvn/jvm.config
    jvm_config_on() { mkdir -p "$corpus/.mvn" && cp "$root/sample-content/.mvn/jvm.config" "$jvm_config"; }
    jvm_config_off() { rm -f "$jvm_config"; }
    defaults=true
    [[ ${BENCH_JVM_DEFAULTS:-} == skip ]] && defaults=false
    certdocs_cmd=(env MAVEN_OPTS="-Xmx$heap${BENCH_JVM_OPTS:+ $BENCH_JVM_OPTS}" "${mvn_bench[@]}" -f "$corpus/pom.xml" certdocs:generate
        -Dcertdocs.force -Dcertdocs.incremental=false)

    # Hugo: the same repository converted (cloud blocks, includes and variables expanded per cloud), then
    # split into one site per cloud sharing the layouts (hard links), so each cloud is one Hugo process.
    hugo_all=$work/hugo-repository-$count
    bench hugo "$work" "$count" "$hugo_all" "$corpus"
    for c in "${clouds[@]}"; do
        s=$work/hugo-repository-$count-$c
        rm -rf "$s"
        mkdir -p "$s/content" "$s/static"
        cp -al "$hugo_all/hugo.toml" "$hugo_all/layouts" "$s/"
        cp -al "$hugo_all/static/assets" "$s/static/"
        [[ -d $hugo_all/static/$c ]] && cp -al "$hugo_all/static/$c" "$s/static/"
        cp -al "$hugo_all/content/$c" "$s/content/"
    done
    hugo_run() {
        for c in "${clouds[@]}"; do
            hugo --quiet -s "$work/hugo-repository-$count-$c" -d "$work/hugo-out-$count/$c" || return 1
        done
    }
    export -f hugo_run
    export work count
    export clouds_list="${clouds[*]}"
    hugo_cmd=(bash -c 'clouds=($clouds_list); hugo_run')

    echo "== end to end: certdocs:generate (cold Maven, MAVEN_OPTS=-Xmx$heap${BENCH_JVM_OPTS:+ $BENCH_JVM_OPTS}) vs $(hugo version | cut -d' ' -f1-2) one process per cloud =="
    echo "corpus: $(grep -c '' <(find "$corpus/articles" -name '*.md')) articles in $corpus"
    echo "certdocs: mvn certdocs:generate -Dcertdocs.force -Dcertdocs.incremental=false, .mvn/jvm.config: $(tr '\n' ' ' < sample-content/.mvn/jvm.config)"
    $defaults && echo "certdocs, JVM defaults: the same without .mvn/jvm.config"
    : > "$work/results/e2e-certdocs-$count.txt"
    : > "$work/results/e2e-defaults-$count.txt"
    : > "$work/results/e2e-hugo-$count.txt"
    : > "$work/results/e2e-also-$count.txt"
    also=${BENCH_ALSO:-}
    [[ -n $also ]] && echo "also: mvn certdocs:generate -Dcertdocs.force -Dcertdocs.incremental=false $also"
    for k in $(seq 1 "$runs"); do
        if $defaults; then
            jvm_config_off
            rm -rf "$corpus/target"
            settle "$corpus/articles" "$corpus/includes" "$corpus/pom.xml"
            line=$(measure "$work/logs/defaults-$count-$k.log" "${certdocs_cmd[@]}")
            echo "$line" >> "$work/results/e2e-defaults-$count.txt"
            read -r wall cpu rss <<< "$line"
            printf 'run %d defaults: wall %6.1f s, CPU %6.1f s, max RSS %5d MB (JVM defaults, no .mvn/jvm.config)\n' "$k" "$wall" "$cpu" $((rss / 1024))
        fi
        jvm_config_on
        if [[ -n $also ]]; then
            rm -rf "$corpus/target"
            settle "$corpus/articles" "$corpus/includes" "$corpus/pom.xml"
            # shellcheck disable=SC2086 # the arguments, split
            line=$(measure "$work/logs/also-$count-$k.log" "${certdocs_cmd[@]}" $also)
            echo "$line" >> "$work/results/e2e-also-$count.txt"
            read -r wall cpu rss <<< "$line"
            printf 'run %d also:     wall %6.1f s, CPU %6.1f s, max RSS %5d MB (%s)\n' "$k" "$wall" "$cpu" $((rss / 1024)) "$also"
        fi
        rm -rf "$corpus/target"
        settle "$corpus/articles" "$corpus/includes" "$corpus/pom.xml"
        line=$(measure "$work/logs/certdocs-$count-$k.log" "${certdocs_cmd[@]}")
        echo "$line" >> "$work/results/e2e-certdocs-$count.txt"
        read -r wall cpu rss <<< "$line"
        printf 'run %d certdocs: wall %6.1f s, CPU %6.1f s, max RSS %5d MB, %s\n' "$k" "$wall" "$cpu" $((rss / 1024)) \
            "$(grep -o 'certdocs generate: [0-9]* pages[^(]*' "$work/logs/certdocs-$count-$k.log" | head -n 1)"

        rm -rf "$work/hugo-out-$count"
        for c in "${clouds[@]}"; do rm -rf "$work/hugo-repository-$count-$c/resources"; done
        settle "$work/hugo-repository-$count-"*/
        line=$(measure "$work/logs/hugo-$count-$k.log" "${hugo_cmd[@]}")
        echo "$line" >> "$work/results/e2e-hugo-$count.txt"
        read -r wall cpu rss <<< "$line"
        printf 'run %d hugo:     wall %6.1f s, CPU %6.1f s, max RSS %5d MB, %d HTML pages\n' "$k" "$wall" "$cpu" $((rss / 1024)) \
            "$(find "$work/hugo-out-$count" -name '*.html' | wc -l)"
    done
    certdocs_pages=$(grep -o 'certdocs generate: [0-9]* pages' "$work/logs/certdocs-$count-$runs.log" | grep -o '[0-9]*' | head -n 1)
    echo
    echo "== end to end, $count articles, median of $runs run(s) =="
    printf '%-32s %10s %10s %12s\n' "" "wall (s)" "CPU (s)" "max RSS (MB)"
    for tool in certdocs $($defaults && echo defaults) hugo $([[ -n $also ]] && echo also); do
        f=$work/results/e2e-$tool-$count.txt
        printf '%-32s %10.1f %10.1f %12.0f\n' \
            "$(case $tool in certdocs) echo "mvn certdocs:generate" ;; defaults) echo "... JVM defaults" ;;
                hugo) echo "hugo, one process per cloud" ;;
                *) echo "certdocs $also" ;; esac)" \
            "$(awk '{print $1}' "$f" | median)" "$(awk '{print $2}' "$f" | median)" "$(awk '{print $3 / 1024}' "$f" | median)"
    done
    ratio() { awk -v a="$(awk "{print \$$1}" "$work/results/e2e-${2:-certdocs}-$count.txt" | median)" \
        -v b="$(awk "{print \$$1}" "$work/results/e2e-hugo-$count.txt" | median)" 'BEGIN {printf "%.2f", a / b}'; }
    echo "certdocs / hugo: wall $(ratio 1)x, CPU $(ratio 2)x, max RSS $(ratio 3)x  (certdocs: $certdocs_pages pages, validation, bundles and latest/ included)"
    $defaults && echo "certdocs with the JVM's defaults / hugo: wall $(ratio 1 defaults)x, CPU $(ratio 2 defaults)x, max RSS $(ratio 3 defaults)x"
    echo "before each run: output deleted, sync, ${drop_caches_note:-page cache dropped}, input read once"
    echo
fi

if [[ $modes == *" engine "* ]]; then
    echo "== certdocs engine: full builds (Maven start excluded, after a warm-up) =="
    TIMEFORMAT='JVM process: real %R s, user %U s, sys %S s'
    time bench full "$work" "$engine_count" "$runs"
    echo
    if command -v hugo > /dev/null; then
        echo "== hugo, one process for all clouds: $(hugo version) =="
        site="$work/hugo-$engine_count"
        bench hugo "$work" "$engine_count" "$site"
        out="$work/hugo-public-$engine_count"
        times=()
        for k in $(seq 0 "$runs"); do # run 0 is the warm-up
            rm -rf "$out" "$site/resources"
            sync
            line=$( { /usr/bin/time -f '%e %U %S %M' hugo --quiet -s "$site" -d "$out" > /dev/null; } 2>&1 | tail -n 1)
            read -r real user sys rss <<< "$line"
            echo "$([[ $k == 0 ]] && echo "warm-up" || echo "run     $k"): $real s, max RSS $((rss / 1024)) MB"
            [[ $k == 0 ]] && cold=$real || times+=("$real $user $sys $rss")
        done
        read -r real user sys rss <<< "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$0} END {print (NR % 2) ? a[(NR+1)/2] : a[NR/2]}')"
        {
            echo "pages=$(find "$out" -name '*.html' | wc -l)"
            echo "articlePages=$(find "$site/content" -name '*.md' ! -name '_index.md' | wc -l)"
            echo "runs=$runs"
            echo "seconds=$real"
            echo "coldSeconds=$cold"
            echo "cpuPerWall=$(awk -v r="$real" -v u="$user" -v s="$sys" 'BEGIN {printf "%.4f", (u+s)/r}')"
            echo "cpuSeconds=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')"
            echo "maxRssMb=$((rss / 1024))"
        } > "$work/results/hugo-$engine_count.properties"
        echo
    fi
fi

if [[ $skip != *" incremental "* ]]; then
    echo "== certdocs engine: incremental rebuild (Maven start excluded; every article in the 5 clouds) =="
    bench incremental "$work" "$engine_count" "$rebuilds"
    echo
fi

echo "load average at the end: $(cut -d" " -f1-3 /proc/loadavg) (the machine may be shared: compare CPU time as well as wall time)"
if [[ $modes == *" engine "* || $skip != *" incremental "* ]]; then bench summary "$work" "$engine_count"; fi
