#!/usr/bin/env bash
# offline-check.sh: datamap promises that nothing leaves the machine. This runs a full import from the
# command line and the whole window on a virtual display under strace, and fails if either ever creates an
# AF_INET or AF_INET6 socket. It also fails if either leaves a file holding a name from the export in a
# fresh HOME or TMPDIR. Installs strace and the virtual display when missing (CI runs as root).
#   scripts/offline-check.sh [path/to/datamap]     (default: builds and uses target/debug/datamap)
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v strace >/dev/null || need_packages+=(strace)
command -v xvfb-run >/dev/null || need_packages+=(xvfb xauth)
if ((${#need_packages[@]})); then
  echo "offline-check: installing ${need_packages[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

if (($#)); then
  bin=$1
else
  cargo build --quiet --bin datamap
  bin=target/debug/datamap
fi
bin=$(realpath "$bin")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/tmp" "$work/runtime"
chmod 700 "$work/runtime"
# A fresh home and temp folder, so anything datamap writes can be found and checked.
sandbox=(env HOME="$work/home" TMPDIR="$work/tmp" XDG_RUNTIME_DIR="$work/runtime" XDG_DATA_HOME="$work/home/.local/share"
  XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" WAYLAND_DISPLAY=)

fail=0
check_trace() { # LABEL LOG
  if grep -E 'AF_INET6?\b|PF_INET6?\b' "$2"; then
    echo "offline-check: FAIL: $1 created a network socket (above)" >&2
    fail=1
  else
    echo "offline-check: $1: $(grep -c 'socket(' "$2" || true) socket(s) created, none AF_INET/AF_INET6"
  fi
}

# 1. The command-line import of the demo export.
"${sandbox[@]}" strace -f -qq -e trace=socket -o "$work/cli.trace" "$bin" report --demo --json >"$work/report.json"
grep -q '"schema": *1' "$work/report.json" || { echo "offline-check: FAIL: the report did not run" >&2; exit 1; }
check_trace "datamap report --demo --json" "$work/cli.trace"

# 1b. A request letter, written from the bundled contacts: no socket either.
"${sandbox[@]}" strace -f -qq -e trace=socket -o "$work/letter.trace" \
  "$bin" letter Spotify --demo --kind access --law gdpr >"$work/letter.txt" 2>/dev/null
grep -q 'Article 15' "$work/letter.txt" && grep -q 'privacy@spotify.com' "$work/letter.txt" \
  || { echo "offline-check: FAIL: the letter did not run" >&2; exit 1; }
check_trace "datamap letter Spotify --demo" "$work/letter.trace"

# 2. The window: open the demo, wait for the map, save a screenshot, exit.
if [[ -x ../shared/tools/xvfb.sh ]]; then
  display=(../shared/tools/xvfb.sh)
else
  display=(xvfb-run -a -s "-screen 0 1400x900x24 -nolisten tcp")
fi
"${sandbox[@]}" "${display[@]}" strace -f -qq -e trace=socket -o "$work/gui.trace" \
  "$bin" --screenshot "$work/shot.png" --demo
[[ -s $work/shot.png ]] || { echo "offline-check: FAIL: the window did not save its screenshot" >&2; exit 1; }
# The window talks to the X server over a local socket, which shows the trace really saw its calls.
grep -q 'AF_UNIX\|AF_LOCAL' "$work/gui.trace" || { echo "offline-check: FAIL: strace saw no socket call" >&2; exit 1; }
check_trace "datamap --screenshot --demo (window)" "$work/gui.trace"

# 3. Nothing datamap left in HOME or TMPDIR names a person from the export.
# The owner and the first person in the report (no pipe into head: with pipefail its early exit would fail).
names=$(grep -o '"\(owner\|name\)": *"[^"]*"' "$work/report.json" || true)
owner=${names%%$'\n'*}
rest=${names#*$'\n'}
friend=${rest%%$'\n'*}
for which in owner friend; do
  quoted=${!which}
  name=${quoted#*: *\"}
  name=${name%\"}
  printf -v "$which" '%s' "$name"
  if [[ -n $name ]] && grep -rlaF "$name" "$work/home" "$work/tmp"; then
    echo "offline-check: FAIL: the files above hold \"$name\" from the export" >&2
    fail=1
  fi
done
echo "offline-check: HOME and TMPDIR hold neither \"$owner\" nor \"$friend\" ($(find "$work/home" "$work/tmp" -type f | wc -l) file(s) written)"

exit "$fail"
