package io.tracewell.epcis.store.schema;

import java.util.Optional;

/**
 * What the connection pool needs to reach a database.
 *
 * @param url JDBC URL ({@code jdbc:mariadb://...})
 * @param user user name, or empty to leave it to the URL
 * @param password password, possibly empty
 */
public record ConnectionSettings(String url, Optional<String> user, String password) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ConnectionSettings[url=" + url + ", user=" + user.orElse("<from url>") + ", password="
                + (password.isEmpty() ? "<empty>" : "<hidden>") + "]";
    }
}
