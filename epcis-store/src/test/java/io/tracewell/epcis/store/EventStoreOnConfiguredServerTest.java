package io.tracewell.epcis.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tracewell.epcis.store.testdb.TestDatabase;
import java.util.Optional;

/** The store tests on the server TRACEWELL_TEST_DB_URL names (CI: MariaDB 10.11); skipped when it is unset. */
class EventStoreOnConfiguredServerTest extends EventStoreTest {

    @Override
    TestDatabase createDatabase() {
        Optional<TestDatabase> database = TestDatabase.onConfiguredServer();
        assumeTrue(database.isPresent(), TestDatabase.URL_VARIABLE + " is not set");
        return database.get();
    }
}
