package org.storelink.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Dictionary;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;

class OsgiCamelContextsTest {

    @Test
    @SuppressWarnings("unchecked")
    void aRunningContextIsAServiceOfItsRouteBundleUntilItStops() throws Exception {
        Bundle bundle = mock(Bundle.class);
        BundleWiring wiring = mock(BundleWiring.class);
        BundleContext bundleContext = mock(BundleContext.class);
        ServiceRegistration<CamelContext> registration = mock(ServiceRegistration.class);
        when(bundle.adapt(BundleWiring.class)).thenReturn(wiring);
        when(wiring.getClassLoader()).thenReturn(getClass().getClassLoader());
        when(bundle.getBundleContext()).thenReturn(bundleContext);
        when(bundleContext.registerService(eq(CamelContext.class), any(CamelContext.class), any(Dictionary.class)))
                .thenReturn(registration);

        CamelContext camel = OsgiCamelContexts.create(bundle, "storelink-test");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("test.route").to("log:out");
            }
        });
        verify(bundleContext, never()).registerService(eq(CamelContext.class), any(CamelContext.class),
                any(Dictionary.class));

        camel.start();
        ArgumentCaptor<Dictionary<String, Object>> properties = ArgumentCaptor.forClass(Dictionary.class);
        verify(bundleContext).registerService(eq(CamelContext.class), eq(camel), properties.capture());
        assertThat(properties.getValue().get(OsgiCamelContexts.NAME_PROPERTY)).isEqualTo("storelink-test");
        verify(registration, never()).unregister();

        camel.stop();
        verify(registration).unregister();
    }
}
