package org.storelink.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.demo.internal.DemoFixtures;
import org.storelink.model.AreaProfile;
import org.storelink.model.Region;

/** The demo's stores fragment, read by the stores bundle's own parser and registry beside the shipped stores file. */
class DemoFragmentTest {
    private static final byte[] KEY = "a key of this installation, 32 b".getBytes(StandardCharsets.UTF_8);

    @Test
    void theStoresParserAcceptsTheFragment() {
        StoresFile.Content content = StoresFile.parse(DemoFixtures.fragment(300, KEY));

        assertThat(content.problems()).isEmpty();
        assertThat(content.stores()).hasSize(300);
        assertThat(content.definedRegions()).containsExactlyInAnyOrder("demo-east", "demo-south", "demo-west");
        assertThat(content.regions().get("demo-south").name()).isEqualTo("Demo South China");
        StoresFile.Entry first = content.stores().get("demo-east-0001");
        assertThat(new String(first.secret(), StandardCharsets.UTF_8))
                .isEqualTo(DemoFixtures.secret(KEY, "demo-east-0001"));
        assertThat(first.store().zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(first.store().coordinates()).isNotNull();
        assertThat(content.stores().values()).extracting(entry -> entry.store().area()).containsOnly(
                AreaProfile.STUDENT, AreaProfile.OFFICE, AreaProfile.RESIDENTIAL, AreaProfile.TRANSIT);
    }

    @Test
    void theRegistryServesTheDemoStoresBesideTheShippedOnes(@TempDir Path etc) throws Exception {
        Path main = etc.resolve("storelink-stores.json");
        Files.writeString(main, """
                {"regions":[{"id":"east","name":"East China"},{"id":"north","name":"North China"}],
                 "stores":[{"id":"sh-campus-001","name":"Fudan Gate Corner Shop","region":"east","area":"student",
                            "zone":"Asia/Shanghai","secret":"demo-secret-sh-campus-001"}]}
                """);
        Path fragments = Files.createDirectories(etc.resolve("storelink-stores.d"));
        Files.write(fragments.resolve("demo-network.json"), DemoFixtures.fragment(300, KEY));

        FileStoreRegistry registry = new FileStoreRegistry(new StoresConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoresConfig.class;
            }

            @Override
            public String file() {
                return main.toString();
            }

            @Override
            public String fragments() {
                return "";
            }
        });
        try {
            assertThat(registry.refused()).isEmpty();
            assertThat(registry.stores()).hasSize(301);
            assertThat(registry.regions()).extracting(Region::id)
                    .containsExactly("demo-east", "demo-south", "demo-west", "east", "north");
            assertThat(registry.secret("demo-west-0100")).hasValue(
                    DemoFixtures.secret(KEY, "demo-west-0100").getBytes(StandardCharsets.UTF_8));
        } finally {
            registry.close();
        }
    }
}
