#!/usr/bin/env bash
# Re-plan of a generated instance K times the default (issue 10, "fast at scale"): plans it, records the first two
# working days as done, and re-plans as of the 3rd working day (5 Oct 2023) with every second enumerator (by ID)
# unavailable from that day. Prints the wall time, peak RSS and status of the plan and of the re-plan (GNU time).
# K = 0 takes the embedded default dataset (Inputs/soc-trang-2023) as it is. DROPPED=3of5 drops three of every
# five enumerators instead (the 2nd, 3rd and 4th of each five by ID: 60 %).
# Not run by CI; figures in docs/model.md ("Re-plans at scale") and docs/replanning.md.
#
#   benchmarks/fieldwork/scaled_replan.sh PLANNER K OUT [TIME_LIMIT]     # e.g. .build/release/planner 10 /tmp/x10 60
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PLANNER=$1
SCALE=$2
OUT=$3
LIMIT=${4:-60}
AS_OF=2023-10-05
# Runs longer than this are stopped and reported as such.
CAP_SECONDS=${SCALED_REPLAN_CAP:-600}

mkdir -p "$OUT"
if [ ! -d "$OUT/data" ] && [ "$SCALE" = 0 ]; then
    cp -r "$ROOT/Inputs/soc-trang-2023" "$OUT/data"
elif [ ! -d "$OUT/data" ]; then
    "$PLANNER" generate dataset "$ROOT/Inputs/soc-trang-2023" --scale "$SCALE" --out "$OUT/data" > /dev/null
    python3 "$HERE/scale_survey.py" "$OUT/data" "$SCALE"
fi

timed() {  # timed NAME COMMAND…: GNU time's figures and the exit status of COMMAND, stopped after CAP_SECONDS
    local name=$1
    shift
    local status=0
    timeout --signal=KILL "$CAP_SECONDS" /usr/bin/time -v "$@" > "$OUT/$name.log" 2>&1 || status=$?
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$OUT/$name.log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/$name.log")
    if [ "$status" = 137 ]; then
        echo "$name: stopped after ${CAP_SECONDS} s"
    else
        echo "$name: exit $status, wall ${wall:-?}, peak RSS $(( ${rss:-0} / 1024 )) MB"
    fi
    if [ -f "$OUT/$name/manifest.json" ]; then
        python3 - "$OUT/$name/manifest.json" <<'EOF'
import json, sys
manifest = json.load(open(sys.argv[1], encoding="utf-8"))
solver = manifest.get("solver", {})
keys = ["status", "objective", "best_bound", "gap", "seconds", "source", "columns", "stopped_by_time_limit"]
print("  complete: %s; solver: %s" % (manifest.get("complete"),
      ", ".join("%s=%s" % (key, solver[key]) for key in keys if key in solver)))
EOF
    fi
}

if [ ! -f "$OUT/plan/manifest.json" ]; then
    rm -rf "$OUT/plan"
    timed plan "$PLANNER" plan "$OUT/data" --out "$OUT/plan" --time-limit "$LIMIT" --quiet
fi
rm -f "$OUT/progress.csv" "$OUT/unavailable.csv"
"$PLANNER" progress-template "$OUT/plan" --out "$OUT/progress-empty.csv" --until "$AS_OF" > /dev/null
python3 - "$OUT" "$AS_OF" "${DROPPED:-half}" <<'EOF'
import csv, sys
out, as_of, dropped = sys.argv[1:4]
with open(out + "/progress-empty.csv", newline="", encoding="utf-8") as source, \
        open(out + "/progress.csv", "w", newline="", encoding="utf-8") as target:
    rows = csv.DictReader(source)
    writer = csv.DictWriter(target, fieldnames=rows.fieldnames)
    writer.writeheader()
    for row in rows:
        row["status"] = "completed"
        writer.writerow(row)
with open(out + "/data/enumerators.csv", newline="", encoding="utf-8") as source:
    ids = sorted(row["enumerator_id"] for row in csv.DictReader(source))
with open(out + "/unavailable.csv", "w", newline="", encoding="utf-8") as target:
    target.write("enumerator_id,from,to,reason\n")
    leaving = ids[1::2] if dropped == "half" else [e for i, e in enumerate(ids) if i % 5 in (1, 2, 3)]
    for enumerator in leaving:
        target.write("%s,%s,,dropped out\n" % (enumerator, as_of))
EOF
rm -f "$OUT/progress-empty.csv"
rm -rf "$OUT/replan"
timed replan "$PLANNER" replan "$OUT/plan" --as-of "$AS_OF" --progress "$OUT/progress.csv" \
    --unavailable "$OUT/unavailable.csv" --out "$OUT/replan" --time-limit "$LIMIT" --quiet
