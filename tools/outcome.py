"""The bad-input checks' rule (tools/extreme-values.py, tools/mutations.py): a command given a bad
input must run to the end (exit 0) or refuse it (exit 2). Any other exit (an abort, a crash) and an
internal error or failed internal check in its output are failures, whatever the exit code."""


def broken(returncode, output):
    return returncode not in (0, 2) or "internal error" in output or "internal check failed" in output
