#!/usr/bin/env bash
# Desktop UI test: the real app in an Xvfb window opens a scenario file or a built-in at
# a step, writes a screenshot (checked from its pixels) and its state as JSON (the same
# as the page's memsim.state()), which is checked here.
#   ui_test.sh PATH/TO/memsim-desktop SCENARIOS_DIR ARTIFACTS_DIR
set -euo pipefail
app="$1"; scenarios="$2"; out="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
passed=0; failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
field() { node -e "const s = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); console.log($2)" "$1"; }

run() { xvfb-run -a -s "-screen 0 1600x1000x24" "$app" --size 1600x1000 --frames 8 "$@"; }

rm -f "$out/desktop-belady.png" "$out/desktop-belady.json"
run --scenario "$scenarios/belady-fifo.msim" --step 12 --screenshot "$out/desktop-belady.png" --state "$out/desktop-belady.json"
[[ "$(field "$out/desktop-belady.json" 's.step + "/" + s.vm.faults')" == "12/9" ]] && ok "--scenario belady-fifo --step 12: 9 faults" || bad "belady state"
node "$here/../browser/png_check.mjs" "$out/desktop-belady.png" >/dev/null && ok "belady screenshot is drawn" || bad "belady screenshot"

rm -f "$out/desktop-stack.png" "$out/desktop-stack.json"
run --builtin recursion-overflow --step 4 --screenshot "$out/desktop-stack.png" --state "$out/desktop-stack.json"
[[ "$(field "$out/desktop-stack.json" 's.processes[0].stack.frames.length')" == "4" ]] && ok "--builtin recursion-overflow --step 4: four frames" || bad "stack state"
node "$here/../browser/png_check.mjs" "$out/desktop-stack.png" >/dev/null && ok "stack screenshot is drawn" || bad "stack screenshot"

rm -f "$out/desktop-heap.png"
run --builtin heap-mistakes --step 9 --screenshot "$out/desktop-heap.png"
node "$here/../browser/png_check.mjs" "$out/desktop-heap.png" >/dev/null && ok "heap screenshot is drawn" || bad "heap screenshot"

# The newer panels with content: Compare (policies side by side), the console's output,
# the free list's links. colour_count FILE R G B counts pixels of that meaning colour.
colour_count() { node --input-type=module -e "
import { readFileSync } from 'node:fs';
import { countColour } from '$here/../browser/png_check.mjs';
console.log(countColour(readFileSync(process.argv[1]), {x: 0, y: 0, width: 1e6, height: 1e6}, [+process.argv[2], +process.argv[3], +process.argv[4]]));
" "$@"; }

rm -f "$out/desktop-compare.png"
run --builtin belady-fifo --step 12 --screenshot "$out/desktop-compare.png"
node "$here/../browser/png_check.mjs" "$out/desktop-compare.png" >/dev/null && ok "compare screenshot is drawn" || bad "compare screenshot"
bars=$(colour_count "$out/desktop-compare.png" 213 94 0)
[[ $bars -gt 200 ]] && ok "the Compare panel draws fault bars ($bars px)" || bad "compare bars: $bars px"

rm -f "$out/desktop-console.png" "$out/desktop-console.json"
run --builtin factorial --step 1000000 --screenshot "$out/desktop-console.png" --state "$out/desktop-console.json"
node "$here/../browser/png_check.mjs" "$out/desktop-console.png" >/dev/null && ok "console screenshot is drawn" || bad "console screenshot"
[[ "$(field "$out/desktop-console.json" 's.output')" == "fact(4) = 24" ]] && ok "the program printed fact(4) = 24" || bad "console output"

rm -f "$out/desktop-free-list.png"
run --scenario "$here/../browser/free-list-links.msim" --step 7 --screenshot "$out/desktop-free-list.png"
node "$here/../browser/png_check.mjs" "$out/desktop-free-list.png" >/dev/null && ok "free-list screenshot is drawn" || bad "free-list screenshot"
links=$(colour_count "$out/desktop-free-list.png" 240 228 66)
[[ $links -gt 30 ]] && ok "the free list's links are drawn ($links px)" || bad "free-list links: $links px"

# A file that cannot be read is refused with exit code 2.
set +e
xvfb-run -a "$app" --scenario "$out/does-not-exist.msim" --frames 1 >/dev/null 2>&1; code=$?
set -e
[[ $code -eq 2 ]] && ok "an unreadable --scenario gives exit code 2" || bad "unreadable scenario gave exit code $code"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
