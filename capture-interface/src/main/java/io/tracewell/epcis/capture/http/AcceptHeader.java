package io.tracewell.epcis.capture.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses what to answer with from a request's {@code Accept} header (RFC 9110 §12.5.1): each offered media
 * type gets the quality of the most specific range that matches it; the highest quality above zero wins and,
 * between equals, the server's order of preference. No header accepts everything.
 */
public final class AcceptHeader {

    private final List<MediaRange> ranges;

    private AcceptHeader(List<MediaRange> ranges) {
        this.ranges = ranges;
    }

    public static AcceptHeader parse(String header) {
        List<MediaRange> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            ranges.add(new MediaRange("*", "*", 1.0));
        } else {
            for (String element : header.split(",")) {
                MediaRange range = MediaRange.parse(element);
                if (range != null) {
                    ranges.add(range);
                }
            }
        }
        return new AcceptHeader(List.copyOf(ranges));
    }

    /** The quality the client gives {@code mediaType}, 0 when it does not accept it. */
    public double quality(String mediaType) {
        MediaRange best = null;
        for (MediaRange range : ranges) {
            if (range.matches(mediaType) && (best == null || range.specificity() > best.specificity())) {
                best = range;
            }
        }
        return best == null ? 0 : best.quality();
    }

    /** The offered media type the client prefers, in the server's order between equals; empty if none. */
    public Optional<String> choose(List<String> offered) {
        String chosen = null;
        double chosenQuality = 0;
        for (String mediaType : offered) {
            double q = quality(mediaType);
            if (q > chosenQuality) {
                chosen = mediaType;
                chosenQuality = q;
            }
        }
        return Optional.ofNullable(chosen);
    }
}
