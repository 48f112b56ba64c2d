package io.tracewell.server.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.tracewell.epcis.store.access.ApiKeys;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.embedded.EmbeddedMariaDb;
import io.tracewell.epcis.store.embedded.EmbeddedMariaDbSettings;
import io.tracewell.epcis.store.schema.ConnectionSettings;
import io.tracewell.epcis.store.schema.DataSources;
import io.tracewell.server.config.ConfigException;
import io.tracewell.server.config.ConfigSource;
import io.tracewell.server.config.DatabaseSettings;
import io.tracewell.server.config.TracewellConfig;
import io.tracewell.server.database.DatabaseSchema;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tracewell keys create|list|revoke}: API keys of machine clients, on the database the server uses
 * (docs/security.md). On the embedded database only while no server runs on it (a running server is asked with
 * {@code POST/GET /admin/keys} and {@code DELETE /admin/keys/{id}} instead).
 */
@Command(
        name = "keys",
        description = {
            "Create, list and revoke API keys. Uses the same database settings as 'serve'",
            "(EPCIS_DB_URL or the embedded database in --data-dir, which no server may be using)."
        },
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Directory of the embedded MariaDB (EPCIS_DATA_DIR, default ./epcis-data).")
    Path dataDirectory;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "External MariaDB (EPCIS_DB_URL); give its password in EPCIS_DB_PASSWORD.")
    String databaseUrl;

    @Option(names = "--db-user", paramLabel = "USER", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "User of the external MariaDB (EPCIS_DB_USER).")
    String databaseUser;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** Opens the configured database, brings its schema up to date and runs {@code action} on its keys. */
    <T> T withKeys(java.util.function.Function<ApiKeys, T> action) {
        Map<String, String> overrides = new HashMap<>();
        if (dataDirectory != null) {
            overrides.put(TracewellConfig.DATA_DIR, dataDirectory.toString());
        }
        if (databaseUrl != null) {
            overrides.put(TracewellConfig.DB_URL, databaseUrl);
        }
        if (databaseUser != null) {
            overrides.put(TracewellConfig.DB_USER, databaseUser);
        }
        TracewellConfig config;
        try {
            config = TracewellConfig.from(ConfigSource.load(overrides));
        } catch (ConfigException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
        }
        DatabaseSettings database = config.database();
        EmbeddedMariaDb embedded = null;
        try {
            ConnectionSettings connection;
            if (database.embedded()) {
                embedded = EmbeddedMariaDb.start(new EmbeddedMariaDbSettings(config.embeddedDatabase()
                        .dataDirectory(), config.embeddedDatabase().port(), config.embeddedDatabase().databaseName()));
                connection = embedded.connectionSettings();
            } else {
                connection = new ConnectionSettings(database.url().orElseThrow(), database.user(),
                        database.password());
            }
            try (HikariDataSource dataSource = DataSources.pooled(connection, 2, database.connectionTimeout())) {
                new DatabaseSchema(dataSource).migrate();
                return action.apply(new ApiKeys(dataSource, Clock.systemUTC(), new SecureRandom()));
            }
        } catch (CommandFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CommandFailure(ExitCodes.FAILURE, "the database could not be used: " + e.getMessage(), e);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Command(name = "create", description = "Create a key; its secret is printed once, on standard output.")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the key is for.")
        String name;

        @Option(names = "--organisation", required = true, paramLabel = "ORG",
                description = "The organisation the key acts for.")
        String organisation;

        @Option(names = "--role", required = true, paramLabel = "ROLE", split = ",",
                description = "capture, query, partner, regulator or admin; repeat or separate with commas.")
        List<String> roles = new ArrayList<>();

        @Option(names = "--partner-gln", paramLabel = "GLN", split = ",",
                description = "A partner's 13-digit GLN (for the partner role); repeatable.")
        List<String> glns = new ArrayList<>();

        @Override
        public Integer call() {
            Set<Caller.Role> parsed = EnumSet.noneOf(Caller.Role.class);
            for (String role : roles) {
                try {
                    parsed.add(Caller.Role.valueOf(role.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(ExitCodes.USAGE, "\"" + role + "\" is not a role; roles are capture,"
                            + " query, partner, regulator and admin");
                }
            }
            ApiKeys.Created created = keys.withKeys(apiKeys -> {
                try {
                    return apiKeys.create(name, organisation, parsed, new LinkedHashSet<>(glns));
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
                }
            });
            PrintWriter out = spec.commandLine().getOut();
            out.println("id:           " + created.key().id());
            out.println("organisation: " + created.key().organisation());
            out.println("roles:        " + roleNames(created.key().roles()));
            out.println("key:          " + created.token());
            out.println("The key is shown this once; send it as 'Authorization: Bearer <key>'.");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List the keys (without secrets, which are not stored).")
    static final class ListKeys implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ApiKeys.ApiKey> all = keys.withKeys(ApiKeys::list);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-16s  %-8s  %-20s  %-24s  %s%n", "ID", "STATE", "ORGANISATION", "ROLES", "NAME");
            for (ApiKeys.ApiKey key : all) {
                out.printf("%-16s  %-8s  %-20s  %-24s  %s%n", key.id(), key.revoked() ? "revoked" : "active",
                        key.organisation(), roleNames(key.roles()), key.name());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", description = "Revoke a key; requests with it are refused from then on.")
    static final class Revoke implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The key's id (as 'keys list' shows it).")
        String id;

        @Override
        public Integer call() {
            if (!keys.withKeys(apiKeys -> apiKeys.revoke(id))) {
                throw new CommandFailure(ExitCodes.FAILURE, "there is no key " + id + " that is not revoked already");
            }
            spec.commandLine().getOut().println("revoked " + id);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    private static String roleNames(Set<Caller.Role> roles) {
        return String.join(",", roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
    }
}
