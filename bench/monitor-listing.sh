#!/usr/bin/env bash
# Lists 100,000 keys in 1,000 folders on an in-process S3Proxy with the monitor's own check, and prints
# the list requests (floor: one per 1,000 keys), object GETs (must be 0), wall time and heap growth.
# A benchmark prints figures; it passes or fails nothing. Usage: bench/monitor-listing.sh [FOLDERS [KEYS...]]
# (default: 1000 folders, 10000 then 100000 keys, to show memory follows folders, not objects).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt -Denforcer.skip >&2
folders="${1:-1000}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
exec java -Xmx1g \
  -Daws.requestChecksumCalculation=WHEN_REQUIRED -Daws.responseChecksumValidation=WHEN_REQUIRED \
  -cp "target/test-classes:target/classes:$(cat bench/out/classpath.txt)" \
  io.github.duplicityunattended.bench.MonitorListingBench "$folders" "${sizes[@]}"
