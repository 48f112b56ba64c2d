package io.tracewell.epcis.id;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * GS1 company prefix lengths, needed to turn a GS1 element string or Digital Link into an EPC URI (the element string
 * does not say where the company prefix ends).
 *
 * <p>Entries map a digit prefix to a company prefix length, like GS1's "GCP length prefix format list": a key whose
 * {@link Gs1Key#prefixedDigits() prefixed digits} start with the prefix has that length; the longest matching prefix
 * wins. Entries come from configuration ({@link #put}, {@link #read}) or are learned from EPC URIs, which carry the
 * length ({@link #learn(CompanyPrefix)}). A learned length never overrides a configured one, and a learned length that
 * contradicts what the table already says is refused (GS1 company prefixes never overlap, so a contradiction means bad
 * data). Lookups are lock-free; all methods are safe for concurrent use.
 *
 * <p>No length is ever inferred from the GS1 prefix alone (see docs/identifiers.md): without an entry the answer is
 * "unknown" and the caller keeps the Digital Link.
 */
public final class CompanyPrefixLengths {

    private static final CompanyPrefixLengths NONE = new CompanyPrefixLengths(false, false);

    private record Entry(int length, boolean configured) {
    }

    private final NavigableMap<String, Entry> entries = new ConcurrentSkipListMap<>();
    private final boolean learning;
    private final boolean mutable;
    private final Object writeLock = new Object();

    private CompanyPrefixLengths(boolean learning, boolean mutable) {
        this.learning = learning;
        this.mutable = mutable;
    }

    /** The shared empty table: knows nothing, learns nothing, cannot be configured. */
    public static CompanyPrefixLengths none() {
        return NONE;
    }

    /** An empty table that learns lengths from the EPC URIs it is shown. */
    public static CompanyPrefixLengths learningTable() {
        return new CompanyPrefixLengths(true, true);
    }

    /** An empty table that only holds what is configured. */
    public static CompanyPrefixLengths fixedTable() {
        return new CompanyPrefixLengths(false, true);
    }

    /**
     * Reads configured entries, one per line: {@code <digit prefix>=<length>} (or separated by whitespace or ','),
     * '#' starts a comment, blank lines are ignored. Example: {@code 0614141=7}.
     *
     * @throws IdentifierException naming the line when a line is malformed
     */
    public CompanyPrefixLengths read(Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String t = line.replaceFirst("#.*$", "").strip();
            if (t.isEmpty()) {
                continue;
            }
            String[] parts = t.split("\\s*[=,\\s]\\s*");
            if (parts.length != 2 || !parts[1].chars().allMatch(Character::isDigit) || parts[1].isEmpty()
                    || parts[1].length() > 2) {
                throw new IdentifierException("company prefix length table, line " + lineNumber
                        + ": expected '<digit prefix>=<length>', found '" + t + "'");
            }
            try {
                put(parts[0], Integer.parseInt(parts[1]));
            } catch (IdentifierException e) {
                throw new IdentifierException("company prefix length table, line " + lineNumber + ": "
                        + e.getMessage());
            }
        }
        return this;
    }

    /** Reads a UTF-8 file in the format of {@link #read(Reader)}. */
    public CompanyPrefixLengths load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read company prefix lengths from " + file, e);
        }
    }

    /**
     * Configures a length for keys starting with {@code prefix} (1-12 digits; the length 6-12). Replaces any entry
     * for the same prefix.
     */
    public CompanyPrefixLengths put(String prefix, int length) {
        if (!mutable) {
            throw new UnsupportedOperationException("the shared empty table cannot be configured");
        }
        checkPrefix(prefix);
        if (length < 6 || length > 12) {
            throw new IdentifierException("company prefix length must be 6 to 12, found " + length);
        }
        synchronized (writeLock) {
            entries.put(prefix, new Entry(length, true));
        }
        return this;
    }

    private static void checkPrefix(String prefix) {
        if (prefix.isEmpty() || prefix.length() > 12 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IdentifierException("company prefix table entry must be 1 to 12 digits, found '" + prefix + "'");
        }
    }

    /** Whether {@link Epc#parse(String, CompanyPrefixLengths)} records the lengths of EPC URIs in this table. */
    public boolean learning() {
        return learning;
    }

    /**
     * Records a company prefix seen in an EPC URI.
     *
     * @return true if the table now agrees with it (new or already known), false if it contradicts an entry (the
     *     table is left unchanged)
     */
    public boolean learn(CompanyPrefix prefix) {
        if (!mutable) {
            return false;
        }
        String digits = prefix.digits();
        int length = digits.length();
        synchronized (writeLock) {
            OptionalInt known = lengthFor(digits);
            if (known.isPresent()) {
                return known.getAsInt() == length;
            }
            // A longer entry inside this prefix with another length contradicts it.
            for (Map.Entry<String, Entry> e : entries.subMap(digits, true, digits + ":", false).entrySet()) {
                if (e.getValue().length() != length) {
                    return false;
                }
            }
            entries.put(digits, new Entry(length, false));
            return true;
        }
    }

    /** Records the company prefix of a key whose length is known; returns false if unknown or contradicting. */
    public boolean learn(Gs1Key key) {
        return key.companyPrefix().map(this::learn).orElse(false);
    }

    /** The length for a key whose prefixed digits are given (longest matching entry), if any. */
    public OptionalInt lengthFor(String prefixedDigits) {
        if (entries.isEmpty()) {
            return OptionalInt.empty();
        }
        int max = Math.min(12, prefixedDigits.length());
        for (int n = max; n >= 1; n--) {
            Entry e = entries.get(prefixedDigits.substring(0, n));
            if (e != null) {
                return OptionalInt.of(e.length());
            }
        }
        return OptionalInt.empty();
    }

    public int size() {
        return entries.size();
    }

    /** Writes all entries (configured and learned) in the format of {@link #read(Reader)}, learned ones marked. */
    public void writeTo(Writer out) throws IOException {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            out.write(e.getKey() + "=" + e.getValue().length()
                    + (e.getValue().configured() ? "" : "  # learned") + "\n");
        }
    }
}
