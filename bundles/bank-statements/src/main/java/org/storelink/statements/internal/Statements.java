package org.storelink.statements.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.Settlement;
import org.storelink.model.SettlementRecorded;
import org.storelink.statements.StatementImportReport;
import org.storelink.statements.StatementImportReport.CurrencyTotal;
import org.storelink.statements.StatementImportReport.StatementSummary;
import org.storelink.statements.StatementImporter;
import org.storelink.statements.StatementPublishException;
import org.storelink.stores.StoreRegistry;

/**
 * Reads a document, assigns each statement's account to its store, and only when all of it is good publishes
 * one {@link SettlementRecorded} per booked entry.
 */
final class Statements implements StatementImporter {
    static final String SOURCE = "bank-statements";
    private static final Logger LOG = LoggerFactory.getLogger(Statements.class);

    private final AccountMapping accounts;
    private final StoreRegistry stores;
    private final SettlementPublisher publisher;
    private final Clock clock;

    Statements(AccountMapping accounts, StoreRegistry stores, SettlementPublisher publisher, Clock clock) {
        this.accounts = accounts;
        this.stores = stores;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public StatementImportReport importStatement(InputStream document, String sourceName, String channel,
                                                 boolean dryRun) {
        CamtDocument read;
        try {
            read = new CamtReader().read(document);
        } catch (CamtRejection rejection) {
            LOG.warn("{} rejected: {}", sourceName, rejection.getMessage());
            return new StatementImportReport(sourceName, rejection.camtMessage() == null ? null
                    : rejection.camtMessage().name(), dryRun, List.of(), 0, 0, 0, rejection.getMessage(),
                    rejection.problems());
        }

        Problems problems = new Problems();
        List<Settlement> settlements = new ArrayList<>();
        List<StatementSummary> summaries = new ArrayList<>();
        Map<String, String> pathOfId = new HashMap<>();
        int booked = 0;
        int skipped = 0;
        for (CamtDocument.Statement statement : read.statements()) {
            List<CamtDocument.Entry> bookedEntries = statement.entries().stream()
                    .filter(CamtDocument.Entry::booked).toList();
            AccountMapping.Assignment assignment = accounts.assign(statement.account(), stores);
            if (assignment.problem() != null && !bookedEntries.isEmpty()) {
                problems.add(statement.path() + "/Acct/Id", assignment.problem());
            }
            for (CamtDocument.Entry entry : bookedEntries) {
                Settlement settlement = settlement(statement, entry, assignment.storeId());
                String earlier = pathOfId.putIfAbsent(settlement.settlementId(), entry.path());
                if (earlier != null) {
                    // The broker would drop the second as a duplicate: a lost entry, so refuse instead.
                    problems.add(entry.path() + "/AcctSvcrRef", "\"" + entry.accountServicerReference()
                            + "\" is also the bank's reference of " + earlier + "; each entry needs its own");
                }
                settlements.add(settlement);
            }
            booked += bookedEntries.size();
            skipped += statement.entries().size() - bookedEntries.size();
            summaries.add(new StatementSummary(statement.id(), statement.account(), assignment.storeId(),
                    statement.currency(), statement.entries().size(), bookedEntries.size(),
                    statement.entries().size() - bookedEntries.size(), totals(statement, bookedEntries)));
        }
        String message = read.message().name();
        if (!problems.isEmpty()) {
            String reason = Problems.reason(problems.list(), problems.count());
            LOG.warn("{} rejected: {}", sourceName, reason);
            return new StatementImportReport(sourceName, message, dryRun, summaries, booked, skipped, 0, reason,
                    problems.list());
        }
        if (dryRun) {
            return new StatementImportReport(sourceName, message, true, summaries, booked, skipped, 0, null,
                    List.of());
        }
        int published = 0;
        String source = SOURCE + ":" + channel + ":" + sourceName;
        for (Settlement settlement : settlements) {
            try {
                publisher.publish(new SettlementRecorded(UUID.randomUUID().toString(), Instant.now(clock), source,
                        settlement));
            } catch (RuntimeException e) {
                throw new StatementPublishException(sourceName, published, settlements.size(), e);
            }
            published++;
        }
        LOG.info("{} ({}): {} statement(s), {} entries booked, {} skipped, {} settlements published", sourceName,
                message, summaries.size(), booked, skipped, published);
        return new StatementImportReport(sourceName, message, false, summaries, booked, skipped, published, null,
                List.of());
    }

    private static Settlement settlement(CamtDocument.Statement statement, CamtDocument.Entry entry,
                                         String storeId) {
        String reference = entry.accountServicerReference();
        String settlementId = reference != null
                ? statement.account() + ":" + reference
                : statement.account() + ":" + statement.id() + ":" + entry.position();
        return new Settlement(settlementId, storeId, statement.account(), entry.amount(), entry.currency(),
                entry.bookingDate(), entry.valueDate(), reference != null ? reference : entry.entryReference(),
                entry.details().stream().map(CamtDocument.Detail::toSettlementDetail).toList(), statement.id());
    }

    /** Booked credits and debits per currency; the statement's currency is listed even without entries. */
    private static List<CurrencyTotal> totals(CamtDocument.Statement statement, List<CamtDocument.Entry> booked) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        if (statement.currency() != null) {
            sums.put(statement.currency(), new long[2]);
        }
        for (CamtDocument.Entry entry : booked) {
            long[] sum = sums.computeIfAbsent(entry.currency(), c -> new long[2]);
            int side = entry.amount() >= 0 ? 0 : 1;
            sum[side] = Math.addExact(sum[side], entry.amount());
        }
        return sums.entrySet().stream()
                .map(e -> new CurrencyTotal(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
