package org.storelink.wholesale.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.storelink.model.Gtin;
import org.storelink.wholesale.LineStatus;
import org.storelink.wholesale.internal.Edifact.Segment;

/**
 * Reads an EDIFACT ORDRSP (any directory; D.03B expected) into an {@link OrderResponse}:
 *
 * <ul>
 *   <li>{@code BGM+231+<response no>+<1225>}: 29 accepted without amendment, 27 not accepted, 4 changed</li>
 *   <li>{@code RFF+ON:<purchase order id>}</li>
 *   <li>per line {@code LIN+<order line no>+<1229>+<gtin>:SRV}: 5 accepted, 3 changed, 7 not accepted (10 not
 *       found is read as not accepted); then {@code QTY+113:<n>} (to be delivered) or {@code QTY+21:<n>},
 *       {@code PRI+AAA:<unit price>}, {@code DTM+2|69:<date>:102}</li>
 * </ul>
 */
final class EdifactResponseReader {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private EdifactResponseReader() {
    }

    static OrderResponse read(byte[] interchange) throws MalformedResponseException {
        List<Segment> segments;
        try {
            segments = Edifact.read(interchange);
        } catch (Edifact.MalformedException e) {
            throw new MalformedResponseException(List.of("EDIFACT: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        String responseId = null;
        String poId = null;
        String currency = null;
        boolean acceptedWhole = false;
        boolean rejectedWhole = false;
        boolean ordrsp = false;
        List<OrderResponse.Line> lines = new ArrayList<>();
        LineBuilder current = null;
        for (Segment segment : segments) {
            switch (segment.tag()) {
                case "UNH" -> {
                    ordrsp = "ORDRSP".equals(segment.value(2, 1));
                    if (!ordrsp) {
                        problems.add("UNH: message type must be ORDRSP, is '" + segment.value(2, 1) + "'");
                    }
                }
                case "BGM" -> {
                    responseId = segment.value(2);
                    switch (segment.value(3)) {
                        case "29" -> acceptedWhole = true;
                        case "27" -> rejectedWhole = true;
                        case "", "4", "9" -> {
                        }
                        default -> problems.add("BGM: message function '" + segment.value(3)
                                + "' is not 4, 9, 27 or 29");
                    }
                }
                case "RFF" -> {
                    if ("ON".equals(segment.value(1, 1)) && current == null) {
                        poId = segment.value(1, 2);
                    }
                }
                case "CUX" -> {
                    if (current == null && !segment.value(1, 2).isEmpty()) {
                        currency = segment.value(1, 2);
                    }
                }
                case "LIN" -> {
                    if (current != null) {
                        lines.add(current.build(problems));
                    }
                    current = new LineBuilder(segment, problems);
                }
                case "QTY" -> {
                    if (current != null) {
                        current.quantity(segment, problems);
                    }
                }
                case "PRI" -> {
                    if (current != null && !segment.value(1, 2).isEmpty()) {
                        current.price = segment.value(1, 2);
                    }
                }
                case "DTM" -> {
                    if (current != null && ("2".equals(segment.value(1, 1)) || "69".equals(segment.value(1, 1)))) {
                        current.date(segment, problems);
                    }
                }
                case "UNS" -> {
                    if (current != null) {
                        lines.add(current.build(problems));
                        current = null;
                    }
                }
                default -> {
                }
            }
        }
        if (current != null) {
            lines.add(current.build(problems));
        }
        if (responseId == null || responseId.isBlank()) {
            problems.add("BGM: the response number (element 2) is required");
        }
        if (poId == null || poId.isBlank()) {
            problems.add("RFF+ON: the purchase order number is required");
        }
        if (!problems.isEmpty()) {
            throw new MalformedResponseException(problems);
        }
        return new OrderResponse(responseId, poId, currency, acceptedWhole, rejectedWhole,
                lines.stream().filter(line -> line != null).toList());
    }

    private static final class LineBuilder {
        final int lineNo;
        final LineStatus status;
        final Gtin gtin;
        final String label;
        Long quantity;
        boolean deliverQuantity;
        String price;
        LocalDate date;

        LineBuilder(Segment lin, List<String> problems) {
            String number = lin.value(1);
            label = "LIN " + number;
            int parsed = -1;
            if (number.matches("[0-9]{1,6}")) {
                parsed = Integer.parseInt(number);
            } else {
                problems.add("LIN: line number '" + number + "' is not a number");
            }
            lineNo = parsed;
            status = switch (lin.value(2)) {
                case "5" -> LineStatus.ACCEPTED;
                case "3" -> LineStatus.CHANGED;
                case "7", "10" -> LineStatus.REJECTED;
                default -> {
                    problems.add(label + ": action '" + lin.value(2) + "' is not 5 (accepted), 3 (changed) or 7"
                            + " (not accepted)");
                    yield null;
                }
            };
            String item = lin.value(3, 1);
            Gtin found = null;
            if (!item.isEmpty()) {
                var problem = Gtin.problem(item);
                if (problem.isPresent()) {
                    problems.add(label + ": item number " + problem.get());
                } else {
                    found = Gtin.parse(item);
                }
            }
            gtin = found;
        }

        void quantity(Segment qty, List<String> problems) {
            String qualifier = qty.value(1, 1);
            if (!"113".equals(qualifier) && !"21".equals(qualifier) && !"12".equals(qualifier)) {
                return;
            }
            if (deliverQuantity && !"113".equals(qualifier)) {
                return;
            }
            String text = qty.value(1, 2);
            if (!text.matches("[0-9]{1,15}")) {
                problems.add(label + ": QTY+" + qualifier + " '" + text + "' is not a whole number of units");
                return;
            }
            quantity = Long.parseLong(text);
            deliverQuantity = "113".equals(qualifier);
        }

        void date(Segment dtm, List<String> problems) {
            String text = dtm.value(1, 2);
            String format = dtm.value(1, 3);
            try {
                if ("102".equals(format) || format.isEmpty()) {
                    date = LocalDate.parse(text, DAY);
                } else if ("203".equals(format) && text.length() >= 8) {
                    date = LocalDate.parse(text.substring(0, 8), DAY);
                } else {
                    problems.add(label + ": DTM format '" + format + "' is not 102 or 203");
                }
            } catch (DateTimeParseException e) {
                problems.add(label + ": DTM '" + text + "' is not a date CCYYMMDD");
            }
        }

        OrderResponse.Line build(List<String> problems) {
            if (lineNo < 0 || status == null) {
                return null;
            }
            if (status == LineStatus.CHANGED && quantity == null && price == null && date == null) {
                problems.add(label + ": a changed line needs a QTY, PRI or DTM");
            }
            return new OrderResponse.Line(lineNo, gtin, status, quantity, price, date);
        }
    }
}
