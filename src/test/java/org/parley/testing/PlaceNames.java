package org.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the wire name of a place ({@code lobby}, {@code joint}, {@code caucus:<id>}) from a place object. */
public final class PlaceNames {

    private PlaceNames() {
    }

    public static String of(JsonNode place) {
        String kind = place.path("kind").asText();
        return kind.equals("caucus") ? "caucus:" + place.path("caucus").asText() : kind;
    }
}
