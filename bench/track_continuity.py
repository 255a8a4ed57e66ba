#!/usr/bin/env python3
"""Track continuity of units in an `iadsim run` output directory (bench/README.md, twelfth step).

Usage: bench/track_continuity.py RUN_DIR UNIT[,UNIT...]

Each track sample of a unit (tracks.csv) is paired with the nearest aircraft of truth.csv (its
last sample before the track's time, moved on by its velocity), when closer than 3 km in ECEF
(WGS 84). Along each aircraft, in time order, a change of track number counts once: a track lost
and started again, or two close aircraft whose tracks swap. Prints, per unit: samples, those with
no aircraft within 3 km, aircraft seen, changes (and per aircraft), and the rms distance of the
paired samples. Python 3 standard library only.
"""
import bisect
import collections
import csv
import math
import sys

A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
PAIR_M = 3000.0


def ecef(lat_deg, lon_deg, h_m):
    la, lo = math.radians(lat_deg), math.radians(lon_deg)
    n = A / math.sqrt(1 - E2 * math.sin(la) ** 2)
    return ((n + h_m) * math.cos(la) * math.cos(lo), (n + h_m) * math.cos(la) * math.sin(lo),
            (n * (1 - E2) + h_m) * math.sin(la))


def ecef_from_enu_vector(lat_deg, lon_deg, v):
    la, lo = math.radians(lat_deg), math.radians(lon_deg)
    e = (-math.sin(lo), math.cos(lo), 0.0)
    n = (-math.sin(la) * math.cos(lo), -math.sin(la) * math.sin(lo), math.cos(la))
    u = (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))
    return tuple(e[i] * v[0] + n[i] * v[1] + u[i] * v[2] for i in range(3))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    run, units = sys.argv[1], sys.argv[2].split(",")
    truth = collections.defaultdict(list)  # time -> [(entity, position, velocity)]
    with open(run + "/truth.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["kind"] != "aircraft":
                continue
            lat, lon = float(r["lat_deg"]), float(r["lon_deg"])
            v = ecef_from_enu_vector(lat, lon, (float(r["v_east_mps"]), float(r["v_north_mps"]), float(r["v_up_mps"])))
            truth[float(r["time_s"])].append((int(r["entity"]), ecef(lat, lon, float(r["alt_m"])), v))
    times = sorted(truth)
    for unit in units:
        along = collections.defaultdict(list)  # entity -> [(time, track)]
        squares, samples, unpaired = [], 0, 0
        with open(run + "/tracks.csv", newline="") as f:
            for r in csv.DictReader(f):
                if r["unit"] != unit:
                    continue
                t = float(r["time_s"])
                i = bisect.bisect_right(times, t) - 1
                if i < 0:
                    continue
                samples += 1
                p = ecef(float(r["lat_deg"]), float(r["lon_deg"]), float(r["alt_m"]))
                dt = t - times[i]
                best, best_d2 = None, math.inf
                for entity, q, v in truth[times[i]]:
                    d2 = sum((p[k] - q[k] - dt * v[k]) ** 2 for k in range(3))
                    if d2 < best_d2:
                        best, best_d2 = entity, d2
                if best_d2 < PAIR_M ** 2:
                    along[best].append((t, int(r["track"])))
                    squares.append(best_d2)
                else:
                    unpaired += 1
        changes = 0
        for seen in along.values():
            tracks = [track for _, track in sorted(seen)]
            changes += sum(1 for a, b in zip(tracks, tracks[1:]) if a != b)
        rms = math.sqrt(sum(squares) / len(squares)) if squares else math.nan
        per = changes / len(along) if along else math.nan
        print(f"{unit}: samples {samples}, unpaired {unpaired}, aircraft {len(along)}, "
              f"changes {changes} ({per:.2f} per aircraft), rms {rms:.0f} m")


if __name__ == "__main__":
    main()
