package org.parley.room.domain;

import java.util.Map;
import java.util.TreeMap;

/** Counts accepted and refused commands per kind across a model run, to prove the run exercised every rule. */
final class ModelStats {

    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<ErrorCode, Integer> refusalCodes = new TreeMap<>();
    private final Map<String, Integer> notes = new TreeMap<>();

    void count(String kind, Decision decision) {
        int[] pair = counts.computeIfAbsent(kind, k -> new int[2]);
        pair[decision.isAccepted() ? 0 : 1]++;
        if (decision instanceof Decision.Refused refused) {
            refusalCodes.merge(refused.code(), 1, Integer::sum);
        }
    }

    /** Counts a situation the run should reach (e.g. a third party hearing a message), to prove it was reached. */
    void note(String situation) {
        notes.merge(situation, 1, Integer::sum);
    }

    int noted(String situation) {
        return notes.getOrDefault(situation, 0);
    }

    int refusedWith(ErrorCode code) {
        return refusalCodes.getOrDefault(code, 0);
    }

    int accepted(String kind) {
        return counts.getOrDefault(kind, new int[2])[0];
    }

    int refused(String kind) {
        return counts.getOrDefault(kind, new int[2])[1];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, pair) -> text.append(kind).append('=').append(pair[0]).append('/').append(pair[1])
                .append(' '));
        text.append("| codes ").append(refusalCodes).append(" | ").append(notes);
        return text.toString().trim();
    }
}
