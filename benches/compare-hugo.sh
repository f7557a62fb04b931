#!/usr/bin/env bash
# Times oogst against Hugo on the same generated content, on this machine,
# in one run, and prints the ratio. Also times oogst's rebuild (nothing
# changed: no file is rewritten) against a fresh write of every file.
#
# usage: benches/compare-hugo.sh [PAGES]   (default 10000; needs hugo and hyperfine:
#        apt-get install hugo hyperfine)
set -euo pipefail
pages=${1:-10000}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
oogst="$here/target/release/oogst"
python3 "$here/benches/generate.py" "$pages" "$work"
"$oogst" build --root "$work/oogst" >/dev/null
hyperfine --warmup 1 --runs 5 --export-markdown "$work/result.md" \
  --prepare "rm -rf $work/oogst/fresh" --prepare "true" --prepare "rm -rf $work/hugo/public" \
  -n "oogst build (fresh output)" "$oogst build --root $work/oogst --out $work/oogst/fresh" \
  -n "oogst rebuild (unchanged)" "$oogst build --root $work/oogst" \
  -n "hugo build (fresh output)" "hugo --quiet --source $work/hugo" \
  >/dev/null
cat "$work/result.md"
echo
echo "output files: oogst $(find "$work/oogst/public" -type f | wc -l), hugo $(find "$work/hugo/public" -type f | wc -l)"
/usr/bin/time -f "oogst peak memory: %M KiB" "$oogst" build --root "$work/oogst" --out "$work/oogst/mem" >/dev/null
/usr/bin/time -f "hugo peak memory: %M KiB" hugo --quiet --source "$work/hugo" --destination "$work/hugo/mem" >/dev/null
