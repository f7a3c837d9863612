package org.storelink.pos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.platform.internal.RouteHarness.json;
import static org.storelink.pos.platform.internal.RouteHarness.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemException;

/**
 * A fixed-seed corpus of mutated bodies (truncations, wrong types, huge numbers, broken encodings, duplicate keys,
 * deep nesting, byte flips), each correctly signed so that it reaches the parser and the mappers. Every input must
 * be accepted or refused with a reason: 202, or a problem JSON of 400/404/422 that names what is wrong. No
 * exception may escape and nothing may end as 500 or 503.
 */
class FuzzTest {
    private static final long SEED = 20261126L;
    private static final Set<Integer> ALLOWED = Set.of(202, 400, 404, 422);

    private final Random random = new Random(SEED);
    private final Map<String, Integer> outcomes = new TreeMap<>();

    @Test
    void everyMutatedShopifyAndSquareBodyIsAcceptedOrRefusedWithAReason() throws Exception {
        List<byte[]> shopifySeeds = new ArrayList<>();
        shopifySeeds.add(RouteHarness.utf8(ShopifyOrderMapperTest.orderJson()));
        List<byte[]> squareSeeds = new ArrayList<>();
        squareSeeds.add(RouteHarness.utf8(squareOrderEvent(SquareOrderMapperTest.orderJson())));
        squareSeeds.add(RouteHarness.utf8(squarePayment()));
        addRealSamples(shopifySeeds, squareSeeds);

        PlatformSettings settings = TestSupport.settings()
                .squareGtin("VAR-ONIGIRI", SquareOrderMapperTest.ONIGIRI)
                .squareGtin("VAR-COFFEE", SquareOrderMapperTest.COFFEE)
                .build();
        int inputs = 0;
        try (RouteHarness harness = new RouteHarness(settings)) {
            for (int i = 0; i < 1200; i++) {
                byte[] body = mutate(shopifySeeds.get(i % shopifySeeds.size()));
                check("shopify", body, harness.shopify(body, "fuzz-" + i));
                inputs++;
            }
            for (int i = 0; i < 900; i++) {
                byte[] body = mutate(squareSeeds.get(i % squareSeeds.size()));
                check("square", body, harness.square(body));
                inputs++;
            }
        }

        System.out.println("Fuzz corpus of " + inputs + " inputs (seed " + SEED + "): " + outcomes);
        assertThat(inputs).isGreaterThanOrEqualTo(1000);
        // The corpus reaches every kind of answer, not only the parser's refusals.
        assertThat(outcomes).containsKeys("shopify 202 accepted", "shopify 400", "shopify 422",
                "square 202 accepted", "square 202 ignored", "square 400", "square 422");
    }

    private void check(String platform, byte[] body, Exchange result) {
        String input = preview(body);
        assertThat(result.getException()).as(input).isNull();
        int status = status(result);
        assertThat(ALLOWED).as("status %d for %s: %s", status, input, json(result)).contains(status);
        JsonNode answer = json(result);
        if (status == 202) {
            String kind = answer.path("status").asText();
            assertThat(kind).as(input).isIn("accepted", "ignored");
            if (kind.equals("ignored")) {
                assertThat(answer.path("reason").asText()).as(input).isNotBlank();
            }
            outcomes.merge(platform + " 202 " + kind, 1, Integer::sum);
            return;
        }
        assertThat(answer.path("status").asInt()).as(input).isEqualTo(status);
        assertThat(answer.path("detail").asText()).as(input).isNotBlank();
        if (status == 400 || status == 422) {
            assertThat(answer.path("errors")).as("errors of %s: %s", input, answer).isNotEmpty();
            for (JsonNode error : answer.path("errors")) {
                assertThat(error.path("field").asText()).as(input).isNotBlank();
                assertThat(error.path("reason").asText()).as(input).isNotBlank();
            }
        }
        outcomes.merge(platform + " " + status, 1, Integer::sum);
    }

    private byte[] mutate(byte[] seed) {
        return switch (random.nextInt(10)) {
            case 0 -> truncate(seed);
            case 1, 2, 3 -> replaceValue(seed);
            case 4 -> removeField(seed);
            case 5 -> badEncoding(seed);
            case 6 -> flipBytes(seed);
            case 7 -> duplicateKey(seed);
            case 8 -> hugeNumbers(seed);
            default -> random.nextInt(4) == 0 ? deepNesting() : seed.clone();
        };
    }

    private byte[] truncate(byte[] seed) {
        return java.util.Arrays.copyOf(seed, random.nextInt(seed.length));
    }

