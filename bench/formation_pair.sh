#!/usr/bin/env bash
# The formation-pair study: two real aircraft in close formation (formation_pair.cc) seen by a
# simulated 2-D radar, tracked by `iadsim track` (each algorithm it has), and the track swaps
# counted by `iadsim score` (a track's associated truth changes; SIAP association, nearest truth
# within 500 m). Writes the table into bench/README.md (section formation_pair).
# Usage: bench/formation_pair.sh [BUILD_DIR]   (default build/bench)
# Environment: SEEDS (default "1 2 3 4 5"), RADAR_ARGS (extra formation_pair options),
# TRACK_ARGS (extra `iadsim track` options), WORK (scratch directory).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/bench}
IADSIM=$BUILD/bin/iadsim
TOOL=$BUILD/bench/formation_pair
WORK=${WORK:-$(mktemp -d /tmp/formation_pair.XXXXXX)}
SEEDS=${SEEDS:-"1 2 3 4 5"}
TRACK_ARGS=${TRACK_ARGS:---meas-sigma 100}
source "$ROOT/bench/bench_lib.sh"

algos=$(track_algorithms "$IADSIM")
table=$WORK/table.md
{
  echo "Radar: $(printf '%s ' ${RADAR_ARGS:-defaults}) (2-D, at the centre of the window; defaults: scan 4 s, Pd 0.9,"
  echo "σ_range 50 m, σ_azimuth 0.2°, always resolved), window 2400 s from the first common report."
  echo "Swaps: frames at which a track's nearest truth (within 500 m) differs from its previous one."
  echo
  echo "| seed | algorithm | track swaps | track-number changes | tracks | completeness | mean GOSPA m |"
  echo "|---|---|---|---|---|---|---|"
} >"$table"
for seed in $SEEDS; do
  dir=$WORK/seed$seed
  # shellcheck disable=SC2086
  "$TOOL" --seed "$seed" --out "$dir" ${RADAR_ARGS:-} | tee "$dir.log"
  # The truth scored as if it were tracks: 0 swaps by construction (a check of the counting).
  sed '1s/target_id/track_id/' "$dir/truth.csv" >"$dir/truth-as-tracks.csv"
  if [ "$seed" = "$(echo $SEEDS | cut -d' ' -f1)" ]; then
    "$IADSIM" score --truth "$dir/truth.csv" --tracks "$dir/truth-as-tracks.csv" --json >"$dir/score-truth.json"
    echo "| — | truth as tracks | $(json_get "$dir/score-truth.json" siap.track_swaps) | $(json_get "$dir/score-truth.json" siap.track_number_changes) | 2 | 1 | 0 |" >>"$table"
  fi
  if [ -z "$algos" ]; then
    echo "| $seed | \`iadsim track\` not available when this was run | | | | | |" >>"$table"
    continue
  fi
  for a in $algos; do
    # shellcheck disable=SC2086
    if ! "$IADSIM" track --detections "$dir/detections.csv" --out "$dir/tracks-$a.csv" --algo "$a" \
         ${TRACK_ARGS:-} >"$dir/track-$a.log" 2>&1; then
      echo "| $seed | $a | (track failed: $(tail -1 "$dir/track-$a.log")) | | | | |" >>"$table"
      continue
    fi
    "$IADSIM" score --truth "$dir/truth.csv" --tracks "$dir/tracks-$a.csv" --c 500 --json >"$dir/score-$a.json"
    echo "| $seed | $a | $(json_get "$dir/score-$a.json" siap.track_swaps) | $(json_get "$dir/score-$a.json" siap.track_number_changes) | $(json_get "$dir/score-$a.json" siap.tracks) | $(printf '%.3f' "$(json_get "$dir/score-$a.json" siap.completeness)") | $(printf '%.1f' "$(json_get "$dir/score-$a.json" gospa.mean_m)") |" >>"$table"
  done
done
cat "$table"
replace_section "$ROOT/bench/README.md" formation_pair "$table"
echo "written to $ROOT/bench/README.md (scratch: $WORK)"
