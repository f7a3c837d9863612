#!/usr/bin/env bash
# Offline evaluation of the recommend module's assortment ranking (and its elasticity fit) on a seeded synthetic
# network: recall@10 and NDCG@10 against popularity baselines. Needs storelink-recommend in the local repository
# (mvn install in bundles/recommend, or the whole build). Arguments go to OfflineEvaluation:
#   benchmarks/run-recommend-eval.sh [--seed N] [--stores 300] [--holdout 0.2] [--catalogue FILE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
mvn -B -q -o -f "$here/pom.xml" -DskipTests package
catalogue=()
if [[ " $* " != *" --catalogue "* && -r "$root/../shared/data/groceries/groceries_items.csv" ]]; then
  catalogue=(--catalogue "$root/../shared/data/groceries/groceries_items.csv")
fi
mkdir -p "$here/target/recommend-eval"
java -cp "$here/target/classes:$here/target/lib/*" org.storelink.benchmarks.recommend.OfflineEvaluation \
  ${catalogue[@]+"${catalogue[@]}"} "$@" | tee "$here/target/recommend-eval/summary.txt"
