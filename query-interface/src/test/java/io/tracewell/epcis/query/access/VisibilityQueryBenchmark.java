package io.tracewell.epcis.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.jsonld.JsonLdEventReader;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.query.EventQueries;
import io.tracewell.epcis.query.QueryContext;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.query.SimpleEventQuery;
import io.tracewell.epcis.query.testdb.QueryTestDatabase;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.access.Visibility;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the visibility condition costs a query (docs/security.md, "Visibility"): pack histories and a one-day window
 * through {@link EventQueries}, as a regulator (no condition: the benchmark's SQL), as a query caller of the pack's
 * organisation, and as a partner, on a store of cases of 10 packs (commissioned, packed, shipped, received) captured
 * by four organisations, 1% of the shipments to the partner. Prints the timings and the plans. Informational: run
 * with {@code -Dgroups=benchmark -Dtest=VisibilityQueryBenchmark [-Dcases=25000]}.
 */
@Tag("benchmark")
class VisibilityQueryBenchmark {

    private static final String PARTNER_GLN = "4012345000016";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int DAYS = 28;

    @Test
    void packHistoriesAndADayWindowForEachKindOfCaller() throws Exception {
        int cases = Integer.getInteger("cases", 25_000);
        try (QueryTestDatabase database = QueryTestDatabase.create()) {
            EventStore store = EventStore.of(database.dataSource());
            long loadStart = System.nanoTime();
            for (int first = 0; first < cases; first += 250) {
                for (int org = 0; org < 4; org++) {
                    List<EpcisEvent> batch = new ArrayList<>();
                    for (int c = first; c < Math.min(first + 250, cases); c++) {
                        if (c % 4 == org) {
                            batch.addAll(caseEvents(c, cases));
                        }
                    }
                    if (!batch.isEmpty()) {
                        store.store(batch, CaptureContext.capture("load-" + first + "-" + org, "org-" + org,
                                Namespaces.NONE));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "loaded %,d events in %.1f s%n", cases * 4,
                    (System.nanoTime() - loadStart) / 1e9);
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("ANALYZE TABLE epcis_event, epcis_event_epc,"
                         + " epcis_event_source_dest")) {
                s.execute();
            }
            EventQueries queries = new EventQueries(database.dataSource(),
                    () -> EventQueries.loadSecret(database.dataSource()), Duration.ofHours(1), Clock.systemUTC());
            QueryParser parser = QueryParser.standard();
            Random random = new Random(7);
            Caller regulator = new Caller("r", "authority", Set.of(Caller.Role.REGULATOR), Set.of());
            Caller partner = new Caller("p", "partner", Set.of(Caller.Role.PARTNER), Set.of(PARTNER_GLN));

            long[][] times = new long[3][600];
            for (int i = 0; i < 700; i++) {
                int c = random.nextInt(cases);
                String pack = pack(c, random.nextInt(10));
                SimpleEventQuery query = parser.parse(Map.of("MATCH_anyEPC", List.of(pack)), QueryContext.empty());
                Caller owner = new Caller("q", "org-" + (c % 4), Set.of(Caller.Role.QUERY), Set.of());
                Caller[] callers = {regulator, owner, partner};
                for (int j = 0; j < 3; j++) {
                    int k = (i + j) % 3; // each kind of caller goes first in turn: the first one reads cold pages
                    long t = System.nanoTime();
                    int n = queries.run(query, callers[k], "pack", null, 100).events().size();
                    long took = System.nanoTime() - t;
                    // The pack's commissioning and packing; the partner sees them for the cases shipped to it.
                    assertThat(n).as("pack history").isEqualTo(k < 2 || c % 100 == 0 ? 2 : 0);
                    if (i >= 100) {
                        times[k][i - 100] = took;
                    }
                }
            }
            String[] names = {"regulator (no condition)", "query caller (its organisation)", "partner"};
            for (int k = 0; k < 3; k++) {
                Arrays.sort(times[k]);
                System.out.printf(Locale.ROOT, "pack history, %-32s p50 %.2f ms  p99 %.2f ms%n", names[k],
                        times[k][300] / 1e6, times[k][594] / 1e6);
            }

            Map<String, List<String>> day = new LinkedHashMap<>();
            day.put("GE_eventTime", List.of(START.plus(Duration.ofDays(10)).toString()));
            day.put("LT_eventTime", List.of(START.plus(Duration.ofDays(11)).toString()));
            day.put("orderBy", List.of("eventTime"));
            SimpleEventQuery window = parser.parse(day, QueryContext.empty());
            Caller org0 = new Caller("q", "org-0", Set.of(Caller.Role.QUERY), Set.of());
            for (Caller caller : List.of(regulator, org0, partner, regulator, org0, partner)) {
                long t = System.nanoTime();
                int n = 0;
                String token = null;
                do {
                    EventQueries.Page page = queries.run(window, caller, "day", token, 1000);
                    n += page.events().size();
                    token = page.nextPageToken().orElse(null);
                } while (token != null);
                double seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "one-day window (orderBy=eventTime), %s: %,d events, %.2f s, %.0f"
                        + " events/s%n", caller.organisation(), n, seconds, n / seconds);
            }
            for (Caller caller : List.of(regulator, org0, partner)) {
                explain(database, parser.parse(Map.of("MATCH_anyEPC", List.of(pack(1, 1))), QueryContext.empty()),
                        caller, "pack history");
                explain(database, window, caller, "one-day window");
                explain(database, parser.parse(Map.of(), QueryContext.empty()), caller, "no parameters");
            }
        }
    }

    private static void explain(QueryTestDatabase database, SimpleEventQuery query, Caller caller, String what)
            throws Exception {
        var where = query.where();
        Visibility.events(caller, "e").ifPresent(v -> where.add(v.sql(), v.arguments().toArray()));
        String sql = "EXPLAIN SELECT e.id, e.event_json FROM epcis_event e WHERE " + where.sql()
                + " ORDER BY " + query.order().key().column() + " LIMIT 1000";
        System.out.println("-- " + what + ", " + caller.organisation() + " " + caller.roles());
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object a : where.arguments()) {
                s.setObject(i++, a);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    System.out.printf("   %s %s type=%s key=%s rows=%s extra=%s%n", r.getString("id"),
                            r.getString("table"), r.getString("type"), r.getString("key"), r.getString("rows"),
                            r.getString("Extra"));
                }
            }
        }
    }

    private static String pack(int c, int p) {
        return String.format(Locale.ROOT, "urn:epc:id:sgtin:4012345.011111.%d", c * 10 + p);
    }

    private static List<EpcisEvent> caseEvents(int c, int cases) {
        Instant day = START.plus(Duration.ofSeconds((long) c * DAYS * 86_400 / cases));
        List<String> packs = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            packs.add("\"" + pack(c, p) + "\"");
        }
        String sscc = String.format(Locale.ROOT, "urn:epc:id:sscc:4012345.%010d", c);
        String destination = c % 100 == 0 ? "urn:epc:id:pgln:4012345.00001" : "urn:epc:id:pgln:9520000.00001";
        return List.of(
                event("ObjectEvent", day, "\"action\":\"ADD\",\"epcList\":[" + String.join(",", packs)
                        + "],\"bizStep\":\"commissioning\""),
                event("AggregationEvent", day.plusSeconds(60), "\"action\":\"ADD\",\"parentID\":\"" + sscc
                        + "\",\"childEPCs\":[" + String.join(",", packs) + "],\"bizStep\":\"packing\""),
                event("ObjectEvent", day.plusSeconds(86_400), "\"action\":\"OBSERVE\",\"epcList\":[\"" + sscc
                        + "\"],\"bizStep\":\"shipping\",\"destinationList\":[{\"type\":\"owning_party\","
                        + "\"destination\":\"" + destination + "\"}]"),
                event("ObjectEvent", day.plusSeconds(3 * 86_400), "\"action\":\"OBSERVE\",\"epcList\":[\"" + sscc
                        + "\"],\"bizStep\":\"receiving\""));
    }

    private static EpcisEvent event(String type, Instant time, String body) {
        String json = "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\""
                + type + "\",\"eventTime\":\"" + time + "\",\"eventTimeZoneOffset\":\"+00:00\"," + body + "}";
        return JsonLdEventReader.readEvent(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
