package org.storelink.payments.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real notification samples in the shared data folder (system property {@code storelink.sharedData}, by default
 * {@code ../../../shared/data} from the module), read in place and never copied. Tests that need them are skipped
 * with a message when they are absent, as in a fresh clone elsewhere.
 */
final class SharedData {
    static final String PROPERTY = "storelink.sharedData";
    static final String DEFAULT = "../../../shared/data";

    private SharedData() {
    }

    static Path payments() {
        return Path.of(System.getProperty(PROPERTY, DEFAULT)).resolve("payments");
    }

    /** The sample file, or the test is skipped saying where it was looked for. */
    static Path require(String name) {
        Path file = payments().resolve(name);
        assumeTrue(Files.isRegularFile(file), () -> "Skipped: no " + name + " in " + payments().toAbsolutePath()
                + "; pass -D" + PROPERTY + "=<folder holding payments/> to run the conformance tests");
        return file;
    }
}
