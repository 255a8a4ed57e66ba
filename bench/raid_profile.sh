#!/usr/bin/env bash
# Where a raid's time goes, by stage: generates the raid of raid_scale.sh (N aircraft, R radars,
# B batteries, DURATION, generator seed SEED), counts the instructions of one replication
# (`iadsim batch --runs 1 --threads 1`) under callgrind and prints the total and each stage's
# inclusive share (the functions below; stages nest: the polar index builds are inside the
# trackers and the IFF correlation). Instruction counts do not depend on the machine's load, so
# two binaries compare in one run each. Needs valgrind (Debian package valgrind); callgrind runs
# about 50 times slower than the engine: the 10-min raid takes about 3 minutes, the hour 15.
# Usage: bench/raid_profile.sh [BUILD_DIR]   (default build/release)
# Environment: N (1000), RADARS (20), BATTERIES (8), DURATION (600 s), SEED (1), WORK (scratch).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/release}
IADSIM=$BUILD/bin/iadsim
WORK=${WORK:-$(mktemp -d /tmp/raid_profile.XXXXXX)}
N=${N:-1000}
RADARS=${RADARS:-20}
BATTERIES=${BATTERIES:-8}
DURATION=${DURATION:-600 s}
SEED=${SEED:-1}
command -v valgrind >/dev/null || { echo "raid_profile.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }

mkdir -p "$WORK"
"$IADSIM" generate raid --aircraft "$N" --radars "$RADARS" --batteries "$BATTERIES" --duration "$DURATION" \
  --seed "$SEED" --out "$WORK/raid.yaml" --force >/dev/null
valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" \
  "$IADSIM" batch "$WORK/raid.yaml" --runs 1 --threads 1 --seed 1 --quiet --force --out "$WORK/raid.db" \
  >"$WORK/valgrind.log" 2>&1
callgrind_annotate --inclusive=yes "$WORK/callgrind.out" >"$WORK/inclusive.txt"

# stage label | the start of its function's name in callgrind's listing
stages=(
  "trackers|iadsim::Tracker::Process("
  "  their polar index builds (with the IFF's)|iadsim::PolarTrackIndex::Build("
  "IFF correlation|iadsim::CorrelateIff("
  "radar sites|iadsim::RadarSite::Wake("
  "received pictures|iadsim::CommandPost::OnPositionReports("
  "  their correlation|iadsim::CorrelateReports("
  "decisions|iadsim::CommandPostNode::Decide("
  "  identification|iadsim::CommandPost::Identify("
  "picture messages|iadsim::PictureMessage("
  "results file|iadsim::ResultsDb::Add("
  "reading the scenario|iadsim::cli::(anonymous namespace)::Prepare("
)
total=$(awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}' "$WORK/inclusive.txt")
echo "raid N = $N, R = $RADARS, B = $BATTERIES, $DURATION: $(awk -v t="$total" 'BEGIN {printf "%.2f", t / 1e9}') G instructions"
for s in "${stages[@]}"; do
  label=${s%%|*}
  fn=${s#*|}
  # The first (largest) line naming the function after its file (??? without debug information):
  # its inclusive cost.
  cost=$(grep -F -- ":$fn" "$WORK/inclusive.txt" | head -1 | awk '{gsub(",", "", $1); print $1}')
  awk -v l="$label" -v c="${cost:-0}" -v t="$total" 'BEGIN {printf "  %-45s %6.1f %%\n", l, 100 * c / t}'
done
