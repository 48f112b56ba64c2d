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
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$cp" io.tracewell.server.bench.VerificationBenchmark "$@" \
    --jar "$jar" --server-jvm "${JAVA_OPTS:--Xmx1g}"
