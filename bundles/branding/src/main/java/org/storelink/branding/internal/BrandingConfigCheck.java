package org.storelink.branding.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.storelink.stores.RegionalConfigCheck;

/**
 * Lets {@code storelink:region-list/-enable/-disable} (in the console bundle) check branding configurations, found
 * by the service property {@code storelink.module=branding}. The interface is the store registry's
 * ({@code org.storelink.stores}), so branding needs no other regional module.
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
