#!/bin/sh
# Renders every kind of document a plan holds with headless Chromium — at 1366 px, at 390 px (a phone) and
# printed to A4 PDF — checks them, and writes the PNGs the guides show into docs/images/.
#
#   scripts/screenshots.sh            # plan the default dataset with .build/debug/planner, render, check
#   PLANNER=.build/release/planner CHROMIUM=/usr/bin/chromium scripts/screenshots.sh
#   PLAN=Plans/soc-trang-2023-seed-20231003 scripts/screenshots.sh   # check an existing plan folder (a copy)
#
# Documents: summary.html, a route sheet, a post office's daily bundle, a post-office summary, a commune notice,
# a zone notice. Fails (exit 1) when a page logs a console error or an uncaught exception, when a heading's
# glyphs are clipped (its ink rises above its box: scripts/layout-check.js), when a page scrolls sideways at
# 390 px, or when a route sheet of up to 15 visits prints on more than one A4 page. The 15-visit sheets come
# from a second plan of the default dataset with shorter interviews (15 min, moves 5 min), since the real one
# has at most 12 visits a day.
#
# Needs Debian's chromium (apt-get install -y chromium fonts-noto-core poppler-utils). Without chromium it says
# so and exits 0, so CI (which installs neither) is not failed by it; it is run by hand, never by `make test`.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-headless-shell || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
    echo "screenshots: no chromium found (apt-get install -y chromium); skipped" >&2
    exit 0
fi
if ! command -v pdfinfo >/dev/null; then
    echo "screenshots: pdfinfo not found (apt-get install -y poppler-utils)" >&2
    exit 1
fi
PLANNER=${PLANNER:-.build/debug/planner}
if [ ! -x "$PLANNER" ]; then
    swift build --product planner
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
if [ -n "${PLAN:-}" ]; then
    cp -R "$PLAN" "$work/plan"
else
    "$PLANNER" plan --out "$work/plan" --quiet
fi
plan="$work/plan"

failed=0
fail() {
    echo "screenshots: $*" >&2
    failed=1
}

chromium() {
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --enable-logging=stderr \
        --v=0 "$@"
}

# console LOG NAME: fails on console errors and uncaught exceptions logged while rendering NAME.
console() {
    if grep -E "Uncaught|:CONSOLE[:(]" "$1" >/dev/null; then
        fail "$2 logged console errors:"
        grep -E "Uncaught|:CONSOLE[:(]" "$1" >&2
    fi
}

# frame FILE WIDTH HEIGHT: a page beside FILE showing FILE in a WIDTH × HEIGHT frame (Chromium's headless window is
# never narrower than 500 px: a phone's 390 px are a frame), with the result of layout-check.js copied out of it.
frame() {
    harness="$(dirname "$1")/layout-frame.html"
    cat >"$harness" <<EOF
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe src="$(basename "$1")" style="border:0;display:block;width:$2px;height:$3px"></iframe>
<script>addEventListener('message', function (event) {
  if (typeof event.data !== 'string' || event.data.indexOf('layout-check:') !== 0) { return; }
  var out = document.createElement('pre'); out.id = 'layout-check'; out.textContent = event.data.slice(13);
  document.body.appendChild(out);
});</script></body></html>
EOF
    echo "$harness"
}

# shot NAME FILE WIDTH HEIGHT: a screenshot of FILE at WIDTH × HEIGHT to docs/images/NAME.png.
shot() {
    harness=$(frame "$2" "$3" "$4")
    chromium --window-size="$3,$4" --virtual-time-budget=5000 --screenshot="$work/$1.png" "file://$harness" \
        >"$work/$1.log" 2>&1 || true
    rm -f "$harness"
    console "$work/$1.log" "$1"
    if [ ! -s "$work/$1.png" ]; then
        fail "$1: no screenshot written"
        sed -n '1,20p' "$work/$1.log" >&2
        return
    fi
    cp "$work/$1.png" "docs/images/$1.png"
    echo "docs/images/$1.png: $(wc -c <"docs/images/$1.png") bytes"
}

# check NAME FILE WIDTH: the layout checks of scripts/layout-check.js on a copy of FILE, shown WIDTH px wide.
check() {
    copy="${2%.html}.layout-check.html"
    cp scripts/layout-check.js "$(dirname "$2")/layout-check.js"
    sed 's|</body>|<script src="layout-check.js"></script></body>|' "$2" >"$copy"
    harness=$(frame "$copy" "$3" 900)
    chromium --window-size="$3,900" --virtual-time-budget=5000 --dump-dom "file://$harness" >"$work/dom.html" \
        2>"$work/$1-$3.log" || true
    console "$work/$1-$3.log" "$1 at $3 px"
    result=$(sed -n '/<pre id="layout-check">/,/<\/pre>/p' "$work/dom.html" | sed 's/<[^>]*>//g')
    rm -f "$copy" "$harness" "$(dirname "$2")/layout-check.js"
    if [ "$result" != "ok" ]; then
        fail "$1 at $3 px: ${result:-no result from layout-check.js}"
    fi
}

