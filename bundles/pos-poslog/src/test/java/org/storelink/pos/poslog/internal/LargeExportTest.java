package org.storelink.pos.poslog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.poslog.internal.Poslogs.card;
import static org.storelink.pos.poslog.internal.Poslogs.grand;
import static org.storelink.pos.poslog.internal.Poslogs.retail;
import static org.storelink.pos.poslog.internal.Poslogs.sale;
import static org.storelink.pos.poslog.internal.Poslogs.tax;
import static org.storelink.pos.poslog.internal.Poslogs.total;
import static org.storelink.pos.poslog.internal.Poslogs.transaction;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;

/**
 * A full day's export, generated while it is read and never held anywhere: the reader must get through it holding
 * one transaction at a time. No timing is measured here (that belongs in benchmarks/).
 */
class LargeExportTest {

    private static final int TRANSACTIONS = 200_000;

    /** A POSLog document of {@code count} NCR ACS style sales, produced byte by byte as it is read. */
    static final class GeneratedExport extends InputStream {
        private final int count;
        private byte[] chunk = Poslogs.poslog().replace("</POSLog>\n", "").getBytes(StandardCharsets.UTF_8);
        private int position;
        private int next;
        private boolean finished;
        private long produced;

        GeneratedExport(int count) {
            this.count = count;
        }

        static String transactionXml(int sequence) {
            String padding = "<acs:PerformanceMetrics><acs:RingTime>21</acs:RingTime><acs:IdleTime>38</acs:IdleTime>"
                    + "<acs:TenderTime>25</acs:TenderTime></acs:PerformanceMetrics>";
            return transaction(Integer.toString(sequence), retail(
                    sale(1, " acs:weightItem=\"true\"", "00000000067591", "2.99", "1.26", "0.42"),
                    sale(2, "00012993221201", "3.99", "3.99", "1"),
                    tax(3, "0.40"),
                    card(4, "5.65", Integer.toString(sequence)),
                    grand("5.65"), total("TransactionTaxAmount", "0.40"), padding)) + "\n";
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            while (position == chunk.length) {
                if (finished) {
                    return -1;
                }
                if (next < count) {
                    chunk = transactionXml(++next).getBytes(StandardCharsets.UTF_8);
                } else {
                    chunk = "</POSLog>\n".getBytes(StandardCharsets.UTF_8);
                    finished = true;
                }
                position = 0;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            produced += n;
            return n;
        }

        long produced() {
            return produced;
        }
    }

    private static final class Tally {
        long accepted;
        long other;
        long sequenceSum;

        void take(SourceTransaction transaction) {
            if (transaction.isAccepted() && transaction.sale().total() == 565
                    && transaction.sale().statedTotal() == 565) {
                accepted++;
                sequenceSum += Long.parseLong(transaction.sale().receiptNo());
            } else {
                other++;
            }
        }
    }

    private static ReadStats read(GeneratedExport export, Tally tally) throws Exception {
        ReadStats stats = new ReadStats();
        new PoslogFormat().read(export, new SourceContext(Poslogs.CHICAGO, "day.xml", Map.of()), tally::take, stats);
        return stats;
    }

    @Test
    void twoHundredThousandTransactionsAreReadOneAtATime() throws Exception {
        ReadStats one = read(new GeneratedExport(1), new Tally());

        GeneratedExport export = new GeneratedExport(TRANSACTIONS);
        Tally tally = new Tally();
        ReadStats stats = read(export, tally);

        assertThat(tally.other).isZero();
        assertThat(tally.accepted).isEqualTo(TRANSACTIONS);
        assertThat(tally.sequenceSum).isEqualTo((long) TRANSACTIONS * (TRANSACTIONS + 1) / 2);
        assertThat(stats.transactions()).isEqualTo(TRANSACTIONS);
        // The most the reader ever held is the tree of one transaction, the same as when the file holds one.
        assertThat(stats.largestHeld()).isEqualTo(one.largestHeld()).isBetween(20, 200);
        assertThat(export.produced()).isGreaterThan(250L * 1024 * 1024);

        long heap = Runtime.getRuntime().maxMemory();
        Assumptions.assumeTrue(heap < 200L * 1024 * 1024,
                "heap headroom check needs the module's small test heap (-Xmx128m); this JVM has " + heap);
        // Held as text the input would need twice its size in chars: more than this heap could ever hold.
        assertThat(export.produced()).isGreaterThan(heap);
    }
}
