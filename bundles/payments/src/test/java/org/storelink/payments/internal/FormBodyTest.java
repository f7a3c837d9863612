package org.storelink.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FormBodyTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theCharsetParameterDecidesHowEveryValueIsRead() throws Exception {
        // 绿茶 in GBK is C2 CC B2 E8; in UTF-8 E7 BB BF E8 8C B6.
        FormBody gbk = FormBody.parse(ascii("subject=%C2%CC%B2%E8+500ml&charset=GBK"));
        FormBody utf8 = FormBody.parse(ascii("subject=%E7%BB%BF%E8%8C%B6&charset=utf-8"));
        FormBody unstated = FormBody.parse(ascii("subject=%E7%BB%BF%E8%8C%B6"));

        assertThat(gbk.charset()).isEqualTo(Charset.forName("GBK"));
        assertThat(gbk.parameters()).containsEntry("subject", "绿茶 500ml");
        assertThat(utf8.parameters()).containsEntry("subject", "绿茶");
        assertThat(unstated.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(unstated.parameters()).containsEntry("subject", "绿茶");
    }

    @Test
    void badBodiesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> FormBody.parse(ascii("charset=big5&a=b"))).hasMessageStartingWith("charset:");
        assertThatThrownBy(() -> FormBody.parse(ascii("a=1&a=2"))).hasMessageStartingWith("a: is given more");
        assertThatThrownBy(() -> FormBody.parse(ascii("subject=%E7%BB&charset=utf-8")))
                .hasMessageStartingWith("subject: is not valid UTF-8");
        assertThatThrownBy(() -> FormBody.parse(ascii("total_amount=7%2"))).hasMessageStartingWith("total_amount:");
    }

    @Test
    void aPercentEncodedPlusStaysAPlus() throws Exception {
        assertThat(FormBody.parse(ascii("sign=ab%2Bc%2F%3D%3D&x=")).parameters())
                .containsEntry("sign", "ab+c/==").containsEntry("x", "");
    }
}
