#!/usr/bin/env bash
# Sets up, builds the web app and serves it on http://127.0.0.1:8080/ (PORT overrides).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/tools/setup.sh"
"$root/tools/build.sh" web
exec node "$root/tools/static_server.mjs" "$root/build/web/web-dist" "${PORT:-8080}" 127.0.0.1
