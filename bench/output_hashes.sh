#!/usr/bin/env bash
# Prints sha256 of every output of `iadsim run` on scenarios/demo.yaml, scenarios/strike-ew.yaml,
# each scenarios/incidents/*/scenario.yaml and a generated raid of 200 aircraft (seed 7), and of the outcome tables of `iadsim batch`
# (3 replications of demo.yaml, 1 thread; the wall_s column and metadata left out), so that a
# speed change can be checked to change no output: run before and after, diff the two lists.
# Usage: bench/output_hashes.sh BUILD_DIR [WORK_DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IADSIM=${1:?BUILD_DIR}/bin/iadsim
WORK=${2:-$(mktemp -d /tmp/output_hashes.XXXXXX)}
mkdir -p "$WORK"
"$IADSIM" generate raid --aircraft 200 --radars 6 --batteries 3 --duration 5min --seed 7 --out "$WORK/raid.yaml" --force >/dev/null
for sc in "$ROOT"/scenarios/demo.yaml "$ROOT"/scenarios/strike-ew.yaml "$ROOT"/scenarios/incidents/*/scenario.yaml "$WORK/raid.yaml"; do
  name=$(basename "$(dirname "$sc")")-$(basename "$sc" .yaml)
  "$IADSIM" run "$sc" --seed 7 --out "$WORK/$name" --force --quiet
  (cd "$WORK/$name" && find . -type f | LC_ALL=C sort | xargs sha256sum | sed "s|^|$name |")
done
rm -f "$WORK/batch.db"
"$IADSIM" batch "$ROOT/scenarios/demo.yaml" --runs 3 --seed 7 --threads 1 --out "$WORK/batch.db" --quiet
python3 - "$WORK/batch.db" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for table in ["replications", "aircraft", "events", "draws"]:
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != "wall_s"]
    rows = db.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols[:3])}").fetchall()
    print(f"{hashlib.sha256(repr(rows).encode()).hexdigest()}  batch {table} ({len(rows)} rows)")
PY
