#!/usr/bin/env bash
# The engine at the size of a real raid: for N aircraft (default 100 300 1000 3000) with R = 20
# radars and B = 8 batteries over 1 h, generates a scenario (`iadsim generate raid`, seed SEED) and
# times one replication of the whole engine with `iadsim batch --runs 1 --threads 1` (it records
# only the outcomes in SQLite, so the time is the engine's, not the writing of truth and track
# files) under /usr/bin/time -v; writes the table into bench/README.md (section raid_scale).
# Usage: bench/raid_scale.sh [BUILD_DIR]   (default build/bench)
# Environment: SIZES, RADARS (20), BATTERIES (8), DURATION (1h), SEED (1), BENCH_TIMEOUT (600 s per
# run), WORK (scratch directory), LABEL (a note for the table's heading, e.g. "before"), SECTION
# (README section to write, default raid_scale; empty: none). CPU s (user + system) is the figure
# to trust on a loaded machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/bench}
IADSIM=$BUILD/bin/iadsim
WORK=${WORK:-$(mktemp -d /tmp/raid_scale.XXXXXX)}
SIZES=${SIZES:-"100 300 1000 3000"}
RADARS=${RADARS:-20}
BATTERIES=${BATTERIES:-8}
DURATION=${DURATION:-1h}
SEED=${SEED:-1}
source "$ROOT/bench/bench_lib.sh"

mkdir -p "$WORK"
table=$WORK/table.md
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))${LABEL:+, $LABEL},"
  echo "R = $RADARS radars, B = $BATTERIES batteries, duration $DURATION, generator seed $SEED, run seed 1;"
  echo "\`iadsim batch SCENARIO --runs 1 --threads 1\`; wall time and peak RSS from /usr/bin/time -v."
  echo
  echo "| N | civil / hostile / patrols | units | links | wall s | CPU s | × real time (wall) | peak RSS MB | status |"
  echo "|---|---|---|---|---|---|---|---|---|"
} >"$table"
for n in $SIZES; do
  sc=$WORK/raid-$n.yaml
  gen=$("$IADSIM" generate raid --aircraft "$n" --radars "$RADARS" --batteries "$BATTERIES" \
        --duration "$DURATION" --seed "$SEED" --out "$sc" --force)
  split=$(sed -E 's/.*\(([0-9]+) civil, ([0-9]+) hostile, ([0-9]+) patrols\), ([0-9]+) units, ([0-9]+) links.*/\1 \/ \2 \/ \3 | \4 | \5/' <<<"$gen")
  rm -f "$WORK/raid-$n.db"
  time_run "$WORK/raid-$n" "$IADSIM" batch "$sc" --runs 1 --threads 1 --seed 1 --quiet --out "$WORK/raid-$n.db"
  dur_s=$(python3 -c "import re,sys; t=open('$sc').read(); print(re.search(r'duration: ([0-9.e+]+) s', t).group(1))")
  status=$([ "$RC" -eq 0 ] && echo ok || ([ "$RC" -eq 124 ] && echo "timeout ${BENCH_TIMEOUT:-600} s" || echo "exit $RC"))
  xrt=$(python3 -c "w=float('$WALL_S'); print(f'{$dur_s / w:.1f}' if w > 0 and '$RC' == '0' else '—')")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$WORK/raid-$n.time")
  echo "| $n | $split | $WALL_S | $cpu | $xrt | $RSS_MB | $status |" | tee -a "$table"
done
cat "$table"
if [ -n "${SECTION-raid_scale}" ]; then
  replace_section "$ROOT/bench/README.md" "${SECTION-raid_scale}" "$table"
  echo "written to $ROOT/bench/README.md (scratch: $WORK)"
else
  echo "not written (SECTION empty; scratch: $WORK)"
fi
