#!/usr/bin/env python3
"""Extreme values in a scenario: every number of each scenario file is replaced in turn by
1e400, -1e400, .nan, +-1e20, 1e-400, 1e-300 (positive, below any step: a time of 1e-300 s once
rounded to a zero step), 0, -1 and 1e308, and each copy goes through
`iadsim validate`; a sample of the copies it accepts (SAMPLE per file, seeded) also goes through
`iadsim run`. A copy must be refused with exit 2 (file:line:col: key.path: what is wrong) or run
to the end (exit 0): an abort, a crash, an "internal error" or a run past TIMEOUT seconds is a
failure, listed with the line, the value written and the tail of the output. Exit 1 on any failure.

Usage: tools/extreme-values.py IADSIM SCENARIO... [--sample N | --all] [--timeout S]
(`make check-extreme-values` runs it on scenarios/demo.yaml and scenarios/strike-ew.yaml; `--all`
runs every accepted copy instead of a sample: a power of 1e308 W once crashed outside the sample.)
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

from outcome import broken

VALUES = ["1e400", "-1e400", ".nan", "99999999999999999999", "-99999999999999999999", "1e-400", "1e-300", "0", "-1",
          "1e308"]
NUMBER = re.compile(r"(?<![\w.])-?\d+(\.\d+)?(e-?\d+)?(?![\w.])")


def failed(result):
    return broken(result.returncode, result.stdout + result.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("iadsim")
    ap.add_argument("scenarios", nargs="+")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--all", action="store_true", help="run every accepted copy, not a sample")
    ap.add_argument("--timeout", type=float, default=60.0)
    a = ap.parse_args()
    failures = []
    with tempfile.TemporaryDirectory(prefix="iadsim-extreme-") as work:
        copy, out = os.path.join(work, "s.yaml"), os.path.join(work, "run")
        for path in a.scenarios:
            text = open(path).read()
            accepted = []
            numbers = list(NUMBER.finditer(text))
            for m in numbers:
                line = text.count("\n", 0, m.start()) + 1
                for v in VALUES:
                    with open(copy, "w") as f:
                        f.write(text[:m.start()] + v + text[m.end():])
                    r = subprocess.run([a.iadsim, "validate", copy], capture_output=True, text=True, timeout=a.timeout)
                    if failed(r):
                        failures.append((path, line, m.group(0), v, "validate", (r.stdout + r.stderr)[-300:]))
                    elif r.returncode == 0 and v != "0":
                        accepted.append((line, m.group(0), v, text[:m.start()] + v + text[m.end():]))
            sample = accepted if a.all else random.Random(1).sample(accepted, min(len(accepted), a.sample))
            for line, written, v, t in sample:
                with open(copy, "w") as f:
                    f.write(t)
                try:
                    r = subprocess.run([a.iadsim, "run", copy, "--out", out, "--force", "--quiet"],
                                       capture_output=True, text=True, timeout=a.timeout)
                    if failed(r):
                        failures.append((path, line, written, v, "run", (r.stdout + r.stderr)[-300:]))
                except subprocess.TimeoutExpired:
                    failures.append((path, line, written, v, "run", f"no end within {a.timeout} s"))
            print(f"{path}: {len(numbers)} numbers, {len(numbers) * len(VALUES)} copies validated, "
                  f"{len(accepted)} accepted, {len(sample)} run")
    for path, line, written, v, verb, tail in failures:
        print(f"FAIL {path}:{line}: {written} -> {v} ({verb}): {tail.strip()}")
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
