package org.storelink.delivery.internal;

/** {@link DeliveryServiceTest} on PostgreSQL, when {@code -Dstorelink.test.postgresUrl} is given. */
class DeliveryServicePostgresTest extends DeliveryServiceTest {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.postgres();
    }
}
