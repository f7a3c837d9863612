package org.storelink.payments.internal;

import java.nio.charset.StandardCharsets;

import org.storelink.model.json.Json;

/**
 * What the provider is answered. Alipay stops retrying only on the body {@code success}; WeChat Pay on a 2xx
 * status, and reads {@code {"code":"FAIL","message":...}} otherwise.
 */
record Answer(int status, String contentType, byte[] body) {
    static final String TEXT = "text/plain; charset=UTF-8";
    static final String JSON = "application/json";

    static Answer success(Provider provider) {
        return provider == Provider.ALIPAY
                ? new Answer(200, TEXT, "success".getBytes(StandardCharsets.US_ASCII))
                : new Answer(204, null, new byte[0]);
    }

    /** @param reason safe to show: names the field, never holds a secret */
    static Answer failure(Provider provider, int status, String reason) {
        if (provider == Provider.ALIPAY) {
            return new Answer(status, TEXT, "failure".getBytes(StandardCharsets.US_ASCII));
        }
        var body = Json.mapper().createObjectNode().put("code", "FAIL").put("message", reason);
        return new Answer(status, JSON, Json.write(body));
    }

    enum Provider {
        ALIPAY("Alipay"), WECHAT("WeChat Pay");

        private final String title;

        Provider(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }
    }
}
