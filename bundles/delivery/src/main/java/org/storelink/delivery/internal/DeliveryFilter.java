package org.storelink.delivery.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.delivery.Deliveries;
import org.storelink.delivery.DeliveryDay;
import org.storelink.delivery.DeliveryView;
import org.storelink.delivery.Submission;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemJson;
import org.storelink.stores.StoreAuthentication;
import org.storelink.stores.StoreRegistry;

/**
 * The store's deliveries over HTTP, as a whiteboard filter on {@code /storelink/api/v1/stores/*} (the pos-webhook
 * servlet owns that pattern):
 * <ul>
 * <li>{@code POST .../stores/{id}/deliveries}: take an order</li>
 * <li>{@code GET .../stores/{id}/deliveries[?day=YYYY-MM-DD]}: the day's deliveries and counts</li>
 * <li>{@code GET .../stores/{id}/deliveries/{deliveryId}}: one delivery with its history</li>
 * </ul>
 * Every other request goes down the chain untouched. HTTP Basic with the store id and the store's secret.
 */
final class DeliveryFilter implements Filter {
    static final String PATTERN = "/storelink/api/v1/stores/*";
    static final String BASE = "/storelink/api/v1/stores/";
    static final int MAX_BODY = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFilter.class);
    private static final Pattern LIST = Pattern.compile("^/storelink/api/v1/stores/([^/]+)/deliveries/?$");
    private static final Pattern ONE = Pattern.compile("^/storelink/api/v1/stores/([^/]+)/deliveries/([^/]+)/?$");

    private final Deliveries deliveries;
    private final StoreAuthentication authenticator;

    DeliveryFilter(Deliveries deliveries, StoreRegistry stores) {
        this.deliveries = deliveries;
        this.authenticator = new StoreAuthentication(stores);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            String path = path(http);
            String method = http.getMethod();
            Matcher list = LIST.matcher(path);
            if (list.matches() && ("POST".equals(method) || "GET".equals(method))) {
                if (authorized(http, answer, list.group(1))) {
                    if ("POST".equals(method)) {
                        post(http, answer, list.group(1));
                    } else {
                        list(http, answer, list.group(1));
                    }
                }
                return;
            }
            Matcher one = ONE.matcher(path);
            if (one.matches() && "GET".equals(method)) {
                if (authorized(http, answer, one.group(1))) {
                    one(answer, one.group(1), one.group(2));
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private boolean authorized(HttpServletRequest request, HttpServletResponse response, String storeId)
            throws IOException {
        StoreAuthentication.Result authentication = authenticator.check(request.getHeader("Authorization"), storeId);
        if (authentication == StoreAuthentication.Result.UNKNOWN_STORE) {
            problem(response, 404, "Unknown store", "No store with id \"" + Texts.clip(storeId)
                    + "\" is registered", List.of());
            return false;
        }
        if (!authentication.authenticated()) {
            response.setHeader("WWW-Authenticate", StoreAuthentication.CHALLENGE);
            problem(response, 401, "Unauthorized", refusal(authentication), List.of());
            return false;
        }
        return true;
    }

    /** Delivery's own wording of a refusal, which never says whether the store id or the secret was wrong. */
    static String refusal(StoreAuthentication.Result authentication) {
        return switch (authentication) {
            case MISSING -> "Authorization is missing: use HTTP Basic with the store id and the store's secret";
            case NOT_BASIC -> "Authorization must be HTTP Basic";
            case NOT_BASE64 -> "Authorization is not valid base64";
            case NOT_USER_AND_PASSWORD -> "Authorization must be base64 of storeId:secret in UTF-8";
            case WRONG_USER, WRONG_SECRET -> "the store id and secret do not match";
            default -> authentication.reason();
        };
    }

    private void post(HttpServletRequest request, HttpServletResponse response, String storeId) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            problem(response, 415, "Unsupported media type", "Send the delivery request as application/json",
                    List.of());
            return;
        }
        byte[] body = read(request);
        if (body == null) {
            problem(response, 413, "Body too large", "The body must be at most " + MAX_BODY + " bytes", List.of());
            return;
        }
        Submission submission;
        try {
            submission = deliveries.request(storeId, body);
        } catch (RuntimeException e) {
            LOG.error("Delivery request of store {} failed: {}", storeId, e.getMessage(), e);
            problem(response, 503, "Delivery unavailable", "The request could not be stored; nothing was recorded,"
                    + " send it again", List.of());
            return;
        }
        switch (submission.outcome()) {
            case CREATED, EXISTING -> {
                String location = BASE + storeId + "/deliveries/" + submission.deliveryId();
                response.setStatus(submission.outcome() == Submission.Outcome.CREATED ? 201 : 200);
                response.setHeader("Location", location);
                json(response, Json.write(DeliveryJson.submission(submission, location)));
            }
            case INVALID -> problem(response, 400, "Invalid delivery request", submission.detail(),
                    submission.violations());
            case CONFLICT -> problem(response, 409, "orderRef already used", submission.detail(),
                    submission.violations());
            case UNKNOWN_STORE -> problem(response, 404, "Unknown store", submission.detail(), List.of());
            case STORE_NOT_DELIVERABLE -> problem(response, 422, "Store cannot be picked up from",
                    submission.detail(), List.of());
            default -> throw new IllegalStateException("unexpected " + submission.outcome());
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, String storeId) throws IOException {
        LocalDate day;
        try {
            day = day(request.getParameterValues("day"));
        } catch (IllegalArgumentException e) {
            problem(response, 400, "Invalid parameter", "Parameter \"day\": " + e.getMessage(),
                    List.of(new Violation("day", e.getMessage())));
            return;
        }
        Optional<DeliveryDay> found;
        try {
            found = deliveries.day(storeId, day);
        } catch (RuntimeException e) {
            LOG.error("Deliveries of store {} failed: {}", storeId, e.getMessage(), e);
            problem(response, 503, "Deliveries unavailable", "Retry later", List.of());
            return;
        }
        if (found.isEmpty()) {
            problem(response, 404, "Unknown store", "No store with id \"" + Texts.clip(storeId) + "\"", List.of());
            return;
        }
        response.setStatus(200);
        json(response, Json.write(DeliveryJson.day(found.get())));
    }

    private void one(HttpServletResponse response, String storeId, String deliveryId) throws IOException {
        Optional<DeliveryView> found;
        try {
            found = deliveries.find(storeId, deliveryId);
        } catch (RuntimeException e) {
            LOG.error("Delivery {} of store {} failed: {}", deliveryId, storeId, e.getMessage(), e);
            problem(response, 503, "Deliveries unavailable", "Retry later", List.of());
            return;
        }
        if (found.isEmpty()) {
            problem(response, 404, "Unknown delivery", "Store \"" + Texts.clip(storeId) + "\" has no delivery \""
                    + Texts.clip(deliveryId) + "\"", List.of());
            return;
        }
        response.setStatus(200);
        json(response, Json.write(DeliveryJson.delivery(found.get(), true)));
    }

    /** The day asked for, or null for today in the store's zone. */
    static LocalDate day(String[] given) {
        if (given == null || given.length == 0) {
            return null;
        }
        if (given.length > 1) {
            throw new IllegalArgumentException("must be given once");
        }
        try {
            return LocalDate.parse(given[0].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + Texts.clip(given[0]) + "\" is not a date YYYY-MM-DD");
        }
    }

    /** The body, or null when it is over {@link #MAX_BODY}. */
    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    private static void json(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentType("application/json");
        // a store's orders are its own business: no shared cache may keep them
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail,
                                List<Violation> violations) throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.getOutputStream().write(Json.write(ProblemJson.of(status, title, detail, violations)));
    }
}
