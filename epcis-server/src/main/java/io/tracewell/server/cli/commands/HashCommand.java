package io.tracewell.server.cli.commands;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.hash.HashAlgorithm;
import io.tracewell.epcis.hash.HashProfile;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.server.cli.CommandFailure;
import io.tracewell.server.cli.ExitCodes;
import io.tracewell.server.cli.InputSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tracewell hash [--prehash] FILE}: the CBV 2.0 event hash ID of every event, one line each, in document
 * order; with {@code --prehash} the canonical pre-hash strings instead.
 */
@Command(
        name = "hash",
        description = {
            "Print the event hash ID (CBV 2.0) of each event of an EPCIS document, one per line, in document order.",
            "With --prehash, print the canonical pre-hash strings the IDs are computed from."
        })
public final class HashCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "EPCIS document (XML or JSON-LD); - reads standard input")
    InputSource input;

    @Option(names = "--prehash", description = "Print the pre-hash strings instead of the hash IDs")
    boolean prehash;

    @Option(names = "--profile", defaultValue = "CBV_2_0", paramLabel = "PROFILE",
            description = "Canonicalisation rules: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    HashProfile profile;

    @Option(names = "--algorithm", defaultValue = "sha-256", paramLabel = "NAME",
            converter = AlgorithmConverter.class,
            description = "Digest: sha-256 (default), sha-384, sha-512, sha3-256, sha3-384, sha3-512")
    HashAlgorithm algorithm;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        EventHasher hasher = EventHasher.of(profile, algorithm);
        PrintWriter out = spec.commandLine().getOut();
        try (InputStream in = input.open(); EpcisEventReader reader = EpcisFormats.reader(in)) {
            EpcisEvent event;
            while ((event = reader.next()) != null) {
                out.println(prehash ? hasher.preHash(event) : hasher.hashId(event).toString());
            }
        } catch (EpcisFormatException e) {
            out.flush();
            throw new CommandFailure(ExitCodes.INVALID_INPUT, input.name() + ": " + e.getMessage(), e);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Accepts the names used in hash IDs ({@code sha-256}). */
    static final class AlgorithmConverter implements picocli.CommandLine.ITypeConverter<HashAlgorithm> {
        @Override
        public HashAlgorithm convert(String value) {
            HashAlgorithm algorithm = HashAlgorithm.fromNiName(value.toLowerCase(java.util.Locale.ROOT));
            if (algorithm == null) {
                throw new picocli.CommandLine.TypeConversionException(
                        "unknown digest '" + value + "'; expected sha-256, sha-384, sha-512, sha3-256, sha3-384 or sha3-512");
            }
            return algorithm;
        }
    }
}
