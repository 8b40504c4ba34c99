#!/usr/bin/env bash
# Instructions per call of each case of benches/instructions.rs, under callgrind (noise-free,
# unlike time on a shared machine). Needs valgrind.
#
#   benches/instructions.sh                    # every case
#   benches/instructions.sh check-valid        # one case
#
# For each case: callgrind runs the loop COUNT (default 2000) and 2 * COUNT times; the
# difference of the two totals divided by COUNT is the cost of one call, start-up and one-time
# statics excluded.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-2000}
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=(check-valid check-invalid validate floor-ignored-any floor-typed)
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 1; }
bin=$(cargo bench --bench instructions --no-run --message-format=json 2>/dev/null \
  | sed -n 's/.*"executable":"\([^"]*instructions[^"]*\)".*/\1/p' | tail -1)
[ -x "$bin" ] || { echo "could not build benches/instructions.rs" >&2; exit 1; }
total() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 \
    | sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' | tr -d ,
}
for case in "${cases[@]}"; do
  one=$(total "$case" "$COUNT")
  two=$(total "$case" $((2 * COUNT)))
  printf '%-20s %8d instructions per call\n' "$case" $(((two - one) / COUNT))
done
