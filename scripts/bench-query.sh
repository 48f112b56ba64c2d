#!/bin/sh
# Query benchmark (docs/benchmarks.md, "Query"): one pack's full history (MATCH_anyEPC) and a paginated one-day
# window over GET /events on 1,000,000 stored events, each against the same SQL issued directly over JDBC.
#
#   scripts/bench-query.sh [--events 1000000] [--packs 2000] [--warmup-packs 200] [--window-runs 3]
#                          [--load-clients 4] [--seed 42] [--reload] [--keep]
#
# Builds the server jar when it is missing or older than a main source file, compiles epcis-server's tests, then
# runs io.tracewell.server.bench.QueryBenchmark, which starts the server in a JVM of its own (-Xmx1g; JAVA_OPTS
# replaces it; BENCH_JAVA_OPTS those of the benchmark JVM, default -Xmx1g) on an embedded MariaDB in
# epcis-server/target/query-bench/data. The events are loaded by POST /capture (several minutes for a million)
# unless that directory holds a complete load of as many events from an earlier run with --keep; --reload loads
# afresh. Without --keep the database is deleted at the end (logs stay under epcis-server/target/query-bench/).
set -eu
cd "$(dirname "$0")/.."
. scripts/lib/server-bench.sh
run_server_bench QueryBenchmark -Xmx1g "$@"
