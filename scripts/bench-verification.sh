#!/bin/sh
# Verification benchmark (docs/benchmarks.md, "Verification"): latency of GET /verify (p50, p99) for random known
# packs and unknown codes, one request at a time, on 1,000,000 stored events.
#
#   scripts/bench-verification.sh [--events 1000000] [--scans 2000] [--warmup 200] [--load-clients 4]
#                                 [--seed 42] [--reload] [--keep]
#
# Builds the server jar when it is missing or older than a main source file, compiles epcis-server's tests, then
# runs io.tracewell.server.bench.VerificationBenchmark, which starts the server in a JVM of its own (-Xmx1g;
# JAVA_OPTS replaces it; BENCH_JAVA_OPTS those of the benchmark JVM, default -Xmx512m) on an embedded MariaDB in
# epcis-server/target/verification-bench/data. The events are loaded by POST /capture with the query benchmark's
# loader and data (several minutes for a million) unless that directory holds a complete load of as many events
# from an earlier run with --keep; --reload loads afresh. Without --keep the database is deleted at the end.
set -eu
cd "$(dirname "$0")/.."
. scripts/lib/server-bench.sh
run_server_bench VerificationBenchmark -Xmx512m "$@"
