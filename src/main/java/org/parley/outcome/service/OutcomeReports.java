package org.parley.outcome.service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.caseload.CaseParticipant;
import org.parley.outcome.OutcomeAttendance;
import org.parley.outcome.OutcomeReport;
import org.parley.outcome.SessionOutcome;

/**
 * Joins recorded outcomes, attendance lines and the case's participants into the court's view: sessions in their
 * order, attendance in invitation order, sessions without a recorded outcome left out.
 */
final class OutcomeReports {

    private OutcomeReports() {
    }

    static List<OutcomeReport> assemble(List<UUID> sessionOrder, List<SessionOutcome> recorded,
            List<OutcomeAttendance> lines, List<CaseParticipant> people) {
        Map<UUID, SessionOutcome> bySession = recorded.stream()
                .collect(Collectors.toMap(outcome -> outcome.sessionId, Function.identity()));
        Map<UUID, CaseParticipant> byId = people.stream()
                .collect(Collectors.toMap(person -> person.id, Function.identity()));
        Map<UUID, Integer> invitationOrder = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            invitationOrder.put(people.get(i).id, i);
        }
        return sessionOrder.stream().filter(bySession::containsKey).map(sessionId -> {
            SessionOutcome outcome = bySession.get(sessionId);
            // After a purge no participant is left to name: the line keeps its role and pseudonymous id.
            List<OutcomeReport.Line> attendance = lines.stream()
                    .filter(line -> line.sessionId.equals(sessionId)
                            && (byId.containsKey(line.participantId) || line.role != null))
                    .sorted(Comparator.comparing((OutcomeAttendance line) ->
                                    invitationOrder.getOrDefault(line.participantId, Integer.MAX_VALUE))
                            .thenComparing(line -> line.participantId))
                    .map(line -> {
                        CaseParticipant person = byId.get(line.participantId);
                        return person == null
                                ? new OutcomeReport.Line(line.participantId, null, line.role, line.attended)
                                : new OutcomeReport.Line(person.id, person.displayName, person.role, line.attended);
                    })
                    .toList();
            return new OutcomeReport(sessionId, outcome.held, outcome.ended, outcome.settlement, attendance,
                    outcome.recordedAt);
        }).toList();
    }
}
