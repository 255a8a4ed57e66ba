#!/usr/bin/env bash
# Times `iadsim track` (each association algorithm it has: gnn, jpda, mht) on seeded scenarios of
# N = 20, 100, 1000, 10000 targets from track_scenario_gen, scores the tracks with `iadsim score`,
# and writes the table into bench/README.md (section track_bench).
# Usage: bench/track_bench.sh [BUILD_DIR]   (default build/bench; configure with the "bench" preset)
# Environment: SIZES (default "20 100 1000 10000"), SCANS (50), SEED (1), BENCH_TIMEOUT (600 s per
# run), TRACK_ARGS (extra arguments for `iadsim track`), WORK (scratch directory).
# Scenario: area side 100 km x sqrt(N / 20) (constant target density), scan period 2 s, Pd 0.9,
# clutter 10 x N / 20 per scan (constant clutter density, 1e-9 per m^2), sigma 50 m.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/bench}
IADSIM=$BUILD/bin/iadsim
GEN=$BUILD/bench/track_scenario_gen
WORK=${WORK:-$(mktemp -d /tmp/track_bench.XXXXXX)}
SIZES=${SIZES:-"20 100 1000 10000"}
SCANS=${SCANS:-50}
SEED=${SEED:-1}
source "$ROOT/bench/bench_lib.sh"

algos=$(track_algorithms "$IADSIM")
table=$WORK/table.md
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
  echo "$SCANS scans of 2 s, seed $SEED; wall time and peak RSS from /usr/bin/time -v; GOSPA c = 500 m, p = 2."
  echo
  echo "| N | algorithm | detections | wall s | detections/s | ms per scan | peak RSS MB | mean GOSPA m | completeness | spuriousness |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} >"$table"
if [ -z "$algos" ]; then
  echo "| — | \`iadsim track\` not available when this was run | | | | | | | | |" >>"$table"
fi
for n in $SIZES; do
  dir=$WORK/n$n
  gen_track_scenario "$GEN" "$n" "$dir"
  ndet=$NDET
  for a in $algos; do
    # shellcheck disable=SC2086
    time_run "$dir/$a" "$IADSIM" track --detections "$dir/detections.csv" --out "$dir/tracks-$a.csv" \
             --algo "$a" ${TRACK_ARGS:-}
    if [ "$RC" -ne 0 ]; then
      why=$([ "$RC" -eq 124 ] && echo "timeout ${BENCH_TIMEOUT:-600} s" || echo "exit $RC")
      echo "| $n | $a | $ndet | $WALL_S | — | — | $RSS_MB | ($why) | | |" >>"$table"
      continue
    fi
    "$IADSIM" score --truth "$dir/truth.csv" --tracks "$dir/tracks-$a.csv" --c 500 --json >"$dir/score-$a.json"
    python3 - "$n" "$a" "$ndet" "$WALL_S" "$RSS_MB" "$SCANS" "$dir/score-$a.json" >>"$table" <<'PY'
import json, sys
n, a, ndet, wall, rss, scans, score = sys.argv[1:]
s = json.load(open(score)); wall = float(wall); ndet = int(ndet)
rate = f"{ndet / wall:,.0f}" if wall > 0 else "—"
print(f"| {n} | {a} | {ndet:,} | {wall:.2f} | {rate} | {1000 * wall / int(scans):.1f} | {rss} | "
      f"{s['gospa']['mean_m']:.1f} | {s['siap']['completeness']:.3f} | {s['siap']['spuriousness']:.3f} |")
PY
  done
done
cat "$table"
replace_section "$ROOT/bench/README.md" track_bench "$table"
echo "written to $ROOT/bench/README.md (scratch: $WORK)"
