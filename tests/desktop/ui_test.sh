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

# A file that cannot be read is refused with exit code 2.
set +e
xvfb-run -a "$app" --scenario "$out/does-not-exist.msim" --frames 1 >/dev/null 2>&1; code=$?
set -e
[[ $code -eq 2 ]] && ok "an unreadable --scenario gives exit code 2" || bad "unreadable scenario gave exit code $code"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
