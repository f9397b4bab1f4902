#!/usr/bin/env bash
# Fuzzes the readers of every input with libFuzzer for a bounded time each — the CSV reader, the TOML/survey.toml
# reader, the dataset validation, progress files, manifest.json, the other plan files and the Survey Solutions and
# SurveyCTO exports of `planner progress import` — then prints
# executions and crashes per target.
#
#   benchmarks/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET ...]      (default: 60 s; every target)
#
# Seeds are in corpus/<kind>/ (committed, with every input that ever crashed a target); the growing working
# corpus goes to .build/fuzz-corpus/ and crashing inputs to artifacts/<target>/. Exits 1 if any target crashed.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzCSV FuzzTOML FuzzDataset FuzzProgress FuzzManifest FuzzPlanFiles
                                   FuzzSurveySolutions FuzzSurveyCTO)

export SWIFT_BACKTRACE=enable=no   # let libFuzzer and ASan report crashes, not Swift's backtracer
export ASAN_OPTIONS=detect_leaks=0    # Swift runtime caches and the harness's scratch copy are not leaks
export FUZZ_DATASET="$PWD/../../Tests/PlannerFormatsTests/Fixtures/valid"
# FuzzProgress reads progress files against a real re-plan of the default dataset: context/replan holds its
# sample.csv, releases.csv and assignments.csv (with the recorded history), cut down to a few communes. The
# import targets check the exports' visits against the same plan's units and enumerators.
export FUZZ_PLAN="$PWD/context/replan"
export FUZZ_DEFAULT_DATASET="$PWD/../../Inputs/soc-trang-2023"

declare -A kind=([FuzzCSV]=csv [FuzzTOML]=toml [FuzzDataset]=dataset [FuzzProgress]=progress
                 [FuzzManifest]=manifest [FuzzPlanFiles]=plan-files [FuzzSurveySolutions]=survey-solutions
                 [FuzzSurveyCTO]=surveycto)
declare -A dictionary=([FuzzCSV]=csv [FuzzTOML]=toml [FuzzDataset]=csv [FuzzProgress]=progress
                       [FuzzManifest]=json [FuzzPlanFiles]=csv [FuzzSurveySolutions]=import [FuzzSurveyCTO]=import)

summary=()
failed=0
for target in "${targets[@]}"; do
    echo "== building $target" >&2
    swift build -c debug -Xswiftc -sanitize=fuzzer,address --product "$target" 2>&1 \
        | grep -v "Cannot export local symbol" | tail -3 >&2
    binary="$(swift build -c debug -Xswiftc -sanitize=fuzzer,address --show-bin-path)/$target"
    work=".build/fuzz-corpus/$target"
    artifacts="artifacts/$target"
    mkdir -p "$work" "$artifacts"
    before=$(find "$artifacts" -type f | wc -l)
    log=".build/fuzz-$target.log"
    echo "== fuzzing $target for $seconds s (log: benchmarks/fuzz/$log)" >&2
    set +e
    "$binary" -max_total_time="$seconds" -print_final_stats=1 -max_len=8192 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
        -dict="dictionaries/${dictionary[$target]}.dict" -artifact_prefix="$artifacts/" \
        "$work" "corpus/${kind[$target]}" >"$log" 2>&1
    status=$?
    set -e
    executions=$(grep -o 'stat::number_of_executed_units:[[:space:]]*[0-9]*' "$log" | awk '{print $2}' | tail -1)
    speed=$(grep -o 'stat::average_exec_per_sec:[[:space:]]*[0-9]*' "$log" | awk '{print $2}' | tail -1)
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
    if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes="? (exit $status)"; fi
    [ "$status" -ne 0 ] && failed=1
    summary+=("$(printf '%-12s %12s executions %8s exec/s  coverage %6s  crashes %s' "$target" \
        "${executions:-?}" "${speed:-?}" "${coverage:-?}" "$crashes")")
    if [ "$status" -ne 0 ]; then
        grep -E "Fatal error|ERROR: |SUMMARY" "$log" | head -5 >&2 || true
        echo "   crashing inputs: benchmarks/fuzz/$artifacts/" >&2
    fi
done
echo
printf '%s\n' "${summary[@]}"
exit "$failed"
