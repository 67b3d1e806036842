package org.parley.room.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.parley.room.domain.SettlementComment;
import org.parley.room.domain.SettlementDraft;
import org.parley.room.domain.SettlementSignature;

/** Writes the settlement agreement as it stands into a {@code settlement} frame; every field is named here. */
final class SettlementFrame {

    private SettlementFrame() {
    }

    static void write(ObjectNode frame, SettlementDraft draft) {
        frame.put("type", "settlement");
        frame.put("version", draft.version());
        frame.put("text", draft.text());
        frame.put("textSha256", draft.textSha256());
        if (draft.scribe().isPresent()) {
            frame.put("scribe", draft.scribe().get().value());
        } else {
            frame.putNull("scribe");
        }
        frame.put("locked", draft.locked());
        frame.put("complete", draft.complete());
        if (draft.complete()) {
            frame.put("completedAt", draft.completedAt().toString());
            frame.put("filedWithCourt", draft.filedWithCourt());
        }
        ArrayNode comments = frame.putArray("comments");
        for (SettlementComment comment : draft.comments()) {
            ObjectNode node = comments.addObject();
            node.put("id", comment.id());
            node.put("author", comment.author().value());
            node.put("text", comment.text());
            node.put("at", comment.at().toString());
        }
        ArrayNode signatures = frame.putArray("signatures");
        for (SettlementSignature signature : draft.signatures()) {
            ObjectNode node = signatures.addObject();
            node.put("participant", signature.participant().value());
            node.put("name", signature.signedName());
            node.put("role", signature.role().name().toLowerCase(Locale.ROOT));
            node.put("witness", signature.witness());
            node.put("signedAt", signature.at().toString());
            node.put("fileWithCourt", signature.fileWithCourt());
        }
    }
}
