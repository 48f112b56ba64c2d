package io.tracewell.epcis.store;

import io.tracewell.epcis.store.testdb.TestDatabase;

/** The delivery records on the embedded MariaDB 11.4. */
class DeliveriesOnEmbeddedMariaDbTest extends DeliveriesTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.embedded();
    }
}
