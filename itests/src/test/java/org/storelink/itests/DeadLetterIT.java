package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.storelink.messaging.Addresses;
import org.storelink.messaging.DeadLetter;
import org.storelink.messaging.DeadLetterService;

/** A message the ledger can never store ends on the dead-letter queue with its reason, and can be replayed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeadLetterIT extends StorelinkTestSupport {

    @Inject
    @Filter("(name=storelink)")
    private ConnectionFactory connectionFactory;

    @Inject
    private DeadLetterService deadLetters;

    private void publish(String body, String duplicateId) throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty(Addresses.DUPLICATE_ID_PROPERTY, duplicateId);
            session.createProducer(session.createTopic(Addresses.SALES_RECORDED)).send(message);
        }
    }

    private List<DeadLetter> lettersFor(String duplicateId) {
        // a replayed copy carries the original duplicate id with a #replay suffix
        return deadLetters.list(1000).stream()
                .filter(l -> l.duplicateId() != null && l.duplicateId().startsWith(duplicateId)).toList();
    }

    /** The ledger's dead letters for that message: every module consuming the address dead-letters its own copy. */
    private List<DeadLetter> ledgerLettersFor(String duplicateId) {
        return lettersFor(duplicateId).stream().filter(l -> "ledger.sales".equals(l.failedBy())).toList();
    }

    @Test
    public void poisonMessageIsListedWithItsReason() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        publish("this is not a sale", marker);

        eventually(Duration.ofSeconds(30), "poison message on the dead-letter queue",
                () -> !ledgerLettersFor(marker).isEmpty());

        String listing = execute("storelink:dlq-list --max 1000");
        assertThat(listing, containsString(marker));
        assertThat(listing, containsString("not a SaleRecorded JSON event"));
        assertThat(listing, containsString("storelink.sales.recorded::ledger.sales"));
        assertThat(listing, containsString("ledger.sales"));
    }

    @Test
    public void invalidSaleEventIsDeadLetteredNamingTheField() throws Exception {
        String marker = "invalid-" + UUID.randomUUID();
        publish("{\"eventId\":\"e1\",\"recordedAt\":\"2026-11-26T01:00:00Z\",\"source\":\"test\",\"sale\":"
                + "{\"storeId\":\"sh-campus-001\",\"posId\":\"p\",\"receiptNo\":\"1\","
                + "\"occurredAt\":\"2026-11-26T09:00:00+08:00\",\"currency\":\"CNY\",\"lines\":[],"
                + "\"tenders\":[{\"type\":\"cash\",\"amount\":100}]}}", marker);

        eventually(Duration.ofSeconds(30), "invalid sale on the dead-letter queue",
                () -> !ledgerLettersFor(marker).isEmpty());
        assertThat(ledgerLettersFor(marker).get(0).reason(), containsString("sale.lines"));
    }

    @Test
    public void replayedDeadLetterGoesBackToTheLedgerQueue() throws Exception {
        String marker = "replay-" + UUID.randomUUID();
        publish("still not a sale", marker);
        eventually(Duration.ofSeconds(30), "dead letter to replay", () -> !ledgerLettersFor(marker).isEmpty());
        long firstId = ledgerLettersFor(marker).get(0).id();

        String output = execute("storelink:dlq-replay " + firstId);

        assertThat(output, containsString("Replayed dead letter " + firstId));
        // The ledger consumes it again, fails again, and dead-letters a new copy: proof it went back to its queue.
        eventually(Duration.ofSeconds(30), "replayed message dead-lettered again by the ledger",
                () -> ledgerLettersFor(marker).stream().anyMatch(l -> l.id() != firstId));
        assertThat("the replayed dead letter left the queue",
                lettersFor(marker).stream().noneMatch(l -> l.id() == firstId), org.hamcrest.CoreMatchers.is(true));
    }

    @Test
    public void replayOfAnUnknownIdFailsWithAClearMessage() throws Exception {
        String output;
        try {
            output = execute("storelink:dlq-replay 987654321");
        } catch (IllegalArgumentException expected) {
            output = expected.getMessage();
        }
        assertThat(output, containsString("no dead letter with id 987654321"));
    }
}
