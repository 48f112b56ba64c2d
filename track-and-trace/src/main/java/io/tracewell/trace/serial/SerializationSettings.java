package io.tracewell.trace.serial;

import java.util.Objects;

/**
 * How the serialization service and its routes behave.
 *
 * @param defaultRandomLength the length of random serials when a request names none (8 to 20)
 * @param maxCount            the most serials one request may ask for (1 to 1,000,000)
 * @param guessOneIn          random requests must keep the guessing probability below 1 in this many; at least
 *                            {@link GuessingProbability#FMD_ONE_IN}, the EU FMD bound
 * @param inlineSerials       requests of at most this many serials get them in the 201 response; larger ones are
 *                            read page by page
 * @param maxPerPage          the most serials one page of {@code GET .../serials} holds
 * @param epcsPerEvent        the most EPCs one commissioning ObjectEvent holds; more serials give more events
 * @param resolverBase        the host of the GS1 Digital Links that QR codes carry and that EPCs are written in,
 *                            e.g. {@code https://id.gs1.org}
 */
public record SerializationSettings(int defaultRandomLength, int maxCount, long guessOneIn, int inlineSerials,
                                    int maxPerPage, int epcsPerEvent, String resolverBase) {

    /** The shortest random serial length accepted. */
    public static final int MIN_RANDOM_LENGTH = 8;
    /** The longest serial AI 21 (and the FMD) allows. */
    public static final int MAX_LENGTH = 20;
    /** The most serials any request may ask for. */
    public static final int MAX_COUNT = 1_000_000;

    /** Length 12, up to 1,000,000 serials, the FMD bound, 1,000 inline, pages of up to 10,000, id.gs1.org. */
    public static final SerializationSettings DEFAULT = new SerializationSettings(12, MAX_COUNT,
            GuessingProbability.FMD_ONE_IN, 1000, 10_000, 10_000, "https://id.gs1.org");

    public SerializationSettings {
        if (defaultRandomLength < MIN_RANDOM_LENGTH || defaultRandomLength > MAX_LENGTH) {
            throw new IllegalArgumentException("defaultRandomLength must be " + MIN_RANDOM_LENGTH + " to "
                    + MAX_LENGTH + ", got " + defaultRandomLength);
        }
        if (maxCount < 1 || maxCount > MAX_COUNT) {
            throw new IllegalArgumentException("maxCount must be 1 to " + MAX_COUNT + ", got " + maxCount);
        }
        if (guessOneIn < GuessingProbability.FMD_ONE_IN) {
            throw new IllegalArgumentException("guessOneIn must be at least " + GuessingProbability.FMD_ONE_IN
                    + " (EU FMD), got " + guessOneIn);
        }
        if (inlineSerials < 0 || maxPerPage < 1 || epcsPerEvent < 1) {
            throw new IllegalArgumentException("inlineSerials must be at least 0, maxPerPage and epcsPerEvent at"
                    + " least 1");
        }
        Objects.requireNonNull(resolverBase, "resolverBase");
        if (!resolverBase.startsWith("https://") && !resolverBase.startsWith("http://")) {
            throw new IllegalArgumentException("resolverBase must be an http(s) URI, got " + resolverBase);
        }
    }
}
