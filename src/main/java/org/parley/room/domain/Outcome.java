package org.parley.room.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects the deliveries and facts of one accepted command, in the order they happened. */
final class Outcome {

    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();

    void deliver(ParticipantId recipient, Event event) {
        deliveries.add(new Delivery(recipient, event));
    }

    void deliverEach(Collection<ParticipantId> recipients, Event event) {
        recipients.forEach(recipient -> deliver(recipient, event));
    }

    void record(Fact fact) {
        facts.add(fact);
    }

    Decision.Accepted accepted() {
        return new Decision.Accepted(deliveries, facts);
    }
}
