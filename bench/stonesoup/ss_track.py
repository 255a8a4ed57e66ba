# SPDX-License-Identifier: Apache-2.0
"""Stone Soup (dstl/Stone-Soup, MIT licence) on an iadsim detections CSV, for bench/stonesoup/compare.sh.

Usage: PYTHONPATH=STONESOUP_DIR python3 ss_track.py {gnn,gnn-lr,jpda} DETECTIONS.csv TRACKS.csv
         [--meas-sigma 50] [--process-noise 1] [--pd 0.9] [--clutter-density 1e-9] [--gate 0.999]
         [--confirm 3/4] [--delete-misses 3]
Input: the 2-D Cartesian form of `iadsim track` (`time,sensor_id,x,y`: s, -, m, m; rows in time
order). Output: iadsim's tracks CSV (`time,track_id,x,y,vx,vy`), one row per confirmed track per
scan time, sorted by time then track_id, which `iadsim score` reads. On stderr: `progress K/N scans
T s` after each scan time (so that a run killed by a timeout tells how far it got), then the time
spent in the tracking loop (without Python start-up, imports and file I/O) as `tracking_loop_s=...`.

What is matched to `iadsim track` at its defaults (apps/cmd_track.cc,
src/iadsim/tracking/multi_target_tracker.h, track_management.h, filter_factory.h):
  - motion model: CV with white-noise acceleration of PSD q in x and y (Stone Soup ConstantVelocity
    per axis: Q = q [T^3/3, T^2/2; T^2/2, T], the same matrix as iadsim's PredictCv); Kalman filter;
  - measurement: position, R = sigma^2 I (LinearGaussian, mapping x and y);
  - initiation: one detection, position = the detection (covariance R), velocity 0 with sigma
    300 m/s per axis (iadsim initial_speed_sigma_mps; SimpleMeasurementInitiator with that prior);
  - gate: d^2 <= chi2.ppf(Pg, 2) (= 13.8155 for Pg = 0.999);
  - confirmation M/N = 3/4 counting the starting detection as a hit, and deletion of a tentative
    track as soon as M hits can no longer be reached in N scans: MultiMeasurementInitiator with
    min_points = M (Update states only) and a deleter of its holding tracks written here
    (MofNHoldingDeleter: exactly iadsim's M-of-N rule; Stone Soup ships no such deleter);
  - deletion of a confirmed track after K = 3 consecutive misses: UpdateTimeStepsDeleter(K);
  - JPDA: PDAHypothesiser with Pd, Pg and the clutter density lambda (likelihood ratio
    Pd N(z; z^, S) / lambda against 1 - Pd Pg, iadsim's jpda.h betas), exact JPDA per cluster;
    the track state is the PDA mixture reduced to one Gaussian (MultiTargetMixtureTracker).
What is NOT matched (the differences that can change the tracks):
  - Association structure: iadsim associates tentative and confirmed tracks in ONE assignment per
    scan (GNN) or one JPDA; Stone Soup's MultiTargetTracker associates the confirmed tracks first,
    and only the detections they leave go to the initiator, whose holding (tentative) tracks take
    them by their own GNN. So in Stone Soup a confirmed track always wins a detection over a
    tentative one.
  - GNN cost: `gnn` is the usual Stone Soup set-up, DistanceHypothesiser with the Mahalanobis
    distance d (not d^2) and missed distance = the gate, sqrt(chi2.ppf(Pg, 2)), so the assignment
    minimises the sum of d; iadsim minimises the sum of d^2 + ln|S| with a miss cost of
    2 ln(Pd / ((1 - Pd Pg) lambda 2 pi)) (-2 ln of the likelihood ratio). `gnn-lr` gives Stone Soup
    iadsim's cost exactly (a Measure written here, LogLikelihoodCost, in a DistanceHypothesiser
    with that miss cost, behind a DistanceGater at the chi-square gate).
  - GNN and JPDA associators: GNNWith2DAssignment (scipy linear_sum_assignment) and JPDAwithEHM2
    (exact JPDA by efficient hypothesis management, per cluster) instead of GlobalNearestNeighbour
    and JPDA, which enumerate the product of every track's hypotheses over ALL tracks (2^n and
    more joint hypotheses per scan: not usable beyond a handful of tracks). Same optimum / the same
    exact betas.
  - JPDA hit rule: Stone Soup counts a scan as an update (a hit, for deletion) when any detection's
    weight exceeds the missed-detection weight; iadsim when 1 - beta_0 >= 1/2. A detection goes to
    the initiator in Stone Soup when no track weights it above its miss; in iadsim when it is in no
    track's gate. The initiator's holding tracks use GNN (gnn-lr cost), not JPDA.
  - Ties and order: Stone Soup keeps tracks and detections in Python sets, so ties are broken in
    memory order; output track ids are numbered here by confirmation order (then x, y).
  - Multi-sensor input (several sensor_ids at one time) is processed as one scan per (time, sensor)
    in file order, as iadsim does in increasing sensor_id; only 2-D Cartesian input is read.
"""
import argparse
import csv
import datetime
import math
import sys
import time

