package org.storelink.promotions.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;

/**
 * Takes one message a brand sent: a valid catalog is stored and answered with {@code promotion-catalog-accepted};
 * anything else throws {@link CatalogRejectedException} with the {@code promotion-catalog-rejected} answer.
 */
public final class CatalogHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogHandler.class);

    private final JdbcPromotions db;
    private final Clock clock;

    public CatalogHandler(JdbcPromotions db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * @param partnerId    the brand partner whose {@code partner.<id>.in} the message came from
     * @param typeProperty the message's JMS property {@code type}, or null
     * @return the acceptance JSON for {@code partner.<id>.out}
     * @throws SQLException for the broker to deliver the message again
     */
    String receive(String partnerId, String typeProperty, byte[] body) throws CatalogRejectedException, SQLException {
        JsonNode root = tryRead(body);
        if (typeProperty != null && !typeProperty.isBlank() && !CatalogReader.TYPE.equals(typeProperty)) {
            throw reject(partnerId, root, List.of(new Violation("type", "the message property type is \""
                    + CatalogReader.clip(typeProperty) + "\"; a brand sends \"" + CatalogReader.TYPE + "\"")));
        }
        if ((typeProperty == null || typeProperty.isBlank()) && root != null && root.isObject()
                && !CatalogReader.looksLikeCatalog(root)) {
            throw reject(partnerId, root, List.of(new Violation("$", "not a promotion catalog: set the message"
                    + " property type=" + CatalogReader.TYPE + ", or send a JSON object with catalogId and"
                    + " promotions")));
        }
        CatalogReader.Result read = CatalogReader.read(body, partnerId);
        if (!read.ok()) {
            throw reject(partnerId, root, read.problems());
        }
        Catalog catalog = read.catalog();
        JdbcPromotions.CatalogOutcome outcome = db.storeCatalog(catalog);
        if (!outcome.accepted()) {
            throw reject(partnerId, root, outcome.problems());
        }
        LOG.info("Catalog {} version {} of brand {}: {} promotion(s) {}, withdrawn {}", catalog.catalogId(),
                catalog.version(), partnerId, catalog.promotions().size(),
                outcome.changed() ? "stored" : "unchanged", outcome.withdrawn());
        return new String(Json.write(ReportJson.accepted(catalog, outcome, clock.instant())), StandardCharsets.UTF_8);
    }

    private CatalogRejectedException reject(String partnerId, JsonNode root, List<Violation> problems) {
        String catalogId = root != null && root.path("catalogId").isTextual() ? root.get("catalogId").asText() : null;
        Long version = root != null && root.path("version").isIntegralNumber() && root.get("version").canConvertToLong()
                ? root.get("version").asLong() : null;
        String reply = new String(Json.write(ReportJson.rejected(partnerId,
                catalogId == null ? null : CatalogReader.clip(catalogId), version, problems, clock.instant())),
                StandardCharsets.UTF_8);
        return new CatalogRejectedException(problems, reply);
    }

    private static JsonNode tryRead(byte[] body) {
        if (body == null || body.length == 0 || body.length > CatalogReader.MAX_BYTES) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
