package io.tracewell.epcis.hash;

/**
 * A run of {@code name=value} tokens without separators. Absent and empty values are left out entirely: in the
 * CBV 2.0 event hash ID a field that is omitted or empty contributes nothing to the pre-hash.
 */
final class Tokens {
    private final StringBuilder sb = new StringBuilder(64);

    Tokens add(String name, String canonicalValue) {
        if (canonicalValue != null && !canonicalValue.isEmpty()) {
            sb.append(name).append('=').append(canonicalValue);
        }
        return this;
    }

    Tokens append(String rendered) {
        sb.append(rendered);
        return this;
    }

    boolean isEmpty() {
        return sb.length() == 0;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
