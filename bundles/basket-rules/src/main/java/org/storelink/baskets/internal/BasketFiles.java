package org.storelink.baskets.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads baskets from a text file: one basket per line, items separated by commas, no header, no quoting (UTF-8).
 * Labels are kept exactly, spaces included; empty lines and empty fields (as in {@code a,,b} or a trailing comma)
 * are skipped, like blank lines in arules' {@code read.transactions}.
 */
public final class BasketFiles {

    private BasketFiles() {
    }

    public static List<List<String>> read(Path file) throws IOException {
        List<List<String>> baskets = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    baskets.add(split(line));
                }
            }
        }
        return baskets;
    }

    static List<String> split(String line) {
        List<String> items = new ArrayList<>();
        int from = 0;
        while (from <= line.length()) {
            int comma = line.indexOf(',', from);
            int to = comma < 0 ? line.length() : comma;
            if (to > from) {
                items.add(line.substring(from, to));
            }
            from = to + 1;
        }
        return items;
    }
}
