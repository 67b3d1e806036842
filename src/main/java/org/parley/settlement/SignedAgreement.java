package org.parley.settlement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A complete settlement agreement as it is rendered and handed out: the text, its SHA-256, when the last party
 * signed, whether every party chose to file it with the court, and the signatures in the order they were given.
 */
public record SignedAgreement(String text, String textSha256, Instant completedAt, boolean filed,
                              List<Signer> signers) {

    public SignedAgreement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(textSha256, "textSha256");
        Objects.requireNonNull(completedAt, "completedAt");
        signers = List.copyOf(signers);
    }

    /** One signature: the typed name, the capacity ({@code party}, {@code counsel}, {@code mediator}), the time. */
    public record Signer(String name, String role, Instant signedAt, boolean fileWithCourt) {
        public boolean witness() {
            return !"party".equals(role);
        }
    }

    @Override
    public String toString() {
        // Never the text, wherever an agreement is printed.
        return "SignedAgreement[" + textSha256 + ", signers=" + signers.size() + "]";
    }
}
