# SPDX-License-Identifier: Apache-2.0
"""An independent GOSPA of a tracks CSV against a truth CSV, by Stone Soup's GOSPAMetric, to check
`iadsim score` (bench/stonesoup/compare.sh).

Usage: PYTHONPATH=STONESOUP_DIR python3 ss_gospa.py TRUTH.csv TRACKS.csv [--c 500] [--p 2]
Frames: every time in either file (the times are grouped by their text). At each frame,
GOSPAMetric.compute_gospa_metric (alpha = 2, Euclidean distance on x, y) gives the distance
d_t and its parts loc_t + missed_t + false_t = d_t^p. Prints one JSON object with
  mean_m = mean_t d_t,  rms_m = (mean_t d_t^p)^(1/p),
  localisation_m, missed_m, false_m = (mean_t part_t)^(1/p)
and `frames`: the same summaries as `iadsim score --json` (gospa.*), which compare.sh compares.
"""
import argparse
import csv
import datetime
import json
from collections import defaultdict

import numpy as np

from stonesoup.measures import Euclidean
from stonesoup.metricgenerator.ospametric import GOSPAMetric
from stonesoup.types.state import State

EPOCH = datetime.datetime(2000, 1, 1)


def read(path):
    """{time s: [(x, y)]} from a CSV with time, id, x, y first."""
    frames = defaultdict(list)
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for r in rows:
            if r:
                frames[float(r[0])].append((float(r[2]), float(r[3])))
    return frames


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("truth")
    p.add_argument("tracks")
    p.add_argument("--c", type=float, default=500.0)
    p.add_argument("--p", type=float, default=2.0)
    a = p.parse_args()
    truth, tracks = read(a.truth), read(a.tracks)
    metric = GOSPAMetric(c=a.c, p=a.p, measure=Euclidean(mapping=(0, 1)))
    sums = defaultdict(float)
    times = sorted(set(truth) | set(tracks))
    for t in times:
        stamp = EPOCH + datetime.timedelta(seconds=t)
        tr = [State(np.array([[x], [y]]), timestamp=stamp) for x, y in truth.get(t, [])]
        me = [State(np.array([[x], [y]]), timestamp=stamp) for x, y in tracks.get(t, [])]
        value = metric.compute_gospa_metric(me, tr)[0].value
        sums["mean_m"] += value["distance"]
        sums["rms"] += value["distance"] ** a.p
        for k in ("localisation", "missed", "false"):
            sums[k] += value[k]
    n = len(times)
    out = {"frames": n, "mean_m": sums["mean_m"] / n, "rms_m": (sums["rms"] / n) ** (1 / a.p)}
    for k in ("localisation", "missed", "false"):
        out[k + "_m"] = (sums[k] / n) ** (1 / a.p)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