    private byte[] flipBytes(byte[] seed) {
        byte[] copy = seed.clone();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] duplicateKey(byte[] seed) {
        String text = new String(seed, StandardCharsets.UTF_8);
        int brace = text.indexOf('{', random.nextInt(Math.max(1, text.length() / 2)));
        if (brace < 0) {
            brace = 0;
        }
        String key = random.nextBoolean() ? "\"id\":1," : "\"amount\":2,\"amount\":3,";
        return (text.substring(0, brace + 1) + key + text.substring(brace + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] badEncoding(byte[] seed) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}};
        switch (random.nextInt(3)) {
            case 0 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int at = random.nextInt(seed.length);
                out.write(seed, 0, at);
                out.writeBytes(bad[random.nextInt(bad.length)]);
                out.write(seed, at, seed.length - at);
                return out.toByteArray();
            }
            case 1 -> {
                return new String(seed, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            }
            default -> {
                // A JSON escape of half a surrogate pair: valid UTF-8, but not text that can be stored.
                return mutateTree(seed, node -> JsonNodeFactory.instance.textNode("tea\ud800"));
            }
        }
    }

    private byte[] hugeNumbers(byte[] seed) {
        String[] huge = {"1" + "0".repeat(400), "1e999999999", "-1e-999999999", "9223372036854775808",
                "99999999999999999999.99", "0.000000000000000000001"};
        String pick = huge[random.nextInt(huge.length)];
        if (random.nextBoolean()) {
            return mutateTree(seed, node -> JsonNodeFactory.instance.textNode(pick));
        }
        // As a raw number token, written into the text: the tree writer itself refuses such numbers.
        byte[] marked = mutateTree(seed, node -> JsonNodeFactory.instance.textNode("__HUGE__"));
        return new String(marked, StandardCharsets.UTF_8).replace("\"__HUGE__\"", pick)
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] deepNesting() {
        int depth = 1500 + random.nextInt(1000);
        return ("{\"id\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] replaceValue(byte[] seed) {
        return mutateTree(seed, node -> wrongValue());
    }

    private JsonNode wrongValue() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(14)) {
            case 0 -> f.textNode("");
            case 1 -> f.textNode("not a number");
            case 2 -> f.numberNode(random.nextInt());
            case 3 -> f.numberNode(new java.math.BigDecimal("3.14159"));
            case 4 -> f.booleanNode(random.nextBoolean());
            case 5 -> f.nullNode();
            case 6 -> f.arrayNode().add(1).add("two");
            case 7 -> f.objectNode().put("amount", "1.00");
            case 8 -> f.textNode("x".repeat(10_000));
            case 9 -> f.textNode("-5.00");
            case 10 -> f.numberNode(-1);
            case 11 -> f.textNode("2026-02-30T25:61:00+99:00");
            case 12 -> f.textNode("0");
            default -> f.numberNode(new java.math.BigInteger("5234567890123456789"));
        };
    }

    private byte[] removeField(byte[] seed) {
        JsonNode root = parse(seed);
        if (root == null) {
            return seed.clone();
        }
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
            target.remove(names.get(random.nextInt(names.size())));
        }
        return Json.write(root);
    }

    /** Replaces one randomly chosen value anywhere in the tree. */
    private byte[] mutateTree(byte[] seed, Function<JsonNode, JsonNode> replacement) {
        JsonNode root = parse(seed);
        if (root == null) {
            return seed.clone();
        }
        List<ContainerNode<?>> parents = new ArrayList<>();
        collectContainers(root, parents);
        ContainerNode<?> parent = parents.get(random.nextInt(parents.size()));
        if (parent instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            object.set(name, replacement.apply(object.get(name)));
        } else if (parent instanceof ArrayNode array && array.size() > 0) {
            int index = random.nextInt(array.size());
            array.set(index, replacement.apply(array.get(index)));
        }
        return Json.write(root);
    }

    private static JsonNode parse(byte[] seed) {
        try {
            return JsonBody.parse(seed);
        } catch (ProblemException e) {
            return null;
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collectObjects(child, into));
    }

    private static void collectContainers(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
        }
        node.forEach(child -> collectContainers(child, into));
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static String squareOrderEvent(String order) {
        return "{\"merchant_id\":\"5S9MXCS9Y99KK\",\"type\":\"order.created\",\"event_id\":\"e-1\","
                + "\"data\":{\"type\":\"order\",\"id\":\"o\",\"object\":{\"order\":" + order + "}}}";
    }

    private static String squarePayment() {
        return "{\"merchant_id\":\"6SSW7HV8K2ST5\",\"type\":\"payment.created\",\"event_id\":\"e-2\","
                + "\"data\":{\"type\":\"payment\",\"id\":\"p\",\"object\":{\"payment\":{\"id\":\"PAY-1\","
                + "\"location_id\":\"" + TestSupport.LOCATION + "\",\"amount_money\":{\"amount\":100,"
                + "\"currency\":\"USD\"}}}}}";
    }

    /** The real samples are seeds too when the shared folder is there; the corpus does not depend on them. */
    private static void addRealSamples(List<byte[]> shopify, List<byte[]> square) throws Exception {
        Path dir = SharedData.webhooks();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("shopify_") && name.endsWith(".json")) {
                    ObjectNode order = (ObjectNode) SharedData.body(SharedData.read(file)).deepCopy();
                    order.put("test", false).putNull("cancelled_at").put("financial_status", "paid");
                    shopify.add(Json.write(order));
                } else if (name.startsWith("square_") && name.endsWith(".json")) {
                    ObjectNode event = (ObjectNode) SharedData.body(SharedData.read(file)).deepCopy();
                    JsonNode object = event.path("data").path("object");
                    for (String kind : List.of("payment", "order_created")) {
                        if (object.has(kind)) {
                            ((ObjectNode) object.get(kind)).put("location_id", TestSupport.LOCATION);
                        }
                    }
                    square.add(Json.write(event));
                }
            }
        }
    }
}
