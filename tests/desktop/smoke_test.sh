#!/usr/bin/env bash
# Desktop smoke test: runs the real app in an Xvfb window for a few frames, writes a
# screenshot and checks from its pixels that ImGui drew the UI.
#   smoke_test.sh PATH/TO/memsim-desktop OUT.png
set -euo pipefail
app="$1"; out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rm -f "$out"
xvfb-run -a -s "-screen 0 1280x800x24" "$app" --frames 10 --screenshot "$out"
[[ -s "$out" ]] || { echo "FAIL no screenshot written"; exit 1; }
node "$here/../browser/png_check.mjs" "$out"
# Bad options are refused with exit code 2 and a message, not a crash.
set +e
"$app" --frames zero >/dev/null 2>&1; code=$?
set -e
[[ $code -eq 2 ]] || { echo "FAIL --frames zero gave exit code $code, expected 2"; exit 1; }
echo "2 passed, 0 failed"
