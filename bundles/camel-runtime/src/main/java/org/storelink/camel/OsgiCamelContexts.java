package org.storelink.camel;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
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

    /** The service property holding a registered context's name. */
    public static final String NAME_PROPERTY = "camel.context.name";

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
        context.addLifecycleStrategy(new ServiceRegistration(routeBundle));
        context.build();
        return context;
    }

    /**
     * While a context runs, it is an OSGi service of its route bundle ({@code CamelContext}, property
     * {@value #NAME_PROPERTY}), so the console and tests can see every storelink route, its state and uptime.
     */
    static final class ServiceRegistration extends LifecycleStrategySupport {
        private final Bundle routeBundle;
        private org.osgi.framework.ServiceRegistration<CamelContext> registration;

        ServiceRegistration(Bundle routeBundle) {
            this.routeBundle = routeBundle;
        }

        @Override
        public synchronized void onContextStarted(CamelContext context) {
            BundleContext bundleContext = routeBundle.getBundleContext();
            if (bundleContext == null || registration != null) {
                return;
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(NAME_PROPERTY, context.getName());
            registration = bundleContext.registerService(CamelContext.class, context, properties);
        }

        @Override
        public synchronized void onContextStopping(CamelContext context) {
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the route bundle stopped first; the framework removed the service with it
                }
                registration = null;
            }
        }
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
