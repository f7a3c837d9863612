package org.storelink.pos.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.storelink.demo.internal.DemoFixtures;

/** The demo signs its posts the way the webhook checks them: the webhook's own check, on a sale the demo posts. */
class DemoSignatureTest {

    @Test
    void theWebhookAcceptsTheDemosSignature() {
        byte[] key = new byte[32];
        Map.Entry<String, byte[]> sale = DemoFixtures.firstSale();
        String secret = DemoFixtures.secret(key, sale.getKey());
        String header = DemoFixtures.signature(secret, sale.getValue());

        assertThat(WebhookSignature.check(secret.getBytes(StandardCharsets.UTF_8), sale.getValue(), header))
                .isEqualTo(WebhookSignature.Check.VALID);
        assertThat(WebhookSignature.check(secret.getBytes(StandardCharsets.UTF_8), sale.getValue(),
                DemoFixtures.signature(DemoFixtures.secret(key, "another-store"), sale.getValue())))
                .isEqualTo(WebhookSignature.Check.MISMATCH);
    }
}
