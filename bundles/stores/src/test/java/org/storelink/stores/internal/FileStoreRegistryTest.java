package org.storelink.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.model.Region;
import org.storelink.model.Store;

class FileStoreRegistryTest {

    private static String store(String id) {
        return store(id, "east");
    }

    private static String store(String id, String region) {
        return "{\"id\":\"" + id + "\",\"name\":\"n\",\"region\":\"" + region + "\",\"area\":\"student\","
                + "\"zone\":\"Asia/Shanghai\",\"secret\":\"0123456789abcdef\"}";
    }

    private static String stores(String regions, String... stores) {
        return "{\"regions\":[" + regions + "],\"stores\":[" + String.join(",", stores) + "]}";
    }

    private static String region(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}";
    }

    private static List<String> ids(FileStoreRegistry registry) {
        return registry.stores().stream().map(Store::id).toList();
    }

    @Test
    void mergesFragmentsWithTheMainFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("storelink-stores.json");
        Files.writeString(file, stores(region("east", "East China"), store("s1")));
        Path fragments = Files.createDirectory(dir.resolve("storelink-stores.d"));
        Files.writeString(fragments.resolve("demo.json"), stores(region("demo-x", "Demo X"),
                store("f1", "demo-x"), store("f2", "east"), store("f3", "demo-y")));
        Files.writeString(fragments.resolve("notes.txt"), "not a fragment");
        Files.writeString(fragments.resolve(".hidden.json"), "{ being written");
        FileStoreRegistry registry = new FileStoreRegistry(file);
        try {
            assertThat(ids(registry)).containsExactly("f1", "f2", "f3", "s1");
            assertThat(registry.secret("f1")).isPresent();
            assertThat(registry.regions()).extracting(Region::id, Region::name).containsExactly(
                    tuple("demo-x", "Demo X"), tuple("demo-y", "demo-y"), tuple("east", "East China"));
            assertThat(registry.refused()).isEmpty();
        } finally {
            registry.close();
        }
    }

    @Test
    void refusesTheFragmentThatDefinesAStoreOrRegionAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("storelink-stores.json");
        Files.writeString(file, stores(region("east", "East China"), store("s1")));
        Path fragments = Files.createDirectory(dir.resolve("fragments"));
        Files.writeString(fragments.resolve("b.json"), stores("", store("s2")));
        Files.writeString(fragments.resolve("c.json"), stores(region("east", "Another East"), store("s4")));
        FileStoreRegistry registry = new FileStoreRegistry(file, fragments);
        try {
            assertThat(ids(registry)).containsExactly("s1", "s2");
            assertThat(registry.refused()).containsOnlyKeys("c.json");
            assertThat(registry.refused().get("c.json"))
                    .contains("region \"east\" is already defined in storelink-stores.json");
            assertThat(registry.regions()).extracting(Region::name).containsExactly("East China");

            // a.json sorts first, but b.json was there first: the newcomer is the one refused, whole
            Files.writeString(fragments.resolve("a.json"), stores("", store("s2"), store("s3")));
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.refused().containsKey("a.json"));
            assertThat(registry.refused().get("a.json"))
                    .contains("store \"s2\" is already defined in fragments/b.json");
            assertThat(ids(registry)).containsExactly("s1", "s2");
            assertThat(registry.reload()).isFalse();

            // the main file takes a fragment's store: that fragment is refused, the rest stays
            Files.writeString(file, stores(region("east", "East China"), store("s1"), store("s2")));
            assertThat(registry.reload()).isFalse();
            assertThat(registry.refused().get("b.json")).contains("store \"s2\" is already defined in"
                    + " storelink-stores.json");
            assertThat(ids(registry)).containsExactly("s1", "s2");
        } finally {
            registry.close();
        }
    }

    @Test
    void newChangedAndDeletedFragmentsTakeEffect(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("storelink-stores.json");
        Files.writeString(file, stores("", store("s1")));
        FileStoreRegistry registry = new FileStoreRegistry(file);
        try {
            assertThat(ids(registry)).containsExactly("s1");

            // the folder itself appears after the start, then a fragment is moved into it, as an installer does
            Path fragments = Files.createDirectory(dir.resolve("storelink-stores.d"));
            Path temporary = Files.writeString(fragments.resolve(".demo.json.tmp"), stores("", store("f1")));
            Files.move(temporary, fragments.resolve("demo.json"), StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(10)).until(() -> ids(registry).equals(List.of("f1", "s1")));

            Files.writeString(fragments.resolve("demo.json"), stores("", store("f1"), store("f2")));
            await().atMost(Duration.ofSeconds(10)).until(() -> ids(registry).equals(List.of("f1", "f2", "s1")));

            Files.writeString(fragments.resolve("more.json"), stores("", store("m1")));
            await().atMost(Duration.ofSeconds(10)).until(() -> ids(registry).contains("m1"));

            Files.delete(fragments.resolve("demo.json"));
            await().atMost(Duration.ofSeconds(10)).until(() -> ids(registry).equals(List.of("m1", "s1")));

            Files.delete(fragments.resolve("more.json"));
            Files.delete(fragments);
            await().atMost(Duration.ofSeconds(10)).until(() -> ids(registry).equals(List.of("s1")));
        } finally {
            registry.close();
        }
    }

    @Test
    void keepsAFragmentsLastGoodContentWhenItsChangeIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("storelink-stores.json");
        Files.writeString(file, stores("", store("s1")));
        Path fragments = Files.createDirectory(dir.resolve("storelink-stores.d"));
        Path demo = Files.writeString(fragments.resolve("demo.json"), stores("", store("f1")));
        Files.writeString(fragments.resolve("other.json"), stores("", store("o1")));
        FileStoreRegistry registry = new FileStoreRegistry(file);
        try {
            Files.writeString(demo, "{\"stores\":[{\"id\":\"broken\"}]}");
            assertThat(registry.reload()).isFalse();
            assertThat(registry.refused().get("demo.json")).contains("refused, still serving its previous content")
                    .contains("stores[0].name: is required");
            assertThat(ids(registry)).containsExactly("f1", "o1", "s1");

            // a change that collides is refused too; the fragment's previous content still fits
            Files.writeString(demo, stores("", store("f1"), store("o1")));
            assertThat(registry.reload()).isFalse();
            assertThat(registry.refused().get("demo.json")).contains("trying its previous content")
                    .contains("store \"o1\" is already defined in storelink-stores.d/other.json");
            assertThat(ids(registry)).containsExactly("f1", "o1", "s1");

            // an invalid main file keeps its own last good content and the fragments stay
            Files.writeString(file, "{");
            assertThat(registry.reload()).isFalse();
            assertThat(ids(registry)).containsExactly("f1", "o1", "s1");
        } finally {
            registry.close();
        }
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
