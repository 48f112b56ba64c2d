package io.tracewell.epcis.store.schema;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Pools for the event store. */
public final class DataSources {

    private DataSources() {}

    /**
     * A HikariCP pool on a MariaDB URL. {@code rewriteBatchedStatements=true} is added when the URL does
     * not say otherwise: Connector/J then sends one multi-row INSERT per batch instead of one round trip
     * per row, which is what makes the projection writes cheap.
     */
    public static HikariDataSource pooled(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tracewell-store");
        config.setDriverClassName("org.mariadb.jdbc.Driver");
        config.setJdbcUrl(withBatchRewriting(url));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    static String withBatchRewriting(String url) {
        if (url.contains("rewriteBatchedStatements=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
    }
}
