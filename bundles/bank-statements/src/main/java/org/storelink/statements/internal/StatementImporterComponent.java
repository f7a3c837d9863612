package org.storelink.statements.internal;

import java.io.InputStream;
import java.time.Clock;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.storelink.camel.OsgiCamelContexts;
import org.storelink.statements.StatementImportReport;
import org.storelink.statements.StatementImporter;
import org.storelink.stores.StoreRegistry;

/**
 * The {@link StatementImporter} service, configured by {@code etc/org.storelink.statements.cfg}. A changed
 * configuration re-activates it; an invalid one fails activation with the reason.
 */
@Component(service = StatementImporter.class, configurationPid = StatementsConfig.PID)
@Designate(ocd = StatementsConfig.class)
public final class StatementImporterComponent implements StatementImporter {
    private final CachingConnectionFactory publishing;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Statements statements;

    @Activate
    public StatementImporterComponent(BundleContext bundleContext, StatementsConfig config,
                                      @Reference StoreRegistry stores,
                                      @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory)
            throws Exception {
        AccountMapping accounts = AccountMapping.of(config.accounts(), config.unassigned());
        publishing = new CachingConnectionFactory(connectionFactory);
        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-bank-statements");
        camel.addComponent("jms", JmsComponent.jmsComponent(publishing));
        camel.start();
        producer = camel.createProducerTemplate();
        statements = new Statements(accounts, stores,
                new CamelSettlementPublisher(producer, CamelSettlementPublisher.jmsUri()), Clock.systemUTC());
    }

    @Deactivate
    void deactivate() throws Exception {
        producer.close();
        camel.close();
        publishing.destroy();
    }

    @Override
    public StatementImportReport importStatement(InputStream document, String sourceName, String channel,
                                                 boolean dryRun) {
        return statements.importStatement(document, sourceName, channel, dryRun);
    }
}
