"""Run a command as a user would and measure it: wall clock, peak memory, time to first output.

Peak memory is read two ways. ``os.wait4`` gives the command's ``ru_maxrss`` (the largest
single process of its tree: a parallel run's parent or one worker), and psutil samples the
resident memory of the whole tree (parent and workers together) every ``sample`` seconds.
The wall clock runs from the fork of the command to its exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

MB = 1_000_000


@dataclass
class Measured:
    seconds: float
    returncode: int
    stdout: bytes
    stderr: bytes
    max_rss: int = 0  # bytes, the largest single process (getrusage of the child)
    tree_rss: int = 0  # bytes, the whole process tree at its sampled peak (psutil)
    first_output: float | None = None  # seconds until stdout held its first byte
    timed_out: bool = False


def _tree_rss(launcher: psutil.Process) -> int:
    """Resident memory of everything the launcher started (not the launcher itself)."""
    try:
        members = launcher.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for member in members:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


# A small launcher forks the command and reports its wall clock, exit code and ru_maxrss. Linux
# counts in a child's ru_maxrss the memory of the process that forked it (until the exec), so
# the command must not be forked by this process, which may hold large inputs by then.
LAUNCHER = """
import os, sys, time
report, *command = sys.argv[1:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(report, "w") as out:
    out.write(f"{seconds} {os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def run(
    command: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
    sample: float | None = None,
) -> Measured:
    """Run ``command`` once with stdout and stderr going to files; ``sample`` also tracks memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp, "report")
        start = time.perf_counter()
        launcher = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", LAUNCHER, str(report), *command],
            cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True,
        )  # fmt: skip
        watched = psutil.Process(launcher.pid)
        tree_rss = 0
        first_output = None
        timed_out = False
        while launcher.poll() is None:
            now = time.perf_counter()
            if timeout is not None and now - start > timeout:
                os.killpg(launcher.pid, signal.SIGKILL)
                timed_out = True
                launcher.wait()
                break
            if sample:
                tree_rss = max(tree_rss, _tree_rss(watched))
                if first_output is None and os.fstat(out.fileno()).st_size > 0:
                    first_output = now - start
            time.sleep(sample or 0.01)
        seconds, returncode, max_rss = time.perf_counter() - start, launcher.returncode, 0
        if report.is_file():  # the launcher's own figures leave out its start-up
            took, code, kilobytes = report.read_text().split()
            seconds, returncode = float(took), int(code)
            max_rss = int(kilobytes) * (1 if sys.platform == "darwin" else 1024)  # Linux counts in KiB
        if sample and first_output is None and os.fstat(out.fileno()).st_size > 0:
            first_output = seconds  # everything came at the end
        out.seek(0)
        err.seek(0)
        return Measured(
            seconds, returncode, out.read(), err.read(), max_rss, max(tree_rss, max_rss), first_output, timed_out
        )


def best_of(runs: int, command: Sequence[str], **kwargs: object) -> tuple[Measured, list[float]]:
    """The fastest of ``runs`` runs (its output too) and every run's seconds."""
    results = [run(command, **kwargs) for _ in range(runs)]  # type: ignore[arg-type]
    return min(results, key=lambda m: m.seconds), [m.seconds for m in results]
