#!/usr/bin/env bash
# The sample-speed benchmark: `planner sample` on 1,000,000 listed households in 22 strata, and samplics doing
# the same stratified selection on the same CSV, in one run. Not run by CI or the tests. See benchmarks/README.md.
#
# Usage: benchmarks/sample-speed/run.sh            (from anywhere; RUNS=5 by default)
# Environment: RUNS (timed runs per tool), WORK (scratch folder, default .build/sample-speed: ignored by git;
# the generated data and the Python virtual environment are kept there between runs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/benchmarks/sample-speed"
RUNS="${RUNS:-5}"
WORK="${WORK:-$ROOT/.build/sample-speed}"
DATASET="$WORK/dataset"
PLANNER="$ROOT/.build/release/planner"
TIME_LIMIT_SECONDS=1.0
MEMORY_LIMIT_KB=$((400 * 1024))
MINIMUM_RATIO=10

mkdir -p "$WORK"
if [ ! -x /usr/bin/time ]; then
    echo "Installing GNU time…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
fi

echo "== Building planner (release)"
(cd "$ROOT" && swift build -c release --product planner)

echo "== Dataset: default dataset, 1,000,000 generated households, one-stage survey.toml ($DATASET)"
if [ ! -f "$DATASET/households.csv" ]; then
    rm -rf "$DATASET"
    mkdir -p "$DATASET"
    cp "$ROOT"/Inputs/soc-trang-2023/*.csv "$DATASET"/
    python3 "$HERE/make_survey.py" "$ROOT/Inputs/soc-trang-2023/survey.toml" "$DATASET/survey.toml"
    "$PLANNER" generate households "$DATASET" --out "$DATASET/households.csv" --total 1000000
fi

echo "== planner sample, $RUNS runs"
planner_times=()
planner_cpu_times=()
planner_peak_kb=0
for run in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/plan"
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$PLANNER" sample "$DATASET" --out "$WORK/plan" >/dev/null
    read -r seconds kilobytes user system < "$WORK/time.txt"
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    echo "planner run $run: $seconds s wall, $cpu s CPU (both threads), peak RSS $((kilobytes / 1024)) MB"
    planner_times+=("$seconds")
    planner_cpu_times+=("$cpu")
    if [ "$kilobytes" -gt "$planner_peak_kb" ]; then planner_peak_kb=$kilobytes; fi
done
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
planner_median=$(printf '%s\n' "${planner_times[@]}" | median)
planner_cpu_median=$(printf '%s\n' "${planner_cpu_times[@]}" | median)

echo "== samplics (virtual environment in $WORK/venv), $RUNS runs"
if [ ! -x "$WORK/venv/bin/python" ]; then
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install --quiet --upgrade pip
    "$WORK/venv/bin/pip" install --quiet samplics pandas
fi
"$WORK/venv/bin/python" "$HERE/samplics_sample.py" "$DATASET" "$WORK/samplics-sample.csv" "$RUNS" | tee "$WORK/samplics.txt"
samplics_median=$(awk '/^samplics median:/ { print $3 }' "$WORK/samplics.txt")
samplics_cpu_median=$(awk '/^samplics median:/ { print $6 }' "$WORK/samplics.txt")

# The same script timed as a command, like the planner: interpreter start-up and imports included, as the
# planner's own process start-up is. Both ratios are printed; the target is judged command against command.
echo "== samplics as a command, $RUNS runs"
samplics_command_times=()
for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "%e" -o "$WORK/time.txt" "$WORK/venv/bin/python" "$HERE/samplics_sample.py" "$DATASET" \
        "$WORK/samplics-sample.csv" 1 >/dev/null
    seconds=$(cat "$WORK/time.txt")
    echo "samplics command run $run: $seconds s wall"
    samplics_command_times+=("$seconds")
done
samplics_command_median=$(printf '%s\n' "${samplics_command_times[@]}" | median)

ratio=$(awk -v s="$samplics_command_median" -v p="$planner_median" 'BEGIN { printf "%.1f", s / p }')
inner_ratio=$(awk -v s="$samplics_median" -v p="$planner_median" 'BEGIN { printf "%.1f", s / p }')
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo FAIL; fi; }
time_ok=$(awk -v p="$planner_median" -v l="$TIME_LIMIT_SECONDS" 'BEGIN { print (p <= l) ? 1 : 0 }')
memory_ok=$(( planner_peak_kb < MEMORY_LIMIT_KB ? 1 : 0 ))
ratio_ok=$(awk -v r="$ratio" -v m="$MINIMUM_RATIO" 'BEGIN { print (r >= m) ? 1 : 0 }')

echo
echo "== Results ($(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the end)"
echo "planner sample median: $planner_median s   [target ≤ $TIME_LIMIT_SECONDS s: $(verdict "$time_ok")]"
echo "planner peak RSS:      $((planner_peak_kb / 1024)) MB   [target < 400 MB: $(verdict "$memory_ok")]"
echo "planner CPU median:    $planner_cpu_median s (user + system, both threads)"
echo "samplics median:       $samplics_command_median s as a command; $samplics_median s from first read to last write (CPU $samplics_cpu_median s)"
echo "ratio samplics/planner: $ratio× command against command   [target ≥ $MINIMUM_RATIO×: $(verdict "$ratio_ok")]"
echo "                        $inner_ratio× against samplics' in-process time (start-up and imports left out)"
echo "CPU-time ratio:         $(awk -v s="$samplics_cpu_median" -v p="$planner_cpu_median" 'BEGIN { printf "%.1f", s / p }')× (less sensitive to a busy machine)"
