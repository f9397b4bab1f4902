#!/usr/bin/env python3
"""Solve an exported fieldwork model with HiGHS and CBC and print one JSON line per solver (benchmark helper).

usage: peer_solvers.py MODEL.mps TIME_LIMIT_SECONDS
Run it with a Python that has `highspy` (run.sh makes a venv); CBC is the `cbc` command (Debian coinor-cbc).
A solver that is missing prints a line with "status": "missing".

GLPK's MPS files carry what the format cannot say as comments (GLPKSolver+ModelFiles.swift): a maximisation is
written as minimising the negated objective, and an objective constant C is the RHS of the objective row, which
GLPK reads as +C but CPLEX-style readers (HiGHS, CBC) read as −C. Both are undone here, so every objective and
bound printed is that of the model as the planner built it (its manifest's `objective` and `best_bound`).
Each solver gets one thread, like GLPK.
"""
import json
import re
import shutil
import subprocess
import sys
import time


def model_conventions(path):
    """(maximises, objective constant) from the comment lines GLPKSolver writes above GLPK's own."""
    maximises, constant = False, 0.0
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.startswith("*"):
                break
            if "Model maximises" in line:
                maximises = True
            found = re.search(r"Objective constant (\S+) is the RHS", line)
            if found:
                constant = float(found.group(1))
    return maximises, constant


def as_built(value, maximises, constant):
    """A value as read by a CPLEX-style reader, turned back into the planner's objective."""
    if value is None:
        return None
    value += 2 * constant          # the reader took −C where GLPK meant +C
    return -value if maximises else value


def run_highs(path, limit):
    try:
        import highspy
    except ImportError:
        return {"solver": "HiGHS", "status": "missing"}
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", float(limit))
    highs.setOptionValue("threads", 1)
    highs.readModel(path)
    started = time.time()
    highs.run()
    seconds = time.time() - started
    info = highs.getInfo()
    status = highs.modelStatusToString(highs.getModelStatus())
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    return {"solver": "HiGHS " + highs.version(), "status": status, "seconds": round(seconds, 2),
            "objective": info.objective_function_value if has_solution else None,
            "bound": info.mip_dual_bound}


def run_cbc(path, limit):
    cbc = shutil.which("cbc")
    if cbc is None:
        return {"solver": "CBC", "status": "missing"}
    started = time.time()
    process = subprocess.run([cbc, path, "sec", str(limit), "threads", "1", "solve"],
                             capture_output=True, text=True)
    seconds = time.time() - started
    out = process.stdout

    def last(pattern):
        found = re.findall(pattern, out)
        return float(found[-1]) if found else None

    version = re.search(r"Version:\s*(\S+)", out)
    objective = last(r"Objective value:\s+([-+0-9.eE]+)")
    status = ("optimal" if "Optimal solution found" in out else
              "time limit" if "Stopped on time" in out else
              "infeasible" if "infeasible" in out.lower() else "other")
    if status == "time limit" and "No feasible solution found" in out:
        objective = None
    bound = last(r"Lower bound:\s+([-+0-9.eE]+)")
    if status == "optimal" and bound is None:
        bound = objective
    return {"solver": "CBC " + (version.group(1) if version else ""), "status": status,
            "seconds": round(seconds, 2), "objective": objective, "bound": bound}


def main():
    path, limit = sys.argv[1], float(sys.argv[2])
    maximises, constant = model_conventions(path)
    for run in (run_highs, run_cbc):
        result = run(path, limit)
        for key in ("objective", "bound"):
            if key in result:
                result[key] = as_built(result[key], maximises, constant)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
