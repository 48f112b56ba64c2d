package io.tracewell.trace.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.Sgtin;
import io.tracewell.trace.testdb.TraceTestDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The service on a real MariaDB: character set and length, order, uniqueness under concurrency, refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerialNumberServiceTest {

    private TraceTestDatabase database;
    private SerialNumberService service;

    @BeforeAll
    void start() {
        database = TraceTestDatabase.create();
        service = SerialNumberService.of(database.dataSource());
    }

    @AfterAll
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    /** A valid GTIN-14 of its own for each test: 12 digits from {@code n}, indicator 0, check digit computed. */
    static Gtin gtin(long n) {
        String body = String.format("0%012d", n);
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (body.charAt(12 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return new Gtin(body + (10 - sum % 10) % 10);
    }

    static SerializationRequest random(Gtin gtin, int count, int length) {
        return new SerializationRequest(gtin, count, SerialScheme.RANDOM, Optional.empty(), Optional.empty(),
                OptionalInt.of(length), Optional.empty());
    }

    static SerializationRequest sequential(Gtin gtin, int count, OptionalInt width) {
        return new SerializationRequest(gtin, count, SerialScheme.SEQUENTIAL, Optional.empty(), Optional.empty(),
                width, Optional.empty());
    }

    @Test
    void randomSerialsAreOfTheLengthAndCharacterSetAndAllDifferent() {
        Gtin gtin = gtin(101);
        SerialNumberService.Issued issued = service.issue(random(gtin, 3000, 10), 5000);

        List<String> serials = issued.serials();
        assertThat(serials).hasSize(3000).doesNotHaveDuplicates();
        Set<Character> seen = new HashSet<>();
        for (String s : serials) {
            assertThat(s).hasSize(10);
            for (char c : s.toCharArray()) {
                assertThat(SerialAlphabet.CHARACTERS.indexOf(c)).as("character %s of %s", c, s).isNotNegative();
                seen.add(c);
            }
            Sgtin.of(gtin, s); // a valid AI 21 value
        }
        // 30,000 draws: each of the 82 characters is missed with probability (81/82)^30000, about 1e-160
        assertThat(seen).hasSize(82);
        assertThat(stored(issued.request().id())).containsExactlyElementsOf(serials);
        assertThat(issued.request().collisionRetries()).isZero();
        assertThat(service.find(issued.request().id())).hasValueSatisfying(r -> {
            assertThat(r.count()).isEqualTo(3000);
            assertThat(r.scheme()).isEqualTo(SerialScheme.RANDOM);
            assertThat(r.length()).hasValue(10);
            assertThat(r.gtin()).isEqualTo(gtin);
            assertThat(r.commissionState()).isEmpty();
        });
    }

    @Test
    void sequentialSerialsContinueFromRequestToRequest() {
        Gtin padded = gtin(102);
        assertThat(service.issue(sequential(padded, 3, OptionalInt.of(6)), 10).serials())
                .containsExactly("000001", "000002", "000003");
        assertThat(service.issue(sequential(padded, 2, OptionalInt.of(6)), 10).serials())
                .containsExactly("000004", "000005");
        Gtin plain = gtin(103);
        SerialNumberService.Issued first = service.issue(sequential(plain, 1500, OptionalInt.empty()), 0);
        assertThat(first.serials()).isEmpty(); // more than kept: read by page
        List<String> stored = stored(first.request().id());
        assertThat(stored).hasSize(1500).startsWith("1", "2", "3").endsWith("1500");
        assertThat(service.issue(sequential(plain, 1, OptionalInt.empty()), 10).serials()).containsExactly("1501");
    }

    @Test
    void pagesFollowTheRequestsOrder() {
        SerialNumberService.Issued issued = service.issue(random(gtin(104), 25, 12), 100);
        List<SerialNumberService.Entry> first = service.page(issued.request().id(), -1, 10);
        List<SerialNumberService.Entry> second = service.page(issued.request().id(), 9, 10);
        List<SerialNumberService.Entry> last = service.page(issued.request().id(), 19, 10);
        assertThat(first).extracting(SerialNumberService.Entry::serial).containsExactlyElementsOf(
                issued.serials().subList(0, 10));
        assertThat(second).extracting(SerialNumberService.Entry::ordinal).containsExactly(
                10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(last).extracting(SerialNumberService.Entry::serial).containsExactlyElementsOf(
                issued.serials().subList(20, 25));
        assertThat(service.issued(issued.request(), issued.serials().get(7))).isTrue();
        assertThat(service.issued(issued.request(), "not-issued")).isFalse();
    }

    /** Several threads issue random and sequential serials for one GTIN at the same moment. */
    @Test
    void concurrentRequestsForOneGtinNeverShareASerial() throws Exception {
        Gtin gtin = gtin(105);
        int threads = 8;
        int rounds = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<SerialNumberService.Issued>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Callable<List<SerialNumberService.Issued>> work = () -> {
                start.await(30, TimeUnit.SECONDS);
                List<SerialNumberService.Issued> mine = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    SerializationRequest request = (thread + r) % 2 == 0
                            ? random(gtin, 700 + 13 * thread, 8)
                            : sequential(gtin, 600 + 7 * thread, OptionalInt.of(8));
                    mine.add(service.issue(request, Integer.MAX_VALUE));
                }
                return mine;
            };
            futures.add(pool.submit(work));
        }
        List<SerialNumberService.Issued> all = new ArrayList<>();
        for (Future<List<SerialNumberService.Issued>> f : futures) {
            all.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<String> every = new ArrayList<>();
        long total = 0;
        for (SerialNumberService.Issued issued : all) {
            assertThat(issued.serials()).hasSize(issued.request().count());
            every.addAll(issued.serials());
            total += issued.request().count();
            if (issued.request().scheme() == SerialScheme.SEQUENTIAL) {
                long first = Long.parseLong(issued.serials().get(0));
                for (int i = 0; i < issued.serials().size(); i++) {
                    assertThat(issued.serials().get(i)).as("no gap within a request")
                            .isEqualTo(String.format("%08d", first + i));
                }
            }
        }
        assertThat(every).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(count("SELECT COUNT(*) FROM serial_number WHERE gtin = '" + gtin.value() + "'")).isEqualTo(total);
        assertThat(count("SELECT issued_count FROM serial_gtin WHERE gtin = '" + gtin.value() + "'")).isEqualTo(total);
        // the sequential ranges tile 1..n without overlap: the highest number is the count of sequential serials
        long sequentialTotal = all.stream().filter(i -> i.request().scheme() == SerialScheme.SEQUENTIAL)
                .mapToLong(i -> i.request().count()).sum();
        long highest = all.stream().filter(i -> i.request().scheme() == SerialScheme.SEQUENTIAL)
                .flatMap(i -> i.serials().stream()).mapToLong(Long::parseLong).max().orElseThrow();
        assertThat(highest).isEqualTo(sequentialTotal);
    }

    /** A generator that replays the same bytes makes the second service draw the first one's serials again. */
    @Test
    void randomCollisionsAreDrawnAgainAndCounted() {
        Gtin gtin = gtin(106);
        SerialNumberService first = new SerialNumberService(database.dataSource(), replaying(42), Clock.systemUTC(),
                GuessingProbability.FMD_ONE_IN);
        SerialNumberService second = new SerialNumberService(database.dataSource(), replaying(42),
                Clock.systemUTC(), GuessingProbability.FMD_ONE_IN);
        SerialNumberService.Issued a = first.issue(random(gtin, 1500, 8), 5000);
        SerialNumberService.Issued b = second.issue(random(gtin, 1500, 8), 5000);

        assertThat(a.request().collisionRetries()).isZero();
        // the second draws the first's 1,500 serials in the same order: each one collides once at least
        assertThat(b.request().collisionRetries()).isGreaterThanOrEqualTo(1500);
        assertThat(service.find(b.request().id()).orElseThrow().collisionRetries())
                .isEqualTo(b.request().collisionRetries());
        Set<String> both = new HashSet<>(a.serials());
        both.addAll(b.serials());
        assertThat(both).hasSize(3000);
        assertThat(stored(b.request().id())).containsExactlyElementsOf(b.serials());
    }

    @Test
    void sequentialRangeMovesPastANumberTakenByARandomSerial() throws SQLException {
        Gtin gtin = gtin(107);
        // a random serial of only digits that is also the third sequential number of width 8
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO serial_request (id, gtin, serial_count, scheme, serial_length, created_at)"
                    + " VALUES ('r-digits', '" + gtin.value() + "', 1, 'random', 8, NOW(6))");
            s.executeUpdate("INSERT INTO serial_number (request_id, ordinal, gtin, serial) VALUES ('r-digits', 0, '"
                    + gtin.value() + "', '00000003')");
        }
        SerialNumberService.Issued issued = service.issue(sequential(gtin, 5, OptionalInt.of(8)), 10);
        assertThat(issued.serials()).containsExactly("00000004", "00000005", "00000006", "00000007", "00000008");
        assertThat(issued.request().collisionRetries()).isEqualTo(1);
        assertThat(service.issue(sequential(gtin, 1, OptionalInt.of(8)), 10).serials()).containsExactly("00000009");
    }

    @Test
    void refusesARandomRequestWhoseGuessingProbabilityWouldReachTheBound() {
        // 1 in 10^14 instead of 10^4, so that length 8 (82^8 = 2.04e15) allows only 20 serials
        SerialNumberService strict = new SerialNumberService(database.dataSource(), new SecureRandom(),
                Clock.systemUTC(), 100_000_000_000_000L);
        Gtin gtin = gtin(108);
        assertThat(strict.issue(random(gtin, 20, 8), 100).serials()).hasSize(20);

        assertThatThrownBy(() -> strict.issue(random(gtin, 1, 8), 100))
                .isInstanceOfSatisfying(SerializationRequestException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.location().pointer()).isEqualTo("/length");
                        assertThat(error.message()).contains("20 serials issued").contains("21 / 82^8")
                                .contains("not below 1 in 100000000000000");
                        assertThat(error.expected()).isEqualTo(
                                "a length of at least 9 for this count, or a count of at most 0 at length 8");
                    });
                });
        assertThat(count("SELECT COUNT(*) FROM serial_number WHERE gtin = '" + gtin.value() + "'")).isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM serial_request WHERE gtin = '" + gtin.value() + "'")).isEqualTo(1);
        assertThat(strict.issue(random(gtin, 100, 9), 100).serials()).hasSize(100);
    }

    @Test
    void refusesSequentialNumbersBeyondTheWidth() {
        Gtin gtin = gtin(109);
        assertThat(service.issue(sequential(gtin, 9, OptionalInt.of(1)), 10).serials())
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThatThrownBy(() -> service.issue(sequential(gtin, 1, OptionalInt.of(1)), 10))
                .isInstanceOfSatisfying(SerializationRequestException.class, e ->
                        assertThat(e.errors().get(0).message()).contains("go past 9, the largest of width 1"));
        assertThat(service.issue(sequential(gtin, 2, OptionalInt.of(2)), 10).serials()).containsExactly("10", "11");
    }

    @Test
    void issuesOneHundredThousandSerialsInOneRequest() {
        Gtin gtin = gtin(110);
        long started = System.nanoTime();
        SerialNumberService.Issued issued = service.issue(random(gtin, 100_000, 12), 1000);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("100,000 random serials issued in " + millis + " ms");
        assertThat(issued.serials()).isEmpty();
        assertThat(count("SELECT COUNT(DISTINCT serial) FROM serial_number WHERE request_id = '"
                + issued.request().id() + "'")).isEqualTo(100_000);
        assertThat(count("SELECT MAX(ordinal) FROM serial_number WHERE request_id = '"
                + issued.request().id() + "'")).isEqualTo(99_999);
    }

    /** A SecureRandom whose bytes come from a seeded java.util.Random: the same seed gives the same serials. */
    static SecureRandom replaying(long seed) {
        return new SecureRandom() {
            private final Random source = new Random(seed);

            @Override
            public void nextBytes(byte[] bytes) {
                source.nextBytes(bytes);
            }
        };
    }

    private List<String> stored(String requestId) {
        List<String> serials = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT serial FROM serial_number WHERE request_id = ? ORDER BY ordinal")) {
            s.setString(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    serials.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return serials;
    }

    private long count(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
