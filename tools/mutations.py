#!/usr/bin/env python3
"""Mutated inputs: seeded copies of the shipped scenarios, their variants and a run directory, each
with one or two edits of the kind a hand or a broken transfer makes (a line deleted or doubled, a
key misspelt, a word value replaced, a number replaced by an odd one, the file cut short), go
through the commands that read them:
  - each scenario (a file with `scenario:`): `iadsim validate`, then `iadsim run` if accepted;
  - each variant (a file under a `variants/` folder, with its incident's scenario.yaml or, for
    scenarios/variants, scenarios/strike-ew.yaml): `iadsim batch BASE --variant m=COPY --runs 1`;
  - a run directory of scenarios/demo.yaml with one of its files mutated: `iadsim explain` and
    `iadsim export acmi|czml`;
  - a results file of 20 demo replications with bytes changed, cut short or a page overwritten:
    `iadsim report` and `iadsim batch` resuming it;
  - polar detections with their tracker config (`iadsim track`, each association) and truth and
    track CSVs (`iadsim score`).
Each must run to the end (exit 0) or refuse with exit 2 and say where: `COPY:line:col: ` for a
YAML file (for a variant, its place or one in its base scenario), the mutated file's name for a run directory or a results file. An abort, a crash, an "internal error", a
refusal without its place or a run past TIMEOUT seconds is a failure; its copy is kept in KEEP.
Exit 1 on any failure. Complements tools/extreme-values.py (every number, in turn, of two files).

Usage: tools/mutations.py IADSIM [--count N] [--seed S] [--timeout S] [--keep DIR]
(`make check-mutations` runs it with the defaults: 300 scenario, 150 variant, 100 run-directory,
100 results-file and 100 track/score copies, under a minute on two cores.)
"""
import argparse
import glob
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

from outcome import broken

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ODD = ["-1", "0", "-0", "1e308", "1e400", ".nan", "nan", ".inf", "-.inf", "abc", "1e-300", "99999999999",
       '""', "[]", "{}", "~", "1 kg", "-5 s", "3 deg", "1e6 km", "0x10", "2147483648", "-2147483649",
       "18446744073709551616", "0.5 %", "200 %", "null", "true"]
NUMBER = re.compile(r"(?<![\w.])-?\d+(\.\d+)?(e-?\d+)?")
KEY = re.compile(r"\b([a-z_]+):")
WORD = re.compile(r": ([a-z][\w-]*)")


def mutate(text, rng):
    """One edit; returns (new text, what was done)."""
    lines = text.split("\n")
    kind = rng.randrange(8)
    if kind <= 2:  # a number
        idx = [i for i, l in enumerate(lines) if NUMBER.search(l) and not l.lstrip().startswith("#")]
        if idx:
            i = rng.choice(idx)
            m = rng.choice(list(NUMBER.finditer(lines[i])))
            v = rng.choice(ODD)
            lines[i] = lines[i][:m.start()] + v + lines[i][m.end():]
            return "\n".join(lines), f"line {i + 1}: {m.group(0)} -> {v}"
    if kind == 3:
        i = rng.randrange(len(lines))
        del lines[i]
        return "\n".join(lines), f"line {i + 1} deleted"
    if kind == 4:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
        return "\n".join(lines), f"line {i + 1} doubled"
    if kind == 5:
        idx = [i for i, l in enumerate(lines) if KEY.search(l)]
        if idx:
            i = rng.choice(idx)
            m = rng.choice(list(KEY.finditer(lines[i])))
            w = m.group(1)
            nw = w[:-1] if len(w) > 1 and rng.random() < 0.5 else w + "x"
            lines[i] = lines[i][:m.start(1)] + nw + lines[i][m.end(1):]
            return "\n".join(lines), f"line {i + 1}: key {w} -> {nw}"
    if kind == 6:
        cut = rng.randrange(len(text))
        return text[:cut], f"cut at byte {cut}"
    idx = [i for i, l in enumerate(lines) if WORD.search(l)]
    if not idx:
        return text, "unchanged"
    i = rng.choice(idx)
    m = rng.choice(list(WORD.finditer(lines[i])))
    v = rng.choice(["zzz", "true", "null", "-1", m.group(1) + "-x"])
    lines[i] = lines[i][:m.start(1)] + v + lines[i][m.end(1):]
    return "\n".join(lines), f"line {i + 1}: {m.group(1)} -> {v}"


def mutated(text, rng):
    t, what = mutate(text, rng)
    if rng.random() < 0.3:
        t, more = mutate(t, rng)
        what += "; " + more
    return t, what


