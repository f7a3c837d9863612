package org.storelink.pos.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.csv.internal.Fixtures.context;
import static org.storelink.pos.csv.internal.Fixtures.ean13;
import static org.storelink.pos.csv.internal.Fixtures.profileA;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.storelink.spi.SourceTransaction;

/** A large export is read as it arrives: sales come out long before the input ends, and nothing holds the file. */
class StreamingTest {

    private static final int RECEIPTS = 100_000;
    private static final int ROWS_PER_RECEIPT = 3;

    /**
     * Makes the rows of an export as they are read, so the test itself never holds the file: a byte order mark, the
     * header of profile A, then {@code receipts} receipts of three rows with Chinese names (multi-byte characters
     * that fall across every buffer boundary).
     */
    static final class GeneratedExport extends InputStream {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        private static final LocalDateTime START = LocalDateTime.of(2026, 11, 26, 7, 0);
        private static final String[] ITEMS = {
            ean13("690123456789") + ",农夫山泉 550ml,2,1.75,,3.50",
            ean13("692020288888") + ",康师傅红烧牛肉面,1,5.50,0.50,5.00",
            ean13("695123400001") + ",旺仔牛奶 245ml,1,2.50,,2.50",
        };

        private final int receipts;
        private int next;
        private byte[] chunk;
        private int position;
        private long served;

        GeneratedExport(int receipts) {
            this.receipts = receipts;
            byte[] header = ("receipt_no,sale_time,till,barcode,item_name,qty,unit_price,discount,amount,payment,"
                    + "paid,pay_ref\n").getBytes(StandardCharsets.UTF_8);
            chunk = new byte[Fixtures.BOM.length + header.length];
            System.arraycopy(Fixtures.BOM, 0, chunk, 0, Fixtures.BOM.length);
            System.arraycopy(header, 0, chunk, Fixtures.BOM.length, header.length);
        }

        long served() {
            return served;
        }

        private boolean ready() {
            if (position < chunk.length) {
                return true;
            }
            if (next == receipts) {
                return false;
            }
            StringBuilder rows = new StringBuilder();
            String number = String.format("R%06d", next);
            String time = START.plusSeconds(next).format(TIME);
            for (int i = 0; i < ROWS_PER_RECEIPT; i++) {
                rows.append(number).append(',').append(time).append(",T1,").append(ITEMS[i]).append(",WXPAY,,\n");
            }
            next++;
            chunk = rows.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        @Override
        public int read() {
            if (!ready()) {
                return -1;
            }
            served++;
            return chunk[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!ready()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            served += n;
            return n;
        }
    }

    @Test
    void threeHundredThousandRowsAreStreamed() throws Exception {
        GeneratedExport export = new GeneratedExport(RECEIPTS);
        long[] servedAtFirstSale = {-1};
        long[] accepted = {0};
        long[] notAccepted = {0};
        long[] total = {0};
        String[] last = {null};

        new CsvFormat().read(export, context(profileA()), transaction -> {
            if (servedAtFirstSale[0] < 0) {
                servedAtFirstSale[0] = export.served();
            }
            if (!transaction.isAccepted()) {
                notAccepted[0]++;
                return;
            }
            accepted[0]++;
            total[0] += transaction.sale().total();
            last[0] = transaction.reference();
        });

        assertThat(notAccepted[0]).isZero();
        assertThat(accepted[0]).isEqualTo(RECEIPTS);
        assertThat(total[0]).isEqualTo(RECEIPTS * 1100L);
        assertThat(last[0]).isEqualTo("sales.csv:" + (1 + (RECEIPTS - 1) * ROWS_PER_RECEIPT + 1) + "#R099999");
        assertThat(export.served()).as("the whole export was read").isGreaterThan(20_000_000L);
        assertThat(servedAtFirstSale[0]).as("the first sale came out after a few buffers, not after the file")
                .isPositive().isLessThan(64 * 1024);
    }
}
