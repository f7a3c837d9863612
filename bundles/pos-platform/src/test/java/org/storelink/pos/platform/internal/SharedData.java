package org.storelink.pos.platform.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.junit.jupiter.api.DynamicTest;
import org.storelink.model.json.Json;

/**
 * The real webhook samples in the shared data folder (system property {@code storelink.sharedData}, by default
 * {@code ../../../shared/data} from the module). They are read in place, never copied; tests that need them are
 * skipped with a message when the folder is absent, as in a fresh clone elsewhere.
 */
final class SharedData {
    static final String PROPERTY = "storelink.sharedData";
    static final String DEFAULT = "../../../shared/data";

    /** Numbers stay as written: integers exact at any size, decimals as BigDecimal. */
    private static final ObjectReader EXACT = Json.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(DeserializationFeature.USE_LONG_FOR_INTS);

    private SharedData() {
    }

    static Path webhooks() {
        return Path.of(System.getProperty(PROPERTY, DEFAULT)).resolve("webhooks");
    }

    /** The samples whose name starts with {@code prefix}; none when the folder is absent. */
    static List<Path> samples(String prefix) {
        Path dir = webhooks();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample's check. */
    @FunctionalInterface
    interface SampleCheck {
        void check(Path sample) throws Exception;
    }

    /**
     * One dynamic test per sample named {@code prefix*.json}; or, when there is none, one test that is skipped
     * with a message saying where the samples were looked for.
     */
    static List<DynamicTest> perSample(String prefix, SampleCheck check) {
        List<Path> samples = samples(prefix);
        if (samples.isEmpty()) {
            return List.of(DynamicTest.dynamicTest("no " + prefix + "*.json sample", () -> assumeTrue(false,
                    "Skipped: no " + prefix + "*.json sample in " + webhooks().toAbsolutePath() + "; pass -D"
                            + PROPERTY + "=<folder holding webhooks/> to run the conformance tests")));
        }
        return samples.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> check.check(file))).toList();
    }

    static JsonNode read(Path file) {
        try {
            return EXACT.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The delivered body of a sample: {@code body} in a delivery capture, {@code response} in a topic schema
     * example.
     */
    static JsonNode body(JsonNode sample) {
        JsonNode body = sample.has("body") ? sample.get("body") : sample.get("response");
        if (body == null || !body.isObject()) {
            throw new IllegalStateException("sample has neither a body nor a response object");
        }
        return body;
    }
}
