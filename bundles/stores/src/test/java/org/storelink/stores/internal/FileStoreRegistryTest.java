package org.storelink.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreRegistryTest {

    private static String store(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"n\",\"region\":\"east\",\"area\":\"student\","
                + "\"zone\":\"Asia/Shanghai\",\"secret\":\"0123456789abcdef\"}";
    }

    @Test
    void reloadsWhenTheFileChangesAndKeepsTheLastGoodContentOnErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("storelink-stores.json");
        Files.writeString(file, "{\"stores\":[" + store("s1") + "]}");
        FileStoreRegistry registry = new FileStoreRegistry(file);
        try {
            assertThat(registry.stores()).extracting(s -> s.id()).containsExactly("s1");
            assertThat(registry.secret("s1")).isPresent();

            Files.writeString(file, "{\"stores\":[" + store("s1") + "," + store("s2") + "]}");
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.stores().size() == 2);

            Files.writeString(file, "{\"stores\":[{\"id\":\"broken\"}]}");
            assertThat(registry.reload()).isFalse();
            assertThat(registry.stores()).extracting(s -> s.id()).containsExactly("s1", "s2");
            assertThat(registry.store("s2")).isPresent();
            assertThat(registry.store("nope")).isEmpty();
        } finally {
            registry.close();
        }
    }
}
