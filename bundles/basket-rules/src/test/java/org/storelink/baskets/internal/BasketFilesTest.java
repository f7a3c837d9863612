package org.storelink.baskets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasketFilesTest {

    @TempDir
    Path dir;

    @Test
    void splitsOnCommasOnlyAndKeepsLabelsExactly() throws IOException {
        Path file = dir.resolve("baskets.csv");
        Files.writeString(file, "\uFEFFcream cheese ,whole milk\r\n\n roll products ,牛奶,,\nsingle\n",
                StandardCharsets.UTF_8);
        assertThat(BasketFiles.read(file)).containsExactly(List.of("cream cheese ", "whole milk"),
                List.of(" roll products ", "牛奶"), List.of("single"));
    }

    @Test
    void refusesTextThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> BasketFiles.read(file)).isInstanceOf(IOException.class);
    }
}