# pages FILE: the number of A4 pages FILE prints on.
pages() {
    chromium --no-pdf-header-footer --virtual-time-budget=5000 --print-to-pdf="$work/print.pdf" "file://$1" \
        >/dev/null 2>&1 || true
    pdfinfo "$work/print.pdf" 2>/dev/null | sed -n 's/^Pages: *//p'
}

# visits SHEET: the visits of a route sheet (rows of its CSV).
visits() {
    echo $(($(wc -l <"${1%.html}.csv") - 1))
}

# The longest route sheet of the plan and its post office's bundle of that day.
route=$(for sheet in "$plan"/routes/*/*.html; do echo "$(visits "$sheet") $sheet"; done | sort -k1,1nr -k2 |
    head -n 1 | cut -d' ' -f2)
day=$(basename "$(dirname "$route")")
for summary in "$plan"/post-offices/*.html; do
    if grep -q "routes/$day/$(basename "$route")" "$summary"; then
        office=$(basename "$summary")
        post_office=$summary
    fi
done
bundle="$plan/bundles/$day/$office"
commune_notice=$(find "$plan/notices/communes" -name '*.html' | LC_ALL=C sort | head -n 1)
zone_notice=$(find "$plan/notices/zones" -name '*.html' | LC_ALL=C sort | head -n 1)

for document in "summary $plan/summary.html" "route-sheet $route" "bundle $bundle" "post-office $post_office" \
    "notice-commune $commune_notice" "notice-zone $zone_notice"; do
    name=${document%% *}
    file=${document#* }
    if [ ! -f "$file" ]; then
        fail "$name: no such file in the plan ($file)"
        continue
    fi
    check "$name" "$file" 1366
    check "$name" "$file" 390
    echo "$name: $(pages "$file") A4 page(s) printed"
    cp "$work/print.pdf" "$work/$name.pdf"
done

# Screenshots for the guides: desktop width, phone width, and sections of the summary.
shot summary "$plan/summary.html" 1366 1300
shot summary-phone "$plan/summary.html" 390 1400
shot route-sheet "$route" 1366 1100
shot route-sheet-phone "$route" 390 1400
shot bundle "$bundle" 1366 1100
shot notice-commune "$commune_notice" 1366 1300
only() {
    sed "s|</head>|<style>body > *:not(#$1) { display: none !important; }</style></head>|" \
        "$plan/summary.html" >"$plan/summary-$1.html"
    echo "$plan/summary-$1.html"
}
shot summary-map "$(only map)" 1000 1000
shot summary-calendar "$(only calendar)" 1000 1000
shot summary-workload "$(only workload)" 1000 1250

# Route sheets of up to 15 visits print on one A4 page: from a plan with shorter interviews.
mkdir "$work/dense"
cp Inputs/soc-trang-2023/*.csv Inputs/soc-trang-2023/*.toml "$work/dense/"
sed -i -e 's/^household_interview_minutes = .*/household_interview_minutes = 15/' \
    -e 's/^within_commune_move_minutes = .*/within_commune_move_minutes = 5/' "$work/dense/survey.toml"
"$PLANNER" plan "$work/dense" --out "$work/dense-plan" --quiet || [ $? -eq 3 ]
# The fullest sheets first: most visits, then the most bytes of HTML (two sites, reserve lists, long names), since
# a day of fewer visits can still print longer than another.
checked=0
for entry in $(for sheet in "$work"/dense-plan/routes/*/*.html; do
    echo "$(visits "$sheet"):$(wc -c <"$sheet"):$sheet"; done | sort -t: -k1,1nr -k2,2nr | awk -F: '$1 <= 15' |
    head -n 8); do
    count=${entry%%:*}
    sheet=${entry#*:*:}
    printed=$(pages "$sheet")
    echo "a sheet of $count visits ($(basename "$(dirname "$sheet")")/$(basename "$sheet")): $printed page(s)"
    [ "$printed" = 1 ] || fail "a route sheet of $count visits prints on $printed pages (at most 15 visits must fit one)"
    checked=$((checked + 1))
done
largest=$(for sheet in "$work"/dense-plan/routes/*/*.html; do visits "$sheet"; done | sort -n | tail -n 1)
[ "$checked" -gt 0 ] || fail "no route sheet of up to 15 visits to print"
echo "the longest sheet of the dense plan has $largest visits"
exit "$failed"
