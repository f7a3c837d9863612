package org.storelink.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The stores a run posts for, read from a storelink-stores.json (a path, a file: URL or a loopback http URL). */
final class StoreList {

    /** One store: its id, the secret that signs its posts, and its zone (for the till's local time). */
    record Store(String id, byte[] secret, ZoneId zone) {
    }

    private StoreList() {
    }

    static List<Store> load(String fileOrUrl) throws IOException {
        JsonNode root;
        ObjectMapper mapper = new ObjectMapper();
        if (fileOrUrl.startsWith("http://") || fileOrUrl.startsWith("https://") || fileOrUrl.startsWith("file:")) {
            URI uri = URI.create(fileOrUrl);
            if (!"file".equals(uri.getScheme())) {
                Loopback.require(uri, "--stores");
            }
            try (InputStream in = uri.toURL().openStream()) {
                root = mapper.readTree(in);
            }
        } else {
            root = mapper.readTree(Files.readAllBytes(Path.of(fileOrUrl)));
        }
        return parse(root);
    }

    static List<Store> parse(JsonNode root) {
        JsonNode stores = root == null ? null : root.get("stores");
        if (stores == null || !stores.isArray() || stores.isEmpty()) {
            throw new IllegalArgumentException("the stores file has no \"stores\" array");
        }
        List<Store> result = new ArrayList<>();
        for (JsonNode store : stores) {
            String id = store.path("id").asText("");
            String secret = store.path("secret").asText("");
            if (id.isEmpty() || secret.isEmpty()) {
                throw new IllegalArgumentException("every store needs an id and a secret: " + store);
            }
            String zone = store.path("zone").asText("Asia/Shanghai");
            result.add(new Store(id, secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), ZoneId.of(zone)));
        }
        return List.copyOf(result);
    }
}
