package org.storelink.ledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.storelink.ledger.SalesQueries;
import org.storelink.ledger.SalesSummary;
import org.storelink.ledger.SalesSummary.TopProduct;
import org.storelink.model.AreaProfile;
import org.storelink.model.Money;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

class SalesSummaryCommandTest {
    private static final Subject PLATFORM_ADMIN = subject("admin", "admin", "viewer", "ssh");
    private static final Subject EAST_ADMIN = subject("carol", "ssh", "viewer", "region-admin", "region-east");

    private final List<Optional<String>> queried = new ArrayList<>();

    /** Only summaries are asked for; a proxy keeps the test independent of the rest of the interface. */
    private final SalesQueries sales = (SalesQueries) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {SalesQueries.class}, (proxy, method, args) -> {
                if (!method.getName().equals("summary")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                @SuppressWarnings("unchecked")
                Optional<String> store = (Optional<String>) args[0];
                return summary(store);
            });

    private SalesSummary summary(Optional<String> store) {
        queried.add(store);
        return switch (store.orElse("all")) {
            case "sh-campus-001" -> new SalesSummary(2, List.of(new Money(700, "CNY")), List.of(
                    new TopProduct("06901234567892", "Green tea 500ml", new BigDecimal("2"), new Money(700, "CNY"))));
            case "hz-home-003" -> new SalesSummary(3, List.of(new Money(1200, "CNY"), new Money(100, "USD")),
                    List.of(new TopProduct("04006381333931", "Coffee", BigDecimal.ONE, new Money(500, "CNY")),
                            new TopProduct("06901234567892", "Green tea 500ml", new BigDecimal("1.5"),
                                    new Money(525, "CNY"))));
            default -> new SalesSummary(9, List.of(new Money(99_900, "CNY")), List.of());
        };
    }

    private static final StoreRegistry STORES = new StoreRegistry() {
        private final List<Store> all = List.of(newStore("bj-transit-004", "north"), newStore("hz-home-003", "east"),
                newStore("sh-campus-001", "east"));

        @Override
        public Optional<Store> store(String id) {
            return all.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<Store> stores() {
            return all;
        }

        @Override
        public List<Region> regions() {
            return List.of(new Region("east", "East China"), new Region("north", "North China"));
        }

        @Override
        public Optional<byte[]> secret(String storeId) {
            return Optional.empty();
        }
    };

    private static Store newStore(String id, String region) {
        return new Store(id, id, region, AreaProfile.values()[0], ZoneId.of("Asia/Shanghai"), null);
    }

    private static Subject subject(String user, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        Arrays.stream(roles).map(RolePrincipal::new).forEach(subject.getPrincipals()::add);
        return subject;
    }

    private SalesSummaryCommand command(String store) {
        SalesSummaryCommand command = new SalesSummaryCommand();
        command.sales = sales;
        command.stores = STORES;
        command.store = store;
        return command;
    }

    @SuppressWarnings("removal")
    private static String run(Subject subject, SalesSummaryCommand command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) command::execute);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRegionalAdminIsRefusedAStoreOfAnotherRegion() {
        assertThatThrownBy(() -> run(EAST_ADMIN, command("bj-transit-004"))).isInstanceOf(SecurityException.class)
                .hasMessage("user carol administers region east only; store bj-transit-004 is in region north");
        assertThat(queried).isEmpty();
    }

    @Test
    void aRegionalAdminSeesItsOwnStore() throws Exception {
        assertThat(run(EAST_ADMIN, command("sh-campus-001"))).contains("Store: sh-campus-001", "Sales: 2");
        assertThat(queried).containsExactly(Optional.of("sh-campus-001"));
    }

    @Test
    void allStoresOfARegionalAdminAreThoseOfItsRegion() throws Exception {
        String out = run(EAST_ADMIN, command(null));

        assertThat(queried).containsExactlyInAnyOrder(Optional.of("sh-campus-001"), Optional.of("hz-home-003"));
        assertThat(out).contains("Store: all of east", "Sales: 5", "Revenue: CNY 19.00, USD 1.00")
                .containsPattern("06901234567892 \\| Green tea 500ml \\| +3.5 \\| CNY 12.25")
                .doesNotContain("999");
        assertThat(out.indexOf("Green tea")).isLessThan(out.indexOf("Coffee"));
    }

    @Test
    void thePlatformAdminQueriesAsBefore() throws Exception {
        assertThat(run(PLATFORM_ADMIN, command(null))).contains("Store: all", "Sales: 9");
        assertThat(run(PLATFORM_ADMIN, command("bj-transit-004"))).contains("Store: bj-transit-004");
        assertThat(queried).containsExactly(Optional.empty(), Optional.of("bj-transit-004"));
    }

    @Test
    void mergeRanksByRevenueAndKeepsTheTop() {
        SalesSummary merged = SalesSummaryCommand.merge(List.of(
                sales.summary(Optional.of("sh-campus-001"), Optional.empty(), 5),
                sales.summary(Optional.of("hz-home-003"), Optional.empty(), 5)), 1);

        assertThat(merged.sales()).isEqualTo(5);
        assertThat(merged.topProducts()).singleElement().satisfies(product -> {
            assertThat(product.gtin()).isEqualTo("06901234567892");
            assertThat(product.units()).isEqualByComparingTo("3.5");
            assertThat(product.revenue()).isEqualTo(new Money(1225, "CNY"));
        });
    }
}
