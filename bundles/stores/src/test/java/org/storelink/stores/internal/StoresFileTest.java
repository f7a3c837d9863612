package org.storelink.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;

class StoresFileTest {

    private static StoresFile.Content parse(String json) {
        return StoresFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsStoresAndDerivesUndefinedRegions() {
        StoresFile.Content content = parse("""
                {"regions":[{"id":"east","name":"East China"}],
                 "stores":[
                  {"id":"sh-001","name":"Campus Mart","region":"east","area":"student","zone":"Asia/Shanghai",
                   "secret":"0123456789abcdef","latitude":31.2,"longitude":121.4},
                  {"id":"bj-001","name":"Office Corner","region":"north","area":"office","zone":"Asia/Shanghai",
                   "secret":"fedcba9876543210"}]}
                """);

        assertThat(content.problems()).isEmpty();
        assertThat(content.stores()).containsOnlyKeys("sh-001", "bj-001");
        assertThat(content.stores().get("sh-001").store().area()).isEqualTo(AreaProfile.STUDENT);
        assertThat(content.stores().get("sh-001").store().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(content.regions().get("east").name()).isEqualTo("East China");
        assertThat(content.regions().get("north").name()).isEqualTo("north");
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        StoresFile.Content content = parse("""
                {"stores":[
                  {"id":"a b","name":"","region":"east","area":"lunar","zone":"Mars/Base","secret":"short"},
                  {"id":"ok-1","name":"x","region":"east","area":"office","zone":"UTC","secret":"0123456789abcdef"},
                  {"id":"ok-1","name":"y","region":"east","area":"office","zone":"UTC","secret":"0123456789abcdef"}]}
                """);

        assertThat(content.ok()).isFalse();
        assertThat(content.problems()).anyMatch(p -> p.startsWith("stores[0].id:"))
                .anyMatch(p -> p.startsWith("stores[0].name:"))
                .anyMatch(p -> p.startsWith("stores[0].area:"))
                .anyMatch(p -> p.startsWith("stores[0].zone:"))
                .anyMatch(p -> p.startsWith("stores[0].secret:"))
                .anyMatch(p -> p.startsWith("stores[2].id:") && p.contains("defined twice"))
                .noneMatch(p -> p.startsWith("stores[1]"));
    }

    @Test
    void refusesSomethingThatIsNotAStoresDocument() {
        assertThat(parse("{").problems()).singleElement().asString().startsWith("$: not valid JSON");
        assertThat(parse("[]").problems()).containsExactly("$: must be a JSON object with a \"stores\" array");
        assertThat(parse("{\"stores\":{}}").problems()).containsExactly("stores: must be an array");
    }

    @Test
    void tellsDefinedRegionsFromRegionsOnlyNamedByStores() {
        StoresFile.Content content = parse("""
                {"regions":[{"id":"east","name":"East China"}],
                 "stores":[{"id":"s1","name":"x","region":"north","area":"office","zone":"UTC",
                            "secret":"0123456789abcdef"}]}
                """);

        assertThat(content.regions()).containsOnlyKeys("east", "north");
        assertThat(content.definedRegions()).containsExactly("east");
    }

    @Test
    void mergesFilesAndRefusesOneThatDefinesAnIdAgain() {
        StoresFile.Merge merge = new StoresFile.Merge();
        assertThat(merge.add("main.json", parse("""
                {"stores":[{"id":"s1","name":"x","region":"east","area":"office","zone":"UTC",
                            "secret":"0123456789abcdef"}]}
                """))).isEmpty();
        StoresFile.Content defining = parse("""
                {"regions":[{"id":"east","name":"East China"},{"id":"south","name":"South China"}],
                 "stores":[{"id":"s2","name":"y","region":"south","area":"transit","zone":"UTC",
                            "secret":"0123456789abcdef"}]}
                """);
        StoresFile.Content clashing = parse("""
                {"regions":[{"id":"south","name":"Deep South"}],
                 "stores":[{"id":"s1","name":"z","region":"east","area":"student","zone":"UTC",
                            "secret":"0123456789abcdef"},
                           {"id":"s3","name":"z","region":"east","area":"student","zone":"UTC",
                            "secret":"0123456789abcdef"}]}
                """);

        assertThat(merge.add("d/a.json", defining)).isEmpty();
        assertThat(merge.add("d/b.json", clashing)).containsExactly(
                "region \"south\" is already defined in d/a.json", "store \"s1\" is already defined in main.json");

        StoresFile.Content merged = merge.content();
        assertThat(merged.stores()).containsOnlyKeys("s1", "s2");
        // "east" was only named by main.json's store; a.json's definition gives it its name
        assertThat(merged.regions().get("east").name()).isEqualTo("East China");
        assertThat(merged.regions().get("south").name()).isEqualTo("South China");
        assertThat(merged.definedRegions()).containsExactlyInAnyOrder("east", "south");
    }
}
