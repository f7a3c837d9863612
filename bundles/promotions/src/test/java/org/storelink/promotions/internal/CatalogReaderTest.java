package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.promotions.internal.Fixtures.BRAND;
import static org.storelink.promotions.internal.Fixtures.bytes;
import static org.storelink.promotions.internal.Fixtures.catalog;
import static org.storelink.promotions.internal.Fixtures.teaPromotion;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Violation;
import org.storelink.promotions.Mechanics;

class CatalogReaderTest {

    private static List<String> problems(ObjectNode catalog) {
        return CatalogReader.read(bytes(catalog), BRAND).problems().stream().map(Violation::toString).toList();
    }

    @Test
    void aValidCatalogIsReadWithEveryField() {
        ObjectNode promotion = teaPromotion("ACME-TEA-15");
        promotion.putObject("eligibility").putArray("regions").add("east");
        ((ObjectNode) promotion.get("eligibility")).putArray("areaProfiles").add("student").add("Office");
        ObjectNode bundle = teaPromotion("ACME-NOODLE-3FOR9");
        bundle.putArray("products").add(Fixtures.NOODLES);
        bundle.putObject("mechanics").put("type", "bundle-price").put("quantity", 3).put("price", 900)
                .put("currency", "CNY");

        CatalogReader.Result result = CatalogReader.read(bytes(catalog("acme-2026-12", 2, promotion, bundle)), BRAND);

        assertThat(result.problems()).isEmpty();
        Catalog catalog = result.catalog();
        assertThat(catalog.catalogId()).isEqualTo("acme-2026-12");
        assertThat(catalog.version()).isEqualTo(2);
        assertThat(catalog.brand()).isEqualTo(BRAND);
        assertThat(catalog.contentHash()).hasSize(64);
        PromotionDefinition tea = catalog.promotions().get(0);
        assertThat(tea.products()).containsExactly(Gtin.parse(Fixtures.TEA));
        assertThat(tea.mechanics()).isEqualTo(new Mechanics.PercentOff(15));
        assertThat(tea.validFrom()).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00+08:00"));
        assertThat(tea.validFrom().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(tea.eligibility().regions()).containsExactly("east");
        assertThat(tea.eligibility().areas()).containsExactlyInAnyOrder(AreaProfile.STUDENT, AreaProfile.OFFICE);
        assertThat(tea.eligibility().stores()).isEmpty();
        assertThat(tea.budget()).isEqualTo(new Money(100_000, "CNY"));
        assertThat(catalog.promotions().get(1).mechanics()).isEqualTo(new Mechanics.BundlePrice(3, 900, "CNY"));
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        ObjectNode bad = teaPromotion("ACME TEA");
        bad.putArray("products").add("6901234567893").add("12345").add(42).add(Fixtures.COLA).add(Fixtures.COLA);
        bad.putObject("mechanics").put("type", "percent-off").put("percent", 150);
        bad.putObject("validity").put("from", "2026-12-01T00:00:00").put("to", "2026-11-01T00:00:00+08:00");
        ObjectNode eligibility = bad.putObject("eligibility");
        eligibility.putArray("areaProfiles").add("campus");
        eligibility.putArray("stores").add("sh/001");
        eligibility.put("region", "east");
        bad.putObject("budget").put("amount", 10.5).put("currency", "XYZ");
        ObjectNode second = teaPromotion("ACME-2");
        second.putObject("mechanics").put("type", "fixed-price").put("price", 299).put("currency", "USD");
        second.remove("name");
        ObjectNode third = teaPromotion("ACME-2");
        third.putObject("mechanics").put("type", "buy-x-get-y").put("buy", 0);
        ObjectNode fourth = teaPromotion("ACME-4");
        fourth.putObject("mechanics").put("type", "two-for-one");
        ObjectNode catalog = catalog("acme 2026", 0, bad, second, third, fourth);
        catalog.put("brand", "other-brand");
        catalog.put("colour", "red");

        assertThat(problems(catalog)).containsExactly(
                "colour: is not a known field",
                "catalogId: \"acme 2026\" must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
                        + " digit",
                "version: must be a whole number of at least 1",
                "brand: must be \"acme-foods\": a brand may only define promotions for itself",
                "promotions[0].promotionId: \"ACME TEA\" must be 1 to 64 letters, digits, '.', '_' or '-', starting"
                        + " with a letter or digit",
                "promotions[0].products[0]: check digit is 3, expected 2",
                "promotions[0].products[1]: must be 8, 12, 13 or 14 digits",
                "promotions[0].products[2]: must be a GTIN as a string of digits",
                "promotions[0].products[4]: GTIN 04006381333931 appears more than once",
                "promotions[0].budget.amount: must be a whole number of minor units (fen for CNY, cents for USD)",
                "promotions[0].budget.currency: unknown ISO 4217 code \"XYZ\"",
                "promotions[0].mechanics.percent: must be from 1 to 99, is 150",
                "promotions[0].validity.from: \"2026-12-01T00:00:00\" is not an ISO-8601 date-time with an offset,"
                        + " such as 2026-12-01T00:00:00+08:00",
                "promotions[0].eligibility.region: is not a known field",
                "promotions[0].eligibility.stores[0]: must be a store id: 1 to 64 letters, digits, '.', '_' or '-'",
                "promotions[0].eligibility.areaProfiles[0]: must be one of student, office, residential, transit,"
                        + " tourist, mixed",
                "promotions[1].name: is required",
                "promotions[1].mechanics.currency: must be the budget's currency CNY, is USD",
                "promotions[2].mechanics.buy: must be from 1 to 100, is 0",
                "promotions[2].mechanics.get: is required",
                "promotions[2].promotionId: \"ACME-2\" appears more than once",
                "promotions[3].mechanics.type: \"two-for-one\" is not one of percent-off, fixed-price, buy-x-get-y,"
                        + " bundle-price");
    }

    @Test
    void validityMustEndAfterItStartsAndLastAtMostAYear() {
        ObjectNode backwards = teaPromotion("A");
        backwards.putObject("validity").put("from", "2026-12-01T00:00:00+08:00").put("to", "2026-11-01T00:00:00Z");
        ObjectNode long_ = teaPromotion("B");
        long_.putObject("validity").put("from", "2026-01-01T00:00:00+08:00").put("to", "2028-01-01T00:00:00+08:00");
        ObjectNode missing = teaPromotion("C");
        missing.remove("validity");
        missing.remove("budget");
        missing.remove("products");

        assertThat(problems(catalog("c", 1, backwards, long_, missing))).containsExactly(
                "promotions[0].validity.to: must be after validity.from",
                "promotions[1].validity.to: must be at most 366 days after validity.from",
                "promotions[2].products: is required: a list of at least one GTIN",
                "promotions[2].budget: is required: {\"amount\": minor units, \"currency\": ISO 4217 code}, the most"
                        + " discount the brand funds",
                "promotions[2].validity: is required: an object with from and to, ISO-8601 date-times with offsets");
    }

    @Test
    void eachMechanicsTypeChecksItsOwnFields() {
        ObjectNode fixed = teaPromotion("F");
        fixed.putObject("mechanics").put("type", "fixed-price").put("price", 0).put("percent", 3);
        ObjectNode bundle = teaPromotion("B");
        bundle.putObject("mechanics").put("type", "bundle-price").put("quantity", 1).put("price", 900);
        ObjectNode none = teaPromotion("N");
        none.putObject("mechanics");

        assertThat(problems(catalog("c", 1, fixed, bundle, none))).containsExactly(
                "promotions[0].mechanics.percent: is not a known field",
                "promotions[0].mechanics.price: must be at least 1, is 0",
                "promotions[0].mechanics.currency: is required",
                "promotions[1].mechanics.quantity: must be from 2 to 100, is 1",
                "promotions[1].mechanics.currency: is required",
                "promotions[2].mechanics.type: is required: one of percent-off, fixed-price, buy-x-get-y,"
                        + " bundle-price");
    }

    @Test
    void aBodyThatIsNoCatalogAtAllIsOneProblemAtTheRoot() {
        assertThat(CatalogReader.read("not json".getBytes(StandardCharsets.UTF_8), BRAND).problems())
                .extracting(Violation::path).containsExactly("$");
        assertThat(CatalogReader.read("[1]".getBytes(StandardCharsets.UTF_8), BRAND).problems())
                .containsExactly(new Violation("$", "must be a JSON object"));
        assertThat(CatalogReader.read(new byte[0], BRAND).problems()).extracting(Violation::path)
                .containsExactly("$");
        assertThat(problems(Fixtures.catalog("c", 1).put("type", "order"))).containsExactly(
                "type: must be \"promotion-catalog\" when given",
                "promotions: must have at least one promotion");
    }

    @Test
    void theSameCatalogWrittenDifferentlyHasTheSameHash() {
        String compact = "{\"catalogId\":\"c\",\"version\":1,\"brand\":\"acme-foods\",\"promotions\":["
                + new String(bytes(teaPromotion("A")), StandardCharsets.UTF_8) + "]}";
        String spaced = compact.replace(",", " ,\n  ");
        Catalog one = CatalogReader.read(compact.getBytes(StandardCharsets.UTF_8), BRAND).catalog();
        Catalog two = CatalogReader.read(spaced.getBytes(StandardCharsets.UTF_8), BRAND).catalog();
        assertThat(one.contentHash()).isEqualTo(two.contentHash());
        Catalog other = Fixtures.parse(catalog("c", 1, teaPromotion("B")));
        assertThat(other.contentHash()).isNotEqualTo(one.contentHash());
    }
}
