package org.storelink.camel;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Creates Camel contexts for route bundles inside OSGi.
 *
 * <p>Camel finds components, languages, data formats and type converters through
 * {@code META-INF/services/org/apache/camel/**} descriptors read with the context's application class loader.
 * The runtime bundle embeds the upstream Camel jars whole, so those descriptors are visible to this bundle's
 * class loader; a route bundle may carry its own (a component of its own, say). The context therefore gets a
 * class loader that asks the route bundle first and this runtime bundle second.
 */
public final class OsgiCamelContexts {

    private OsgiCamelContexts() {
    }

    /**
     * A new, not yet started context named {@code name}, resolving classes and resources from {@code routeBundle}
     * first, then from the Camel runtime.
     */
    public static CamelContext create(Bundle routeBundle, String name) {
        ClassLoader loader = new RouteBundleFirstClassLoader(routeBundle, OsgiCamelContexts.class.getClassLoader());
        DefaultCamelContext context = new DefaultCamelContext(false);
        context.getCamelContextExtension().setName(name);
        context.setApplicationContextClassLoader(loader);
        context.build();
        return context;
    }

    /** Looks in the route bundle, then in the runtime bundle (the parent). */
    static final class RouteBundleFirstClassLoader extends ClassLoader {
        private final ClassLoader routeLoader;

        RouteBundleFirstClassLoader(Bundle routeBundle, ClassLoader runtimeLoader) {
            super(runtimeLoader);
            BundleWiring wiring = routeBundle.adapt(BundleWiring.class);
            if (wiring == null) {
                throw new IllegalStateException("Bundle " + routeBundle.getSymbolicName() + " is not resolved");
            }
            this.routeLoader = wiring.getClassLoader();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            try {
                return routeLoader.loadClass(name);
            } catch (ClassNotFoundException notInRouteBundle) {
                return super.loadClass(name, resolve);
            }
        }

        @Override
        public URL getResource(String name) {
            URL url = routeLoader.getResource(name);
            return url != null ? url : getParent().getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> urls = new ArrayList<>(Collections.list(routeLoader.getResources(name)));
            for (URL url : Collections.list(getParent().getResources(name))) {
                if (!urls.contains(url)) {
                    urls.add(url);
                }
            }
            return Collections.enumeration(urls);
        }
    }
}
