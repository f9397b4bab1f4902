#!/bin/sh
# Renders a plan's summary.html and one route sheet with headless Chromium, fails on any console error, and
# writes the PNGs the guides show into docs/images/.
#
#   scripts/screenshots.sh            # plan the default dataset with .build/debug/planner, render, check
#   PLANNER=.build/release/planner CHROMIUM=/usr/bin/chromium scripts/screenshots.sh
#
# Needs Debian's chromium (apt-get install -y chromium) or chromium-headless-shell. Without either it says so
# and exits 0, so CI (which installs neither) is not failed by it. Exits 1 when a page logs a console error or
# an uncaught exception, or when a screenshot is missing.
set -eu
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-headless-shell || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
    echo "screenshots: no chromium found (apt-get install -y chromium); skipped" >&2
    exit 0
fi
PLANNER=${PLANNER:-.build/debug/planner}
if [ ! -x "$PLANNER" ]; then
    swift build --product planner
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
"$PLANNER" plan --out "$work/plan" --quiet
route=$(find "$work/plan/routes" -name '*.html' | LC_ALL=C sort | head -n 1)

failed=0
# render NAME URL WIDTH HEIGHT: screenshot to docs/images/NAME.png, console messages checked.
render() {
    log="$work/$1.log"
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --enable-logging=stderr --v=0 --window-size="$3,$4" --virtual-time-budget=5000 \
        --screenshot="$work/$1.png" "$2" >"$log" 2>&1 || true
    if grep -E "Uncaught|:CONSOLE[:(]" "$log" >/dev/null; then
        echo "screenshots: $1 logged console errors:" >&2
        grep -E "Uncaught|:CONSOLE[:(]" "$log" >&2
        failed=1
    fi
    if [ ! -s "$work/$1.png" ]; then
        echo "screenshots: $1: no screenshot written" >&2
        sed -n '1,20p' "$log" >&2
        failed=1
        return
    fi
    cp "$work/$1.png" "docs/images/$1.png"
    echo "docs/images/$1.png: $(wc -c <"docs/images/$1.png") bytes"
}

# only SECTION: a copy of summary.html showing one section (a screenshot cannot scroll to an anchor).
only() {
    sed "s|</head>|<style>body > *:not(#$1) { display: none !important; }</style></head>|" \
        "$work/plan/summary.html" >"$work/plan/summary-$1.html"
    echo "file://$work/plan/summary-$1.html"
}

render summary "file://$work/plan/summary.html" 900 1300
render summary-map "$(only map)" 900 1000
render summary-calendar "$(only calendar)" 900 1000
render summary-workload "$(only workload)" 900 1250
render route-sheet "file://$route" 900 1100
exit "$failed"
