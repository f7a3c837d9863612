package org.storelink.delivery.internal;

/** {@link LateCountingTest} on PostgreSQL, when {@code -Dstorelink.test.postgresUrl} is given. */
class LateCountingPostgresTest extends LateCountingTest {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.postgres();
    }
}
