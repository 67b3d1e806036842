package org.parley.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.parley.document.grant.DocumentGrant;
import org.parley.document.grant.DocumentGrants;
import org.parley.document.grant.GrantPurpose;
import org.parley.platform.problem.ApiException;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.SeenPlace;
import org.parley.testing.MutableClock;

class DocumentGrantsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final DocumentGrants grants = new DocumentGrants(clock, new SecureRandom(), Duration.ofSeconds(60), 100);
    private final UUID session = UUID.randomUUID();
    private final ParticipantId holder = ParticipantId.of("party-a");
    private final ItemId item = new ItemId("item-1");

    @Test
    void aDownloadGrantWorksOnceForItsHolderSessionAndItem() {
        DocumentGrant grant = grants.issueDownload(session, holder, item);

        assertEquals(grant, grants.redeem(grant.token(), GrantPurpose.DOWNLOAD, session, holder, Optional.of(item)));
        refused(DocumentErrors.GRANT_USED,
                () -> grants.redeem(grant.token(), GrantPurpose.DOWNLOAD, session, holder, Optional.of(item)));
    }

    @Test
    void tokensAreLongAndUnpredictable() {
        String first = grants.issueDownload(session, holder, item).token();
        String second = grants.issueDownload(session, holder, item).token();

        assertNotEquals(first, second);
        assertTrue(first.length() >= 43, "256 bits, base64url");
        assertTrue(!grants.issueDownload(session, holder, item).toString().contains(first));
    }

    @Test
    void eachMisuseIsATypedRefusalAndUsesTheGrantUp() {
        DocumentGrant forOtherSession = grants.issueDownload(session, holder, item);
        refused(DocumentErrors.GRANT_OTHER_SESSION, () -> grants.redeem(forOtherSession.token(),
                GrantPurpose.DOWNLOAD, UUID.randomUUID(), holder, Optional.of(item)));
        refused(DocumentErrors.GRANT_USED, () -> grants.redeem(forOtherSession.token(), GrantPurpose.DOWNLOAD,
                session, holder, Optional.of(item)));

        DocumentGrant forOtherItem = grants.issueDownload(session, holder, item);
        refused(DocumentErrors.GRANT_OTHER_ITEM, () -> grants.redeem(forOtherItem.token(), GrantPurpose.DOWNLOAD,
                session, holder, Optional.of(new ItemId("item-2"))));

        DocumentGrant someoneElses = grants.issueDownload(session, holder, item);
        refused(DocumentErrors.GRANT_INVALID, () -> grants.redeem(someoneElses.token(), GrantPurpose.DOWNLOAD,
                session, ParticipantId.of("party-b"), Optional.of(item)));

        DocumentGrant upload = grants.issueUpload(session, holder, SeenPlace.of(Place.joint(), 3));
        refused(DocumentErrors.GRANT_INVALID, () -> grants.redeem(upload.token(), GrantPurpose.DOWNLOAD, session,
                holder, Optional.of(item)));

        refused(DocumentErrors.GRANT_INVALID, () -> grants.redeem("made-up", GrantPurpose.DOWNLOAD, session, holder,
                Optional.of(item)));
        refused(DocumentErrors.GRANT_INVALID, () -> grants.redeem(null, GrantPurpose.DOWNLOAD, session, holder,
                Optional.of(item)));
    }

    @Test
    void aGrantExpiresAfterItsLifetime() {
        DocumentGrant grant = grants.issueDownload(session, holder, item);
        clock.advance(Duration.ofSeconds(60));

        refused(DocumentErrors.GRANT_EXPIRED,
                () -> grants.redeem(grant.token(), GrantPurpose.DOWNLOAD, session, holder, Optional.of(item)));
    }

    @Test
    void anEndedSessionsGrantsAreGone() {
        DocumentGrant grant = grants.issueDownload(session, holder, item);

        grants.dropSession(session);

        refused(DocumentErrors.GRANT_INVALID,
                () -> grants.redeem(grant.token(), GrantPurpose.DOWNLOAD, session, holder, Optional.of(item)));
        assertEquals(0, grants.outstanding());
    }

    @Test
    void outstandingGrantsAreBounded() {
        DocumentGrants few = new DocumentGrants(clock, new SecureRandom(), Duration.ofSeconds(60), 2);
        few.issueDownload(session, holder, item);
        few.issueDownload(session, holder, item);

        assertEquals("rate_limited", assertThrows(ApiException.class,
                () -> few.issueDownload(session, holder, item)).code());
        clock.advance(Duration.ofSeconds(121));
        // Forgotten a lifetime (at least a minute) after they expired.
        few.issueDownload(session, holder, item);
    }

    private static void refused(String code, Executable redeem) {
        assertEquals(code, assertThrows(ApiException.class, redeem).code());
    }
}
