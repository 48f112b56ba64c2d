#!/bin/sh
# Soak run (docs/benchmarks.md "Soak", docs/operations.md): concurrent capture, queries and streaming webhook
# subscriptions against one server for a bounded time; reports throughput, p50/p99 latencies, errors, heap and RSS
# over time, and checks that every captured event is queryable once and was delivered once to each subscriber.
#
#   scripts/soak.sh [--minutes 10] [--capture-clients 2] [--query-clients 2] [--subscribers 2]
#                   [--events-per-document 100] [--sample-seconds 10]
#
# Builds the server jar when it is missing or older than a main source file, compiles epcis-server's tests, then
# runs io.tracewell.server.bench.SoakRun, which starts the server in a JVM of its own (-Xmx1g; JAVA_OPTS replaces
# it) on a fresh embedded MariaDB under epcis-server/target/soak/data (deleted at the end). Exit status 0 when every
# check held. The report is printed and kept in epcis-server/target/soak/run-<time>/report.md.
set -eu
cd "$(dirname "$0")/.."
. scripts/lib/server-bench.sh
run_server_bench SoakRun -Xmx1g "$@"
