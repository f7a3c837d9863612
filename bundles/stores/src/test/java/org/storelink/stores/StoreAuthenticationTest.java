package org.storelink.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.StoreAuthentication.Result;

class StoreAuthenticationTest {
    private static final String STORE = "sh-001";
    private static final byte[] SECRET = "secret-sh-001".getBytes(StandardCharsets.UTF_8);
    private static final String GOOD = basic(STORE, "secret-sh-001");

    private final StoreAuthentication authentication = new StoreAuthentication(new StoreRegistry() {
        @Override
        public Optional<Store> store(String id) {
            return Optional.empty();
        }

        @Override
        public List<Store> stores() {
            return List.of();
        }

        @Override
        public List<Region> regions() {
            return List.of();
        }

        @Override
        public Optional<byte[]> secret(String storeId) {
            return STORE.equals(storeId) ? Optional.of(SECRET.clone()) : Optional.empty();
        }
    });

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(byte[] credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials);
    }

    @Test
    void theStoresOwnIdAndSecretAuthenticate() {
        assertThat(authentication.check(GOOD, STORE)).isEqualTo(Result.AUTHENTICATED);
        assertThat(authentication.check("  " + GOOD + " ", STORE).authenticated()).isTrue();
        assertThat(authentication.check("basic " + GOOD.substring(6), STORE)).isEqualTo(Result.AUTHENTICATED);
        assertThat(authentication.check("BASIC   " + GOOD.substring(6), STORE)).isEqualTo(Result.AUTHENTICATED);
    }

    @Test
    void aStoreWithoutASecretIsUnknown() {
        assertThat(authentication.check(GOOD, "sh-999")).isEqualTo(Result.UNKNOWN_STORE);
        assertThat(authentication.check(null, "sh-999")).isEqualTo(Result.UNKNOWN_STORE);
    }

    @Test
    void credentialsAreComparedByValueOnly() {
        assertThat(StoreAuthentication.check(GOOD, STORE, SECRET)).isEqualTo(Result.AUTHENTICATED);
        assertThat(StoreAuthentication.check("basic " + GOOD.substring(6), STORE, SECRET))
                .isEqualTo(Result.AUTHENTICATED);
        assertThat(StoreAuthentication.check(basic(STORE, "secret-sh-00"), STORE, SECRET))
                .isEqualTo(Result.WRONG_SECRET);
        assertThat(StoreAuthentication.check(basic(STORE, "secret-sh-001:"), STORE, SECRET))
                .isEqualTo(Result.WRONG_SECRET);
        // a colon in the secret is fine: only the first one separates the user
        assertThat(StoreAuthentication.check(basic(STORE, "a:b"), STORE, "a:b".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Result.AUTHENTICATED);
    }

    @Test
    void eachRefusalSaysWhy() {
        assertThat(authentication.check(null, STORE)).isEqualTo(Result.MISSING);
        assertThat(authentication.check("  ", STORE)).isEqualTo(Result.MISSING);
        assertThat(authentication.check("Bearer abc", STORE)).isEqualTo(Result.NOT_BASIC);
        assertThat(authentication.check("Basic", STORE)).isEqualTo(Result.NOT_BASIC);
        assertThat(authentication.check("Basic ", STORE)).isEqualTo(Result.NOT_BASIC);
        assertThat(authentication.check("Basic not*base64", STORE)).isEqualTo(Result.NOT_BASE64);
        assertThat(authentication.check(basic("no-colon".getBytes(StandardCharsets.UTF_8)), STORE))
                .isEqualTo(Result.NOT_USER_AND_PASSWORD);
        assertThat(authentication.check(basic(new byte[] {'s', ':', (byte) 0xC3, (byte) 0x28}), STORE))
                .isEqualTo(Result.NOT_USER_AND_PASSWORD);
        assertThat(authentication.check(basic("sh-002", "secret-sh-001"), STORE)).isEqualTo(Result.WRONG_USER);
        assertThat(authentication.check(basic("sh-002", "wrong"), STORE)).isEqualTo(Result.WRONG_USER);
        assertThat(authentication.check(basic(STORE, "wrong"), STORE)).isEqualTo(Result.WRONG_SECRET);
        assertThat(authentication.check(basic(STORE, ""), STORE)).isEqualTo(Result.WRONG_SECRET);
    }

    @Test
    void theReasonsAreTheOnesStoresAreTold() {
        assertThat(Result.MISSING.reason())
                .isEqualTo("Authorization header is missing; use HTTP Basic with the store id and the store's secret");
        assertThat(List.of(Result.NOT_BASIC, Result.NOT_BASE64, Result.NOT_USER_AND_PASSWORD))
                .extracting(Result::reason).containsOnly(
                        "Authorization must be Basic followed by base64 of storeId:secret");
        assertThat(Result.WRONG_USER.reason()).isEqualTo("the user must be the store id of the path");
        assertThat(Result.WRONG_SECRET.reason()).isEqualTo("the password does not match the store's secret");
        assertThat(StoreAuthentication.CHALLENGE).isEqualTo("Basic realm=\"storelink\", charset=\"UTF-8\"");
    }
}
