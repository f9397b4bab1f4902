#!/usr/bin/env python3
"""The samplics side of the sample-speed benchmark: the planner's household selection, end to end.

Usage: samplics_sample.py DATASET_FOLDER OUT_CSV RUNS

Each run, timed from reading to writing (interpreter start-up and imports are not timed, which favours
samplics): read households.csv and communes.csv with pandas, put each household in its stratum (district x
urban/rural, as the planner's `district_urban_rural`), allocate 10,000 proportionally by largest remainder,
draw n_h + 50 households per stratum by samplics' stratified SRS without replacement, mark n_h of them main
and the rest reserves in a random order, and write the selection as CSV. Prints one line per run and the
median in seconds.
"""
import statistics
import sys
import time
import warnings

warnings.filterwarnings("ignore")  # samplics' deprecation notices

import numpy as np
import pandas as pd
from samplics import SampleSelection, SelectMethod

TOTAL = 10_000
RESERVES = 50
SEED = 20231003


def allocate(sizes: pd.Series) -> dict:
    """Proportional allocation of TOTAL, rounded by largest remainder (ties by stratum label)."""
    exact = sizes / sizes.sum() * TOTAL
    floors = np.floor(exact).astype(int)
    left = TOTAL - int(floors.sum())
    order = sorted(sizes.index, key=lambda s: (-(exact[s] - floors[s]), s))
    for label in order[:left]:
        floors[label] += 1
    return {label: int(n) for label, n in floors.items()}


def run(folder: str, out: str) -> tuple:
    started = time.perf_counter()
    started_cpu = time.process_time()
    communes = pd.read_csv(f"{folder}/communes.csv", dtype={"district_code": str, "commune_code": str})
    households = pd.read_csv(f"{folder}/households.csv", dtype={"household_id": str, "commune_code": str})
    urban = communes["commune_type"].isin(["Phường", "Thị trấn"])
    communes["stratum"] = "HH-" + communes["district_code"] + np.where(urban, "-U", "-R")
    frame = households.merge(communes[["commune_code", "stratum"]], on="commune_code", how="inner")
    sizes = frame.groupby("stratum").size()
    main = allocate(sizes)
    wanted = {label: min(n + RESERVES, int(sizes[label])) for label, n in main.items()}

    np.random.seed(SEED)  # samplics draws from numpy's global generator
    selection = SampleSelection(method=SelectMethod.srs_wor, strat=True, wr=False)
    selected, _, probabilities = selection.select(
        samp_unit=frame["household_id"].to_numpy(), samp_size=wanted, stratum=frame["stratum"].to_numpy())
    chosen = frame.loc[selected, ["household_id", "stratum", "commune_code", "address"]].copy()
    chosen["order"] = np.random.permutation(len(chosen))
    chosen = chosen.sort_values(["stratum", "order"])
    rank = chosen.groupby("stratum").cumcount()
    chosen["role"] = np.where(rank < chosen["stratum"].map(main), "main", "reserve")
    chosen["inclusion_probability"] = chosen["stratum"].map(main) / chosen["stratum"].map(sizes)
    chosen["design_weight"] = 1 / chosen["inclusion_probability"]
    chosen.drop(columns="order").to_csv(out, index=False)
    assert (chosen["role"] == "main").sum() == TOTAL
    return time.perf_counter() - started, time.process_time() - started_cpu


def main() -> None:
    folder, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    times, cpu_times = [], []
    for index in range(runs):
        seconds, cpu_seconds = run(folder, out)
        times.append(seconds)
        cpu_times.append(cpu_seconds)
        print(f"samplics run {index + 1}: {seconds:.3f} s wall, {cpu_seconds:.3f} s CPU", flush=True)
    print(f"samplics median: {statistics.median(times):.3f} s, CPU {statistics.median(cpu_times):.3f} s")


if __name__ == "__main__":
    main()
