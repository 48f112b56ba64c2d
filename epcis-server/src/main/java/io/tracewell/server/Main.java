package io.tracewell.server;

import io.tracewell.server.cli.TracewellCli;

/** Entry point of the runnable jar: {@code java -jar epcis-server.jar [command] [options]}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        avoidUnsafeWarningsOnNewerJava();
        // No arguments: run the server, so that "java -jar epcis-server.jar" is all a new user types.
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        System.exit(TracewellCli.execute(effective));
    }

    /**
     * Java 24 and later print a warning when sun.misc.Unsafe's memory methods are first used (JEP 498),
     * which Netty 4.1 (under Vert.x) does unless told not to. Netty works without them; an operator who
     * prefers them sets -Dio.netty.noUnsafe=false.
     */
    private static void avoidUnsafeWarningsOnNewerJava() {
        if (Runtime.version().feature() >= 24 && System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "true");
        }
    }
}
