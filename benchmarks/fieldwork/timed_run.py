#!/usr/bin/env python3
"""Run `planner plan` under /usr/bin/time -v and print one JSON object (benchmark helper).

usage: timed_run.py PLANNER DATASET OUT_DIR TIME_LIMIT [MODEL.mps]

Prints: the exit status; wall seconds and peak resident memory (from GNU time); the seconds, since the start,
of GLPK's first progress line that shows an incumbent (progress lines come every 5 s or so when stderr is not a
terminal, so this is coarse, and absent when GLPK never leaves its root LP); the final progress line; and the
manifest's `solver` object and `complete` flag. The planner's stdout and stderr go to OUT_DIR.log.
"""
import json
import re
import subprocess
import sys
import time


def main():
    planner, dataset, out, limit = sys.argv[1:5]
    model = sys.argv[5] if len(sys.argv) > 5 else None
    command = ["/usr/bin/time", "-v", planner, "plan", dataset, "--out", out, "--time-limit", limit]
    if model:
        command += ["--export-model", model]
    started = time.time()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    first_incumbent = None
    last_progress = None
    lines = []
    for line in process.stdout:
        elapsed = time.time() - started
        lines.append("%.1f %s" % (elapsed, line.rstrip()))
        if line.startswith("GLPK: incumbent"):
            last_progress = line.strip()
            if first_incumbent is None and not line.startswith("GLPK: incumbent none"):
                first_incumbent = round(elapsed, 1)
    status = process.wait()
    text = "\n".join(lines)
    with open(out.rstrip("/") + ".log", "w", encoding="utf-8") as handle:
        handle.write(text + "\n")

    def timed(pattern):
        found = re.search(pattern, text)
        return found.group(1) if found else None

    result = {"dataset": dataset, "exit_status": status, "time_limit": float(limit),
              "first_incumbent_seconds": first_incumbent, "last_progress": last_progress}
    wall = timed(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)")
    if wall:
        parts = [float(part) for part in wall.split(":")]
        result["wall_seconds"] = round(sum(value * 60 ** index for index, value in enumerate(reversed(parts))), 1)
    peak = timed(r"Maximum resident set size \(kbytes\): (\d+)")
    result["peak_memory_mb"] = round(int(peak) / 1024, 1) if peak else None
    try:
        manifest = json.load(open(out.rstrip("/") + "/manifest.json", encoding="utf-8"))
        result["complete"] = manifest.get("complete")
        result["solver"] = manifest.get("solver")
    except (OSError, ValueError):
        result["complete"] = None
        result["solver"] = None
    summary = re.search(r"Fieldwork: (\d+) of (\d+) visits in (\d+) enumerator-days by (\d+) enumerators, "
                        r"(\d+) travel minutes", text)
    if summary:
        keys = ("visits", "units", "enumerator_days", "enumerators", "travel_minutes")
        result["plan"] = dict(zip(keys, (int(value) for value in summary.groups())))
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
