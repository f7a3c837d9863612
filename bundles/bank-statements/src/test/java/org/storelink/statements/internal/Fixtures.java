package org.storelink.statements.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.storelink.model.Region;
import org.storelink.model.SettlementRecorded;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/** Small camt documents written for the tests, the shared real samples, and stand-ins for the services. */
final class Fixtures {
    static final String IBAN = "NL77ABNA0574908765";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static String camt053(String version, String statements) {
        return document("camt.053.001." + version, "BkToCstmrStmt", statements);
    }

    static String camt054(String version, String notifications) {
        return document("camt.054.001." + version, "BkToCstmrDbtCdtNtfctn", notifications);
    }

    static String document(String message, String messageElement, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + message + "\">\n"
                + "<" + messageElement + "><GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-11-26T06:00:00</CreDtTm>"
                + "</GrpHdr>\n" + content + "</" + messageElement + "></Document>\n";
    }

    /** A {@code Stmt} of {@link #IBAN} with the given entries. */
    static String stmt(String id, String entries) {
        return statement("Stmt", id, "<IBAN>" + IBAN + "</IBAN>", entries);
    }

    static String statement(String element, String id, String accountId, String entries) {
        return "<" + element + "><Id>" + id + "</Id><CreDtTm>2026-11-26T06:00:00</CreDtTm>"
                + "<Acct><Id>" + accountId + "</Id></Acct>\n" + entries + "</" + element + ">\n";
    }

    /** A booked entry of 2026-11-25, value date 2026-11-26, with {@code more} after the dates. */
    static String entry(String amount, String currency, String direction, String more) {
        return entry(amount, currency, direction, "BOOK", more);
    }

    static String entry(String amount, String currency, String direction, String status, String more) {
        return "<Ntry><Amt Ccy=\"" + currency + "\">" + amount + "</Amt><CdtDbtInd>" + direction + "</CdtDbtInd>"
                + "<Sts>" + status + "</Sts><BookgDt><Dt>2026-11-25</Dt></BookgDt><ValDt><Dt>2026-11-26</Dt></ValDt>"
                + more + "</Ntry>\n";
    }

    static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    static CamtDocument read(String xml) throws CamtRejection {
        return new CamtReader().read(stream(xml));
    }

    /** A shared sample from {@code ../shared/data/camt}; the test is skipped, with a message, when it is absent. */
    static Path sample(String name) {
        String base = System.getProperty("storelink.sharedData", "../../../shared/data");
        Path file = Path.of(base, "camt", name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "shared sample " + file.toAbsolutePath().normalize() + " is absent; skipping");
        return file;
    }

    /** Knows the given store ids. */
    static StoreRegistry stores(String... ids) {
        Set<String> known = Set.of(ids);
        return new StoreRegistry() {
            @Override
            public Optional<Store> store(String id) {
                return known.contains(id)
                        ? Optional.of(new Store(id, id, "east", null, ZoneId.of("Asia/Shanghai"), null))
                        : Optional.empty();
            }

            @Override
            public List<Store> stores() {
                return known.stream().sorted().map(id -> store(id).orElseThrow()).toList();
            }

            @Override
            public List<Region> regions() {
                return List.of(new Region("east", "East"));
            }

            @Override
            public Optional<byte[]> secret(String storeId) {
                return Optional.empty();
            }
        };
    }

    /** Keeps what it is given; fails from the {@code failFrom}-th event on (1-based; 0 never). */
    static final class RecordingPublisher implements SettlementPublisher {
        final List<SettlementRecorded> published = new ArrayList<>();
        private final int failFrom;

        RecordingPublisher() {
            this(0);
        }

        RecordingPublisher(int failFrom) {
            this.failFrom = failFrom;
        }

        @Override
        public void publish(SettlementRecorded event) {
            if (failFrom > 0 && published.size() + 1 >= failFrom) {
                throw new IllegalStateException("broker unavailable");
            }
            published.add(event);
        }
    }
}
