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
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$cp" io.tracewell.server.bench.SoakRun "$@" \
    --jar "$jar" --server-jvm "${JAVA_OPTS:--Xmx1g}"
