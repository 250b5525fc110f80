#!/usr/bin/env bash
# Installs everything memsim's build and tests need on a fresh Debian 12 machine.
# Idempotent: when everything is present it only checks and returns in a second or two.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

debian_packages=(
  cmake ninja-build g++ clang-14 libclang-rt-14-dev lld-14
  emscripten node-acorn
  libglfw3-dev libgl-dev libgl1-mesa-dri
  catch2 libexpected-dev nlohmann-json3-dev libtomlplusplus-dev libstb-dev
  fonts-roboto-unhinted fonts-noto-mono
  xvfb xauth chromium xz-utils python3 gcc gcc-multilib qemu-user valgrind
)

missing=()
# Node.js may come from elsewhere (its own npm included); only ask Debian for it when absent.
command -v node >/dev/null || debian_packages+=(nodejs npm)
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

"$root/tools/fetch_imgui.sh"

# Browser-test packages, pinned by tests/browser/package-lock.json.
if [[ ! -d "$root/tests/browser/node_modules/playwright-core" ]]; then
  echo "setup: installing npm packages for the browser tests"
  (cd "$root/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
# Libraries the web page ships (gifenc), pinned by web/package-lock.json.
if [[ ! -f "$root/web/node_modules/gifenc/dist/gifenc.js" ]]; then
  echo "setup: installing npm packages for the web page"
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: all dependencies present"
