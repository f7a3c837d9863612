package org.storelink.console.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.storelink.stores.RegionalConfigCheck;

/** {@link RegionAdmin.Environment} from the running framework: its services and the bundles' metatype. */
public final class OsgiRegionEnvironment implements RegionAdmin.Environment {
    private final BundleContext context;
    private final MetaTypeService metatype;

    /** @param metatype null when no MetaTypeService runs: keys are then not checked */
    public OsgiRegionEnvironment(BundleContext context, MetaTypeService metatype) {
        this.context = context;
        this.metatype = metatype;
    }

    @Override
    public boolean active(String pid) {
        try {
            ServiceReference<?>[] found = context.getServiceReferences((String) null,
                    "(service.pid=" + escape(pid) + ")");
            return found != null && found.length > 0;
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    @Override
    public Optional<RegionalConfigCheck> check(String module) {
        ServiceReference<RegionalConfigCheck>[] found;
        try {
            @SuppressWarnings("unchecked")
            ServiceReference<RegionalConfigCheck>[] references = (ServiceReference<RegionalConfigCheck>[])
                    context.getServiceReferences(RegionalConfigCheck.class.getName(),
                            "(" + RegionalConfigCheck.MODULE_PROPERTY + "=" + escape(module) + ")");
            found = references;
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        if (found == null || found.length == 0) {
            return Optional.empty();
        }
        ServiceReference<RegionalConfigCheck> reference = found[0];
        // the service is got for each use and released right after, so the command holds nothing
        return Optional.of(new RegionalConfigCheck() {
            @Override
            public String module() {
                return module;
            }

            @Override
            public List<String> problems(String pid, Map<String, Object> properties) {
                RegionalConfigCheck check = context.getService(reference);
                if (check == null) {
                    return List.of();
                }
                try {
                    return check.problems(pid, properties);
                } finally {
                    context.ungetService(reference);
                }
            }
        });
    }

    @Override
    public Optional<Map<String, RegionAdmin.Key>> keys(String module) {
        if (metatype == null) {
            return Optional.empty();
        }
        String factoryPid = RegionAdmin.factoryPid(module);
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation information = metatype.getMetaTypeInformation(bundle);
            if (information == null || !contains(information.getFactoryPids(), factoryPid)) {
                continue;
            }
            ObjectClassDefinition definition = information.getObjectClassDefinition(factoryPid, null);
            Map<String, RegionAdmin.Key> keys = new LinkedHashMap<>();
            AttributeDefinition[] required = definition.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
            for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                keys.put(attribute.getID(), new RegionAdmin.Key(attribute.getID(), type(attribute.getType()),
                        contains(required, attribute), attribute.getCardinality() != 0, attribute::validate));
            }
            return Optional.of(keys);
        }
        return Optional.empty();
    }

    private static boolean contains(String[] values, String wanted) {
        if (values != null) {
            for (String value : values) {
                if (wanted.equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(AttributeDefinition[] attributes, AttributeDefinition wanted) {
        if (attributes != null) {
            for (AttributeDefinition attribute : attributes) {
                if (attribute.getID().equals(wanted.getID())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Class<?> type(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> Integer.class;
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> Double.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            default -> String.class;
        };
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
