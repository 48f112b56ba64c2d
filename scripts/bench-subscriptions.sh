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

jar=epcis-server/target/epcis-server.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f 2>/dev/null | head -n 1)" ]
then
    echo "building $jar" >&2
    ./mvnw -B -q package -DskipTests -pl epcis-server -am
fi

./mvnw -B -q -pl epcis-server -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

cp="epcis-server/target/test-classes:epcis-server/target/classes:$(cat epcis-server/target/bench.classpath)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$cp" io.tracewell.server.bench.SubscriptionBenchmark "$@" \
    --jar "$jar" --server-jvm "${JAVA_OPTS:--Xmx1g}"
