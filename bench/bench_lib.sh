# Helpers shared by the bench scripts (sourced, not run).
# time_run OUT_PREFIX CMD...: runs CMD under /usr/bin/time -v (limit: BENCH_TIMEOUT s, default 600);
# sets WALL_S, RSS_MB and RC.
time_run() {
  local prefix=$1; shift
  set +e
  /usr/bin/time -v -o "$prefix.time" timeout "${BENCH_TIMEOUT:-600}" "$@" >"$prefix.out" 2>"$prefix.err"
  RC=$?
  set -e
  WALL_S=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, a, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + a[i]; print s}' "$prefix.time")
  RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$prefix.time")
}

# gen_track_scenario GEN N DIR: the track_bench.sh scenario of N targets (area side
# 100 km x sqrt(N / 20), clutter 10 N / 20 per scan, Pd 0.9, sigma 50 m, 2 s scans; SCANS and SEED
# from the environment) written by track_scenario_gen GEN into DIR; sets NDET (detection rows).
gen_track_scenario() {
  local gen=$1 n=$2 dir=$3 area clutter
  area=$(python3 -c "import math; print(round(100000 * math.sqrt($n / 20)))")
  clutter=$(python3 -c "print(10 * $n / 20)")
  "$gen" --targets "$n" --scans "$SCANS" --period 2 --area "$area" --pd 0.9 --clutter "$clutter" \
         --sigma 50 --seed "$SEED" --out "$dir" >/dev/null
  NDET=$(($(wc -l <"$dir/detections.csv") - 1))
}

# json_get FILE KEY.PATH: one value of a JSON file.
json_get() {
  python3 -c 'import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): v = v[k]
print(v)' "$1" "$2"
}

# replace_section FILE NAME CONTENT_FILE: replaces the text between <!-- NAME:begin --> and
# <!-- NAME:end --> in FILE with the content file.
replace_section() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys
path, name, content = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
text = open(path).read()
b, e = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
i, j = text.index(b) + len(b), text.index(e)
open(path, "w").write(text[:i] + "\n" + content + text[j:])
PY
}

# track_algorithms IADSIM: the association algorithms `iadsim track` offers (gnn jpda mht), or none.
track_algorithms() {
  local help
  help=$("$1" track --help 2>/dev/null) || return 0
  for a in gnn jpda mht; do
    if grep -qiw "$a" <<<"$help"; then printf '%s ' "$a"; fi
  done
}
