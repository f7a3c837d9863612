package org.storelink.statements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StatementFolderFeedTest {

    @Test
    void theCamelContextIsNamedAfterTheConfigurationFile() {
        assertThat(StatementFolderFeed.configName(Map.of("service.pid", "org.storelink.statements.folder~bank1")))
                .isEqualTo("bank1");
        assertThat(StatementFolderFeed.configName(Map.of("service.pid",
                "org.storelink.statements.folder.5b2c-41d3"))).isEqualTo("5b2c-41d3");
    }
}
