#!/usr/bin/env bash
# make-icons.sh: the packages need the icon at the sizes desktops ask for (hicolor theme, 16..128 px) and,
# for the Windows build, as an .ico. Both are generated here from assets/icons/datamap.svg and committed, so
# `cargo deb` and the Windows build work without running this first. The 256 px PNG is not touched: it is
# drawn by src/share/icon.rs and checked by a test. Run again after changing the SVG.
# Needs rsvg-convert (librsvg2-bin) and icotool (icoutils); installs them when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v icotool >/dev/null || need+=(icoutils)
if ((${#need[@]})); then
  echo "make-icons: installing ${need[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

icons=assets/icons
for size in 16 24 32 48 64 128; do
  rsvg-convert --width "$size" --height "$size" "$icons/datamap.svg" --output "$icons/datamap-$size.png"
done
# Windows picks the closest size for each place (title bar 16, taskbar 32, Explorer up to 256). The large
# images are stored PNG-compressed (--raw), which Windows reads since Vista, so the file stays small; the
# small ones stay bitmaps, which every reader of .ico files understands.
icotool --create --output "$icons/datamap.ico" "$icons"/datamap-{16,24,32,48}.png \
  --raw="$icons/datamap-64.png" --raw="$icons/datamap-128.png" --raw="$icons/datamap-256.png"
ls -l "$icons"
