#!/usr/bin/env bash
# JMH timing of the basket-rules bundle's FP-growth miner (BasketRulesBenchmark): Groceries at support 0.001,
# confidence 0.5 (arules' apriori: median 0.023 s on a 2-core machine, see ../shared/data/README.md) and a dense
# synthetic set. Builds bundles/basket-rules (install, no tests) and this module, runs JMH, and prints each median
# and the ratio to arules.
#
#   benchmarks/run-basket-rules.sh
#
# Environment: SHARED_DATA (../shared/data beside the repository), FORKS=1, WARMUP_ITERATIONS=3,
#   ITERATIONS=5, ITERATION_SECONDS=2, ARULES_SECONDS=0.023, HEAP=2g, SKIP_BUILD=0, MVN="mvn -B -q -o".
# JMH's JSON and text output stay in benchmarks/target/basket-rules/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
SHARED_DATA=${SHARED_DATA:-$root/../shared/data}
FORKS=${FORKS:-1}
WARMUP_ITERATIONS=${WARMUP_ITERATIONS:-3}
ITERATIONS=${ITERATIONS:-5}
ITERATION_SECONDS=${ITERATION_SECONDS:-2}
ARULES_SECONDS=${ARULES_SECONDS:-0.023}
HEAP=${HEAP:-2g}
SKIP_BUILD=${SKIP_BUILD:-0}
MVN=${MVN:-mvn -B -q -o}

shared=$(cd "$SHARED_DATA" 2>/dev/null && pwd) || {
    echo "run-basket-rules: no shared data at $SHARED_DATA (set SHARED_DATA)" >&2
    exit 2
}
[ -r "$shared/groceries/groceries.csv" ] || { echo "run-basket-rules: $shared/groceries/groceries.csv is missing" >&2; exit 2; }

if [ "$SKIP_BUILD" != 1 ]; then
    $MVN -f "$root/bundles/basket-rules/pom.xml" -DskipTests install
    $MVN -f "$here/pom.xml" -DskipTests package
fi

out=$here/target/basket-rules
mkdir -p "$out"
cp=$here/target/classes:$here/target/lib/*
java -Xmx"$HEAP" -Dstorelink.sharedData="$shared" -cp "$cp" org.openjdk.jmh.Main \
    'org.storelink.benchmarks.baskets.BasketRulesBenchmark' \
    -f "$FORKS" -wi "$WARMUP_ITERATIONS" -i "$ITERATIONS" -w "${ITERATION_SECONDS}s" -r "${ITERATION_SECONDS}s" \
    -jvmArgsAppend "-Xmx$HEAP -Dstorelink.sharedData=$shared" \
    -rf json -rff "$out/jmh.json" -o "$out/jmh.txt"
echo "run-basket-rules: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$cp" org.storelink.benchmarks.baskets.BasketRulesReport "$out/jmh.json" "$ARULES_SECONDS" | tee "$out/summary.txt"
