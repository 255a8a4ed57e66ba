#!/usr/bin/env bash
# Paired timing of two or more Google Benchmark binaries on a noisy machine: runs each binary
# ROUNDS times, interleaved (A B A B ...), each process timing FILTER with REPS repetitions of
# MIN_TIME s, and prints per binary its per-process medians sorted, and their median. On shared
# machines one process can run ~30 % slower than the next for the same binary (cache and memory
# placement, neighbours), so compare the sorted lists and medians, never two single runs.
# Usage: bench/paired_medians.sh BENCH_BINARY [BENCH_BINARY ...]
# Environment: ROUNDS (8), FILTER (/10000$), REPS (5), MIN_TIME (0.3).
set -euo pipefail
ROUNDS=${ROUNDS:-8}
FILTER=${FILTER:-/10000\$}
REPS=${REPS:-5}
MIN_TIME=${MIN_TIME:-0.3}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for _ in $(seq "$ROUNDS"); do
  for b in "$@"; do
    m=$("$b" --benchmark_filter="$FILTER" --benchmark_repetitions="$REPS" --benchmark_min_time="$MIN_TIME" \
          --benchmark_report_aggregates_only=true 2>/dev/null | awk '/_median/ {print $2; exit}')
    echo "$b $m" >>"$out"
  done
done
for b in "$@"; do
  awk -v b="$b" '$1 == b {print $2}' "$out" | sort -g |
    awk -v b="$b" '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
      s = ""; for (i = 1; i <= NR; ++i) s = s " " v[i]; printf "%s:%s  (median %.3g)\n", b, s, m}'
done
