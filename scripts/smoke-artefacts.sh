#!/usr/bin/env bash
# smoke-artefacts.sh: `cargo test` checks the program, not what people download. This opens the artefacts
# that scripts/package.sh left in dist/ and runs what is inside them: the .deb's and the tarball's datamap
# (the demo report, the packaged desktop entry through desktop-file-validate, the icons, a window on a
# virtual display), and the Windows datamap.exe under Wine (the demo report, then a window and its
# screenshot if Wine can show one). With no artefacts it says so and exits 0, so CI can always run it.
#   scripts/smoke-artefacts.sh [DIST]          (default: dist)
# The Wine screenshot, when there is one, is saved as $SMOKE_OUT/windows-wine.png (default target/smoke).
# Installs desktop-file-utils, Wine, Xvfb and icoutils when missing (as root, as CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."

dist=${1:-dist}
out=${SMOKE_OUT:-target/smoke}
shopt -s nullglob
debs=("$dist"/datamap_*.deb)
tars=("$dist"/datamap-*-x86_64-linux.tar.gz)
zips=("$dist"/datamap-*-x86_64-windows.zip)
if ((${#debs[@]} + ${#tars[@]} + ${#zips[@]} == 0)); then
  echo "smoke-artefacts: skipped: no artefacts in $dist/ (scripts/package.sh makes them)"
  exit 0
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)

need=()
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
if ((${#zips[@]})); then
  command -v wine >/dev/null || need+=(wine wine64)
  command -v wrestool >/dev/null || need+=(icoutils)
  command -v objdump >/dev/null || need+=(binutils)
fi
if ((${#need[@]})); then
  echo "smoke-artefacts: installing ${need[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [[ -x ../shared/tools/xvfb.sh ]]; then
  display=("$(realpath ../shared/tools/xvfb.sh)")
else
  display=(xvfb-run -a -s "-screen 0 1400x900x24 -nolisten tcp")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/runtime"
chmod 700 "$work/runtime"
# A fresh home, so nothing is read from or left in the real one.
sandbox=(env HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
  XDG_CACHE_HOME="$work/home/.cache" XDG_RUNTIME_DIR="$work/runtime")

passed=0 failed=0
pass() { echo "  ok: $*"; passed=$((passed + 1)); }
fail() { echo "  FAIL: $*" >&2; failed=$((failed + 1)); }
# check DESCRIPTION COMMAND...: runs it, its output in $work/last.
check() {
  local what=$1
  shift
  if "$@" >"$work/last" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/    /' "$work/last" >&2; fi
}
named_by_version() {
  [[ $(basename "$1") == *"$version"* ]] && pass "$(basename "$1") carries the version $version" ||
    fail "$(basename "$1") does not carry the version in Cargo.toml ($version)"
}
# The demo summary starts with the owner of the fictional demo export and counts its friends.
demo_report() { # RUNNER...
  "$@" report --demo >"$work/report.txt" 2>"$work/report.err" || { cat "$work/report.err"; return 1; }
  tr -d '\r' <"$work/report.txt" >"$work/report.lf"
  grep -q '^Owner: *Elin Marsh$' "$work/report.lf" && grep -q '^Friends: *[0-9]' "$work/report.lf" ||
    { cat "$work/report.txt" "$work/report.err"; return 1; }
}
version_line() { # RUNNER...
  [[ $("$@" --version | tr -d '\r') == "datamap $version" ]]
}
window_screenshot() { # PNG RUNNER...
  local png=$1
  shift
  rm -f "$png"
  "${sandbox[@]}" timeout 180 "${display[@]}" "$@" --screenshot "$png" --demo && [[ -s $png ]] &&
    [[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]
}
linux_tree() { # ROOT BINARY DESKTOP_FILE ICON_DIR
  local root=$1 bin=$2 desktop=$3 icons=$4
  check "datamap --version prints datamap $version" version_line "$bin"
  check "datamap report --demo prints the demo summary" demo_report "$bin"
  check "desktop-file-validate $(basename "$desktop")" desktop-file-validate "$desktop"
  check "desktop entry lists zip files for Open with" grep -qx 'MimeType=application/zip;application/x-zip-compressed;' "$desktop"
  local missing=()
  for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256; do
    [[ -s $icons/$size/apps/datamap.png ]] || missing+=("$size")
  done
  [[ -s $icons/scalable/apps/datamap.svg ]] || missing+=(scalable)
  ((${#missing[@]} == 0)) && pass "hicolor icons 16..256 and scalable" || fail "icons missing: ${missing[*]} under ${icons#"$root"/}"
  check "the window opens on a virtual display and saves its screenshot" window_screenshot "$work/linux.png" "$bin"
}

for deb in "${debs[@]}"; do
  echo "smoke-artefacts: $deb"
  named_by_version "$deb"
  root=$work/deb
  rm -rf "$root"
  dpkg-deb -x "$deb" "$root"
  echo "  Depends: $(dpkg-deb -f "$deb" Depends)"
  linux_tree "$root" "$root/usr/bin/datamap" "$root/usr/share/applications/datamap.desktop" "$root/usr/share/icons/hicolor"
  for doc in README.md LICENSE-MIT LICENSE-APACHE copyright; do
    [[ -s $root/usr/share/doc/datamap/$doc ]] && pass "/usr/share/doc/datamap/$doc" || fail "no /usr/share/doc/datamap/$doc"
  done
done

for tarball in "${tars[@]}"; do
  echo "smoke-artefacts: $tarball"
  named_by_version "$tarball"
  root=$work/tar
  rm -rf "$root"
  mkdir -p "$root"
  tar -xzf "$tarball" -C "$root"
  top=("$root"/datamap-*)
  linux_tree "$root" "${top[0]}/datamap" "${top[0]}/datamap.desktop" "${top[0]}/icons/hicolor"
  check "README.txt explains install-desktop" grep -q 'datamap install-desktop' "${top[0]}/README.txt"
  # What the README tells people to run: the installed entry must point at this folder's binary and validate.
  check "datamap install-desktop writes a valid entry for this folder" \
    "${sandbox[@]}" "${top[0]}/datamap" install-desktop
  installed=$work/home/.local/share/applications/datamap.desktop
  check "the installed entry validates" desktop-file-validate "$installed"
  check "the installed entry runs this folder's datamap" grep -qF "TryExec=${top[0]}/datamap" "$installed"
done

for zip in "${zips[@]}"; do
  echo "smoke-artefacts: $zip"
  named_by_version "$zip"
  root=$work/win
  rm -rf "$root"
  mkdir -p "$root"
  unzip -q "$zip" -d "$root"
  top=("$root"/datamap-*)
  exe=${top[0]}/datamap.exe
  # A double-click must open no console window: the GUI subsystem. And Explorer shows the embedded icon.
  check "datamap.exe is a GUI-subsystem program" sh -c "objdump -p '$exe' | grep -q '^Subsystem.*(Windows GUI)'"
  check "datamap.exe embeds an icon" sh -c "wrestool -l --type=group_icon '$exe' | grep -q group_icon"
  # Wine: a prefix of its own (the first start takes a while), no prompts to download Mono or Gecko, and
  # no debug chatter on stderr.
  wine_bin=$(command -v wine64 || echo /usr/lib/wine/wine64)
  [[ -x $wine_bin ]] || wine_bin=wine
  prefix=${SMOKE_WINEPREFIX:-$work/wineprefix}
  wine=(env WINEPREFIX="$prefix" WINEDEBUG="${SMOKE_WINEDEBUG:--all}" WINEDLLOVERRIDES="mscoree,mshtml=" "$wine_bin")
  wineserver=$(dirname "$wine_bin")/wineserver
  [[ -x $wineserver ]] || wineserver=wineserver
  "${wine[@]}" wineboot --init >/dev/null 2>&1 || true
  # Rust's standard library needs ProcessPrng from bcryptprimitives.dll (in Windows since Windows 10);
  # Debian 12's Wine 8 lacks the DLL, so the prefix gets a stand-in built from scripts/wine/. The artefact
  # itself is left as it is.
  if [[ ! -e $prefix/drive_c/windows/system32/bcryptprimitives.dll ]]; then
    command -v x86_64-w64-mingw32-gcc >/dev/null || {
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 >/dev/null
    }
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$prefix/drive_c/windows/system32/bcryptprimitives.dll" \
      scripts/wine/bcryptprimitives.c -ladvapi32
    echo "  note: Wine lacks bcryptprimitives.dll; using the stand-in from scripts/wine/"
  fi
  # Wine runs the program from its folder, as a person would; relative paths then resolve inside it.
  cd "${top[0]}"
  check "wine datamap.exe --version prints datamap $version" version_line "${wine[@]}" ./datamap.exe
  check "wine datamap.exe report --demo prints the demo summary" demo_report "${wine[@]}" ./datamap.exe
  check "wine datamap.exe report --demo --json > file writes the JSON report" \
    sh -c '"$@" report --demo --json >report.json && grep -q "\"schema\": *1" report.json' sh "${wine[@]}" ./datamap.exe
  # wgpu's default on Windows is Direct3D 12, which Wine 8 turns into Vulkan through vkd3d, whose shader
  # compiler fails on egui's shaders ("Parent device is lost"). OpenGL (Wine passes it to Mesa's llvmpipe)
  # and Vulkan (to Mesa's lavapipe) both work, so the window is tried on those. Wine and a software driver
  # are not Windows, so a failure here is reported but does not fail the run.
  shown=
  for backend in gl vulkan; do
    # A fresh Wine session for each attempt: a timed-out attempt leaves its processes behind, and reusing
    # the session the runs above started without a display made the window hang until the timeout in 2 of
    # the runs here (it has not hung since this was added).
    WINEPREFIX="$prefix" "$wineserver" -k 2>/dev/null || true
    if window_screenshot windows-wine.png env WGPU_BACKEND=$backend "${wine[@]}" ./datamap.exe \
      >"$work/wine-window-$backend.log" 2>&1; then
      shown=$backend
      break
    fi
  done
  cd - >/dev/null
  if [[ -n $shown ]]; then
    cp "${top[0]}/windows-wine.png" "$out/windows-wine.png"
    pass "under Wine (WGPU_BACKEND=$shown) the window opens and saves its screenshot: $out/windows-wine.png"
  else
    echo "  note: under Wine the window did not save a screenshot (not counted as a failure); its output:"
    tail -n 10 "$work"/wine-window-*.log | sed 's/^/    /'
  fi
done

echo "smoke-artefacts: $passed passed, $failed failed"
((failed == 0))
