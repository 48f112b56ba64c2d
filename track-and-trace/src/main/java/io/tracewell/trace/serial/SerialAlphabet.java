package io.tracewell.trace.serial;

import io.tracewell.epcis.id.CharacterSet;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The characters random serials are drawn from: the GS1 AI encodable character set 82 (GS1 General Specifications
 * §7.11, the set of AI 21), taken from the AI table's own definition of that set so that every serial drawn is a
 * valid AI 21 value.
 *
 * <p>Draws are uniform: bytes of the generator at or above {@code 246 = 3 × 82} are thrown away, the others taken
 * modulo 82, so each character has probability exactly 1/82 and the serials of length L are equally likely among
 * the 82^L there are.
 */
public final class SerialAlphabet {

    /** The characters, in ASCII order. */
    public static final String CHARACTERS = characters();

    /** 82. */
    public static final int SIZE = CHARACTERS.length();

    private static final int ACCEPT_BELOW = 256 / SIZE * SIZE;

    private final SecureRandom random;
    private final byte[] buffer = new byte[4096];
    private int next = buffer.length;

    /** A drawer reading from {@code random}; not thread-safe (one per request), the generator may be shared. */
    public SerialAlphabet(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new serial of {@code length} characters. */
    public String draw(int length) {
        char[] serial = new char[length];
        for (int i = 0; i < length; i++) {
            serial[i] = CHARACTERS.charAt(nextIndex());
        }
        return new String(serial);
    }

    private int nextIndex() {
        while (true) {
            if (next == buffer.length) {
                random.nextBytes(buffer);
                next = 0;
            }
            int b = buffer[next++] & 0xFF;
            if (b < ACCEPT_BELOW) {
                return b % SIZE;
            }
        }
    }

    private static String characters() {
        StringBuilder sb = new StringBuilder();
        for (char c = 0x21; c < 0x7F; c++) {
            if (CharacterSet.CSET82.allows(c)) {
                sb.append(c);
            }
        }
        if (sb.length() != 82) {
            throw new IllegalStateException("GS1 character set 82 has " + sb.length() + " characters here");
        }
        return sb.toString();
    }
}
