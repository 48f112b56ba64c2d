package io.tracewell.epcis.store;

import io.tracewell.epcis.store.testdb.TestDatabase;

/** The outbox tests on the embedded MariaDB 11.4. */
class OutboxOnEmbeddedMariaDbTest extends OutboxTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.embedded();
    }
}
