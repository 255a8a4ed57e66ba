#!/usr/bin/env bash
# The Monte Carlo tables of docs/ew.md: scenarios/strike-ew.yaml under each variant of
# scenarios/variants/ (no-ew first: the baseline of the paired differences), on common random
# numbers, RUNS replications each, and the strike measures of `iadsim report --markdown --measure`
# (95 % intervals; paired differences to no-ew with McNemar p for proportions).
#   tools/ew-table.sh [RUNS=2000] [OUT_DIR=runs/ew-table]
# The results file and the HTML report are left in OUT_DIR; the table goes to OUT_DIR/table.md.
set -euo pipefail
runs=${1:-2000}
out=${2:-runs/ew-table}
iadsim=${IADSIM:-build/release/bin/iadsim}
threads=${THREADS:-$(nproc)}
mkdir -p "$out"
variants=()
for v in no-ew ew-50km ew-200km sead sead-emcon; do variants+=(--variant "$v=scenarios/variants/$v.yaml"); done
"$iadsim" batch scenarios/strike-ew.yaml --runs "$runs" --seed 1 --threads "$threads" "${variants[@]}" \
  --out "$out/strike-ew.sqlite" --force --quiet
measures=()
for m in "P(ground target destroyed)" "weapons on target" "mean weapon miss" "weapons intercepted" \
         "attackers lost" "defence radars lost" "interceptors per kill" "P(friendly or civil aircraft lost)"; do
  measures+=(--measure "$m")
done
"$iadsim" report "$out/strike-ew.sqlite" --out "$out/strike-ew.html" --markdown "$out/table.md" "${measures[@]}" \
  --force --quiet
echo "table: $out/table.md"
