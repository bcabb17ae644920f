#!/usr/bin/env bash
# Tells whether a change keeps the generated site byte for byte: renders the same repositories with
# the plugin built from this working tree and with the plugin built from a git revision (default:
# main), each through a real `mvn certdocs:generate -Dcertdocs.force -Dcertdocs.incremental=false`,
# and compares the two sites file by file and the two sets of bundles (target/certdocs/*.zip) byte
# for byte. Exits 0 when every site and bundle is identical.
#
# The repositories: sample-content, and a messy repository-shaped synthetic one (SyntheticCorpus
# --repository-shape --real-world, 5 % defects, seed 7; sample-content's cloud catalog, so cloud
# variables, air-gapped portal and documentation hosts and rewrite rules all apply).
#
#   bench/same-site.sh                 # this tree against main, 15,000 articles
#   bench/same-site.sh 14e5430         # against a revision
#   BENCH_COUNT=2000 bench/same-site.sh
#
# The revision is checked out as a git worktree in bench/work/same-site-base (detached, reused);
# each build installs its plugin into a local repository of its own (bench/maven.sh), never ~/.m2.
# Prints the wall/CPU/max RSS of each messy generate (GNU time) beside the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
rev=${1:-main}
count=${BENCH_COUNT:-15000}
offline=${MVN_OFFLINE--o}
mkdir -p bench/work
base=$here/bench/work/same-site-base
corpus=$here/bench/work/messy-$count

# --- the messy corpus and its POM (written once)
if ! grep -q '^bytes=' "$corpus/synthetic-corpus.txt" 2> /dev/null; then
    source bench/classpath.sh
    rm -rf "$corpus"
    java -cp "$classpath" dev.certdocs.bench.SyntheticCorpus --repository-shape --real-world "$corpus" "$count" 7 0.05
fi
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)
catalog=$(sed -n '/<cloudCatalog>/,/<\/cloudCatalog>/p' sample-content/pom.xml)

# --- the revision's tree
if [[ -d $base ]]; then
    git -C "$base" checkout -q --detach "$rev"
else
    git worktree add -q --detach "$base" "$rev"
fi

# render <tree> <out>: installs the tree's plugin into <tree>/bench/work/m2 and renders both repositories into <out>
render() {
    local tree=$1 out=$2
    (
        root=$tree
        work=$tree/bench/work
        mkdir -p "$work"
        source "$here/bench/maven.sh"
        rm -rf "$out"
        mkdir -p "$out"
        cp -r "$corpus" "$out/messy"
        rm -rf "$out/messy/target"
        maven_bench_setup "$out/messy" "messy-$count"
        # the POM maven_bench_setup wrote, with sample-content's cloud catalog
        printf '<configuration>\n%s\n</configuration>\n' "$catalog" > "$out/catalog.xml"
        sed -i "\|<version>$version</version>|r $out/catalog.xml" "$out/messy/pom.xml"
        /usr/bin/time -o "$out/messy.time" -f "%e s wall, %U+%S s CPU, %M KB max RSS" \
            env MAVEN_OPTS=-Xmx1g "${mvn_bench[@]}" -q -f "$out/messy/pom.xml" certdocs:generate \
            -Dcertdocs.force -Dcertdocs.incremental=false > "$out/messy.log" 2>&1 \
            || { tail -n 30 "$out/messy.log"; exit 1; }
        echo "$(basename "$out"): messy generate $(cat "$out/messy.time"), load $(cut -d' ' -f1-3 /proc/loadavg)"
        cp -r "$tree/sample-content" "$out/sample"
        rm -rf "$out/sample/target"
        "${mvn_bench[@]}" -q -f "$out/sample/pom.xml" certdocs:generate -Dcertdocs.incremental=false \
            > "$out/sample.log" 2>&1 || { tail -n 30 "$out/sample.log"; exit 1; }
    )
}

render "$base" "$here/bench/work/same-site/before"
render "$here" "$here/bench/work/same-site/after"

status=0
for s in messy sample; do
    # The version directory is a link to a staging directory whose name carries a hash: compare through the link.
    d=$(diff -rq "bench/work/same-site/before/$s/target/certdocs/site" "bench/work/same-site/after/$s/target/certdocs/site" \
        | grep -v '\.certdocs-' | head -n 20 || true)
    # The bundles (target/certdocs/*.zip), byte for byte: the same names, the same bytes.
    for z in "bench/work/same-site/before/$s/target/certdocs/"*.zip "bench/work/same-site/after/$s/target/certdocs/"*.zip; do
        [[ -e $z ]] || continue
        name=$(basename "$z")
        if ! cmp -s "bench/work/same-site/before/$s/target/certdocs/$name" "bench/work/same-site/after/$s/target/certdocs/$name"; then
            d+=$'\n'"bundle $name differs"
        fi
    done
    d=${d#$'\n'}
    if [[ -z $d ]]; then
        echo "$s: identical ($(ls "bench/work/same-site/after/$s/target/certdocs/"*.zip 2> /dev/null | wc -l) bundles compared)"
    else
        echo "$s: DIFFERENT"
        echo "$d"
        status=1
    fi
done
exit "$status"