class Check:
    def __init__(self, a):
        self.a, self.failures, self.counts = a, [], {}

    def run(self, args, where, label, keep_from):
        """Runs iadsim ARGS; a failure is recorded with LABEL and KEEP_FROM (a file or folder) copied."""
        try:
            r = subprocess.run([self.a.iadsim] + args, capture_output=True, text=True, errors="replace",
                               timeout=self.a.timeout)
        except subprocess.TimeoutExpired:
            return self.fail(label, f"no end within {self.a.timeout} s", keep_from)
        out = r.stdout + r.stderr
        self.counts[r.returncode] = self.counts.get(r.returncode, 0) + 1
        if broken(r.returncode, out):
            return self.fail(label, f"exit {r.returncode}: {out[-300:].strip()}", keep_from)
        if r.returncode == 2 and not re.search(where, r.stderr):
            return self.fail(label, f"refused without its place: {r.stderr[:300].strip()}", keep_from)
        return r.returncode

    def fail(self, label, why, keep_from):
        n = len(self.failures)
        os.makedirs(self.a.keep, exist_ok=True)
        dest = os.path.join(self.a.keep, f"failure-{n}-" + os.path.basename(keep_from))
        (shutil.copytree if os.path.isdir(keep_from) else shutil.copyfile)(keep_from, dest)
        self.failures.append(f"{label}: {why} (kept: {dest})")
        return None


