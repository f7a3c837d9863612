package org.storelink.branding.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.storelink.recommend.RegionalConfigCheck;

/**
 * Lets {@code storelink:region-list/-enable/-disable} (in the recommend bundle) check branding configurations. The
 * interface is recommend's, imported optionally: this class is the only one that touches it, and as a delayed
 * component it is loaded only when recommend's commands ask for the service.
 */
@Component(service = RegionalConfigCheck.class, property = RegionalConfigCheck.MODULE_PROPERTY + "=branding")
public final class BrandingConfigCheck implements RegionalConfigCheck {
    private final BrandingModuleStatus status;

    @Activate
    public BrandingConfigCheck(@Reference BrandingModuleStatus status) {
        this.status = status;
    }

    @Override
    public String module() {
        return "branding";
    }

    @Override
    public List<String> problems(String pid, Map<String, Object> properties) {
        return status.problems(pid, properties);
    }
}
