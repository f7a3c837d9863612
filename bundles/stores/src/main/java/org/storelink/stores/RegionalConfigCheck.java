package org.storelink.stores;

import java.util.List;
import java.util.Map;

/**
 * Checks the configuration of a regional module ({@code org.storelink.<module>-<region>.cfg}) the way the module's
 * own component does when it activates, so {@code storelink:region-list} can say why a region's instance is not
 * active. Registered with the service property {@code storelink.module=<module>}.
 */
public interface RegionalConfigCheck {

    String MODULE_PROPERTY = "storelink.module";

    String module();

    /**
     * Every problem of the configuration, each naming its key ({@code "neighbours: -2 is below the minimum 1"}),
     * or why its last activation failed; empty when it is valid.
     *
     * @param pid the configuration's PID ({@code org.storelink.recommend~east})
     */
    List<String> problems(String pid, Map<String, Object> properties);
}
