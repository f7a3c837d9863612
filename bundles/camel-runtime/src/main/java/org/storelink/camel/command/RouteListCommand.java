package org.storelink.camel.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.storelink.camel.OsgiCamelContexts;

/**
 * Every route of every running storelink Camel context, with its state and how long it has run: an operator sees at
 * a glance that a module came up, and that installing or reconfiguring another did not restart it.
 */
@Service
@Command(scope = "storelink", name = "route-list",
        description = "Lists the Camel routes of every storelink module: context, route, state, uptime, consumer")
public class RouteListCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Option(name = "--context", description = "Only this Camel context (e.g. storelink-ledger)")
    String contextName;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        table.column("Context");
        table.column("Route");
        table.column("State");
        table.column("Uptime (ms)").alignRight();
        table.column("Uptime");
        table.column("Consumes from");
        for (RouteRow row : rows()) {
            table.addRow().addContent(row.context(), row.route(), row.state(), row.uptimeMillis(),
                    format(Duration.ofMillis(row.uptimeMillis())), row.from());
        }
        table.print(System.out);
        return null;
    }

    List<RouteRow> rows() throws Exception {
        List<RouteRow> rows = new ArrayList<>();
        for (ServiceReference<CamelContext> reference : bundleContext.getServiceReferences(CamelContext.class,
                "(" + OsgiCamelContexts.NAME_PROPERTY + "=*)")) {
            CamelContext context = bundleContext.getService(reference);
            if (context == null) {
                continue;
            }
            try {
                if (contextName != null && !contextName.equals(context.getName())) {
                    continue;
                }
                for (Route route : context.getRoutes()) {
                    rows.add(new RouteRow(context.getName(), route.getRouteId(),
                            String.valueOf(context.getRouteController().getRouteStatus(route.getRouteId())),
                            route.getUptimeMillis(), route.getEndpoint().getEndpointBaseUri()));
                }
            } finally {
                bundleContext.ungetService(reference);
            }
        }
        rows.sort(Comparator.comparing(RouteRow::context).thenComparing(RouteRow::route));
        return rows;
    }

    static String format(Duration uptime) {
        long seconds = uptime.toSeconds();
        return String.format("%dh %02dm %02ds", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    record RouteRow(String context, String route, String state, long uptimeMillis, String from) {
    }
}
