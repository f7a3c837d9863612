package org.storelink.delivery.internal;

/** {@link StatusStateMachineTest} on PostgreSQL, when {@code -Dstorelink.test.postgresUrl} is given. */
class StatusStateMachinePostgresTest extends StatusStateMachineTest {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.postgres();
    }
}