import numpy as np
from scipy.stats import chi2

from stonesoup.base import Property
from stonesoup.dataassociator.neighbour import GNNWith2DAssignment
from stonesoup.dataassociator.probability import JPDAwithEHM2
from stonesoup.deleter.base import Deleter
from stonesoup.deleter.time import UpdateTimeStepsDeleter
from stonesoup.gater.distance import DistanceGater
from stonesoup.hypothesiser.distance import DistanceHypothesiser
from stonesoup.hypothesiser.probability import PDAHypothesiser
from stonesoup.initiator.simple import MultiMeasurementInitiator
from stonesoup.measures import Mahalanobis, Measure, SquaredMahalanobis
from stonesoup.models.measurement.linear import LinearGaussian
from stonesoup.models.transition.linear import CombinedLinearGaussianTransitionModel, ConstantVelocity
from stonesoup.predictor.kalman import KalmanPredictor
from stonesoup.tracker.simple import MultiTargetMixtureTracker, MultiTargetTracker
from stonesoup.types.detection import Detection
from stonesoup.types.state import GaussianState
from stonesoup.types.update import Update
from stonesoup.updater.kalman import KalmanUpdater

EPOCH = datetime.datetime(2000, 1, 1)
INITIAL_SPEED_SIGMA_MPS = 300.0  # iadsim FilterSpec::initial_speed_sigma_mps


class LogLikelihoodCost(Measure):
    """d^2 + ln|S| of a detection against a measurement prediction (mean z^, covariance S):
    -2 ln N(z; z^, S) less M ln(2 pi), the GNN cost of iadsim's multi_target_tracker.h."""

    def __call__(self, state1, state2):
        s = np.asarray(state1.covar, dtype=float)
        d = np.asarray(state2.state_vector, dtype=float).ravel() - np.asarray(state1.state_vector, dtype=float).ravel()
        sign, logdet = np.linalg.slogdet(s)
        return float(d @ np.linalg.solve(s, d)) + logdet


class MofNHoldingDeleter(Deleter):
    """iadsim's M-of-N rule for tentative (holding) tracks: delete as soon as hits + (N - scans) < M,
    the starting detection counting as a hit (track_management.h); and after K consecutive misses.
    One state per scan is assumed (MultiMeasurementInitiator appends one per scan)."""

    m: int = Property(doc="hits needed")
    n: int = Property(doc="within this many scans")
    misses: int = Property(doc="consecutive misses that delete")

    def check_for_deletion(self, track, **kwargs):
        states = track.states
        hits = sum(1 for s in states if isinstance(s, Update) and s.hypothesis)
        if hits + (self.n - len(states)) < self.m:
            return True
        run = 0
        for s in reversed(states):
            if isinstance(s, Update) and s.hypothesis:
                break
            run += 1
        return run >= self.misses


def read_scans(path):
    """[(time string, time s, [(x, y)])] per (time, sensor_id), in file order."""
    scans = []
    with open(path, newline="") as f:
        rows = csv.reader(f)
        header = [h.strip() for h in next(rows)]
        if header != ["time", "sensor_id", "x", "y"]:
            sys.exit(f"{path}: expected the header time,sensor_id,x,y (2-D Cartesian), got {','.join(header)}")
        key = None
        for line, r in enumerate(rows, start=2):
            if not r:
                continue
            try:
                t, sid, x, y = r[0].strip(), int(r[1]), float(r[2]), float(r[3])
                ts = float(t)
            except (ValueError, IndexError):
                sys.exit(f"{path}:{line}: expected time,sensor_id,x,y numbers")
            if scans and ts < scans[-1][1]:
                sys.exit(f"{path}:{line}: time {t} is before the previous row's")
            if (ts, sid) != key:
                scans.append((t, ts, []))
                key = (ts, sid)
            scans[-1][2].append((x, y))
    return scans


