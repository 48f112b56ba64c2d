package io.tracewell.epcis.store;

import io.tracewell.epcis.store.testdb.TestDatabase;

/** The store tests on the embedded MariaDB 11.4 (every machine). */
class EventStoreOnEmbeddedMariaDbTest extends EventStoreTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.embedded();
    }
}
