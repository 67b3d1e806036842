package org.parley.room.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settlement agreement of a session as it stands now, an immutable value: the terms the mediator (or its
 * scribe) drafts, the comments on them and the signatures. The text is content, held in memory only, until the
 * agreement is complete; what is kept of it is its SHA-256 and the signatures.
 *
 * @param version counts the edits; 0 while nothing was drafted
 * @param completedAt when the last party signed; null until then
 */
public record SettlementDraft(String text, long version, Optional<ParticipantId> scribe,
                              List<SettlementComment> comments, List<SettlementSignature> signatures,
                              Instant completedAt) {

    /** A session's agreement before anybody drafted anything. */
    public static final SettlementDraft NONE = new SettlementDraft("", 0, Optional.empty(), List.of(), List.of(),
            null);

    public SettlementDraft {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scribe, "scribe");
        comments = List.copyOf(comments);
        signatures = List.copyOf(signatures);
    }

    @Override
    public String toString() {
        // Never the text or the comments, wherever a draft is printed.
        return "SettlementDraft[version=" + version + ", sha256=" + textSha256() + ", signatures="
                + signatures.size() + ", complete=" + complete() + "]";
    }

    /** The SHA-256 of the text's UTF-8 bytes, in lower-case hex: what a signer signs and what the record keeps. */
    public String textSha256() {
        return WordingDigest.sha256Hex(text);
    }

    /** Whether anything happened to the agreement yet: entrants of the joint room are shown it only then. */
    public boolean started() {
        return version > 0 || scribe.isPresent();
    }

    /** Once anyone has signed, the text can no longer change: every signer signed the same words. */
    public boolean locked() {
        return !signatures.isEmpty();
    }

    public boolean complete() {
        return completedAt != null;
    }

    /** Filed with the court: complete, and every party asked for it (witnesses have no say). */
    public boolean filedWithCourt() {
        return complete() && signatures.stream().filter(signature -> !signature.witness())
                .allMatch(SettlementSignature::fileWithCourt);
    }

    public Optional<SettlementSignature> signatureOf(ParticipantId participant) {
        return signatures.stream().filter(signature -> signature.participant().equals(participant)).findFirst();
    }

    SettlementDraft withText(String newText) {
        return new SettlementDraft(newText, version + 1, scribe, comments, signatures, completedAt);
    }

    SettlementDraft withScribe(Optional<ParticipantId> newScribe) {
        return new SettlementDraft(text, version, newScribe, comments, signatures, completedAt);
    }

    SettlementDraft withComment(SettlementComment comment) {
        List<SettlementComment> more = new ArrayList<>(comments);
        more.add(comment);
        return new SettlementDraft(text, version, scribe, more, signatures, completedAt);
    }

    SettlementDraft withSignature(SettlementSignature signature, Instant completed) {
        List<SettlementSignature> more = new ArrayList<>(signatures);
        more.add(signature);
        return new SettlementDraft(text, version, scribe, comments, more, completed);
    }
}
