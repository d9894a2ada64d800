#!/usr/bin/env bash
# Lists many buckets on an in-process S3Proxy with the monitor flow's own route, one bucket after another
# (list_threads: 1) and in parallel (list_threads: 8, or the counts given), and prints for each the list
# requests (floor: the sum of ceil(keys/1000) per bucket), object GETs (must be 0) and wall time, then checks the
# counts: it exits 1 when a run made other than the floor's list requests or any GET. The times are only printed.
# Usage: bench/monitor-buckets.sh [BUCKETS [KEYS [LATENCY_MS [ROUNDS [THREADS...]]]]]
# (default: 200 buckets of 500 keys, no added latency, 3 rounds, 8 threads against 1). LATENCY_MS holds every
# request that long before S3Proxy sees it, as the round trip to a remote region would.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt -Denforcer.skip >&2
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
exec java -Xmx1g \
  -Daws.requestChecksumCalculation=WHEN_REQUIRED -Daws.responseChecksumValidation=WHEN_REQUIRED \
  -cp "target/test-classes:target/classes:$(cat bench/out/classpath.txt)" \
  io.github.duplicityunattended.bench.MonitorBucketsBench "$@"
