package io.tracewell.epcis.store;

import io.tracewell.epcis.store.testdb.TestDatabase;

/** The capture job tests on the embedded MariaDB 11.4. */
class CaptureJobsOnEmbeddedMariaDbTest extends CaptureJobsTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.embedded();
    }
}
