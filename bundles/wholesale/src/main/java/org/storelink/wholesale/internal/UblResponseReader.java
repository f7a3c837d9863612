package org.storelink.wholesale.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.storelink.model.Gtin;
import org.storelink.wholesale.LineStatus;

/**
 * Reads a UBL 2.1 OrderResponse with StAX (no DTDs, no external entities), following Peppol BIS Order Response:
 *
 * <ul>
 *   <li>{@code cbc:ID} the response number, {@code cac:OrderReference/cbc:ID} the purchase order id</li>
 *   <li>{@code cbc:OrderResponseCode} (UNCL 4343): {@code AP} accepted, {@code RE} rejected, {@code CA}
 *       conditionally accepted (see the lines), {@code AB} acknowledged</li>
 *   <li>per {@code cac:OrderLine}: {@code cac:OrderLineReference/cbc:LineID} (else {@code cac:LineItem/cbc:ID}) the
 *       order line; {@code cac:LineItem/cbc:LineStatusCode} (UNCL 1229): 5 accepted, 3 changed, 7 not accepted;
 *       {@code cbc:Quantity}, {@code cac:Price/cbc:PriceAmount}, {@code cac:Delivery/cac:PromisedDeliveryPeriod/
 *       cbc:EndDate} (else {@code StartDate}), {@code cac:Item/cac:StandardItemIdentification/cbc:ID}</li>
 * </ul>
 */
final class UblResponseReader {
    static final String RESPONSE_NS = "urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2";
    private static final XMLInputFactory FACTORY = secureFactory();

    private UblResponseReader() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static final class LineBuilder {
        String itemId;
        String lineRef;
        String statusCode;
        String quantity;
        String price;
        String startDate;
        String endDate;
        String gtin;
    }

    static OrderResponse read(byte[] xml) throws MalformedResponseException {
        List<String> problems = new ArrayList<>();
        String responseId = null;
        String poId = null;
        String code = null;
        String currency = null;
        List<LineBuilder> builders = new ArrayList<>();
        LineBuilder line = null;
        Deque<String> path = new ArrayDeque<>();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (path.isEmpty() && !(RESPONSE_NS.equals(reader.getNamespaceURI())
                            && "OrderResponse".equals(reader.getLocalName()))) {
                        throw new MalformedResponseException(List.of("XML: the root must be OrderResponse in "
                                + RESPONSE_NS + ", is {" + reader.getNamespaceURI() + "}" + reader.getLocalName()));
                    }
                    path.addLast(reader.getLocalName());
                    text.setLength(0);
                    String at = String.join("/", path);
                    if (at.equals("OrderResponse/OrderLine")) {
                        line = new LineBuilder();
                        builders.add(line);
                    }
                    String currencyId = reader.getAttributeValue(null, "currencyID");
                    if (currencyId != null && currency == null) {
                        currency = currencyId;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String at = String.join("/", path);
                    String value = text.toString().strip();
                    switch (at) {
                        case "OrderResponse/ID" -> responseId = value;
                        case "OrderResponse/OrderResponseCode" -> code = value;
                        case "OrderResponse/DocumentCurrencyCode" -> currency = value;
                        case "OrderResponse/OrderReference/ID" -> poId = value;
                        case "OrderResponse/OrderLine/LineItem/ID" -> line.itemId = value;
                        case "OrderResponse/OrderLine/OrderLineReference/LineID" -> line.lineRef = value;
                        case "OrderResponse/OrderLine/LineItem/LineStatusCode" -> line.statusCode = value;
                        case "OrderResponse/OrderLine/LineItem/Quantity" -> line.quantity = value;
                        case "OrderResponse/OrderLine/LineItem/Price/PriceAmount" -> line.price = value;
                        case "OrderResponse/OrderLine/LineItem/Delivery/PromisedDeliveryPeriod/StartDate" ->
                                line.startDate = value;
                        case "OrderResponse/OrderLine/LineItem/Delivery/PromisedDeliveryPeriod/EndDate" ->
                                line.endDate = value;
                        case "OrderResponse/OrderLine/LineItem/Item/StandardItemIdentification/ID" ->
                                line.gtin = value;
                        default -> {
                        }
                    }
                    if (at.equals("OrderResponse/OrderLine")) {
                        line = null;
                    }
                    path.removeLast();
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            throw new MalformedResponseException(List.of("XML: not well-formed: " + firstLine(e.getMessage())));
        }
        if (responseId == null || responseId.isEmpty()) {
            problems.add("ID: the response number is required");
        }
        if (poId == null || poId.isEmpty()) {
            problems.add("OrderReference/ID: the purchase order id is required");
        }
        boolean acceptedWhole = false;
        boolean rejectedWhole = false;
        if (code != null) {
            switch (code) {
                case "AP" -> acceptedWhole = true;
                case "RE" -> rejectedWhole = true;
                case "CA", "AB" -> {
                }
                default -> problems.add("OrderResponseCode: '" + code + "' is not AP, RE, CA or AB");
            }
        }
        List<OrderResponse.Line> lines = new ArrayList<>();
        for (int i = 0; i < builders.size(); i++) {
            OrderResponse.Line built = line(builders.get(i), "OrderLine[" + (i + 1) + "]", problems);
            if (built != null) {
                lines.add(built);
            }
        }
        if (!problems.isEmpty()) {
            throw new MalformedResponseException(problems);
        }
        return new OrderResponse(responseId, poId, currency, acceptedWhole, rejectedWhole, lines);
    }

