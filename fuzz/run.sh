#!/bin/sh
# Runs the fuzz targets one after another (2 shared cores: never in parallel), each for
# SECONDS seconds (default 600), on the stable toolchain. See ../FUZZING.md.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# The corpus grows in fuzz/corpus/<target>/ (ignored by git); the committed seeds are read from
# fuzz/seeds/<target>/; crashes land in fuzz/artifacts/<target>/.
set -eu
cd "$(dirname "$0")"
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-check_json check_yaml validate_typed fix}
export RUSTC_BOOTSTRAP=1
for target in $targets; do
    mkdir -p "corpus/$target"
    cargo fuzz run --sanitizer none "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -max_len=4096 -print_final_stats=1
done
