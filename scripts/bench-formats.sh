#!/bin/sh
# Format parsing and conversion benchmark (docs/benchmarks.md, "Format parsing and conversion").
#
#   scripts/bench-formats.sh throughput [--events 100000] [--passes 5] [--warmup 1]
#   scripts/bench-formats.sh bounded    [--events 1000000] [--keep]
#   scripts/bench-formats.sh generate   --format xml|jsonld [--events N] --out FILE
#
# Compiles epcis-model with its tests, then runs io.tracewell.epcis.bench.FormatBenchmark in its own JVM:
# "bounded" with -Xmx256m (the point of that mode), the others with a fixed 1 GB heap. JAVA_OPTS replaces the
# heap options. Documents go to epcis-model/target/format-bench (about 6.1 GB for a million events while
# "bounded" runs; it deletes them at the end unless --keep is given).
set -eu
cd "$(dirname "$0")/.."

mode="${1:-}"
if [ -z "$mode" ]; then
    echo "usage: $0 throughput|bounded|generate [options]" >&2
    exit 2
fi

./mvnw -B -q -pl epcis-model -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

case "$mode" in
    bounded) heap="-Xmx256m" ;;
    *) heap="-Xms1g -Xmx1g" ;;
esac

cp="epcis-model/target/test-classes:epcis-model/target/classes:$(cat epcis-model/target/bench.classpath)"
shift
if [ "$mode" != generate ]; then
    set -- "$@" --dir epcis-model/target/format-bench
fi
# shellcheck disable=SC2086 # JAVA_OPTS and heap are lists of options
exec java ${JAVA_OPTS:-$heap} -cp "$cp" io.tracewell.epcis.bench.FormatBenchmark "$mode" "$@"
