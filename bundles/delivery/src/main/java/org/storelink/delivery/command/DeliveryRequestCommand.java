package org.storelink.delivery.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.delivery.Deliveries;
import org.storelink.delivery.Submission;

@Service
@Command(scope = "storelink", name = "delivery-request",
        description = "Takes a store's customer order for delivery from a JSON file, as POST"
                + " /storelink/api/v1/stores/{id}/deliveries does.")
public class DeliveryRequestCommand implements Action {
    static final long MAX_FILE = 64 * 1024;

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Option(name = "--file", required = true, description = "The delivery request, JSON")
    String file;

    @Reference
    Deliveries deliveries;

    @Override
    public Object execute() throws IOException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--file: no such file " + path);
        }
        if (Files.size(path) > MAX_FILE) {
            throw new IllegalArgumentException("--file: " + path + " is over " + MAX_FILE + " bytes");
        }
        print(deliveries.request(store, Files.readAllBytes(path)), System.out);
        return null;
    }

    /** Prints a delivery taken; anything else is an exception with every problem, for the shell to show. */
    static void print(Submission submission, PrintStream out) {
        switch (submission.outcome()) {
            case CREATED -> out.println("Delivery " + submission.deliveryId() + " requested from fleet "
                    + submission.fleet() + "; the request goes to partner." + submission.fleet() + ".out.");
            case EXISTING -> out.println("Already taken: delivery " + submission.deliveryId() + " (fleet "
                    + submission.fleet() + "). Nothing stored again.");
            default -> throw new IllegalArgumentException(submission.detail() + (submission.violations().isEmpty()
                    ? "" : ":\n" + submission.violations().stream().map(v -> "  " + v.path() + ": " + v.message())
                    .collect(Collectors.joining("\n"))));
        }
    }
}
