package io.tracewell.trace.serial;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The chance that a guessed serial is one that was issued (EU FMD, DR 2016/161 Art. 4(c): "negligible and in any
 * case less than one in ten thousand"; docs/serialization.md works the numbers).
 *
 * <p>Random serials of length L are drawn uniformly from the 82^L strings of L characters of GS1 set 82. With N
 * serials issued for the GTIN, a guess of length L hits one with probability at most N / 82^L. The check counts
 * every serial of the GTIN in N, whatever its scheme or length: a serial of another length cannot be hit by a guess
 * of length L, so the bound is conservative. It is evaluated in exact integer arithmetic.
 */
public final class GuessingProbability {

    /** The FMD bound: below 1 in 10,000. */
    public static final long FMD_ONE_IN = 10_000L;

    private static final BigInteger ALPHABET = BigInteger.valueOf(SerialAlphabet.SIZE);

    private GuessingProbability() {}

    /** 82^length: how many random serials of that length there are. */
    public static BigInteger space(int length) {
        return ALPHABET.pow(length);
    }

    /** Whether {@code issued / 82^length < 1 / oneIn}, i.e. {@code issued × oneIn < 82^length}. */
    public static boolean below(long issued, int length, long oneIn) {
        return BigInteger.valueOf(issued).multiply(BigInteger.valueOf(oneIn)).compareTo(space(length)) < 0;
    }

    /** {@code issued / 82^length}, to 6 significant digits. */
    public static BigDecimal probability(long issued, int length) {
        return new BigDecimal(issued).divide(new BigDecimal(space(length)), new MathContext(6));
    }

    /** The shortest length at which {@code issued} serials stay below 1 in {@code oneIn} (may exceed 20). */
    public static int minimumLength(long issued, long oneIn) {
        int length = 1;
        while (!below(issued, length, oneIn)) {
            length++;
        }
        return length;
    }
}
