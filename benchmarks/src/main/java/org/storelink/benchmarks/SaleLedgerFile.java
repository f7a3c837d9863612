package org.storelink.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client's own record of what happened to every sale of a run: one line per sale with its sale id and its
 * outcome, so that a later run can resend exactly the sales that were not acknowledged (the crash test).
 *
 * <pre>
 * # storelink IngestLoad sale ledger v1
 * # run-id=c1764... sales=20000 stores=5 base-time=2026-11-26T13:00:00Z round=0
 * index  sale_id                     outcome  posts  acked_round  last_failure
 * 0      sh-campus-001/till-2/c1-0   acked    1      0            -
 * 1      bj-transit-004/till-1/c1-1  failed   1      -            ConnectException
 * </pre>
 *
 * Columns are separated by one tab. {@code acked}: a POST of the sale was answered 202 (the broker holds it
 * durably). {@code failed}: it was posted and no 202 came back (connection refused or reset, time-out, another
 * status): its fate is unknown, it may or may not have reached the broker. {@code unsent}: never posted (the run
 * stopped first). {@code posts} counts the POSTs over all rounds; {@code acked_round} is the round (0 = the first
 * posting, 1.. = resend rounds) whose POST was acknowledged. The sales themselves are not stored: with the run id,
 * the base time and the same stores file, {@link SaleGenerator} makes sale {@code index} again byte for byte.
 */
final class SaleLedgerFile {

    static final String MAGIC = "# storelink IngestLoad sale ledger v1";
    static final String COLUMNS = "index\tsale_id\toutcome\tposts\tacked_round\tlast_failure";

    enum Outcome {
        ACKED, FAILED, UNSENT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /** What the file says about the run as a whole. */
    record Header(String runId, long sales, int stores, Instant baseTime, int round) {
    }

    /** One sale's line. */
    record Entry(long index, String saleId, Outcome outcome, int posts, int ackedRound, String lastFailure) {
    }

    private final Header header;
    private final List<Entry> entries;

    SaleLedgerFile(Header header, List<Entry> entries) {
        this.header = header;
        this.entries = List.copyOf(entries);
    }

    Header header() {
        return header;
    }

    List<Entry> entries() {
        return entries;
    }

    long count(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    /** The entries that still need a POST: failed or never sent. */
    List<Entry> pending() {
        return entries.stream().filter(e -> e.outcome() != Outcome.ACKED).toList();
    }

    static SaleLedgerFile read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new IllegalArgumentException(path + " is not a sale ledger file (first line: " + MAGIC + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.startsWith("#")) {
                for (String pair : line.substring(1).trim().split(" +")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        values.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                continue;
            }
            if (line.isBlank() || line.equals(COLUMNS)) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 6) {
                throw new IllegalArgumentException(path + ":" + (n + 1) + ": expected 6 tab-separated columns");
            }
            entries.add(new Entry(Long.parseLong(cells[0]), cells[1], Outcome.of(cells[2]), Integer.parseInt(cells[3]),
                    "-".equals(cells[4]) ? -1 : Integer.parseInt(cells[4]), cells[5]));
        }
        for (String key : List.of("run-id", "sales", "stores", "base-time", "round")) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException(path + ": header has no " + key + "=");
            }
        }
        Header header = new Header(values.get("run-id"), Long.parseLong(values.get("sales")),
                Integer.parseInt(values.get("stores")), Instant.parse(values.get("base-time")),
                Integer.parseInt(values.get("round")));
        if (entries.size() != header.sales()) {
            throw new IllegalArgumentException(path + ": " + entries.size() + " sale lines, header says sales="
                    + header.sales());
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).index() != i) {
                throw new IllegalArgumentException(path + ": line of sale " + i + " missing or out of order");
            }
        }
        return new SaleLedgerFile(header, entries);
    }

    /** Writes the file next to its final name and moves it into place, so a reader never sees half a file. */
    void write(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(MAGIC);
            out.newLine();
            out.write(String.format(Locale.ROOT, "# run-id=%s sales=%d stores=%d base-time=%s round=%d",
                    header.runId(), header.sales(), header.stores(), header.baseTime(), header.round()));
            out.newLine();
            out.write(COLUMNS);
            out.newLine();
            for (Entry e : entries) {
                out.write(e.index() + "\t" + e.saleId() + "\t" + e.outcome().label() + "\t" + e.posts() + "\t"
                        + (e.ackedRound() < 0 ? "-" : Integer.toString(e.ackedRound())) + "\t" + e.lastFailure());
                out.newLine();
            }
        }
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * What happened to each sale of one posting, by position in that posting; filled in by the virtual users.
     * A position nobody took stays {@code unsent}.
     */
    static final class Outcomes {
        private final AtomicIntegerArray state;
        private final AtomicReferenceArray<String> failure;
        final LongAdder ok = new LongAdder();
        final LongAdder failed = new LongAdder();

        Outcomes(int size) {
            state = new AtomicIntegerArray(size);
            failure = new AtomicReferenceArray<>(size);
        }

        void acked(long position) {
            state.set((int) position, 1);
            ok.increment();
        }

        void failed(long position, String kind) {
            state.set((int) position, 2);
            failure.set((int) position, kind);
            failed.increment();
        }

        Outcome outcome(long position) {
            return switch (state.get((int) position)) {
                case 1 -> Outcome.ACKED;
                case 2 -> Outcome.FAILED;
                default -> Outcome.UNSENT;
            };
        }

        String failure(long position) {
            String kind = failure.get((int) position);
            return kind == null ? "-" : kind.replaceAll("\\s+", "_");
        }

        int size() {
            return state.length();
        }
    }

    /** The file after a first posting of sales {@code 0 .. n-1}, position = index. */
    static SaleLedgerFile first(SaleGenerator generator, long sales, int stores, Outcomes outcomes) {
        List<Entry> entries = new ArrayList<>((int) sales);
        for (long i = 0; i < sales; i++) {
            Outcome outcome = outcomes.outcome(i);
            entries.add(new Entry(i, generator.sale(i).saleId(), outcome, outcome == Outcome.UNSENT ? 0 : 1,
                    outcome == Outcome.ACKED ? 0 : -1, outcomes.failure(i)));
        }
        return new SaleLedgerFile(new Header(generator.runId(), sales, stores, generator.baseTime(), 0), entries);
    }

    /** This file after a resend round of {@code resent} (the pending entries, in order, position = list index). */
    SaleLedgerFile afterResend(List<Entry> resent, Outcomes outcomes) {
        int round = header.round() + 1;
        List<Entry> updated = new ArrayList<>(entries);
        for (int p = 0; p < resent.size(); p++) {
            Entry before = resent.get(p);
            Outcome outcome = outcomes.outcome(p);
            if (outcome == Outcome.UNSENT) {
                continue;
            }
            updated.set((int) before.index(), new Entry(before.index(), before.saleId(), outcome, before.posts() + 1,
                    outcome == Outcome.ACKED ? round : -1,
                    outcome == Outcome.ACKED ? before.lastFailure() : outcomes.failure(p)));
        }
        return new SaleLedgerFile(new Header(header.runId(), header.sales(), header.stores(), header.baseTime(), round),
                updated);
    }
}
