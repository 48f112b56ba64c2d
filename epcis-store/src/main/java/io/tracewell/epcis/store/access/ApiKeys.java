package io.tracewell.epcis.store.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The API keys of machine clients: created and revoked by an administrator, each acting for one organisation with
 * its roles (and a partner's GLNs).
 *
 * <p>A key as handed to its client is {@code twk_<id>_<secret>}: the id finds the row, the secret proves the
 * holder. Only the SHA-256 hash of the secret is stored and the secret is returned once, by {@link #create}. The
 * secret is 256 bits from {@link SecureRandom}, so a slow password hash would add nothing against guessing, while
 * it would cost every request; the hash is compared in constant time.
 */
public final class ApiKeys {

    /** Every key starts with this, which tells it from a JWT (which starts with {@code eyJ}). */
    public static final String PREFIX = "twk_";

    private static final int ID_BYTES = 8;
    private static final int SECRET_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{" + (ID_BYTES * 2) + "}");
    private static final Pattern GLN = Pattern.compile("\\d{13}");

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random;

    public ApiKeys(DataSource dataSource, Clock clock, SecureRandom random) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A key as listed: everything but its secret, which is not stored. */
    public record ApiKey(String id, String name, String organisation, Set<Caller.Role> roles, Set<String> partnerGlns,
                         Instant createdAt, Optional<Instant> revokedAt) {

        public boolean revoked() {
            return revokedAt.isPresent();
        }

        /** The caller a request with this key acts as. */
        public Caller caller() {
            return new Caller("api-key:" + id, organisation, roles, partnerGlns);
        }
    }

    /** A new key and its secret token, which is shown to the administrator once and never stored. */
    public record Created(ApiKey key, String token) {

        @Override
        public String toString() { // the token stays out of any log line that prints the record
            return "Created[key=" + key + ", token=(not shown)]";
        }
    }

    /**
     * Makes a key. {@code name} says what it is for (e.g. "packaging line 3"); the roles must not be empty; a key
     * with {@link Caller.Role#PARTNER} names the partner's GLNs.
     */
    public Created create(String name, String organisation, Set<Caller.Role> roles, Set<String> partnerGlns) {
        ApiKey key = newKey(name, organisation, roles, partnerGlns);
        try (Connection c = dataSource.getConnection()) {
            return insert(c, key);
        } catch (SQLException e) {
            throw new IllegalStateException("creating an API key failed: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the first administrator key, once per database: the first call (of any server sharing the database)
     * returns it, every later call returns empty, even when every key has since been revoked.
     */
    public Optional<Created> createFirstAdminKey(String organisation) {
        ApiKey key = newKey("first administrator key", organisation, EnumSet.of(Caller.Role.ADMIN), Set.of());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int inserted;
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT IGNORE INTO api_key_bootstrap (id, created_at) VALUES (1, ?)")) {
                    s.setTimestamp(1, Timestamp.from(key.createdAt()));
                    inserted = s.executeUpdate();
                }
                if (inserted == 0) {
                    c.rollback();
                    return Optional.empty();
                }
                Created created = insert(c, key);
                c.commit();
                return Optional.of(created);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating the first administrator key failed: " + e.getMessage(), e);
        }
    }

    /** Every key, revoked ones included, oldest first. */
    public List<ApiKey> list() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, name, organisation, roles, partner_glns,"
                     + " created_at, revoked_at FROM api_key ORDER BY created_at, id");
             ResultSet rows = s.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(read(rows));
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("listing API keys failed: " + e.getMessage(), e);
        }
    }

    /** Revokes a key; false when there is no such key or it was revoked before. Takes effect on the next request. */
    public boolean revoke(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setString(2, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("revoking an API key failed: " + e.getMessage(), e);
        }
    }

    /** Whether a token looks like an API key (and not like a JWT); says nothing about whether it is valid. */
    public static boolean isApiKey(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /** The key a token belongs to, when the token is a key's full and current (not revoked) value. */
    public Optional<ApiKey> verify(String token) {
        if (!isApiKey(token)) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int separator = rest.indexOf('_');
        if (separator < 0) {
            return Optional.empty();
        }
        String id = rest.substring(0, separator);
        String secret = rest.substring(separator + 1);
        if (!ID.matcher(id).matches() || secret.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, name, organisation, roles, partner_glns,"
                     + " created_at, revoked_at, secret_sha256 FROM api_key WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                byte[] stored = rows.getBytes("secret_sha256");
                ApiKey key = read(rows);
                if (!MessageDigest.isEqual(stored, sha256(secret)) || key.revoked()) {
                    return Optional.empty();
                }
                return Optional.of(key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("checking an API key failed: " + e.getMessage(), e);
        }
    }

    private ApiKey newKey(String name, String organisation, Set<Caller.Role> roles, Set<String> partnerGlns) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("a key needs a name of 1 to 255 characters");
        }
        if (organisation == null || organisation.isBlank() || organisation.length() > 255) {
            throw new IllegalArgumentException("a key needs an organisation of 1 to 255 characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one role");
        }
        for (String gln : partnerGlns) {
            if (!GLN.matcher(gln).matches()) {
                throw new IllegalArgumentException("\"" + gln + "\" is not a 13-digit GLN");
            }
        }
        if (roles.contains(Caller.Role.PARTNER) && partnerGlns.isEmpty()) {
            throw new IllegalArgumentException("a key with the partner role names the partner's GLNs");
        }
        byte[] idBytes = new byte[ID_BYTES];
        random.nextBytes(idBytes);
        Instant now = clock.instant();
        return new ApiKey(HexFormat.of().formatHex(idBytes), name.strip(), organisation.strip(),
                EnumSet.copyOf(roles), new LinkedHashSet<>(partnerGlns), now, Optional.empty());
    }

    private Created insert(Connection c, ApiKey key) throws SQLException {
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Arrays.fill(secretBytes, (byte) 0);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO api_key (id, secret_sha256, name, organisation,"
                + " roles, partner_glns, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, key.id());
            s.setBytes(2, sha256(secret));
            s.setString(3, key.name());
            s.setString(4, key.organisation());
            s.setString(5, key.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
            s.setString(6, String.join(",", key.partnerGlns()));
            s.setTimestamp(7, Timestamp.from(key.createdAt()));
            s.executeUpdate();
        }
        return new Created(key, PREFIX + key.id() + "_" + secret);
    }

    private static ApiKey read(ResultSet rows) throws SQLException {
        Set<Caller.Role> roles = EnumSet.noneOf(Caller.Role.class);
        for (String role : rows.getString("roles").split(",")) {
            if (!role.isBlank()) {
                roles.add(Caller.Role.valueOf(role.trim().toUpperCase(Locale.ROOT)));
            }
        }
        Set<String> glns = new LinkedHashSet<>();
        for (String gln : rows.getString("partner_glns").split(",")) {
            if (!gln.isBlank()) {
                glns.add(gln.trim());
            }
        }
        Timestamp revoked = rows.getTimestamp("revoked_at");
        return new ApiKey(rows.getString("id"), rows.getString("name"), rows.getString("organisation"), roles, glns,
                rows.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(revoked).map(Timestamp::toInstant));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
