package org.parley.room.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The statutory exceptions to mediation privilege under which the mediator may mark a caucus item (Uniform
 * Mediation Act §6(a)): the law may require the mediator to report such a communication.
 */
public enum ExceptionCategory {
    /** A threat to inflict bodily injury or commit a crime of violence (§6(a)(3)). */
    THREAT_OF_BODILY_HARM,
    /** Evidence of abuse or neglect that must be reported (§6(a)(7)). */
    ABUSE_OR_NEGLECT,
    /** A communication used to plan, attempt or commit a crime, or to conceal one (§6(a)(4)). */
    CRIME_PLANNING;

    /** The stable wire and storage name, e.g. {@code threat_of_bodily_harm}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExceptionCategory> fromWire(String wire) {
        for (ExceptionCategory category : values()) {
            if (category.wireName().equals(wire)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
