package org.parley.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.parley.document.TestDocuments.concat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.platform.problem.ApiException;

class ContentCheckTest {

    private static final Optional<String> UNDECLARED = Optional.empty();

    @Test
    void eachAcceptedKindIsRecognisedByItsBytes() {
        assertEquals(DocumentKind.PDF, ContentCheck.check("terms.pdf", UNDECLARED, TestDocuments.pdf("hello")));
        assertEquals(DocumentKind.PNG, ContentCheck.check("plan.PNG", Optional.of("image/png"), TestDocuments.png()));
        assertEquals(DocumentKind.JPEG, ContentCheck.check("photo.jpg", UNDECLARED, TestDocuments.jpeg()));
        assertEquals(DocumentKind.JPEG, ContentCheck.check("photo.jpeg", Optional.of("application/octet-stream"),
                TestDocuments.jpeg()));
        assertEquals(DocumentKind.TEXT, ContentCheck.check("notes.txt", Optional.of("text/plain; charset=utf-8"),
                TestDocuments.text("Grüße — 40k, final\r\n\tnext line")));
    }

    @Test
    void aFileWhoseNameSaysAnotherKindIsRefused() {
        refused("photo.pdf", TestDocuments.png());
        refused("terms.txt", TestDocuments.pdf("x"));
        refused("notes.png", TestDocuments.text("just text"));
        refused("photo.png", TestDocuments.jpeg());
    }

    @Test
    void aDeclaredTypeThatDisagreesWithTheBytesIsRefused() {
        assertRefused(() -> ContentCheck.check("plan.png", Optional.of("text/html"), TestDocuments.png()));
        assertRefused(() -> ContentCheck.check("terms.pdf", Optional.of("image/png"), TestDocuments.pdf("x")));
    }

    @Test
    void namesOfOtherKindsOrWithoutAnExtensionAreRefused() {
        refused("page.html", TestDocuments.text("hello"));
        refused("run.exe", TestDocuments.text("hello"));
        refused("README", TestDocuments.text("hello"));
        refused("trailingdot.", TestDocuments.text("hello"));
        refused("empty.txt", new byte[0]);
    }

    @Test
    void polyglotsWithAnythingAppendedAreRefused() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        refused("terms.pdf", concat(TestDocuments.pdf("x"), zip));
        refused("terms.pdf", concat(TestDocuments.pdf("x"), html));
        refused("plan.png", concat(TestDocuments.png(), html));
        refused("photo.jpg", concat(TestDocuments.jpeg(), zip));
        refused("photo.jpg", concat(TestDocuments.jpeg(), TestDocuments.pdf("x")));
    }

    @Test
    void markupAndBinaryPosingAsTextAreRefused() {
        refused("notes.txt", TestDocuments.text("  <!DOCTYPE html><p>hi</p>"));
        refused("notes.txt", TestDocuments.text("\uFEFF<svg onload=alert(1)>"));
        refused("notes.txt", TestDocuments.text("<script>alert(1)</script>"));
        refused("notes.txt", new byte[] {'a', 0, 'b'});
        refused("notes.txt", new byte[] {'a', (byte) 0xc3, '('});
        refused("archive.txt", new byte[] {'P', 'K', 3, 4});
    }

    @Test
    void brokenStructuresAreRefused() {
        byte[] png = TestDocuments.png();
        byte[] badCrc = png.clone();
        badCrc[png.length - 20] ^= 0x5a;
        refused("plan.png", badCrc);
        byte[] truncatedPng = java.util.Arrays.copyOf(png, png.length - 12);
        refused("plan.png", truncatedPng);
        byte[] jpeg = TestDocuments.jpeg();
        refused("photo.jpg", java.util.Arrays.copyOf(jpeg, jpeg.length - 2));
        byte[] pdf = TestDocuments.pdf("x");
        refused("terms.pdf", java.util.Arrays.copyOf(pdf, pdf.length - 7));
    }

    @Test
    void aPdfNamingScriptOrLaunchActionsIsRefusedEvenWhenTheNameIsEscaped() {
        refused("terms.pdf", pdfWith("<< /S /JavaScript /JS (app.alert(1)) >>"));
        refused("terms.pdf", pdfWith("<< /S /Java#53cript >>"));
        refused("terms.pdf", pdfWith("<< /S /Launch /F (cmd.exe) >>"));
        refused("terms.pdf", pdfWith("<< /EmbeddedFiles 9 0 R >>"));
    }

    @Test
    void chanceBytesInsideAPdfStreamAreNotMistakenForActiveContent() {
        String pdf = new String(TestDocuments.pdf("see /JS here"), StandardCharsets.ISO_8859_1);
        assertEquals(DocumentKind.PDF, ContentCheck.check("terms.pdf", UNDECLARED,
                pdf.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static byte[] pdfWith(String dictionary) {
        String pdf = new String(TestDocuments.pdf("x"), StandardCharsets.ISO_8859_1);
        return pdf.replace("<< /Type /Catalog", dictionary + "\n<< /Type /Catalog")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void refused(String name, byte[] bytes) {
        assertRefused(() -> ContentCheck.check(name, UNDECLARED, bytes));
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable check) {
        ApiException refused = assertThrows(ApiException.class, check);
        assertEquals(DocumentErrors.TYPE_REFUSED, refused.code());
        assertEquals(415, refused.status());
    }
}
