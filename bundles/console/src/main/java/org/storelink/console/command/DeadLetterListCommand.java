package org.storelink.console.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.messaging.DeadLetter;
import org.storelink.messaging.DeadLetterService;
import org.storelink.stores.RegionAccess;

@Service
@Command(scope = "storelink", name = "dlq-list",
        description = "Lists dead letters with where they came from and why they failed.")
public class DeadLetterListCommand implements Action {

    @Option(name = "--max", description = "At most this many, oldest first")
    int max = 100;

    @Reference
    DeadLetterService deadLetters;

    @Override
    public Object execute() {
        RegionAccess.current().checkPlatformAdmin("storelink:dlq-list");
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Dead at");
        table.column("From");
        table.column("Failed by");
        table.column("Duplicate id");
        table.column("Reason").maxSize(120);
        for (DeadLetter letter : deadLetters.list(max)) {
            String from = letter.originalQueue() == null ? String.valueOf(letter.originalAddress())
                    : letter.originalAddress() + "::" + letter.originalQueue();
            table.addRow().addContent(letter.id(), letter.deadAt(), from, letter.failedBy(),
                    letter.duplicateId() == null ? "" : letter.duplicateId(), letter.reason());
        }
        table.print(System.out);
        return null;
    }
}
