#!/bin/sh
# DSCSA shipment benchmark (docs/benchmarks.md, "DSCSA shipment"): the time to build, sign, encrypt and send over
# AS2 the DSCSA document of a 10,000-pack shipment, to an as2-lib partner on 127.0.0.1, with the shipment in an
# embedded MariaDB (regulatory-connectors/target/embedded-mariadb).
#
#   scripts/bench-dscsa.sh [runs]      (default 5, after one warm-up run)
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -pl regulatory-connectors -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="regulatory-connectors/target/test-classes:regulatory-connectors/target/classes:$(cat regulatory-connectors/target/bench.classpath)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$cp" io.tracewell.regulatory.dscsa.DscsaShipmentBenchmark "$@"
