package io.tracewell.server;

import io.tracewell.server.cli.TracewellCli;

/** Entry point of the runnable jar: {@code java -jar epcis-server.jar [command] [options]}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // No arguments: run the server, so that "java -jar epcis-server.jar" is all a new user types.
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        System.exit(TracewellCli.execute(effective));
    }
}
