package io.tracewell.trace.verify;

/** The scanned lot or expiry against the one recorded at commissioning. */
public enum Comparison {
    /** Both are there and equal. */
    MATCH("match"),
    /** Both are there and differ: a sign of a relabelled or counterfeit pack. */
    MISMATCH("mismatch"),
    /** The scanned code does not carry it. */
    NOT_GIVEN("not_given"),
    /** The code carries it, the repository has no commissioning ILMD value to compare it with. */
    NOT_RECORDED("not_recorded");

    private final String word;

    Comparison(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
