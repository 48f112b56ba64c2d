package io.tracewell.epcis.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tracewell.epcis.store.testdb.TestDatabase;
import java.util.Optional;

/** The delivery records on the server TRACEWELL_TEST_DB_URL names; skipped when it is unset. */
class DeliveriesOnConfiguredServerTest extends DeliveriesTest {

    @Override
    TestDatabase createDatabase() {
        Optional<TestDatabase> database = TestDatabase.onConfiguredServer();
        assumeTrue(database.isPresent(), TestDatabase.URL_VARIABLE + " is not set");
        return database.get();
    }
}