    private static OrderResponse.Line line(LineBuilder b, String at, List<String> problems) {
        int before = problems.size();
        String reference = b.lineRef != null ? b.lineRef : b.itemId;
        int lineNo = -1;
        if (reference == null || !reference.matches("[0-9]{1,6}")) {
            problems.add(at + ": OrderLineReference/LineID or LineItem/ID must be the order's line number, is '"
                    + reference + "'");
        } else {
            lineNo = Integer.parseInt(reference);
        }
        LineStatus status = null;
        if (b.statusCode == null) {
            problems.add(at + ": LineItem/LineStatusCode is required (5 accepted, 3 changed, 7 not accepted)");
        } else {
            status = switch (b.statusCode) {
                case "5" -> LineStatus.ACCEPTED;
                case "3" -> LineStatus.CHANGED;
                case "7" -> LineStatus.REJECTED;
                default -> {
                    problems.add(at + ": LineStatusCode '" + b.statusCode + "' is not 5, 3 or 7");
                    yield null;
                }
            };
        }
        Long quantity = null;
        if (b.quantity != null) {
            try {
                quantity = new BigDecimal(b.quantity).longValueExact();
                if (quantity < 0) {
                    problems.add(at + ": Quantity must not be negative");
                }
            } catch (ArithmeticException | NumberFormatException e) {
                problems.add(at + ": Quantity '" + b.quantity + "' is not a whole number of units");
            }
        }
        LocalDate date = null;
        String dateText = b.endDate != null ? b.endDate : b.startDate;
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                problems.add(at + ": PromisedDeliveryPeriod date '" + dateText + "' is not YYYY-MM-DD");
            }
        }
        Gtin gtin = null;
        if (b.gtin != null) {
            var problem = Gtin.problem(b.gtin);
            if (problem.isPresent()) {
                problems.add(at + ": StandardItemIdentification/ID " + problem.get());
            } else {
                gtin = Gtin.parse(b.gtin);
            }
        }
        if (status == LineStatus.CHANGED && quantity == null && b.price == null && date == null) {
            problems.add(at + ": a changed line (3) needs a Quantity, PriceAmount or promised delivery date");
        }
        if (problems.size() > before) {
            return null;
        }
        return new OrderResponse.Line(lineNo, gtin, status, quantity, b.price, date);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }
}
