package org.storelink.model.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.storelink.model.PaymentRecorded;
import org.storelink.model.SaleRecorded;
import org.storelink.model.SettlementRecorded;

/**
 * Reads the canonical events from a message body. Whatever cannot be read is an {@link UnreadableEventException}
 * whose message names every problem by its field ({@code sale.lines[0].gtin: ...}, {@code payment.amount: ...}),
 * ready to be a dead letter's reason. The sale inside a {@code SaleRecorded} goes through {@link SaleReader}, the
 * same reader (and {@link org.storelink.model.SaleValidator}) as a store's submission, so every consumer agrees
 * with the ledger on what is valid.
 *
 * <p>The reader knows nothing of messaging: consumers turn the exception into their own dead-letter handling.
 */
public final class EventReader {

    /**
     * How much of a {@code SaleRecorded} event's envelope ({@code eventId}, {@code source}, {@code recordedAt}) a
     * consumer insists on.
     */
    public enum Envelope {
        /** All three are required as non-empty strings, {@code recordedAt} an ISO-8601 instant. */
        REQUIRED,
        /**
         * Each is read when it is a non-empty string and left {@code null} otherwise; a {@code recordedAt} that is
         * given must be an ISO-8601 instant.
         */
        OPTIONAL
    }

    /** One of this class's readers, for {@link #read(byte[], Reading, Function)}. */
    @FunctionalInterface
    public interface Reading<T> {
        T from(byte[] body) throws UnreadableEventException;
    }

    private EventReader() {
    }

    /**
     * Reads an event, turning an unreadable one into the consumer's own exception (its poison message, say):
     * {@code EventReader.read(body, EventReader::sale, e -> new PoisonMessageException(e.getMessage()))}.
     */
    public static <T, X extends Exception> T read(byte[] body, Reading<T> reading,
            Function<? super UnreadableEventException, ? extends X> refused) throws X {
        try {
            return reading.from(body);
        } catch (UnreadableEventException e) {
            throw refused.apply(e);
        }
    }

    /** A {@code SaleRecorded} event with its whole envelope required. */
    public static SaleRecorded sale(byte[] body) throws UnreadableEventException {
        return sale(body, Envelope.REQUIRED);
    }

    /**
     * A {@code SaleRecorded} event. Its {@code businessDay}, when given (and not {@code null}), must be a date; its
     * {@code sale} must be an object with a string {@code storeId}, and is then read and validated as a submission.
     */
    public static SaleRecorded sale(byte[] body, Envelope envelope) throws UnreadableEventException {
        JsonNode root = object(body, "SaleRecorded");
        List<String> problems = new ArrayList<>();
        String eventId = text(root, "eventId", envelope, problems);
        String source = text(root, "source", envelope, problems);
        Instant recordedAt = instant(root, "recordedAt", envelope, problems);
        LocalDate businessDay = null;
        JsonNode day = root.get("businessDay");
        if (day != null && !day.isNull()) {
            try {
                businessDay = LocalDate.parse(day.asText());
            } catch (DateTimeParseException e) {
                problems.add("businessDay: must be a date YYYY-MM-DD");
            }
        }
        JsonNode saleNode = root.get("sale");
        SaleReader.Result sale = null;
        if (saleNode == null || !saleNode.isObject()) {
            problems.add("sale: is required");
        } else if (!saleNode.path("storeId").isTextual()) {
            problems.add("sale.storeId: is required");
        } else {
            sale = SaleReader.read(Json.write(saleNode), saleNode.get("storeId").asText());
            sale.violations().forEach(v -> problems.add("sale." + v.path() + ": " + v.message()));
        }
        failOn(problems);
        return new SaleRecorded(eventId, recordedAt, source, sale.sale(), businessDay);
    }

    /** A {@code PaymentRecorded} event: {@code eventId}, {@code recordedAt} and a {@code payment} object required. */
    public static PaymentRecorded payment(byte[] body) throws UnreadableEventException {
        return bound(body, "PaymentRecorded", "payment", PaymentRecorded.class);
    }

    /** A {@code SettlementRecorded} event: {@code eventId}, {@code recordedAt} and a {@code settlement} required. */
    public static SettlementRecorded settlement(byte[] body) throws UnreadableEventException {
        return bound(body, "SettlementRecorded", "settlement", SettlementRecorded.class);
    }

    /** The innermost cause's first line: what went wrong, without Jackson's location preamble repeated. */
    public static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static <T> T bound(byte[] body, String type, String content, Class<T> eventType)
            throws UnreadableEventException {
        JsonNode root = object(body, type);
        List<String> problems = new ArrayList<>();
        text(root, "eventId", Envelope.REQUIRED, problems);
        instant(root, "recordedAt", Envelope.REQUIRED, problems);
        if (!root.path(content).isObject()) {
            problems.add(content + ": is required");
        }
        failOn(problems);
        try {
            return Json.mapper().treeToValue(root, eventType);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new UnreadableEventException(List.of((path.isEmpty() ? "$" : path) + ": " + firstLine(e)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEventException(List.of("$: " + firstLine(e)));
        }
    }

    private static JsonNode object(byte[] body, String type) throws UnreadableEventException {
        if (body == null || body.length == 0) {
            throw new UnreadableEventException(List.of("$: empty message body, expected a " + type + " JSON event"));
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UnreadableEventException(List.of("$: not a " + type + " JSON event: " + firstLine(e)));
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableEventException(List.of("$: not a " + type + " JSON event: expected a JSON object"));
        }
        return root;
    }

    private static String text(JsonNode root, String field, Envelope envelope, List<String> problems) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            if (envelope == Envelope.REQUIRED) {
                problems.add(field + ": is required as a non-empty string");
            }
            return null;
        }
        return value.asText();
    }

    private static Instant instant(JsonNode root, String field, Envelope envelope, List<String> problems) {
        String text = text(root, field, envelope, problems);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(field + ": must be an ISO-8601 instant");
            return null;
        }
    }

    private static void failOn(List<String> problems) throws UnreadableEventException {
        if (!problems.isEmpty()) {
            throw new UnreadableEventException(problems);
        }
    }

    /** An event that can never be read; its message is every problem, each naming its field, joined by {@code "; "}. */
    public static final class UnreadableEventException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public UnreadableEventException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        /** Each problem on its own, {@code field: what is wrong}. */
        public List<String> problems() {
            return problems;
        }
    }
}
