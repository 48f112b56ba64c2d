#!/bin/sh
# Subscription benchmark (docs/benchmarks.md, "Subscriptions"): how soon a streaming webhook subscription
# delivers an event captured by POST /events, on an idle server and while other clients capture.
#
#   scripts/bench-subscriptions.sh [--events 300] [--load-clients 2]
#
# Builds the server jar when it is missing or older than a main source file, compiles epcis-server's tests, then
# runs io.tracewell.server.bench.SubscriptionBenchmark, which starts the server in a JVM of its own (-Xmx1g;
# JAVA_OPTS replaces it) on a fresh embedded MariaDB in epcis-server/target/subscription-bench/data (deleted at
# the end) and receives the notifications itself.
set -eu
cd "$(dirname "$0")/.."
. scripts/lib/server-bench.sh
run_server_bench SubscriptionBenchmark -Xmx1g "$@"
