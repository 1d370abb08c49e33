#!/usr/bin/env bash
# Layout speed and quality, datamap against d3-force, on the same graphs in the same run.
#
# For each size it writes one random graph (a random tree plus N/2 extra edges) with
# `datamap bench layout --graph-out`, runs both engines on it with default parameters for the same number
# of ticks, alternating engines REPS times so machine noise hits both alike, and prints the median
# ms/tick of each, their ratio, and one quality figure (normalised stress, lower is better; see
# layout_quality.mjs) computed the same way on both outputs.
#
# usage: bench/layout.sh [N...]        (default sizes: 1000 10000 50000)
# env:   TICKS=300 SEED=1 REPS=3 DATAMAP=path/to/datamap (default: build and use target/release/datamap)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
ticks="${TICKS:-300}"
seed="${SEED:-1}"
reps="${REPS:-3}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)

if [ ! -d "$here/node_modules/d3-force" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ -z "${DATAMAP:-}" ]; then
  cargo build --release --quiet --features dev --manifest-path "$root/Cargo.toml"
  DATAMAP="${CARGO_TARGET_DIR:-$root/target}/release/datamap"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ms() { tail -n 1 | sed -n 's/^ms_per_tick=//p'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "ticks=$ticks seed=$seed reps=$reps cores=$(nproc) load=$(cut -d' ' -f1 /proc/loadavg)"
printf '%8s %14s %14s %8s %16s %16s\n' nodes datamap_ms d3_ms speedup datamap_stress d3_stress
for n in "${sizes[@]}"; do
  g="$work/g$n.json"
  "$DATAMAP" bench layout --nodes "$n" --seed "$seed" --ticks 1 --graph-out "$g" >/dev/null
  : >"$work/dm$n" && : >"$work/d3$n"
  for rep in $(seq 1 "$reps"); do
    out=()
    [ "$rep" -eq 1 ] && out=(--positions-out "$work/p$n.datamap.json")
    "$DATAMAP" bench layout --nodes "$n" --seed "$seed" --ticks "$ticks" "${out[@]}" | ms >>"$work/dm$n"
    out=()
    [ "$rep" -eq 1 ] && out=("$work/p$n.d3.json")
    node "$here/layout_d3.mjs" "$g" "$ticks" "${out[@]}" | ms >>"$work/d3$n"
  done
  dm="$(median <"$work/dm$n")"
  d3="$(median <"$work/d3$n")"
  stress=($(node "$here/layout_quality.mjs" "$g" "$work/p$n.datamap.json" "$work/p$n.d3.json" |
    sed -n 's/^stress=\([^ ]*\).*/\1/p'))
  printf '%8s %14s %14s %7.1fx %16s %16s\n' "$n" "$dm" "$d3" "$(awk -v a="$d3" -v b="$dm" 'BEGIN { print a / b }')" "${stress[0]}" "${stress[1]}"
done
