package org.storelink.statements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.storelink.statements.internal.Fixtures.camt053;
import static org.storelink.statements.internal.Fixtures.entry;
import static org.storelink.statements.internal.Fixtures.stmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.model.SettlementRecorded;
import org.storelink.model.json.Json;

/** The drop-folder route with the real importer, publishing to a mock endpoint instead of the broker. */
class StatementFolderRoutesTest extends CamelTestSupport {
    private static final String PUBLISHED = "mock:settlements";
    private static final Duration PICKUP = Duration.ofSeconds(20);
    private static final String STATEMENT = camt053("04", stmt("S-1",
            entry("88.00", "CNY", "CRDT", "<AcctSvcrRef>REF-1</AcctSvcrRef>")
                    + entry("3.50", "CNY", "DBIT", "<AcctSvcrRef>REF-2</AcctSvcrRef>")));

    @TempDir
    static Path root;

    private Path folder;
    private final AtomicBoolean brokerDown = new AtomicBoolean();

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        folder = Files.createTempDirectory(root, "inbox");
        SettlementPublisher publisher = event -> new CamelSettlementPublisher(template(), PUBLISHED).publish(event);
        Statements statements = new Statements(AccountMapping.of(new String[] {Fixtures.IBAN + "=sh-campus-001"},
                "refuse"), Fixtures.stores("sh-campus-001"), publisher, Fixtures.CLOCK);
        return new StatementFolderRoutes(folder, 100, statements);
    }

    private MockEndpoint published() {
        MockEndpoint mock = getMockEndpoint(PUBLISHED);
        mock.whenAnyExchangeReceived(exchange -> {
            if (brokerDown.get()) {
                throw new IllegalStateException("broker down");
            }
        });
        return mock;
    }

    @Test
    void anImportedFileIsPublishedAndMovesToDoneWithItsReport() throws Exception {
        MockEndpoint published = published();
        published.expectedMessageCount(2);
        published.expectedHeaderValuesReceivedInAnyOrder("_AMQ_DUPL_ID",
                Fixtures.IBAN + ":REF-1", Fixtures.IBAN + ":REF-2");

        Files.writeString(folder.resolve("day1.xml"), STATEMENT);

        await().atMost(PICKUP).until(() -> Files.exists(folder.resolve(".done/day1.xml")));
        published.assertIsSatisfied();
        SettlementRecorded first = Json.read(published.getExchanges().get(0).getMessage().getBody(String.class)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), SettlementRecorded.class);
        assertThat(first.settlement().amount()).isEqualTo(8800);
        assertThat(first.settlement().storeId()).isEqualTo("sh-campus-001");
        assertThat(first.source()).startsWith("bank-statements:folder:").endsWith(":day1.xml");

        JsonNode report = Json.mapper().readTree(folder.resolve(".done/day1.xml.report.json").toFile());
        assertThat(report.get("settlementsPublished").asInt()).isEqualTo(2);
        assertThat(report.get("entriesBooked").asInt()).isEqualTo(2);
        assertThat(report.get("statements").get(0).get("id").asText()).isEqualTo("S-1");
        assertThat(report.get("rejected").isNull()).isTrue();
        assertThat(folder.resolve("day1.xml")).doesNotExist();
    }

    @Test
    void aMalformedFileMovesToErrorWithTheReason() throws Exception {
        MockEndpoint published = published();
        published.expectedMessageCount(0);

        Files.writeString(folder.resolve("broken.xml"), STATEMENT.replace("88.00", "88,00"));

        await().atMost(PICKUP).until(() -> Files.exists(folder.resolve(".error/broken.xml")));
        assertThat(Files.readString(folder.resolve(".error/broken.xml.reason.txt")).strip())
                .isEqualTo("Stmt[1]/Ntry[1]/Amt: \"88,00\" is not a plain decimal number such as 7.00");
        assertThat(folder.resolve(".done/broken.xml.report.json")).doesNotExist();
        published.assertIsSatisfied();
    }

    @Test
    void aFileOfAnUnassignedAccountMovesToErrorWithTheReason() throws Exception {
        published().expectedMessageCount(0);

        Files.writeString(folder.resolve("other.xml"), STATEMENT.replace(Fixtures.IBAN, "DE89370400440532013000"));

        await().atMost(PICKUP).until(() -> Files.exists(folder.resolve(".error/other.xml.reason.txt")));
        assertThat(Files.readString(folder.resolve(".error/other.xml.reason.txt")))
                .contains("account DE89370400440532013000 is not assigned to a store"
                        + " (set accounts in etc/org.storelink.statements.cfg)");
        await().atMost(PICKUP).until(() -> Files.exists(folder.resolve(".error/other.xml")));
        getMockEndpoint(PUBLISHED).assertIsSatisfied();
    }

    @Test
    void whenTheBrokerIsDownTheFileStaysAndIsImportedOnceItIsBack() throws Exception {
        MockEndpoint published = published();
        brokerDown.set(true);

        Files.writeString(folder.resolve("day2.xml"), STATEMENT);

        // The first send fails; the file is neither done nor in error, and is tried again.
        await().atMost(PICKUP).until(() -> published.getReceivedCounter() >= 2);
        assertThat(folder.resolve("day2.xml")).exists();
        assertThat(folder.resolve(".error/day2.xml")).doesNotExist();
        assertThat(folder.resolve(".done/day2.xml")).doesNotExist();

        brokerDown.set(false);
        await().atMost(PICKUP).until(() -> Files.exists(folder.resolve(".done/day2.xml")));
        List<Object> ids = published.getExchanges().stream()
                .map(e -> e.getMessage().getHeader("_AMQ_DUPL_ID")).toList();
        // Every attempt used the same duplicate ids, so the broker keeps each settlement once.
        assertThat(ids).containsOnly(Fixtures.IBAN + ":REF-1", Fixtures.IBAN + ":REF-2");
        assertThat(Files.readString(folder.resolve(".done/day2.xml.report.json")))
                .contains("\"settlementsPublished\":2");
    }

    @Test
    void aFileDroppedAgainIsPublishedWithTheSameDuplicateIds() throws Exception {
        MockEndpoint published = published();
        published.expectedMessageCount(4);

        Files.writeString(folder.resolve("day3.xml"), STATEMENT);
        await().atMost(PICKUP).until(() -> Files.exists(folder.resolve(".done/day3.xml")));
        Files.writeString(folder.resolve("day3.xml"), STATEMENT);
        await().atMost(PICKUP).until(() -> published.getReceivedCounter() == 4
                && !Files.exists(folder.resolve("day3.xml")));

        published.assertIsSatisfied();
        assertThat(published.getExchanges()).extracting(e -> e.getMessage().getHeader("_AMQ_DUPL_ID", String.class))
                .containsExactly(Fixtures.IBAN + ":REF-1", Fixtures.IBAN + ":REF-2",
                        Fixtures.IBAN + ":REF-1", Fixtures.IBAN + ":REF-2");
        assertThat(published.getExchanges()).extracting(Exchange::getMessage).isNotEmpty();
    }
}
