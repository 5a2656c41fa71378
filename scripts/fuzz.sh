#!/bin/sh
# `make fuzz`: builds the libFuzzer targets of Fuzz/ and runs each for a bounded time.
#
#   sh scripts/fuzz.sh [SECONDS_PER_TARGET]      (default 60)
#
# Each target is compiled in one module with the sources it exercises, by swiftc directly:
# SwiftPM links Linux executables with `--defsym main=<Module>_main`, a symbol a fuzz target
# (built -parse-as-library, libFuzzer supplying main) never defines. The sanitizers are libFuzzer's
# coverage and AddressSanitizer, which also watches the CSV reader's unsafe-pointer code.
#
# Seeds: the bundled documents, the bad-input corpus (Tests/Fixtures/bad-inputs) and a sample of
# the bench generator's CSV. The growing corpora and any crash artifacts stay in .build/fuzz/.
# A crash fails the run; turn its input into a case of the bad-input corpus (MANIFEST) once fixed.
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-60}
swiftc=${SWIFTC:-$(dirname "$(command -v "${SWIFT:-swift}")")/swiftc}
out=.build/fuzz
flags="-O -swift-version 6 -sanitize=fuzzer,address -parse-as-library -use-ld=lld"
mkdir -p "$out/seeds-csv" "$out/seeds-importer" "$out/corpus-csv" "$out/corpus-importer" "$out/crashes"

echo "fuzz: building $out/fuzz-csv and $out/fuzz-importer"
# shellcheck disable=SC2086
"$swiftc" $flags -module-name FuzzCSV -o "$out/fuzz-csv" Fuzz/FuzzCSV.swift Sources/Tracker/Progress/CSVReader.swift
# shellcheck disable=SC2086
"$swiftc" $flags -module-name FuzzImporter -o "$out/fuzz-importer" Fuzz/FuzzImporter.swift Sources/Importer/*.swift

# Seeds. The importer target reads its first byte as a file-name selector (see FuzzImporter.swift):
# 1 and 2 pick the bundled documents' names, so their curation entries apply.
cp Tests/Fixtures/bad-inputs/*.csv "$out/seeds-csv/"
python3 bench/gen_progress_csv.py 200 "$out/seeds-csv/generated.csv" --seed 1
printf '\001' | cat - Seeds/documents/004_7ea888aca572e921.txt > "$out/seeds-importer/004.txt"
printf '\002' | cat - Seeds/documents/000_3a593fa75efa06b6.txt > "$out/seeds-importer/000.txt"
for file in Tests/Fixtures/bad-inputs/*.txt; do
    printf '\000' | cat - "$file" > "$out/seeds-importer/$(basename "$file")"
done

status=0
run() {
    name=$1
    shift
    echo "fuzz: $name for ${seconds}s"
    if ! "$out/fuzz-$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/crashes/$name-" "$@" >"$out/$name.log" 2>&1; then
        status=1
        echo "fuzz: $name FAILED; see $out/$name.log and $out/crashes/"
        grep -E "ERROR|Fatal error|==[0-9]+==" "$out/$name.log" | head -5 || true
    fi
    grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb" "$out/$name.log" | sed "s/^/fuzz: $name: /" || true
}
run csv -max_len=65536 -dict=Fuzz/csv.dict "$out/corpus-csv" "$out/seeds-csv"
PLANTRACK_CURATION=Seeds/curation.json run importer -max_len=32768 -dict=Fuzz/importer.dict "$out/corpus-importer" "$out/seeds-importer"
exit $status
