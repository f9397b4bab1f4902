#!/usr/bin/env python3
"""Print the fieldwork benchmark's figures and PASS/FAIL lines from the JSON files run.sh wrote.

usage: report.py RESULTS_DIR
"""
import glob
import json
import os
import sys


def load(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def lines(path):
    try:
        with open(path, encoding="utf-8") as handle:
            # HiGHS prints a banner on stdout when it starts: keep the JSON lines only.
            return [json.loads(line) for line in handle if line.startswith("{")]
    except (OSError, ValueError):
        return []


def number(value, digits=1):
    return "–" if value is None else ("%.*f" % (digits, value))


def percent(fraction, digits=2):
    return "–" if fraction is None else "%.*f %%" % (digits, 100 * fraction)


def backend(solver):
    """`GLPK 5.0` from a manifest's solver record; older manifests wrote it whole as glpk_version."""
    if "backend" in solver:
        return "%s %s" % (solver["backend"], solver.get("backend_version", ""))
    return solver.get("glpk_version", "?")


def verdict(passed):
    return "PASS" if passed else "FAIL"


def main():
    folder = sys.argv[1]
    outcomes = []

    run = load(os.path.join(folder, "default.json"))
    print("## Default instance (Inputs/soc-trang-2023, planner plan, release build)")
    if run and run.get("solver"):
        solver = run["solver"]
        print("status %s, objective %s, bound %s, gap %s, GLPK %s s, whole run %s s, peak %s MB, %s×%s (%s integer)"
              % (solver["status"], number(solver["objective"]), number(solver.get("best_bound")),
                 percent(solver.get("gap")), number(solver["seconds"], 2), number(run.get("wall_seconds")),
                 number(run.get("peak_memory_mb")), solver.get("rows"), solver.get("columns"),
                 solver.get("integer_columns")))
        if run.get("plan"):
            plan = run["plan"]
            print("plan: %(visits)d of %(units)d visits, %(enumerator_days)d enumerator-days, %(enumerators)d "
                  "enumerators, %(travel_minutes)d travel minutes" % plan)
        gap = solver.get("gap")
        ok = run.get("complete") and gap is not None and gap <= 0.01 and solver["seconds"] <= run["time_limit"] + 1
        outcomes.append(("default: proven gap ≤ 1 %% within %g s" % run["time_limit"], ok))
    else:
        print("no result")
        outcomes.append(("default: proven gap ≤ 1 %", False))

    print()
    print("## Peer solvers on the exported model (same time limit, one thread)")
    peers = lines(os.path.join(folder, "peers.jsonl"))
    if run and run.get("solver"):
        ours = run["solver"]["objective"]
        objectives = [ours] + [peer["objective"] for peer in peers if peer.get("objective") is not None]
        best = min(objectives)
        print("| solver | status | objective | bound | seconds |")
        print("|---|---|---|---|---|")
        print("| %s (planner) | %s | %s | %s | %s |" % (backend(run["solver"]), run["solver"]["status"],
                                                       number(ours), number(run["solver"].get("best_bound")),
                                                       number(run["solver"]["seconds"], 2)))
        for peer in peers:
            print("| %s | %s | %s | %s | %s |" % (peer["solver"], peer["status"], number(peer.get("objective")),
                                                 number(peer.get("bound")), number(peer.get("seconds"), 2)))
        ratio = ours / best if best else None
        print("ours / best objective = %s" % number(ratio, 4))
        outcomes.append(("GLPK plan within 1 % of the best objective found", ratio is not None and ratio <= 1.01))

    print()
    print("## Manual-style baseline (own district, communes in code order, days filled in turn)")
    baseline = load(os.path.join(folder, "baseline.json"))
    if baseline:
        for name in ("baseline", "optimised"):
            part = baseline[name]
            print("%-9s travel %s min, %d enumerator-days, %d enumerators, %d visits, %d unscheduled"
                  % (name, number(part["travel_minutes"]), part["enumerator_days"], part["enumerators"],
                     part["visits"], part["unscheduled"]))
        print("travel saved by the optimised plan: %s min (%s %%)"
              % (number(baseline["travel_minutes_saved"]), number(baseline["travel_saved_percent"])))
        print("staff time used by the optimised plan: %s %% of %d minutes"
              % (number(baseline["utilisation_percent"]), baseline["capacity_minutes"]))

    print()
    print("## Tight variant (larger take: about 90 % of the enumerators' time)")
    tight = load(os.path.join(folder, "tight.json"))
    tight_use = load(os.path.join(folder, "tight-baseline.json"))
    if tight and tight.get("solver"):
        solver = tight["solver"]
        if tight_use:
            print("units %d, staff time needed %s %% of %d minutes (manual baseline: %d unscheduled)"
                  % (tight_use["units"], number(tight_use["utilisation_percent"]), tight_use["capacity_minutes"],
                     tight_use["baseline"]["unscheduled"]))
        print("status %s, complete %s, objective %s, bound %s, gap %s, GLPK %s s, whole run %s s"
              % (solver["status"], tight.get("complete"), number(solver["objective"]),
                 number(solver.get("best_bound")), percent(solver.get("gap")), number(solver["seconds"], 2),
                 number(tight.get("wall_seconds"))))
        outcomes.append(("tight: complete plan within %g s (gap %s)" % (tight["time_limit"], percent(solver.get("gap"))),
                         bool(tight.get("complete")) and solver["seconds"] <= tight["time_limit"] + 1))
    else:
        outcomes.append(("tight: complete plan", False))

    print()
    print("## Generated instances (planner generate dataset --scale K, sample K times the default)")
    print("| scale | units | columns | rows | first plan s (greedy) | greedy unserved | GLPK status | complete "
          "| gap | GLPK s | whole run s | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for path in sorted(glob.glob(os.path.join(folder, "scaled-*.json")), key=lambda p: int(p.split("-")[-1][:-5])):
        scale = int(path.split("-")[-1][:-5])
        scaled = load(path) or {}
        first = load(os.path.join(folder, "first-plan-%d.json" % scale)) or {}
        solver = scaled.get("solver") or {}
        print("| %d× | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
              % (scale, first.get("units", "–"), solver.get("columns", "–"), solver.get("rows", "–"),
                 number(first.get("first_plan_seconds")), first.get("greedy_unserved", "–"),
                 solver.get("status", "–"), scaled.get("complete"), percent(solver.get("gap")),
                 number(solver.get("seconds")), number(scaled.get("wall_seconds")),
                 number(scaled.get("peak_memory_mb"))))
        if scale == 10:
            feasible_in_time = (first.get("greedy_unserved") == 0 and first.get("first_plan_seconds", 1e9) <= 120) \
                or (scaled.get("complete") and scaled.get("wall_seconds", 1e9) <= 120)
            gap = solver.get("gap")
            outcomes.append(("10×: complete plan within 120 s", bool(feasible_in_time)))
            outcomes.append(("10×: gap ≤ 3 %% after %g s (%s)" % (scaled.get("time_limit", 0), percent(gap)),
                             gap is not None and gap <= 0.03 and bool(scaled.get("complete"))))

    print()
    print("## Targets")
    for name, passed in outcomes:
        print("%s  %s" % (verdict(passed), name))


if __name__ == "__main__":
    main()
