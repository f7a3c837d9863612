package org.storelink.branding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a pack's {@code pack.json} and the files it names are read from: a folder, or this bundle's resources. */
public interface PackSource {

    /** A file a pack may name: a plain name in the pack's own folder, never a path out of it. */
    Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** The largest file a pack may hold, so a mistaken path cannot fill the heap. */
    int MAX_BYTES = 32 * 1024 * 1024;

    /** For messages: the folder, or {@code built-in default}. */
    String describe();

    /**
     * The file's bytes, or empty when there is no such file.
     *
     * @throws IllegalArgumentException if the name is not a plain file name or the file is too large
     */
    Optional<byte[]> read(String name) throws IOException;

    static PackSource folder(Path folder) {
        return new Folder(folder.toAbsolutePath().normalize());
    }

    /** A pack shipped inside this bundle under {@code /packs/<name>/}. */
    static PackSource builtIn(String name) {
        return new BuiltIn(name);
    }

    private static void checkName(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("\"" + name + "\" is not a plain file name in the pack's folder");
        }
    }

    record Folder(Path folder) implements PackSource {
        @Override
        public String describe() {
            return folder.toString();
        }

        @Override
        public Optional<byte[]> read(String name) throws IOException {
            checkName(name);
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("\"" + name + "\" is larger than " + MAX_BYTES / 1024 / 1024
                        + " MiB");
            }
            return Optional.of(Files.readAllBytes(file));
        }
    }

    record BuiltIn(String name) implements PackSource {
        @Override
        public String describe() {
            return "built-in " + name;
        }

        @Override
        public Optional<byte[]> read(String file) throws IOException {
            checkName(file);
            try (InputStream in = PackSource.class.getResourceAsStream("/packs/" + name + "/" + file)) {
                return in == null ? Optional.empty() : Optional.of(in.readNBytes(MAX_BYTES));
            }
        }
    }
}
