#!/usr/bin/env bash
# Regenerates tests/golden/*.txt from the release CLI. Review `git diff tests/golden`
# before committing: a golden file is only as good as its reading.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
memsim="$root/build/release/engine/memsim"
[[ -x "$memsim" ]] || { echo "build the release preset first (tools/build.sh release)"; exit 2; }
for scenario in "$root"/scenarios/*.msim; do
  name="$(basename "$scenario" .msim)"
  "$memsim" run "$scenario" --events > "$root/tests/golden/$name.txt"
  echo "updated tests/golden/$name.txt"
done
