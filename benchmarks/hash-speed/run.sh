#!/usr/bin/env bash
# The hashing benchmark: PlannerFormats' SHA-256 alone on a 1,000,000-household listing (76 MB), streamed from
# the file and from memory. Not run by CI or the tests. See benchmarks/README.md.
#
# Usage: benchmarks/hash-speed/run.sh            (from anywhere; RUNS=7 by default)
# Environment: RUNS, WORK (scratch folder, default .build/hash-speed: ignored by git; the listing is kept there).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/benchmarks/hash-speed"
RUNS="${RUNS:-7}"
WORK="${WORK:-$ROOT/.build/hash-speed}"
LISTING="$WORK/households.csv"

mkdir -p "$WORK"
if [ ! -f "$LISTING" ]; then
    echo "== Building planner and generating 1,000,000 households ($LISTING)"
    (cd "$ROOT" && swift build --product planner)
    "$ROOT/.build/debug/planner" generate households "$ROOT/Inputs/soc-trang-2023" --out "$LISTING" --total 1000000
fi

echo "== Building hash-bench (release)"
(cd "$HERE" && swift build -c release --product hash-bench)

echo "== SHA-256 of the listing, $RUNS runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
"$HERE/.build/release/hash-bench" "$LISTING" "$RUNS"
