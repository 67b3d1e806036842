package org.parley.room.domain;

import java.util.Map;
import java.util.TreeMap;

/** Counts accepted and refused commands per kind across a model run, to prove the run exercised every rule. */
final class ModelStats {

    private final Map<String, int[]> counts = new TreeMap<>();

    void count(String kind, Decision decision) {
        int[] pair = counts.computeIfAbsent(kind, k -> new int[2]);
        pair[decision.isAccepted() ? 0 : 1]++;
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
        return text.toString().trim();
    }
}
