package io.tracewell.epcis.query.http;

import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.epcis.query.QueryParameterException;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Paging of the lists that are not event queries (known EPCs, business steps, ..., named queries): ordered by
 * their value, each page starts after the last value of the previous one. The token is that value, base64url
 * encoded: it reveals nothing a client has not seen on the page, and a value captured meanwhile simply takes its
 * place in the order, so a page never repeats an entry.
 *
 * @param perPage the page size asked for, capped
 * @param after   the value the page starts after; empty for the first page (every stored value is longer)
 */
public record CollectionPages(int perPage, String after) {

    static final int DEFAULT_PER_PAGE = 30;

    /**
     * Reads {@code perPage} and {@code nextPageToken} from the raw query string; any other parameter is refused.
     *
     * @throws QueryParameterException naming the parameter that is unknown or malformed
     */
    public static CollectionPages read(String rawQuery, int maxPerPage) {
        Map<String, List<String>> parameters = QueryRoutes.queryParameters(rawQuery);
        int perPage = DEFAULT_PER_PAGE;
        String after = "";
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            switch (p.getKey()) {
                case "perPage" -> perPage = perPage(p.getValue(), maxPerPage);
                case "nextPageToken" -> after = value(p.getValue().get(0));
                default -> throw new QueryParameterException(p.getKey(), "is not a parameter of this list",
                        "perPage and nextPageToken only");
            }
        }
        return new CollectionPages(perPage, after);
    }

    private static int perPage(List<String> values, int maxPerPage) {
        String text = values.size() == 1 ? values.get(0) : String.join("|", values);
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return Math.min(n, maxPerPage);
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new QueryParameterException("perPage", "\"" + text + "\" is not a whole number of at least 1",
                "a whole number from 1; the server returns at most " + maxPerPage + " entries per page");
    }

    static String token(String lastValue) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastValue.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(String token) {
        try {
            String value = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!value.isEmpty() && token(value).equals(token)) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new QueryParameterException("nextPageToken", "is not a token of this list",
                "the nextPageToken of the previous page's Link header, unchanged");
    }

    /** Adds {@code Link: <path?perPage=..&nextPageToken=..>; rel="next"} when the page was full and more follow. */
    public void linkNext(HttpServerResponse response, String path, String lastValue) {
        response.putHeader("Link", "<" + path + "?perPage=" + perPage + "&nextPageToken="
                + PathSegments.encode(token(lastValue)) + ">; rel=\"next\"");
    }
}
