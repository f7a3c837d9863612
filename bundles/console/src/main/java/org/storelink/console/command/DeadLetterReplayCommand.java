package org.storelink.console.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.messaging.DeadLetter;
import org.storelink.messaging.DeadLetterService;
import org.storelink.stores.RegionAccess;

@Service
@Command(scope = "storelink", name = "dlq-replay",
        description = "Sends a dead letter back to the queue it came from (use the ID from storelink:dlq-list).")
public class DeadLetterReplayCommand implements Action {

    @Argument(index = 0, name = "ID", description = "Dead letter id from storelink:dlq-list", required = true)
    long id;

    @Reference
    DeadLetterService deadLetters;

    @Override
    public Object execute() {
        RegionAccess.current().checkPlatformAdmin("storelink:dlq-replay");
        DeadLetter letter = deadLetters.replay(id);
        System.out.println("Replayed dead letter " + letter.id() + " to " + letter.originalAddress()
                + (letter.originalQueue() == null ? "" : "::" + letter.originalQueue()));
        return null;
    }
}
