# shellcheck shell=sh
# Shared by the scripts that measure the server jar (bench-query, bench-subscriptions, bench-verification, soak).
#
#   run_server_bench CLASS CLIENT_HEAP [options of the class...]
#
# Builds epcis-server/target/epcis-server.jar when it is missing or older than a main source file, compiles
# epcis-server's tests, then runs io.tracewell.server.bench.CLASS with the options given, the jar, and the server's
# JVM options (JAVA_OPTS, default -Xmx1g). BENCH_JAVA_OPTS replaces CLIENT_HEAP for the measuring JVM.
# Call it from the checkout's root.
run_server_bench() {
    class=$1
    client_heap=$2
    shift 2
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
    exec java ${BENCH_JAVA_OPTS:-$client_heap} -cp "$cp" "io.tracewell.server.bench.$class" "$@" \
        --jar "$jar" --server-jvm "${JAVA_OPTS:--Xmx1g}"
}
