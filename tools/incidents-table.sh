#!/usr/bin/env bash
# The Monte Carlo table of docs/incidents.md: every incident's baseline and variants on common
# random numbers, RUNS replications each, and the headline of `iadsim report --markdown`
# (probability of losing a friendly or civil aircraft, Wilson 95 % intervals, paired differences
# with the exact McNemar p-value).
#   tools/incidents-table.sh [RUNS=2000] [OUT_DIR=runs/incidents-table]
# Results files and HTML reports are left in OUT_DIR; the tables go to OUT_DIR/table.md.
set -euo pipefail
runs=${1:-2000}
out=${2:-runs/incidents-table}
iadsim=${IADSIM:-build/release/bin/iadsim}
threads=${THREADS:-$(nproc)}
mkdir -p "$out"
: > "$out/table.md"
for dir in scenarios/incidents/*/; do
  name=$(basename "$dir")
  variants=()
  for v in "$dir"variants/*.yaml; do variants+=(--variant "$(basename "$v" .yaml)=$v"); done
  "$iadsim" batch "$dir/scenario.yaml" --runs "$runs" --seed 1 --threads "$threads" --with-base \
    "${variants[@]}" --out "$out/$name.sqlite" --quiet
  "$iadsim" report "$out/$name.sqlite" --out "$out/$name.html" --markdown "$out/$name.md" --force --quiet
  { echo "### $name ($runs replications per variant, seed 1)"; echo; cat "$out/$name.md"; echo; } >> "$out/table.md"
done
echo "tables: $out/table.md"
