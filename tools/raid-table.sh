#!/usr/bin/env bash
# The Monte Carlo table of docs/raid.md: the generated one-hour raid (`iadsim generate raid
# --aircraft N --radars 20 --batteries 8 --duration 1h --seed 1`) with its batteries'
# doctrine.when_revoked varied (continue, the generated value and the baseline of the paired
# differences; cease_engagement; hold_fire) and, for comparison, every unit's identification rule
# with a "fast" threshold of 280 m/s instead of 250 (fast-280), every unit's replies combined with
# its radar's plots (combined-plots), every unit's interrogator asking Mode S too (mode-s), and
# both (mode-s-combined); common random numbers, RUNS
# replications each; the losses, kills and shots of `iadsim report --markdown --measure` (95 %
# intervals, paired differences to the baseline).
#   tools/raid-table.sh [RUNS=40] [OUT_DIR=runs/raid-table]      (N: environment, default 1000)
# The scenario, variant files, results file and HTML report are left in OUT_DIR; the table goes to
# OUT_DIR/table.md. About 17 CPU-s per replication at N = 1000 (seven variants: about 80 CPU-minutes
# at RUNS = 40); `--events decisions` keeps the
# orders, revocations, launches and kills of each replication (about 200 rows) but not its 120,000
# identity changes.
set -euo pipefail
runs=${1:-40}
out=${2:-runs/raid-table}
n=${N:-1000}
iadsim=${IADSIM:-build/release/bin/iadsim}
threads=${THREADS:-$(nproc)}
mkdir -p "$out"
"$iadsim" generate raid --aircraft "$n" --radars 20 --batteries 8 --duration 1h --seed 1 --out "$out/raid.yaml" --force
# The batteries follow the 20 radars in the generated units list: units[20] to units[27].
for action in cease_engagement hold_fire; do
  for i in $(seq 20 27); do echo "units[$i].doctrine.when_revoked: $action"; done >"$out/$action.yaml"
done
# A remedy upstream for comparison: every unit's "fast" threshold above the airliners' 252 m/s.
for i in $(seq 0 27); do echo "units[$i].identification.hostile_min_speed: 280 m/s"; done >"$out/fast-280.yaml"
# Remedies in the sensors: plot combination with code-aided association, and Mode S (no garbling).
for i in $(seq 0 27); do echo "units[$i].surveillance.iff.combine_plots: true"; done >"$out/combined-plots.yaml"
for i in $(seq 0 27); do echo "units[$i].surveillance.iff.modes: [3A, C, S, secure]"; done >"$out/mode-s.yaml"
cat "$out/mode-s.yaml" "$out/combined-plots.yaml" >"$out/mode-s-combined.yaml"
"$iadsim" batch "$out/raid.yaml" --runs "$runs" --seed 1 --threads "$threads" --with-base \
  --variant "cease-engagement=$out/cease_engagement.yaml" --variant "hold-fire=$out/hold_fire.yaml" \
  --variant "fast-280=$out/fast-280.yaml" --variant "combined-plots=$out/combined-plots.yaml" \
  --variant "mode-s=$out/mode-s.yaml" --variant "mode-s-combined=$out/mode-s-combined.yaml" \
  --events decisions --out "$out/raid.sqlite" --force --quiet
measures=()
for m in "friendly or civil aircraft destroyed" "civil shots" "hostile destroyed" "P(at least one leaker)"; do
  measures+=(--measure "$m")
done
"$iadsim" report "$out/raid.sqlite" --out "$out/raid.html" --markdown "$out/table.md" "${measures[@]}" --force --quiet
echo "table: $out/table.md"
