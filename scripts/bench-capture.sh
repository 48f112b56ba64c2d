#!/bin/sh
# Capture benchmark (docs/benchmarks.md, "Capture"): POST /capture end to end against a JDBC baseline, and a
# million-event document captured in bounded memory.
#
#   scripts/bench-capture.sh throughput [--documents 40] [--events-per-document 1000] [--clients 1,4]
#                                       [--warmup-documents 8] [--db embedded|JDBC_URL] [--keep]
#   scripts/bench-capture.sh bounded    [--events 1000000] [--db embedded|JDBC_URL] [--keep]
#   scripts/bench-capture.sh generate   [--first 0] [--events 1000] --out FILE
#
# Builds the server jar when it is missing or older than a main source file, compiles epcis-server's tests, then
# runs io.tracewell.server.bench.CaptureBenchmark, which starts the server in a JVM of its own: with -Xmx512m
# for "bounded" (the point of that mode), -Xmx1g otherwise. JAVA_OPTS replaces the server's JVM options;
# BENCH_JAVA_OPTS those of the load generator (default -Xmx2g). Without --db the server starts an embedded MariaDB
# in a fresh directory under epcis-server/target/capture-bench/, deleted at the end unless --keep (logs stay).
# With --db JDBC_URL (e.g. jdbc:mariadb://127.0.0.1:3306/test) it uses that server, as EPCIS_DB_USER (default
# root) with EPCIS_DB_PASSWORD; the captured rows stay there. "bounded" writes a document of about 1 GB to
# epcis-server/target/capture-bench/ and deletes it at the end unless --keep.
set -eu
cd "$(dirname "$0")/.."

mode="${1:-}"
if [ -z "$mode" ]; then
    echo "usage: $0 throughput|bounded|generate [options]" >&2
    exit 2
fi
shift

jar=epcis-server/target/epcis-server.jar
if [ "$mode" != generate ] && { [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; }
then
    echo "building $jar" >&2
    ./mvnw -B -q package -DskipTests -pl epcis-server -am
fi

./mvnw -B -q -pl epcis-server -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

case "$mode" in
    bounded) server_heap="-Xmx512m" ;;
    *) server_heap="-Xmx1g" ;;
esac

cp="epcis-server/target/test-classes:epcis-server/target/classes:$(cat epcis-server/target/bench.classpath)"
if [ "$mode" != generate ]; then
    set -- "$@" --jar "$jar" --server-jvm "${JAVA_OPTS:-$server_heap}"
fi
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$cp" io.tracewell.server.bench.CaptureBenchmark "$mode" "$@"