def track_inputs(iadsim, work):
    """Seeded inputs of `iadsim track` (polar detections of four aircraft from one radar, its config)
    and of `iadsim score` (their truth, and the tracks iadsim track makes of their Cartesian
    positions), as texts by file name."""
    rng = random.Random(7)
    det, cart, truth = ["time,sensor_id,range,azimuth,elevation"], ["time,sensor_id,x,y"], ["time,target_id,x,y,vx,vy"]
    for k in range(30):
        t = 2.0 * k
        for i in range(4):
            x, y, z = 20000 + 5000 * i + 200 * t, 10000 + 1000 * i - 100 * t, 5000.0
            r = math.sqrt(x * x + y * y + z * z)
            det.append(f"{t},1,{r + rng.gauss(0, 30):.1f},{math.degrees(math.atan2(x, y)) + rng.gauss(0, 0.1):.4f},"
                       f"{math.degrees(math.asin(z / r)) + rng.gauss(0, 0.1):.4f}")
            cart.append(f"{t},1,{x + rng.gauss(0, 50):.1f},{y + rng.gauss(0, 50):.1f}")
            truth.append(f"{t},{i},{x:.1f},{y:.1f},200,-100")
    cart_path, tracks_path = os.path.join(work, "cart.csv"), os.path.join(work, "tracks.csv")
    open(cart_path, "w").write("\n".join(cart) + "\n")
    subprocess.run([iadsim, "track", "--detections", cart_path, "--out", tracks_path], check=True, capture_output=True)
    return {"det.csv": "\n".join(det) + "\n", "truth.csv": "\n".join(truth) + "\n", "tracks.csv": open(tracks_path).read(),
            "cfg.yaml": "range_sigma: 30\nangle_sigma_deg: 0.1\norigin: {lat: 35.0, lon: 34.0, alt: 0}\n"
                        "sensors:\n  - {id: 1, x: 0, y: 0, z: 10, range_sigma: 30, angle_sigma_deg: 0.1}\n"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("iadsim")
    ap.add_argument("--count", type=int, default=300, help="scenario copies (half as many variants, a third as many run directories)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--keep", default=os.path.join(tempfile.gettempdir(), "iadsim-mutations"))
    a = ap.parse_args()
    a.iadsim = os.path.abspath(a.iadsim)
    rng = random.Random(a.seed)
    check = Check(a)
    every = sorted(glob.glob(os.path.join(ROOT, "scenarios", "**", "*.yaml"), recursive=True))
    scenarios = [f for f in every if "/variants/" not in f]
    variants = [f for f in every if "/variants/" in f]

    def base_of(variant):
        incident = os.path.join(os.path.dirname(os.path.dirname(variant)), "scenario.yaml")
        return incident if os.path.exists(incident) else os.path.join(ROOT, "scenarios", "strike-ew.yaml")

    with tempfile.TemporaryDirectory(prefix="iadsim-mutations-") as work:
        copy, out = os.path.join(work, "m.yaml"), os.path.join(work, "run")
        loc = re.escape(copy) + r":\d+:\d+: "
        ran = 0
        for _ in range(a.count):
            path = rng.choice(scenarios)
            text, what = mutated(open(path).read(), rng)
            open(copy, "w").write(text)
            label = f"{os.path.relpath(path, ROOT)} ({what})"
            if check.run(["validate", copy], loc, label + ", validate", copy) == 0:
                ran += 1
                check.run(["run", copy, "--out", out, "--force", "--quiet"], loc, label + ", run", copy)
        print(f"scenarios: {a.count} copies validated, {ran} accepted and run")

        for _ in range(a.count // 2):
            path = rng.choice(variants)
            text, what = mutated(open(path).read(), rng)
            open(copy, "w").write(text)
            base = base_of(path)  # a problem the edit makes elsewhere is placed in the base scenario
            check.run(["batch", base, "--variant", "m=" + copy, "--runs", "1", "--threads", "1",
                       "--out", os.path.join(work, "b.sqlite"), "--force", "--quiet"],
                      f"({re.escape(copy)}|{re.escape(base)}):\\d+:\\d+: ",
                      f"{os.path.relpath(path, ROOT)} ({what}), batch --variant", copy)
        print(f"variants: {a.count // 2} copies through batch --variant")

        demo = os.path.join(work, "demo")
        subprocess.run([a.iadsim, "run", os.path.join(ROOT, "scenarios", "demo.yaml"), "--out", demo, "--quiet"], check=True)
        names = sorted(os.listdir(demo))
        for _ in range(a.count // 3):
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(demo, out)
            name = rng.choice(names)
            text, what = mutated(open(os.path.join(demo, name)).read(), rng)
            open(os.path.join(out, name), "w").write(text)
            for verb in (["explain"], ["export", "acmi"], ["export", "czml"]):
                check.run(verb + [out], re.escape(name), f"run directory {name} ({what}), {' '.join(verb)}", out)
        print(f"run directories: {a.count // 3} copies through explain, export acmi and export czml")

        results = os.path.join(work, "results.sqlite")
        batch = ["batch", os.path.join(ROOT, "scenarios", "demo.yaml"), "--seed", "1", "--quiet", "--threads", "1"]
        subprocess.run([a.iadsim] + batch + ["--runs", "20", "--out", results], check=True)
        clean = open(results, "rb").read()
        damaged = os.path.join(work, "damaged.sqlite")
        for _ in range(a.count // 3):
            b = bytearray(clean)
            kind = rng.randrange(3)
            if kind == 0:
                for _ in range(rng.randrange(1, 20)):
                    b[rng.randrange(len(b))] = rng.randrange(256)
                what = "bytes changed"
            elif kind == 1:
                b = b[:rng.randrange(len(b))]
                what = f"cut at byte {len(b)}"
            else:
                at = rng.randrange(len(b) - 4096)
                b[at:at + 4096] = bytes(rng.randrange(256) for _ in range(4096))
                what = f"4096 bytes overwritten at {at}"
            open(damaged, "wb").write(b)
            check.run(["report", damaged, "--out", os.path.join(work, "r.html"), "--force"], re.escape(damaged),
                      f"results file ({what}), report", damaged)
            check.run(batch + ["--runs", "25", "--out", damaged], re.escape(damaged),
                      f"results file ({what}), batch resuming it", damaged)
        print(f"results files: {a.count // 3} damaged copies through report and a resumed batch")

        # iadsim track and score: a polar detections file with its config, and truth and track CSVs.
        sources = track_inputs(a.iadsim, work)
        for _ in range(a.count // 3):
            name = rng.choice(sorted(sources))
            text, what = mutated(sources[name], rng)
            paths = {}
            for n, t in sources.items():
                paths[n] = os.path.join(work, "m-" + n)
                open(paths[n], "w").write(text if n == name else t)
            where = re.escape(paths[name]) + r":\d+"
            if name in ("det.csv", "cfg.yaml"):  # an edit of one may be refused at the other (a sensor gone)
                where = f"({re.escape(paths['det.csv'])}|{re.escape(paths['cfg.yaml'])}):\\d+"
                for algo in ("gnn", "jpda", "mht"):
                    check.run(["track", "--detections", paths["det.csv"], "--config", paths["cfg.yaml"], "--algo", algo,
                               "--out", os.path.join(work, "t.csv"), "--force"], where, f"{name} ({what}), track --algo {algo}",
                              paths[name])
            else:
                check.run(["score", "--truth", paths["truth.csv"], "--tracks", paths["tracks.csv"]], where,
                          f"{name} ({what}), score", paths[name])
        print(f"track and score inputs: {a.count // 3} copies")

    print("exit codes:", ", ".join(f"{k}: {v}" for k, v in sorted(check.counts.items())))
    for f in check.failures:
        print("FAIL", f)
    print(f"{len(check.failures)} failures")
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
