package org.storelink.wholesale.command;

import java.io.PrintStream;
import java.util.List;

import org.storelink.wholesale.WholesaleOrdering;

/** Runs the package-private command classes from tests in other packages. */
public final class CommandAccess {

    private CommandAccess() {
    }

    public static void replenish(WholesaleOrdering wholesale, String store, PrintStream out) {
        ReplenishCommand command = new ReplenishCommand();
        command.wholesale = wholesale;
        command.store = store;
        command.out = out;
        command.execute();
    }

    public static void confirm(WholesaleOrdering wholesale, String store, List<String> lines, PrintStream out) {
        OrderConfirmCommand command = new OrderConfirmCommand();
        command.wholesale = wholesale;
        command.store = store;
        command.lines = lines;
        command.out = out;
        command.execute();
    }

    public static void cutoff(WholesaleOrdering wholesale, PrintStream out) {
        CutoffCommand command = new CutoffCommand();
        command.wholesale = wholesale;
        command.out = out;
        command.execute();
    }

    public static void orders(WholesaleOrdering wholesale, String store, PrintStream out) {
        OrdersCommand command = new OrdersCommand();
        command.wholesale = wholesale;
        command.store = store;
        command.out = out;
        command.execute();
    }
}
