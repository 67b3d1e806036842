package org.parley.room.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.parley.caseload.ParticipantInvited;

/**
 * Someone invited while a session of the case is live joins its roster the moment the invitation is stored, so the
 * mediator and the newcomer's side are told before the newcomer can get a ticket, let alone enter a room.
 */
@ApplicationScoped
public class LiveRosterEnrolment {

    private final LiveSessionRegistry registry;

    public LiveRosterEnrolment(LiveSessionRegistry registry) {
        this.registry = registry;
    }

    void onInvited(@Observes ParticipantInvited invited) {
        registry.enrol(invited);
    }
}
