package org.parley.settlement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.parley.settlement.pdf.AgreementPdf;

/** The rendered agreement: its text, hash and signers are in it, and the same agreement gives the same bytes. */
class AgreementPdfTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:15:30Z");
    private static final String HASH = "a".repeat(64);

    private static SignedAgreement agreement(String text) {
        return new SignedAgreement(text, HASH, AT, true, List.of(
                new SignedAgreement.Signer("Alice Party", "party", AT.minusSeconds(60), true),
                new SignedAgreement.Signer("Carol Counsel", "counsel", AT.minusSeconds(30), false),
                new SignedAgreement.Signer("Bob Party", "party", AT, true)));
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The hash printed in the PDF, read back from its text. */
    static String hashIn(byte[] pdf) throws IOException {
        String text = textOf(pdf).replaceAll("\\s+", " ");
        int at = text.indexOf(AgreementPdf.HASH_LABEL.trim());
        return text.substring(at + AgreementPdf.HASH_LABEL.length(), at + AgreementPdf.HASH_LABEL.length() + 64);
    }

    @Test
    void carriesTheTextTheHashTheTimesAndEverySigner() throws IOException {
        byte[] pdf = new AgreementPdf().render(agreement("1. Alice pays Bob 500 EUR by 31 December.\n2. Done."));
        String text = textOf(pdf);
        assertTrue(text.contains("1. Alice pays Bob 500 EUR by 31 December."), text);
        assertTrue(text.contains("2. Done."), text);
        assertEquals(HASH, hashIn(pdf));
        assertTrue(text.contains("Alice Party, party, signed 2026-12-01 10:14:30 UTC"), text);
        assertTrue(text.contains("Carol Counsel, witness (counsel)"), text);
        assertTrue(text.contains("Completed: 2026-12-01 10:15:30 UTC"), text);
    }

    @Test
    void theSameAgreementGivesTheSameBytes() {
        byte[] first = new AgreementPdf().render(agreement("terms"));
        byte[] second = new AgreementPdf().render(agreement("terms"));
        assertArrayEquals(first, second);
    }

    @Test
    void namesAndTermsOutsideLatin1PrintAsWritten() throws IOException {
        byte[] pdf = new AgreementPdf().render(new SignedAgreement("Łukasz Żółć pays Ωmega Ltd 500 € (Київ).", HASH,
                AT, false, List.of(new SignedAgreement.Signer("Łukasz Żółć", "party", AT, false))));
        String text = textOf(pdf);
        assertTrue(text.contains("Łukasz Żółć pays Ωmega Ltd 500 € (Київ)."), text);
        assertTrue(text.contains("Łukasz Żółć, party, signed"), text);
    }

    @Test
    void longTextRunsOverPagesAndUnprintableCharactersBecomeQuestionMarks() throws IOException {
        String longText = "clause ".repeat(3000) + "\n漢 end";
        byte[] pdf = new AgreementPdf().render(agreement(longText));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() > 1);
        }
        assertTrue(textOf(pdf).contains("? end"));
    }
}
