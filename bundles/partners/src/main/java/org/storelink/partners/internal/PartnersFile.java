package org.storelink.partners.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;

/**
 * The registry file: {@code {"partners": [{"id", "kind", "name", "created"}]}}, created an ISO-8601 instant, name
 * absent when none was given. Written whole to a temporary file and moved over the old one, so a crash leaves
 * either the old or the new content. Read strictly: unknown fields, invalid entries and repeated ids are refused,
 * each named with its position, because a silently dropped partner would lose its security settings.
 */
final class PartnersFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("id", "kind", "name", "created");

    private PartnersFile() {
    }

    /** The partners in the file, in file order; none if the file does not exist. */
    static List<Partner> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read partner registry " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("partner registry " + file + " refused: " + e.getMessage(), e);
        }
    }

    static List<Partner> parse(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject() || !root.path("partners").isArray()) {
            throw new IllegalArgumentException("expected an object {\"partners\": [...]}");
        }
        List<String> problems = new ArrayList<>();
        List<Partner> partners = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode entry : root.get("partners")) {
            String at = "partners[" + index++ + "]";
            if (!entry.isObject()) {
                problems.add(at + ": must be an object");
                continue;
            }
            try {
                Partner partner = entry(entry);
                if (!ids.add(partner.id())) {
                    problems.add(at + ".id: '" + partner.id() + "' is listed twice");
                }
                partners.add(partner);
            } catch (IllegalArgumentException e) {
                problems.add(at + "." + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return partners;
    }

    private static Partner entry(JsonNode entry) {
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(name + ": unknown field");
            }
        }
        Instant created;
        try {
            created = Instant.parse(text(entry, "created"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created: not an ISO-8601 instant: " + text(entry, "created"));
        }
        return new Partner(text(entry, "id"), PartnerKind.of(text(entry, "kind")),
                Optional.ofNullable(entry.path("name").isTextual() ? entry.get("name").asText() : null), created);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return value.asText();
    }

    static byte[] format(List<Partner> partners) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("partners");
        for (Partner partner : partners) {
            ObjectNode entry = list.addObject();
            entry.put("id", partner.id());
            entry.put("kind", partner.kind().code());
            partner.name().ifPresent(name -> entry.put("name", name));
            entry.put("created", partner.created().toString());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, List<Partner> partners) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, format(partners));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write partner registry " + file, e);
        }
    }
}
