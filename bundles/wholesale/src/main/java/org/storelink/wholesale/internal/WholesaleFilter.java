package org.storelink.wholesale.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.Store;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemJson;
import org.storelink.stores.StoreAuthentication;
import org.storelink.stores.StoreRegistry;
import org.storelink.wholesale.SourcingShares;
import org.storelink.wholesale.StoreOrder;
import org.storelink.wholesale.WholesaleOrdering;
import org.storelink.wholesale.WholesaleRequestException;

/**
 * The store's wholesale resources under {@code /storelink/api/v1/stores/{storeId}/}: {@code GET replenishment},
 * {@code GET|POST orders}, {@code POST stock-counts}, {@code POST goods-receipts}, {@code POST purchases},
 * {@code GET sourcing-share[?month=YYYY-MM]}. A whiteboard filter on the pattern the pos-webhook servlet owns: it
 * answers its own sub-paths and passes every other request on untouched. HTTP Basic: the store id and its secret.
 */
final class WholesaleFilter implements Filter {
    static final String PATTERN = "/storelink/api/v1/stores/*";
    static final int MAX_BODY = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(WholesaleFilter.class);
    private static final Pattern PATH = Pattern.compile(
            "^/storelink/api/v1/stores/([^/]+)/(replenishment|orders|stock-counts|goods-receipts|purchases|sourcing-share)/?$");

    private final WholesaleOrdering wholesale;
    private final SourcingShares shares;
    private final StoreRegistry stores;
    private final StoreAuthentication authenticator;
    private final Clock clock;

    WholesaleFilter(WholesaleOrdering wholesale, SourcingShares shares, StoreRegistry stores, Clock clock) {
        this.wholesale = wholesale;
        this.shares = shares;
        this.stores = stores;
        this.authenticator = new StoreAuthentication(stores);
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            String path = (http.getServletPath() == null ? "" : http.getServletPath())
                    + (http.getPathInfo() == null ? "" : http.getPathInfo());
            Matcher matcher = PATH.matcher(path);
            if (matcher.matches() && handles(matcher.group(2), http.getMethod())) {
                serve(http, answer, matcher.group(1), matcher.group(2));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean handles(String resource, String method) {
        return switch (resource) {
            case "replenishment", "sourcing-share" -> "GET".equals(method);
            case "orders" -> "GET".equals(method) || "POST".equals(method);
            default -> "POST".equals(method);
        };
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, String storeId, String resource)
            throws IOException {
        StoreAuthentication.Result authentication = authenticator.check(request.getHeader("Authorization"), storeId);
        if (authentication == StoreAuthentication.Result.UNKNOWN_STORE) {
            problem(response, 404, "Unknown store", "No store with id \"" + clip(storeId) + "\" is registered",
                    List.of());
            return;
        }
        if (!authentication.authenticated()) {
            response.setHeader("WWW-Authenticate", StoreAuthentication.CHALLENGE);
            problem(response, 401, "Unauthorized", authentication.reason(), List.of());
            return;
        }
        try {
            switch (resource + " " + request.getMethod()) {
                case "replenishment GET" -> json(response, 200, WholesaleJson.replenishment(
                        wholesale.replenishment(storeId).orElseThrow()));
                case "orders GET" -> {
                    ArrayNode list = Json.mapper().createArrayNode();
                    wholesale.orders(storeId, limit(request.getParameter("limit"))).forEach(order ->
                            list.add(WholesaleJson.order(order)));
                    json(response, 200, list);
                }
                case "orders POST" -> {
                    StoreOrder order = wholesale.confirmOrder(storeId, RequestReader.order(body(request)));
                    json(response, 201, WholesaleJson.order(order));
                }
                case "stock-counts POST" -> {
                    wholesale.recordStockCount(storeId, RequestReader.stockCount(body(request)));
                    response.setStatus(204);
                }
                case "goods-receipts POST" -> {
                    wholesale.recordDelivery(storeId, RequestReader.delivery(body(request)));
                    response.setStatus(204);
                }
                case "purchases POST" -> json(response, 201, WholesaleJson.purchase(
                        wholesale.recordPurchase(RequestReader.purchase(body(request), storeId))));
                case "sourcing-share GET" -> json(response, 200, WholesaleJson.share(shares.share(storeId,
                        month(request.getParameter("month"), storeId)).orElseThrow()));
                default -> problem(response, 405, "Method not allowed", request.getMethod(), List.of());
            }
        } catch (BodyTooLargeException e) {
            problem(response, 413, "Body too large", "The body is over " + MAX_BODY + " bytes", List.of());
        } catch (WholesaleRequestException e) {
            problem(response, 400, "Invalid request", e.getMessage(), e.violations());
        } catch (RuntimeException e) {
            LOG.error("Wholesale {} {} of store {} failed: {}", request.getMethod(), resource, storeId,
                    e.getMessage(), e);
            problem(response, 503, "Wholesale unavailable", "The request could not be carried out; retry later",
                    List.of());
        }
    }

    static int limit(String text) {
        if (text == null) {
            return 50;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 1000) {
            throw new WholesaleRequestException("limit", "must be a whole number from 1 to 1000");
        }
        return Integer.parseInt(text);
    }

    private YearMonth month(String text, String storeId) {
        if (text == null) {
            return YearMonth.from(clock.instant().atZone(stores.store(storeId).map(Store::zone)
                    .orElse(java.time.ZoneOffset.UTC)));
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new WholesaleRequestException("month", "must be a month YYYY-MM");
        }
    }

    private static final class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new BodyTooLargeException();
            }
            return body;
        }
    }

    private static void json(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(Json.write(body));
    }

    private static String clip(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail,
                                List<Violation> violations) throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.getOutputStream().write(Json.write(ProblemJson.of(status, title, detail, violations)));
    }
}
