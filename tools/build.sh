#!/usr/bin/env bash
# Configures and builds one or more CMake presets (debug, release, web).
#   tools/build.sh web release
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer needs Debian's acorn
for preset in "$@"; do
  echo "== build: $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
done
