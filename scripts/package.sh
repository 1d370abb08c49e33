#!/usr/bin/env bash
# package.sh: people who are not developers need datamap as something to download and run, without Rust or a
# 6-10 minute build. This builds the release artefacts into dist/ (git-ignored), each named with the version
# in Cargo.toml:
#   datamap_VERSION-1_amd64.deb               Debian/Ubuntu package (cargo-deb; metadata in Cargo.toml)
#   datamap-VERSION-x86_64-linux.tar.gz       portable Linux folder (`datamap install-desktop` adds it to menus)
#   datamap-VERSION-x86_64-windows.zip        datamap.exe, cross-built with mingw-w64
#   SHA256SUMS
# macOS needs a Mac: `cargo install cargo-bundle && cargo bundle --release` (see README).
#
#   scripts/package.sh [deb] [tar] [windows]      (default: all three)
#
# Installs what is missing (as root, as CI runs): cargo-deb from crates.io, the Windows Rust target, and the
# Debian packages mingw-w64, zip and binutils. Check the result with scripts/smoke-artefacts.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

want=("$@")
((${#want[@]})) || want=(deb tar windows)
for w in "${want[@]}"; do
  [[ $w == deb || $w == tar || $w == windows ]] || { echo "package: unknown artefact '$w' (deb, tar, windows)" >&2; exit 2; }
done
wants() { [[ " ${want[*]} " == *" $1 "* ]]; }

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[[ -n $version ]] || { echo "package: no version in Cargo.toml" >&2; exit 1; }
windows_target=x86_64-pc-windows-gnu
dist=dist
stage=target/package
# Reproducible archives: file times are the last commit's, not the time of the build. Only the packaging
# steps see it: in Cargo's environment it would make C dependencies rebuild whenever it changes.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

apt_packages=()
command -v strip >/dev/null || apt_packages+=(binutils)
if wants tar || wants windows; then command -v zip >/dev/null || apt_packages+=(zip); fi
if wants windows; then command -v x86_64-w64-mingw32-gcc >/dev/null || apt_packages+=(mingw-w64); fi
if ((${#apt_packages[@]})); then
  echo "package: installing ${apt_packages[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi
if wants deb && ! cargo deb --version >/dev/null 2>&1; then
  echo "package: installing cargo-deb (a few minutes)" >&2
  cargo install cargo-deb --locked
fi
if wants windows && ! rustup target list --installed | grep -qx "$windows_target"; then
  rustup target add "$windows_target"
fi

mkdir -p "$dist"
rm -rf "$stage"
mkdir -p "$stage"

# Sets every file's time to $epoch, so the same commit gives the same archive.
settle_times() { find "$1" -exec touch --no-dereference --date="@$epoch" {} +; }

if wants deb || wants tar; then
  cargo build --release --locked --bin datamap
fi

if wants deb; then
  # The binary was just built; cargo-deb strips it and adds libc's dependency ($auto, see Cargo.toml).
  rm -f "$dist"/datamap_*.deb
  SOURCE_DATE_EPOCH=$epoch cargo deb --no-build --output "$dist/"
fi

if wants tar; then
  name=datamap-$version-x86_64-linux
  dir=$stage/$name
  mkdir -p "$dir"
  strip --strip-all -o "$dir/datamap" target/release/datamap
  cp assets/datamap.desktop LICENSE-MIT LICENSE-APACHE "$dir/"
  for size in 16 24 32 48 64 128 256; do
    mkdir -p "$dir/icons/hicolor/${size}x$size/apps"
    cp "assets/icons/datamap-$size.png" "$dir/icons/hicolor/${size}x$size/apps/datamap.png"
  done
  mkdir -p "$dir/icons/hicolor/scalable/apps"
  cp assets/icons/datamap.svg "$dir/icons/hicolor/scalable/apps/"
  cat >"$dir/README.txt" <<EOF
datamap $version for Linux (x86_64)

See who had your Facebook data, from your own "Download Your Information" export. Everything happens on
your computer: datamap has no network code and sends nothing anywhere.

Run it from this folder:

    ./datamap                  open the window, then drop your export's .zip onto it
    ./datamap --demo           try it on the bundled, fictional demo export
    ./datamap report --demo    print a summary in the terminal instead
    ./datamap --help           everything else

Add it to your applications menu (for you only, no root needed):

    ./datamap install-desktop

This writes ~/.local/share/applications/datamap.desktop (pointing at this folder's datamap, so run it again
if you move the folder) and the icons ~/.local/share/icons/hicolor/256x256/apps/datamap.png and
.../scalable/apps/datamap.svg. Zip files then offer "Open with datamap"; datamap never makes itself the
default for zip files.

The window needs a desktop session (X11 or Wayland) with an OpenGL or Vulkan driver, which every desktop
install has. The desktop entry and icons in this folder are the same files, for packagers.

Remove it: delete ~/.local/share/applications/datamap.desktop and the two icons above, then this folder.
datamap also keeps its window size, theme and recent-file list in ~/.local/share/datamap.

Licence: MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE).
EOF
  settle_times "$dir"
  rm -f "$dist"/datamap-*-x86_64-linux.tar.gz
  tar --sort=name --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$name" | gzip -9n >"$dist/$name.tar.gz"
fi

if wants windows; then
  cargo build --release --locked --bin datamap --target "$windows_target"
  name=datamap-$version-x86_64-windows
  dir=$stage/$name
  mkdir -p "$dir"
  x86_64-w64-mingw32-strip --strip-all -o "$dir/datamap.exe" "target/$windows_target/release/datamap.exe"
  cp LICENSE-MIT LICENSE-APACHE "$dir/"
  # Notepad wants CRLF line ends.
  sed 's/$/\r/' >"$dir/README.txt" <<EOF
datamap $version for Windows (64-bit)

See who had your Facebook data, from your own "Download Your Information" export. Everything happens on
your computer: datamap has no network code and sends nothing anywhere.

Double-click datamap.exe, then drop your export's .zip onto the window (or use Open export). Nothing is
installed: the folder is the whole program. Windows may warn that the program is from an unknown
publisher, because it is not signed; choose "More info", then "Run anyway".

From a terminal (cmd or PowerShell), in this folder:

    datamap.exe --demo             open the window on the bundled, fictional demo export
    datamap.exe report --demo      print a summary in the terminal
    datamap.exe --help             everything else

datamap.exe is a windowed program, so the terminal does not wait for it: the prompt can come back before
its output. In cmd use "start /wait datamap.exe report --demo"; in PowerShell add "| Out-Host". Redirecting
works as usual: datamap.exe report --demo --json > out.json

Remove it: delete this folder. datamap also keeps its window size, theme and recent-file list in
%APPDATA%\\datamap; delete that folder too if you want no trace left.

Licence: MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE).
EOF
  settle_times "$dir"
  rm -f "$dist"/datamap-*-x86_64-windows.zip
  (cd "$stage" && find "$name" -print | LC_ALL=C sort | zip -X -9 -q "../../$dist/$name.zip" -@)
fi

shopt -s nullglob
(cd "$dist" && rm -f SHA256SUMS && artefacts=(*.deb *.tar.gz *.zip) && ((${#artefacts[@]})) && sha256sum -- "${artefacts[@]}" >SHA256SUMS)
echo "package: datamap $version"
ls -l "$dist"
