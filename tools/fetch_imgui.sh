#!/usr/bin/env bash
# Fetches the Dear ImGui sources from Debian's source package into third_party/imgui
# (ignored by git). libimgui-dev has no .cpp files, and the web build needs them.
# Uses a private apt source list so the system's apt setup is left untouched.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/third_party/imgui"
[[ -f "$dest/imgui.cpp" && -f "$dest/backends/imgui_impl_opengl3.cpp" ]] && exit 0

work="$root/third_party/.apt-imgui"
rm -rf "$work"; mkdir -p "$work/lists/partial" "$work/sources"
# Derive a deb-src entry from the machine's own deb822 source list.
for f in /etc/apt/sources.list.d/*.sources; do
  [[ -f "$f" ]] && sed 's/^Types: deb$/Types: deb-src/' "$f" > "$work/sources/$(basename "$f")"
done
apt_opts=(-o "Dir::Etc::SourceParts=$work/sources" -o Dir::Etc::SourceList=/dev/null
          -o "Dir::State::Lists=$work/lists")
echo "setup: downloading the Dear ImGui source package"
apt-get "${apt_opts[@]}" update -qq
(cd "$work" && apt-get "${apt_opts[@]}" source --download-only imgui >/dev/null)
tarball="$(ls "$work"/imgui_*.orig.tar.* | head -n1)"
mkdir -p "$dest.tmp"
tar -xf "$tarball" -C "$dest.tmp" --strip-components=1
rm -rf "$dest"; mv "$dest.tmp" "$dest"; rm -rf "$work"
echo "setup: Dear ImGui sources in $dest"