def build(args):
    q, sigma = args.process_noise, args.meas_sigma
    transition = CombinedLinearGaussianTransitionModel([ConstantVelocity(q), ConstantVelocity(q)])
    meas = LinearGaussian(ndim_state=4, mapping=(0, 2), noise_covar=np.diag([sigma**2, sigma**2]))
    predictor = KalmanPredictor(transition)
    updater = KalmanUpdater(meas)
    gate_d2 = float(chi2.ppf(args.gate, 2))
    miss_cost = 2.0 * math.log(args.pd / ((1.0 - args.pd * args.gate) * args.clutter_density * 2.0 * math.pi))
    mahalanobis = DistanceHypothesiser(predictor, updater, measure=Mahalanobis(), missed_distance=math.sqrt(gate_d2))
    loglik = DistanceGater(
        DistanceHypothesiser(predictor, updater, measure=LogLikelihoodCost(), missed_distance=miss_cost),
        measure=SquaredMahalanobis(), gate_threshold=gate_d2)
    m, n = (int(v) for v in args.confirm.split("/"))
    prior = GaussianState(np.zeros((4, 1)), np.diag([0.0, INITIAL_SPEED_SIGMA_MPS**2, 0.0, INITIAL_SPEED_SIGMA_MPS**2]))
    holding_hyp = mahalanobis if args.algo == "gnn" else loglik
    initiator = MultiMeasurementInitiator(
        prior_state=prior, measurement_model=meas,
        deleter=MofNHoldingDeleter(m=m, n=n, misses=args.delete_misses),
        data_associator=GNNWith2DAssignment(holding_hyp), updater=updater, min_points=m, updates_only=True)
    deleter = UpdateTimeStepsDeleter(args.delete_misses)
    if args.algo == "jpda":
        pda = PDAHypothesiser(predictor, updater, clutter_spatial_density=args.clutter_density,
                              prob_detect=args.pd, prob_gate=args.gate)
        return MultiTargetMixtureTracker(initiator=initiator, deleter=deleter, detector=None,
                                         data_associator=JPDAwithEHM2(pda), updater=updater), meas
    return MultiTargetTracker(initiator=initiator, deleter=deleter, detector=None,
                              data_associator=GNNWith2DAssignment(holding_hyp), updater=updater), meas


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("algo", choices=["gnn", "gnn-lr", "jpda"])
    p.add_argument("detections")
    p.add_argument("out")
    p.add_argument("--meas-sigma", type=float, default=50.0)
    p.add_argument("--process-noise", type=float, default=1.0)
    p.add_argument("--pd", type=float, default=0.9)
    p.add_argument("--clutter-density", type=float, default=1e-9)
    p.add_argument("--gate", type=float, default=0.999)
    p.add_argument("--confirm", default="3/4")
    p.add_argument("--delete-misses", type=int, default=3)
    args = p.parse_args()
    scans = read_scans(args.detections)
    tracker, meas = build(args)
    ids = {}  # Stone Soup track -> integer id, by confirmation order
    rows = []
    t0 = time.perf_counter()
    for i, (tstr, ts, points) in enumerate(scans):
        stamp = EPOCH + datetime.timedelta(seconds=ts)
        dets = {Detection(np.array([[x], [y]]), timestamp=stamp, measurement_model=meas) for x, y in points}
        _, tracks = tracker.update_tracker(stamp, dets)
        if i + 1 < len(scans) and scans[i + 1][1] == ts:
            continue  # several sensors at one time: rows once, after the last of them
        current = [t for t in tracks if t.state.timestamp == stamp]
        new = sorted((t for t in current if t not in ids),
                     key=lambda t: (float(t.state.state_vector[0, 0]), float(t.state.state_vector[2, 0])))
        for t in new:
            ids[t] = len(ids) + 1
        for t in sorted(current, key=lambda t: ids[t]):
            x, vx, y, vy = (float(v) for v in np.asarray(t.state.state_vector).ravel())
            rows.append(f"{tstr},{ids[t]},{x!r},{y!r},{vx!r},{vy!r}\n")
        print(f"progress {i + 1}/{len(scans)} scans {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    loop_s = time.perf_counter() - t0
    with open(args.out, "w") as f:
        f.write("time,track_id,x,y,vx,vy\n")
        f.writelines(rows)
    print(f"tracking_loop_s={loop_s:.3f} scans={len(scans)} rows={len(rows)} tracks={len(ids)}", file=sys.stderr)


if __name__ == "__main__":
    main()
