#!/usr/bin/env bash
# The listing-scale benchmark (issue 15): what a 5,000,000-household listing adds to `planner sample` and to
# `planner plan` on the default dataset, against the same commands without a listing. Not run by CI or the tests.
# See benchmarks/README.md.
#
# Usage: benchmarks/listing-scale/run.sh            (from anywhere; RUNS=3 by default)
# Environment: RUNS (timed runs per command), TIME_LIMIT (plan's --time-limit, default 10 s, so that the solve
# costs the same with and without the listing), WORK (scratch folder, default .build/listing-scale: ignored by
# git; the generated 384 MB listing is kept there between runs), PLANNER (the binary, default the release build).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-3}"
TIME_LIMIT="${TIME_LIMIT:-10}"
WORK="${WORK:-$ROOT/.build/listing-scale}"
PLANNER="${PLANNER:-$ROOT/.build/release/planner}"
DEFAULT="$ROOT/Inputs/soc-trang-2023"
LISTED="$WORK/dataset-5m"

mkdir -p "$WORK"
if [ "$PLANNER" = "$ROOT/.build/release/planner" ]; then
    echo "== Building planner (release)"
    (cd "$ROOT" && swift build -c release --product planner)
fi

if [ ! -f "$LISTED/households.csv" ]; then
    echo "== Dataset: the default dataset with 5,000,000 generated households ($LISTED)"
    rm -rf "$LISTED"
    cp -r "$DEFAULT" "$LISTED"
    "$PLANNER" generate households "$LISTED" --out "$LISTED/households.csv" --total 5000000 --seed 7
fi

# CPU time (user + system) is the figure to compare on a shared machine; wall time moves with other work.
measure() {
    local label="$1"; shift
    for run in $(seq "$RUNS"); do
        rm -rf "$WORK/out"
        /usr/bin/time -f "$label run $run: %e s wall, %U s user + %S s system, %M KB peak" "$@" --out "$WORK/out" \
            2> "$WORK/stderr" > /dev/null || { cat "$WORK/stderr"; exit 1; }
        tail -1 "$WORK/stderr"
        grep -E "Rendering the plan's files: done" "$WORK/stderr" | sed 's/^/    /' || true
    done
}

measure "sample, no listing " "$PLANNER" sample "$DEFAULT" --seed 1
measure "sample, 5M listing " "$PLANNER" sample "$LISTED" --seed 1
measure "plan, no listing   " "$PLANNER" plan "$DEFAULT" --seed 1 --time-limit "$TIME_LIMIT"
measure "plan, 5M listing   " "$PLANNER" plan "$LISTED" --seed 1 --time-limit "$TIME_LIMIT"
rm -rf "$WORK/out"
